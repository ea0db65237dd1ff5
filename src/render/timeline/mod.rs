//! The timeline, drawn from the one layout ([`crate::layout::Timeline`]) for each place it
//! goes: a terminal, a picture (SVG, and PNG from it), a Mermaid chart, a Markdown document,
//! or JSON rows.

pub mod svg;
pub mod term;
