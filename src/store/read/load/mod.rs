//! Loading a data directory (vendor files and snapshots), one file, or the embedded dataset.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use include_dir::{Dir, include_dir};

use crate::error::{Diagnostic, Error, Result};
use crate::model::{Roadmap, SnapshotMeta, Vendor};

pub use super::datadir::DataDir;
use super::datadir::shown;
use super::decode::{self, Decoded, FileKind};
use super::file::read_file;
use super::source::{SourceFile, utf8};
use super::strict::{self, Today};

mod snapshots;

use snapshots::{decode_snapshot_files, snapshot_files};
pub(in crate::store) use snapshots::{load_snapshot_files, snapshot_stems};

/// The dataset shipped with chipmap, compiled into the binary.
pub(in crate::store) static EMBEDDED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/roadmaps");

/// A loaded roadmap with what it was loaded from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub roadmap: Roadmap,
    pub snapshot: Option<SnapshotMeta>,
    /// Vendor files (or the one file) read.
    pub files: usize,
    /// Snapshot files read beside them (only `check` reads them).
    pub snapshots: usize,
}

/// What `check` found: every problem, and how much it read.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// The errors, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The warnings of `check --strict`, in file order (vendor files, then snapshots).
    pub warnings: Vec<Diagnostic>,
    /// Vendor files read.
    pub files: usize,
    /// Snapshot files read.
    pub snapshots: usize,
    /// The items of the vendor files' `entries` lists, valid or not.
    pub entries: usize,
}

/// What reading files found besides their vendors: how many entries they hold, valid or not,
/// and the warnings of `check --strict`.
#[derive(Debug, Clone, Default)]
pub(in crate::store) struct Tally {
    /// `Some` to run the rules of `check --strict`, with this day as today (in a snapshot,
    /// its `taken` day stands for today); `None` reads no more than loading needs.
    pub(in crate::store) strict: Option<NaiveDate>,
    pub(in crate::store) entries: usize,
    pub(in crate::store) warnings: Vec<Diagnostic>,
}

/// Returns the roadmap of the data directory, or every problem that stops it loading.
pub fn load_data(data: &DataDir) -> Result<Loaded> {
    let (loaded, diagnostics) = read_data(data, false, &mut Tally::default())?;
    if diagnostics.is_empty() {
        Ok(loaded)
    } else {
        Err(Error::Invalid(diagnostics))
    }
}

/// Returns every problem in the data directory's vendor files and snapshots, and the warnings
/// of `check --strict` as of `today`.
pub fn check_data(data: &DataDir, today: NaiveDate) -> Result<CheckReport> {
    let mut tally = Tally {
        strict: Some(today),
        ..Tally::default()
    };
    let (loaded, diagnostics) = read_data(data, true, &mut tally)?;
    Ok(CheckReport {
        diagnostics,
        warnings: tally.warnings,
        files: loaded.files,
        snapshots: loaded.snapshots,
        entries: tally.entries,
    })
}

/// Returns the roadmap held by a path: a data directory, a vendor file or a snapshot file.
pub fn load_path(path: &Path) -> Result<Loaded> {
    if path.is_dir() {
        return load_data(&DataDir::Path(path.to_path_buf()));
    }
    let file = RawFile {
        shown: shown(path),
        stem: stem_of(path).unwrap_or_default().to_string(),
        bytes: read_file(path)?,
    };
    let mut diagnostics = Vec::new();
    let decoded = decode_bytes(&file, None, false, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(Error::Invalid(diagnostics));
    }
    Ok(Loaded {
        roadmap: Roadmap {
            vendors: decoded.vendors.into_iter().map(|(v, _)| v).collect(),
        },
        snapshot: decoded.snapshot,
        files: 1,
        snapshots: 0,
    })
}

