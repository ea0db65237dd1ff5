//! The commands that write documents for other places: the HTML report, shell completion
//! scripts and the manual pages.

pub mod completions;
pub mod man;
pub mod report;
