//! Reading one user's file: the one function every file chipmap reads goes through. It
//! refuses what is not a regular file (a fifo would block, a device never ends) and what is
//! over the size limit, and never reads past that limit even if the file grows meanwhile.

use std::fs::{File, FileType, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

use super::datadir::shown;

/// The environment variable the command line reads the limit from, in MiB; named in hints.
pub const MAX_FILE_ENV: &str = "CHIPMAP_MAX_FILE_MB";

/// The default limit on one file, in MiB: the whole shipped dataset is under 1 MiB, so a file
/// this large is a mistake (a disk image, a log, a sparse file), not a roadmap.
pub const DEFAULT_MAX_FILE_MB: u64 = 64;

const MIB: u64 = 1024 * 1024;

/// The limit in bytes. Set once by the caller (the command line resolves it from the
/// environment) before anything is read; a process-wide setting rather than a parameter of
/// every loading function, because every read in the store must obey the same limit.
static MAX_FILE_BYTES: AtomicU64 = AtomicU64::new(DEFAULT_MAX_FILE_MB * MIB);

/// Sets the largest file, in MiB, that chipmap reads from now on.
pub fn set_max_file_mb(mb: u64) {
    MAX_FILE_BYTES.store(mb.saturating_mul(MIB), Ordering::Relaxed);
}

/// Returns the bytes of the regular file at `path` (a symlink to one is followed), refusing
/// anything else and anything over the size limit.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    read_capped(path, MAX_FILE_BYTES.load(Ordering::Relaxed))
}

/// Returns the bytes of the regular file at `path`, refusing one over `limit` bytes.
fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>> {
    // Asked before opening: opening a fifo for reading blocks until someone writes to it.
    let metadata = std::fs::metadata(path).map_err(|e| missing(path, e))?;
    regular(path, metadata.file_type())?;
    within(path, metadata.len(), limit)?;
    // O_NONBLOCK as well, in case the file was swapped for a fifo since: the open then
    // returns at once, and the check below refuses it. It changes nothing for a regular file.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let opened = file.metadata().map_err(|e| Error::io(path, e))?;
    regular(path, opened.file_type())?;
    within(path, opened.len(), limit)?;
    read_at_most(path, file, opened.len(), limit)
}

/// Returns the file's bytes, reading one byte past `limit` at most to tell a file that grew.
fn read_at_most(path: &Path, file: File, len: u64, limit: u64) -> Result<Vec<u8>> {
    let expected = usize::try_from(len.min(limit)).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    within(path, bytes.len() as u64, limit)?;
    Ok(bytes)
}

/// Returns the error for a file that cannot be looked at, telling a dangling symlink apart.
fn missing(path: &Path, e: std::io::Error) -> Error {
    let dangling = e.kind() == std::io::ErrorKind::NotFound
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if dangling {
        return Error::usage(
            format!("{} is a symlink to a file that does not exist", shown(path)),
            Some("point the link at the file, or remove it".into()),
        );
    }
    Error::io(path, e)
}

fn regular(path: &Path, kind: FileType) -> Result<()> {
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a fifo"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "not a file"
    };
    Err(Error::usage(
        format!("{} is {what}, not a regular file", shown(path)),
        Some("chipmap reads roadmap files only: give the path of a .yaml file".into()),
    ))
}

/// Returns an error unless a file of `len` bytes, shown as `name`, is within the size limit:
/// for files that do not come from the disk (a blob of git:REV), checked before reading them.
pub fn within_limit(name: &str, len: u64) -> Result<()> {
    within(Path::new(name), len, MAX_FILE_BYTES.load(Ordering::Relaxed))
}

fn within(path: &Path, len: u64, limit: u64) -> Result<()> {
    if len <= limit {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "{} is {}, over chipmap's limit of {} for one file",
            shown(path),
            mib(len),
            mib(limit)
        ),
        Some(format!(
            "a roadmap file is far smaller; if this one is meant to be read, raise the limit: {MAX_FILE_ENV}=N (MiB, default {DEFAULT_MAX_FILE_MB})"
        )),
    ))
}

/// Returns a size in whole MiB, rounded up, so a file just over the limit never shows as equal.
fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes.div_ceil(MIB))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::{read_at_most, read_capped};
    use crate::error::Error;

    fn message(e: Error) -> String {
        match e {
            Error::Usage { message, .. } => message,
            other => panic!("not a usage error: {other}"),
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(3 * 1024 * 1024)
            .unwrap();
        let said = message(read_capped(&path, 2 * 1024 * 1024).unwrap_err());
        assert!(
            said.contains("is 3 MiB, over chipmap's limit of 2 MiB"),
            "{said}"
        );
        assert_eq!(read_capped(&path, 4 * 1024 * 1024).unwrap().len(), 3 << 20);
    }

    #[test]
    fn a_file_that_grows_while_read_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("growing.yaml");
        std::fs::write(&path, "small").unwrap();
        let file = std::fs::File::open(&path).unwrap();
        // It grows after its size was taken: the reader must not follow it past the limit.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(&[b'x'; 100])
            .unwrap();
        let said = message(read_at_most(&path, file, 5, 10).unwrap_err());
        assert!(said.contains("over chipmap's limit"), "{said}");
    }

    #[test]
    fn a_directory_is_not_read_as_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let said = message(read_capped(dir.path(), 1024).unwrap_err());
        assert!(
            said.contains("is a directory, not a regular file"),
            "{said}"
        );
    }
}