/// Returns the vendors of `files` (vendor files), pushing every problem onto `diagnostics`.
pub(in crate::store) fn decode_vendor_files(
    files: &[RawFile],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Vendor> {
    decode_vendor_files_tallied(files, diagnostics, &mut Tally::default())
}

/// Returns the vendors of `files` like `decode_vendor_files`, adding to `tally` what they hold.
fn decode_vendor_files_tallied(
    files: &[RawFile],
    diagnostics: &mut Vec<Diagnostic>,
    tally: &mut Tally,
) -> Vec<Vendor> {
    let marking = tally.strict.is_some();
    let decoded: Vec<Decoded> = files
        .iter()
        .map(|file| decode_bytes(file, Some(FileKind::Vendor), marking, diagnostics))
        .collect();
    tally.entries += decoded.iter().map(|d| d.entries).sum::<usize>();
    if let Some(day) = tally.strict {
        let today = Today {
            day,
            snapshot: false,
        };
        let found = strict_warnings(files.iter().zip(&decoded), Some(today));
        tally.warnings.extend(found);
    }
    let vendors: Vec<Vendor> = decoded
        .into_iter()
        .flat_map(|d| d.vendors.into_iter().map(|(v, _)| v))
        .collect();
    // Vendor ids equal file stems, so the only way to repeat a vendor is `x.yaml` beside `x.yml`.
    let mut first: HashMap<&str, &RawFile> = HashMap::with_capacity(files.len());
    for file in files {
        if let Some(first) = first.get(file.stem.as_str()) {
            diagnostics.push(Diagnostic::file(
                &file.shown,
                format!("vendor `{}` is also in {}", file.stem, first.shown),
                Some("keep one file per vendor".into()),
            ));
        } else {
            first.insert(&file.stem, file);
        }
    }
    vendors
}

/// Returns the warnings of `check --strict` about the roadmap that `files` hold together,
/// in file order.
fn strict_warnings<'a>(
    files: impl Iterator<Item = (&'a RawFile, &'a Decoded)>,
    today: Option<Today>,
) -> Vec<Diagnostic> {
    let sources: Vec<(SourceFile, Vec<strict::Marked>)> = files
        .filter_map(|(file, decoded)| {
            // A file that is not text has said so, and holds no vendor to warn about.
            let text = utf8(&file.shown, &file.bytes).ok()?;
            let source = SourceFile {
                path: &file.shown,
                text,
            };
            Some((source, decoded.marked()))
        })
        .collect();
    strict::diagnostics(&sources, today)
}

/// A file read from the data directory: its name as shown to the user, its stem, its bytes.
pub(in crate::store) struct RawFile {
    pub(in crate::store) shown: String,
    pub(in crate::store) stem: String,
    pub(in crate::store) bytes: Vec<u8>,
}

/// Returns the vendor a vendor file's text would hold at `path`, or every problem it would
/// have by `check`'s rules: an edit is checked before it is written. An edit changes one file,
/// and every rule that spans files compares file names, which an edit does not change.
pub(in crate::store) fn decode_vendor_text(path: &Path, text: &str) -> Result<Vendor> {
    let shown = shown(path);
    let stem = stem_of(path).unwrap_or_default();
    let mut diagnostics = Vec::new();
    let source = SourceFile { path: &shown, text };
    let decoded = decode::decode(&source, stem, Some(FileKind::Vendor), &mut diagnostics);
    match decoded.vendors.into_iter().next() {
        Some((vendor, _)) if diagnostics.is_empty() => Ok(vendor),
        _ => Err(Error::Invalid(diagnostics)),
    }
}

fn read_data(
    data: &DataDir,
    with_snapshots: bool,
    tally: &mut Tally,
) -> Result<(Loaded, Vec<Diagnostic>)> {
    let vendor_files = match data {
        DataDir::Path(dir) => read_yaml_files(dir)?,
        DataDir::Embedded => embedded_files(&EMBEDDED),
    };
    let snapshot_files = if with_snapshots {
        snapshot_files(data)?
    } else {
        Vec::new()
    };
    // An empty data directory is a roadmap with no entries yet: `add --vendor-name` starts
    // one there, and `check` says it is empty (docs/format.md section 1).
    let mut diagnostics = Vec::new();
    let vendors = decode_vendor_files_tallied(&vendor_files, &mut diagnostics, tally);
    // Counted as files read: a snapshot with problems is still a file `check` looked at.
    let snapshots = snapshot_files.len();
    let marking = tally.strict.is_some();
    decode_snapshot_files(
        snapshot_files,
        marking,
        &mut diagnostics,
        &mut tally.warnings,
    );
    let roadmap = Roadmap { vendors };
    Ok((
        Loaded {
            roadmap,
            snapshot: None,
            files: vendor_files.len(),
            snapshots,
        },
        diagnostics,
    ))
}

