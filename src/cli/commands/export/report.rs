//! `chipmap report`: one self-contained HTML page of the roadmap (docs/format.md section 10).

use std::io::Write;

use chipmap::diff;
use chipmap::layout::{self, TimelineSpec};
use chipmap::model::DateBasis;
use chipmap::render::report::{self as render, Compared, Report};
use chipmap::store;
use clap::Args;

use crate::cli::commands::compare::versions::{self, RangeArgs};
use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};
use crate::cli::output::{self, Document, OutputArgs};

/// Write one self-contained HTML page: timeline, trends, slips, changes, every entry.
///
/// The page needs nothing else (no script, no font from the network): the timeline picture,
/// a trend chart per vendor whose promises moved, the slips over every snapshot, what changed since --since, and every
/// entry with its sources as links. It reads on a phone and prints. The filters narrow every
/// section alike.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    filters: FilterArgs,
    /// Say what changed since this version: a snapshot name or prefix, a date (the newest
    /// snapshot taken by then), a path or git:REV (default: the newest snapshot).
    #[arg(long, value_name = "REF")]
    since: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

/// Runs `chipmap report`.
pub fn run(args: ReportArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    // One walk reads every snapshot and the working data, its last version.
    let (histories, working) = versions::histories_and_last(context, &RangeArgs::snapshots())?;
    let since = match &args.since {
        Some(reference) => Some(store::resolve(reference, &context.data)?),
        // With no snapshot yet, the page says there is nothing to compare with.
        None if store::snapshot_names(&context.data)?.is_empty() => None,
        None => Some(store::resolve_newest(&context.data)?),
    };
    let latest = histories.latest();
    let mut known = vec![&working, &latest];
    known.extend(since.as_ref().map(|s| &s.roadmap));
    let filter = args.filters.resolve_in(&known)?;
    let roadmap = filter.apply(&working);
    let histories = histories.filtered(&filter);
    let slips = diff::slips(&histories);
    let spec = TimelineSpec {
        basis: DateBasis::Available,
        from: None,
        to: None,
        today: context.today,
    };
    let timeline = layout::timeline(&roadmap, &spec);
    let working_side = store::Resolved {
        label: "working".into(),
        taken: None,
        roadmap: working,
    };
    let compared = since.as_ref().map(|old| {
        let changes = diff::diff_filtered(&old.roadmap, &working_side.roadmap, &filter);
        (
            changes,
            crate::cli::commands::compare::diff::diff_context(old, &working_side),
        )
    });
    let report = Report {
        today: context.today,
        roadmap: &roadmap,
        timeline: &timeline,
        histories: &histories,
        slips: &slips,
        changes: compared
            .as_ref()
            .map(|(changes, context)| Compared { changes, context }),
    };
    let page = render::page(&report, &render::sections(&report));
    output::deliver(
        context,
        Document::Text(page),
        args.output.output.as_deref(),
        out,
    )?;
    Ok(Outcome::Success)
}
