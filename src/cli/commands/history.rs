//! `chipmap history [KEY...]`: each entry's trajectory across every version (docs/format.md
//! section 8), one line per entry, the full log of the entries named, or a trend chart.

use std::io::Write;

use chipmap::Error;
use chipmap::render::history::{self as render, HistoryView};
use chipmap::render::trend::{self, TrendChart};
use clap::{Args, ValueEnum};

use super::filters::FilterArgs;
use super::versions::{self, RangeArgs};
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Follow each entry through every version of the roadmap (the snapshots, then working; or with
/// --git, the commits that changed it): where its fields changed, with the date moves' class
/// and size, across renames. With no KEY, one line per entry; with KEYs, every change of those
/// entries, version by version.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// `vendor/id`, or a bare id, name, alias or former id (any case).
    keys: Vec<String>,
    #[command(flatten)]
    filters: FilterArgs,
    #[command(flatten)]
    range: RangeArgs,
    /// Draw a milestone trend chart of the entries: version date across, promised `available`
    /// date up (at most 6 entries).
    #[arg(long)]
    chart: bool,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
}

/// Runs `chipmap history`.
pub fn run(args: HistoryArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.chart && args.format != Format::Text {
        return Err(Error::usage(
            "--chart draws for a terminal; it has no other format",
            Some(
                "leave out --format, or leave out --chart for the data as json, csv or markdown"
                    .into(),
            ),
        )
        .into());
    }
    let histories = versions::histories(context, &args.range)?;
    let entries = versions::chosen(&histories, &args.keys, &args.filters)?;
    if entries.is_empty() {
        context.note(format_args!("no entry matches"));
    }
    if args.chart {
        let dated: Vec<_> = entries.into_iter().filter(|e| e.has_available()).collect();
        if dated.len() > trend::MAX_ENTRIES {
            return Err(Error::usage(
                format!(
                    "a trend chart tells {} entries apart; {} match",
                    trend::MAX_ENTRIES,
                    dated.len()
                ),
                Some("name up to 6 KEYs (chipmap history KEY... --chart), or narrow with --vendor, --kind, --status, --family".into()),
            )
            .into());
        }
        let chart = TrendChart {
            histories: &histories,
            entries: dated,
            today: context.today,
        };
        trend::write_chart(out, &chart, context.width, context.stdout_paint)?;
        return Ok(Outcome::Success);
    }
    let view = HistoryView {
        histories: &histories,
        entries,
    };
    let full = !args.keys.is_empty();
    match args.format {
        Format::Text if full => render::write_log(out, &view, context.width, context.stdout_paint)?,
        Format::Text => render::write_compact(out, &view, context.width, context.stdout_paint)?,
        Format::Json => render::write_json(out, &view)?,
        Format::Csv => render::write_csv(out, &view)?,
        Format::Markdown => render::write_markdown(out, &view, full)?,
    }
    Ok(Outcome::Success)
}
