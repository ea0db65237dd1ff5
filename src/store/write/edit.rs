//! Edits of one vendor file's text: set, unset and append fields of an entry, add an entry,
//! remove one. Each edit splices only the lines of the entry it changes.

use crate::model::{Entry, Vendor};

use super::emit::{entry_body, entry_flow, vendor_text};
use super::flow_list;
use super::scalar::{
    Value, double_quoted, flow_text, is_long_key, key_to_yaml, quoted, text_to_yaml,
};
use super::splice::{self, Splice};

/// One change to one field of an entry; a path is `available`, `memory.capacity_gb`, `specs.tdp_w`.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Set(Vec<String>, Value),
    Unset(Vec<String>),
    /// Add an item to a list field (`aliases`, `sources`), creating the list when absent.
    Append(String, String),
}

/// Returns the text with `ops` applied, in order, to the entry whose id is `id`.
pub fn update(text: &str, id: &str, ops: &[Op]) -> Result<String, String> {
    with_lf(text, |text| {
        ops.iter()
            .try_fold(text.to_string(), |text, op| apply(&text, id, op))
    })
}

/// Returns `edit` of `text`; a file whose lines end in CR alone (old Mac style) is edited with
/// LF, which the splices find lines by, and given its CRs back. Such a file holds no LF, and
/// chipmap writes no raw LF inside a value, so the round trip is exact.
fn with_lf(
    text: &str,
    edit: impl FnOnce(&str) -> Result<String, String>,
) -> Result<String, String> {
    if text.contains('\n') || !text.contains('\r') {
        return edit(text);
    }
    Ok(edit(&text.replace('\r', "\n"))?.replace('\n', "\r"))
}

fn apply(text: &str, id: &str, op: &Op) -> Result<String, String> {
    let file = splice::parse(text)?;
    let list = splice::entries(&file).ok_or("the file has no `entries` list")?;
    let (_, entry) =
        splice::find_entry(&list, id).ok_or_else(|| format!("no entry `{id}` in the file"))?;
    let edit = match op {
        Op::Set(path, value) => set(text, &entry, path, value)?,
        Op::Unset(path) => match unset(text, &entry, path)? {
            Some(edit) => edit,
            None => return Ok(text.to_string()),
        },
        Op::Append(field, item) => append(text, &entry, field, item)?,
    };
    let out = edit.apply(text);
    // A nested mapping emptied by an unset goes too (`memory:` with nothing under it).
    if let Op::Unset(path) = op
        && path.len() == 2
    {
        return drop_if_empty(&out, id, &path[0]);
    }
    Ok(out)
}

fn split(path: &[String]) -> Result<(Option<&str>, &str), String> {
    match path {
        [key] => Ok((None, key)),
        [parent, key] => Ok((Some(parent), key)),
        _ => Err(format!("`{}` is not a field path", path.join("."))),
    }
}

fn set(
    text: &str,
    entry: &yaml_edit::Mapping,
    path: &[String],
    value: &Value,
) -> Result<Splice, String> {
    let (parent, key) = split(path)?;
    let Some(parent) = parent else {
        let rendered = value.to_yaml_in(entry.is_flow_style());
        return Ok(match splice::replace_value(text, entry, key, &rendered) {
            Some(edit) => in_old_style(text, edit, value),
            None if key == "sources" && !entry.is_flow_style() => {
                splice::add_key(text, entry, key, &block_list(text, entry, value))
            }
            None => splice::add_key(text, entry, key, &rendered),
        });
    };
    match splice::mapping_at(entry, &[parent]) {
        Some(map) => {
            let rendered = value.to_yaml_in(map.is_flow_style());
            Ok(match splice::replace_value(text, &map, key, &rendered) {
                Some(edit) => in_old_style(text, edit, value),
                None => splice::add_key(text, &map, key, &rendered),
            })
        }
        None => {
            let eol = splice::line_break(text);
            let indent = " ".repeat(splice::key_column(text, entry) + 2);
            // A nested mapping in the entry's own style: flow inside `{...}`, else block.
            let flow = entry.is_flow_style();
            let (name, rendered) = (key_to_yaml(key, flow), value.to_yaml_in(flow));
            let nested = match (flow, is_long_key(&name)) {
                (true, false) => format!("{{{name}: {rendered}}}"),
                (true, true) => format!("{{? {name}: {rendered}}}"),
                (false, false) => format!("{eol}{indent}{name}: {rendered}"),
                (false, true) => format!("{eol}{indent}? {name}{eol}{indent}: {rendered}"),
            };
            Ok(match splice::replace_value(text, entry, parent, &nested) {
                // `memory:` present but empty (null): write the mapping as its value.
                Some(mut edit) => {
                    edit.range.start = trim_space_before(text, edit.range.start);
                    edit.with = if flow { format!(" {nested}") } else { nested };
                    edit
                }
                None => splice::add_key(text, entry, parent, &nested),
            })
        }
    }
}

/// Returns the replacement written in the style of the value it replaces: a quoted string stays
/// quoted the same way, a block list stays a block list.
fn in_old_style(text: &str, mut edit: Splice, value: &Value) -> Splice {
    let old = &text[edit.range.clone()];
    match value {
        Value::Text(new) if old.starts_with('"') => edit.with = double_quoted(new),
        // Single quotes cannot hold a line break or a control character: double quotes can.
        Value::Text(new) if old.starts_with('\'') => edit.with = quoted(new),
        Value::List(items) if old.starts_with('-') => {
            let indent = " ".repeat(
                edit.range.start - text[..edit.range.start].rfind('\n').map_or(0, |i| i + 1),
            );
            let eol = splice::line_break(text);
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("- {}", text_to_yaml(i)))
                .collect();
            edit.with = lines.join(&format!("{eol}{indent}"));
        }
        _ => {}
    }
    edit
}

