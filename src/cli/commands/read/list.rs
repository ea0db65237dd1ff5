//! `chipmap list`: the entries as a table, CSV, JSON or Markdown.

use std::io::Write;

use chipmap::model::{Entry, Roadmap, Vendor};
use chipmap::render::markdown;
use chipmap::render::table::{self, Column, DEFAULT_COLUMNS, ListFormat, SortKey};
use clap::{Args, ValueEnum};

use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// List entries as a table, CSV, JSON or Markdown.
///
/// One row per entry that passes the filters. --columns chooses the columns (any field, a
/// spec, or the first and last day of a date's interval), --sort orders the rows.
#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Show the roadmap as it stood in a snapshot (name, prefix or date), a path or git:REV.
    #[arg(long, value_name = "REF")]
    as_of: Option<String>,
    /// Output format (json prints every field of each entry).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Table)]
    format: Format,
    /// Columns to show, comma-separated (key, vendor, id, name, kind, family, status, confidence,
    /// announced, available, process, memory, memory.type, memory.capacity_gb,
    /// memory.bandwidth_tbs, predecessor, aliases, sources, notes, specs.NAME, and
    /// announced.start, announced.end, available.start, available.end: the first and last day
    /// of the date).
    #[arg(long, value_delimiter = ',', value_name = "COLUMNS")]
    columns: Vec<String>,
    /// Sort by this column, `-COLUMN` for descending (dates by interval, numbers by value;
    /// entries without one go last).
    #[arg(long, value_name = "COLUMN", allow_hyphen_values = true)]
    sort: Option<String>,
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
    let (all, as_of) = context.roadmap_as_of(args.as_of.as_deref())?;
    let specs = spec_names(&all);
    let usage = |message: String| chipmap::Error::usage(message, None);
    let columns = if args.columns.is_empty() {
        DEFAULT_COLUMNS.to_vec()
    } else {
        let parsed: Result<Vec<Column>, String> = args
            .columns
            .iter()
            .map(|c| Column::parse(c, &specs))
            .collect();
        parsed.map_err(|e| usage(format!("--columns: {e}")))?
    };
    let sort = match &args.sort {
        Some(text) => {
            Some(SortKey::parse(text, &specs).map_err(|e| usage(format!("--sort: {e}")))?)
        }
        None => None,
    };
    let filter = args.filters.resolve(&all)?;
    let roadmap = filter.apply(&all);
    let mut rows: Vec<(&Vendor, &Entry)> = roadmap.entries().collect();
    if let Some(key) = sort {
        key.sort(&mut rows);
    }
    let format = match args.format {
        Format::Table => ListFormat::Table,
        Format::Csv => ListFormat::Csv,
        Format::Json => ListFormat::Json,
        Format::Markdown => ListFormat::Markdown,
    };
    // A table for a person names the version above it; a file for a program stays as it is.
    if let Some(as_of) = &as_of {
        match format {
            ListFormat::Table => writeln!(out, "{}", as_of.caption())?,
            ListFormat::Markdown => writeln!(out, "*{}*\n", markdown::escape(&as_of.caption()))?,
            ListFormat::Csv | ListFormat::Json => {
                context.note(format_args!("{}", as_of.caption()));
            }
        }
    }
    let dropped = table::write(out, &rows, &columns, format, context.width)?;
    // The notes below follow the table when both go to one terminal.
    out.flush()?;
    if rows.is_empty() {
        match all.entry_count() {
            0 => context.note(format_args!("no entries in the roadmap")),
            n => context.note(format_args!(
                "no entries match the filters ({n} in the roadmap)"
            )),
        }
    }
    if !dropped.is_empty() {
        let names: Vec<String> = dropped.iter().map(Column::name).collect();
        context.note(format_args!(
            "left out to fit {} columns: {} (a wider --width, fewer --columns or --format csv shows them)",
            context.width,
            names.join(", ")
        ));
    }
    Ok(Outcome::Success)
}

/// Returns every spec name the roadmap's entries have, sorted, once each.
fn spec_names(roadmap: &Roadmap) -> Vec<&str> {
    let mut names: Vec<&str> = roadmap
        .entries()
        .flat_map(|(_, e)| e.specs.iter().map(|(n, _)| n.as_str()))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}
