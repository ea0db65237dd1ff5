//! A throwaway working directory and a `chipmap` command that runs in it, isolated from the
//! caller's environment (no CHIPMAP_DATA, no colour, a fixed today).

pub mod browser;
pub mod tools;

use std::fs;
use std::path::{Path, PathBuf};

use std::process::Command as StdCommand;

use assert_cmd::Command;
use tempfile::TempDir;

/// The day the tests take as today, so expected output does not move with the calendar.
pub const TODAY: &str = "2026-11-30";

/// A temporary directory to run chipmap in.
pub struct TestEnv {
    dir: TempDir,
}

impl TestEnv {
    /// Returns an empty working directory (chipmap falls back to its embedded dataset there).
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    /// Returns a working directory holding a copy of the shipped `roadmaps/`.
    pub fn with_shipped_data() -> TestEnv {
        let env = TestEnv::new();
        copy_dir(&repo_path("roadmaps"), &env.path().join("roadmaps"));
        env
    }

    /// Returns a working directory whose `roadmaps/` holds the given files.
    pub fn with_files(files: &[(&str, &str)]) -> TestEnv {
        let env = TestEnv::new();
        for (name, text) in files {
            env.write(&format!("roadmaps/{name}"), text);
        }
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `text` to `relative` inside the working directory, creating folders.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.path().join(relative);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        fs::write(path, text).expect("write a test file");
    }

    /// Returns the stdout of `chipmap ARGS`, which must succeed.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.chipmap(args).output().expect("chipmap runs");
        assert!(
            out.status.success(),
            "chipmap {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// Returns the stderr of `chipmap ARGS`, which must refuse: exit 2 and nothing on stdout.
    pub fn refused(&self, args: &[&str]) -> String {
        let out = self.chipmap(args).output().expect("chipmap runs");
        assert_eq!(out.status.code(), Some(2), "chipmap {args:?} should refuse");
        assert!(
            out.stdout.is_empty(),
            "chipmap {args:?} printed a result while refusing"
        );
        String::from_utf8(out.stderr).expect("UTF-8 output")
    }

    /// Returns the exit code, stdout and stderr of `chipmap ARGS`, whatever it exits with.
    pub fn run(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out = self.chipmap(args).output().expect("chipmap runs");
        (
            out.status.code(),
            String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        )
    }

    /// Returns `chipmap ARGS` to run in the working directory.
    pub fn chipmap(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("chipmap").expect("the chipmap binary");
        cmd.current_dir(self.path())
            .env_remove("CHIPMAP_DATA")
            .env_remove("NO_COLOR")
            .env("CHIPMAP_TODAY", TODAY)
            .args(args);
        cmd
    }
}

/// Returns a path inside the repository.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Returns what `check` says of the shipped dataset before its verdict ("22 files, 13
/// snapshots, 133 entries"), counted here from the files themselves (an entry is a `  - id:`
/// line of a vendor file), so a test that copies the dataset need not be edited when the data
/// grows, and still fails when a copy loses or gains a file or an entry.
pub fn shipped_summary() -> String {
    let names = |dir: &str| -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = fs::read_dir(repo_path(dir))
            .expect("read the shipped data")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        found.sort();
        found
    };
    let files = names("roadmaps");
    let entries: usize = files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("read a vendor file");
            text.lines().filter(|l| l.starts_with("  - id:")).count()
        })
        .sum();
    let snapshots = names("roadmaps/snapshots").len();
    format!(
        "{} files, {snapshots} snapshots, {entries} entries",
        files.len()
    )
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the copy");
    for entry in fs::read_dir(from).expect("read the source folder") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy a file");
        }
    }
}

/// Returns the case folders under `tests/fixtures/KIND`, in name order.
pub fn fixture_cases(kind: &str) -> Vec<PathBuf> {
    let root = repo_path(&format!("tests/fixtures/{kind}"));
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Returns whether `CHIPMAP_BLESS=1` asks fixture tests to write their expectations.
pub fn blessing() -> bool {
    std::env::var_os("CHIPMAP_BLESS").is_some_and(|v| v == "1")
}

/// Returns a case folder's name.
pub fn case_name(case: &Path) -> String {
    case.file_name()
        .expect("a case name")
        .to_string_lossy()
        .into_owned()
}

/// Fails the test with every collected failure, numbered, when there are any.
pub fn assert_no_failures(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Runs `git ARGS` in `dir` with a fixed identity and none of the caller's git environment.
pub fn git(dir: &Path, args: &[&str]) -> String {
    git_with(dir, args, &[])
}

/// Runs `git ARGS` as [`git`] does, with `env` set too (`GIT_COMMITTER_DATE` ...).
pub fn git_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let out = StdCommand::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .envs(env.iter().copied())
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 from git")
}
