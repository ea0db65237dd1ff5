//! `chipmap diff`: the same `Changes` as text for a terminal, JSON (docs/format.md section 7), or a
//! Markdown report to paste into a newsletter.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::diff::{ChangeKind, Changes, EntryChange, FieldChange, FieldValue, Summary};
use crate::model::{Shift, ShiftClass, format_number};

use super::{Paint, wrap_words};

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
    fn vendor_name<'a>(&'a self, vendor: &'a str) -> &'a str {
        self.vendor_names
            .iter()
            .find(|(id, _)| id == vendor)
            .map_or(vendor, |(_, n)| n.as_str())
    }
}

impl Side {
    fn describe(&self) -> String {
        match self.taken {
            Some(day) => format!("{} ({day})", self.label),
            None => self.label.clone(),
        }
    }
}

/// Returns a value as it reads in the files.
fn value_text(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(t) => t.clone(),
        FieldValue::Number(n) => format_number(*n),
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::Date(d) => d.to_string(),
        FieldValue::List(items) => format!("[{}]", items.join(", ")),
    }
}

fn side_text(value: &Option<FieldValue>) -> String {
    value
        .as_ref()
        .map_or_else(|| "(none)".to_string(), value_text)
}

/// Returns how far a date moved, in months when a month or more, else in days.
pub fn distance(shift: &Shift) -> String {
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
fn describe_date(field: &FieldChange, shift: &Shift) -> String {
    let (old, new) = (side_text(&field.old), side_text(&field.new));
    match shift.class {
        ShiftClass::Slipped => format!("slipped {}: {old} -> {new}", distance(shift)),
        ShiftClass::PulledIn => format!("pulled in {}: {old} -> {new}", distance(shift)),
        ShiftClass::Refined => format!("refined: {old} -> {new}"),
        ShiftClass::Widened => format!("widened: {old} -> {new}"),
    }
}

/// Returns a list change as the items added and removed.
fn describe_list(old: &[String], new: &[String]) -> String {
    let added: Vec<&str> = new
        .iter()
        .filter(|i| !old.contains(i))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = old
        .iter()
        .filter(|i| !new.contains(i))
        .map(String::as_str)
        .collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("+ {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("- {}", removed.join(", ")));
    }
    parts.join("; ")
}

/// Returns the words of `old` and `new` with what changed marked `[-gone-]` and `{+new+}`.
fn word_diff(old: &str, new: &str, removed: (&str, &str), added: (&str, &str)) -> String {
    let diff = similar::TextDiff::from_words(old, new);
    let mut out = String::new();
    let mut previous = similar::ChangeTag::Equal;
    for change in diff.iter_all_changes() {
        let word = change.value();
        match change.tag() {
            similar::ChangeTag::Equal => out.push_str(word),
            similar::ChangeTag::Delete => {
                out.push_str(&format!("{}{word}{}", removed.0, removed.1))
            }
            similar::ChangeTag::Insert => {
                // A replaced word reads `[-old-] {+new+}`, not `[-old-]{+new+}`.
                if previous == similar::ChangeTag::Delete {
                    out.push(' ');
                }
                out.push_str(&format!("{}{word}{}", added.0, added.1));
            }
        }
        previous = change.tag();
    }
    out
}

/// Returns one field change as a line of text (without the path).
fn describe_field(field: &FieldChange, words: ((&str, &str), (&str, &str))) -> String {
    if let Some(shift) = &field.shift {
        return describe_date(field, shift);
    }
    match (&field.old, &field.new) {
        // URLs say little in a report: count them (JSON carries them whole).
        (old, new) if field.path == "sources" => {
            let list = |v: &Option<FieldValue>| match v {
                Some(FieldValue::List(items)) => items.clone(),
                _ => Vec::new(),
            };
            let (old, new) = (list(old), list(new));
            let added = new.iter().filter(|i| !old.contains(i)).count();
            let removed = old.iter().filter(|i| !new.contains(i)).count();
            match (added, removed) {
                (a, 0) => format!("{a} added"),
                (0, r) => format!("{r} removed"),
                (a, r) => format!("{a} added, {r} removed"),
            }
        }
        (Some(FieldValue::List(old)), Some(FieldValue::List(new))) => describe_list(old, new),
        (Some(FieldValue::Text(old)), Some(FieldValue::Text(new))) if field.path == "notes" => {
            word_diff(old, new, words.0, words.1)
        }
        (old, new) => format!("{} -> {}", side_text(old), side_text(new)),
    }
}

fn summary_line(s: &Summary) -> String {
    format!(
        "{} added, {} removed, {} modified, {} renamed; {} slipped, {} pulled in",
        s.added, s.removed, s.modified, s.renamed, s.slipped, s.pulled_in
    )
}

/// Returns the changes grouped by vendor, in their order.
fn by_vendor(changes: &Changes) -> Vec<(&str, Vec<&EntryChange>)> {
    let mut groups: Vec<(&str, Vec<&EntryChange>)> = Vec::new();
    for change in &changes.changes {
        match groups.iter_mut().find(|(v, _)| *v == change.vendor) {
            Some((_, list)) => list.push(change),
            None => groups.push((&change.vendor, vec![change])),
        }
    }
    groups
}

/// Writes the changes for a terminal: grouped by vendor, one line per field, a summary last.
pub fn write_text(
    out: &mut dyn Write,
    changes: &Changes,
    ctx: &DiffContext,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    writeln!(
        out,
        "{}",
        paint.paint(
            bold,
            &format!("{} -> {}", ctx.old.describe(), ctx.new.describe())
        )
    )?;
    for (vendor, list) in by_vendor(changes) {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.paint(bold.underline(), ctx.vendor_name(vendor))
        )?;
        for change in list {
            let (mark, style, what) = match change.change {
                ChangeKind::Added => ("+", AnsiColor::Green.on_default(), "added".to_string()),
                ChangeKind::Removed => ("-", AnsiColor::Red.on_default(), "removed".to_string()),
                ChangeKind::Modified => ("~", AnsiColor::Yellow.on_default(), String::new()),
                ChangeKind::Renamed => (
                    ">",
                    AnsiColor::Cyan.on_default(),
                    format!(
                        "renamed from {}",
                        change.renamed_from.as_deref().unwrap_or("?")
                    ),
                ),
            };
            let head = format!("{mark} {}  {}", change.key, change.name);
            let tail = if what.is_empty() {
                String::new()
            } else {
                format!("  ({what})")
            };
            writeln!(out, "  {}{tail}", paint.paint(style, &head))?;
            for field in &change.fields {
                let text = format!(
                    "{}: {}",
                    field.path,
                    describe_field(field, (("[-", "-]"), ("{+", "+}")))
                );
                for (i, line) in wrap_words(&text, width.saturating_sub(6).max(40))
                    .iter()
                    .enumerate()
                {
                    let indent = if i == 0 { "      " } else { "        " };
                    writeln!(out, "{indent}{line}")?;
                }
            }
        }
    }
    if changes.is_empty() {
        writeln!(out, "no changes")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary_line(&changes.summary))
}

