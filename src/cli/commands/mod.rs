//! One file per subcommand (its Args next to its `run`), in four groups: read (show the
//! roadmap), edit (change files), compare (versions) and export (documents for elsewhere);
//! this match dispatches.

mod compare;
mod edit;
mod export;
mod filters;
mod read;

use chipmap::render::visible::Visible;
use clap::Subcommand;

use super::context::Context;
use super::exit::{Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw per-vendor timelines on a year axis.
    Timeline(read::timeline::TimelineArgs),
    /// List entries as a table, CSV, JSON or Markdown.
    List(read::list::ListArgs),
    /// Show one entry in full, with its sources.
    Show(read::show::ShowArgs),
    /// Add an entry to a vendor's file (or start a vendor's file).
    Add(edit::add::AddArgs),
    /// Change fields of an entry, keeping the file's comments and layout.
    Update(edit::update::UpdateArgs),
    /// Remove an entry.
    Remove(edit::remove::RemoveArgs),
    /// What changed between two versions of the roadmap.
    Diff(compare::diff::DiffArgs),
    /// Each entry's trajectory across every version: snapshots, or git commits with --git.
    History(compare::history::HistoryArgs),
    /// Schedule slips per vendor and per entry, across every version.
    Slips(compare::slips::SlipsArgs),
    /// Write one self-contained HTML page: timeline, slips, what changed, every entry.
    Report(export::report::ReportArgs),
    /// Validate the data directory and every snapshot; exit 1 when anything is wrong.
    Check(read::check::CheckArgs),
    /// Freeze the roadmap into a snapshot, or list the snapshots.
    Snapshot(edit::snapshot::SnapshotArgs),
    /// Write the built-in dataset to DIR as an editable copy.
    Init(edit::init::InitArgs),
    /// Print a tab-completion script for bash, zsh, fish, elvish or PowerShell.
    #[command(long_about = export::completions::LONG_ABOUT)]
    Completions(export::completions::CompletionsArgs),
    /// Print chipmap's manual pages, or write them where `man` finds them.
    #[command(long_about = export::man::LONG_ABOUT)]
    Man(export::man::ManArgs),
}

/// Returns the outcome of running `command`.
pub fn run(command: Command, context: &Context) -> Result<Outcome, Failure> {
    // The test of the panic hook: a panic whose message holds an escape sequence.
    if context.fault.as_deref() == Some("panic") {
        panic!("injected by CHIPMAP_FAULT=panic: \u{1b}]0;owned\u{7}");
    }
    let stdout = std::io::stdout();
    // Everything a command prints goes through the output filter (see render::visible).
    let mut out = Visible::new(
        std::io::BufWriter::new(stdout.lock()),
        context.stdout_paint.enabled,
    );
    let outcome = match command {
        Command::Timeline(args) => read::timeline::run(args, context, &mut out),
        Command::List(args) => read::list::run(args, context, &mut out),
        Command::Show(args) => read::show::run(args, context, &mut out),
        Command::Add(args) => edit::add::run(args, context, &mut out),
        Command::Update(args) => edit::update::run(args, context, &mut out),
        Command::Remove(args) => edit::remove::run(args, context, &mut out),
        Command::Diff(args) => compare::diff::run(args, context, &mut out),
        Command::History(args) => compare::history::run(args, context, &mut out),
        Command::Slips(args) => compare::slips::run(args, context, &mut out),
        Command::Report(args) => export::report::run(args, context, &mut out),
        Command::Check(args) => read::check::run(args, context, &mut out),
        Command::Snapshot(args) => edit::snapshot::run(args, context, &mut out),
        Command::Init(args) => edit::init::run(args, context, &mut out),
        Command::Completions(args) => export::completions::run(args, context, &mut out),
        Command::Man(args) => export::man::run(args, context, &mut out),
    }?;
    out.finish()?;
    Ok(outcome)
}
