//! The timeline as a Mermaid `gantt` chart, which GitHub and GitLab draw where it is pasted.
//!
//! One `section` per vendor with a dated row, one task per dated row, in the layout's order:
//! - a year, half or quarter is a bar over its interval, written `start, end` with both days
//!   inclusive (`inclusiveEndDates`: Mermaid otherwise reads an end day as the instant it
//!   begins, so `2026-12-31` would stop a day short);
//! - a month or a day is a `milestone`, which Mermaid draws halfway between its start and end:
//!   given as the date's midpoint and `0d`, it stands where the SVG puts its point.
//!
//! Status: Mermaid's task tags where one means the same: `done` for shipping, `active` for
//! sampling. Every other status is written after the name, `Name (announced)`, so nothing is
//! lost to a reader who sees only the drawing; two of them get a tag for their look as well:
//! discontinued is `done` (it shipped), cancelled `crit` (drawn in red; still named, since
//! `crit` says critical, not cancelled).
//!
//! Mermaid draws its today line from the viewer's clock, which is neither chipmap's today nor
//! the day of an `--as-of` version, so it is always off; the title names the day shown.
//! Undated rows cannot be drawn: a `%%` comment lists them, and says what lay outside.
//!
//! Names are data. Mermaid's gantt grammar ends a name at `:`, its data at `#` or `;`, takes
//! a line with a `%` near its start for a comment, reads `#word;` as an entity, breaks a
//! section name at `<br>`, and reads a task line that starts with a keyword (`click`,
//! `section`, a date ...) as that statement. So those characters, and a keyword's first
//! letter, are written as Mermaid's entity codes (`#58;`), which it draws as the character;
//! control characters are shown as all chipmap output shows them (`\x1b`).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use crate::layout::{Row, Timeline};
use crate::model::{FuzzyDate, Status};
use crate::render::svg::font::{Weight, text_width};
use crate::render::visible;

/// Returns the timeline as a Mermaid chart (text ending in a newline).
pub fn mermaid(t: &Timeline, as_of: Option<(&str, Option<NaiveDate>)>) -> String {
    let mut out = String::new();
    let tick = tick_interval(t);
    // Mermaid leaves 75 px for the section names and lets a longer one run into the chart.
    // A tall chart gets its axis above too (in the configuration: the
    // `topAxis` statement fails in Mermaid 11, its parser calls a function its db lacks).
    let _ = writeln!(
        out,
        "---\nconfig:\n  gantt:\n    leftPadding: {}\n    topAxis: {}\n---",
        left_padding(t),
        t.row_count() > TALL
    );
    let _ = writeln!(out, "gantt");
    let _ = writeln!(
        out,
        "    title {}",
        escape(&format!(
            "Roadmap timeline · {} dates · {} · {}",
            t.basis.as_str(),
            t.years(),
            super::when(t, as_of)
        ))
    );
    for line in [
        "dateFormat YYYY-MM-DD",
        "inclusiveEndDates",
        // A tick marks a day (Mermaid cannot put a year's name mid-year): say which.
        "axisFormat %b %Y",
        &format!("tickInterval {tick}"),
        "todayMarker off",
        "%% drawn by chipmap: bars are years, halves and quarters (start and end inclusive),",
        "%% milestones are months and days (at their midpoint); done = shipped, active = sampling,",
        "%% crit = cancelled; a status other than shipping or sampling follows the name",
    ] {
        let _ = writeln!(out, "    {line}");
    }
    for lane in &t.lanes {
        let dated: Vec<(&Row, FuzzyDate)> = lane
            .rows
            .iter()
            .filter_map(|r| Some((r, r.date?)))
            .collect();
        let undated: Vec<String> = lane
            .rows
            .iter()
            .filter(|r| r.date.is_none())
            .map(|r| escape(&r.name))
            .collect();
        if !dated.is_empty() {
            let _ = writeln!(out, "    section {}", escape(&lane.name));
            for (row, date) in dated {
                let _ = writeln!(out, "    {}", task(row, date));
            }
        }
        if !undated.is_empty() {
            let _ = writeln!(
                out,
                "    %% {}, no {} date, not drawn: {}",
                escape(&lane.name),
                t.basis.as_str(),
                undated.join(", ")
            );
        }
    }
    for note in notes(t) {
        let _ = writeln!(out, "    %% {note}");
    }
    out
}

/// Returns a row's task line: its text, tags, id and dates.
fn task(row: &Row, date: FuzzyDate) -> String {
    let text = match row.status {
        Status::Shipping | Status::Sampling => row.name.clone(),
        other => format!("{} ({other})", row.name),
    };
    let (start, end) = if date.is_point() {
        (date.midpoint().to_string(), "0d".to_string())
    } else {
        let (start, end) = date.interval();
        (start.to_string(), end.to_string())
    };
    let tag = match row.status {
        Status::Shipping | Status::Discontinued => Some("done"),
        Status::Sampling => Some("active"),
        Status::Cancelled => Some("crit"),
        _ => None,
    };
    // A key is `vendor/id`, both slugs: `/` is no word character, and `_` is in no slug, so
    // `vendor_id` is a valid Mermaid id and names one row.
    let id = row.key.replace('/', "_");
    let data: Vec<&str> = date
        .is_point()
        .then_some("milestone")
        .into_iter()
        .chain(tag)
        .chain([id.as_str(), &start, &end])
        .collect();
    format!("{}: {}", task_text(&text), data.join(", "))
}

