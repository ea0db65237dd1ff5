//! The vendor files of a git walk, version after version: each file's blob as the commits so
//! far left it, and the vendor last read from it. A commit's changes mark files; a kept
//! version decodes the marked ones (each distinct blob once) and keeps the rest as they were.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use crate::error::{Diagnostic, Result};
use crate::model::Vendor;
use crate::store::read::datadir::one_line;
use crate::store::versions::git::cat::CatFile;
use crate::store::versions::git::log::{Change, Content};
use crate::store::versions::git::{SUBMODULE_MODE, SYMLINK_MODE, decode_blob};

/// What decoding one blob at one file name gave.
#[derive(Clone)]
enum Decoded {
    Vendor(Arc<Vendor>),
    /// Why it does not load: its first problem, placed.
    Broken(String),
}

/// One vendor file's name through the walk.
struct File {
    name: String,
    /// What the commits applied so far left at the name.
    content: Content,
    /// Changed since the last kept version read it.
    changed: bool,
    /// The blob last decoded at this name, and what it held (a broken one is not tried
    /// again).
    read: Option<(Box<str>, Decoded)>,
    /// The one decoded before it: a commit that reverts a file needs no decoding.
    before: Option<(Box<str>, Decoded)>,
    /// The vendor as the walk shows it: the last that loaded, absent once deleted.
    vendor: Option<Arc<Vendor>>,
}

/// The reader of a git walk's versions, one at a time.
pub(in crate::store::versions::walk) struct GitVersions {
    dir: PathBuf,
    cat: CatFile,
    files: Vec<File>,
    /// The files' indices in name order: the order a directory listing reads them in.
    order: Vec<usize>,
    /// Each commit's changes, dropped once applied.
    commits: Vec<Vec<Change>>,
    /// How many of `commits` were applied.
    applied: usize,
    /// The versions still to yield, as indices of the whole list (`commits.len()`: working).
    kept: std::vec::IntoIter<usize>,
    working: Option<Vec<Arc<Vendor>>>,
    /// HEAD's blobs, decoded to compare HEAD with the working data, by file and blob.
    head: HashMap<(usize, Box<str>), Decoded>,
    decoded: usize,
}

impl GitVersions {
    /// Returns the reader of the versions whose changes to the vendor files (named `names`)
    /// are `commits`, oldest first, reading blobs through `cat`.
    pub(in crate::store::versions::walk) fn new(
        dir: PathBuf,
        cat: CatFile,
        names: Vec<String>,
        commits: Vec<Vec<Change>>,
    ) -> Self {
        let files: Vec<File> = names
            .into_iter()
            .map(|name| File {
                name,
                content: Content::Deleted,
                changed: false,
                read: None,
                before: None,
                vendor: None,
            })
            .collect();
        let mut order: Vec<usize> = (0..files.len()).collect();
        order.sort_by(|a, b| files[*a].name.cmp(&files[*b].name));
        GitVersions {
            dir,
            cat,
            files,
            order,
            commits,
            applied: 0,
            kept: Vec::new().into_iter(),
            working: None,
            head: HashMap::new(),
            decoded: 0,
        }
    }

    /// Sets the versions to yield (indices of the whole list, in order).
    pub(in crate::store::versions::walk) fn keep(&mut self, kept: Vec<usize>) {
        self.kept = kept.into_iter();
    }

    /// Sets the working data, the version after the last commit.
    pub(in crate::store::versions::walk) fn set_working(&mut self, vendors: Vec<Arc<Vendor>>) {
        self.working = Some(vendors);
    }

    /// Returns how many blobs were decoded so far.
    pub(in crate::store::versions::walk) fn decoded(&self) -> usize {
        self.decoded
    }

    /// Returns the vendors of HEAD's vendor files that load, decoding them (once: the walk
    /// reuses them when it gets there).
    pub(in crate::store::versions::walk) fn head_vendors(&mut self) -> Result<Vec<Arc<Vendor>>> {
        let mut last: Vec<Option<Box<str>>> = vec![None; self.files.len()];
        for change in self.commits.iter().flatten() {
            last[change.file] = match &change.content {
                Content::Blob(object) => Some(object.clone()),
                _ => None,
            };
        }
        let mut vendors: Vec<Arc<Vendor>> = Vec::new();
        for file in self.order.clone() {
            let Some(object) = last[file].take() else {
                continue;
            };
            let decoded = self.decode(file, &object, "git:HEAD")?;
            self.head.insert((file, object), decoded.clone());
            if let Decoded::Vendor(vendor) = decoded
                && !vendors.iter().any(|v| v.vendor == vendor.vendor)
            {
                vendors.push(vendor);
            }
        }
        Ok(vendors)
    }

    /// Returns the next version's vendors (the version called `version`), adding to
    /// `warnings` what it skipped.
    pub(in crate::store::versions::walk) fn next_version(
        &mut self,
        version: &str,
        warnings: &mut Vec<String>,
    ) -> Option<Result<Vec<Arc<Vendor>>>> {
        let index = self.kept.next()?;
        if index >= self.commits.len() {
            return Some(Ok(self.working.take().unwrap_or_default()));
        }
        self.apply_through(index);
        Some(
            self.read_changed(version, warnings)
                .map(|fresh| self.vendors(version, &fresh, warnings)),
        )
    }

