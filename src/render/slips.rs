//! `chipmap slips` (docs/format.md section 9): how roadmaps kept their promises, as a table
//! fitted to a width (per-vendor summary, then the entries that moved, worst first), CSV rows
//! per entry, JSON, or a Markdown document.

#[cfg(test)]
mod tests;

use std::cmp::Reverse;
use std::io::{self, Write};

use anstyle::Style;
use chrono::NaiveDate;
use serde::Serialize;

use crate::diff::{EntrySlips, Move, Promise, Slips, VendorSlips, Verdict};
use crate::model::VersionInfo;

use super::table::grid::{Fitted, Frame, Give, Grid};
use super::{Paint, markdown, plural, visible, wrap_words};

/// The columns of the entries' table: what it shows of an entry that moved.
const ENTRY_HEADER: [&str; 7] = [
    "key",
    "name",
    "first promise",
    LATEST,
    "net",
    MOVES,
    "verdict",
];

/// The header of the column that counts an entry's moves: one short word, so the column is
/// as narrow as its `2/0/1`; [`MOVES_LEGEND`] says what the counts are.
const MOVES: &str = "moves";

const LATEST: &str = "latest";

pub(crate) const MOVES_LEGEND: &str = "moves: slips/pull-ins/corrections (a date moved after the entry \
                            shipped corrects the record; it is not a slip)";

/// The columns of the vendors' table.
const VENDOR_HEADER: [&str; 7] = [
    "vendor",
    "tracked",
    "slipped",
    "median net",
    "largest net",
    "shipped",
    "on time",
];

/// The columns of `--format csv`, one row per entry.
const CSV_HEADER: &str = "key,name,vendor,status,first_version,first_ref,first_date,\
                          latest_version,latest_ref,latest_date,net_days,slips,slip_days,\
                          pull_ins,pull_in_days,corrections,verdict";

/// Writes the caption, the per-vendor summary and the entries that moved, worst first, each
/// table fitted to `width` (names and dates wrap; what still does not fit is left out and
/// named), then how many entries did not move.
pub fn write_table(
    out: &mut dyn Write,
    slips: &Slips,
    versions: &[VersionInfo],
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    for line in wrap_words(&visible::shown(&caption(versions)), width) {
        writeln!(out, "{}", paint.paint(bold, &line))?;
    }
    if nothing_tracked(slips) {
        writeln!(out)?;
        return writeln!(out, "{}", nothing_tracked_line(slips));
    }
    let shown = |text: &str| visible::shown(text).into_owned();
    writeln!(out)?;
    write_fitted(out, &vendor_grid(&slips.vendors, shown), width)?;
    let moved = moved(slips);
    if !moved.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint.paint(bold, MOVED_HEADING))?;
        let grid = entry_grid(&moved, versions, shown);
        let fitted = write_fitted(out, &grid, width)?;
        let kept = |header: &str| fitted.kept.iter().any(|c| grid.header[*c] == header);
        let mut notes = Vec::new();
        if kept(MOVES) {
            notes.push(MOVES_LEGEND);
        }
        if kept(LATEST) && moved.iter().any(|e| e.dropped.is_some()) {
            notes.push(DROPPED_NOTE);
        }
        for line in notes.iter().flat_map(|note| wrap_words(note, width)) {
            writeln!(out, "{line}")?;
        }
    }
    if let Some(line) = unmoved_line(slips.entries.len() - moved.len()) {
        writeln!(out)?;
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Writes one row per entry (the columns of [`CSV_HEADER`]), RFC 4180.
pub fn write_csv(out: &mut dyn Write, slips: &Slips, versions: &[VersionInfo]) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(CSV_HEADER.split(','))?;
    for e in &slips.entries {
        let days = |moves: &[Move]| moves.iter().map(|m| m.days).sum::<i64>().to_string();
        csv.write_record([
            e.key.clone(),
            e.name.clone(),
            e.vendor.clone(),
            e.status.to_string(),
            e.first_promise.version.to_string(),
            version_name(versions, e.first_promise.version).to_string(),
            e.first_promise.date.to_string(),
            e.latest.version.to_string(),
            version_name(versions, e.latest.version).to_string(),
            e.latest.date.to_string(),
            e.net_days.to_string(),
            e.slips.len().to_string(),
            days(&e.slips),
            e.pull_ins.len().to_string(),
            days(&e.pull_ins),
            e.corrections.len().to_string(),
            e.verdict.as_str().to_string(),
        ])?;
    }
    csv.flush()
}