fn field_json(field: &FieldChange) -> Value {
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

/// Writes a Markdown report: a heading, the summary, then per vendor a bullet per entry.
pub fn write_markdown(out: &mut dyn Write, changes: &Changes, ctx: &DiffContext) -> io::Result<()> {
    writeln!(
        out,
        "## Roadmap changes: {} → {}",
        ctx.old.describe(),
        ctx.new.describe()
    )?;
    writeln!(out)?;
    writeln!(out, "**Summary:** {}.", summary_line(&changes.summary))?;
    for (vendor, list) in by_vendor(changes) {
        writeln!(out)?;
        writeln!(out, "### {}", ctx.vendor_name(vendor))?;
        writeln!(out)?;
        for change in list {
            let what = match change.change {
                ChangeKind::Added => "added".to_string(),
                ChangeKind::Removed => "removed".to_string(),
                ChangeKind::Modified => "changed".to_string(),
                ChangeKind::Renamed => format!(
                    "renamed from `{}`",
                    change.renamed_from.as_deref().unwrap_or("?")
                ),
            };
            writeln!(
                out,
                "- **{}** (`{}`): {what}",
                change.name.replace('*', "\\*"),
                change.key
            )?;
            for field in &change.fields {
                let text = describe_field(field, (("~~", "~~"), ("**", "**")));
                writeln!(out, "  - `{}`: {}", field.path, text.replace("->", "→"))?;
            }
        }
    }
    if changes.is_empty() {
        writeln!(out)?;
        writeln!(out, "No changes.")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{distance, word_diff};
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

    #[test]
    fn notes_change_word_by_word() {
        let diff = word_diff(
            "ships in 2026 with HBM4",
            "ships in 2027 with HBM4E",
            ("[-", "-]"),
            ("{+", "+}"),
        );
        assert_eq!(diff, "ships in [-2026-] {+2027+} with [-HBM4-] {+HBM4E+}");
    }
}
