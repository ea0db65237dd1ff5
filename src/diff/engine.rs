//! Matching the entries of two roadmaps by key and by rename (docs/format.md section 7), and listing
//! what changed. Every lookup goes through a hash map, so a diff is linear in the entries.

use std::collections::{HashMap, HashSet};

use super::fields::field_changes;
use super::{ChangeKind, Changes, EntryChange, FieldValue, Standing, Summary};
use crate::model::{Entry, Roadmap, loose};

/// Reads, from an old entry, the word a new entry's index is searched for.
type Evidence = fn(&Entry) -> String;

/// Returns the changes from `old` to `new`.
///
/// Entries match by key `vendor/id`; an old entry whose key is gone matches a new entry of the
/// same vendor whose key is new when the new one lists the old id or name in `aliases` (ASCII
/// case ignored) or their names are equal ignoring case, spaces, hyphens and underscores. The
/// changes come by vendor in the new roadmap's order (vendors only in the old one after); within
/// a vendor, in the new file's order, then the removed entries in the old file's order.
pub fn diff(old: &Roadmap, new: &Roadmap) -> Changes {
    let old_vendors = group_by_vendor(old);
    let new_vendors = group_by_vendor(new);
    let old_index: HashMap<&str, &[&Entry]> = old_vendors
        .iter()
        .map(|(vendor, entries)| (*vendor, entries.as_slice()))
        .collect();
    let mut changes = Vec::new();
    for (vendor, new_entries) in &new_vendors {
        let old_entries = old_index.get(vendor).copied().unwrap_or_default();
        diff_vendor(vendor, old_entries, new_entries, &mut changes);
    }
    let new_ids: HashSet<&str> = new_vendors.iter().map(|(vendor, _)| *vendor).collect();
    for (vendor, old_entries) in &old_vendors {
        if !new_ids.contains(vendor) {
            diff_vendor(vendor, old_entries, &[], &mut changes);
        }
    }
    let summary = Summary::of(&changes);
    Changes { changes, summary }
}

/// Returns each vendor id with its entries, in the order vendors first appear (a vendor listed
/// twice, which `check` refuses, has its entries joined rather than lost).
fn group_by_vendor(roadmap: &Roadmap) -> Vec<(&str, Vec<&Entry>)> {
    let mut groups: Vec<(&str, Vec<&Entry>)> = Vec::with_capacity(roadmap.vendors.len());
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(roadmap.vendors.len());
    for vendor in &roadmap.vendors {
        let at = *position.entry(&vendor.vendor).or_insert_with(|| {
            groups.push((&vendor.vendor, Vec::new()));
            groups.len() - 1
        });
        groups[at].1.extend(&vendor.entries);
    }
    groups
}

/// Appends the changes of one vendor's entries, in the order `diff` promises.
pub(super) fn diff_vendor(
    vendor: &str,
    old: &[&Entry],
    new: &[&Entry],
    out: &mut Vec<EntryChange>,
) {
    let mut old_by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (at, entry) in old.iter().enumerate() {
        old_by_id.entry(&entry.id).or_insert(at);
    }
    let new_ids: HashSet<&str> = new.iter().map(|e| e.id.as_str()).collect();

    // Same key: each old entry matches the first new entry with its id.
    let mut old_used = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = vec![None; new.len()];
    for (at, entry) in new.iter().enumerate() {
        if let Some(&o) = old_by_id.get(entry.id.as_str())
            && !old_used[o]
        {
            old_used[o] = true;
            matched[at] = Some(o);
        }
    }

    // Renames: between old entries whose key is gone and new entries whose key is new.
    let gone: Vec<usize> = (0..old.len())
        .filter(|&o| !new_ids.contains(old[o].id.as_str()))
        .collect();
    let fresh: Vec<usize> = (0..new.len())
        .filter(|&n| matched[n].is_none() && !old_by_id.contains_key(new[n].id.as_str()))
        .collect();
    let mut renamed_from: Vec<Option<usize>> = vec![None; new.len()];
    let mut renames: HashMap<&str, &str> = HashMap::new();
    for (o, n) in match_renames(old, &gone, new, &fresh) {
        old_used[o] = true;
        renamed_from[n] = Some(o);
        renames.insert(&old[o].id, &new[n].id);
    }
    // A predecessor that followed its entry's rename names the same entry: no change.
    let field_changes = |old: &Entry, new: &Entry| {
        let mut fields = field_changes(old, new);
        fields.retain(|f| match (&f.old, &f.new) {
            (Some(FieldValue::Text(was)), Some(FieldValue::Text(now)))
                if f.path == "predecessor" =>
            {
                renames.get(was.as_str()) != Some(&now.as_str())
            }
            _ => true,
        });
        fields
    };

    let key = |entry: &Entry| format!("{vendor}/{}", entry.id);
    let change = |entry: &Entry, change, renamed_from, fields| EntryChange {
        key: key(entry),
        vendor: vendor.to_string(),
        name: entry.name.clone(),
        change,
        renamed_from,
        fields,
        standing: matches!(change, ChangeKind::Added | ChangeKind::Removed)
            .then(|| Standing::of(entry)),
    };
    for (at, &entry) in new.iter().enumerate() {
        if let Some(o) = matched[at] {
            if old[o] != entry {
                let fields = field_changes(old[o], entry);
                if !fields.is_empty() {
                    out.push(change(entry, ChangeKind::Modified, None, fields));
                }
            }
        } else if let Some(o) = renamed_from[at] {
            let (from, fields) = (Some(key(old[o])), field_changes(old[o], entry));
            out.push(change(entry, ChangeKind::Renamed, from, fields));
        } else {
            out.push(change(entry, ChangeKind::Added, None, Vec::new()));
        }
    }
    for (o, &entry) in old.iter().enumerate() {
        if !old_used[o] {
            out.push(change(entry, ChangeKind::Removed, None, Vec::new()));
        }
    }
}

