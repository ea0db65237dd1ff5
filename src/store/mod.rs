//! Files <-> Roadmap: finding the data, loading and checking it, writing the embedded copy.
//! The only layer that touches the disk or YAML syntax.

mod change;
mod check;
mod decode;
mod edit;
#[cfg(test)]
mod edit_props;
mod emit;
mod fields;
mod init;
mod load;
mod refs;
mod scalar;
mod snapshot;
mod source;
mod splice;
mod write;
mod yaml;

pub use change::{Planned, Request, find, plan};
pub use decode::{is_slug, slugify};
pub use edit::Op;
pub use emit::{roadmap_text, snapshot_text, vendor_text};
pub use fields::{parse_set, parse_unset, positive, spec_value};
pub use init::init;
pub use load::{
    CheckReport, DataDir, Loaded, check_data, find_roadmaps_dir, load_data, load_path, vendor_file,
};
pub use refs::{Resolved, resolve, resolve_newest};
pub use scalar::Value;
pub use snapshot::{
    NewSnapshot, Snapshot, plan_snapshot, snapshot, snapshot_names, snapshots, write_snapshot,
};
pub use write::{DirLock, FAULT_ENV, write_atomic};
