//! `chipmap snapshot NAME` freezes the roadmap; `chipmap snapshot --list` lists the snapshots.

use std::io::Write;

use chipmap::render::grid::{Frame, Give, Grid};
use chipmap::render::visible::shown;
use chipmap::render::wrap_breaking;
use chipmap::store;
use chrono::NaiveDate;
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Freeze the current roadmap into snapshots/NAME.yaml (never over an existing one), or list
/// the snapshots by date.
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
    // Day, name and size fitted to the width (a long name wraps at a hyphen), each snapshot's
    // note wrapped under it: nothing cut, nothing wider than the width.
    let give = |whole, priority| Give {
        whole,
        priority,
        spare: false,
    };
    let grid = Grid {
        header: Vec::new(),
        give: vec![give(true, 3), give(false, 2), give(true, 1)],
        rows: all
            .iter()
            .map(|s| {
                let entries = s.roadmap.entry_count();
                vec![
                    s.meta.taken.to_string(),
                    shown(&s.meta.name).into_owned(),
                    format!("{entries:>4} entries"),
                ]
            })
            .collect(),
    };
    let (indent, gap) = (0, 2);
    let fitted = grid.fit(context.width, Frame::Plain { indent, gap });
    for (snapshot, row) in all.iter().zip(&grid.rows) {
        grid.write_plain_row(out, &fitted, row, indent, gap)?;
        for line in snapshot
            .meta
            .note
            .as_deref()
            .map(|n| wrap_breaking(n, context.width.saturating_sub(4)))
            .unwrap_or_default()
        {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(Outcome::Success)
}
