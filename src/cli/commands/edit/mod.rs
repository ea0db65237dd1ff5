//! The commands that change files: add, update and remove an entry (the shared recipe in
//! `change`, the field flags in `fields`), freeze a snapshot, and write a data directory.

pub mod add;
mod change;
mod fields;
pub mod init;
pub mod remove;
pub mod snapshot;
pub mod update;
