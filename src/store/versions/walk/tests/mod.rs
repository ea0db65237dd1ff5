//! Walks over repositories and data directories built in the test: a helper to commit with
//! known dates, and the snapshot walk.

mod cuts;
mod git;

use std::path::Path;
use std::sync::Arc;

use crate::error::Error;
use crate::model::{Vendor, VersionInfo};
use crate::store::read::load::DataDir;
use crate::store::versions::git::command;

use super::{Walk, WalkOptions, walk};

/// A git repository in a temporary directory, with the data directory `roadmaps/` in it.
pub(super) struct Repo {
    root: tempfile::TempDir,
}

impl Repo {
    pub(super) fn new() -> Repo {
        let repo = Repo {
            root: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir(repo.dir()).unwrap();
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub(super) fn root(&self) -> &Path {
        self.root.path()
    }

    pub(super) fn dir(&self) -> std::path::PathBuf {
        self.root.path().join("roadmaps")
    }

    pub(super) fn data(&self) -> DataDir {
        DataDir::Path(self.dir())
    }

    /// Writes `text` to `name` in the data directory (creating folders).
    pub(super) fn write(&self, name: &str, text: &str) {
        let path = self.dir().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs git in the repository, with a committer of its own, and returns what it printed.
    pub(super) fn git(&self, args: &[&str]) -> String {
        let out = command(self.root())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Commits everything as `subject` on `date` (ISO 8601), returning the short id.
    pub(super) fn commit(&self, subject: &str, date: &str) -> String {
        self.git(&["add", "-A"]);
        let out = command(self.root())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(["-c", "commit.gpgsign=false"])
            .args(["commit", "-q", "--allow-empty", "-m", subject])
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_DATE", date)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.git(&["log", "-1", "--format=%h"]).trim().to_string()
    }
}

/// Runs the test `name` (below this module) again in a process of its own with `env` set, and
/// fails unless it passes there: for what a test cannot set in its own process (the
/// environment git inherits, the process-wide file size limit).
pub(super) fn rerun(name: &str, env: &[(&str, &str)]) {
    let name = format!("store::versions::walk::tests::{name}");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", &name, "--test-threads", "1"])
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("1 passed"), "{said}");
}

/// Returns a vendor file of `id` holding entries `(id, available)`.
pub(super) fn vendor(id: &str, entries: &[(&str, &str)]) -> String {
    let mut text = format!("vendor: {id}\nname: {}\nentries:\n", id.to_uppercase());
    for (entry, available) in entries {
        text.push_str(&format!(
            "  - id: {entry}\n    name: {entry}\n    kind: gpu\n    status: announced\n    available: {available}\n"
        ));
    }
    if entries.is_empty() {
        text = text.replace("entries:\n", "entries: []\n");
    }
    text
}

/// Returns the walk `options` asks for, failing the test if it cannot start.
pub(super) fn started(data: &DataDir, options: WalkOptions) -> Walk {
    match walk(data, &options) {
        Ok(walk) => walk,
        Err(e) => panic!("the walk did not start: {e} ({e:?})"),
    }
}

/// Returns each version's vendors, failing the test on an error.
pub(super) fn all_vendors(walk: &mut Walk) -> Vec<Vec<Arc<Vendor>>> {
    walk.by_ref().map(|v| v.expect("a version reads")).collect()
}

/// Returns the versions' names.
pub(super) fn names(versions: &[VersionInfo]) -> Vec<&str> {
    versions.iter().map(|v| v.name.as_str()).collect()
}

/// Returns the `available` of `key` (`vendor/entry`) in one version's vendors, as written.
pub(super) fn available(vendors: &[Arc<Vendor>], key: &str) -> Option<String> {
    let (vendor, entry) = key.split_once('/')?;
    let vendor = vendors.iter().find(|v| v.vendor == vendor)?;
    let entry = vendor.entries.iter().find(|e| e.id == entry)?;
    entry.available.map(|d| d.to_string())
}

/// Returns the message and hint of a usage error.
pub(super) fn usage(error: Error) -> (String, String) {
    match error {
        Error::Usage { message, hint } => (message, hint.unwrap_or_default()),
        other => panic!("not a usage error: {other} ({other:?})"),
    }
}

fn snapshot_text(name: &str, taken: &str, body: &str) -> String {
    let vendors = body
        .lines()
        .map(|line| format!("    {line}\n"))
        .collect::<String>()
        .replacen("    vendor:", "  - vendor:", 1);
    format!("snapshot:\n  name: {name}\n  taken: {taken}\nvendors:\n{vendors}")
}

#[test]
fn snapshots_walk_by_taken_then_working_and_share_equal_vendors() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::Path(dir.path().to_path_buf());
    let acme = vendor("acme", &[("a1", "2026H1")]);
    let bolt = vendor("bolt", &[("b1", "2027")]);
    std::fs::create_dir(dir.path().join("snapshots")).unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    // Named against their dates: `taken` orders them, not the name.
    write(
        "snapshots/b-first.yaml",
        &snapshot_text("b-first", "2025-01-10", &acme),
    );
    let slipped = acme.replace("2026H1", "2026H2");
    write(
        "snapshots/a-second.yaml",
        &snapshot_text("a-second", "2025-06-02", &slipped),
    );
    write("acme.yaml", &slipped);
    write("bolt.yaml", &bolt);
    let mut walk = started(&data, WalkOptions::default());
    assert_eq!(names(walk.versions()), ["b-first", "a-second", "working"]);
    assert_eq!(
        walk.versions()[1].taken.map(|d| d.to_string()).as_deref(),
        Some("2025-06-02")
    );
    let versions = all_vendors(&mut walk);
    assert_eq!(
        available(&versions[0], "acme/a1").as_deref(),
        Some("2026H1")
    );
    assert_eq!(
        available(&versions[1], "acme/a1").as_deref(),
        Some("2026H2")
    );
    assert!(
        !Arc::ptr_eq(&versions[0][0], &versions[1][0]),
        "acme changed"
    );
    assert!(
        Arc::ptr_eq(&versions[1][0], &versions[2][0]),
        "acme did not change"
    );
    assert_eq!(versions[2].len(), 2, "bolt is new in the working data");
    assert!(walk.warnings().is_empty());
}

#[test]
fn the_shipped_data_walks_its_snapshots_then_working() {
    let mut walk = started(&DataDir::Embedded, WalkOptions::default());
    let versions = walk.versions().to_vec();
    assert!(versions.len() >= 2, "{versions:?}");
    assert_eq!(versions.last(), Some(&VersionInfo::working()));
    let taken: Vec<_> = versions.iter().filter_map(|v| v.taken).collect();
    assert!(taken.is_sorted(), "{versions:?}");
    let read = all_vendors(&mut walk);
    assert_eq!(read.len(), versions.len());
    // Some vendor stood still between two snapshots: it is the same Arc.
    let shared = read.windows(2).any(|pair| {
        pair[1]
            .iter()
            .any(|new| pair[0].iter().any(|old| Arc::ptr_eq(old, new)))
    });
    assert!(shared);
    let said = usage(walk_err(
        &DataDir::Embedded,
        WalkOptions {
            git: true,
            ..WalkOptions::default()
        },
    ));
    assert!(
        said.0
            .contains("--git needs a data directory inside a git repository"),
        "{said:?}"
    );
}

/// Returns the error a walk that must not start gives.
pub(super) fn walk_err(data: &DataDir, options: WalkOptions) -> Error {
    match walk(data, &options) {
        Ok(walk) => panic!("the walk started: {:?}", walk.versions()),
        Err(e) => e,
    }
}
