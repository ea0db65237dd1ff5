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

/// Returns what a timeline leaves out, one note each, as every format says it: the entries
/// with no date of the basis (only when a range was asked for: else they are listed) and
/// those outside the range.
pub fn left_out(t: &Timeline) -> Vec<String> {
    let mut notes = Vec::new();
    if t.undated > 0 && !t.undated_listed {
        notes.push(format!(
            "{} with no {} date not shown (they are listed without --from and --to)",
            crate::render::plural(t.undated, "entry"),
            t.basis.as_str()
        ));
    }
    if t.outside > 0 {
        notes.push(format!(
            "{} outside {} not shown",
            crate::render::plural(t.outside, "entry"),
            t.years()
        ));
    }
    notes
}
