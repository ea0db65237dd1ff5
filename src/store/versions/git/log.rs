//! The commits that changed the data directory, and which vendor files each changed: read
//! from ONE `git log --raw` along HEAD's first-parent line, streamed, so that a history of
//! many commits never holds git's whole output, only each version's list of changes.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::VersionInfo;

use super::{cannot_run, command, complaint, vendor_file_name};

/// What a change leaves at a vendor file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) enum Content {
    /// A regular file (`100644`, `100755`) holding this blob (an id as git abbreviated it).
    Blob(Box<str>),
    /// A symbolic link or a submodule: nothing chipmap reads; git's mode says which.
    Other(Box<str>),
    Deleted,
}

/// One vendor file changed by one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::store) struct Change {
    /// Its index in `Log::files`.
    pub(in crate::store) file: usize,
    pub(in crate::store) content: Content,
}

/// One commit that changed a vendor file.
#[derive(Debug, Clone)]
pub(in crate::store) struct Commit {
    pub(in crate::store) info: VersionInfo,
    pub(in crate::store) changes: Vec<Change>,
}

/// The first-parent history of the data directory, oldest first.
#[derive(Debug, Default)]
pub(in crate::store) struct Log {
    /// The vendor file names any commit touched, each once.
    pub(in crate::store) files: Vec<String>,
    /// The commits that changed one of them.
    pub(in crate::store) commits: Vec<Commit>,
    /// For each commit asked about that is on the line: the index in `commits` of the newest
    /// one at or before it (`None`: it is older than every commit that changed the data).
    pub(in crate::store) in_effect: HashMap<String, Option<usize>>,
}

/// The format of a commit's header: a mark no file name starts a record with, then the full
/// id, git's unique short id, the committer date in the committer's zone, the subject.
const FORMAT: &str = "--format=%x01%H%x00%h%x00%cI%x00%s";

/// Returns the history of the data directory `dir` along the first-parent line of `head`
/// (a commit id), noting where each of the commits `asked` (full ids) falls in it.
pub(in crate::store) fn read_log(dir: &Path, head: &str, asked: &[String]) -> Result<Log> {
    let mut child = command(dir)
        .args([
            "log",
            "--first-parent",
            "--reverse",
            "--raw",
            "-z",
            // Merges show their change from the first parent (`-m` for git 2.30, where
            // `--first-parent` alone shows none); the root commit shows what it added.
            "-m",
            "--root",
            "--no-renames",
            "--relative",
            "--no-color",
            "--no-show-signature",
            "--no-notes",
            "--no-ext-diff",
            "--no-textconv",
            "--ignore-submodules=none",
            "--encoding=UTF-8",
            FORMAT,
            head,
            "--",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| cannot_run(&e))?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| Error::usage("git log started without its output", None))?;
    let parsed = parse(BufReader::new(stdout), asked);
    let output = child.wait_with_output().map_err(|e| cannot_run(&e))?;
    if !output.status.success() {
        return Err(complaint("log", &output.stderr));
    }
    parsed
}

/// Returns the history `git log` printed on `input`.
fn parse(mut input: impl BufRead, asked: &[String]) -> Result<Log> {
    let mut log = Log::default();
    let mut names: HashMap<String, usize> = HashMap::new();
    // The commit being read, and whether it was asked about.
    let mut current: Option<(Commit, Option<String>)> = None;
    while let Some(token) = next_token(&mut input)? {
        if let Some(id) = token.strip_prefix(b"\x01") {
            finish(&mut log, current.take());
            let id = String::from_utf8_lossy(id).into_owned();
            let short = String::from_utf8_lossy(&expect_token(&mut input)?).into_owned();
            let date = expect_token(&mut input)?;
            let subject = String::from_utf8_lossy(&expect_token(&mut input)?).into_owned();
            let info = VersionInfo {
                name: format!("git:{short}"),
                taken: Some(day(&date)?),
                subject: Some(subject),
            };
            let asked = asked.contains(&id).then_some(id);
            let commit = Commit {
                info,
                changes: Vec::new(),
            };
            current = Some((commit, asked));
            continue;
        }
        // `:OLD_MODE NEW_MODE OLD_ID NEW_ID STATUS`, then the path; the first record of a
        // commit starts on a new line.
        let record = token.strip_prefix(b"\n").unwrap_or(&token);
        let path = expect_token(&mut input)?;
        let Some((commit, _)) = current.as_mut() else {
            return Err(unreadable());
        };
        let content = content(record)?;
        let Some((name, _)) = vendor_file_name(&path) else {
            continue;
        };
        let next = names.len();
        let file = *names.entry(name.to_string()).or_insert(next);
        if file == log.files.len() {
            log.files.push(name.to_string());
        }
        commit.changes.push(Change { file, content });
    }
    finish(&mut log, current.take());
    Ok(log)
}

