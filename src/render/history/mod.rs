//! `chipmap history`: each entry's story (docs/format.md section 8) as compact text or a full
//! log for a terminal (text.rs), a Markdown document (markdown.rs), CSV (csv.rs) or JSON
//! (json.rs). What the people's formats say about a step is worded here, once.

mod csv;
mod json;
mod markdown;
mod text;

#[cfg(test)]
mod tests;

use crate::diff::{EntryHistory, Event, FieldChange, FieldValue, Histories, Position, Step};
use crate::model::VersionInfo;
use crate::render::diff::{Words, how_it_moved, side_text, standing_units};

pub use csv::write_csv;
pub use json::{to_json, write_json};
pub use markdown::write_markdown;
pub use text::{write_compact, write_log};

/// What to draw: the histories and the entries chosen (filtered, in order).
#[derive(Debug, Clone)]
pub struct HistoryView<'a> {
    pub histories: &'a Histories,
    pub entries: Vec<&'a EntryHistory>,
}

impl HistoryView<'_> {
    fn vendor_name<'a>(&'a self, vendor: &'a str) -> &'a str {
        self.histories.vendor_name(vendor)
    }

    fn version(&self, index: usize) -> &VersionInfo {
        &self.histories.versions[index]
    }

    /// Returns the entries grouped by vendor, in their order.
    fn by_vendor(&self) -> Vec<(&str, Vec<&EntryHistory>)> {
        let mut groups: Vec<(&str, Vec<&EntryHistory>)> = Vec::new();
        for &entry in &self.entries {
            match groups.iter_mut().find(|(v, _)| *v == entry.vendor) {
                Some((_, list)) => list.push(entry),
                None => groups.push((&entry.vendor, vec![entry])),
            }
        }
        groups
    }

    /// Returns the span the history covers: `5 versions: 2024-06-02-computex (2024-06-02) to
    /// working`.
    fn span(&self) -> String {
        let versions = &self.histories.versions;
        match (versions.first(), versions.last()) {
            (Some(first), Some(last)) if versions.len() > 1 => format!(
                "{} versions: {} to {}",
                versions.len(),
                describe_version(first),
                describe_version(last)
            ),
            (Some(only), _) => format!("1 version: {}", describe_version(only)),
            _ => "no versions".to_string(),
        }
    }
}

/// Returns the day a version stands for in a history's lines: its `taken`, or `working`.
fn day(version: &VersionInfo) -> String {
    version
        .taken
        .map_or_else(|| version.name.clone(), |d| d.to_string())
}

/// Returns a version as a heading names it: `2025-03-18-gtc (2025-03-18)`, `working`.
fn describe_version(version: &VersionInfo) -> String {
    match version.taken {
        Some(taken) => format!("{} ({taken})", version.name),
        None => version.name.clone(),
    }
}

/// Returns where an entry stood, as units a wrapped line keeps whole: `announced,`,
/// `available 2027,`, `HBM4E 1TB`.
fn standing(position: &Position, words: Words) -> Vec<String> {
    let memory = position.memory.as_deref();
    standing_units(position.status, position.available, memory, words)
}

/// The fields the compact form leaves out: the log has them.
const UNTOLD: &[&str] = &["sources", "aliases", "notes"];

/// One entry in the compact form: what happened to it (new, renamed, dropped, back), each
/// field that moved with its values, and the fields that changed but are left out.
struct Compact {
    /// Units of `new (2025-03-18) · renamed from nvidia/x (2025-06-01)`, `·` ending each but
    /// the last.
    events: Vec<String>,
    /// Per moved field, in the order it first moved: its path (as it is: each format marks it
    /// up its own way) and the units of its values.
    fields: Vec<(String, Vec<String>)>,
    /// Paths that changed but are left out (`notes`, `sources`), in the order they first did.
    untold: Vec<String>,
}

impl Compact {
    /// Returns whether the entry did not move: nothing happened to it and no field the
    /// compact form tells changed (its sources, aliases or notes may have).
    fn is_empty(&self) -> bool {
        self.events.is_empty() && self.fields.is_empty()
    }

