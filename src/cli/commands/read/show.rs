//! `chipmap show KEY`: one entry in full, and where it stood in each snapshot.

use std::io::Write;

use chipmap::render::entry;
use chipmap::store;
use clap::{Args, ValueEnum};

use crate::cli::commands::compare::versions::{self, RangeArgs};
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Show one entry in full, with its sources.
///
/// Every field, every source, and the entry's dated history across the snapshots.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// `vendor/id`, or a bare id, name, alias or former id that matches one entry (any case).
    key: String,
    /// Show the entry as it stood in a snapshot (name, prefix or date), a path or git:REV.
    #[arg(long, value_name = "REF")]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs `chipmap show`.
pub fn run(args: ShowArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let (roadmap, as_of) = context.roadmap_as_of(args.as_of.as_deref())?;
    let (vendor, found) = store::find(&roadmap, &args.key)?;
    if args.format == Format::Json {
        if let Some(as_of) = &as_of {
            context.note(format_args!("{}", as_of.caption()));
        }
        entry::write_json(out, vendor, found)?;
        return Ok(Outcome::Success);
    }
    if let Some(as_of) = &as_of {
        writeln!(out, "{}", as_of.caption())?;
    }
    let width = context.width;
    entry::write(out, vendor, found, width, context.stdout_paint)?;
    // The same versions and engine as `history`: the snapshots, then working.
    if store::snapshot_names(&context.data)?.is_empty() {
        return Ok(Outcome::Success);
    }
    let histories = versions::histories(context, &RangeArgs::snapshots())?;
    if let Some(history) = histories.by_key(&found.key(&vendor.vendor)) {
        entry::write_history(out, history, &histories.versions, width)?;
    }
    Ok(Outcome::Success)
}
