//! The canonical YAML of a roadmap: how chipmap writes what it writes whole (a new entry, a
//! new vendor file, a snapshot, each side of `diff --format unified`). docs/format.md key order,
//! two-space indentation, values quoted only where YAML would misread them.

use crate::model::{Entry, Roadmap, SnapshotMeta, SpecValue, Vendor};

use super::scalar::{Value, flow_text, is_long_key, key_to_yaml, number_to_yaml, text_to_yaml};

/// Where an entry's values go: nested ones on their own lines `key_column + 2` deep, or all
/// inside `{...}` (flow context, where `,[]{}` need quotes).
#[derive(Debug, Clone, Copy)]
enum Layout<'a> {
    Block { key_column: usize, eol: &'a str },
    Flow,
}

impl Layout<'_> {
    fn text(&self, s: &str) -> String {
        match self {
            Layout::Block { .. } => text_to_yaml(s),
            Layout::Flow => flow_text(s),
        }
    }

    /// Returns a nested mapping's value; empty when it has no pairs.
    fn mapping(&self, pairs: Vec<(String, String)>) -> String {
        match self {
            Layout::Block { key_column, eol } => {
                let indent = " ".repeat(key_column + 2);
                pairs
                    .iter()
                    .map(|(k, v)| match is_long_key(k) {
                        true => format!("{eol}{indent}? {k}{eol}{indent}: {v}"),
                        false => format!("{eol}{indent}{k}: {v}"),
                    })
                    .collect()
            }
            Layout::Flow if pairs.is_empty() => String::new(),
            Layout::Flow => {
                let pair = |(k, v): &(String, String)| match is_long_key(k) {
                    true => format!("? {k}: {v}"),
                    false => format!("{k}: {v}"),
                };
                let pairs: Vec<String> = pairs.iter().map(pair).collect();
                format!("{{{}}}", pairs.join(", "))
            }
        }
    }

    /// Returns a list of text written one item a line (block), or as `[a, b]` (flow).
    fn list(&self, items: &[String]) -> String {
        match self {
            Layout::Block { key_column, eol } => {
                let indent = " ".repeat(key_column + 2);
                items
                    .iter()
                    .map(|s| format!("{eol}{indent}- {}", text_to_yaml(s)))
                    .collect()
            }
            Layout::Flow if items.is_empty() => String::new(),
            Layout::Flow => Value::List(items.to_vec()).to_yaml(),
        }
    }
}

/// Returns the entry as `(key, rendered value)` pairs, in the documented order of fields.
fn entry_fields(entry: &Entry, layout: Layout) -> Vec<(String, String)> {
    let text = |s: &str| layout.text(s);
    let flow = matches!(layout, Layout::Flow);
    let mut fields: Vec<(String, String)> = vec![
        ("id".into(), text(&entry.id)),
        ("name".into(), text(&entry.name)),
        ("kind".into(), entry.kind.to_string()),
    ];
    let mut push = |key: &str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            fields.push((key.to_string(), value));
        }
    };
    push("family", entry.family.as_deref().map(text));
    push("status", Some(entry.status.to_string()));
    push("confidence", entry.confidence.map(|c| c.to_string()));
    push("announced", entry.announced.map(|d| d.to_string()));
    push("available", entry.available.map(|d| d.to_string()));
    push("process", entry.process.as_deref().map(text));
    let memory = entry.memory.as_ref().map(|m| {
        let parts = [
            ("type", m.kind.as_deref().map(text)),
            ("capacity_gb", m.capacity_gb.map(number_to_yaml)),
            ("bandwidth_tbs", m.bandwidth_tbs.map(number_to_yaml)),
        ];
        let pairs = parts
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
            .collect();
        layout.mapping(pairs)
    });
    push("memory", memory);
    push("predecessor", entry.predecessor.as_deref().map(text));
    push(
        "aliases",
        (!entry.aliases.is_empty()).then(|| Value::List(entry.aliases.clone()).to_yaml()),
    );
    let specs = entry
        .specs
        .iter()
        .map(|(k, v)| (key_to_yaml(k, flow), spec_yaml(v, flow)))
        .collect();
    push("specs", Some(layout.mapping(specs)));
    push("sources", Some(layout.list(&entry.sources)));
    push("notes", entry.notes.as_deref().map(text));
    fields
}

