//! Files <-> Roadmap, in three parts: reading (find, parse, decode, check, load), writing
//! (format-preserving edits, whole files, atomic writes, init) and versions (snapshots, refs,
//! walks over many versions, and the one reader of git).
//! The only layer that touches the disk or YAML syntax.

mod read;
mod versions;
mod write;

pub use read::datadir::{Found, MARKER, Why, below_cwd, find_data_dir, shown};
pub use read::decode::{is_slug, slugify};
pub use read::file::{DEFAULT_MAX_FILE_MB, MAX_FILE_ENV, set_max_file_mb};
pub use read::load::{CheckReport, DataDir, Loaded, check_data, load_data, load_path, vendor_file};
pub use versions::refs::{Resolved, resolve, resolve_newest};
pub use versions::snapshot::{
    NewSnapshot, Snapshot, plan_snapshot, snapshot, snapshot_names, snapshots, write_snapshot,
};
pub use versions::walk::{Walk, WalkOptions, walk};
pub use write::atomic::{
    DEFAULT_LOCK_TIMEOUT, DirLock, FAULT_ENV, LOCK_TIMEOUT_ENV, leftovers, write_atomic, write_into,
};
pub use write::change::{Planned, Request, find, plan};
pub use write::edit::Op;
pub use write::emit::{roadmap_text, snapshot_text, vendor_text};
pub use write::fields::{parse_set, parse_unset, positive};
pub use write::init::init;
pub use write::scalar::Value;