/// A version as the JSON of section 9 lists it: its reference and day.
#[derive(Serialize)]
struct JsonVersion<'a> {
    #[serde(rename = "ref")]
    name: &'a str,
    taken: Option<NaiveDate>,
}

/// The whole JSON document of section 9.
#[derive(Serialize)]
struct JsonSlips<'a> {
    versions: Vec<JsonVersion<'a>>,
    entries: &'a [EntrySlips],
    vendors: &'a [VendorSlips],
}

/// Writes `{versions, entries, vendors}` as docs/format.md section 9 shows it.
pub fn write_json(out: &mut dyn Write, slips: &Slips, versions: &[VersionInfo]) -> io::Result<()> {
    let document = JsonSlips {
        versions: versions
            .iter()
            .map(|v| JsonVersion {
                name: &v.name,
                taken: v.taken,
            })
            .collect(),
        entries: &slips.entries,
        vendors: &slips.vendors,
    };
    super::json::write_pretty(out, &document)?;
    writeln!(out)
}

/// Writes the table's content as a Markdown document: a heading, the vendors' table, the
/// entries that moved, the count of the others; every piece of data escaped.
pub fn write_markdown(
    out: &mut dyn Write,
    slips: &Slips,
    versions: &[VersionInfo],
) -> io::Result<()> {
    writeln!(out, "## {}", markdown::escape(&caption(versions)))?;
    writeln!(out)?;
    if nothing_tracked(slips) {
        return writeln!(out, "{}", nothing_tracked_line(slips));
    }
    // Grid::write_markdown escapes every cell itself.
    let raw = |text: &str| text.to_string();
    writeln!(out, "### Vendors")?;
    writeln!(out)?;
    vendor_grid(&slips.vendors, raw).write_markdown(out)?;
    let moved = moved(slips);
    if !moved.is_empty() {
        writeln!(out)?;
        writeln!(out, "### {}", MOVED_HEADING.trim_end_matches(':'))?;
        writeln!(out)?;
        entry_grid(&moved, versions, raw).write_markdown(out)?;
        writeln!(out)?;
        writeln!(out, "{}", markdown::escape(MOVES_LEGEND))?;
        if moved.iter().any(|e| e.dropped.is_some()) {
            writeln!(out)?;
            writeln!(out, "{}", markdown::escape(DROPPED_NOTE))?;
        }
    }
    if let Some(line) = unmoved_line(slips.entries.len() - moved.len()) {
        writeln!(out)?;
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Marks the latest date of an entry the newest version no longer has; [`DROPPED_NOTE`] says so.
const DROPPED_MARK: char = '*';

pub(crate) const DROPPED_NOTE: &str = "* dropped: the newest version no longer has it";

pub(crate) const MOVED_HEADING: &str = "Entries that moved, worst first:";

/// Returns `Slips over 8 versions, from 2024-06-02-computex (2024-06-02) to working`.
pub(crate) fn caption(versions: &[VersionInfo]) -> String {
    let described = |v: &VersionInfo| match v.taken {
        Some(day) => format!("{} ({day})", v.name),
        None => v.name.clone(),
    };
    match versions {
        [] => "Slips over no versions".to_string(),
        [one] => format!("Slips over 1 version, {}", described(one)),
        [first, .., last] => format!(
            "Slips over {} versions, from {} to {}",
            versions.len(),
            described(first),
            described(last)
        ),
    }
}

/// Returns whether no entry had a promise in two versions, so nothing could have moved.
pub(crate) fn nothing_tracked(slips: &Slips) -> bool {
    slips.vendors.iter().all(|v| v.tracked == 0)
}

pub(crate) fn nothing_tracked_line(slips: &Slips) -> String {
    let dated = match slips.entries.len() {
        0 => String::new(),
        n => format!(" ({} dated in one version only)", plural(n, "entry")),
    };
    format!("Nothing tracked: no entry has an available date in two or more versions{dated}.")
}

pub(crate) fn unmoved_line(count: usize) -> Option<String> {
    match count {
        0 => None,
        1 => Some("1 other entry kept its first promised date.".to_string()),
        n => Some(format!("{n} other entries kept their first promised date.")),
    }
}

/// Returns the entries whose date moved at all, worst (latest net) first; of equals, the
/// histories' order.
pub(crate) fn moved(slips: &Slips) -> Vec<&EntrySlips> {
    let mut moved: Vec<&EntrySlips> = slips
        .entries
        .iter()
        .filter(|e| {
            e.net_days != 0
                || !e.slips.is_empty()
                || !e.pull_ins.is_empty()
                || !e.corrections.is_empty()
        })
        .collect();
    moved.sort_by_key(|e| Reverse(e.net_days));
    moved
}

/// Returns a shift as people read it: `+6 mo`, `-1 mo`, under half a month `+12 d`, or `0`.
fn net(days: f64) -> String {
    // Average Gregorian months, as `Shift::months` counts them.
    let months = days / (365.2425 / 12.0);
    let sign = if days > 0.0 { "+" } else { "-" };
    if days == 0.0 {
        "0".to_string()
    } else if months.abs().round() == 0.0 {
        format!("{sign}{} d", days.abs().round())
    } else {
        format!("{sign}{} mo", months.abs().round())
    }
}

/// Returns the word a person reads for a verdict: `on time`, `late` ...
fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::OnTime => "on time",
        other => other.as_str(),
    }
}

