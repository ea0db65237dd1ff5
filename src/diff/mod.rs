//! Two roadmaps -> the changes between them (pure: no I/O, no formatting). Renderers in
//! `render` turn `Changes` into text, JSON, Markdown.

mod engine;
mod fields;
mod history;
mod select;
mod words;

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Entry, Filter, FuzzyDate, Roadmap, Shift, ShiftClass, Status};

pub use engine::diff;
use engine::diff_vendor;
pub use history::{
    EntryHistory, EntrySlips, Event, Follower, Histories, Move, Position, Promise, Slips, Step,
    VendorSlips, Verdict, slips,
};
pub use select::{FieldSelection, field_paths};
pub use words::{Run, WordDiff};

/// Every difference between an old and a new roadmap, entry by entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// In vendor order of the new roadmap (vendors only in the old one after), then by key.
    pub changes: Vec<EntryChange>,
    pub summary: Summary,
}

/// What happened to one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryChange {
    /// `vendor/id` (the new key for a rename).
    pub key: String,
    /// The vendor id, for grouping.
    #[serde(skip)]
    pub vendor: String,
    /// The entry's name (the new name when it changed).
    pub name: String,
    pub change: ChangeKind,
    /// The old key, for a rename.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// Every changed field (empty for an addition or a removal).
    pub fields: Vec<FieldChange>,
    /// For an addition, where the new entry stands; for a removal, where the old one stood.
    #[serde(skip)]
    pub standing: Option<Standing>,
}

/// Where an added or removed entry stands, so a reader sees what came or went at a glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    pub status: Status,
    pub available: Option<FuzzyDate>,
    /// The memory as `HBM3E 288GB`, when any of it is known.
    pub memory: Option<String>,
}

impl Standing {
    /// Returns where `entry` stands.
    pub fn of(entry: &Entry) -> Standing {
        Standing {
            status: entry.status,
            available: entry.available,
            memory: entry.memory_label(),
        }
    }
}

/// The four kinds of change of docs/format.md section 7.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    Renamed,
}

/// One changed field: its dotted path (`available`, `memory.capacity_gb`, `specs.tdp_w`,
/// `sources`), the old and new values (`None`: absent on that side) and, for a date, its shift.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub path: String,
    #[serde(rename = "from")]
    pub old: Option<FieldValue>,
    #[serde(rename = "to")]
    pub new: Option<FieldValue>,
    /// For a date that moved: refined / widened / slipped / pulled_in, and signed days.
    #[serde(skip)]
    pub shift: Option<Shift>,
    /// Whether the date slipped or was pulled in on an entry that had already shipped on the
    /// old side: the move corrects the record and is no slip (docs/format.md section 9).
    #[serde(skip)]
    pub corrects: bool,
}

/// A field's value as it is in the files (dates canonical).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(String),
    Number(#[serde(serialize_with = "crate::model::number_as_written")] f64),
    Bool(bool),
    Date(FuzzyDate),
    List(Vec<String>),
}

/// Counts of entries by change, and of entries whose dates slipped or were pulled in:
/// `slipped` and `pulled_in` count `available` dates (the contract of docs/format.md section 7),
/// `announced_slipped` and `announced_pulled_in` the `announced` ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
    pub renamed: usize,
    pub slipped: usize,
    pub pulled_in: usize,
    pub announced_slipped: usize,
    pub announced_pulled_in: usize,
    /// Of `slipped` and `pulled_in`, the entries whose `available` date moved after they had
    /// shipped: corrections of the record (docs/format.md section 9). Text output says so; the
    /// JSON summary keeps the shape of section 7, and each such field says `correction`.
    #[serde(skip)]
    pub corrected: usize,
}

impl Changes {
    /// Returns whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl Summary {
    /// Returns the counts of `changes`: by kind, and by the shifts of their dates.
    pub fn of(changes: &[EntryChange]) -> Summary {
        let mut summary = Summary::default();
        for change in changes {
            match change.change {
                ChangeKind::Added => summary.added += 1,
                ChangeKind::Removed => summary.removed += 1,
                ChangeKind::Modified => summary.modified += 1,
                ChangeKind::Renamed => summary.renamed += 1,
            }
            let field = |path: &str| change.fields.iter().find(|f| f.path == path);
            let shift = |path: &str| field(path).and_then(|f| f.shift).map(|s| s.class);
            if field("available").is_some_and(|f| f.corrects) {
                summary.corrected += 1;
            }
            match shift("available") {
                Some(ShiftClass::Slipped) => summary.slipped += 1,
                Some(ShiftClass::PulledIn) => summary.pulled_in += 1,
                _ => {}
            }
            match shift("announced") {
                Some(ShiftClass::Slipped) => summary.announced_slipped += 1,
                Some(ShiftClass::PulledIn) => summary.announced_pulled_in += 1,
                _ => {}
            }
        }
        summary
    }
}

/// Returns the changes from `old` to `new` that `filter` asks for: between the vendors it
/// names (on both sides), those of the entries that pass it on either side (see
/// [`Changes::keep_entries`]).
pub fn diff_filtered(old: &Roadmap, new: &Roadmap, filter: &Filter) -> Changes {
    let (old, new) = (filter.narrow_vendors(old), filter.narrow_vendors(new));
    let changes = diff(&old, &new);
    if filter.has_entry_criteria() {
        changes.keep_entries(filter, &old, &new)
    } else {
        changes
    }
}

impl Changes {
    /// Returns only the changes `keep` accepts, with the summary counted again.
    pub fn retain(mut self, keep: impl Fn(&EntryChange) -> bool) -> Changes {
        self.changes.retain(|c| keep(c));
        self.summary = Summary::of(&self.changes);
        self
    }

    /// Returns the changes whose entry, on either side, passes the filter's entry criteria:
    /// a status filter keeps an entry that was cancelled, and shows it as modified, not as
    /// added. `old` and `new` are the roadmaps the changes were found between.
    pub fn keep_entries(self, filter: &Filter, old: &Roadmap, new: &Roadmap) -> Changes {
        let index = |roadmap: &Roadmap| -> HashMap<String, Entry> {
            roadmap
                .entries()
                .map(|(v, e)| (e.key(&v.vendor), e.clone()))
                .collect()
        };
        let (old, new) = (index(old), index(new));
        self.retain(|change| {
            let old_key = change.renamed_from.as_deref().unwrap_or(&change.key);
            [old.get(old_key), new.get(&change.key)]
                .into_iter()
                .flatten()
                .any(|e| filter.keeps_entry(e))
        })
    }
}
