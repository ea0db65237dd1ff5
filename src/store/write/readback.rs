//! What an edit was asked to do, on the typed model: the entry an edit must read back as from
//! the text it writes (the last guard against a value YAML would read as something else).

use crate::model::{Entry, Memory, SpecValue};

use super::edit::Op;
use super::scalar::Value;

/// Returns `entry` as `ops` leave it, or why an op has no meaning for an entry.
pub fn applied(entry: &Entry, ops: &[Op]) -> Result<Entry, String> {
    let mut out = entry.clone();
    for op in ops {
        apply(&mut out, op)?;
    }
    Ok(out)
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
