//! `chipmap show`: one entry in full, every field and every source.

use std::io::{self, Write};

use anstyle::Style;

use crate::diff::Point;
use crate::model::{Entry, Vendor, format_number};

use super::table::JsonEntry;
use super::{Paint, wrap_words};

/// Writes every field of the entry, one per line, in the order of docs/format.md section 2.
pub fn write(
    out: &mut dyn Write,
    vendor: &Vendor,
    entry: &Entry,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    // Wide enough for the longest field name, specs included ("  transistors_b").
    let label = entry
        .specs
        .iter()
        .map(|(n, _)| n.len() + 4)
        .max()
        .unwrap_or(0)
        .max(13);
    writeln!(
        out,
        "{}  {}",
        paint.paint(bold, &entry.key(&vendor.vendor)),
        entry.name
    )?;
    let mut field = |name: &str, value: Option<String>| -> io::Result<()> {
        let Some(value) = value else { return Ok(()) };
        let lines = wrap_words(&value, width.saturating_sub(label + 2).max(20));
        for (i, line) in lines.iter().enumerate() {
            let name = if i == 0 { name } else { "" };
            writeln!(out, "{}", format!("  {name:<label$}{line}").trim_end())?;
        }
        Ok(())
    };
    field(
        "vendor",
        Some(format!("{} ({})", vendor.name, vendor.vendor)),
    )?;
    field("kind", Some(entry.kind.to_string()))?;
    field("family", entry.family.clone())?;
    field("status", Some(entry.status.to_string()))?;
    field("confidence", entry.confidence.map(|c| c.to_string()))?;
    field("announced", entry.announced.map(|d| d.to_string()))?;
    field("available", entry.available.map(|d| d.to_string()))?;
    field("process", entry.process.clone())?;
    if let Some(memory) = &entry.memory {
        field("memory", memory.kind.clone())?;
        field(
            "  capacity",
            memory
                .capacity_gb
                .map(|gb| format!("{} GB", format_number(gb))),
        )?;
        field(
            "  bandwidth",
            memory
                .bandwidth_tbs
                .map(|tbs| format!("{} TB/s", format_number(tbs))),
        )?;
    }
    field(
        "predecessor",
        entry
            .predecessor
            .as_ref()
            .map(|p| format!("{}/{p}", vendor.vendor)),
    )?;
    field(
        "aliases",
        (!entry.aliases.is_empty()).then(|| entry.aliases.join(", ")),
    )?;
    if !entry.specs.is_empty() {
        field("specs", Some(String::new()))?;
        for (name, value) in &entry.specs {
            field(&format!("  {name}"), Some(value.to_string()))?;
        }
    }
    field("notes", entry.notes.clone())?;
    if !entry.sources.is_empty() {
        writeln!(out, "  sources")?;
        for source in &entry.sources {
            writeln!(out, "    - {source}")?;
        }
    }
    Ok(())
}

/// Writes the entry as one JSON object, the shape of one `list --format json` item.
pub fn write_json(out: &mut dyn Write, vendor: &Vendor, entry: &Entry) -> io::Result<()> {
    super::json::write_pretty(out, &JsonEntry::new(vendor, entry))?;
    writeln!(out)
}

/// Writes where the entry stood in each version: date, version, then its available date,
/// status and memory, and its key where it differed (before a rename).
pub fn write_history(out: &mut dyn Write, key: &str, points: &[Point]) -> io::Result<()> {
    if points.is_empty() {
        return Ok(());
    }
    writeln!(out, "  history")?;
    let width = points.iter().map(|p| p.label.len()).max().unwrap_or(0);
    for point in points {
        let e = &point.entry;
        let date = point
            .taken
            .map_or_else(|| " ".repeat(10), |d| d.to_string());
        let available = e
            .available
            .map_or_else(|| "-".to_string(), |d| d.to_string());
        let alias = (point.key != key).then(|| format!("(as {})", point.key));
        let rest: Vec<String> = [e.memory_label(), alias].into_iter().flatten().collect();
        let line = format!(
            "    {date}  {:<width$}  available {available:<10} {:<12} {}",
            point.label,
            e.status.as_str(),
            rest.join("  ")
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
