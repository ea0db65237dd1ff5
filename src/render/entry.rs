//! `chipmap show`: one entry in full, every field and every source.

use std::io::{self, Write};

use anstyle::Style;

use crate::diff::EntryHistory;
use crate::model::{Entry, Vendor, VersionInfo, format_number};

use super::table::JsonEntry;
use super::table::grid::{Frame, Give, Grid};
use super::visible::shown;
use super::{Paint, display_width, wrap_breaking};

/// The columns of a field's name; a longer name (a spec's) gets a line of its own.
const LABEL: usize = 13;
/// The narrowest a value is wrapped to, however long the field names.
const VALUE_MIN: usize = 12;

/// Writes every field of the entry, one per line, in the order of docs/format.md section 2,
/// every line at most `width` columns: values wrap between words under their first line, and
/// a URL breaks after a `/` and goes on, further in, on the next line.
pub fn write(
    out: &mut dyn Write,
    vendor: &Vendor,
    entry: &Entry,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    // Wide enough for the longest field name, specs included ("  transistors_b"), while
    // leaving the values room.
    let label = entry
        .specs
        .iter()
        .map(|(n, _)| display_width(n) + 4)
        .max()
        .unwrap_or(0)
        .max(LABEL)
        .min(width.saturating_sub(2 + VALUE_MIN))
        .max(LABEL);
    let value_width = width.saturating_sub(label + 2).max(VALUE_MIN);
    let key = entry.key(&vendor.vendor);
    // The name beside the key, wrapped under itself; under the key when a long key leaves it
    // too little room.
    let beside = display_width(&key) + 2;
    let (indent, room) = match width.saturating_sub(beside) {
        room if room >= VALUE_MIN => (beside, room),
        _ => {
            writeln!(out, "{}", paint.paint(bold, &key))?;
            (2, width.saturating_sub(2))
        }
    };
    for (i, name) in wrap_breaking(&entry.name, room).iter().enumerate() {
        if i == 0 && indent == beside {
            writeln!(out, "{}  {name}", paint.paint(bold, &key))?;
        } else {
            writeln!(out, "{}{name}", " ".repeat(indent))?;
        }
    }
    let mut field = |name: &str, value: Option<String>| -> io::Result<()> {
        let Some(value) = value else { return Ok(()) };
        let mut lines = wrap_breaking(&value, value_width).into_iter();
        if display_width(name) >= label {
            writeln!(out, "  {name}")?;
        } else if let Some(first) = lines.next() {
            let pad = label - display_width(name);
            writeln!(
                out,
                "{}",
                format!("  {name}{}{first}", " ".repeat(pad)).trim_end()
            )?;
        }
        for line in lines {
            writeln!(
                out,
                "{}",
                format!("  {}{line}", " ".repeat(label)).trim_end()
            )?;
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
            for (i, line) in wrap_breaking(source, width.saturating_sub(6))
                .iter()
                .enumerate()
            {
                let bullet = if i == 0 { "- " } else { "  " };
                writeln!(out, "    {bullet}{line}")?;
            }
        }
    }
    Ok(())
}

/// Writes the entry as one JSON object, the shape of one `list --format json` item.
pub fn write_json(out: &mut dyn Write, vendor: &Vendor, entry: &Entry) -> io::Result<()> {
    super::json::write_pretty(out, &JsonEntry::new(vendor, entry))?;
    writeln!(out)
}

/// Writes where the entry stood in each version that changed it, under a header: date,
/// version, then its available date, status and memory, and its key where it differed (before
/// a rename) or `dropped` for the versions without it, fitted to `width`: the dates go first
/// when the versions' names begin with them, then names and memory wrap.
pub fn write_history(
    out: &mut dyn Write,
    entry: &EntryHistory,
    versions: &[VersionInfo],
    width: usize,
) -> io::Result<()> {
    let rows: Vec<Row> = entry
        .positions()
        .filter_map(|(index, position)| {
            let version = versions.get(index)?;
            let Some(p) = position else {
                return Some(Row {
                    version,
                    cells: ["-".to_string(), "dropped".to_string(), String::new()],
                });
            };
            let available = p
                .available
                .map_or_else(|| "-".to_string(), |d| d.to_string());
            let alias = (p.key != entry.key).then(|| format!("(as {})", p.key));
            let rest: Vec<String> = [p.memory, alias].into_iter().flatten().collect();
            Some(Row {
                version,
                cells: [available, p.status.to_string(), rest.join("  ")],
            })
        })
        .collect();
    write_rows(out, &rows, width)
}

/// One row of the short history: the version, then available, status and the rest.
struct Row<'a> {
    version: &'a VersionInfo,
    cells: [String; 3],
}

/// Writes the rows under `  history`, fitted to `width`; nothing when there are none.
fn write_rows(out: &mut dyn Write, rows: &[Row], width: usize) -> io::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    writeln!(out, "  history")?;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let version = row.version;
            [
                version.taken.map(|d| d.to_string()).unwrap_or_default(),
                version.name.clone(),
            ]
            .iter()
            .chain(&row.cells)
            .map(|cell| shown(cell).into_owned())
            .collect()
        })
        .collect();
    // A date the version's name already starts with is no loss to leave out.
    let dated_names = rows.iter().all(|r| {
        let v = r.version;
        v.taken.is_none_or(|d| v.name.starts_with(&d.to_string()))
    });
    let give = |whole, priority| Give {
        whole,
        priority,
        spare: false,
    };
    let header = ["taken", "version", "available", "status", "memory"];
    let grid = Grid {
        header: header.iter().map(|h| (*h).to_string()).collect(),
        give: vec![
            Give {
                spare: dated_names,
                ..give(true, 10)
            },
            give(false, 90),
            give(true, 80),
            give(true, 70),
            give(false, 60),
        ],
        rows: cells,
    };
    let (indent, gap) = (4, 2);
    let fitted = grid.fit(width, Frame::Plain { indent, gap });
    grid.write_plain(out, &fitted, indent, gap)
}
