//! `--since` / `--until`: what a bound names (the working data, the version in effect at a
//! commit, a version, a date, a snapshot), and the versions a pair of bounds keeps.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{DateError, FuzzyDate, VersionInfo};

/// Where a bound cuts the list of versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Bound {
    /// The working data.
    Working,
    /// The version at this index of the whole list; `None`: before the first one.
    Index(Option<usize>),
    /// The days from `start` to `end`, inclusive.
    Days(NaiveDate, NaiveDate),
}

/// Returns what `text` names, once `working` and `git:REV` were ruled out: a version's exact
/// name in `versions`, a date, or a snapshot name (or the prefix of exactly one) of the
/// `snapshots` (names), which `at_snapshot` turns into a bound.
pub(super) fn resolve(
    text: &str,
    versions: &[VersionInfo],
    snapshots: &[String],
    at_snapshot: impl Fn(&str) -> Result<Bound>,
) -> Result<Bound> {
    if text.trim().is_empty() {
        return Err(unknown(text, snapshots));
    }
    if let Some(index) = versions.iter().position(|v| v.name == text) {
        return Ok(Bound::Index(Some(index)));
    }
    let date = FuzzyDate::parse(text);
    if let Ok(date) = date {
        return Ok(Bound::Days(date.start(), date.end()));
    }
    if snapshots.iter().any(|name| name == text) {
        return at_snapshot(text);
    }
    let matching: Vec<&str> = snapshots
        .iter()
        .filter(|name| name.starts_with(text))
        .map(String::as_str)
        .collect();
    match matching.as_slice() {
        [one] => return at_snapshot(one),
        [_, _, ..] => {
            return Err(Error::usage(
                format!(
                    "`{text}` matches {} snapshots: {}",
                    matching.len(),
                    matching.join(", ")
                ),
                Some("give more of the name".into()),
            ));
        }
        _ => {}
    }
    // A date with a part out of range (`2024-13`) was meant as a date: say what is wrong.
    if let Err(e) = date
        && !e.is_unrecognised()
    {
        return Err(Error::usage(e.message(), Some(DateError::hint().into())));
    }
    Err(unknown(text, snapshots))
}

/// Returns the error for a bound that names nothing, saying what a bound can be.
pub(super) fn unknown(text: &str, snapshots: &[String]) -> Error {
    let snapshots = match snapshots {
        [] => "a snapshot (there are none yet)".to_string(),
        names => format!("a snapshot: {}", names.join(", ")),
    };
    Error::usage(
        match text.trim() {
            "" => "an empty bound names no version".to_string(),
            _ => format!("`{text}` is not a version, a date or a snapshot"),
        },
        Some(format!(
            "--since and --until take working, git:REV (with --git), a version's name, a date (2025, 2025-03, 2025H2, 2025-03-18) or {snapshots}"
        )),
    )
}

/// Returns the indices of the versions `since` and `until` keep, in order: `since` keeps the
/// versions from the one it names (or taken on or after its date's first day), `until` those
/// up to the one it names (or taken on or before its date's last day). The working data has
/// no date: any date keeps it as a start and cuts it as an end.
pub(super) fn kept(
    versions: &[VersionInfo],
    since: Option<&Bound>,
    until: Option<&Bound>,
) -> Vec<usize> {
    let working = versions.iter().position(|v| v.name == "working");
    (0..versions.len())
        .filter(|&i| {
            let taken = versions[i].taken;
            let after = match since {
                None | Some(Bound::Index(None)) => true,
                Some(Bound::Working) => Some(i) == working,
                Some(Bound::Index(Some(first))) => i >= *first,
                Some(Bound::Days(start, _)) => taken.is_none_or(|t| t >= *start),
            };
            let before = match until {
                None | Some(Bound::Working) => true,
                Some(Bound::Index(None)) => false,
                Some(Bound::Index(Some(last))) => i <= *last,
                Some(Bound::Days(_, end)) => taken.is_some_and(|t| t <= *end),
            };
            after && before
        })
        .collect()
}

/// Returns the error for bounds that keep none of `versions`.
pub(super) fn nothing_left(
    versions: &[VersionInfo],
    since: Option<&str>,
    until: Option<&str>,
) -> Error {
    let asked = match (since, until) {
        (Some(since), Some(until)) => format!("--since {since} --until {until}"),
        (Some(since), None) => format!("--since {since}"),
        (None, Some(until)) => format!("--until {until}"),
        (None, None) => return Error::usage("there is no version to walk", None),
    };
    let shown = |v: &VersionInfo| match v.taken {
        Some(day) => format!("{} ({day})", v.name),
        None => v.name.clone(),
    };
    let hint = match (versions.first(), versions.last()) {
        (Some(first), Some(last)) => {
            format!("the versions run from {} to {}", shown(first), shown(last))
        }
        _ => "there are no versions at all".into(),
    };
    Error::usage(format!("{asked} leaves no version"), Some(hint))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{Bound, kept, resolve};
    use crate::model::VersionInfo;

    fn version(name: &str, taken: Option<&str>) -> VersionInfo {
        VersionInfo {
            name: name.into(),
            taken: taken.map(|t| t.parse().unwrap()),
            subject: None,
        }
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn a_bound_is_a_name_then_a_date_then_a_snapshot() {
        let versions = [
            version("2025", Some("2025-01-01")),
            version("working", None),
        ];
        let snapshots = ["2025".to_string(), "spring".to_string()];
        let by_name = |name: &str| match name {
            "spring" => Ok(Bound::Days(day("2025-04-01"), day("2025-04-01"))),
            other => panic!("{other} is not asked for"),
        };
        let resolve = |text| resolve(text, &versions, &snapshots, by_name);
        assert_eq!(
            resolve("2025").unwrap(),
            Bound::Index(Some(0)),
            "a name first"
        );
        assert_eq!(
            resolve("2025H2").unwrap(),
            Bound::Days(day("2025-07-01"), day("2025-12-31"))
        );
        assert_eq!(
            resolve("spr").unwrap(),
            Bound::Days(day("2025-04-01"), day("2025-04-01"))
        );
        let said = resolve("2025-13").unwrap_err().to_string();
        assert!(said.contains("month"), "{said}");
        let Err(crate::error::Error::Usage { message, hint }) = resolve("nope") else {
            panic!("nothing matches");
        };
        assert!(message.contains("`nope` is not a version"), "{message}");
        assert!(hint.unwrap().contains("2025, spring"));
    }

    #[test]
    fn dates_keep_working_as_a_start_and_cut_it_as_an_end() {
        let versions = [
            version("a", Some("2024-06-01")),
            version("b", Some("2025-03-01")),
            version("working", None),
        ];
        let year = Bound::Days(day("2025-01-01"), day("2025-12-31"));
        assert_eq!(kept(&versions, Some(&year), None), [1, 2]);
        assert_eq!(kept(&versions, None, Some(&year)), [0, 1]);
        assert_eq!(kept(&versions, Some(&Bound::Working), None), [2]);
        assert_eq!(
            kept(&versions, None, Some(&Bound::Index(None))),
            [] as [usize; 0]
        );
        assert_eq!(
            kept(
                &versions,
                Some(&Bound::Index(Some(1))),
                Some(&Bound::Index(Some(1)))
            ),
            [1]
        );
    }
}
