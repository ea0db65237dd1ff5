//! `git:REV`: the data directory as committed at REV, read through git's plumbing commands.
//!
//! REV is user input and reaches git only once, after `--end-of-options`, to be resolved to a
//! commit id; every later command gets that id. git runs without the caller's repository
//! variables (the ones `git rev-parse --local-env-vars` lists, which git itself drops when it
//! moves into another repository): `git:REV` means the repository around the data directory,
//! and a `GIT_DIR` inherited from a hook, an alias or a script must not swap in another one.
//! User-level configuration (`~/.gitconfig`, `GIT_CONFIG_GLOBAL`) stays: it is where
//! `safe.directory` lives, and the plumbing used here prints the same whatever it says.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::error::{Error, Result};
use crate::model::Roadmap;
use crate::store::read::datadir::one_line;
use crate::store::read::file::within_limit;
use crate::store::read::load::{DataDir, RawFile, decode_vendor_files};

use super::Resolved;

/// The variables that tell git which repository, index or objects to use (as listed by
/// `git rev-parse --local-env-vars`, git 2.47), and the ones that inject configuration for
/// the caller's own git command.
const REPOSITORY_VARIABLES: &[&str] = &[
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY",
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_REPLACE_REF_BASE",
    "GIT_PREFIX",
    "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR",
];

/// The first git release whose `rev-parse` understands `--end-of-options`.
const OLDEST_GIT: (u32, u32) = (2, 30);

/// Returns the data directory as committed at `rev`.
pub(super) fn from_git(rev: &str, data: &DataDir) -> Result<Resolved> {
    let DataDir::Path(dir) = data else {
        return Err(Error::usage(
            "git:REV needs a data directory inside a git repository",
            Some("run it in a folder whose roadmaps/ is tracked by git, or give --data DIR".into()),
        ));
    };
    if rev.trim().is_empty() {
        return Err(Error::usage(
            "git: needs a revision, such as git:HEAD~1 or git:v1.0",
            None,
        ));
    }
    // Messages quote REV as typed: the output filter shows a control character in it escaped.
    let commit = commit_id(dir, rev)?;
    // `-l` adds each blob's size, so a file over the limit is refused before it is read.
    let listing = git(dir, &["ls-tree", "-z", "-l", &commit, "--", "."])?;
    let mut files = Vec::new();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(entry) = TreeEntry::parse(record) else {
            return Err(Error::usage(
                format!("git ls-tree printed a line chipmap cannot read, at git:{rev}"),
                None,
            ));
        };
        // Like a directory listing on disk: YAML files only, no hidden ones, no folders, and
        // no name that is not UTF-8 (no vendor id could match it).
        let Ok(name) = std::str::from_utf8(entry.name) else {
            continue;
        };
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if !is_yaml || name.starts_with('.') || entry.kind != "blob" {
            continue;
        }
        // A name may hold a newline or a tab: it is shown escaped, as on disk.
        let shown = format!(
            "git:{rev}:{}",
            one_line(&dir.join(name).display().to_string())
        );
        if entry.mode == "120000" {
            return Err(Error::usage(
                format!("{shown} is a symbolic link in that commit"),
                Some("git:REV reads vendor files stored in git as regular files".into()),
            ));
        }
        within_limit(&shown, entry.size)?;
        let bytes = git(dir, &["cat-file", "blob", entry.object])?;
        let stem = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_string();
        files.push(RawFile { shown, stem, bytes });
    }
    if files.is_empty() {
        return Err(Error::usage(
            format!("no vendor files in {} at git:{rev}", dir.display()),
            None,
        ));
    }
    let mut diagnostics = Vec::new();
    let vendors = decode_vendor_files(&files, &mut diagnostics);
    if !diagnostics.is_empty() {
        return Err(Error::Invalid(diagnostics));
    }
    Ok(Resolved {
        label: format!("git:{rev}"),
        taken: None,
        roadmap: Roadmap { vendors },
    })
}

