//! Format-preserving edits: yaml-edit (lossless) finds the byte range of an entry, a key or a
//! value; the edit is a splice of the original text at that range, so every other byte of the
//! file (comments, blank lines, quoting, flow mappings, line endings) stays as it was.

use std::ops::Range;

use yaml_edit::{Mapping, MappingEntry, Sequence, TextPosition, YamlFile};

use crate::model::ENTRY_FIELDS;

use super::scalar::{is_long_key, key_to_yaml};

/// One splice: replace `range` of the text with `with`.
#[derive(Debug, Clone, PartialEq)]
pub struct Splice {
    pub range: Range<usize>,
    pub with: String,
}

impl Splice {
    pub(super) fn insert(at: usize, with: String) -> Splice {
        Splice {
            range: at..at,
            with,
        }
    }

    /// Returns `text` with this splice applied. Deleting the last line of a file that has no
    /// final line break takes the break before it, so the file still ends without one.
    pub fn apply(&self, text: &str) -> String {
        let mut range = self.range.clone();
        let before = &text[..range.start];
        if self.with.is_empty()
            && range.end == text.len()
            && !text.ends_with('\n')
            && before.ends_with('\n')
        {
            range.start -= if before.ends_with("\r\n") { 2 } else { 1 };
        }
        let mut out = String::with_capacity(text.len() + self.with.len());
        out.push_str(&text[..range.start]);
        out.push_str(&self.with);
        out.push_str(&text[range.end..]);
        out
    }
}

/// Returns the file's line break: CRLF if it uses CRLF, else LF.
pub fn line_break(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// Returns the lossless tree of `text` (yaml-edit is lenient: `check` stays the validator).
pub fn parse(text: &str) -> Result<YamlFile, String> {
    let parsed = YamlFile::parse(text);
    if parsed.has_errors() {
        return Err(parsed.errors().join("; "));
    }
    Ok(parsed.tree())
}

/// Returns the root mapping's `entries` sequence.
pub fn entries(file: &YamlFile) -> Option<Sequence> {
    file.document()?.as_mapping()?.get_sequence("entries")
}

/// Returns the position and mapping of the entry whose `id` is `id`.
pub fn find_entry(entries: &Sequence, id: &str) -> Option<(usize, Mapping)> {
    entries.values().enumerate().find_map(|(i, item)| {
        let map = item.as_mapping()?.clone();
        (map.get("id")?.as_scalar()?.as_string() == id).then_some((i, map))
    })
}

pub(super) fn range(p: TextPosition) -> Range<usize> {
    p.start as usize..p.end as usize
}

// Both search bytes, so `at` may fall inside a multi-byte character; what they return is
// always a character boundary (0, the end, or just after a line break).
fn line_start(text: &str, at: usize) -> usize {
    let bytes = &text.as_bytes()[..at];
    bytes.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1)
}

fn line_end(text: &str, at: usize) -> usize {
    let bytes = &text.as_bytes()[at..];
    bytes
        .iter()
        .position(|b| *b == b'\n')
        .map_or(text.len(), |i| at + i + 1)
}

fn column(text: &str, at: usize) -> usize {
    at - line_start(text, at)
}

/// Returns `r` without the whole blank lines at its end (a block scalar's node holds them).
fn trim_blank_tail(text: &str, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    while end > r.start {
        let start = line_start(text, end - 1);
        if start > r.start && text[start..end].trim().is_empty() {
            end = start;
        } else {
            break;
        }
    }
    r.start..end
}

/// Returns an entry's text: from the start of its `- ` line to the end of its last non-blank
/// line. Comment and blank lines after it belong to what follows (a section's heading).
pub fn entry_range(text: &str, entry: &Mapping) -> Range<usize> {
    let map = range(entry.byte_range());
    trim_blank_tail(text, line_start(text, map.start)..map.end)
}

/// Returns the lines of one `key: value` of a block mapping, without trailing blank lines.
fn key_lines(text: &str, pair: &MappingEntry) -> Range<usize> {
    let pair = range(pair.byte_range());
    let mut start = line_start(text, pair.start);
    // The first key of an item shares its line with `- `: start at the key then.
    if !text[start..pair.start].trim().is_empty() {
        start = pair.start;
    }
    trim_blank_tail(text, start..pair.end)
}

/// Returns the mapping at `path` below `map` (`["memory"]`), if every step is a mapping.
pub fn mapping_at(map: &Mapping, path: &[&str]) -> Option<Mapping> {
    path.iter()
        .try_fold(map.clone(), |m, key| m.get_mapping(key))
}

