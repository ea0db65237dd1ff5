//! The timeline, drawn from the one layout ([`crate::layout::Timeline`]) for each place it
//! goes: a terminal, a picture (SVG, and PNG from it), a Mermaid chart, a Markdown document,
//! or JSON rows.

pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod svg;
pub mod term;

use chrono::NaiveDate;

use crate::layout::Timeline;

/// Returns which day a document shows, for its caption: `today 2026-11-30`, or the version
/// it shows (`as of NAME (taken DAY)`, whose day the layout took as its today), or both when
/// that version has no day (`as of git:HEAD~3 · today 2026-11-30`).
pub fn when(t: &Timeline, as_of: Option<(&str, Option<NaiveDate>)>) -> String {
    match as_of {
        Some((label, Some(_))) => crate::render::as_of_caption(label, Some(t.today)),
        Some((label, None)) => format!(
            "{} · today {}",
            crate::render::as_of_caption(label, None),
            t.today
        ),
        None => format!("today {}", t.today),
    }
}
