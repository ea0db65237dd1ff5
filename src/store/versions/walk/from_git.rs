//! The versions of a git walk: the commits along HEAD's first-parent line that changed a
//! vendor file, oldest first, then `working` when it holds other data than HEAD.
//!
//! Three git processes whatever the length of the history: `rev-parse` for HEAD (and one per
//! `git:REV` bound), ONE `git log --raw` for which vendor files each commit changed, and ONE
//! `git cat-file --batch` for the blobs. Each version's file -> blob map is the one before
//! with that commit's changes applied; a file whose blob did not change keeps its vendor (the
//! same `Arc`), and a changed one is decoded once, when a kept version first needs it. So a
//! walk decodes each distinct blob it shows once and holds one version's vendors at a time.

use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::{Vendor, VersionInfo};
use crate::store::read::load::{DataDir, load_data};
use crate::store::versions::git::at::git_dir;
use crate::store::versions::git::cat::CatFile;
use crate::store::versions::git::log::read_log;
use crate::store::versions::git::{commit_id, try_commit_id};
use crate::store::versions::snapshot::{snapshot, snapshot_names};

use super::bounds::{self, Bound};
use super::same::same_data;
use super::{Source, WalkOptions};

mod files;

pub(super) use files::GitVersions;

/// A bound as far as it can be resolved before the log is read.
enum Early<'a> {
    Working,
    /// `git:REV`, as typed, and the commit it names.
    Commit(&'a str, String),
    /// Anything else, resolved once the versions are known.
    Text(&'a str),
}

/// Returns the versions `options` keeps and the reader of their vendors.
pub(super) fn versions(
    data: &DataDir,
    options: &WalkOptions,
) -> Result<(Vec<VersionInfo>, Source)> {
    let dir = git_dir(data, "--git")?;
    let Some(head) = try_commit_id(dir, "HEAD")? else {
        return Err(Error::usage(
            format!(
                "the git repository around {} has no commits yet",
                dir.display()
            ),
            Some("commit the data directory first, or walk its snapshots without --git".into()),
        ));
    };
    let since = options.since.map(|text| early(dir, text)).transpose()?;
    let until = options.until.map(|text| early(dir, text)).transpose()?;
    let asked: Vec<String> = [&since, &until]
        .into_iter()
        .flatten()
        .filter_map(|bound| match bound {
            Early::Commit(_, id) => Some(id.clone()),
            _ => None,
        })
        .collect();
    let log = read_log(dir, &head, &asked)?;
    let (mut all, changes): (Vec<VersionInfo>, Vec<_>) =
        log.commits.into_iter().map(|c| (c.info, c.changes)).unzip();
    let names = snapshot_names(data)?;
    let resolve = |bound: Early| -> Result<Bound> {
        match bound {
            Early::Working => Ok(Bound::Working),
            Early::Commit(text, id) => match log.in_effect.get(&id) {
                Some(index) => Ok(Bound::Index(*index)),
                None => Err(Error::usage(
                    format!("`{text}` is not on the first-parent line of HEAD"),
                    Some(
                        "a history follows HEAD's first parents: `git log --first-parent` lists the commits a bound can name"
                            .into(),
                    ),
                )),
            },
            Early::Text(text) => {
                let at = |name: &str| {
                    let taken = snapshot(data, name)?.meta.taken;
                    Ok(Bound::Days(taken, taken))
                };
                bounds::resolve(text, &all, &names, at)
            }
        }
    };
    let since = since.map(&resolve).transpose()?;
    let until = until.map(&resolve).transpose()?;
    let cat = CatFile::start(dir)?;
    let mut reader = GitVersions::new(dir.to_path_buf(), cat, log.files, changes);
    // The working data is a version after HEAD only when it holds other data; it is read only
    // when `--until` could keep it.
    if matches!(until, None | Some(Bound::Working)) {
        let working: Vec<Arc<Vendor>> = load_data(data)?
            .roadmap
            .vendors
            .into_iter()
            .map(Arc::new)
            .collect();
        if !same_data(&reader.head_vendors()?, &working) {
            all.push(VersionInfo::working());
            reader.set_working(working);
        }
    }
    let kept = bounds::kept(&all, since.as_ref(), until.as_ref());
    if kept.is_empty() {
        return Err(bounds::nothing_left(&all, options.since, options.until));
    }
    let versions = all
        .into_iter()
        .enumerate()
        .filter(|(i, _)| kept.binary_search(i).is_ok())
        .map(|(_, version)| version)
        .collect();
    reader.keep(kept);
    Ok((versions, Source::Git(Box::new(reader))))
}

/// Returns what a bound is, resolving `git:REV` to its commit.
fn early<'a>(dir: &Path, text: &'a str) -> Result<Early<'a>> {
    if text == "working" {
        return Ok(Early::Working);
    }
    let Some(rev) = text.strip_prefix("git:") else {
        return Ok(Early::Text(text));
    };
    if rev.trim().is_empty() {
        return Err(Error::usage(
            "git: needs a revision, such as git:HEAD~1 or git:v1.0",
            None,
        ));
    }
    Ok(Early::Commit(text, commit_id(dir, rev)?))
}
