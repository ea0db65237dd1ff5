//! One entry across many versions of the roadmap: where it stood in each snapshot.

use chrono::NaiveDate;

use crate::diff::engine::normalized_name;
use crate::model::{Entry, Roadmap};

/// A version of the roadmap: its name, when it was taken (`None`: the working data).
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub label: &'a str,
    pub taken: Option<NaiveDate>,
    pub roadmap: &'a Roadmap,
}

/// The entry as one version had it.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub label: String,
    pub taken: Option<NaiveDate>,
    /// The entry's key in that version (it differs before a rename).
    pub key: String,
    pub entry: Entry,
}

/// Returns the entry `vendor`/`entry` in each version that has it, in the order given: the same
/// key, or an earlier key the entry now lists in its aliases, or the same name ignoring case,
/// spaces, hyphens and underscores (the rename rules of docs/format.md section 7).
pub fn trajectory(vendor: &str, entry: &Entry, versions: &[Version]) -> Vec<Point> {
    let aliases: Vec<String> = entry
        .aliases
        .iter()
        .map(|a| a.to_ascii_lowercase())
        .collect();
    let name = normalized_name(&entry.name);
    let same = |e: &Entry| {
        e.id == entry.id
            || aliases.contains(&e.id.to_ascii_lowercase())
            || aliases.contains(&e.name.to_ascii_lowercase())
            || normalized_name(&e.name) == name
    };
    versions
        .iter()
        .filter_map(|version| {
            let found = version
                .roadmap
                .vendors
                .iter()
                .find(|v| v.vendor == vendor)?;
            // The same id first; an earlier identity only when the id is not there.
            let old = found
                .entries
                .iter()
                .find(|e| e.id == entry.id)
                .or_else(|| found.entries.iter().find(|e| same(e)))?;
            Some(Point {
                label: version.label.to_string(),
                taken: version.taken,
                key: old.key(vendor),
                entry: old.clone(),
            })
        })
        .collect()
}
