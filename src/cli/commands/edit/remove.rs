//! `chipmap remove KEY`: delete one entry, refusing while another names it as predecessor.

use std::io::Write;

use chipmap::store::Request;
use clap::Args;

use super::change;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Remove an entry.
///
/// Its lines go from the vendor file; the comments around them stay.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// `vendor/id`, or a bare id, name, alias or former id that matches one entry (any case).
    key: String,
    /// Print the change as a diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `chipmap remove`.
pub fn run(args: RemoveArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    change::run(
        &Request::Remove { key: args.key },
        args.dry_run,
        context,
        out,
    )
}
