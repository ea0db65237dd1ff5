//! The expected model after an edit, reading a text back, and the checks of one step.

use proptest::test_runner::TestCaseError;

use crate::model::{Entry, Vendor};

use crate::store::read::decode::{FileKind, decode};
use crate::store::read::source::SourceFile;
use crate::store::write::edit::Op;
use crate::store::write::scalar::Value;

use super::ops::{FieldOp, path};

// ---------------------------------------------------------------------------------------------
// The expected model.

/// Applies `op` to the expected model, as `change` expects the edit to.
pub(super) fn apply_model(e: &mut Entry, op: &Op) {
    crate::store::write::readback::apply(e, op).unwrap();
}

/// Returns the op to run on `entries[target]`, or None when it does not apply there.
pub(super) fn resolve(op: &FieldOp, entries: &[Entry], target: usize) -> Option<Op> {
    let e = &entries[target];
    Some(match op {
        FieldOp::Set(p, v) => Op::Set(p.clone(), v.clone()),
        FieldOp::SetPredecessor(at) => {
            if target == 0 {
                return None;
            }
            let id = entries[at.index(target)].id.clone();
            Op::Set(path("predecessor"), Value::Text(id))
        }
        FieldOp::Unset(p) => {
            // An entry needs one of its two dates.
            let last_date = match p.join(".").as_str() {
                "announced" => e.available.is_none(),
                "available" => e.announced.is_none(),
                _ => false,
            };
            if last_date {
                return None;
            }
            Op::Unset(p.clone())
        }
        FieldOp::Append(f, item) => Op::Append(f.to_string(), item.to_string()),
    })
}

// ---------------------------------------------------------------------------------------------
// Reading a text back: the typed model, and the lines of each entry.

pub(super) fn load(text: &str) -> Result<Vendor, String> {
    let mut diags = Vec::new();
    let source = SourceFile {
        path: "acme.yaml",
        text,
    };
    let decoded = decode(&source, "acme", Some(FileKind::Vendor), &mut diags);
    if !diags.is_empty() {
        let shown: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        return Err(shown.join("\n"));
    }
    decoded
        .vendors
        .into_iter()
        .next()
        .map(|(v, _)| v)
        .ok_or_else(|| "no vendor decoded".to_string())
}

/// The lines of a text without their line breaks (a final line break ends the last line).
pub(super) fn lines(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

pub(super) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Each entry's id and line range: from its `- id:` line while lines are non-blank and
/// deeper than the dash (comments between entries sit at the dash column or left of it).
pub(super) fn blocks(lines: &[&str]) -> Vec<(String, std::ops::Range<usize>)> {
    blocks_with(lines, false)
}

/// `blocks`, with comment lines at an entry's end counted as the entry's when `trailing`.
pub(super) fn blocks_with(lines: &[&str], trailing: bool) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("- id:") else {
            continue;
        };
        let dash = indent(line);
        let mut end = i + 1;
        while end < lines.len() && !lines[end].trim().is_empty() && indent(lines[end]) > dash {
            end += 1;
        }
        // A comment at its end heads what follows (an entry's own comments precede a key).
        while !trailing && end > i + 1 && lines[end - 1].trim_start().starts_with('#') {
            end -= 1;
        }
        let id = rest.split(" #").next().unwrap_or(rest).trim();
        let id = id
            .strip_prefix(['\'', '"'])
            .and_then(|s| s.strip_suffix(['\'', '"']))
            .unwrap_or(id);
        out.push((id.to_string(), i..end));
    }
    out
}

