//! What `history`, `slips` and `show` share: which versions to read (`--git`, `--since`,
//! `--until`), reading them with progress on a terminal, and choosing the entries.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chipmap::diff::{EntryHistory, Follower, Histories};
use chipmap::model::{Roadmap, Vendor};
use chipmap::store::{self, WalkOptions};
use chipmap::{Error, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;

/// How long a walk runs before it shows its progress.
const QUIET_FOR: Duration = Duration::from_millis(500);

/// Which versions a history runs over (docs/format.md section 8).
#[derive(Debug, Clone, Args)]
pub struct RangeArgs {
    /// Read the versions from git: the commits along HEAD's first-parent line that changed a
    /// vendor file of the data directory, then `working` when it differs from HEAD.
    #[arg(long)]
    git: bool,
    /// Start at this version: a snapshot name or prefix, git:REV, or a date (2025, 2025-03,
    /// 2025H2, 2025-03-18).
    #[arg(long, value_name = "REF")]
    since: Option<String>,
    /// End at this version: a snapshot name or prefix, git:REV, `working`, or a date.
    #[arg(long, value_name = "REF")]
    until: Option<String>,
}

impl RangeArgs {
    /// Returns the snapshots and working data as versions, as `show` reads them.
    pub fn snapshots() -> RangeArgs {
        RangeArgs {
            git: false,
            since: None,
            until: None,
        }
    }
}

/// Returns every entry's history over the versions `range` asks for. The walk shows its
/// progress on stderr when stderr is a terminal and it runs longer than half a second; what
/// it had to skip (a file that was invalid in an old commit) is said on stderr after.
pub fn histories(context: &Context, range: &RangeArgs) -> Result<Histories> {
    Ok(histories_and_last(context, range)?.0)
}

/// Returns the histories of [`histories`] and the roadmap of the last version read (over the
/// snapshots with no `--until`, the working data), so a command that needs both reads the
/// working data once.
pub fn histories_and_last(context: &Context, range: &RangeArgs) -> Result<(Histories, Roadmap)> {
    let options = WalkOptions {
        git: range.git,
        since: range.since.as_deref(),
        until: range.until.as_deref(),
    };
    let mut walk = store::walk(&context.data, &options)?;
    let versions = walk.versions().to_vec();
    let bar =
        ProgressBar::with_draw_target(Some(versions.len() as u64), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("reading versions {bar:30} {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let shown = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut follower = Follower::new();
    let mut last = Vec::new();
    for vendors in &mut walk {
        last = vendors?;
        follower.step(&last);
        bar.inc(1);
        if shown && bar.is_hidden() && started.elapsed() > QUIET_FOR {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
    bar.finish_and_clear();
    for warning in walk.warnings() {
        context.note(format_args!("warning: {warning}"));
    }
    let last = Roadmap {
        vendors: last.iter().map(|v| Vendor::clone(v)).collect(),
    };
    Ok((follower.finish(versions), last))
}

/// Returns the entries asked for: those named by `keys` (a KEY as `show` takes it, or a key
/// an entry had before a rename), else every entry the filters keep.
pub fn chosen<'h>(
    histories: &'h Histories,
    keys: &[String],
    filters: &FilterArgs,
) -> Result<Vec<&'h EntryHistory>> {
    let latest = histories.latest();
    let filter = filters.resolve(&latest)?;
    if keys.is_empty() {
        let kept: Vec<&EntryHistory> = histories
            .entries
            .iter()
            .filter(|e| e.passes(&filter))
            .collect();
        return Ok(kept);
    }
    let mut chosen: Vec<&EntryHistory> = Vec::new();
    for key in keys {
        let found = match histories.by_key(key) {
            Some(found) => found,
            None => {
                let (vendor, entry) = store::find(&latest, key)?;
                let key = entry.key(&vendor.vendor);
                histories
                    .by_key(&key)
                    .ok_or_else(|| Error::usage(format!("no history of `{key}`"), None))?
            }
        };
        if found.passes(&filter) && !chosen.iter().any(|c| std::ptr::eq(*c, found)) {
            chosen.push(found);
        }
    }
    Ok(chosen)
}
