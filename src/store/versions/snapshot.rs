//! Snapshots: the whole roadmap frozen at one moment, in `snapshots/NAME.yaml` (docs/format.md
//! section 4) — listing them, and writing a new one (never over an existing one).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Roadmap, SnapshotMeta, Vendor};

use crate::store::read::datadir::shown;
use crate::store::read::decode::{FileKind, decode, is_slug};
use crate::store::read::load::{DataDir, load_data, load_snapshot_files, snapshot_stems};
use crate::store::read::source::SourceFile;
use crate::store::write::emit::snapshot_text;

/// One snapshot of a data directory, loaded.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub meta: SnapshotMeta,
    /// Where it was read from, as shown to the user.
    pub shown: String,
    pub roadmap: Roadmap,
}

/// Returns the data directory's snapshots, oldest first (by `taken`, then name); a snapshot
/// that does not pass `check` makes this an error.
pub fn snapshots(data: &DataDir) -> Result<Vec<Snapshot>> {
    let mut found = load_snapshot_files(data, |_| true)?;
    found.sort_by(|a, b| (a.meta.taken, &a.meta.name).cmp(&(b.meta.taken, &b.meta.name)));
    Ok(found)
}

/// Returns the names of the data directory's snapshots, in name order, reading none of them.
pub fn snapshot_names(data: &DataDir) -> Result<Vec<String>> {
    snapshot_stems(data)
}

/// Returns the snapshot called `name`.
pub fn snapshot(data: &DataDir, name: &str) -> Result<Snapshot> {
    load_snapshot_files(data, |stem| stem == name)?
        .pop()
        .ok_or_else(|| Error::usage(format!("no snapshot `{name}` in {}", data.display()), None))
}

/// A snapshot worked out and checked, not yet written.
#[derive(Debug, Clone)]
pub struct NewSnapshot {
    pub path: PathBuf,
    pub text: String,
    pub entries: usize,
}

/// Returns the snapshot `name` of the data in `dir` as it stands, taken on `taken`.
pub fn plan_snapshot(
    dir: &Path,
    name: &str,
    taken: NaiveDate,
    note: Option<String>,
) -> Result<NewSnapshot> {
    if !is_slug(name) {
        return Err(Error::usage(
            format!("`{name}` is not a snapshot name: use lowercase letters, digits and `-`"),
            Some("for example: 2026-11-30-weekly".into()),
        ));
    }
    if name == "working" {
        return Err(Error::usage(
            "`working` is not a snapshot name: as a reference it always means the working data",
            Some("for example: 2026-11-30-weekly".into()),
        ));
    }
    let path = dir.join("snapshots").join(format!("{name}.yaml"));
    // A dangling symlink holds the name too: `exists()` would follow it and say no.
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(Error::usage(
            format!("snapshot `{name}` exists already ({})", shown(&path)),
            Some("a snapshot is never overwritten; choose another name".into()),
        ));
    }
    let roadmap = load_data(&DataDir::Path(dir.to_path_buf()))?.roadmap;
    let meta = SnapshotMeta {
        name: name.to_string(),
        taken,
        note,
        sources: Vec::new(),
    };
    let text = snapshot_text(&meta, &roadmap);
    reads_back_as(&path, &text, &meta, &roadmap)?;
    Ok(NewSnapshot {
        path,
        text,
        entries: roadmap.entry_count(),
    })
}

/// Returns an error unless `text`, decoded as `check` decodes a snapshot, holds `meta` and
/// `roadmap` exactly: a snapshot that would not read back is never written.
fn reads_back_as(path: &Path, text: &str, meta: &SnapshotMeta, roadmap: &Roadmap) -> Result<()> {
    let shown = shown(path);
    let source = SourceFile { path: &shown, text };
    let mut problems = Vec::new();
    let decoded = decode(&source, &meta.name, Some(FileKind::Snapshot), &mut problems);
    let vendors: Vec<Vendor> = decoded.vendors.into_iter().map(|(v, _)| v).collect();
    if problems.is_empty() && decoded.snapshot.as_ref() == Some(meta) && vendors == roadmap.vendors
    {
        return Ok(());
    }
    let why = match problems.first() {
        Some(problem) => format!("it would not pass `check` ({})", problem.message),
        None => "it would not read back as the roadmap it froze".to_string(),
    };
    Err(Error::usage(
        format!("refusing to write {shown}: {why}"),
        Some("this is a bug in chipmap; nothing was written".into()),
    ))
}

