//! `history` as a Markdown document: the compact form as a bullet per entry, or (`full`) the
//! log, a section per entry. Everything from the data goes through `markdown::escape`.

use std::io::{self, Write};

use super::{Compact, HistoryView, describe_version, logged, renamed_from, standing, unchanged};
use crate::diff::{EntryHistory, Event, Step};
use crate::render::diff::markdown::{MARKDOWN, code, write_shown};
use crate::render::diff::shown_fields;
use crate::render::markdown::escape;

/// Writes the history as a Markdown document: compact, or every change when `full`.
pub fn write_markdown(out: &mut dyn Write, view: &HistoryView, full: bool) -> io::Result<()> {
    writeln!(out, "## Roadmap history: {}", escape(&view.span()))?;
    if full {
        for entry in &view.entries {
            writeln!(out)?;
            write_entry_log(out, view, entry)?;
        }
        return Ok(());
    }
    let mut moved = false;
    for (vendor, list) in view.by_vendor() {
        writeln!(out)?;
        writeln!(out, "### {}", escape(view.vendor_name(vendor)))?;
        writeln!(out)?;
        let told: Vec<(&EntryHistory, Compact)> = list
            .iter()
            .map(|e| (*e, Compact::of(view, e, MARKDOWN)))
            .collect();
        for (entry, compact) in told.iter().filter(|(_, c)| !c.is_empty()) {
            moved = true;
            let events = compact.events.join(" ");
            let head = format!("- **{}** ({})", escape(&entry.name), code(&entry.key));
            match events.is_empty() {
                true => writeln!(out, "{head}")?,
                false => writeln!(out, "{head}: {events}")?,
            }
            for (path, values) in &compact.fields {
                writeln!(out, "  - {}: {}", code(path), values.join(" "))?;
            }
        }
        if let Some(line) = unchanged(&told) {
            writeln!(out, "- {line}")?;
        }
    }
    if !moved {
        writeln!(out)?;
        writeln!(out, "Nothing changed.")?;
    }
    Ok(())
}

/// Writes one entry's log: a heading, where it started, then a bullet per step.
fn write_entry_log(
    out: &mut dyn Write,
    view: &HistoryView,
    entry: &EntryHistory,
) -> io::Result<()> {
    let formerly = match entry.former_keys.is_empty() {
        true => String::new(),
        false => {
            let keys: Vec<String> = entry.former_keys.iter().map(|k| code(k)).collect();
            format!(", formerly {}", keys.join(", "))
        }
    };
    writeln!(
        out,
        "### {} ({}{formerly})",
        escape(&entry.name),
        code(&entry.key)
    )?;
    writeln!(out)?;
    let first = view.version(entry.first_version);
    writeln!(
        out,
        "First in {}: {}.",
        escape(&describe_version(first)),
        standing(&entry.first_position(), MARKDOWN).join(" ")
    )?;
    writeln!(out)?;
    for step in &entry.steps {
        write_step(out, view, entry, step)?;
    }
    if entry.steps.is_empty() {
        writeln!(out, "No change.")?;
    }
    Ok(())
}

/// Writes a step as a bullet (the version, its subject) with a nested bullet per field and per
/// source added.
fn write_step(
    out: &mut dyn Write,
    view: &HistoryView,
    entry: &EntryHistory,
    step: &Step,
) -> io::Result<()> {
    let version = view.version(step.version);
    let subject = version
        .subject
        .as_deref()
        .map_or_else(String::new, |s| format!(": {}", escape(s)));
    writeln!(out, "- **{}**{subject}", escape(&describe_version(version)))?;
    match step.event {
        Event::Dropped => writeln!(out, "  - dropped")?,
        Event::Back => writeln!(out, "  - back")?,
        Event::Changed => {}
    }
    if let Some(id) = step.fields.iter().find(|f| f.path == "id") {
        writeln!(
            out,
            "  - renamed from {}",
            renamed_from(entry, id, MARKDOWN)
        )?;
    }
    let fields = logged(step);
    write_shown(out, shown_fields(&fields, false))?;
    for source in &step.sources_added {
        writeln!(out, "  - source added: {}", escape(source))?;
    }
    Ok(())
}
