//! chipmap's command line, end to end: one integration binary, one module per area.

mod browser;
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
mod history;
mod invalid;
mod large;
mod matching;
mod readme;
mod refs;
mod shell;
mod strict;
mod versions;
mod visible;
mod write;
