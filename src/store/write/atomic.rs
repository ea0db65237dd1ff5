//! Writing a user's file safely: a lock around the whole read-modify-write, and a write that
//! lands whole or not at all (temporary file in the same folder, synced, renamed over).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The lock file in the data directory; hidden, so it is never read as data.
const LOCK_NAME: &str = ".chipmap.lock";

/// Set to `after-temp-write` to make chipmap abort once the temporary file is written and
/// before it is renamed over the original: the crash test of the write path.
pub const FAULT_ENV: &str = "CHIPMAP_FAULT";

/// An exclusive lock on a data directory, released when dropped.
#[derive(Debug)]
pub struct DirLock {
    file: File,
}

impl DirLock {
    /// Returns once this process holds the data directory's lock, waiting for other holders.
    pub fn acquire(dir: &Path) -> Result<DirLock> {
        let path = dir.join(LOCK_NAME);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        file.lock().map_err(|e| Error::io(&path, e))?;
        Ok(DirLock { file })
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        // The lock also ends with the process; an unlock error leaves nothing to repair.
        let _ = self.file.unlock();
    }
}

/// Replaces `path` with `bytes` atomically, keeping the file's permissions.
///
/// The bytes go to a hidden temporary file beside it (`.NAME.tmp-XXXX`, which the loader
/// skips), are synced to disk, then renamed over `path`, and the folder is synced, so a crash
/// leaves either the old file or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8], fault: Option<&str>) -> Result<()> {
    let dir = parent(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp-"))
        .tempfile_in(&dir)
        .map_err(|e| Error::io(&dir, e))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|e| Error::io(temp.path(), e))?;
    if let Ok(metadata) = fs::metadata(path) {
        fs::set_permissions(temp.path(), metadata.permissions())
            .map_err(|e| Error::io(temp.path(), e))?;
    }
    if fault == Some("after-temp-write") {
        // Keep the temporary file on disk, as a real crash would.
        let _ = temp.keep();
        std::process::abort();
    }
    temp.persist(path).map_err(|e| Error::io(path, e.error))?;
    // Make the rename itself durable; a folder that cannot be opened is not worth failing for.
    if let Ok(folder) = File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::{DirLock, write_atomic};

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
        let held = DirLock::acquire(dir.path()).unwrap();
        let other = std::fs::File::open(dir.path().join(".chipmap.lock")).unwrap();
        assert!(other.try_lock().is_err(), "a second holder must wait");
        drop(held);
        assert!(other.try_lock().is_ok());
    }
}
