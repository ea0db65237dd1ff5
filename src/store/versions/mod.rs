//! Versions of the roadmap: snapshots in `snapshots/`, and references (working, a snapshot, a
//! date, a path, `git:REV`) resolved to one roadmap.

pub mod refs;
pub mod snapshot;
