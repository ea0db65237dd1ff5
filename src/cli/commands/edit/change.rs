//! The part `add`, `update` and `remove` share: lock, plan, then show or write the change.

use std::io::Write;

use chipmap::store::{self, Request};

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Carries out `request` on the data directory: under its lock, checked, written atomically;
/// with `dry_run`, prints the diff it would make and writes nothing.
pub fn run(
    request: &Request,
    dry_run: bool,
    context: &Context,
    out: &mut dyn Write,
) -> Result<Outcome, Failure> {
    let dir = context.writable_dir()?;
    // Held for the whole read-modify-write, so concurrent runs queue and lose no update.
    let _lock = if dry_run {
        None
    } else {
        Some(context.lock(dir)?)
    };
    let planned = store::plan(dir, request)?;
    for note in &planned.notes {
        context.note(format_args!("{note}"));
    }
    if planned.is_noop() {
        // Said the same with --dry-run: a no-op would not be "updated".
        context.note(format_args!("{}: nothing to change", planned.key));
    } else if dry_run {
        write!(out, "{}", planned.diff())?;
        // The note follows the diff on a terminal, as it does in the file it is piped to.
        out.flush()?;
        context.note(format_args!(
            "dry run: {} would be {}; nothing was written",
            planned.key, planned.done
        ));
    } else {
        planned.write(context.fault.as_deref())?;
        context.note(format_args!(
            "{} {} in {}",
            planned.done,
            planned.key,
            store::shown(&planned.path)
        ));
    }
    Ok(Outcome::Success)
}
