//! Writing a user's file safely: a lock around the whole read-modify-write, and a write that
//! lands whole or not at all (temporary file beside the file, synced, renamed over) and keeps
//! what the user set up: a symlink stays a link, the owner and mode stay, a read-only file or
//! one with hard links is refused.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::store::read::datadir::shown;

/// The lock file in the data directory; hidden, so it is never read as data.
const LOCK_NAME: &str = ".chipmap.lock";

/// The environment variable the command line reads the lock timeout from, in seconds.
pub const LOCK_TIMEOUT_ENV: &str = "CHIPMAP_LOCK_TIMEOUT";

/// How long a writer waits for another chipmap by default: far longer than any edit takes.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// How often a waiting writer tries the lock again.
const RETRY: Duration = Duration::from_millis(50);

/// Set to `after-temp-write` to make chipmap abort once the temporary file is written and
/// before it is renamed over the original: the crash test of the write path.
pub const FAULT_ENV: &str = "CHIPMAP_FAULT";

/// An exclusive lock on a data directory, released when dropped.
#[derive(Debug)]
pub struct DirLock {
    file: File,
}

impl DirLock {
    /// Returns once this process holds the data directory's lock, waiting up to `timeout`
    /// for another holder; `waiting` is called once, with the lock file, if it has to wait.
    pub fn acquire(
        dir: &Path,
        timeout: Duration,
        waiting: &mut dyn FnMut(&Path),
    ) -> Result<DirLock> {
        let path = dir.join(LOCK_NAME);
        let file = open_lock(&path)?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(DirLock { file }),
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
                Err(TryLockError::WouldBlock) if start.elapsed() >= timeout => {
                    return Err(timed_out(&path, timeout));
                }
                Err(TryLockError::WouldBlock) => {
                    if !told {
                        waiting(&path);
                        told = true;
                    }
                    std::thread::sleep(RETRY);
                }
            }
        }
    }
}

/// Returns the lock file, made if missing, refusing a symlink or anything but a regular file.
fn open_lock(path: &Path) -> Result<File> {
    let remove = || {
        Some(format!(
            "remove it (`rm {}`); chipmap makes a new one",
            shown(path)
        ))
    };
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        // O_NOFOLLOW: a symlink planted as the lock must not make chipmap create or lock
        // what it points to. O_NONBLOCK: a fifo planted there must not make the open wait.
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => Error::usage(
                format!(
                    "{} is a symlink; chipmap does not follow its lock file",
                    shown(path)
                ),
                remove(),
            ),
            _ => Error::io(path, e),
        })?;
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(Error::usage(
            format!(
                "{} is not a regular file, so it cannot be chipmap's lock",
                shown(path)
            ),
            remove(),
        ));
    }
    Ok(file)
}

fn timed_out(path: &Path, timeout: Duration) -> Error {
    Error::usage(
        format!(
            "gave up after {} s waiting for another chipmap to release {}; nothing was written",
            timeout.as_secs_f64(),
            shown(path)
        ),
        Some(format!(
            "run it again when the other one is done, or wait longer: --lock-timeout SECONDS or {LOCK_TIMEOUT_ENV}=SECONDS (default {})",
            DEFAULT_LOCK_TIMEOUT.as_secs()
        )),
    )
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // The lock also ends with the process; an unlock error leaves nothing to repair.
        let _ = self.file.unlock();
    }
}