/// Returns the splice that replaces the value of `key` in `map` with `rendered`.
///
/// Only the value's own text is replaced, so a trailing comment stays.
pub fn replace_value(text: &str, map: &Mapping, key: &str, rendered: &str) -> Option<Splice> {
    let pair = map.entries().find(|e| e.key_matches(key))?;
    let value = range(pair.value_node()?.byte_range());
    // A multi-line value (block list, mapping or scalar) keeps its final line break and the
    // indentation of the line after it: replace its text only.
    let target = value.start..value.start + text[value.clone()].trim_end().len();
    // A null written as nothing (`notes:`, maybe a comment line below) is an empty range right
    // after the colon: the value needs its space.
    let bare = target.is_empty() && text[..target.start].ends_with(':');
    let with = if bare && !rendered.starts_with(['\n', '\r']) {
        format!(" {rendered}")
    } else {
        rendered.to_string()
    };
    Some(Splice {
        range: target,
        with,
    })
}

/// Returns the splice that adds `key: rendered` to a mapping that lacks it. In a block mapping
/// the new line goes after the nearest earlier key in docs/format.md order (else last), at the
/// mapping's key column; `rendered` may span lines (already indented). In a flow mapping it
/// goes in as `, key: value` after the last value.
pub fn add_key(text: &str, map: &Mapping, key: &str, rendered: &str) -> Splice {
    let pairs: Vec<MappingEntry> = map.entries().collect();
    let map_range = range(map.byte_range());
    // `specs.#new` is a key YAML would read as a comment unless quoted.
    let mut name = key_to_yaml(key, map.is_flow_style());
    if is_long_key(&name) {
        name = format!("? {name}");
    }
    if map.is_flow_style() {
        let at = pairs
            .last()
            .and_then(|p| p.value_node())
            .map_or(map_range.start + 1, |v| range(v.byte_range()).end);
        let separator = if pairs.is_empty() { "" } else { ", " };
        return Splice::insert(at, format!("{separator}{name}: {rendered}"));
    }
    let rank = |k: &str| ENTRY_FIELDS.iter().position(|o| *o == k);
    let key_of = |p: &MappingEntry| {
        p.key_node()
            .and_then(|k| k.as_scalar().map(|s| s.as_string()))
    };
    let after = rank(key)
        .and_then(|wanted| {
            pairs.iter().rfind(|p| {
                key_of(p)
                    .as_deref()
                    .and_then(rank)
                    .is_some_and(|r| r < wanted)
            })
        })
        .or(pairs.last());
    let at = after.map_or(map_range.end, |p| key_lines(text, p).end);
    // A value written on the lines below its key (a nested mapping or list) follows `key:`.
    let separator = if rendered.starts_with(['\n', '\r']) {
        ""
    } else {
        " "
    };
    let indent = " ".repeat(column(text, map_range.start));
    let eol = line_break(text);
    // An explicit key (`? key`) has its `:` on the next line.
    let colon = if name.starts_with('?') {
        format!("{eol}{indent}:")
    } else {
        ":".to_string()
    };
    let line = format!("{indent}{name}{colon}{separator}{rendered}");
    if at == text.len() && !text.ends_with('\n') {
        Splice::insert(at, format!("{eol}{line}"))
    } else {
        Splice::insert(at, format!("{line}{eol}"))
    }
}

/// Returns the key column of a block mapping, for nested values written under a new key.
pub fn key_column(text: &str, map: &Mapping) -> usize {
    column(text, range(map.byte_range()).start)
}

/// Returns the splice that removes `key` from `map`: its whole lines in a block mapping (the
/// comment lines around it stay), `key: value` and one comma in a flow mapping.
pub fn remove_key(text: &str, map: &Mapping, key: &str) -> Option<Splice> {
    let pairs: Vec<MappingEntry> = map.entries().collect();
    let i = pairs.iter().position(|p| p.key_matches(key))?;
    let pair = range(pairs[i].byte_range());
    if map.is_flow_style() {
        let range = match (i + 1 < pairs.len(), i.checked_sub(1)) {
            (true, _) | (false, None) => {
                let next = pairs
                    .get(i + 1)
                    .map_or(pair.end, |p| range(p.byte_range()).start);
                pair.start..next
            }
            (false, Some(previous)) => {
                range(pairs[previous].value_node()?.byte_range()).end..pair.end
            }
        };
        return Some(Splice {
            range,
            with: String::new(),
        });
    }
    let lines = key_lines(text, &pairs[i]);
    let shares_dash_line = !text[line_start(text, pair.start)..pair.start]
        .trim()
        .is_empty();
    let range = match pairs.get(i + 1) {
        // `- family: X` then `  id: x`: cut up to the next key, which moves up to the dash.
        Some(next) if shares_dash_line => pair.start..range(next.byte_range()).start,
        _ => lines,
    };
    Some(Splice {
        range,
        with: String::new(),
    })
}

