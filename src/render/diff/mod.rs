//! `chipmap diff`: the same `Changes` as text for a terminal (text.rs), JSON (docs/format.md
//! section 7), or a Markdown report to paste into a newsletter (markdown.rs). What both
//! people's formats say about a field is worded here, once.

pub(crate) mod markdown;
pub(crate) mod text;

use std::io::{self, Write};

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::diff::{ChangeKind, Changes, EntryChange, FieldChange, FieldValue, Standing, Summary};
use crate::model::{FuzzyDate, Shift, ShiftClass, Status, format_number};

pub use markdown::write_markdown;
pub use text::write_text;

/// One side of a comparison: how the reference is named, and when it was taken.
#[derive(Debug, Clone)]
pub struct Side {
    pub label: String,
    pub taken: Option<NaiveDate>,
}

/// The two sides and the vendors' display names, for headings.
#[derive(Debug, Clone)]
pub struct DiffContext {
    pub old: Side,
    pub new: Side,
    /// `(vendor id, display name)` for every vendor on either side.
    pub vendor_names: Vec<(String, String)>,
}

impl DiffContext {
    pub(crate) fn vendor_name<'a>(&'a self, vendor: &'a str) -> &'a str {
        self.vendor_names
            .iter()
            .find(|(id, _)| id == vendor)
            .map_or(vendor, |(_, n)| n.as_str())
    }
}

impl Side {
    pub(crate) fn describe(&self) -> String {
        match self.taken {
            Some(day) => format!("{} ({day})", self.label),
            None => self.label.clone(),
        }
    }
}

/// What a text whose words are all the same says, its white space aside.
pub(crate) const SPACING: &str = "white space only";

/// How a people's format writes what comes from the data, and its own arrow.
#[derive(Clone, Copy)]
pub(crate) struct Words {
    /// Makes text from the data safe to print (identity for a terminal, `escape` in Markdown).
    pub(crate) data: fn(&str) -> String,
    pub(crate) arrow: &'static str,
}

/// Returns a value as it reads in the files.
pub(crate) fn value_text(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(t) => t.clone(),
        FieldValue::Number(n) => format_number(*n),
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Date(d) => d.to_string(),
        FieldValue::List(items) => format!("[{}]", items.join(", ")),
    }
}

pub(crate) fn side_text(value: &Option<FieldValue>, words: Words) -> String {
    value
        .as_ref()
        .map_or_else(|| "(none)".to_string(), |v| (words.data)(&value_text(v)))
}

/// Returns how far a date moved, in months when a month or more, else in days.
fn distance(shift: &Shift) -> String {
    let months = shift.months().abs().round() as i64;
    let days = shift.days.abs();
    match (months, days) {
        (0, 1) => "1 day".into(),
        (0, d) => format!("{d} days"),
        (1, _) => "1 month".into(),
        (m, _) => format!("{m} months"),
    }
}

/// Returns a date change as people say it: `slipped 6 months: 2026H1 -> 2026H2`.
fn describe_date(field: &FieldChange, shift: &Shift, words: Words) -> String {
    let (old, new) = (side_text(&field.old, words), side_text(&field.new, words));
    format!(
        "{}: {old} {} {new}",
        how_it_moved(field, shift),
        words.arrow
    )
}

/// Returns how a date moved, as people say it: `slipped 6 months`, `pulled in 2 months`,
/// `refined`, `widened`; on an entry that had shipped, `corrected 8 months earlier, after it
/// shipped`. `diff`, `show` and `history` all say it so.
pub(crate) fn how_it_moved(field: &FieldChange, shift: &Shift) -> String {
    if field.corrects {
        let way = if shift.days < 0 { "earlier" } else { "later" };
        return format!("corrected {} {way}, after it shipped", distance(shift));
    }
    match shift.class {
        ShiftClass::Slipped => format!("slipped {}", distance(shift)),
        ShiftClass::PulledIn => format!("pulled in {}", distance(shift)),
        ShiftClass::Refined => "refined".into(),
        ShiftClass::Widened => "widened".into(),
    }
}

fn list(value: &Option<FieldValue>) -> Vec<String> {
    match value {
        Some(FieldValue::List(items)) => items.clone(),
        _ => Vec::new(),
    }
}

/// Returns a list change as the items added and removed: `+ A, B; - C`.
fn describe_list(old: &[String], new: &[String], words: Words) -> String {
    let only_in = |these: &[String], those: &[String]| -> Vec<String> {
        these
            .iter()
            .filter(|i| !those.contains(i))
            .map(|i| (words.data)(i))
            .collect()
    };
    let (added, removed) = (only_in(new, old), only_in(old, new));
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("+ {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("- {}", removed.join(", ")));
    }
    parts.join("; ")
}

