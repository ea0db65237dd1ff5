//! `chipmap history [KEY...]`: each entry's trajectory across every version (docs/format.md
//! section 8), one line per entry, the full log of the entries named, or a trend chart.

use std::io::Write;

use chipmap::Error;
use chipmap::diff::{EntryHistory, Histories};
use chipmap::render::history::{self as render, HistoryView};
use chipmap::render::svg::Fonts;
use chipmap::render::trend::svg::{self as picture, ChartOptions};
use chipmap::render::trend::{self, TrendChart};
use clap::{Args, ValueEnum};

use super::versions::{self, RangeArgs};
use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};
use crate::cli::output::{self, Document, OutputArgs, ScaleArgs};

/// Each entry's trajectory across every version: snapshots, or git commits with --git.
///
/// Each entry followed through every version of the roadmap (the snapshots, then working; or with
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
    /// date up (at most 6 entries in text, 8 in a picture).
    #[arg(long)]
    chart: bool,
    /// Output format (svg and png draw the --chart as a picture).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    scale: ScaleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
    Markdown,
    /// The --chart as a picture (SVG 1.1) that carries its font.
    Svg,
    /// The --chart's SVG drawn to pixels (--scale for resolution; not to a terminal).
    Png,
}

impl Format {
    /// Returns whether the format draws the chart (and only the chart).
    fn is_picture(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }
}

/// Runs `chipmap history`.
pub fn run(args: HistoryArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.chart && !matches!(args.format, Format::Text | Format::Svg | Format::Png) {
        return Err(Error::usage(
            "--chart draws a chart: as text for a terminal, or as an svg or png picture",
            Some(
                "give --format text, svg or png with --chart, or leave out --chart for the data as json, csv or markdown"
                    .into(),
            ),
        )
        .into());
    }
    if args.format.is_picture() && !args.chart {
        return Err(Error::usage(
            "svg and png draw the trend chart: they need --chart",
            Some("add --chart (chipmap history KEY... --chart --format svg)".into()),
        )
        .into());
    }
    let scale = args.scale.for_png(args.format == Format::Png)?;
    let histories = versions::histories(context, &args.range)?;
    let entries = versions::chosen(&histories, &args.keys, &args.filters)?;
    if entries.is_empty() {
        context.note(format_args!("no entry matches"));
    }
    let document = if args.chart {
        chart(&args, scale, context, &histories, entries)?
    } else {
        let view = HistoryView {
            histories: &histories,
            entries,
        };
        let full = !args.keys.is_empty();
        let paint = context.stdout_paint;
        Document::written(|text| match args.format {
            Format::Text if full => render::write_log(text, &view, context.width, paint),
            Format::Text => render::write_compact(text, &view, context.width, paint),
            Format::Json => render::write_json(text, &view),
            Format::Csv => render::write_csv(text, &view),
            Format::Markdown => render::write_markdown(text, &view, full),
            // Refused before any version was read.
            Format::Svg | Format::Png => Ok(()),
        })?
    };
    output::deliver(context, document, args.output.output.as_deref(), out)?;
    Ok(Outcome::Success)
}

/// Returns the trend chart of `entries` (those with an `available` date) in the format asked:
/// text for a terminal, or a picture; refused when there are more than the format tells apart.
fn chart(
    args: &HistoryArgs,
    scale: f32,
    context: &Context,
    histories: &Histories,
    entries: Vec<&EntryHistory>,
) -> Result<Document, Failure> {
    let dated: Vec<_> = entries.into_iter().filter(|e| e.has_available()).collect();
    let most = if args.format.is_picture() {
        picture::MAX_ENTRIES
    } else {
        trend::MAX_ENTRIES
    };
    if dated.len() > most {
        return Err(Error::usage(
            format!(
                "a trend chart tells {most} entries apart; {} match",
                dated.len()
            ),
            Some(format!(
                "name up to {most} KEYs (chipmap history KEY... --chart), or narrow with --vendor, --kind, --status, --family"
            )),
        )
        .into());
    }
    let chart = TrendChart {
        histories,
        entries: dated,
        today: context.today,
    };
    let svg = |fonts| {
        let options = ChartOptions {
            fonts,
            ..ChartOptions::default()
        };
        picture::svg(&chart, &options)
    };
    Ok(match args.format {
        Format::Svg => Document::Text(svg(Fonts::Embedded)),
        // resvg is handed the font itself: the SVG need not carry it.
        Format::Png => Document::png(&svg(Fonts::FromPage), scale)?,
        _ => Document::written(|text| {
            trend::write_chart(text, &chart, context.width, context.stdout_paint)
        })?,
    })
}
