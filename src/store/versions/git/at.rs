//! `git:REV`: the data directory as committed at REV, read with three git processes whatever
//! the number of files: `rev-parse` for the commit, `ls-tree` for its files, and one
//! `cat-file --batch` for their blobs.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Roadmap;
use crate::store::read::datadir::one_line;
use crate::store::read::file::within_limit;

use super::cat::CatFile;
use super::{SYMLINK_MODE, commit_id, decode_blob, git, vendor_file_name};
use crate::store::read::load::DataDir;
use crate::store::versions::refs::Resolved;

/// Returns the data directory as committed at `rev`.
pub(in crate::store) fn from_git(rev: &str, data: &DataDir) -> Result<Resolved> {
    let dir = git_dir(data, "git:REV")?;
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
    let mut cat: Option<CatFile> = None;
    let mut vendors = Vec::new();
    let mut diagnostics = Vec::new();
    let mut stems: Vec<(String, String)> = Vec::new();
    for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
        let Some(entry) = TreeEntry::parse(record) else {
            return Err(Error::usage(
                format!("git ls-tree printed a line chipmap cannot read, at git:{rev}"),
                None,
            ));
        };
        let Some((name, stem)) = vendor_file_name(entry.name) else {
            continue;
        };
        if entry.kind != "blob" {
            continue;
        }
        // A name may hold a newline or a tab: it is shown escaped, as on disk.
        let shown = format!(
            "git:{rev}:{}",
            one_line(&dir.join(name).display().to_string())
        );
        if entry.mode == SYMLINK_MODE {
            return Err(Error::usage(
                format!("{shown} is a symbolic link in that commit"),
                Some("git:REV reads vendor files stored in git as regular files".into()),
            ));
        }
        within_limit(&shown, entry.size)?;
        let reader = match &mut cat {
            Some(reader) => reader,
            None => cat.insert(CatFile::start(dir)?),
        };
        let bytes = reader.blob(entry.object, &shown)?;
        match decode_blob(&shown, stem, bytes) {
            Ok(vendor) => vendors.push(vendor),
            Err(found) => diagnostics.extend(found),
        }
        // Vendor ids equal file stems: `x.yaml` beside `x.yml` repeats a vendor, as on disk.
        if let Some((_, first)) = stems.iter().find(|(s, _)| s == stem) {
            diagnostics.push(crate::error::Diagnostic::file(
                &shown,
                format!("vendor `{stem}` is also in {first}"),
                Some("keep one file per vendor".into()),
            ));
        }
        stems.push((stem.to_string(), shown));
    }
    if stems.is_empty() {
        return Err(Error::usage(
            format!("no vendor files in {} at git:{rev}", dir.display()),
            None,
        ));
    }
    if !diagnostics.is_empty() {
        return Err(Error::Invalid(diagnostics));
    }
    Ok(Resolved {
        label: format!("git:{rev}"),
        taken: None,
        roadmap: Roadmap { vendors },
    })
}

/// Returns the data directory of `data`, which reading from git (`what`) needs on disk.
pub(in crate::store) fn git_dir<'a>(data: &'a DataDir, what: &str) -> Result<&'a Path> {
    match data {
        DataDir::Path(dir) => Ok(dir),
        DataDir::Embedded => Err(Error::usage(
            format!("{what} needs a data directory inside a git repository"),
            Some("run it in a folder whose roadmaps/ is tracked by git, or give --data DIR".into()),
        )),
    }
}

/// One record of `git ls-tree -z -l`: `MODE SP TYPE SP OBJECT SP SIZE TAB NAME`.
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
