//! `history --format json`: the shape of docs/format.md section 8, each field as `diff --format
//! json` writes it.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::HistoryView;
use crate::diff::{EntryHistory, Event, Step};
use crate::render::diff::field_json;

/// Returns the history as the JSON value of docs/format.md section 8: the versions, then each
/// chosen entry with its changes. A `dropped` or `back` change says so in `event`; an entry the
/// last version lacks says in `dropped` which version dropped it.
pub fn to_json(view: &HistoryView) -> Value {
    let versions = serde_json::to_value(&view.histories.versions).unwrap_or(Value::Null);
    let count = view.histories.versions.len();
    let entries: Vec<Value> = view.entries.iter().map(|e| entry_json(e, count)).collect();
    json!({"versions": versions, "entries": entries})
}

fn entry_json(entry: &EntryHistory, versions: usize) -> Value {
    let mut map = Map::new();
    map.insert("key".into(), json!(entry.key));
    map.insert("name".into(), json!(entry.name));
    map.insert("former_keys".into(), json!(entry.former_keys));
    map.insert("first_version".into(), json!(entry.first_version));
    let changes: Vec<Value> = entry.steps.iter().map(step_json).collect();
    map.insert("changes".into(), Value::Array(changes));
    if entry.is_dropped(versions) {
        let dropped = entry
            .steps
            .iter()
            .rev()
            .find(|s| s.event == Event::Dropped)
            .map_or(entry.last_version + 1, |s| s.version);
        map.insert("dropped".into(), json!(dropped));
    }
    Value::Object(map)
}

fn step_json(step: &Step) -> Value {
    let mut map = Map::new();
    map.insert("version".into(), json!(step.version));
    if step.event != Event::Changed {
        map.insert(
            "event".into(),
            serde_json::to_value(step.event).unwrap_or(Value::Null),
        );
    }
    let fields: Vec<Value> = step.fields.iter().map(field_json).collect();
    map.insert("fields".into(), Value::Array(fields));
    map.insert("sources_added".into(), json!(step.sources_added));
    Value::Object(map)
}

/// Writes the history as one JSON value.
pub fn write_json(out: &mut dyn Write, view: &HistoryView) -> io::Result<()> {
    crate::render::json::write_pretty(out, &to_json(view))?;
    writeln!(out)
}
