//! Many versions of the roadmap -> each entry's story (docs/format.md sections 8 and 9): where
//! its fields changed, across renames, and how its `available` date kept its promise. Pure:
//! the versions come from `store`, the numbers go to `render`.

mod follow;
mod slips;
#[cfg(test)]
mod tests;

use serde::Serialize;

use super::FieldChange;
use crate::model::{Entry, Filter, FuzzyDate, Roadmap, Status, Vendor, VersionInfo};

pub use follow::Follower;
pub use slips::{EntrySlips, Move, Promise, Slips, VendorSlips, Verdict, slips};

/// Every entry's story over a list of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Histories {
    /// The versions, oldest first; every `version` below indexes this list.
    pub versions: Vec<VersionInfo>,
    /// One per entry that some version had: by vendor in the order of the newest version that
    /// has the vendor, then in that version's file order; entries dropped before the end after
    /// the vendor's others, in the order they were dropped.
    pub entries: Vec<EntryHistory>,
    /// Each vendor id with its display name in the newest version that has it.
    pub vendor_names: Vec<(String, String)>,
}

/// One entry followed through the versions.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryHistory {
    /// `vendor/id` as the newest version that has it names it.
    pub key: String,
    pub vendor: String,
    /// Its name in the newest version that has it.
    pub name: String,
    /// The keys it had before renames, oldest first.
    pub former_keys: Vec<String>,
    /// The first version that has it.
    pub first_version: usize,
    /// The entry as that version had it.
    pub first: Entry,
    /// The entry as the newest version that has it had it.
    pub last: Entry,
    /// The newest version that has it (the last version unless it was dropped).
    pub last_version: usize,
    /// Every version where it changed, was dropped or came back, oldest first.
    pub steps: Vec<Step>,
}

/// What happened to an entry in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub version: usize,
    pub event: Event,
    /// The fields that differ from the version before (for `Back`, from the version before it
    /// was dropped), in the order of `diff`; a rename has its `id` here. Empty for `Dropped`.
    pub fields: Vec<FieldChange>,
    /// The sources this version lists that the version before did not: what the change rests on.
    pub sources_added: Vec<String>,
    /// Where the entry stood after this step (for `Dropped`: where it stood before).
    pub after: Position,
}

/// The kind of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// Fields changed (a rename is a change of `id`).
    Changed,
    /// The version does not have the entry.
    Dropped,
    /// The entry is back after being dropped.
    Back,
}

/// The few values a history shows of each step, so that a long history holds no copies of
/// whole entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub key: String,
    pub name: String,
    pub status: Status,
    pub available: Option<FuzzyDate>,
    /// The memory as `HBM3E 288GB`, when any of it is known.
    pub memory: Option<String>,
}

impl Position {
    /// Returns where `entry` of `vendor` stands.
    pub fn of(vendor: &str, entry: &Entry) -> Position {
        Position {
            key: entry.key(vendor),
            name: entry.name.clone(),
            status: entry.status,
            available: entry.available,
            memory: entry.memory_label(),
        }
    }
}

impl EntryHistory {
    /// Returns where the entry stood in its first version.
    pub fn first_position(&self) -> Position {
        let vendor = &self.vendor;
        Position::of(vendor, &self.first)
    }

    /// Returns each version where the entry's standing began, with that standing: the first
    /// version, then every step (a `Dropped` step stands for the versions without it).
    pub fn positions(&self) -> impl Iterator<Item = (usize, Option<Position>)> + '_ {
        std::iter::once((self.first_version, Some(self.first_position()))).chain(
            self.steps.iter().map(|s| {
                let position = (s.event != Event::Dropped).then(|| s.after.clone());
                (s.version, position)
            }),
        )
    }

    /// Returns whether `filter` (resolved: `--vendor` values are vendor ids) keeps the entry as
    /// it stands in the newest version that has it.
    pub fn passes(&self, filter: &Filter) -> bool {
        let vendor = filter.vendors.is_empty() || filter.vendors.contains(&self.vendor);
        vendor && filter.keeps_entry(&self.last)
    }

    /// Returns whether some version gave the entry an `available` date (a chart can draw it).
    pub fn has_available(&self) -> bool {
        self.positions()
            .any(|(_, p)| p.is_some_and(|p| p.available.is_some()))
    }

    /// Returns whether the newest version lacks the entry.
    pub fn is_dropped(&self, versions: usize) -> bool {
        self.last_version + 1 < versions
    }
}

impl Histories {
    /// Returns the histories of the entries `filter` keeps as they stand in the newest version
    /// that has them (a resolved filter: `--vendor` values are vendor ids).
    pub fn filtered(mut self, filter: &Filter) -> Histories {
        self.entries.retain(|e| e.passes(filter));
        self
    }

    /// Returns a vendor's display name in the newest version that has it (its id if none).
    pub fn vendor_name<'a>(&'a self, vendor: &'a str) -> &'a str {
        self.vendor_names
            .iter()
            .find(|(id, _)| id == vendor)
            .map_or(vendor, |(_, name)| name.as_str())
    }

    /// Returns every entry as it last stood, as one roadmap: what a KEY is looked up in.
    pub fn latest(&self) -> Roadmap {
        let mut vendors: Vec<Vendor> = Vec::new();
        for entry in &self.entries {
            let at = match vendors.iter().position(|v| v.vendor == entry.vendor) {
                Some(at) => at,
                None => {
                    vendors.push(Vendor {
                        vendor: entry.vendor.clone(),
                        name: self.vendor_name(&entry.vendor).to_string(),
                        ..Vendor::default()
                    });
                    vendors.len() - 1
                }
            };
            vendors[at].entries.push(entry.last.clone());
        }
        Roadmap { vendors }
    }

    /// Returns the history of the entry whose key is, or was, `key`.
    pub fn by_key(&self, key: &str) -> Option<&EntryHistory> {
        self.entries.iter().find(|e| e.key == key).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.former_keys.iter().any(|k| k == key))
        })
    }
}
