//! Writing: format-preserving edits (splice, flow_list, edit, change, fields, scalar), what an
//! edit must read back as and the guards before it is written (readback), the canonical text of what is written whole (emit), and
//! landing files safely (atomic, init).

pub mod atomic;
pub mod change;
pub mod edit;
#[cfg(test)]
mod edit_props;
pub mod emit;
pub mod fields;
pub mod flow_list;
pub mod init;
pub mod readback;
mod repeats;
pub mod scalar;
pub mod splice;