/// Adds a commit read whole to the log: a version when it changed a vendor file.
fn finish(log: &mut Log, read: Option<(Commit, Option<String>)>) {
    let Some((commit, asked)) = read else { return };
    if !commit.changes.is_empty() {
        log.commits.push(commit);
    }
    if let Some(id) = asked {
        log.in_effect.insert(id, log.commits.len().checked_sub(1));
    }
}

/// Returns what a `--raw` record leaves at its path.
fn content(record: &[u8]) -> Result<Content> {
    let text = std::str::from_utf8(record).map_err(|_| unreadable())?;
    let fields: Vec<&str> = text.strip_prefix(':').unwrap_or("").split(' ').collect();
    let [_, mode, _, object, status] = fields.as_slice() else {
        return Err(unreadable());
    };
    // An id git abbreviated may end in `...` under an old setting; the id is what comes before.
    let object = object.trim_end_matches('.');
    Ok(match (*status, *mode) {
        ("D", _) | (_, "000000") => Content::Deleted,
        (_, "100644" | "100755") => Content::Blob(object.into()),
        (_, mode) => Content::Other(mode.into()),
    })
}

/// Returns the calendar day of a strict ISO 8601 date (`2025-03-18T10:00:00+01:00`), as it
/// was where it was committed.
fn day(date: &[u8]) -> Result<NaiveDate> {
    let text = String::from_utf8_lossy(date);
    text.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .ok_or_else(unreadable)
}

/// Returns the next NUL-terminated token, or `None` at the end.
fn next_token(input: &mut impl BufRead) -> Result<Option<Vec<u8>>> {
    let mut token = Vec::new();
    let read = input.read_until(0, &mut token).map_err(|_| unreadable())?;
    if read == 0 {
        return Ok(None);
    }
    if token.last() == Some(&0) {
        token.pop();
    }
    Ok(Some(token))
}

/// Returns the next token, which must be there.
fn expect_token(input: &mut impl BufRead) -> Result<Vec<u8>> {
    next_token(input)?.ok_or_else(unreadable)
}

fn unreadable() -> Error {
    Error::usage("git log printed a record chipmap cannot read", None)
}

#[cfg(test)]
mod tests {
    use super::{Content, parse};

    #[test]
    fn a_raw_log_is_read_into_the_commits_that_changed_vendor_files() {
        let text = b"\x01aaaa\0aa\x002025-03-18T23:30:00-05:00\0first\0\n:000000 100644 000 b1 A\0acme.yaml\0:000000 100644 000 b2 A\0snapshots/s.yaml\0\x01bbbb\0bb\x002025-03-19T01:00:00+01:00\0only a snapshot\0\n:100644 100644 b2 b3 M\0snapshots/s.yaml\0\x01cccc\0cc\x002025-04-01T00:00:00Z\0gone\0\n:100644 000000 b1 000 D\0acme.yaml\0:000000 120000 000 b4 A\0link.yml\0";
        let log = parse(&text[..], &["bbbb".to_string(), "zzzz".to_string()]).unwrap();
        let names: Vec<&str> = log.commits.iter().map(|c| c.info.name.as_str()).collect();
        assert_eq!(names, ["git:aa", "git:cc"]);
        // The day as it was where it was committed, not in UTC.
        let day = log.commits[0].info.taken.unwrap().to_string();
        assert_eq!(day, "2025-03-18");
        assert_eq!(log.commits[1].info.subject.as_deref(), Some("gone"));
        assert_eq!(log.files, ["acme.yaml", "link.yml"]);
        assert_eq!(log.commits[1].changes[0].content, Content::Deleted);
        assert_eq!(
            log.commits[1].changes[1].content,
            Content::Other("120000".into())
        );
        assert_eq!(log.in_effect.get("bbbb"), Some(&Some(0)));
        assert_eq!(log.in_effect.get("zzzz"), None, "not on the line");
    }
}
