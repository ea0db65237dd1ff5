//! `chipmap init DIR`: the built-in dataset written out as an editable copy.

use std::io::Write;
use std::path::PathBuf;

use chipmap::store;
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Write the built-in dataset (vendor files and snapshots) to DIR, to edit and track in git.
/// DIR must be new or empty: the copy is built in a hidden folder beside it and renamed into
/// place whole, so an interrupted run leaves no partial DIR.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create or fill, such as `roadmaps`.
    dir: PathBuf,
    /// List the files it would write, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `chipmap init`.
pub fn run(args: InitArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let written = store::init(&args.dir, args.dry_run, context.fault.as_deref())?;
    for path in &written {
        writeln!(out, "{}", path.display())?;
    }
    out.flush()?;
    if args.dry_run {
        context.note(format_args!(
            "dry run: would write {} files to {}; nothing was written",
            written.len(),
            args.dir.display()
        ));
        return Ok(Outcome::Success);
    }
    context.note(format_args!(
        "wrote {} files to {}; chipmap uses them when run there or below, or with --data {}",
        written.len(),
        args.dir.display(),
        args.dir.display()
    ));
    Ok(Outcome::Success)
}
