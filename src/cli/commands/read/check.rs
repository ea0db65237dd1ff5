//! `chipmap check`: every problem in the data directory and its snapshots.

use std::io::Write;

use chipmap::render::diagnostics::{self, CheckSummary};
use chipmap::store::{self, DataDir};
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Validate the data directory and every snapshot; exit 1 when anything is wrong.
///
/// Problems are reported with file, line and column, in file order; exit 0 when clean, 1 when
/// any problem is found. --strict adds the data-quality warnings.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Also warn about doubtful but valid data, located like problems; exit 1 when there are
    /// any. The warnings: an entry without sources; a source that is not an http(s) URL, is
    /// listed twice, or is on a mirror or proxy; an alias listed twice or equal to the name;
    /// `confidence: confirmed` resting on one third-party site alone; `shipping` before the
    /// `available` date, or `announced`/`rumored` after it (today, or in a snapshot its
    /// `taken` day); `announced` after `available`; an entry available before its
    /// predecessor or before the memory generation its `memory.type` names.
    #[arg(long)]
    pub strict: bool,
    /// Show every problem. Without it the first 50, in file order, are shown, then one line
    /// counts the rest (the summary line always counts them all).
    #[arg(long)]
    pub all: bool,
}

/// Runs `chipmap check`.
pub fn run(args: CheckArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let report = store::check_data(&context.data, context.today)?;
    let limit = (!args.all).then_some(diagnostics::SHOWN);
    // Errors first, then (with --strict) the warnings, each in file order.
    let shown: Vec<_> = match args.strict {
        true => report
            .diagnostics
            .iter()
            .chain(&report.warnings)
            .cloned()
            .collect(),
        false => report.diagnostics.clone(),
    };
    diagnostics::write_capped(
        out,
        &shown,
        context.diagnostics_layout(context.stdout_paint),
        limit,
        Some("`chipmap check --all` shows them all"),
    )?;
    let n = report.diagnostics.len();
    let warnings = report.warnings.len();
    if !shown.is_empty() {
        writeln!(out)?;
    }
    let leftovers: Vec<String> = match &context.data {
        DataDir::Path(dir) => store::leftovers(dir)
            .iter()
            .map(|p| store::shown(p))
            .collect(),
        DataDir::Embedded => Vec::new(),
    };
    let summary = CheckSummary {
        data: &context.data.display(),
        files: report.files,
        snapshots: report.snapshots,
        entries: report.entries,
        problems: n,
        warnings,
        strict: args.strict,
        leftovers: &leftovers,
    };
    diagnostics::write_summary(out, &summary, context.width)?;
    if report.files == 0 {
        out.flush()?;
        context.note(format_args!(
            "note: no vendor files yet; `chipmap add VENDOR --vendor-name NAME --id ID ...` starts one"
        ));
    }
    Ok(if n == 0 && !(args.strict && warnings > 0) {
        Outcome::Success
    } else {
        Outcome::Found
    })
}