/// Returns the id of the commit `rev` names, or an error naming `rev` when it names none.
fn commit_id(dir: &Path, rev: &str) -> Result<String> {
    let peeled = format!("{rev}^{{commit}}");
    let args = ["rev-parse", "--verify", "--quiet", "--end-of-options"];
    let output = run(dir, &args, &[&peeled])?;
    let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let is_id = matches!(id.len(), 40 | 64) && id.bytes().all(|b| b.is_ascii_hexdigit());
    if output.status.success() && is_id {
        return Ok(id);
    }
    if let Some(old) = too_old(dir) {
        return Err(Error::usage(
            format!(
                "git:REV needs git {}.{} or newer; this is git {old}",
                OLDEST_GIT.0, OLDEST_GIT.1
            ),
            Some("install a newer git".into()),
        ));
    }
    // `--verify --quiet` fails with status 1 when REV names no commit (stderr may still hold
    // a GIT_TRACE the user asked for); any other failure (128: not a repository, a broken
    // one) is git's to explain.
    if output.status.code() == Some(1) {
        return Err(Error::usage(
            format!(
                "`{rev}` is not a commit in the git repository around {}",
                dir.display()
            ),
            Some(
                "git:REV takes a commit: a branch, a tag, a commit id, HEAD~1, main@{2024-06-01}"
                    .into(),
            ),
        ));
    }
    Err(complaint("rev-parse", &output))
}

/// Returns the version of git when it is older than `OLDEST_GIT`.
fn too_old(dir: &Path) -> Option<String> {
    let output = run(dir, &["version"], &[]).ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let version = text.trim().strip_prefix("git version ")?.to_string();
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next().flatten()?;
    let minor = parts.next().flatten()?;
    ((major, minor) < OLDEST_GIT).then_some(version)
}

/// One record of `git ls-tree -z`: `MODE SP TYPE SP OBJECT TAB NAME`.
struct TreeEntry<'a> {
    mode: &'a str,
    kind: &'a str,
    object: &'a str,
    /// The blob's size in bytes (0 for what is not a blob: ls-tree prints `-`).
    size: u64,
    name: &'a [u8],
}

impl<'a> TreeEntry<'a> {
    fn parse(record: &'a [u8]) -> Option<TreeEntry<'a>> {
        let tab = record.iter().position(|b| *b == b'\t')?;
        let head = std::str::from_utf8(&record[..tab]).ok()?;
        // `MODE TYPE OBJECT SIZE`, the size right-aligned with spaces.
        let mut fields = head.split_whitespace();
        let entry = TreeEntry {
            mode: fields.next()?,
            kind: fields.next()?,
            object: fields.next()?,
            size: match fields.next()? {
                "-" => 0,
                size => size.parse().ok()?,
            },
            name: &record[tab + 1..],
        };
        let is_id = entry.object.bytes().all(|b| b.is_ascii_hexdigit());
        (fields.next().is_none() && is_id && !entry.object.is_empty()).then_some(entry)
    }
}

/// Returns what `git ARGS` printed, or its complaint as an error. No argument is user input.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let output = run(dir, args, &[])?;
    if !output.status.success() {
        return Err(complaint(args[0], &output));
    }
    Ok(output.stdout)
}

/// Returns git's output for `git -C DIR OPTIONS ARGS`, run away from the caller's repository.
fn run(dir: &Path, options: &[&str], args: &[&str]) -> Result<Output> {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args(options)
        .args(args)
        .stdin(Stdio::null());
    for variable in REPOSITORY_VARIABLES {
        command.env_remove(variable);
    }
    command.output().map_err(|e| {
        Error::usage(
            format!("cannot run git: {e}"),
            Some("git:REV needs git on the PATH".into()),
        )
    })
}

/// Returns git's complaint about `git SUBCOMMAND` as an error, control characters escaped.
fn complaint(subcommand: &str, output: &Output) -> Error {
    let said = String::from_utf8_lossy(&output.stderr);
    Error::usage(
        format!("git {subcommand}: {}", said.trim()),
        Some("git:REV takes a revision of the repository around the data directory".into()),
    )
}