/// How many rows make a chart tall enough to repeat its axis above: Mermaid draws that axis
/// across its grid lines, which a shorter chart is better without.
const TALL: usize = 40;

/// Returns the tick interval that reads well over the dates drawn: a year over three years
/// or more, else a quarter, or a month.
fn tick_interval(t: &Timeline) -> &'static str {
    let dates = t.lanes.iter().flat_map(|l| &l.rows).filter_map(|r| r.date);
    let first = dates.clone().map(|d| d.start()).min();
    let last = dates.map(|d| d.end()).max();
    let months = match (first, last) {
        (Some(first), Some(last)) => {
            (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32 + 1
        }
        _ => 0,
    };
    match months {
        36.. => "12month",
        13..36 => "3month",
        _ => "1month",
    }
}

/// Returns the room Mermaid should leave for the section names: the widest, measured in the
/// font chipmap carries at Mermaid's size for them (11 px), with a margin for a wider font.
fn left_padding(t: &Timeline) -> u32 {
    let widest = t
        .lanes
        .iter()
        .filter(|l| l.rows.iter().any(|r| r.date.is_some()))
        .map(|l| text_width(&visible::shown(&l.name), 11.0, Weight::Regular))
        .fold(0.0, f64::max);
    // Mermaid writes the names 10 px in; 1.2 covers its fonts (Trebuchet MS, Verdana, Arial).
    let room = (widest * 1.2 + 24.0).clamp(75.0, 300.0);
    // Whole multiples of 5: the same room for names of about one width.
    (room / 5.0).ceil() as u32 * 5
}

/// Returns the notes on what the chart leaves out.
fn notes(t: &Timeline) -> Vec<String> {
    let mut notes = super::left_out(t);
    if t.lanes
        .iter()
        .flat_map(|l| &l.rows)
        .all(|r| r.date.is_none())
    {
        notes.push("no entries to draw".into());
    }
    notes
}

/// What Mermaid's lexer reads as a statement when a task line starts with it (in any case).
const KEYWORDS: &[&str] = &[
    "accdescr",
    "acctitle",
    "axisformat",
    "call",
    "click",
    "dateformat",
    "excludes",
    "gantt",
    "href",
    "includes",
    "inclusiveenddates",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "weekday",
    "weekend",
];

/// Returns a task's text escaped, and its first letter too when the line would otherwise
/// start with a keyword or a date (`2026-03-18 launch`), which Mermaid would read as such.
fn task_text(text: &str) -> String {
    let lower = text.to_lowercase();
    let digits = text.bytes().take(4).filter(u8::is_ascii_digit).count();
    let keyword = KEYWORDS.iter().any(|k| lower.starts_with(k))
        || (digits == 4 && text.as_bytes().get(4) == Some(&b'-'));
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if keyword => format!("#{};{}", u32::from(first), escape(chars.as_str())),
        _ => escape(text),
    }
}

/// Returns text from the data as Mermaid will show it: control characters in chipmap's
/// visible form, and every character its grammar misreads as an entity code (`:` is `#58;`).
pub fn escape(text: &str) -> String {
    let shown = visible::shown(text);
    let mut out = String::with_capacity(shown.len() + 8);
    for c in shown.chars() {
        match c {
            // The grammar's own: name and data ends, comments, entities, line breaks.
            ':' | ';' | '#' | '%' | '\n' | '\t' | '<' | '>' | '"'
            // The placeholders Mermaid turns entities into (`ﬂ°°58¶ß`) before it parses.
            | 'ﬂ' | '¶' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, task_text};

    #[test]
    fn what_the_grammar_reads_is_written_as_entity_codes() {
        assert_eq!(escape("a: b; c # d"), "a#58; b#59; c #35; d");
        assert_eq!(escape("%% x"), "#37;#37; x");
        assert_eq!(escape("<br>"), "#60;br#62;");
        assert_eq!(escape("tab\there"), "tab#9;here");
        assert_eq!(escape("Esc\u{1b}[2J"), "Esc\\x1b[2J");
        assert_eq!(escape("Rubin Ultra"), "Rubin Ultra");
    }

    #[test]
    fn a_task_that_starts_with_a_keyword_or_a_date_starts_with_an_entity() {
        assert_eq!(task_text("click me"), "#99;lick me");
        assert_eq!(task_text("Section 9"), "#83;ection 9");
        assert_eq!(task_text("2026-03-18 launch"), "#50;026-03-18 launch");
        assert_eq!(task_text("2026 launch"), "2026 launch");
        assert_eq!(task_text("#"), "#35;");
    }
}
