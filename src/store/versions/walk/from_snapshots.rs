//! The versions of a snapshot walk: each snapshot by `taken` (then name), then `working`.
//! They are read before the walk (their dates order them), and a vendor equal to the one of
//! the version before is stored once, so the walk holds each distinct vendor once.

use std::sync::Arc;

use crate::error::{Error, Result};
use crate::model::{Vendor, VersionInfo};
use crate::store::read::load::{DataDir, load_data};
use crate::store::versions::snapshot::snapshots;

use super::bounds::{self, Bound};
use super::same::share;
use super::{Source, WalkOptions};

/// Returns the versions `options` keeps and their vendors.
pub(super) fn versions(
    data: &DataDir,
    options: &WalkOptions,
) -> Result<(Vec<VersionInfo>, Source)> {
    let snapshots = snapshots(data)?;
    let working = load_data(data)?.roadmap;
    let all: Vec<VersionInfo> = snapshots
        .iter()
        .map(|s| VersionInfo {
            name: s.meta.name.clone(),
            taken: Some(s.meta.taken),
            subject: s.meta.note.clone(),
        })
        .chain(std::iter::once(VersionInfo::working()))
        .collect();
    let names: Vec<String> = snapshots.iter().map(|s| s.meta.name.clone()).collect();
    let bound = |text: &str| -> Result<Bound> {
        if text == "working" {
            return Ok(Bound::Working);
        }
        if text.starts_with("git:") {
            return Err(Error::usage(
                format!("`{text}` is a commit, and the versions are the snapshots"),
                Some("add --git to walk the commits of git history".into()),
            ));
        }
        let at = |name: &str| Ok(Bound::Index(all.iter().position(|v| v.name == name)));
        bounds::resolve(text, &all, &names, at)
    };
    let since = options.since.map(bound).transpose()?;
    let until = options.until.map(bound).transpose()?;
    let kept = bounds::kept(&all, since.as_ref(), until.as_ref());
    if kept.is_empty() {
        return Err(bounds::nothing_left(&all, options.since, options.until));
    }
    let mut rosters: Vec<Option<Vec<Vendor>>> = snapshots
        .into_iter()
        .map(|s| Some(s.roadmap.vendors))
        .chain(std::iter::once(Some(working.vendors)))
        .collect();
    let mut previous: Vec<Arc<Vendor>> = Vec::new();
    let mut read = Vec::with_capacity(kept.len());
    for &index in &kept {
        let vendors = rosters[index].take().unwrap_or_default();
        let shared = share(&previous, vendors.into_iter().map(Arc::new).collect());
        previous.clone_from(&shared);
        read.push(shared);
    }
    let versions = kept.iter().map(|&i| all[i].clone()).collect();
    Ok((versions, Source::Read(read.into_iter())))
}