/// Returns one field change that is not a word diff as a line of text (without the path).
pub(crate) fn describe_field(field: &FieldChange, words: Words) -> String {
    if let Some(shift) = &field.shift {
        return describe_date(field, shift, words);
    }
    let is_list = |v: &Option<FieldValue>| matches!(v, None | Some(FieldValue::List(_)));
    match (&field.old, &field.new) {
        // URLs say little in a report: count them (JSON carries them whole).
        (old, new) if field.path == "sources" => {
            let (old, new) = (list(old), list(new));
            let added = new.iter().filter(|i| !old.contains(i)).count();
            let removed = old.iter().filter(|i| !new.contains(i)).count();
            match (added, removed) {
                (a, 0) => format!("{a} added"),
                (0, r) => format!("{r} removed"),
                (a, r) => format!("{a} added, {r} removed"),
            }
        }
        (old, new) if is_list(old) && is_list(new) => describe_list(&list(old), &list(new), words),
        (old, new) => format!(
            "{} {} {}",
            side_text(old, words),
            words.arrow,
            side_text(new, words)
        ),
    }
}

/// One line of an entry's fields as the people's formats show it.
pub(crate) enum Shown<'a> {
    /// A field on a line of its own.
    Field(&'a FieldChange),
    /// The fields of `memory` or `specs` that were set where there was none, or unset, on one
    /// line (`specs: + fp8_pflops 2.52, tdp_w 1400; - nvlink 5`): filling in a spec sheet is
    /// one piece of news, not ten.
    Group {
        parent: &'a str,
        fields: Vec<&'a FieldChange>,
    },
}

/// Returns the lines an entry's fields take, in the fields' order (a group where its first
/// field is). A rename's `id` is left out: the entry's own line says `renamed from ...`.
pub(crate) fn shown(change: &EntryChange) -> Vec<Shown<'_>> {
    shown_fields(&change.fields, change.change == ChangeKind::Renamed)
}

/// Returns the lines `fields` take, as [`shown`] does; `renamed` leaves out the `id` (a history
/// says `renamed from ...` on a line of its own, as a diff does).
pub(crate) fn shown_fields(fields: &[FieldChange], renamed: bool) -> Vec<Shown<'_>> {
    let mut lines: Vec<Shown<'_>> = Vec::new();
    for field in fields {
        if renamed && field.path == "id" {
            continue;
        }
        let one_sided = field.old.is_none() != field.new.is_none();
        let parent = field.path.split_once('.').map(|(parent, _)| parent);
        let Some(parent) = parent.filter(|_| one_sided) else {
            lines.push(Shown::Field(field));
            continue;
        };
        let group = lines.iter_mut().find_map(|line| match line {
            Shown::Group { parent: p, fields } if *p == parent => Some(fields),
            _ => None,
        });
        match group {
            Some(fields) => fields.push(field),
            None => lines.push(Shown::Group {
                parent,
                fields: vec![field],
            }),
        }
    }
    lines
}

/// Returns a group's line after its parent's name, `+ type HBM3E, capacity_gb 144; - x 1`, as
/// units a wrapped line keeps whole (`capacity_gb 144,`), to be joined by spaces.
pub(crate) fn describe_group(parent: &str, fields: &[&FieldChange], words: Words) -> Vec<String> {
    let item = |field: &FieldChange, value: &FieldValue| {
        let name = field.path.strip_prefix(parent).unwrap_or(&field.path);
        let name = name.strip_prefix('.').unwrap_or(name);
        format!(
            "{} {}",
            (words.data)(name),
            (words.data)(&value_text(value))
        )
    };
    type Side = fn(&FieldChange) -> &Option<FieldValue>;
    // The fields with a value on `this` side only.
    let only_on = |this: Side, other: Side| -> Vec<String> {
        let only = fields.iter().filter(|f| other(f).is_none());
        only.filter_map(|f| this(f).as_ref().map(|v| item(f, v)))
            .collect()
    };
    let set = only_on(|f| &f.new, |f| &f.old);
    let unset = only_on(|f| &f.old, |f| &f.new);
    let mut units = Vec::new();
    for (mark, items) in [("+", set), ("-", unset)] {
        if items.is_empty() {
            continue;
        }
        if let Some(last) = units.last_mut() {
            // `a 1, b 2; - c 3`: the previous part ends with a semicolon.
            *last = format!("{last};");
        }
        units.push(mark.to_string());
        let count = items.len();
        for (i, item) in items.into_iter().enumerate() {
            units.push(if i + 1 < count {
                format!("{item},")
            } else {
                item
            });
        }
    }
    units
}

/// Returns where an entry stands as units a wrapped line keeps whole (to be joined by
/// spaces): `announced,`, `available 2026-12,`, `GDDR7 128GB`.
pub(crate) fn standing_units(
    status: Status,
    available: Option<FuzzyDate>,
    memory: Option<&str>,
    words: Words,
) -> Vec<String> {
    let available = available.map(|d| format!("available {d}"));
    let memory = memory.map(words.data);
    let parts: Vec<String> = [Some(status.as_str().to_string()), available, memory]
        .into_iter()
        .flatten()
        .collect();
    let count = parts.len();
    let comma = |(i, p): (usize, String)| if i + 1 < count { format!("{p},") } else { p };
    parts.into_iter().enumerate().map(comma).collect()
}

