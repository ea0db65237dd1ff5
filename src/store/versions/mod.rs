//! Versions of the roadmap: snapshots in `snapshots/`, references (working, a snapshot, a
//! date, a path, `git:REV`) resolved to one roadmap, and walks over many versions (snapshots,
//! or the commits of git history), all reading git through the one reader in `git`.

pub(in crate::store) mod git;
pub mod refs;
pub mod snapshot;
pub mod walk;