/// Returns the splice that appends `rendered` (a scalar) to a list: `, item` before `]` in a
/// flow list, a new `- item` line like the last one in a block list.
pub fn append_to_list(text: &str, list: &Sequence, rendered: &str) -> Option<Splice> {
    let items: Vec<_> = list.values().collect();
    let list_range = range(list.byte_range());
    if list.is_flow_style() {
        let at = items
            .last()
            .map_or(list_range.start + 1, |last| range(last.byte_range()).end);
        let separator = if items.is_empty() { "" } else { ", " };
        return Some(Splice::insert(at, format!("{separator}{rendered}")));
    }
    let last = range(items.last()?.byte_range());
    let start = line_start(text, last.start);
    let prefix = &text[start..last.start];
    let dash = prefix.find('-')?;
    let item_prefix = format!("{}{}", " ".repeat(dash), &prefix[dash..]);
    let at = trim_blank_tail(text, start..line_end(text, last.end)).end;
    let eol = line_break(text);
    Some(if at == text.len() && !text.ends_with('\n') {
        Splice::insert(at, format!("{eol}{item_prefix}{rendered}"))
    } else {
        Splice::insert(at, format!("{item_prefix}{rendered}{eol}"))
    })
}

/// Returns the splice that inserts a new entry after the entry at `after` (else after the
/// last), written by `body(dash_column, key_column, line_break)` to match that neighbour.
pub fn insert_entry(
    text: &str,
    list: &Sequence,
    after: Option<usize>,
    body: impl Fn(usize, usize, &str) -> String,
) -> Result<Splice, String> {
    let eol = line_break(text);
    let neighbours: Vec<Mapping> = list
        .values()
        .filter_map(|v| v.as_mapping().cloned())
        .collect();
    let anchor = match after {
        Some(i) => neighbours.get(i).cloned(),
        None => neighbours.last().cloned(),
    };
    let Some(anchor) = anchor else {
        return Err("the vendor file has no entry to place the new one beside".into());
    };
    let anchor_range = entry_range(text, &anchor);
    let dash_at = anchor_range.start + text[anchor_range.start..].find('-').unwrap_or(0);
    let dash = column(text, dash_at);
    let mut keys = key_column(text, &anchor);
    if anchor.is_flow_style() || keys <= dash {
        keys = dash + 2;
    }
    let body = body(dash, keys, eol);
    // The entry's range may stop before its line break: insert on the next line.
    let mut at = anchor_range.end;
    if !text[..at].ends_with('\n') {
        at = line_end(text, at);
    }
    Ok(if at == text.len() && !text.ends_with('\n') {
        Splice::insert(at, format!("{eol}{}", body.trim_end_matches(eol)))
    } else {
        Splice::insert(at, body)
    })
}

/// Returns the text without entry `index`: its lines only (a doubled blank line left behind is
/// collapsed); a list left empty becomes `entries: []`.
pub fn remove_entry(text: &str, list: &Sequence, index: usize) -> Result<String, String> {
    let items: Vec<Mapping> = list
        .values()
        .filter_map(|v| v.as_mapping().cloned())
        .collect();
    let entry = items.get(index).ok_or("no such entry")?;
    let mut cut = entry_range(text, entry);
    let start_of_next = line_end(text, cut.end.saturating_sub(1).max(cut.start));
    if start_of_next > cut.end {
        cut.end = start_of_next;
    }
    // Keep the spacing of what stays: no doubled blank line, no blank line left between a
    // heading comment (or `entries:`) and the next entry, none left at the end of the file.
    let line_before = (cut.start > 0).then(|| &text[line_start(text, cut.start - 1)..cut.start]);
    let blank_before = line_before.is_some_and(|l| l.trim().is_empty());
    let heading_before = line_before.is_some_and(|l| {
        let l = l.trim();
        l.starts_with('#') || l.ends_with(':')
    });
    let next_line = &text[cut.end..line_end(text, cut.end)];
    let blank_after = !next_line.is_empty() && next_line.trim().is_empty();
    if blank_after && (blank_before || heading_before) {
        cut.end += next_line.len();
    } else if blank_before && text[cut.end..].trim().is_empty() {
        cut.start = line_start(text, cut.start - 1);
        cut.end = text.len();
    }
    let out = Splice {
        range: cut,
        with: String::new(),
    }
    .apply(text);
    if items.len() > 1 {
        return Ok(out);
    }
    // `entries:` would now read as null: make it an empty list (comments below it stay).
    let file = parse(&out)?;
    let root = file
        .document()
        .and_then(|d| d.as_mapping())
        .ok_or("no root mapping")?;
    let pair = root
        .entries()
        .find(|e| e.key_matches("entries"))
        .ok_or("no entries")?;
    let key = range(pair.key_node().ok_or("no key")?.byte_range());
    let colon = key.end + out[key.end..].find(':').ok_or("no colon")? + 1;
    Ok(Splice::insert(colon, " []".into()).apply(&out))
}