/// The lines without those of entry `id`; `entries: []` read as `entries:`.
pub(super) fn outside(lines: &[&str], id: &str, trailing: bool) -> (Vec<String>, Option<usize>) {
    let cut = blocks_with(lines, trailing)
        .into_iter()
        .find(|(b, _)| b == id);
    let at = cut.as_ref().map(|(_, r)| r.start);
    let out = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !cut.as_ref().is_some_and(|(_, r)| r.contains(i)))
        .map(|(_, l)| l.replacen("entries: []", "entries:", 1))
        .collect();
    (out, at)
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Touched<'a> {
    Update(&'a str),
    Add(&'a str),
    Remove(&'a str),
}

pub(super) fn fail(what: &str, before: &str, after: &str, op: &str) -> TestCaseError {
    TestCaseError::fail(format!(
        "{what}\n--- op: {op}\n--- before:\n{before}\n--- before (escaped): {before:?}\n--- after:\n{after}\n--- after (escaped): {after:?}"
    ))
}

/// Checks (a), (b), (d) and the model part of (c) for one step.
pub(super) fn check_step(
    before: &str,
    after: &str,
    touched: Touched,
    expected: &Vendor,
    op: &str,
) -> Result<(), TestCaseError> {
    let fail = |what: String| fail(&what, before, after, op);
    // (a) It still checks clean; (c) the typed model is what was intended.
    let got = load(after).map_err(|d| fail(format!("(a) diagnostics after the edit:\n{d}")))?;
    if &got != expected {
        for (i, (g, w)) in got.entries.iter().zip(&expected.entries).enumerate() {
            if g != w {
                let (g, w) = (format!("{g:#?}"), format!("{w:#?}"));
                let (g, w): (Vec<&str>, Vec<&str>) = (g.lines().collect(), w.lines().collect());
                let first = g.iter().zip(&w).position(|(a, b)| a != b).unwrap_or(0);
                return Err(fail(format!(
                    "(c) entry {i} differs from the model, from its line {first}:\n{}\nbut should be\n{}",
                    g[first.saturating_sub(3)..(first + 6).min(g.len())].join("\n"),
                    w[first.saturating_sub(3)..(first + 6).min(w.len())].join("\n"),
                )));
            }
        }
        return Err(fail(format!(
            "(c) model differs: got ids {:?}, expected {:?}",
            got.entries.iter().map(|e| &e.id).collect::<Vec<_>>(),
            expected.entries.iter().map(|e| &e.id).collect::<Vec<_>>()
        )));
    }
    // (b) Untouched entries: same lines, same relative order.
    let (old_lines, new_lines) = (lines(before), lines(after));
    let (old_blocks, new_blocks) = (blocks(&old_lines), blocks(&new_lines));
    let touched_id = match touched {
        Touched::Update(id) | Touched::Add(id) | Touched::Remove(id) => id,
    };
    let untouched = |bs: &[(String, std::ops::Range<usize>)]| -> Vec<String> {
        bs.iter()
            .filter(|(id, _)| id != touched_id)
            .map(|(id, _)| id.clone())
            .collect()
    };
    if untouched(&old_blocks) != untouched(&new_blocks) {
        return Err(fail(format!(
            "(b) untouched entries changed order: {:?} -> {:?}",
            untouched(&old_blocks),
            untouched(&new_blocks)
        )));
    }
    for (id, r) in old_blocks.iter().filter(|(id, _)| id != touched_id) {
        let new = new_blocks.iter().find(|(n, _)| n == id).unwrap();
        if old_lines[r.clone()] != new_lines[new.1.clone()] {
            return Err(fail(format!(
                "(b) untouched entry `{id}` changed:\n{:#?}\n->\n{:#?}",
                &old_lines[r.clone()],
                &new_lines[new.1.clone()]
            )));
        }
    }
    // (b) Every line outside the touched entry (header, comments, blank lines, trailer) stays.
    // An unset keeps the comment lines around a key, which may then end the entry.
    let trailing = matches!(touched, Touched::Update(_));
    let (old_out, old_at) = outside(&old_lines, touched_id, trailing);
    let (new_out, new_at) = outside(&new_lines, touched_id, trailing);
    let same = match touched {
        Touched::Update(_) => old_out == new_out && old_at == new_at,
        Touched::Add(_) => old_out == new_out,
        // Removing may collapse the blank line it leaves doubled.
        Touched::Remove(_) => {
            old_out == new_out
                || old_at.is_some_and(|at| {
                    (at.saturating_sub(1)..=at).any(|blank| {
                        let mut fewer = old_out.clone();
                        blank < fewer.len() && fewer[blank].trim().is_empty() && {
                            fewer.remove(blank);
                            fewer == new_out
                        }
                    })
                })
        }
    };
    if !same {
        let first = old_out
            .iter()
            .zip(&new_out)
            .position(|(a, b)| a != b)
            .unwrap_or(old_out.len().min(new_out.len()));
        let window = |v: &[String]| v[first.saturating_sub(2)..(first + 3).min(v.len())].to_vec();
        let diff = format!(
            "first difference at line {first} (outside the entry):\n{:#?}\n->\n{:#?}",
            window(&old_out),
            window(&new_out)
        );
        return Err(fail(format!(
            "(b) lines outside the touched entry changed: {diff}"
        )));
    }
    // (d) Line breaks are the file's own; the final line break is kept or left out as it was.
    let crlf = before.contains("\r\n");
    let lone_lf = after
        .match_indices('\n')
        .any(|(i, _)| i == 0 || after.as_bytes()[i - 1] != b'\r');
    if crlf && lone_lf {
        return Err(fail("(d) a lone LF in a CRLF file".into()));
    }
    if !crlf && after.contains('\r') {
        return Err(fail("(d) a CR in an LF file".into()));
    }
    if before.ends_with('\n') != after.ends_with('\n') {
        return Err(fail("(d) the final line break came or went".into()));
    }
    Ok(())
}

/// After an unset that empties `memory` or `specs`, its key line goes too.
pub(super) fn check_no_empty_parent(
    after: &str,
    id: &str,
    entry: &Entry,
    before: &str,
    op: &str,
) -> Result<(), TestCaseError> {
    let ls = lines(after);
    let Some((_, r)) = blocks(&ls).into_iter().find(|(b, _)| b == id) else {
        return Ok(());
    };
    for (parent, empty) in [
        ("memory:", entry.memory.is_none()),
        ("specs:", entry.specs.is_empty()),
    ] {
        let line = ls[r.clone()]
            .iter()
            .skip(1)
            .find(|l| l.trim_start().starts_with(parent));
        if empty && let Some(line) = line {
            return Err(fail(
                &format!("(c) `{parent}` left behind with nothing under it: {line:?}"),
                before,
                after,
                op,
            ));
        }
    }
    Ok(())
}
