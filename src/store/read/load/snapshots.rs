//! Reading a data directory's snapshots: their names, their files, and decoding them on every
//! core (with the warnings of `check --strict`, each as of its snapshot's `taken` day).

use std::fs;

use crate::error::{Diagnostic, Error, Result};
use crate::model::Roadmap;
use crate::store::read::decode::FileKind;
use crate::store::read::strict::Today;
use crate::store::versions::snapshot::Snapshot;

use super::{
    DataDir, EMBEDDED, RawFile, decode_bytes, embedded_files, is_yaml_name, read_yaml_files,
    stem_of, strict_warnings,
};

/// Returns the names (file stems) of the data directory's snapshots, reading no file.
pub(in crate::store) fn snapshot_stems(data: &DataDir) -> Result<Vec<String>> {
    let mut stems: Vec<String> = match data {
        DataDir::Path(dir) => match fs::read_dir(dir.join("snapshots")) {
            Ok(listing) => listing
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| is_yaml_name(p))
                .filter_map(|p| stem_of(&p).map(str::to_string))
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::io(dir.join("snapshots"), e)),
        },
        DataDir::Embedded => snapshot_files(data)?.into_iter().map(|f| f.stem).collect(),
    };
    stems.sort();
    Ok(stems)
}

/// Returns the snapshot files of the data directory, read but not decoded.
pub(super) fn snapshot_files(data: &DataDir) -> Result<Vec<RawFile>> {
    match data {
        DataDir::Path(dir) => read_yaml_files(&dir.join("snapshots")),
        DataDir::Embedded => Ok(EMBEDDED
            .get_dir("snapshots")
            .map(embedded_files)
            .unwrap_or_default()),
    }
}

/// Returns the snapshots `files` hold, pushing every problem onto `diagnostics`, in file
/// order, and with `marking` the warnings of `check --strict` onto `warnings`. Each snapshot
/// is a whole roadmap, so a history over many is mostly parsing: the files are decoded on
/// every core, in runs that keep their order.
pub(super) fn decode_snapshot_files(
    files: Vec<RawFile>,
    marking: bool,
    diagnostics: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Snapshot> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = files.len().div_ceil(cores).max(1);
    let decoded: Vec<(Vec<Snapshot>, Vec<Diagnostic>, Vec<Diagnostic>)> =
        std::thread::scope(|scope| {
            let workers: Vec<_> = files
                .chunks(run)
                .map(|chunk| scope.spawn(move || decode_snapshot_run(chunk, marking)))
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
    let mut found = Vec::with_capacity(files.len());
    for (snapshots, problems, cautions) in decoded {
        found.extend(snapshots);
        diagnostics.extend(problems);
        warnings.extend(cautions);
    }
    found
}

/// Returns the snapshots of one run of files, with their problems and (with `marking`) the
/// warnings of `check --strict`, each snapshot checked as of its `taken` day.
fn decode_snapshot_run(
    files: &[RawFile],
    marking: bool,
) -> (Vec<Snapshot>, Vec<Diagnostic>, Vec<Diagnostic>) {
    let (mut found, mut diagnostics, mut warnings) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let decoded = decode_bytes(file, Some(FileKind::Snapshot), marking, &mut diagnostics);
        if marking {
            let today = decoded.snapshot.as_ref().map(|meta| Today {
                day: meta.taken,
                snapshot: true,
            });
            warnings.extend(strict_warnings(std::iter::once((file, &decoded)), today));
        }
        if let Some(meta) = decoded.snapshot {
            let vendors = decoded.vendors.into_iter().map(|(v, _)| v).collect();
            found.push(Snapshot {
                meta,
                shown: file.shown.clone(),
                roadmap: Roadmap { vendors },
            });
        }
    }
    (found, diagnostics, warnings)
}

/// Returns the data directory's snapshots whose name `wanted` accepts, or every problem they
/// have.
pub(in crate::store) fn load_snapshot_files(
    data: &DataDir,
    wanted: impl Fn(&str) -> bool,
) -> Result<Vec<Snapshot>> {
    let files: Vec<RawFile> = snapshot_files(data)?
        .into_iter()
        .filter(|f| wanted(&f.stem))
        .collect();
    let mut diagnostics = Vec::new();
    let found = decode_snapshot_files(files, false, &mut diagnostics, &mut Vec::new());
    if diagnostics.is_empty() {
        Ok(found)
    } else {
        Err(Error::Invalid(diagnostics))
    }
}