/// Returns the renames as (old index, new index) pairs: each entry takes part in at most one,
/// and among candidates the strongest evidence wins, then the first in the new file's order.
fn match_renames(
    old: &[&Entry],
    gone: &[usize],
    new: &[&Entry],
    fresh: &[usize],
) -> Vec<(usize, usize)> {
    if gone.is_empty() || fresh.is_empty() {
        return Vec::new();
    }
    let mut by_alias = Candidates::default();
    let mut by_name = Candidates::default();
    for &n in fresh {
        for alias in &new[n].aliases {
            by_alias.add(alias.to_ascii_lowercase(), n);
        }
        by_name.add(normalized_name(&new[n].name), n);
    }
    // The evidence, strongest first: an alias is the old id, an alias is the old name, the
    // normalized names are equal. Each is tried for every old entry before the next, so
    // stronger evidence wins a contested new entry.
    let evidence: [(usize, Evidence); 3] = [
        (0, |e| e.id.to_ascii_lowercase()),
        (0, |e| e.name.to_ascii_lowercase()),
        (1, |e| normalized_name(&e.name)),
    ];
    let mut indexes = [by_alias, by_name];
    let mut new_used = vec![false; new.len()];
    let mut old_used = vec![false; old.len()];
    let mut pairs = Vec::new();
    for (index, word) in evidence {
        for &o in gone {
            if old_used[o] {
                continue;
            }
            if let Some(n) = indexes[index].first_free(&word(old[o]), &new_used) {
                old_used[o] = true;
                new_used[n] = true;
                pairs.push((o, n));
            }
        }
    }
    pairs
}

/// Returns a name lowercased without spaces, hyphens and underscores: `Rubin-Ultra` -> `rubinultra`
/// (the model's one rule, which KEY follows too).
pub(crate) fn normalized_name(name: &str) -> String {
    loose(name)
}

/// New entries by a lookup word, each list in file order, with a cursor past the taken ones.
#[derive(Default)]
struct Candidates(HashMap<String, (usize, Vec<usize>)>);

impl Candidates {
    fn add(&mut self, word: String, new: usize) {
        if word.is_empty() {
            return;
        }
        let (_, list) = self.0.entry(word).or_default();
        if list.last() != Some(&new) {
            list.push(new);
        }
    }

    /// Returns the first candidate for `word` not yet used; the cursor only skips used ones,
    /// and used ones stay used, so each list is walked once over all lookups.
    fn first_free(&mut self, word: &str, used: &[bool]) -> Option<usize> {
        let (next, list) = self.0.get_mut(word)?;
        while list.get(*next).is_some_and(|&n| used[n]) {
            *next += 1;
        }
        list.get(*next).copied()
    }
}

#[cfg(test)]
mod tests;
