//! `chipmap check`: every problem in the data directory and its snapshots.

use std::io::Write;

use chipmap::render::{diagnostics, wrap_hanging};
use chipmap::store::{self, DataDir};
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Validate every vendor file and snapshot: report problems with file, line and column, in
/// file order; exit 0 when clean, 1 when any problem is found.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Also warn about doubtful but valid data (a source or alias listed twice, an alias
    /// equal to the name), located like problems; exit 1 when there are any.
    #[arg(long)]
    pub strict: bool,
    /// Show every problem. Without it the first 50, in file order, are shown, then one line
    /// counts the rest (the summary line always counts them all).
    #[arg(long)]
    pub all: bool,
}

/// Runs `chipmap check`.
pub fn run(args: CheckArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let report = store::check_data(&context.data)?;
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
    let mut read = vec![plural(report.files, "file")];
    if report.snapshots > 0 {
        read.push(plural(report.snapshots, "snapshot"));
    }
    read.push(plural(report.entries, "entry"));
    let mut found = match n {
        0 => "no problems".to_string(),
        n => plural(n, "problem"),
    };
    match (warnings, args.strict) {
        (0, _) => {}
        (w, true) => found.push_str(&format!(", {}", plural(w, "warning"))),
        (w, false) => found.push_str(&format!(" ({} with --strict)", plural(w, "warning"))),
    }
    let summary = format!("{}: {}: {found}", context.data.display(), read.join(", "));
    for line in wrap_hanging(&summary, context.width, 2) {
        writeln!(out, "{line}")?;
    }
    if let DataDir::Path(dir) = &context.data {
        leftovers(out, dir, context.width)?;
    }
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

/// Names the temporary files interrupted runs left, which are no problem: no exit code changes.
fn leftovers(out: &mut dyn Write, dir: &std::path::Path, width: usize) -> std::io::Result<()> {
    let found = store::leftovers(dir);
    if found.is_empty() {
        return Ok(());
    }
    let note = format!(
        "note: {} left by interrupted chipmap runs, safe to delete (they are not data):",
        plural(found.len(), "temporary file")
    );
    for line in wrap_hanging(&note, width, 2) {
        writeln!(out, "{line}")?;
    }
    for path in &found {
        writeln!(out, "  {}", store::shown(path))?;
    }
    Ok(())
}

/// Returns `1 file`, `2 files`, `1 entry`, `3 entries`.
fn plural(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}