/// Returns what `file` holds, marked for the rules of `check --strict` with `marking`.
fn decode_bytes(
    file: &RawFile,
    expect: Option<FileKind>,
    marking: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Decoded {
    let decode = match marking {
        true => decode::decode_marked,
        false => decode::decode,
    };
    match utf8(&file.shown, &file.bytes) {
        Ok(text) => {
            let source = SourceFile {
                path: &file.shown,
                text,
            };
            decode(&source, &file.stem, expect, diagnostics)
        }
        Err(diag) => {
            diagnostics.push(diag);
            Decoded::default()
        }
    }
}

/// Returns the vendor file of the vendor id `vendor` in `dir` (`VENDOR.yaml`, else
/// `VENDOR.yml`), if any. Anything but an id (`../x`, `/abs/x`) has none: a vendor is never
/// a path, so nothing given here can name a file outside `dir`.
pub fn vendor_file(dir: &Path, vendor: &str) -> Option<PathBuf> {
    if !decode::is_slug(vendor) {
        return None;
    }
    ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{vendor}.{ext}")))
        .find(|p| p.is_file())
}

/// Returns the `.yaml` / `.yml` files of `dir` in name order, skipping hidden ones (editors'
/// and chipmap's own temporary files start with a dot). A missing directory has none. A name
/// that is not a regular file (a fifo, a folder) is refused, not silently skipped.
fn read_yaml_files(dir: &Path) -> Result<Vec<RawFile>> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && dir.ends_with("snapshots") => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| is_yaml_name(p))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = read_file(&path)?;
            Ok(RawFile {
                shown: shown(&path),
                stem: stem_of(&path).unwrap_or_default().to_string(),
                bytes,
            })
        })
        .collect()
}

pub(in crate::store) fn is_yaml_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
}

fn stem_of(path: &Path) -> Option<&str> {
    path.file_stem().and_then(|s| s.to_str())
}

fn embedded_files(dir: &Dir<'_>) -> Vec<RawFile> {
    let mut files: Vec<RawFile> = dir
        .files()
        .filter(|f| is_yaml_name(f.path()))
        .map(|f| RawFile {
            shown: format!("<embedded>/{}", f.path().display()),
            stem: stem_of(f.path()).unwrap_or_default().to_string(),
            bytes: f.contents().to_vec(),
        })
        .collect();
    files.sort_by(|a, b| a.shown.cmp(&b.shown));
    files
}

#[cfg(test)]
mod tests {
    use super::{DataDir, load_data, load_path};
    use crate::error::Error;

    const SNAPSHOT: &str = "snapshot:\n  name: 2024-06-02-computex\n  taken: 2024-06-02\n  note: Computex 2024\nvendors:\n  - vendor: nvidia\n    name: NVIDIA\n    entries:\n      - {id: rubin-ultra, name: Rubin Ultra, kind: gpu, status: announced, available: 2027, memory: {type: HBM4, capacity_gb: 576}}\n";

    #[test]
    fn a_snapshot_file_loads_as_a_whole_roadmap() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2024-06-02-computex.yaml");
        std::fs::write(&path, SNAPSHOT).unwrap();
        let loaded = load_path(&path).expect("a valid snapshot");
        let meta = loaded.snapshot.expect("its header");
        assert_eq!(
            (meta.name.as_str(), meta.taken.to_string().as_str()),
            ("2024-06-02-computex", "2024-06-02")
        );
        let (_, entry) = loaded.roadmap.find("nvidia/rubin-ultra").unwrap();
        assert_eq!(
            entry.memory.as_ref().and_then(|m| m.capacity_gb),
            Some(576.0)
        );
        let renamed = dir.path().join("other.yaml");
        std::fs::write(&renamed, SNAPSHOT).unwrap();
        let Err(Error::Invalid(found)) = load_path(&renamed) else {
            panic!("name must match the file")
        };
        assert!(
            found[0]
                .message
                .contains("does not match the file name `other`")
        );
    }

    #[test]
    fn the_embedded_dataset_loads_and_passes_check() {
        let loaded = load_data(&DataDir::Embedded).expect("embedded data is valid");
        assert!(loaded.roadmap.vendors.iter().any(|v| v.vendor == "nvidia"));
        assert!(loaded.roadmap.entry_count() > 50);
    }
}
