//! Which changed fields a diff reports: `--fields PATHS` keeps only those, `--ignore PATHS`
//! drops those (docs/format.md section 7). A path covers itself and, as a prefix, its
//! children: `memory` covers `memory.capacity_gb`, `specs` every `specs.NAME`.

use std::collections::BTreeSet;

use super::{ChangeKind, Changes, Summary};
use crate::model::{ENTRY_FIELDS, MEMORY_FIELDS, Roadmap, closest};
use crate::{Error, Result};

/// Returns every path a diff compares, besides `specs.NAME`, in the order of docs/format.md
/// section 2: the entry's fields, `memory` followed by its own.
pub fn field_paths() -> Vec<String> {
    ENTRY_FIELDS
        .iter()
        .flat_map(|field| match *field {
            "memory" => std::iter::once(field.to_string())
                .chain(MEMORY_FIELDS.iter().map(|m| format!("memory.{m}")))
                .collect(),
            _ => vec![field.to_string()],
        })
        .collect()
}

/// The fields asked for and the fields ignored; both empty reports every field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldSelection {
    only: Vec<String>,
    ignore: Vec<String>,
}

impl FieldSelection {
    /// Returns the selection of `only` (`--fields`) less `ignore` (`--ignore`), each path checked
    /// against the fields a diff compares and the spec names `roadmaps` use; an unknown path is
    /// a usage error with the closest known path.
    pub fn new(
        only: &[String],
        ignore: &[String],
        roadmaps: &[&Roadmap],
    ) -> Result<FieldSelection> {
        // Nothing to check: the spec names of 100,000 entries are not worth collecting.
        if only.is_empty() && ignore.is_empty() {
            return Ok(FieldSelection::default());
        }
        let specs: BTreeSet<String> = roadmaps
            .iter()
            .flat_map(|r| r.entries())
            .flat_map(|(_, e)| e.specs.iter().map(|(name, _)| format!("specs.{name}")))
            .collect();
        let known = field_paths();
        let check = |flag: &str, paths: &[String]| -> Result<Vec<String>> {
            let paths = paths.iter().map(|p| p.trim()).filter(|p| !p.is_empty());
            paths
                .map(|path| {
                    if known.iter().any(|k| k == path) || specs.contains(path) {
                        Ok(path.to_string())
                    } else {
                        Err(unknown(flag, path, &specs))
                    }
                })
                .collect()
        };
        Ok(FieldSelection {
            only: check("--fields", only)?,
            ignore: check("--ignore", ignore)?,
        })
    }

    /// Returns whether a change of the field at `path` is reported.
    pub fn keeps(&self, path: &str) -> bool {
        let covers = |p: &String| {
            path == p
                || path
                    .strip_prefix(p.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        };
        (self.only.is_empty() || self.only.iter().any(covers)) && !self.ignore.iter().any(covers)
    }

    /// Returns whether every field is reported.
    pub fn is_everything(&self) -> bool {
        self.only.is_empty() && self.ignore.is_empty()
    }
}

fn unknown(flag: &str, path: &str, specs: &BTreeSet<String>) -> Error {
    let message = format!("{flag}: `{path}` is not a field a diff compares");
    let known = field_paths();
    let candidates = known
        .iter()
        .map(String::as_str)
        .chain(specs.iter().map(String::as_str));
    let hint = match closest(path, candidates) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!(
            "paths are {}, or specs.NAME for a spec the roadmaps use",
            known.join(", ")
        ),
    };
    Error::usage(message, Some(hint))
}

impl Changes {
    /// Returns the changes with only the fields `selection` keeps, the summary counted again.
    /// An added or removed entry stays (it has no fields); a modified or renamed one whose
    /// every change is left out disappears. A rename is a change of `id`.
    pub fn select(mut self, selection: &FieldSelection) -> Changes {
        if selection.is_everything() {
            return self;
        }
        self.changes.retain_mut(|change| {
            change.fields.retain(|f| selection.keeps(&f.path));
            matches!(change.change, ChangeKind::Added | ChangeKind::Removed)
                || !change.fields.is_empty()
        });
        self.summary = Summary::of(&self.changes);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::FieldSelection;
    use crate::diff::diff;
    use crate::diff::fields::tests::{date, entry};
    use crate::model::{Roadmap, SpecValue, Vendor};

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn roadmap(entries: Vec<crate::model::Entry>) -> Roadmap {
        Roadmap {
            vendors: vec![Vendor {
                vendor: "v".into(),
                name: "V".into(),
                entries,
                ..Vendor::default()
            }],
        }
    }

    #[test]
    fn a_prefix_covers_its_children_and_ignore_wins() {
        let none: &[&Roadmap] = &[];
        let pick = |only: &[&str], ignore: &[&str]| {
            FieldSelection::new(&strings(only), &strings(ignore), none).expect("known paths")
        };
        let memory = pick(&["memory", "notes"], &["memory.type"]);
        assert!(memory.keeps("memory.capacity_gb") && memory.keeps("notes"));
        assert!(!memory.keeps("memory.type") && !memory.keeps("available"));
        // `name` is no prefix of `names`, nor `spec` of `specs.x`.
        let name = pick(&[], &["name", "specs"]);
        assert!(name.keeps("notes") && !name.keeps("specs.tdp_w") && !name.keeps("name"));
        assert!(pick(&[], &[" ", ""]).is_everything());
    }

    #[test]
    fn an_unknown_path_names_the_closest() {
        let mut a = entry("a", "A");
        a.specs = vec![("tdp_w".into(), SpecValue::Number(700.0))];
        let roadmap = roadmap(vec![a]);
        let said = |only: &[&str]| {
            let err = FieldSelection::new(&strings(only), &[], &[&roadmap]).expect_err("unknown");
            match err {
                crate::Error::Usage { message, hint } => format!("{message} / {hint:?}"),
                other => panic!("{other}"),
            }
        };
        assert!(said(&["availble"]).contains("did you mean `available`?"));
        assert!(said(&["specs.tdpw"]).contains("did you mean `specs.tdp_w`?"));
        assert!(said(&["zzzzzzzz"]).contains("specs.NAME"));
        assert!(FieldSelection::new(&strings(&["specs.tdp_w"]), &[], &[&roadmap]).is_ok());
    }

    #[test]
    fn an_entry_whose_only_changes_are_ignored_disappears() {
        let (a, b) = (entry("a", "A"), entry("b", "B"));
        let old = roadmap(vec![a.clone(), b.clone()]);
        let (mut a2, mut b2) = (a, b);
        a2.notes = Some("changed".into());
        b2.notes = Some("changed".into());
        b2.available = Some(date("2027"));
        let new = roadmap(vec![a2, b2, entry("c", "C")]);
        let ignore = FieldSelection::new(&[], &strings(&["notes"]), &[]).expect("known");
        let changes = diff(&old, &new).select(&ignore);
        let keys: Vec<&str> = changes.changes.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys, ["v/b", "v/c"]);
        assert_eq!(changes.changes[0].fields.len(), 1);
        assert_eq!((changes.summary.modified, changes.summary.slipped), (1, 1));
        let only_notes = FieldSelection::new(&strings(&["notes"]), &[], &[]).expect("known");
        assert_eq!(diff(&old, &new).select(&only_notes).summary.slipped, 0);
    }
}