    /// Returns the compact story of `entry`.
    fn of(view: &HistoryView, entry: &EntryHistory, words: Words) -> Compact {
        let mut events: Vec<String> = Vec::new();
        if entry.first_version > 0 {
            events.push(format!("new ({})", day(view.version(entry.first_version))));
        }
        let mut fields: Vec<(String, Vec<String>)> = Vec::new();
        let mut untold: Vec<String> = Vec::new();
        for step in &entry.steps {
            let when = day(view.version(step.version));
            match step.event {
                Event::Dropped => events.push(format!("dropped ({when})")),
                Event::Back => events.push(format!("back ({when})")),
                Event::Changed => {}
            }
            for field in &step.fields {
                if field.path == "id" {
                    let from = renamed_from(entry, field, words);
                    events.push(format!("renamed from {from} ({when})"));
                } else if UNTOLD.contains(&field.path.as_str()) {
                    if !untold.contains(&field.path) {
                        untold.push(field.path.clone());
                    }
                } else {
                    let later = format!("{} ({when}{})", side_text(&field.new, words), how(field));
                    match fields.iter_mut().find(|(p, _)| *p == field.path) {
                        Some((_, values)) => values.push(later),
                        None => fields.push((
                            field.path.clone(),
                            vec![side_text(&field.old, words), later],
                        )),
                    }
                }
            }
        }
        // The promise first: what a reader of a roadmap looks for, then where it stands.
        let rank = |path: &str| {
            ["available", "status", "announced"]
                .iter()
                .position(|p| *p == path)
        };
        fields.sort_by_key(|(path, _)| rank(path).unwrap_or(usize::MAX));
        let dotted = |units: Vec<String>| {
            let count = units.len();
            let dot = |(i, u): (usize, String)| if i + 1 < count { format!("{u} ·") } else { u };
            units
                .into_iter()
                .enumerate()
                .map(dot)
                .collect::<Vec<String>>()
        };
        Compact {
            events: dotted(events),
            fields: fields
                .into_iter()
                .map(|(path, values)| (path, dotted(values)))
                .collect(),
            untold,
        }
    }
}

/// Returns the key an entry had before the rename `field` (its `id`) records.
fn renamed_from(entry: &EntryHistory, field: &FieldChange, words: Words) -> String {
    let old = side_text(&field.old, words);
    format!("{}/{old}", (words.data)(&entry.vendor))
}

/// Returns what a date's move was, after a comma: `, refined`, `, slipped 6 months`; nothing
/// for any other field.
fn how(field: &FieldChange) -> String {
    field.shift.map_or_else(String::new, |shift| {
        format!(", {}", how_it_moved(field, &shift))
    })
}

/// Returns the sentence for the entries of a vendor that did not move, of `told`: `4 more
/// entries did not move (2 changed only sources, aliases or notes)`, `more` when some of the
/// vendor's entries did; `None` when every one moved.
fn unchanged(told: &[(&EntryHistory, Compact)]) -> Option<String> {
    let still: Vec<&Compact> = told
        .iter()
        .map(|(_, c)| c)
        .filter(|c| c.is_empty())
        .collect();
    let more = if still.len() < told.len() {
        " more"
    } else {
        ""
    };
    let touched = still.iter().filter(|c| !c.untold.is_empty()).count();
    let sentence = match still.len() {
        0 => return None,
        1 => format!("1{more} entry did not move"),
        n => format!("{n}{more} entries did not move"),
    };
    Some(match touched {
        0 => sentence,
        n => format!("{sentence} ({n} changed only sources, aliases or notes)"),
    })
}

/// Returns whether a step's field is the list of sources, and it lost some: the log says so
/// (what it gained it lists whole, under `sources added`).
fn sources_lost(field: &FieldChange) -> bool {
    let list = |v: &Option<FieldValue>| match v {
        Some(FieldValue::List(items)) => items.clone(),
        _ => Vec::new(),
    };
    field.path == "sources" && {
        let (old, new) = (list(&field.old), list(&field.new));
        old.iter().any(|s| !new.contains(s))
    }
}

/// Returns the fields a step's log shows: all but a rename's `id` (said on its own line) and
/// the sources when they only gained (listed under `sources added`).
fn logged(step: &Step) -> Vec<FieldChange> {
    step.fields
        .iter()
        .filter(|f| f.path != "id" && (f.path != "sources" || sources_lost(f)))
        .cloned()
        .collect()
}
