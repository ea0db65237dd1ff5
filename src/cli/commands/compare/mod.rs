//! The commands that compare versions of the roadmap: two of them (`diff`), and all of them
//! (`history`, `slips`), over the versions `versions` resolves.

pub mod diff;
pub mod history;
pub mod slips;
pub mod versions;
