//! References to a version of the roadmap (docs/format.md section 5), resolved in one place for
//! `diff`, `show` and `--as-of`: `working`, a snapshot name or unique prefix, a date, a path,
//! or `git:REV`.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{DateError, FuzzyDate, Roadmap};

use super::git::at::from_git;
use super::snapshot::{Snapshot, snapshot, snapshot_names, snapshots};
use crate::store::read::load::{DataDir, load_data, load_path};

/// A resolved reference: what to call it, when it was taken (snapshots), and the roadmap.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The reference as reports name it: `working`, a snapshot's name, a path, `git:REV`.
    pub label: String,
    pub taken: Option<NaiveDate>,
    pub roadmap: Roadmap,
}

/// Returns the roadmap `reference` names, trying in order: `working`; `git:REV`; a snapshot
/// name, or a prefix of exactly one; a date `YYYY-MM-DD` or `YYYY-MM` (the newest snapshot
/// taken on or before that day, or before the end of that month); a path to a vendor file,
/// snapshot file or data directory. A reference that matches nothing, or several, is an error
/// that names the candidates; so is an empty one, and a snapshot prefix or a date that is also
/// an existing path (`./NAME` always means the path).
pub fn resolve(reference: &str, data: &DataDir) -> Result<Resolved> {
    if reference.trim().is_empty() {
        return Err(Error::usage(
            "an empty reference names no version of the roadmap",
            Some(candidates(&snapshot_names(data)?)),
        ));
    }
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
    if let Some(exact) = names.iter().find(|n| *n == reference) {
        return Ok(from_snapshot(&snapshot(data, exact)?));
    }
    let matching: Vec<&str> = names
        .iter()
        .filter(|n| n.starts_with(reference))
        .map(String::as_str)
        .collect();
    let day = last_day(reference);
    let path = Path::new(reference);
    let is_path = path.exists();
    if is_path && (!matching.is_empty() || day.is_some()) {
        return Err(path_or_version(reference, &matching));
    }
    if let [one] = matching.as_slice() {
        return Ok(from_snapshot(&snapshot(data, one)?));
    }
    if let Some(day) = day {
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
        return Err(Error::usage(
            format!(
                "`{}` matches {} snapshots: {}",
                reference,
                matching.len(),
                matching.join(", ")
            ),
            Some("give more of the name".into()),
        ));
    }
    if is_path {
        let loaded = load_path(path)?;
        let taken = loaded.snapshot.as_ref().map(|s| s.taken);
        return Ok(Resolved {
            label: reference.to_string(),
            taken,
            roadmap: loaded.roadmap,
        });
    }
    // A date with a part out of range (`2024-13`) was meant as a date: say what is wrong.
    if let Err(e) = FuzzyDate::parse(reference)
        && !e.is_unrecognised()
    {
        return Err(Error::usage(e.message(), Some(DateError::hint().into())));
    }
    Err(Error::usage(
        format!(
            "`{}` is not a snapshot, a date, a path or git:REV",
            reference
        ),
        Some(candidates(&names)),
    ))
}

/// Returns the error for a reference that is an existing path and also a snapshot prefix (of
/// `matching`) or a date: guessing would compare a version the user did not mean.
fn path_or_version(reference: &str, matching: &[&str]) -> Error {
    let other = match matching {
        [] => "a date".to_string(),
        _ => format!("the start of snapshot {}", matching.join(", ")),
    };
    Error::usage(
        format!("`{reference}` is both a path and {other}"),
        Some(format!(
            "write ./{reference} for the path, or the snapshot's full name"
        )),
    )
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

/// Returns the last day a date reference stands for: a day, a month, a quarter or half
/// (`2024H2`, `2H24`), or a year written `CY2024`. A bare year (`2024`) is left to be the start
/// of snapshot names, as it always was.
fn last_day(text: &str) -> Option<NaiveDate> {
    let is_bare_year = text.bytes().all(|b| b.is_ascii_digit());
    match FuzzyDate::parse(text).ok()? {
        FuzzyDate::Year(_) if is_bare_year => None,
        date => Some(date.end()),
    }
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
        assert_eq!(
            last_day("2025H1").map(|d| d.to_string()).as_deref(),
            Some("2025-06-30")
        );
        assert_eq!(
            last_day("3Q24").map(|d| d.to_string()).as_deref(),
            Some("2024-09-30")
        );
        assert_eq!(
            last_day("CY2024").map(|d| d.to_string()).as_deref(),
            Some("2024-12-31")
        );
    }
}
