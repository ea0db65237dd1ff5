//! What an edit was asked to do, on the typed model, and the last guards before it is written:
//! the entries it adds or changes read back from the new text as asked (a value YAML would
//! read as something else is caught here), and every other entry comes out equal.

use crate::error::{Error, Result};
use crate::model::{Entry, Memory, Roadmap, SpecValue, Vendor, same_alias};

use super::change::{Planned, Request, find};
use super::edit::Op;
use super::scalar::Value;
use crate::store::read::datadir::shown;

/// Returns `entry` as `ops` leave it, or why an op has no meaning for an entry.
pub fn applied(entry: &Entry, ops: &[Op]) -> Result<Entry, String> {
    let mut out = entry.clone();
    for op in ops {
        apply(&mut out, op)?;
    }
    Ok(out)
}

/// Returns whether a rename of `old` (changed by `ops`) adds the old id to the aliases: unless
/// they list it already, in any case. It is kept even when it reads as the name (`b1` of
/// `B1`): the name may change later, and the old id is what follows the rename.
pub fn keeps_old_id(old: &Entry, ops: &[Op]) -> bool {
    let new = applied(old, ops).unwrap_or_else(|_| old.clone());
    !new.aliases.iter().any(|a| same_alias(a, &old.id))
}

/// Applies one op to the entry, as the edit of its file should.
pub fn apply(e: &mut Entry, op: &Op) -> Result<(), String> {
    match op {
        Op::Set(path, value) => set(e, path, value),
        Op::Unset(path) => unset(e, path),
        Op::Append(field, item) => {
            match field.as_str() {
                "aliases" => e.aliases.push(item.clone()),
                "sources" => e.sources.push(item.clone()),
                other => return Err(format!("`{other}` is not a list")),
            }
            Ok(())
        }
    }
}

fn set(e: &mut Entry, path: &[String], value: &Value) -> Result<(), String> {
    let bad = || format!("{value:?} is not a value of `{}`", path.join("."));
    let text = || match value {
        Value::Text(t) => Ok(t.clone()),
        _ => Err(bad()),
    };
    let number = || match value {
        Value::Number(n) => Ok(*n),
        _ => Err(bad()),
    };
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["id"] => e.id = text()?,
        ["name"] => e.name = text()?,
        ["kind"] => e.kind = text()?.parse().map_err(|_| bad())?,
        ["status"] => e.status = text()?.parse().map_err(|_| bad())?,
        ["confidence"] => e.confidence = Some(text()?.parse().map_err(|_| bad())?),
        ["family"] => e.family = Some(text()?),
        ["process"] => e.process = Some(text()?),
        ["notes"] => e.notes = Some(text()?),
        ["predecessor"] => e.predecessor = Some(text()?),
        ["announced" | "available"] => {
            let Value::Date(d) = value else {
                return Err(bad());
            };
            let slot = if p[0] == "announced" {
                &mut e.announced
            } else {
                &mut e.available
            };
            *slot = Some(*d);
        }
        ["aliases" | "sources"] => {
            let Value::List(items) = value else {
                return Err(bad());
            };
            let slot = if p[0] == "aliases" {
                &mut e.aliases
            } else {
                &mut e.sources
            };
            slot.clone_from(items);
        }
        ["memory", key] => {
            let m = e.memory.get_or_insert_with(Memory::default);
            match *key {
                "type" => m.kind = Some(text()?),
                "capacity_gb" => m.capacity_gb = Some(number()?),
                "bandwidth_tbs" => m.bandwidth_tbs = Some(number()?),
                _ => return Err(bad()),
            }
        }
        ["specs", key] => {
            let v = match value {
                Value::Number(n) => SpecValue::Number(*n),
                Value::Bool(b) => SpecValue::Bool(*b),
                Value::Text(t) => SpecValue::Text(t.clone()),
                _ => return Err(bad()),
            };
            match e.specs.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = v,
                None => e.specs.push((key.to_string(), v)),
            }
        }
        _ => return Err(bad()),
    }
    Ok(())
}