/// Writes a planned snapshot whole, refusing to replace a file that appeared meanwhile.
pub fn write_snapshot(snapshot: &NewSnapshot) -> Result<()> {
    crate::store::write::init::write_new(&snapshot.path, snapshot.text.as_bytes())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{plan_snapshot, reads_back_as, snapshots, write_snapshot};
    use crate::store::read::load::{DataDir, load_path};

    #[test]
    fn a_snapshot_reloads_as_the_roadmap_it_froze() {
        let dir = tempfile::tempdir().unwrap();
        let vendor = "# hand-kept\nvendor: v\nname: V\nentries:\n  - id: a\n    name: 'A: 1'\n    kind: gpu\n    status: announced\n    available: H2 2027  # a comment\n    memory: {type: HBM4, capacity_gb: 576}\n";
        std::fs::write(dir.path().join("v.yaml"), vendor).unwrap();
        let taken = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let planned = plan_snapshot(dir.path(), "first", taken, Some("a note".into())).unwrap();
        write_snapshot(&planned).unwrap();
        let frozen = load_path(&planned.path).unwrap();
        let working = load_path(&dir.path().join("v.yaml")).unwrap();
        assert_eq!(frozen.roadmap, working.roadmap);
        let listed = snapshots(&DataDir::Path(dir.path().to_path_buf())).unwrap();
        assert_eq!(listed[0].meta.note.as_deref(), Some("a note"));
        assert!(
            plan_snapshot(dir.path(), "first", taken, None).is_err(),
            "never overwritten"
        );
        assert!(
            plan_snapshot(dir.path(), "../x", taken, None).is_err(),
            "slugs only"
        );
        // A snapshot called `working` could never be named: the reference means the data.
        assert!(plan_snapshot(dir.path(), "working", taken, None).is_err());
    }

    /// `specs: {"tdp: max": 700}` was frozen as `tdp: max: 700`, which broke every command on
    /// the data directory, and `"#fp8_pflops"` as a comment, which lost the spec.
    #[test]
    fn a_snapshot_keeps_spec_keys_yaml_would_misread() {
        let dir = tempfile::tempdir().unwrap();
        let vendor = "vendor: v\nname: V\nentries:\n  - id: a\n    name: A\n    kind: gpu\n    status: announced\n    available: 2027\n    specs: {\"tdp: max\": 700, \"#fp8_pflops\": 5, \"1e3\": x, \"a,b\": 'it''s'}\n";
        std::fs::write(dir.path().join("v.yaml"), vendor).unwrap();
        let taken = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let planned = plan_snapshot(dir.path(), "keys", taken, None).unwrap();
        write_snapshot(&planned).unwrap();
        let frozen = load_path(&planned.path).unwrap();
        let working = load_path(&dir.path().join("v.yaml")).unwrap();
        assert_eq!(frozen.roadmap.vendors[0].entries[0].specs.len(), 4);
        assert_eq!(frozen.roadmap, working.roadmap);
    }

    #[test]
    fn a_snapshot_that_would_not_read_back_is_refused_as_a_chipmap_bug() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("v.yaml"),
            "vendor: v\nname: V\nentries: []\n",
        )
        .unwrap();
        let taken = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let planned = plan_snapshot(dir.path(), "s", taken, None).unwrap();
        let loaded = load_path(&dir.path().join("v.yaml")).unwrap();
        let meta = crate::model::SnapshotMeta {
            name: "s".into(),
            taken,
            note: None,
            sources: Vec::new(),
        };
        assert!(reads_back_as(&planned.path, &planned.text, &meta, &loaded.roadmap).is_ok());
        let lossy = planned.text.replace("name: V", "name: W");
        let broken = planned.text.replace("name: V", "name: V: W");
        for text in [lossy, broken] {
            let err = reads_back_as(&planned.path, &text, &meta, &loaded.roadmap).unwrap_err();
            assert!(err.to_string().contains("refusing to write"), "{err}");
            assert!(format!("{err:?}").contains("bug in chipmap"), "{err:?}");
        }
    }
}