/// Replaces `path` with `bytes` atomically, keeping the file's permissions and owner.
///
/// The bytes go to a hidden temporary file beside it (`.NAME.tmp-XXXX`, which the loader
/// skips), are synced to disk, then renamed over `path`, and the folder is synced, so a crash
/// leaves either the old file or the new one. A symlink is written through: the temporary
/// file goes beside the link's final target and replaces that, as editors do.
pub fn write_atomic(path: &Path, bytes: &[u8], fault: Option<&str>) -> Result<()> {
    let target = final_target(path)?;
    let old = match fs::metadata(&target) {
        Ok(metadata) => Some(metadata),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(&target, e)),
    };
    if let Some(metadata) = &old {
        writable(&target, metadata)?;
    }
    let dir = parent(&target);
    if !dir.is_dir() {
        let folder = shown(&dir);
        return Err(Error::usage(
            format!("{folder}: no such folder; nothing was written"),
            Some(format!(
                "create it first (mkdir -p {folder}), or name a file in a folder that exists"
            )),
        ));
    }
    let mut temp = temp_beside(&target, old.is_none())?;
    if let Some(metadata) = &old {
        // Owner first: changing it clears set-id bits, which the mode below restores.
        keep_owner(temp.as_file(), metadata);
        fs::set_permissions(temp.path(), metadata.permissions())
            .map_err(|e| Error::io(temp.path(), e))?;
    }
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    if fault == Some("after-temp-write") {
        // Keep the temporary file on disk, as a real crash would.
        let _ = temp.keep();
        std::process::abort();
    }
    temp.persist(&target)
        .map_err(|e| Error::io(&target, e.error))?;
    // Make the rename itself durable; a folder that cannot be opened is not worth failing for.
    if let Ok(folder) = File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Writes each of `files` (a name and its bytes) into the folder `dir`, creating the folder
/// first, each file atomically as [`write_atomic`] does. A `dir` that is a file is refused.
pub fn write_into(dir: &Path, files: &[(&str, &[u8])], fault: Option<&str>) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(
            format!("{}: not a folder; nothing was written", shown(dir)),
            Some("name a folder (it is created if it is missing)".into()),
        ));
    }
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for (name, bytes) in files {
        write_atomic(&dir.join(name), bytes, fault)?;
    }
    Ok(())
}

/// Returns a new hidden temporary file beside `target`, named `.NAME.tmp-XXXX`: the loader
/// skips it, and `check` knows the name for a leftover of an interrupted write.
///
/// For a `new_file` (the target does not exist) it is created with mode 0666, which the kernel
/// narrows by the umask (and a folder's default ACL) as for any file a program creates, so
/// the renamed file gets exactly that: 0644 under umask 022. No umask is read: the open(2)
/// applies it. A temporary file that replaces a file starts private (0600), since the old
/// file's mode may be narrower; the caller gives it that mode.
pub(in crate::store) fn temp_beside(
    target: &Path,
    new_file: bool,
) -> Result<tempfile::NamedTempFile> {
    let dir = parent(target);
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("data");
    let prefix = format!(".{name}.tmp-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    if new_file {
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(&dir).map_err(|e| Error::io(&dir, e))
}

/// Returns the file a write to `path` must replace: `path`, or the file its symlinks lead to.
fn final_target(path: &Path) -> Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            Error::usage(
                format!(
                    "{} is a symlink to a file that cannot be reached: {e}",
                    shown(path)
                ),
                Some("point the link at an existing file, or replace it by the file".into()),
            )
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// Returns an error if the file must not be replaced: it is read-only, or hard-linked.
fn writable(path: &Path, metadata: &fs::Metadata) -> Result<()> {
    let shown = shown(path);
    if metadata.is_dir() {
        return Err(Error::usage(
            format!("{shown} is a folder; nothing was written"),
            Some(format!(
                "name a file, e.g. {}",
                crate::store::read::datadir::shown(&path.join("NAME"))
            )),
        ));
    }
    // The mode bits, not access(2): root may write anything, yet a file its owner made
    // read-only is meant to stay as it is. Opening it for writing (which changes nothing)
    // asks the kernel for everyone else, whose permissions a rename would bypass.
    let mode = metadata.permissions().mode();
    if mode & 0o200 == 0 {
        return Err(Error::usage(
            format!(
                "{shown} is read-only (mode {:o}); nothing was written",
                mode & 0o7777
            ),
            Some(format!(
                "to edit it, make it writable first: chmod u+w {shown}"
            )),
        ));
    }
    let may_write = OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path);
    if let Err(e) = may_write {
        return Err(Error::usage(
            format!("{shown} is read-only for this user ({e}); nothing was written"),
            Some(format!(
                "edit it as its owner, or have them make it writable for you (chmod u+w / g+w {shown})"
            )),
        ));
    }
    // A rename gives the path a new file, and every other name of the old one keeps the old
    // text: the links would silently part. Writing in place instead would keep them but lose
    // the all-or-nothing write (a crash would leave a half-written file under every name).
    // So it is refused, and the hint offers what keeps both: a symlink is written through.
    if metadata.nlink() > 1 {
        return Err(Error::usage(
            format!(
                "{shown} has {} hard links; replacing it would split them; nothing was written",
                metadata.nlink()
            ),
            Some(format!(
                "make the other names symlinks (`ln -sf {shown} OTHER`), which chipmap writes through, or give this file its own copy (`cp {shown} {shown}.new && mv {shown}.new {shown}`)"
            )),
        ));
    }
    Ok(())
}

