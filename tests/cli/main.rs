//! chipmap's command line, end to end: one integration binary, one module per area.

mod browser;
mod chart;
mod commands;
mod common;
mod crash;
mod datadir;
mod dates;
mod diffs;
mod docs;
mod edit;
mod files;
mod fit;
mod formats;
mod history;
mod invalid;
mod large;
mod matching;
mod pictures;
mod readme;
mod refs;
mod report;
mod shell;
mod strict;
mod versions;
mod visible;
mod write;
