//! `chipmap list`: entries as a terminal table, Markdown, CSV or JSON.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use serde::Serialize;
use tabled::builder::Builder;
use tabled::settings::Style;

use crate::model::{Entry, Vendor, format_number};

/// A column of `chipmap list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Key,
    Vendor,
    Id,
    Name,
    Kind,
    Family,
    Status,
    Confidence,
    Announced,
    Available,
    Process,
    Memory,
    MemoryType,
    CapacityGb,
    BandwidthTbs,
    Predecessor,
    Aliases,
    Sources,
    Notes,
}

const COLUMNS: &[(Column, &str)] = &[
    (Column::Key, "key"),
    (Column::Vendor, "vendor"),
    (Column::Id, "id"),
    (Column::Name, "name"),
    (Column::Kind, "kind"),
    (Column::Family, "family"),
    (Column::Status, "status"),
    (Column::Confidence, "confidence"),
    (Column::Announced, "announced"),
    (Column::Available, "available"),
    (Column::Process, "process"),
    (Column::Memory, "memory"),
    (Column::MemoryType, "memory.type"),
    (Column::CapacityGb, "memory.capacity_gb"),
    (Column::BandwidthTbs, "memory.bandwidth_tbs"),
    (Column::Predecessor, "predecessor"),
    (Column::Aliases, "aliases"),
    (Column::Sources, "sources"),
    (Column::Notes, "notes"),
];

/// The columns shown when `--columns` is not given.
pub const DEFAULT_COLUMNS: &[Column] = &[
    Column::Key,
    Column::Name,
    Column::Kind,
    Column::Status,
    Column::Announced,
    Column::Available,
    Column::Memory,
];

impl Column {
    /// Returns the column's name, as in `--columns` and table headers.
    pub fn as_str(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, n)| n)
    }

    /// Returns every column name, for help and errors.
    pub fn names() -> Vec<&'static str> {
        COLUMNS.iter().map(|(_, n)| *n).collect()
    }

    /// Returns the cell of this column for one entry (empty when the field is absent).
    pub fn cell(self, vendor: &Vendor, entry: &Entry) -> String {
        let memory = entry.memory.as_ref();
        let opt = |v: Option<String>| v.unwrap_or_default();
        match self {
            Column::Key => entry.key(&vendor.vendor),
            Column::Vendor => vendor.vendor.clone(),
            Column::Id => entry.id.clone(),
            Column::Name => entry.name.clone(),
            Column::Kind => entry.kind.to_string(),
            Column::Family => opt(entry.family.clone()),
            Column::Status => entry.status.to_string(),
            Column::Confidence => opt(entry.confidence.map(|c| c.to_string())),
            Column::Announced => opt(entry.announced.map(|d| d.to_string())),
            Column::Available => opt(entry.available.map(|d| d.to_string())),
            Column::Process => opt(entry.process.clone()),
            Column::Memory => opt(entry.memory_label()),
            Column::MemoryType => opt(memory.and_then(|m| m.kind.clone())),
            Column::CapacityGb => opt(memory.and_then(|m| m.capacity_gb).map(format_number)),
            Column::BandwidthTbs => opt(memory.and_then(|m| m.bandwidth_tbs).map(format_number)),
            Column::Predecessor => opt(entry.predecessor.clone()),
            Column::Aliases => entry.aliases.join("; "),
            Column::Sources => entry.sources.join(" "),
            Column::Notes => opt(entry.notes.clone()),
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Column {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let wanted = s.trim();
        COLUMNS
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(wanted))
            .map(|(c, _)| *c)
            .ok_or_else(|| {
                format!(
                    "unknown column `{wanted}`; columns: {}",
                    Column::names().join(", ")
                )
            })
    }
}

/// How `chipmap list` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

/// Writes the entries in `format`; `columns` apply to every format but JSON, which carries
/// each entry whole (docs/format.md section 6).
pub fn write(
    out: &mut dyn Write,
    rows: &[(&Vendor, &Entry)],
    columns: &[Column],
    format: ListFormat,
) -> io::Result<()> {
    match format {
        ListFormat::Json => write_json(out, rows),
        ListFormat::Csv => write_csv(out, rows, columns),
        ListFormat::Table | ListFormat::Markdown => {
            let mut builder = Builder::default();
            builder.push_record(columns.iter().map(|c| c.as_str()));
            for (vendor, entry) in rows {
                // Cells as they will show, so the columns are sized by what is printed.
                builder.push_record(
                    columns
                        .iter()
                        .map(|c| super::visible::shown(&c.cell(vendor, entry)).into_owned()),
                );
            }
            let mut table = builder.build();
            if format == ListFormat::Markdown {
                table.with(Style::markdown());
            } else {
                table.with(Style::sharp());
            }
            writeln!(out, "{table}")
        }
    }
}

fn write_csv(
    out: &mut dyn Write,
    rows: &[(&Vendor, &Entry)],
    columns: &[Column],
) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(columns.iter().map(|c| c.as_str()))?;
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
    super::json::write_pretty(out, &items)?;
    writeln!(out)
}
