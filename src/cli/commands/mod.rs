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

/// The subcommands; each one's help is the doc of its Args struct, beside its `run`.
#[derive(Debug, Subcommand)]
pub enum Command {
    Timeline(read::timeline::TimelineArgs),
    List(read::list::ListArgs),
    Show(read::show::ShowArgs),
    Add(edit::add::AddArgs),
    Update(edit::update::UpdateArgs),
    Remove(edit::remove::RemoveArgs),
    Diff(compare::diff::DiffArgs),
    History(compare::history::HistoryArgs),
    Slips(compare::slips::SlipsArgs),
    Report(export::report::ReportArgs),
    Check(read::check::CheckArgs),
    Snapshot(edit::snapshot::SnapshotArgs),
    Init(edit::init::InitArgs),
    Completions(export::completions::CompletionsArgs),
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
