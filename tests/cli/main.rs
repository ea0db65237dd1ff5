//! chipmap's command line, end to end: one integration binary, one module per area.

mod commands;
mod common;
mod edit;
mod history;
mod invalid;
mod refs;
mod write;
