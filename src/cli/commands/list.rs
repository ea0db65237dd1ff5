//! `chipmap list`: the entries as a table, CSV, JSON or Markdown.

use std::cmp::Ordering;
use std::io::Write;

use chipmap::model::{Entry, Vendor};
use chipmap::render::table::{self, Column, DEFAULT_COLUMNS, ListFormat};
use clap::{Args, ValueEnum};

use super::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// List entries, one row each.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Show the roadmap as it stood in a snapshot (name, prefix or date), a path or git:REV.
    #[arg(long, value_name = "REF")]
    as_of: Option<String>,
    /// Output format (json prints every field of each entry).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Columns to show, comma-separated (key, vendor, id, name, kind, family, status, confidence,
    /// announced, available, process, memory, memory.type, memory.capacity_gb,
    /// memory.bandwidth_tbs, predecessor, aliases, sources, notes).
    #[arg(long, value_delimiter = ',', value_name = "COLUMNS")]
    columns: Vec<Column>,
    /// Sort by this column (dates sort by interval; entries without one go last).
    #[arg(long, value_name = "COLUMN")]
    sort: Option<Column>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

/// Runs `chipmap list`.
pub fn run(args: ListArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let all = context.roadmap_as_of(args.as_of.as_deref())?;
    let filter = args.filters.resolve(&all)?;
    let roadmap = filter.apply(&all);
    let mut rows: Vec<(&Vendor, &Entry)> = roadmap.entries().collect();
    if let Some(column) = args.sort {
        rows.sort_by(|a, b| compare(column, *a, *b));
    }
    let columns = if args.columns.is_empty() {
        DEFAULT_COLUMNS.to_vec()
    } else {
        args.columns
    };
    let format = match args.format {
        Format::Table => ListFormat::Table,
        Format::Csv => ListFormat::Csv,
        Format::Json => ListFormat::Json,
        Format::Markdown => ListFormat::Markdown,
    };
    table::write(out, &rows, &columns, format)?;
    Ok(Outcome::Success)
}

/// Returns the order of two rows by `column`: dates and numbers by value, the rest as text;
/// an empty cell sorts last.
fn compare(column: Column, a: (&Vendor, &Entry), b: (&Vendor, &Entry)) -> Ordering {
    let last_if_none = |x: Option<Ordering>, a_none: bool, b_none: bool| match (a_none, b_none) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => x.unwrap_or(Ordering::Equal),
    };
    match column {
        Column::Announced | Column::Available => {
            let date = |e: &Entry| {
                if column == Column::Announced {
                    e.announced
                } else {
                    e.available
                }
            };
            let (x, y) = (date(a.1), date(b.1));
            last_if_none(x.zip(y).map(|(x, y)| x.cmp(&y)), x.is_none(), y.is_none())
        }
        Column::Status | Column::Kind | Column::Confidence => {
            let rank = |e: &Entry| match column {
                Column::Status => e.status as usize,
                Column::Kind => e.kind as usize,
                _ => e.confidence.map_or(usize::MAX, |c| c as usize),
            };
            rank(a.1).cmp(&rank(b.1))
        }
        Column::CapacityGb | Column::BandwidthTbs => {
            let number = |e: &Entry| {
                let m = e.memory.as_ref()?;
                if column == Column::CapacityGb {
                    m.capacity_gb
                } else {
                    m.bandwidth_tbs
                }
            };
            let (x, y) = (number(a.1), number(b.1));
            last_if_none(
                x.zip(y).map(|(x, y)| x.total_cmp(&y)),
                x.is_none(),
                y.is_none(),
            )
        }
        _ => {
            let (x, y) = (column.cell(a.0, a.1), column.cell(b.0, b.1));
            last_if_none(
                Some(x.to_lowercase().cmp(&y.to_lowercase())),
                x.is_empty(),
                y.is_empty(),
            )
        }
    }
}
