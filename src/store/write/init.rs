//! `chipmap init DIR`: the embedded dataset written out as an editable copy, all or nothing:
//! the whole tree is built in a hidden folder beside DIR and renamed into place at once.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use include_dir::Dir;

use crate::error::{Error, Result};

use super::atomic::temp_beside;
use crate::store::read::datadir::{MARKER, MARKER_TEXT, shown};
use crate::store::read::load::EMBEDDED;

/// Set `CHIPMAP_FAULT` to this to make `init` abort once the copy is built and synced, before
/// it is renamed into place: the crash test of `init`.
const FAULT_BEFORE_RENAME: &str = "init-before-rename";

/// Returns how the staging folder of an `init` of a folder called `name` starts: hidden, and
/// named after its target, so a leftover is easy to recognise and never read as data.
pub(in crate::store) fn staging_prefix(name: &str) -> String {
    format!(".{name}.chipmap-init-")
}

/// Writes the embedded dataset into `dir` and returns the paths written, with the marker
/// `.chipmap` that makes chipmap find `dir` when run in it or below (docs/format.md section 1)
/// and a `.gitignore` that keeps chipmap's lock file and interrupted writes out of git.
///
/// `dir` must be missing or empty. The copy is built in a hidden folder beside it, synced,
/// and renamed to `dir` in one step, so an interrupted run leaves `dir` as it was (the hidden
/// folder stays behind; `check` names it). With `dry_run`, returns the paths it would write
/// and writes nothing. `fault` is the crash-test hook.
pub fn init(dir: &Path, dry_run: bool, fault: Option<&str>) -> Result<Vec<PathBuf>> {
    let files = all_files(&EMBEDDED);
    let target = refuse_unless_empty(dir, &files)?;
    let mut written: Vec<PathBuf> = files.iter().map(|f| dir.join(f.path())).collect();
    written.push(dir.join(MARKER));
    written.push(dir.join(".gitignore"));
    if dry_run {
        return Ok(written);
    }
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("data");
    let prefix = staging_prefix(name);
    // The mode a plain mkdir gives (less the umask), or that of the empty folder it replaces.
    let mode = fs::metadata(&target).map_or(0o777, |m| m.permissions().mode() & 0o7777);
    let staging = tempfile::Builder::new()
        .prefix(&prefix)
        .permissions(fs::Permissions::from_mode(mode))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    for file in &files {
        write_synced(&staging.path().join(file.path()), file.contents())?;
    }
    write_synced(&staging.path().join(MARKER), MARKER_TEXT.as_bytes())?;
    write_synced(&staging.path().join(".gitignore"), GITIGNORE.as_bytes())?;
    sync_dirs(staging.path())?;
    if fault == Some(FAULT_BEFORE_RENAME) {
        // Keep the staging folder on disk, as a real crash would.
        let _ = staging.keep();
        std::process::abort();
    }
    // rename(2) replaces a missing or empty folder and nothing else, so a folder that gained
    // files since the check above is refused here, and left as it is.
    fs::rename(staging.path(), &target).map_err(|e| match e.kind() {
        std::io::ErrorKind::DirectoryNotEmpty | std::io::ErrorKind::AlreadyExists => {
            not_empty(dir, "files appeared in it meanwhile".into())
        }
        _ => Error::io(&target, e),
    })?;
    // Renamed away: nothing is left for the guard to delete.
    let _ = staging.keep();
    if let Ok(folder) = File::open(&parent) {
        let _ = folder.sync_all();
    }
    Ok(written)
}

/// Returns the folder to replace: `dir`, or where it leads if it is a symlink to a folder,
/// refusing a `dir` that holds anything (a dangling symlink counts) or is not a folder.
fn refuse_unless_empty(dir: &Path, files: &[&include_dir::File<'_>]) -> Result<PathBuf> {
    // symlink_metadata: a dangling symlink is a clash too; it would make the write fail.
    let clashes: Vec<String> = files
        .iter()
        .map(|f| dir.join(f.path()))
        .filter(|p| fs::symlink_metadata(p).is_ok())
        .map(|p| shown(&p))
        .collect();
    if !clashes.is_empty() {
        return Err(not_empty(
            dir,
            format!("it already holds roadmap files: {}", clashes.join(", ")),
        ));
    }
    // An existing DIR by its real path: a symlink to a folder is followed, and `.` or `..`
    // get a real name and parent, beside which the copy is built.
    let target = match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(dir.to_path_buf()),
        Err(e) => return Err(Error::io(dir, e)),
        Ok(_) => fs::canonicalize(dir).map_err(|e| {
            Error::usage(
                format!("{} is a symlink to nothing ({e})", dir.display()),
                Some("remove the link, or point it at an empty folder".into()),
            )
        })?,
    };
    // Replacing the folder one stands in would leave one's shell in a deleted folder, seeing
    // none of the files.
    let cwd = std::env::current_dir().and_then(fs::canonicalize);
    if cwd.is_ok_and(|cwd| cwd.starts_with(&target)) {
        return Err(Error::usage(
            format!("cannot init {}: it is the current folder", dir.display()),
            Some(
                "run it from the folder above, naming this one (`cd .. && chipmap init NAME`)"
                    .into(),
            ),
        ));
    }
    if !target.is_dir() {
        return Err(Error::usage(
            format!("{} exists and is not a folder", dir.display()),
            Some("choose a new or empty directory; chipmap never overwrites data".into()),
        ));
    }
    let mut listing = fs::read_dir(&target).map_err(|e| Error::io(&target, e))?;
    if let Some(entry) = listing.next() {
        let first = entry.map_err(|e| Error::io(&target, e))?.file_name();
        return Err(not_empty(
            dir,
            format!("it is not empty (it holds {})", first.to_string_lossy()),
        ));
    }
    Ok(target)
}

fn not_empty(dir: &Path, why: String) -> Error {
    Error::usage(
        format!("cannot init {}: {why}", dir.display()),
        Some("choose a new or empty directory; chipmap never overwrites data".into()),
    )
}

/// What git should not track in a data directory: the lock, and writes a crash cut short.
/// Neither pattern matches the marker `.chipmap`, which a clone needs to be found as data.
const GITIGNORE: &str = "# chipmap's lock file, and temporary files an interrupted edit left\n# (.chipmap itself is tracked: it marks this folder as chipmap data)\n.chipmap.lock\n.*.tmp-*\n";

/// Writes a new file inside the staging folder and syncs it.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    }
    let mut file = File::create_new(path).map_err(|e| Error::io(path, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(path, e))
}

/// Syncs `dir` and every folder below it, so the names in them are on disk before the rename.
fn sync_dirs(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            sync_dirs(&entry.path())?;
        }
    }
    File::open(dir)
        .and_then(|folder| folder.sync_all())
        .map_err(|e| Error::io(dir, e))
}

/// Writes a file that must not exist yet, whole or not at all: a hidden temporary file beside
/// it (`.NAME.tmp-XXXX`), synced, then linked into place only if the name is still free.
pub(in crate::store) fn write_new(target: &Path, bytes: &[u8]) -> Result<()> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let mut temp = temp_beside(target, true)?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(target, e))?;
    temp.persist_noclobber(target)
        .map_err(|e| match e.error.kind() {
            // Another writer took the name since it was checked (or a dangling link holds it).
            std::io::ErrorKind::AlreadyExists => Error::usage(
                format!("{} exists already", shown(target)),
                Some("chipmap never overwrites a file it writes new; choose another name".into()),
            ),
            _ => Error::io(target, e.error),
        })?;
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