fn version_name(versions: &[VersionInfo], index: usize) -> &str {
    versions.get(index).map_or("", |v| v.name.as_str())
}

/// Returns `2027 (2025-03-18)`: a promised date and the day of the version that gave it.
fn promise_cell(promise: &Promise, versions: &[VersionInfo]) -> String {
    let day = versions.get(promise.version).map_or_else(
        || "?".to_string(),
        |v| v.taken.map_or_else(|| v.name.clone(), |d| d.to_string()),
    );
    format!("{} ({day})", promise.date)
}

fn give(whole: bool, priority: u8) -> Give {
    Give {
        whole,
        priority,
        spare: false,
    }
}

/// Returns the vendors' summary; `data` makes a vendor's name safe for the output.
pub(crate) fn vendor_grid(vendors: &[VendorSlips], data: impl Fn(&str) -> String) -> Grid {
    let rows = vendors
        .iter()
        .map(|v| {
            let on_time = match v.shipped {
                0 => "-".to_string(),
                n => format!("{} of {n}", v.on_time),
            };
            vec![
                data(&v.name),
                v.tracked.to_string(),
                v.slipped.to_string(),
                v.median_net_days.map_or_else(|| "-".to_string(), net),
                v.max_net_days
                    .map_or_else(|| "-".to_string(), |d| net(d as f64)),
                v.shipped.to_string(),
                on_time,
            ]
        })
        .collect();
    Grid {
        header: VENDOR_HEADER.iter().map(|h| (*h).to_string()).collect(),
        give: vec![
            give(false, 100),
            give(true, 90),
            give(true, 80),
            give(false, 70),
            give(false, 40),
            give(true, 50),
            // `1 of 2` reads only whole.
            give(true, 85),
        ],
        rows,
    }
}

/// Returns the table of the entries that moved; `data` makes a key or name safe for the output.
pub(crate) fn entry_grid(
    moved: &[&EntrySlips],
    versions: &[VersionInfo],
    data: impl Fn(&str) -> String,
) -> Grid {
    let rows = moved
        .iter()
        .map(|e| {
            let latest = match e.dropped {
                Some(_) => format!("{}{DROPPED_MARK}", e.latest.date),
                None => e.latest.date.to_string(),
            };
            vec![
                data(&e.key),
                data(&e.name),
                promise_cell(&e.first_promise, versions),
                latest,
                net(e.net_days as f64),
                // One word, so the counts never wrap apart.
                format!(
                    "{}/{}/{}",
                    e.slips.len(),
                    e.pull_ins.len(),
                    e.corrections.len()
                ),
                verdict_word(e.verdict).to_string(),
            ]
        })
        .collect();
    Grid {
        header: ENTRY_HEADER.iter().map(|h| (*h).to_string()).collect(),
        give: vec![
            give(true, 100),
            // The key names the entry already: its name shows only where there is room.
            Give {
                spare: true,
                ..give(false, 10)
            },
            give(false, 60),
            give(false, 70),
            give(true, 90),
            give(false, 50),
            give(true, 80),
        ],
        rows,
    }
}

/// Writes `grid` without lines, cells two spaces apart, fitted to `width`, then names the
/// columns it had to leave out (a spare one aside); returns how it fitted.
fn write_fitted(out: &mut dyn Write, grid: &Grid, width: usize) -> io::Result<Fitted> {
    let (indent, gap) = (0, 2);
    let fitted = grid.fit(width, Frame::Plain { indent, gap });
    grid.write_plain(out, &fitted, indent, gap)?;
    let left_out: Vec<&str> = fitted
        .dropped(grid.give.len())
        .into_iter()
        .filter(|c| !grid.give[*c].spare)
        .map(|c| grid.header[c].as_str())
        .collect();
    if !left_out.is_empty() {
        let line = format!("(left out to fit {width} columns: {})", left_out.join(", "));
        for line in wrap_words(&line, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(fitted)
}
