//! `chipmap init DIR`: the built-in dataset written out as an editable copy.

use std::io::Write;
use std::path::PathBuf;

use chipmap::store;
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Write the built-in dataset (vendor files and snapshots) to DIR, to edit and track in git.
/// Refuses, writing nothing, if DIR already holds any of those files.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create or fill, such as `roadmaps`.
    dir: PathBuf,
}

/// Runs `chipmap init`.
pub fn run(args: InitArgs, _context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let written = store::init(&args.dir)?;
    for path in &written {
        writeln!(out, "{}", path.display())?;
    }
    out.flush()?;
    eprintln!(
        "wrote {} files to {}; chipmap uses them when run there or below, or with --data {}",
        written.len(),
        args.dir.display(),
        args.dir.display()
    );
    Ok(Outcome::Success)
}
