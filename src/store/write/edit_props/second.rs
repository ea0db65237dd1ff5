//! A second, independent YAML reader: libyaml (through serde_yaml_ng), as strict as PyYAML
//! about raw control characters. What chipmap writes must read there as the same strings,
//! numbers and booleans chipmap reads: a key, a value, a date.

use std::collections::BTreeMap;

use serde_yaml_ng::Value;

use crate::model::{Entry, Roadmap, SnapshotMeta, SpecValue, Vendor, format_number};

/// A YAML document as both readers should see it: keys are text, numbers are numbers.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Doc {
    Bool(bool),
    Num(f64),
    Text(String),
    List(Vec<Doc>),
    Map(BTreeMap<String, Doc>),
}

/// Returns `text` as the second reader reads it, or why it refuses it. Nulls, empty lists and
/// empty mappings read as absent (chipmap reads them so), a date as its text.
pub(super) fn read(text: &str) -> Result<Doc, String> {
    let value: Value = serde_yaml_ng::from_str(text).map_err(|e| format!("libyaml: {e}"))?;
    doc(&value, "").ok_or_else(|| "libyaml: the document is empty".into())
}

fn doc(value: &Value, key: &str) -> Option<Doc> {
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => Doc::Bool(*b),
        // A year written plain is a number to YAML, a date to chipmap.
        Value::Number(n) if matches!(key, "announced" | "available") => {
            Doc::Text(format_number(n.as_f64()?))
        }
        Value::Number(n) => Doc::Num(n.as_f64()?),
        Value::String(s) => Doc::Text(s.clone()),
        Value::Sequence(items) if items.is_empty() => return None,
        Value::Sequence(items) => Doc::List(items.iter().filter_map(|i| doc(i, "")).collect()),
        Value::Mapping(map) if map.is_empty() => return None,
        Value::Mapping(map) => {
            let mut out = BTreeMap::new();
            for (k, v) in map {
                // A key that is not text (a number, a bool, null) is a misread key.
                let k = match k {
                    Value::String(s) => s.clone(),
                    other => format!("<not text: {other:?}>"),
                };
                if let Some(v) = doc(v, &k) {
                    out.insert(k, v);
                }
            }
            Doc::Map(out)
        }
        Value::Tagged(tagged) => doc(&tagged.value, key)?,
    })
}

fn map(pairs: Vec<(&str, Option<Doc>)>) -> Doc {
    Doc::Map(
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect(),
    )
}

fn text(s: &str) -> Doc {
    Doc::Text(s.to_string())
}

fn list(items: &[String]) -> Option<Doc> {
    (!items.is_empty()).then(|| Doc::List(items.iter().map(|i| text(i)).collect()))
}

/// Returns the entry as the second reader should read it.
pub(super) fn entry(e: &Entry) -> Doc {
    let memory = e.memory.as_ref().map(|m| {
        map(vec![
            ("type", m.kind.as_deref().map(text)),
            ("capacity_gb", m.capacity_gb.map(Doc::Num)),
            ("bandwidth_tbs", m.bandwidth_tbs.map(Doc::Num)),
        ])
    });
    let specs = e.specs.iter().map(|(k, v)| {
        let v = match v {
            SpecValue::Number(n) => Doc::Num(*n),
            SpecValue::Bool(b) => Doc::Bool(*b),
            SpecValue::Text(t) => text(t),
        };
        (k.clone(), v)
    });
    let specs = Doc::Map(specs.collect());
    map(vec![
        ("id", Some(text(&e.id))),
        ("name", Some(text(&e.name))),
        ("kind", Some(text(&e.kind.to_string()))),
        ("family", e.family.as_deref().map(text)),
        ("status", Some(text(&e.status.to_string()))),
        ("confidence", e.confidence.map(|c| text(&c.to_string()))),
        ("announced", e.announced.map(|d| text(&d.to_string()))),
        ("available", e.available.map(|d| text(&d.to_string()))),
        ("process", e.process.as_deref().map(text)),
        ("memory", memory),
        ("predecessor", e.predecessor.as_deref().map(text)),
        ("aliases", list(&e.aliases)),
        ("specs", (!e.specs.is_empty()).then_some(specs)),
        ("sources", list(&e.sources)),
        ("notes", e.notes.as_deref().map(text)),
    ])
}

/// Returns a vendor file holding `v` as the second reader should read it.
pub(super) fn vendor(v: &Vendor) -> Doc {
    let entries = Doc::List(v.entries.iter().map(entry).collect());
    map(vec![
        ("vendor", Some(text(&v.vendor))),
        ("name", Some(text(&v.name))),
        ("entries", (!v.entries.is_empty()).then_some(entries)),
    ])
}

/// Returns a snapshot file as the second reader should read it.
pub(super) fn snapshot(meta: &SnapshotMeta, roadmap: &Roadmap) -> Doc {
    let header = map(vec![
        ("name", Some(text(&meta.name))),
        ("taken", Some(text(&meta.taken.to_string()))),
        ("note", meta.note.as_deref().map(text)),
        ("sources", list(&meta.sources)),
    ]);
    let vendors = Doc::List(roadmap.vendors.iter().map(vendor).collect());
    map(vec![
        ("snapshot", Some(header)),
        ("vendors", (!roadmap.vendors.is_empty()).then_some(vendors)),
    ])
}

/// Returns an error unless the second reader reads `text` as `want`.
pub(super) fn agrees(text: &str, want: &Doc) -> Result<(), String> {
    let got = read(text)?;
    if got == *want {
        return Ok(());
    }
    Err(format!(
        "libyaml reads it differently:\n  got  {got:?}\n  want {want:?}"
    ))
}