/// Returns what happened to an entry, for its line, as units a wrapped line keeps whole (to be
/// joined by spaces): `added:`, `announced,`, `available 2026-12,`, `GDDR7 128GB` for an
/// addition or a removal; `renamed from nvidia/b200-ultra`; nothing for a modification.
pub(crate) fn what_happened(change: &EntryChange, words: Words) -> Vec<String> {
    let standing = |s: &Standing| standing_units(s.status, s.available, s.memory.as_deref(), words);
    let with = |what: &str| match &change.standing {
        Some(s) => [vec![format!("{what}:")], standing(s)].concat(),
        None => vec![what.to_string()],
    };
    match change.change {
        ChangeKind::Added => with("added"),
        ChangeKind::Removed => with("removed"),
        ChangeKind::Modified => Vec::new(),
        ChangeKind::Renamed => vec![format!(
            "renamed from {}",
            change.renamed_from.as_deref().unwrap_or("?")
        )],
    }
}

/// Returns the summary as two parts: the entries by change, and the dates that moved.
pub(crate) fn summary_parts(s: &Summary) -> [String; 2] {
    [
        format!(
            "{} added, {} removed, {} modified, {} renamed",
            s.added, s.removed, s.modified, s.renamed
        ),
        format!(
            "available: {} slipped, {} pulled in{}; announced: {} slipped, {} pulled in",
            s.slipped,
            s.pulled_in,
            match s.corrected {
                0 => String::new(),
                n => format!(" ({n} of them a correction of a shipped date)"),
            },
            s.announced_slipped,
            s.announced_pulled_in
        ),
    ]
}

/// Returns the changes grouped by vendor, in their order.
pub(crate) fn by_vendor(changes: &Changes) -> Vec<(&str, Vec<&EntryChange>)> {
    let mut groups: Vec<(&str, Vec<&EntryChange>)> = Vec::new();
    for change in &changes.changes {
        match groups.iter_mut().find(|(v, _)| *v == change.vendor) {
            Some((_, list)) => list.push(change),
            None => groups.push((&change.vendor, vec![change])),
        }
    }
    groups
}

pub(crate) fn field_json(field: &FieldChange) -> Value {
    let mut map = Map::new();
    map.insert("path".into(), json!(field.path));
    map.insert(
        "from".into(),
        serde_json::to_value(&field.old).unwrap_or(Value::Null),
    );
    map.insert(
        "to".into(),
        serde_json::to_value(&field.new).unwrap_or(Value::Null),
    );
    if let Some(shift) = &field.shift {
        map.insert("shift".into(), json!(shift.class.as_str()));
        map.insert("days".into(), json!(shift.days));
    }
    if field.corrects {
        map.insert("correction".into(), json!(true));
    }
    Value::Object(map)
}

/// Returns the changes as the JSON value of docs/format.md section 7.
pub fn to_json(changes: &Changes, ctx: &DiffContext) -> Value {
    let side = |s: &Side| json!({"ref": s.label, "taken": s.taken.map(|d| d.to_string())});
    let entries: Vec<Value> = changes
        .changes
        .iter()
        .map(|c| {
            let mut map = Map::new();
            map.insert("key".into(), json!(c.key));
            map.insert("name".into(), json!(c.name));
            map.insert(
                "change".into(),
                serde_json::to_value(c.change).unwrap_or(Value::Null),
            );
            if let Some(from) = &c.renamed_from {
                map.insert("renamed_from".into(), json!(from));
            }
            map.insert(
                "fields".into(),
                Value::Array(c.fields.iter().map(field_json).collect()),
            );
            Value::Object(map)
        })
        .collect();
    json!({
        "from": side(&ctx.old),
        "to": side(&ctx.new),
        "changes": entries,
        "summary": serde_json::to_value(changes.summary).unwrap_or(Value::Null),
    })
}

/// Writes the changes as one JSON value.
pub fn write_json(out: &mut dyn Write, changes: &Changes, ctx: &DiffContext) -> io::Result<()> {
    super::json::write_pretty(out, &to_json(changes, ctx))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::distance;
    use crate::model::{Shift, ShiftClass};

    #[test]
    fn distances_read_in_months_or_days() {
        let shift = |days| Shift {
            class: ShiftClass::Slipped,
            days,
        };
        assert_eq!(distance(&shift(182)), "6 months");
        assert_eq!(distance(&shift(-91)), "3 months");
        assert_eq!(distance(&shift(10)), "10 days");
        assert_eq!(distance(&shift(30)), "1 month");
    }
}
