//! chipmap's command line, end to end: one integration binary, one module per area.

mod commands;
mod common;
mod crash;
mod datadir;
mod dates;
mod diffs;
mod docs;
mod edit;
mod export;
mod files;
mod fit;
mod history;
mod invalid;
mod large;
mod matching;
mod readme;
mod refs;
mod strict;
mod versions;
mod visible;
mod write;