    /// Applies the changes of the commits up to `index` (included) to the files.
    fn apply_through(&mut self, index: usize) {
        while self.applied <= index {
            // A change is applied once: the walk drops it then, holding no history behind it.
            for change in std::mem::take(&mut self.commits[self.applied]) {
                let file = &mut self.files[change.file];
                file.content = change.content;
                file.changed = true;
            }
            self.applied += 1;
        }
    }

    /// Reads the files changed since the last kept version, returning the ones read anew.
    fn read_changed(
        &mut self,
        version: &str,
        warnings: &mut Vec<String>,
    ) -> Result<HashSet<usize>> {
        let mut fresh = HashSet::new();
        for index in 0..self.files.len() {
            if !std::mem::take(&mut self.files[index].changed) {
                continue;
            }
            let object = match self.files[index].content.clone() {
                Content::Deleted => {
                    let file = &mut self.files[index];
                    file.vendor = None;
                    file.forget();
                    continue;
                }
                Content::Other(mode) => {
                    let what = match &*mode {
                        SYMLINK_MODE => "a symbolic link",
                        SUBMODULE_MODE => "a submodule",
                        _ => "not a regular file",
                    };
                    warnings.push(self.skipped(version, index, what));
                    self.files[index].forget();
                    continue;
                }
                Content::Blob(object) => object,
            };
            let file = &self.files[index];
            if file.read.as_ref().is_some_and(|(read, _)| *read == object) {
                continue;
            }
            let known = match &file.before {
                Some((before, decoded)) if *before == object => Some(decoded.clone()),
                _ => self.head.get(&(index, object.clone())).cloned(),
            };
            let decoded = match known {
                Some(decoded) => decoded,
                None => self.decode(index, &object, version)?,
            };
            let file = &mut self.files[index];
            file.forget();
            file.read = Some((object, decoded.clone()));
            match decoded {
                Decoded::Vendor(vendor) => {
                    let same = file.vendor.as_ref().is_some_and(|old| **old == *vendor);
                    if !same {
                        file.vendor = Some(vendor);
                    }
                    fresh.insert(index);
                }
                Decoded::Broken(why) => {
                    let what = format!("not valid at that commit ({why})");
                    warnings.push(self.skipped(version, index, &what));
                }
            }
        }
        Ok(fresh)
    }

    /// Returns the vendors of the files in name order; a second file of one vendor id
    /// (`x.yml` beside `x.yaml`) is left out, with a warning when it was just read.
    fn vendors(
        &self,
        version: &str,
        fresh: &HashSet<usize>,
        warnings: &mut Vec<String>,
    ) -> Vec<Arc<Vendor>> {
        let mut vendors: Vec<Arc<Vendor>> = Vec::new();
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for &index in &self.order {
            let file = &self.files[index];
            let Some(vendor) = &file.vendor else { continue };
            if let Some(first) = seen.get(vendor.vendor.as_str()) {
                if fresh.contains(&index) {
                    warnings.push(format!(
                        "{version}: {} holds vendor `{}` as {} does; it is left out",
                        one_line(&file.name),
                        vendor.vendor,
                        one_line(first)
                    ));
                }
                continue;
            }
            seen.insert(&vendor.vendor, &file.name);
            vendors.push(Arc::clone(vendor));
        }
        vendors
    }

    /// Returns what the blob `object` at file `index` holds, read through the batch.
    fn decode(&mut self, index: usize, object: &str, version: &str) -> Result<Decoded> {
        let name = &self.files[index].name;
        let shown = format!(
            "{version}:{}",
            one_line(&self.dir.join(name).display().to_string())
        );
        let bytes = self.cat.blob(object, &shown)?;
        self.decoded += 1;
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        Ok(match decode_blob(&shown, stem, bytes) {
            Ok(vendor) => Decoded::Vendor(Arc::new(vendor)),
            Err(problems) => Decoded::Broken(first_problem(&problems)),
        })
    }

    /// Returns the warning for a vendor file the walk could not read at `version`.
    fn skipped(&self, version: &str, index: usize, what: &str) -> String {
        let file = &self.files[index];
        let then = match file.vendor {
            Some(_) => "it is read as it was before",
            None => "it is left out",
        };
        format!("{version}: {} is {what}; {then}", one_line(&file.name))
    }
}

impl File {
    /// Moves the blob last read to `before`: the name holds another one now.
    fn forget(&mut self) {
        if let Some(read) = self.read.take() {
            self.before = Some(read);
        }
    }
}

/// Returns a file's first problem as `LINE:COLUMN: MESSAGE`, saying how many more there are.
fn first_problem(problems: &[Diagnostic]) -> String {
    let Some(first) = problems.first() else {
        return "it holds no vendor".into();
    };
    let place = match first.line {
        0 => String::new(),
        line => format!("{line}:{}: ", first.column),
    };
    match problems.len() {
        1 => format!("{place}{}", first.message),
        n => format!("{place}{}, and {} more", first.message, n - 1),
    }
}
