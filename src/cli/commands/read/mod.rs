//! The commands that read the roadmap and show it: the timeline, the list, one entry, and
//! the check.

pub mod check;
pub mod list;
pub mod show;
pub mod timeline;
