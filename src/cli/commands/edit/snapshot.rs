//! `chipmap snapshot NAME` freezes the roadmap; `chipmap snapshot --list` lists the snapshots.

use std::io::Write;

use chipmap::{render, store};
use chrono::NaiveDate;
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Freeze the roadmap into a snapshot, or list the snapshots.
///
/// The snapshot is snapshots/NAME.yaml (never written over an existing one); --list lists the
/// snapshots by date.
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// The snapshot's name: lowercase letters, digits and `-`, such as 2026-11-30-weekly.
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// The day the roadmap stood so (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::fields::day)]
    taken: Option<NaiveDate>,
    /// What the snapshot records, such as "NVIDIA GTC 2026 keynote".
    #[arg(long, value_name = "TEXT")]
    note: Option<String>,
    /// List the snapshots by date instead.
    #[arg(long, conflicts_with_all = ["name", "taken", "note"])]
    list: bool,
    /// Print the file it would write, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `chipmap snapshot`.
pub fn run(args: SnapshotArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    if args.list {
        return list(context, out);
    }
    let name = args.name.unwrap_or_default();
    let dir = context.writable_dir()?;
    let _lock = if args.dry_run {
        None
    } else {
        Some(context.lock(dir)?)
    };
    let taken = args.taken.unwrap_or(context.today);
    let planned = store::plan_snapshot(dir, &name, taken, args.note)?;
    if args.dry_run {
        write!(out, "{}", planned.text)?;
        // The note follows the text on a terminal, as it does in the file it is piped to.
        out.flush()?;
        context.note(format_args!(
            "dry run: would write {} ({} entries); nothing was written",
            store::shown(&planned.path),
            planned.entries
        ));
        return Ok(Outcome::Success);
    }
    store::write_snapshot(&planned)?;
    context.note(format_args!(
        "wrote {} ({} entries, taken {taken})",
        store::shown(&planned.path),
        planned.entries
    ));
    Ok(Outcome::Success)
}

fn list(context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let all = store::snapshots(&context.data)?;
    if all.is_empty() {
        // An empty list, as `ls` of an empty folder: nothing on stdout; the remark on stderr.
        context.note(format_args!(
            "no snapshots in {}; `chipmap snapshot NAME` freezes the roadmap as it stands",
            context.data.display()
        ));
        return Ok(Outcome::Success);
    }
    render::snapshots::write_list(out, &all, context.width)?;
    Ok(Outcome::Success)
}
