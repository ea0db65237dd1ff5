//! One file per subcommand (its Args next to its `run`); this match dispatches.

mod add;
mod change;
mod check;
mod completions;
mod diff;
mod fields;
mod filters;
mod history;
mod init;
mod list;
mod man;
mod remove;
mod report;
mod show;
mod slips;
mod snapshot;
mod timeline;
mod update;
mod versions;

use chipmap::render::visible::Visible;
use clap::Subcommand;

use super::context::Context;
use super::exit::{Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Draw per-vendor timelines on a year axis.
    Timeline(timeline::TimelineArgs),
    /// List entries as a table, CSV, JSON or Markdown.
    List(list::ListArgs),
    /// Show one entry in full, with its sources.
    Show(show::ShowArgs),
    /// Add an entry to a vendor's file (or start a vendor's file).
    Add(add::AddArgs),
    /// Change fields of an entry, keeping the file's comments and layout.
    Update(update::UpdateArgs),
    /// Remove an entry.
    Remove(remove::RemoveArgs),
    /// What changed between two versions of the roadmap.
    Diff(diff::DiffArgs),
    /// Each entry's trajectory across every version: snapshots, or git commits with --git.
    History(history::HistoryArgs),
    /// Schedule slips per vendor and per entry, across every version.
    Slips(slips::SlipsArgs),
    /// Write one self-contained HTML page: timeline, slips, what changed, every entry.
    Report(report::ReportArgs),
    /// Validate the data directory and every snapshot; exit 1 when anything is wrong.
    Check(check::CheckArgs),
    /// Freeze the roadmap into a snapshot, or list the snapshots.
    Snapshot(snapshot::SnapshotArgs),
    /// Write the built-in dataset to DIR as an editable copy.
    Init(init::InitArgs),
    /// Print a tab-completion script for bash, zsh, fish, elvish or PowerShell.
    #[command(long_about = completions::LONG_ABOUT)]
    Completions(completions::CompletionsArgs),
    /// Print chipmap's manual pages, or write them where `man` finds them.
    #[command(long_about = man::LONG_ABOUT)]
    Man(man::ManArgs),
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
        Command::Timeline(args) => timeline::run(args, context, &mut out),
        Command::List(args) => list::run(args, context, &mut out),
        Command::Show(args) => show::run(args, context, &mut out),
        Command::Add(args) => add::run(args, context, &mut out),
        Command::Update(args) => update::run(args, context, &mut out),
        Command::Remove(args) => remove::run(args, context, &mut out),
        Command::Diff(args) => diff::run(args, context, &mut out),
        Command::History(args) => history::run(args, context, &mut out),
        Command::Slips(args) => slips::run(args, context, &mut out),
        Command::Report(args) => report::run(args, context, &mut out),
        Command::Check(args) => check::run(args, context, &mut out),
        Command::Snapshot(args) => snapshot::run(args, context, &mut out),
        Command::Init(args) => init::run(args, context, &mut out),
        Command::Completions(args) => completions::run(args, context, &mut out),
        Command::Man(args) => man::run(args, context, &mut out),
    }?;
    out.finish()?;
    Ok(outcome)
}
