//! Two roadmaps -> the changes between them (pure: no I/O, no formatting). Renderers in
//! `render` turn `Changes` into text, JSON, Markdown.

mod engine;
mod fields;
mod history;

use serde::Serialize;

use crate::model::{FuzzyDate, Shift, ShiftClass};

pub use engine::diff;
pub use history::{Point, Version, trajectory};

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

/// Counts of entries by change, and of entries whose `available` date slipped or was pulled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
    pub renamed: usize,
    pub slipped: usize,
    pub pulled_in: usize,
}

impl Changes {
    /// Returns whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl Summary {
    /// Returns the counts of `changes`: by kind, and by the shift of their `available` date.
    pub fn of(changes: &[EntryChange]) -> Summary {
        let mut summary = Summary::default();
        for change in changes {
            match change.change {
                ChangeKind::Added => summary.added += 1,
                ChangeKind::Removed => summary.removed += 1,
                ChangeKind::Modified => summary.modified += 1,
                ChangeKind::Renamed => summary.renamed += 1,
            }
            let available = change.fields.iter().find(|f| f.path == "available");
            match available.and_then(|f| f.shift).map(|s| s.class) {
                Some(ShiftClass::Slipped) => summary.slipped += 1,
                Some(ShiftClass::PulledIn) => summary.pulled_in += 1,
                _ => {}
            }
        }
        summary
    }
}

impl Changes {
    /// Returns only the changes `keep` accepts, with the summary counted again.
    pub fn retain(mut self, keep: impl Fn(&EntryChange) -> bool) -> Changes {
        self.changes.retain(|c| keep(c));
        self.summary = Summary::of(&self.changes);
        self
    }
}
