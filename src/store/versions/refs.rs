//! References to a version of the roadmap (FORMAT.md section 5), resolved in one place for
//! `diff`, `show` and `--as-of`: `working`, a snapshot name or unique prefix, a date, a path,
//! or `git:REV`.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{FuzzyDate, Roadmap};

use super::snapshot::{Snapshot, snapshot, snapshot_names, snapshots};
use crate::store::read::load::{DataDir, RawFile, decode_vendor_files, load_data, load_path};

/// A resolved reference: what to call it, when it was taken (snapshots), and the roadmap.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The reference as reports name it: `working`, a snapshot's name, a path, `git:REV`.
    pub label: String,
    pub taken: Option<NaiveDate>,
    pub roadmap: Roadmap,
}

/// Returns the roadmap `reference` names, trying in order: `working`; a snapshot name, or a
/// prefix of exactly one; a date `YYYY-MM-DD` or `YYYY-MM` (the newest snapshot taken on or
/// before that day, or before the end of that month); a path to a vendor file, snapshot file or
/// data directory; `git:REV`. A reference that matches nothing, or several, is an error that
/// names the candidates.
pub fn resolve(reference: &str, data: &DataDir) -> Result<Resolved> {
    if reference == "working" {
        let loaded = load_data(data)?;
        return Ok(Resolved {
            label: "working".into(),
            taken: None,
            roadmap: loaded.roadmap,
        });
    }
    if let Some(rev) = reference.strip_prefix("git:") {
        return from_git(rev, data);
    }
    // Names come from file names (a snapshot's name is its file stem): only the snapshot
    // referred to is read, except for a date, which needs every snapshot's day.
    let names = snapshot_names(data)?;
    let matching: Vec<&String> = match names.iter().find(|n| *n == reference) {
        Some(exact) => vec![exact],
        None => names.iter().filter(|n| n.starts_with(reference)).collect(),
    };
    if let [one] = matching.as_slice() {
        return Ok(from_snapshot(&snapshot(data, one)?));
    }
    if let Some(day) = last_day(reference) {
        let all = snapshots(data)?;
        return match all.iter().rfind(|s| s.meta.taken <= day) {
            Some(newest) => Ok(from_snapshot(newest)),
            None => Err(Error::usage(
                format!("no snapshot taken on or before {day}"),
                Some(candidates(&names)),
            )),
        };
    }
    if matching.len() > 1 {
        let listed: Vec<&str> = matching.iter().map(|n| n.as_str()).collect();
        return Err(Error::usage(
            format!(
                "`{reference}` matches {} snapshots: {}",
                listed.len(),
                listed.join(", ")
            ),
            Some("give more of the name".into()),
        ));
    }
    let path = Path::new(reference);
    if path.exists() {
        let loaded = load_path(path)?;
        let taken = loaded.snapshot.as_ref().map(|s| s.taken);
        return Ok(Resolved {
            label: reference.to_string(),
            taken,
            roadmap: loaded.roadmap,
        });
    }
    Err(Error::usage(
        format!("`{reference}` is not a snapshot, a date, a path or git:REV"),
        Some(candidates(&names)),
    ))
}

/// Returns the newest snapshot (by the day it was taken), the default old side of `diff`.
pub fn resolve_newest(data: &DataDir) -> Result<Resolved> {
    let all = snapshots(data)?;
    all.last().map(from_snapshot).ok_or_else(|| {
        Error::usage(
            format!("no snapshot in {} to compare with", data.display()),
            Some("name the versions (chipmap diff FROM TO), or freeze one with `chipmap snapshot NAME`".into()),
        )
    })
}

fn from_snapshot(snapshot: &Snapshot) -> Resolved {
    Resolved {
        label: snapshot.meta.name.clone(),
        taken: Some(snapshot.meta.taken),
        roadmap: snapshot.roadmap.clone(),
    }
}

/// Returns the hint listing what a reference can be here.
fn candidates(names: &[String]) -> String {
    if names.is_empty() {
        "references: working, a path, git:REV (no snapshots yet: `chipmap snapshot NAME` makes one)"
            .into()
    } else {
        format!(
            "references: working, a path, git:REV, a date, or a snapshot: {}",
            names.join(", ")
        )
    }
}

/// Returns the last day `YYYY-MM-DD` or `YYYY-MM` stands for.
fn last_day(text: &str) -> Option<NaiveDate> {
    let is_day_or_month = text.len() == 10 || text.len() == 7;
    match FuzzyDate::parse(text).ok()? {
        FuzzyDate::Day(day) if is_day_or_month => Some(day),
        month @ FuzzyDate::Month(..) if is_day_or_month => Some(month.end()),
        _ => None,
    }
}

/// Returns the data directory as committed at `rev`, read with the git command line.
fn from_git(rev: &str, data: &DataDir) -> Result<Resolved> {
    let DataDir::Path(dir) = data else {
        return Err(Error::usage(
            "git:REV needs a data directory inside a git repository",
            Some("run it in a folder whose roadmaps/ is tracked by git, or give --data DIR".into()),
        ));
    };
    if rev.is_empty() {
        return Err(Error::usage(
            "git: needs a revision, such as git:HEAD~1 or git:v1.0",
            None,
        ));
    }
    let listing = git(dir, &["ls-tree", "--name-only", rev, "--", "."])?;
    let mut files = Vec::new();
    for name in String::from_utf8_lossy(&listing).lines() {
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if !is_yaml || name.starts_with('.') || name.contains('/') {
            continue;
        }
        let bytes = git(dir, &["show", &format!("{rev}:./{name}")])?;
        let stem = name
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem)
            .to_string();
        files.push(RawFile {
            shown: format!("git:{rev}:{}", dir.join(name).display()),
            stem,
            bytes,
        });
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

/// Returns what `git ARGS` printed, run in `dir`, or its complaint as an error.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            Error::usage(
                format!("cannot run git: {e}"),
                Some("git:REV needs git on the PATH".into()),
            )
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(Error::usage(
            format!("git {}: {}", args.join(" "), said.trim()),
            Some("git:REV takes a revision of the repository around the data directory".into()),
        ));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::last_day;

    #[test]
    fn a_month_reference_means_its_last_day() {
        assert_eq!(
            last_day("2024-06").map(|d| d.to_string()).as_deref(),
            Some("2024-06-30")
        );
        assert_eq!(
            last_day("2024-02").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            last_day("2025-03-18").map(|d| d.to_string()).as_deref(),
            Some("2025-03-18")
        );
        assert_eq!(last_day("2025"), None);
        assert_eq!(last_day("2025H1"), None);
    }
}
