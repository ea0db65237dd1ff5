//! Walking the versions of the roadmap a history runs over (docs/format.md section 8): the
//! snapshots by `taken`, then `working`; or with `git`, the commits that changed the data
//! directory along HEAD's first-parent line, then `working` when it differs from HEAD. The
//! list is known before the walk starts; the walk yields each version's vendors in turn, a
//! vendor that did not change being the very `Arc` of the version before.

mod bounds;
mod from_git;
mod from_snapshots;
mod same;
#[cfg(test)]
mod tests;

use std::sync::Arc;

use crate::error::Result;
use crate::model::{Vendor, VersionInfo};
use crate::store::read::load::DataDir;

use from_git::GitVersions;

/// What to walk: snapshots or git history, and where to start and stop.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions<'a> {
    /// Walk the commits of the git repository around the data directory, not its snapshots.
    pub git: bool,
    /// The first version to keep, as typed: `working`, `git:REV`, a version's name, a date, or
    /// a snapshot name (or a prefix of exactly one).
    pub since: Option<&'a str>,
    /// The last version to keep, in the same forms.
    pub until: Option<&'a str>,
}

/// The versions of a walk, and an iterator over their vendors: one item per version, in the
/// order of [`Walk::versions`].
pub struct Walk {
    versions: Vec<VersionInfo>,
    warnings: Vec<String>,
    source: Source,
    /// The vendors of the version yielded last, which unchanged vendors are shared with.
    previous: Vec<Arc<Vendor>>,
    /// How many versions were yielded.
    yielded: usize,
    /// Set after the last version or an error: the walk yields nothing more.
    done: bool,
}

/// Where the versions' vendors come from.
enum Source {
    /// Read before the walk (snapshots and the working data), oldest first.
    Read(std::vec::IntoIter<Vec<Arc<Vendor>>>),
    /// Read from git one version at a time.
    Git(Box<GitVersions>),
}

impl Walk {
    /// Returns the versions the walk yields, in order: the whole list after `--since` and
    /// `--until`, known before the first is read.
    pub fn versions(&self) -> &[VersionInfo] {
        &self.versions
    }

    /// Returns what the walk skipped so far and why (a vendor file that does not load at a
    /// commit, a symbolic link where a vendor file was), one line each for stderr.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Returns how many git blobs the walk has decoded so far (each distinct one once, and
    /// none of the versions `--since` cut away); 0 for a snapshot walk, which reads its
    /// files before it starts.
    pub fn files_decoded(&self) -> usize {
        match &self.source {
            Source::Read(_) => 0,
            Source::Git(git) => git.decoded(),
        }
    }
}

impl Iterator for Walk {
    type Item = Result<Vec<Arc<Vendor>>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = match &mut self.source {
            Source::Read(versions) => versions.next().map(Ok),
            Source::Git(git) => {
                let name = self
                    .versions
                    .get(self.yielded)
                    .map_or("", |v| v.name.as_str());
                git.next_version(name, &mut self.warnings)
            }
        };
        match next {
            Some(Ok(vendors)) => {
                let vendors = same::share(&self.previous, vendors);
                self.previous.clone_from(&vendors);
                self.yielded += 1;
                Some(Ok(vendors))
            }
            Some(Err(e)) => {
                self.done = true;
                Some(Err(e))
            }
            None => {
                self.done = true;
                None
            }
        }
    }
}

/// Returns the walk over the versions of `data` that `options` asks for. A bound that names
/// nothing, a cut that leaves no version, working data that does not load, and `git` without
/// a git repository are errors.
pub fn walk(data: &DataDir, options: &WalkOptions) -> Result<Walk> {
    let (versions, source) = if options.git {
        from_git::versions(data, options)?
    } else {
        from_snapshots::versions(data, options)?
    };
    Ok(Walk {
        versions,
        warnings: Vec::new(),
        source,
        previous: Vec::new(),
        yielded: 0,
        done: false,
    })
}
