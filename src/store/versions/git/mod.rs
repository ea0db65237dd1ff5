//! Reading the data directory out of git: every git command chipmap runs starts here, away
//! from the caller's repository and configuration that would change what git prints.
//!
//! User input reaches git only once, after `--end-of-options`, to be resolved to a commit id;
//! every later command gets that id. git runs without the caller's repository variables (the
//! ones `git rev-parse --local-env-vars` lists, which git itself drops when it moves into
//! another repository): `git:REV` means the repository around the data directory, and a
//! `GIT_DIR` inherited from a hook, an alias or a script must not swap in another one.
//! User-level configuration (`~/.gitconfig`, `GIT_CONFIG_GLOBAL`) stays: it is where
//! `safe.directory` lives; the settings that would change what the commands used here print
//! are overridden on each command line.

pub(in crate::store) mod at;
pub(in crate::store) mod cat;
pub(in crate::store) mod log;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::error::{Error, Result};
use crate::model::Vendor;
use crate::store::read::load::{RawFile, decode_vendor_files};

/// The variables that tell git which repository, index or objects to use (as listed by
/// `git rev-parse --local-env-vars`, git 2.47), the ones that inject configuration for the
/// caller's own git command, and one that changes how `git log --raw` prints object ids.
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
    "GIT_PRINT_SHA1_ELLIPSIS",
];

/// Settings of the user's configuration that would change what `log` prints, set back to
/// git's defaults for chipmap's commands (a `-c` on the command line wins over every file).
const NEUTRAL_CONFIG: &[&str] = &[
    "color.ui=never",
    "log.showSignature=false",
    "log.showRoot=true",
    // `combined` prints nothing for a merge in `--raw`; chipmap follows the first parent.
    "log.diffMerges=first-parent",
    "diff.relative=false",
    "i18n.logOutputEncoding=UTF-8",
];

/// The first git release whose `rev-parse` understands `--end-of-options`.
const OLDEST_GIT: (u32, u32) = (2, 30);

/// The mode git gives a symbolic link.
pub(in crate::store) const SYMLINK_MODE: &str = "120000";
/// The mode git gives a submodule (a commit of another repository).
pub(in crate::store) const SUBMODULE_MODE: &str = "160000";

/// Returns `git -C DIR` with the caller's repository variables removed and the configuration
/// that would change git's output neutralised, reading nothing from stdin.
pub(in crate::store) fn command(dir: &Path) -> Command {
    let mut command = away(dir);
    for setting in NEUTRAL_CONFIG {
        command.arg("-c").arg(setting);
    }
    command
}

/// Returns `git -C DIR` with the caller's repository variables removed, reading no stdin.
fn away(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(dir).stdin(Stdio::null());
    for variable in REPOSITORY_VARIABLES {
        command.env_remove(variable);
    }
    command
}

/// Returns the error for git that cannot be started.
pub(in crate::store) fn cannot_run(e: &std::io::Error) -> Error {
    Error::usage(
        format!("cannot run git: {e}"),
        Some("reading the roadmap from git needs git on the PATH".into()),
    )
}

/// Returns git's output for `git -C DIR OPTIONS ARGS`, run away from the caller's repository.
fn run(dir: &Path, options: &[&str], args: &[&str]) -> Result<Output> {
    command(dir)
        .args(options)
        .args(args)
        .output()
        .map_err(|e| cannot_run(&e))
}

/// Returns what `git ARGS` printed, or its complaint as an error. No argument is user input.
pub(in crate::store) fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let output = run(dir, args, &[])?;
    if !output.status.success() {
        return Err(complaint(args[0], &output.stderr));
    }
    Ok(output.stdout)
}

/// Returns the id of the commit `rev` names, `None` when it names none, or git's complaint
/// (not a repository, git too old).
pub(in crate::store) fn try_commit_id(dir: &Path, rev: &str) -> Result<Option<String>> {
    let peeled = format!("{rev}^{{commit}}");
    let args = ["rev-parse", "--verify", "--quiet", "--end-of-options"];
    let output = run(dir, &args, &[&peeled])?;
    let id = String::from_utf8_lossy(&output.stdout).trim().to_string();
    let is_id = matches!(id.len(), 40 | 64) && id.bytes().all(|b| b.is_ascii_hexdigit());
    if output.status.success() && is_id {
        return Ok(Some(id));
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
        return Ok(None);
    }
    Err(complaint("rev-parse", &output.stderr))
}

/// Returns the id of the commit `rev` names, or an error naming `rev` when it names none.
pub(in crate::store) fn commit_id(dir: &Path, rev: &str) -> Result<String> {
    try_commit_id(dir, rev)?.ok_or_else(|| {
        Error::usage(
            format!(
                "`{rev}` is not a commit in the git repository around {}",
                dir.display()
            ),
            Some(
                "git:REV takes a commit: a branch, a tag, a commit id, HEAD~1, main@{2024-06-01}"
                    .into(),
            ),
        )
    })
}

/// Returns the version of git when it is older than `OLDEST_GIT`.
fn too_old(dir: &Path) -> Option<String> {
    // `git -C DIR version`, nothing more: a git too old for the options chipmap passes
    // elsewhere still answers this.
    let output = away(dir).arg("version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let version = text.trim().strip_prefix("git version ")?.to_string();
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    let major = parts.next().flatten()?;
    let minor = parts.next().flatten()?;
    ((major, minor) < OLDEST_GIT).then_some(version)
}

/// Returns git's complaint about `git SUBCOMMAND` as an error, control characters escaped.
pub(in crate::store) fn complaint(subcommand: &str, stderr: &[u8]) -> Error {
    let said = String::from_utf8_lossy(stderr);
    Error::usage(
        format!("git {subcommand}: {}", said.trim()),
        Some("git:REV takes a revision of the repository around the data directory".into()),
    )
}

/// Returns the vendor file a name in the data directory's tree is, if it is one: like a
/// directory listing on disk, YAML files at the top only, no hidden ones, and no name that is
/// not UTF-8 (no vendor id could match it). The stem is returned beside the name.
pub(in crate::store) fn vendor_file_name(name: &[u8]) -> Option<(&str, &str)> {
    let name = std::str::from_utf8(name).ok()?;
    let (stem, extension) = name.rsplit_once('.')?;
    let is_yaml = matches!(extension, "yaml" | "yml");
    (is_yaml && !name.starts_with('.') && !name.contains('/')).then_some((name, stem))
}

/// Returns the vendor a vendor file's blob holds, or the problems that keep it from loading
/// (named after `shown`), by the rules a vendor file on disk is read with.
pub(in crate::store) fn decode_blob(
    shown: &str,
    stem: &str,
    bytes: Vec<u8>,
) -> std::result::Result<Vendor, Vec<crate::error::Diagnostic>> {
    let file = RawFile {
        shown: shown.to_string(),
        stem: stem.to_string(),
        bytes,
    };
    let mut diagnostics = Vec::new();
    let mut vendors = decode_vendor_files(std::slice::from_ref(&file), &mut diagnostics);
    match vendors.pop() {
        Some(vendor) if diagnostics.is_empty() && vendors.is_empty() => Ok(vendor),
        _ => Err(diagnostics),
    }
}