fn spec_yaml(value: &SpecValue, flow: bool) -> String {
    match value {
        SpecValue::Number(n) => number_to_yaml(*n),
        SpecValue::Bool(b) => b.to_string(),
        SpecValue::Text(t) => Value::Text(t.clone()).to_yaml_in(flow),
    }
}

/// Returns the entry as one flow mapping `{id: a, name: A, ...}`, for a list in flow style.
pub(in crate::store) fn entry_flow(entry: &Entry) -> String {
    let pairs: Vec<String> = entry_fields(entry, Layout::Flow)
        .iter()
        .map(|(key, value)| format!("{key}: {value}"))
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// Returns the entry's lines, `- ` at `dash` and keys at `keys`.
pub(in crate::store) fn entry_body(entry: &Entry, dash: usize, keys: usize, eol: &str) -> String {
    let layout = Layout::Block {
        key_column: keys,
        eol,
    };
    entry_fields(entry, layout)
        .iter()
        .enumerate()
        .map(|(i, (key, value))| {
            let lead = if i == 0 {
                format!("{}-{}", " ".repeat(dash), " ".repeat(keys - dash - 1))
            } else {
                " ".repeat(keys)
            };
            let separator = if value.starts_with(['\n', '\r']) {
                ""
            } else {
                " "
            };
            format!("{lead}{key}:{separator}{value}{eol}")
        })
        .collect()
}

/// Returns a vendor as a vendor file's text.
pub fn vendor_text(vendor: &Vendor) -> String {
    let mut out = vendor_head(vendor, "");
    out.push_str(&entries_text(&vendor.entries, 2, 4, "entries:"));
    out
}

/// Returns a vendor's fields before `entries:`, each line after `indent`.
fn vendor_head(vendor: &Vendor, indent: &str) -> String {
    let mut out = format!(
        "vendor: {}\n{indent}name: {}\n",
        text_to_yaml(&vendor.vendor),
        text_to_yaml(&vendor.name)
    );
    for (key, items) in [("aliases", &vendor.aliases), ("sites", &vendor.sites)] {
        if !items.is_empty() {
            let list = Value::List(items.clone()).to_yaml();
            out.push_str(&format!("{indent}{key}: {list}\n"));
        }
    }
    out
}

fn entries_text(entries: &[Entry], dash: usize, keys: usize, key_line: &str) -> String {
    if entries.is_empty() {
        return format!("{key_line} []\n");
    }
    let mut out = format!("{key_line}\n");
    for entry in entries {
        out.push_str(&entry_body(entry, dash, keys, "\n"));
    }
    out
}

/// Returns a whole roadmap as a snapshot file's text (docs/format.md section 4).
pub fn snapshot_text(meta: &SnapshotMeta, roadmap: &Roadmap) -> String {
    let mut out = format!(
        "snapshot:\n  name: {}\n  taken: {}\n",
        text_to_yaml(&meta.name),
        meta.taken
    );
    if let Some(note) = &meta.note {
        out.push_str(&format!("  note: {}\n", text_to_yaml(note)));
    }
    if !meta.sources.is_empty() {
        out.push_str("  sources:\n");
        for source in &meta.sources {
            out.push_str(&format!("    - {}\n", text_to_yaml(source)));
        }
    }
    out.push_str(&roadmap_text(roadmap));
    out
}

/// Returns the roadmap's `vendors:` list, each vendor with its entries.
pub fn roadmap_text(roadmap: &Roadmap) -> String {
    if roadmap.vendors.is_empty() {
        return "vendors: []\n".into();
    }
    let mut out = String::from("vendors:\n");
    for vendor in &roadmap.vendors {
        out.push_str("  - ");
        out.push_str(&vendor_head(vendor, "    "));
        out.push_str(&entries_text(&vendor.entries, 6, 8, "    entries:"));
    }
    out
}