/// Gives `file` the owner and group of the file it replaces, as far as this process may: root
/// may give it to anyone, others only to a group they belong to. What is not allowed is left
/// as it is: the new file is then the writer's, as with any editor.
fn keep_owner(file: &File, old: &fs::Metadata) {
    if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
    }
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Returns the temporary files and folders that interrupted runs left in the data directory
/// `dir` (and the staging folders an interrupted `init` left beside it), in name order. They
/// hold no data that is not elsewhere, so they are safe to delete.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let init_prefix = dir
        .file_name()
        .and_then(|n| n.to_str())
        .map(crate::store::write::init::staging_prefix);
    // Beside `dir`, spelled as `dir` is: `.roadmaps.chipmap-init-X`, not `./.roadmaps...`.
    let beside = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    let places = [
        (dir.to_path_buf(), None),
        (dir.join("snapshots"), None),
        (beside, init_prefix),
    ];
    for (place, only) in places {
        let listed = if place.as_os_str().is_empty() {
            Path::new(".")
        } else {
            &place
        };
        let Ok(listing) = fs::read_dir(listed) else {
            continue;
        };
        for entry in listing.filter_map(|e| e.ok()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_leftover = match &only {
                Some(prefix) => name.starts_with(prefix.as_str()),
                None => is_temporary_name(&name),
            };
            if is_leftover {
                found.push(place.join(&name));
            }
        }
    }
    found.sort();
    found
}

/// Returns whether `name` is one chipmap gives its temporary files: `.NAME.tmp-XXXX`, or
/// `.chipmap-init-XXXX` (from versions that wrote snapshots and `init` files so).
fn is_temporary_name(name: &str) -> bool {
    name.starts_with(".chipmap-init-") || (name.starts_with('.') && name.contains(".tmp-"))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use std::time::Duration;

    use super::{DirLock, leftovers, write_atomic};

    #[test]
    fn a_write_replaces_the_file_and_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.yaml");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new", None).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["v.yaml"], "no temporary file left behind");
    }

    #[test]
    fn the_lock_is_exclusive_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let held = DirLock::acquire(dir.path(), Duration::ZERO, &mut |_| {}).unwrap();
        let other = std::fs::File::open(dir.path().join(".chipmap.lock")).unwrap();
        assert!(other.try_lock().is_err(), "a second holder must wait");
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn leftovers_are_temporary_names_only_and_init_staging_of_this_dir() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("roadmaps");
        std::fs::create_dir_all(dir.join("snapshots")).unwrap();
        for name in [
            "roadmaps/a.yaml",
            "roadmaps/.a.yaml.tmp-1x",
            "roadmaps/.chipmap.lock",
            "roadmaps/.gitignore",
            "roadmaps/snapshots/.s.yaml.tmp-2y",
            ".roadmaps.chipmap-init-3z",
            ".other.chipmap-init-4w",
        ] {
            std::fs::write(root.path().join(name), "").unwrap();
        }
        let found: Vec<String> = leftovers(&dir)
            .iter()
            .map(|p| p.strip_prefix(root.path()).unwrap().display().to_string())
            .collect();
        assert_eq!(
            found,
            [
                ".roadmaps.chipmap-init-3z",
                "roadmaps/.a.yaml.tmp-1x",
                "roadmaps/snapshots/.s.yaml.tmp-2y"
            ]
        );
    }
}
