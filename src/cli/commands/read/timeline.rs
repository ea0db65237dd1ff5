//! `chipmap timeline`: per-vendor swimlanes on a year axis.

use std::io::Write;

use chipmap::layout::{self, TimelineSpec};
use chipmap::model::DateBasis;
use chipmap::render::svg::Fonts;
use chipmap::render::timeline::svg::{self, SvgOptions};
use chipmap::render::timeline::term::{self, MIN_WIDTH, TermOptions};
use chipmap::render::timeline::{json, markdown, mermaid};
use clap::{Args, ValueEnum};

use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};
use crate::cli::output::{self, Document, OutputArgs, ScaleArgs};

/// Draw per-vendor timelines on a year axis.
///
/// One lane per vendor, one row per entry, its date drawn as a bar (year, half, quarter) or a
/// dot (month, day), status shown by shade, today marked. With --format, the same timeline for
/// other places: a picture (svg; png, with --output or into a pipe), a Mermaid gantt chart,
/// a Markdown document or JSON rows.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Show the roadmap as it stood in a snapshot (name, prefix or date), a path or git:REV.
    #[arg(long, value_name = "REF")]
    as_of: Option<String>,
    /// Which date places an entry.
    #[arg(long = "by", value_enum, ignore_case = true, default_value_t = Basis::Available)]
    by: Basis,
    /// First year on the axis (default: the earliest date drawn).
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2199))]
    from: Option<i32>,
    /// Last year on the axis (default: the latest date drawn).
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2199))]
    to: Option<i32>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TimelineFormat::Term)]
    format: TimelineFormat,
    #[command(flatten)]
    output: OutputArgs,
    #[command(flatten)]
    scale: ScaleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Basis {
    Available,
    Announced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TimelineFormat {
    /// Text for a terminal, fitted to its width.
    Term,
    /// A picture (SVG 1.1) that carries its font.
    Svg,
    /// The SVG drawn to pixels (--scale for resolution; not to a terminal).
    Png,
    /// A Mermaid gantt chart, for a wiki or an issue (GitHub and GitLab draw it).
    Mermaid,
    /// A Markdown document: one table per vendor, for a newsletter.
    Markdown,
    /// The laid-out rows as one JSON value.
    Json,
}

/// Runs `chipmap timeline`.
pub fn run(args: TimelineArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(
            chipmap::Error::usage(format!("--from {from} is after --to {to}"), None).into(),
        );
    }
    let scale = args.scale.for_png(args.format == TimelineFormat::Png)?;
    if context.width_asked && context.width < MIN_WIDTH {
        let message = format!(
            "--width {}: a timeline needs at least {MIN_WIDTH} columns",
            context.width
        );
        return Err(chipmap::Error::usage(message, None).into());
    }
    let (all, as_of) = context.roadmap_as_of(args.as_of.as_deref())?;
    let filter = args.filters.resolve(&all)?;
    let roadmap = filter.apply(&all);
    let spec = TimelineSpec {
        basis: match args.by {
            Basis::Available => DateBasis::Available,
            Basis::Announced => DateBasis::Announced,
        },
        from: args.from,
        to: args.to,
        // A snapshot's day was its today: the marker shows where the roadmap stood then.
        today: as_of
            .as_ref()
            .and_then(|v| v.taken)
            .unwrap_or(context.today),
    };
    let timeline = layout::timeline(&roadmap, &spec);
    if timeline.row_count() == 0 && roadmap.entry_count() > 0 {
        context.note(format_args!(
            "no entries in {}: {} lie outside it, {} have no {} date",
            timeline.years(),
            timeline.outside,
            timeline.undated,
            timeline.basis.as_str()
        ));
    }
    let as_of = as_of.as_ref().map(|v| (v.label.as_str(), v.taken));
    let picture = |fonts| {
        let options = SvgOptions {
            width: svg::WIDTH,
            as_of,
            fonts,
        };
        svg::svg(&timeline, &options)
    };
    let document = match args.format {
        TimelineFormat::Term => {
            // The axis needs more room than text: a narrower terminal gets the minimum.
            let options = TermOptions {
                width: context.width.max(MIN_WIDTH),
                paint: context.stdout_paint,
                as_of,
            };
            Document::written(|out| term::write(out, &timeline, options))?
        }
        TimelineFormat::Svg => Document::Text(picture(Fonts::Embedded)),
        // resvg is handed the font itself: the SVG need not carry it.
        TimelineFormat::Png => Document::png(&picture(Fonts::FromPage), scale)?,
        TimelineFormat::Mermaid => Document::Text(mermaid::mermaid(&timeline, as_of)),
        TimelineFormat::Markdown => {
            Document::written(|out| markdown::write(out, &timeline, as_of))?
        }
        TimelineFormat::Json => Document::written(|out| json::write(out, &timeline, as_of))?,
    };
    output::deliver(context, document, args.output.output.as_deref(), out)?;
    Ok(Outcome::Success)
}