fn unset(e: &mut Entry, path: &[String]) -> Result<(), String> {
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["family"] => e.family = None,
        ["confidence"] => e.confidence = None,
        ["announced"] => e.announced = None,
        ["available"] => e.available = None,
        ["process"] => e.process = None,
        ["memory"] => e.memory = None,
        ["predecessor"] => e.predecessor = None,
        ["aliases"] => e.aliases.clear(),
        ["specs"] => e.specs.clear(),
        ["sources"] => e.sources.clear(),
        ["notes"] => e.notes = None,
        ["memory", key] => {
            if let Some(m) = &mut e.memory {
                match *key {
                    "type" => m.kind = None,
                    "capacity_gb" => m.capacity_gb = None,
                    "bandwidth_tbs" => m.bandwidth_tbs = None,
                    other => return Err(format!("`memory.{other}` is not a field")),
                }
                // An emptied `memory:` goes too.
                if *m == Memory::default() {
                    e.memory = None;
                }
            }
        }
        ["specs", key] => e.specs.retain(|(k, _)| k != key),
        _ => return Err(format!("`{}` cannot be unset", path.join("."))),
    }
    Ok(())
}

/// Returns an error unless the entries the change adds or changes read back, from the new
/// text, as exactly what was asked: a value YAML would read as something else (a key taken for
/// a comment, a line break folded to a space) is a chipmap bug, never written.
pub(super) fn asked_reads_back(
    roadmap: &Roadmap,
    request: &Request,
    after: &Vendor,
    planned: &Planned,
) -> Result<()> {
    let bug = |why: String| {
        Error::usage(
            format!("refusing to write {}: {why}", shown(&planned.path)),
            Some("this is a bug in chipmap; nothing was written".into()),
        )
    };
    let wanted: Vec<Entry> = match request {
        Request::Add { entry, .. } => vec![(**entry).clone()],
        Request::Update { key, ops, rename } => {
            let (vendor, old) = find(roadmap, key)?;
            let mut new = applied(old, ops).map_err(&bug)?;
            let mut wanted = Vec::new();
            if let Some(new_id) = rename.as_deref().filter(|n| *n != old.id) {
                // As plan_update renames: the old id becomes an alias, followers follow.
                if keeps_old_id(old, ops) {
                    new.aliases.push(old.id.clone());
                }
                new.id = new_id.to_string();
                let follows = |e: &&Entry| e.predecessor.as_deref() == Some(old.id.as_str());
                for follower in vendor.entries.iter().filter(follows) {
                    let mut follower = follower.clone();
                    follower.predecessor = Some(new_id.to_string());
                    wanted.push(follower);
                }
            }
            wanted.push(new);
            wanted
        }
        Request::Remove { key } => {
            let (_, old) = find(roadmap, key)?;
            if after.entries.iter().any(|e| e.id == old.id) {
                return Err(bug(format!("`{key}` would still be in the file")));
            }
            Vec::new()
        }
    };
    for want in &wanted {
        match after.entries.iter().find(|e| e.id == want.id) {
            Some(got) if got == want => {}
            Some(got) => {
                return Err(bug(format!(
                    "`{}` would read back as {got:?}, not as asked ({want:?})",
                    want.key(&after.vendor)
                )));
            }
            None => {
                return Err(bug(format!(
                    "`{}` would not be in the file",
                    want.key(&after.vendor)
                )));
            }
        }
    }
    Ok(())
}

/// Returns an error if an entry the change was not meant to touch came out different: a
/// last guard against a splice in the wrong place.
pub(super) fn untouched_stay_equal(
    before: Option<&Vendor>,
    after: &Vendor,
    planned: &Planned,
) -> Result<()> {
    let kept = |e: &&Entry| !planned.touched.contains(&e.id);
    let old: Vec<&Entry> = before
        .map(|v| v.entries.iter().filter(kept).collect())
        .unwrap_or_default();
    let new: Vec<&Entry> = after.entries.iter().filter(kept).collect();
    if old == new {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "refusing to write {}: the edit would also change other entries of `{}`",
            shown(&planned.path),
            after.vendor
        ),
        Some("this is a bug in chipmap; nothing was written".into()),
    ))
}
