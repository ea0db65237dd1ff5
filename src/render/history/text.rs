//! `history` as text for a terminal: the compact form (one entry a line, grouped by vendor) and
//! the log (every change of each entry, version by version); every line within the width.

use std::io::{self, Write};

use anstyle::Style;

use super::{Compact, HistoryView, describe_version, logged, standing, unchanged};
use crate::diff::{EntryHistory, Event, Step};
use crate::render::diff::text::{Filler, TEXT, field_lines, wrapped};
use crate::render::diff::{Shown, describe_group, shown_fields};
use crate::render::{Paint, wrap_breaking};

/// Where an entry's further lines start, in both forms.
const HANG: &str = "      ";

/// Writes one line per entry that moved, grouped by vendor: its name, then each moved field's
/// values joined by ` · `, each later one with its version's day (and a date's class and size).
pub fn write_compact(
    out: &mut dyn Write,
    view: &HistoryView,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let stories: Vec<(&str, Vec<(&EntryHistory, Compact)>)> = view
        .by_vendor()
        .into_iter()
        .map(|(vendor, list)| {
            let told = list.into_iter().map(|e| (e, Compact::of(view, e, TEXT)));
            (vendor, told.collect())
        })
        .collect();
    if stories
        .iter()
        .flat_map(|(_, s)| s)
        .all(|(_, c)| c.is_empty())
    {
        let line = format!("nothing changed over {}", view.span());
        for text in wrapped("", &line, "  ", width) {
            writeln!(out, "{text}")?;
        }
        return Ok(());
    }
    let bold = Style::new().bold();
    for line in wrapped("", &view.span(), "  ", width) {
        writeln!(out, "{}", paint.paint(bold, &line))?;
    }
    for (vendor, told) in stories {
        writeln!(out)?;
        for line in wrapped("", view.vendor_name(vendor), "  ", width) {
            writeln!(out, "{}", paint.paint(bold.underline(), &line))?;
        }
        for (entry, compact) in told.iter().filter(|(_, c)| !c.is_empty()) {
            for text in compact_lines(entry, compact, width) {
                writeln!(out, "{text}")?;
            }
        }
        if let Some(line) = unchanged(&told) {
            for text in wrapped("  ", &line, "    ", width) {
                writeln!(out, "{text}")?;
            }
        }
    }
    Ok(())
}

/// Returns an entry's compact lines: `  Name  first part`, each further part on lines of its
/// own after [`HANG`].
fn compact_lines(entry: &EntryHistory, compact: &Compact, width: usize) -> Vec<String> {
    let mut line = Filler::new("  ", HANG, width);
    line.phrase("", &entry.name);
    let mut parts: Vec<Vec<String>> = Vec::new();
    if !compact.events.is_empty() {
        parts.push(compact.events.clone());
    }
    for (path, values) in &compact.fields {
        parts.push([vec![path.clone()], values.clone()].concat());
    }
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            line.break_line();
        }
        for (j, unit) in part.iter().enumerate() {
            line.phrase(if i == 0 && j == 0 { "  " } else { " " }, unit);
        }
    }
    line.finish()
}

/// Writes every change of each entry, version by version, an empty line between entries.
pub fn write_log(
    out: &mut dyn Write,
    view: &HistoryView,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    for (i, entry) in view.entries.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_entry_log(out, view, entry, width, paint)?;
    }
    Ok(())
}

fn write_entry_log(
    out: &mut dyn Write,
    view: &HistoryView,
    entry: &EntryHistory,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    let mut line = Filler::new("", "  ", width);
    line.word("", &entry.key);
    line.phrase("  ", &entry.name);
    if !entry.former_keys.is_empty() {
        line.phrase(
            "  ",
            &format!("(formerly {})", entry.former_keys.join(", ")),
        );
    }
    for (i, text) in line.finish().into_iter().enumerate() {
        // The key is bold when it starts the first line whole.
        match text.strip_prefix(entry.key.as_str()) {
            Some(rest) if i == 0 => writeln!(out, "{}{rest}", paint.paint(bold, &entry.key))?,
            _ => writeln!(out, "{text}")?,
        }
    }
    let first = view.version(entry.first_version);
    let mut line = Filler::new("  ", "    ", width);
    line.phrase("", &format!("first in {}:", describe_version(first)));
    for unit in standing(&entry.first_position(), TEXT) {
        line.word(" ", &unit);
    }
    for text in line.finish() {
        writeln!(out, "{text}")?;
    }
    for step in &entry.steps {
        for text in step_lines(view, entry, step, width, paint) {
            writeln!(out, "{text}")?;
        }
    }
    if entry.steps.is_empty() {
        let last = view.version(view.histories.versions.len().saturating_sub(1));
        let line = format!("no change through {}", describe_version(last));
        for text in wrapped("  ", &line, "    ", width) {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// Returns a step's lines: its version's heading (name, day, subject), then one line per field,
/// and the sources it added, each on its own line (a URL too long for the line breaks after a
/// `/`).
fn step_lines(
    view: &HistoryView,
    entry: &EntryHistory,
    step: &Step,
    width: usize,
    paint: Paint,
) -> Vec<String> {
    let version = view.version(step.version);
    let mut line = Filler::new("  ", "    ", width);
    line.phrase("", &describe_version(version));
    // A commit's subject is a line; a snapshot's note can be a paragraph: its start names it.
    if let Some(subject) = &version.subject {
        line.phrase("  ", &crate::model::brief(subject));
    }
    let mut lines = line.finish();
    let event = match step.event {
        Event::Dropped => Some("dropped".to_string()),
        Event::Back => Some("back".to_string()),
        Event::Changed => None,
    };
    lines.extend(event.map(|e| format!("{HANG}{e}")));
    if let Some(id) = step.fields.iter().find(|f| f.path == "id") {
        let from = super::renamed_from(entry, id, TEXT);
        lines.extend(wrapped(
            HANG,
            &format!("renamed from {from}"),
            "        ",
            width,
        ));
    }
    let fields = logged(step);
    for shown in shown_fields(&fields, false) {
        match shown {
            Shown::Field(field) => lines.extend(field_lines(field, width, paint)),
            Shown::Group { parent, fields } => {
                let mut line = Filler::new(&format!("{HANG}{parent}:"), "        ", width);
                for unit in describe_group(parent, &fields, TEXT) {
                    line.word(" ", &unit);
                }
                lines.extend(line.finish());
            }
        }
    }
    if !step.sources_added.is_empty() {
        lines.push(format!("{HANG}sources added:"));
        for source in &step.sources_added {
            for (i, piece) in wrap_breaking(source, width.saturating_sub(10))
                .iter()
                .enumerate()
            {
                let bullet = if i == 0 { "- " } else { "  " };
                lines.push(format!("        {bullet}{piece}"));
            }
        }
    }
    lines
}
