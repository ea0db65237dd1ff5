//! `chipmap init DIR`: the built-in dataset written out as an editable copy.

use std::io::Write;
use std::path::PathBuf;

use chipmap::store;
use clap::Args;

use crate::cli::context::{Context, DataFrom};
use crate::cli::exit::{Failure, Outcome};

/// Write the built-in dataset to DIR as an editable copy.
///
/// The vendor files and snapshots, to edit and track in git. DIR must be new or empty: the copy is built in a hidden folder beside it and renamed into
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
        writeln!(out, "{}", store::shown(path))?;
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
    // True by the marker it wrote: discovery finds DIR from DIR and every folder below it.
    let dir = args.dir.display();
    context.note(format_args!(
        "wrote {} files to {dir}; chipmap uses them when run in {dir} or below (it holds {}), or with --data {dir}",
        written.len(),
        store::MARKER,
    ));
    if matches!(context.data_from, DataFrom::Env) {
        context.note(format_args!(
            "note: CHIPMAP_DATA is set (to {}) and comes first: unset it to use {dir} from inside it",
            context.data.display()
        ));
    }
    Ok(Outcome::Success)
}