/// Returns `at` moved back over the spaces before it, so `key: ` + a block value reads `key:`.
fn trim_space_before(text: &str, at: usize) -> usize {
    at - (text[..at].len() - text[..at].trim_end_matches(' ').len())
}

/// Returns a block list (`sources` are written one per line, as the shipped files do).
fn block_list(text: &str, entry: &yaml_edit::Mapping, value: &Value) -> String {
    let Value::List(items) = value else {
        return value.to_yaml();
    };
    let eol = splice::line_break(text);
    let indent = " ".repeat(splice::key_column(text, entry) + 2);
    items
        .iter()
        .map(|i| format!("{eol}{indent}- {}", text_to_yaml(i)))
        .collect()
}

fn unset(
    text: &str,
    entry: &yaml_edit::Mapping,
    path: &[String],
) -> Result<Option<Splice>, String> {
    let (parent, key) = split(path)?;
    let map = match parent {
        None => Some(entry.clone()),
        Some(parent) => splice::mapping_at(entry, &[parent]),
    };
    Ok(map.and_then(|m| splice::remove_key(text, &m, key)))
}

fn drop_if_empty(text: &str, id: &str, parent: &str) -> Result<String, String> {
    let file = splice::parse(text)?;
    let list = splice::entries(&file).ok_or("no entries")?;
    let (_, entry) = splice::find_entry(&list, id).ok_or("entry gone")?;
    // Emptied, the mapping reads as null (`memory:` alone), or as `{}` in flow style.
    let empty = splice::mapping_at(&entry, &[parent]).is_none_or(|m| m.entries().next().is_none());
    match splice::remove_key(text, &entry, parent) {
        Some(edit) if empty => Ok(edit.apply(text)),
        _ => Ok(text.to_string()),
    }
}

fn append(
    text: &str,
    entry: &yaml_edit::Mapping,
    field: &str,
    item: &str,
) -> Result<Splice, String> {
    if let Some(list) = entry.get_sequence(field) {
        // In `[...]`, a comma or bracket would split or end the item: quote it there.
        let rendered = if list.is_flow_style() {
            flow_text(item)
        } else {
            text_to_yaml(item)
        };
        return splice::append_to_list(text, &list, &rendered)
            .ok_or_else(|| format!("cannot add to `{field}`"));
    }
    let value = Value::List(vec![item.to_string()]);
    set(text, entry, &[field.to_string()], &value)
}

/// Returns the text with `entry` added after the entry at index `after` (else at the end).
pub fn add(text: &str, entry: &Entry, after: Option<usize>) -> Result<String, String> {
    with_lf(text, |text| add_lf(text, entry, after))
}

fn add_lf(text: &str, entry: &Entry, after: Option<usize>) -> Result<String, String> {
    let file = splice::parse(text)?;
    let list = splice::entries(&file).ok_or("the file has no `entries` list")?;
    if list.values().next().is_none() {
        return Ok(add_first(text, entry));
    }
    if list.is_flow_style() {
        let edit = flow_list::insert_flow_item(&list, text, after, &entry_flow(entry))?;
        return Ok(edit.apply(text));
    }
    let edit = splice::insert_entry(text, &list, after, |dash, keys, eol| {
        entry_body(entry, dash, keys, eol)
    })?;
    Ok(edit.apply(text))
}

/// Returns the text with the first entry of an empty `entries:` (or `entries: []`) written
/// below that line; a comment on the line stays.
fn add_first(text: &str, entry: &Entry) -> String {
    let eol = splice::line_break(text);
    let body = entry_body(entry, 2, 4, eol);
    // The `entries:` key itself, at the start of a line: not a mention in a comment.
    let found = text
        .match_indices("entries:")
        .find(|(at, _)| *at == 0 || text[..*at].ends_with('\n'));
    let Some((start, _)) = found else {
        return format!("{text}{eol}entries:{eol}{body}");
    };
    let line_end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    // Whatever followed `entries:` (` []`, a comment) goes, but the comment stays as spaced.
    let rest = text[start + "entries:".len()..line_end].trim_end();
    let after_list = rest.trim_start().strip_prefix("[]");
    let comment = match after_list {
        Some(after) if after.trim_start().starts_with('#') => after,
        None if rest.trim_start().starts_with('#') => rest,
        _ => "",
    };
    // At the end of a file without a final line break, the new last line goes without one.
    let body = if line_end == text.len() && !text.ends_with('\n') {
        body.trim_end_matches(eol)
    } else {
        &body
    };
    format!(
        "{}entries:{comment}{eol}{body}{}",
        &text[..start],
        &text[line_end..]
    )
}

/// Returns a new vendor file holding `entry`.
pub fn new_vendor_file(vendor: &str, name: &str, entry: &Entry) -> String {
    vendor_text(&Vendor {
        vendor: vendor.to_string(),
        name: name.to_string(),
        entries: vec![entry.clone()],
        ..Vendor::default()
    })
}

/// Returns the text without the entry whose id is `id`.
pub fn remove(text: &str, id: &str) -> Result<String, String> {
    with_lf(text, |text| {
        let file = splice::parse(text)?;
        let list = splice::entries(&file).ok_or("the file has no `entries` list")?;
        let (index, _) =
            splice::find_entry(&list, id).ok_or_else(|| format!("no entry `{id}` in the file"))?;
        if list.is_flow_style() {
            return Ok(flow_list::remove_flow_item(&list, index)?.apply(text));
        }
        splice::remove_entry(text, &list, index)
    })
}
