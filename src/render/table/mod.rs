//! Tables: `chipmap list`'s entries as a terminal table, Markdown, CSV or JSON (here), its
//! columns and sorting (`columns`), and the fitting of any table to a width (`grid`, also used
//! by `show`'s history and `snapshot --list`).

pub mod columns;
pub mod grid;

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Entry, Vendor};

pub use columns::{Column, DEFAULT_COLUMNS, LIST_SEPARATOR, SortKey};
use grid::{Frame, Grid};

/// How `chipmap list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

/// Writes the entries in `format`; `columns` apply to every format but JSON, which carries
/// each entry whole (docs/format.md section 6). A table fits in `width` columns (see
/// [`grid`]); returns the columns it left out to fit, which the caller should name.
pub fn write(
    out: &mut dyn Write,
    rows: &[(&Vendor, &Entry)],
    columns: &[Column],
    format: ListFormat,
    width: usize,
) -> io::Result<Vec<Column>> {
    match format {
        ListFormat::Json => write_json(out, rows)?,
        ListFormat::Csv => write_csv(out, rows, columns)?,
        ListFormat::Table | ListFormat::Markdown => {
            // A table's cells as they will show, so its columns are sized by what is printed;
            // Markdown shows them as it escapes them.
            let cell = |text: String| match format {
                ListFormat::Table => crate::render::visible::shown(&text).into_owned(),
                _ => text,
            };
            let grid = Grid {
                header: columns.iter().map(Column::name).collect(),
                give: columns
                    .iter()
                    .map(|c| c.give(columns == DEFAULT_COLUMNS))
                    .collect(),
                rows: rows
                    .iter()
                    .map(|(vendor, entry)| {
                        columns
                            .iter()
                            .map(|c| cell(c.cell(vendor, entry)))
                            .collect()
                    })
                    .collect(),
            };
            if format == ListFormat::Markdown {
                grid.write_markdown(out)?;
            } else {
                let fitted = grid.fit(width, Frame::Boxed);
                grid.write_boxed(out, &fitted)?;
                let dropped = fitted.dropped(columns.len());
                return Ok(dropped.into_iter().map(|c| columns[c].clone()).collect());
            }
        }
    }
    Ok(Vec::new())
}

fn write_csv(
    out: &mut dyn Write,
    rows: &[(&Vendor, &Entry)],
    columns: &[Column],
) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(columns.iter().map(Column::name))?;
    for (vendor, entry) in rows {
        csv.write_record(columns.iter().map(|c| c.cell(vendor, entry)))?;
    }
    csv.flush()
}

/// An entry as `list --format json` and `show --format json` print it: key, vendor, fields.
#[derive(Serialize)]
pub struct JsonEntry<'a> {
    pub key: String,
    pub vendor: &'a str,
    #[serde(flatten)]
    pub entry: &'a Entry,
}

impl<'a> JsonEntry<'a> {
    /// Returns the JSON view of one entry.
    pub fn new(vendor: &'a Vendor, entry: &'a Entry) -> Self {
        JsonEntry {
            key: entry.key(&vendor.vendor),
            vendor: &vendor.vendor,
            entry,
        }
    }
}

fn write_json(out: &mut dyn Write, rows: &[(&Vendor, &Entry)]) -> io::Result<()> {
    let items: Vec<JsonEntry> = rows.iter().map(|(v, e)| JsonEntry::new(v, e)).collect();
    crate::render::json::write_pretty(out, &items)?;
    writeln!(out)
}
