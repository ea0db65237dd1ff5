//! `chipmap slips`: how the roadmaps kept their promises, per vendor and per entry
//! (docs/format.md section 9).

use std::io::Write;

use chipmap::diff;
use chipmap::render::slips as render;
use clap::{Args, ValueEnum};

use super::versions::{self, RangeArgs};
use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Schedule slips per vendor and per entry, across every version.
///
/// Per vendor, how many entries
/// slipped, the median and largest net slip and the share shipped on time; per entry, its
/// first promised `available` date, where it ended, its slips and pull-ins, and a verdict. A
/// date that moves after the entry shipped is a correction of the record, not a slip.
#[derive(Debug, Args)]
pub struct SlipsArgs {
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    range: RangeArgs,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
    Markdown,
}

/// Runs `chipmap slips`.
pub fn run(args: SlipsArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let histories = versions::histories(context, &args.range)?;
    let filter = args.filters.resolve(&histories.latest())?;
    let histories = histories.filtered(&filter);
    let slips = diff::slips(&histories);
    let versions = &histories.versions;
    match args.format {
        Format::Table => {
            render::write_table(out, &slips, versions, context.width, context.stdout_paint)?
        }
        Format::Csv => render::write_csv(out, &slips, versions)?,
        Format::Json => render::write_json(out, &slips, versions)?,
        Format::Markdown => render::write_markdown(out, &slips, versions)?,
    }
    Ok(Outcome::Success)
}
