//! What an `add` or `update` asks for, weighed against the entry before anything is edited:
//! values listed already are left out with a note (adding what is there is a no-op), a
//! predecessor typed as a name is its id, and a rename to the id the entry has is no rename.

use crate::error::Result;
use crate::model::{Entry, Roadmap, Vendor};

use super::change::{Request, find, vendor_named};
use super::edit::Op;
use super::readback;
use super::scalar::Value;

/// Returns the request without what it asks for that is there already, and a note for each
/// left out: an alias or source the entry lists (aliases ignoring case, sources but for a
/// trailing `/`), an alias that is the entry's name, and a rename to the id it has. A
/// predecessor given by a name, alias or former id of an entry of the vendor becomes its id.
pub(super) fn without_repeats(
    roadmap: &Roadmap,
    request: &Request,
) -> Result<(Request, Vec<String>)> {
    let mut notes = Vec::new();
    let request = match request {
        Request::Add {
            vendor,
            vendor_name,
            entry,
        } => {
            let known = vendor_named(roadmap, vendor)?;
            let key = entry.key(known.map_or(vendor.as_str(), |v| &v.vendor));
            let predecessor = match (known, &entry.predecessor) {
                (Some(known), Some(typed)) => Some(predecessor_id(known, typed, &key, &mut notes)),
                (_, typed) => typed.clone(),
            };
            let mut kept = Entry {
                aliases: Vec::new(),
                sources: Vec::new(),
                predecessor,
                ..(**entry).clone()
            };
            let asked = entry.aliases.iter().map(|a| ("aliases", a));
            for (field, item) in asked.chain(entry.sources.iter().map(|s| ("sources", s))) {
                match kept.repeats(field, item) {
                    Some(why) => notes.push(format!("{key}: {why}")),
                    None if field == "aliases" => kept.aliases.push(item.clone()),
                    None => kept.sources.push(item.clone()),
                }
            }
            Request::Add {
                vendor: vendor.clone(),
                vendor_name: vendor_name.clone(),
                entry: Box::new(kept),
            }
        }
        Request::Update { key, ops, rename } => {
            let (vendor, entry) = find(roadmap, key)?;
            let shown = entry.key(&vendor.vendor);
            // Each op is weighed against the entry as the ops before it leave it.
            let mut current = entry.clone();
            let mut kept = Vec::with_capacity(ops.len());
            for op in ops {
                if let Op::Append(field, item) = op
                    && let Some(why) = current.repeats(field, item)
                {
                    notes.push(format!("{shown}: {why}"));
                    continue;
                }
                let op = match op {
                    Op::Set(path, Value::Text(typed)) if path == &["predecessor"] => {
                        let id = predecessor_id(vendor, typed, &shown, &mut notes);
                        Op::Set(path.clone(), Value::Text(id))
                    }
                    other => other.clone(),
                };
                // An op that has no meaning is refused by the plan itself, with its reason.
                let _ = readback::apply(&mut current, &op);
                kept.push(op);
            }
            let rename = match rename {
                Some(new_id) if *new_id == entry.id => {
                    let asked = key.trim();
                    let via = if asked == entry.id || asked == shown {
                        String::new()
                    } else {
                        format!(" (`{asked}` is another name of it)")
                    };
                    notes.push(format!(
                        "{shown}: its id is `{new_id}` already{via}; nothing to rename"
                    ));
                    None
                }
                other => other.clone(),
            };
            Request::Update {
                key: key.clone(),
                ops: kept,
                rename,
            }
        }
        Request::Remove { .. } => request.clone(),
    };
    Ok((request, notes))
}

/// Returns the id of the entry of `vendor` that `typed` names by the KEY rules (`B200` is
/// `b200`), noting the change; else `typed`, which `check` then refuses with a did-you-mean.
fn predecessor_id(vendor: &Vendor, typed: &str, key: &str, notes: &mut Vec<String>) -> String {
    if vendor.entries.iter().any(|e| e.id == typed) {
        return typed.to_string();
    }
    let alone = Roadmap {
        vendors: vec![vendor.clone()],
    };
    match alone.find(typed) {
        Ok((_, found)) => {
            notes.push(format!(
                "{key}: predecessor `{typed}` is `{}`",
                found.key(&vendor.vendor)
            ));
            found.id.clone()
        }
        Err(_) => typed.to_string(),
    }
}
