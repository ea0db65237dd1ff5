//! `chipmap init DIR`: the embedded dataset written out as an editable copy.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use include_dir::Dir;

use crate::error::{Error, Result};

use crate::store::read::load::EMBEDDED;

/// Writes the embedded dataset into `dir` and returns the paths written, with a `.gitignore`
/// that keeps chipmap's lock file and interrupted writes out of git.
///
/// A missing `dir` is created; files go in under temporary names and are renamed into place,
/// so an interrupted run leaves whole files only. If any file it would write already exists,
/// nothing is written. With `dry_run`, returns the paths it would write and writes nothing.
pub fn init(dir: &Path, dry_run: bool) -> Result<Vec<PathBuf>> {
    let files = all_files(&EMBEDDED);
    let clashes: Vec<String> = files
        .iter()
        .map(|f| dir.join(f.path()))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !clashes.is_empty() {
        return Err(Error::usage(
            format!(
                "{} already holds roadmap files: {}",
                dir.display(),
                clashes.join(", ")
            ),
            Some("choose a new or empty directory; chipmap never overwrites data".into()),
        ));
    }
    let mut written = Vec::with_capacity(files.len() + 1);
    for file in files {
        let target = dir.join(file.path());
        if !dry_run {
            write_new(&target, file.contents())?;
        }
        written.push(target);
    }
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        if !dry_run {
            write_new(&ignore, GITIGNORE.as_bytes())?;
        }
        written.push(ignore);
    }
    Ok(written)
}

/// What git should not track in a data directory: the lock, and writes a crash cut short.
const GITIGNORE: &str = "# chipmap's lock file, and temporary files an interrupted edit left\n.chipmap.lock\n.*.tmp-*\n";

/// Writes a file that must not exist yet, whole or not at all.
pub(in crate::store) fn write_new(target: &Path, bytes: &[u8]) -> Result<()> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".chipmap-init-")
        .tempfile_in(parent)
        .map_err(|e| Error::io(parent, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(target, e))?;
    temp.persist_noclobber(target)
        .map_err(|e| Error::io(target, e.error))?;
    Ok(())
}

fn all_files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    // Only the data: no lock file or other hidden file that sat in the folder at build time.
    let mut files: Vec<_> = dir
        .files()
        .filter(|f| crate::store::read::load::is_yaml_name(f.path()))
        .collect();
    for sub in dir.dirs() {
        files.extend(all_files(sub));
    }
    files.sort_by_key(|f| f.path());
    files
}
