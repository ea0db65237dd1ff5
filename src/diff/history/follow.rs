//! Following entries through versions given one at a time: each vendor that changed is compared
//! with the diff engine (so renames follow its rules), and each entry keeps only its first and
//! latest state and the steps where it changed.

use std::collections::HashMap;
use std::sync::Arc;

use super::{EntryHistory, Event, Histories, Position, Step};
use crate::diff::fields::field_changes;
use crate::diff::{ChangeKind, EntryChange, diff_vendor};
use crate::model::{Entry, Vendor, VersionInfo, loose};

/// Follows every entry through versions given one at a time, oldest first.
#[derive(Debug, Default)]
pub struct Follower {
    /// How many versions were taken.
    versions: usize,
    /// The last version's vendors by id, and their order.
    vendors: HashMap<String, Arc<Vendor>>,
    order: Vec<String>,
    /// Every entry seen, with the version that dropped it when the last version lacks it.
    tracks: Vec<(EntryHistory, Option<usize>)>,
    /// The tracks of the entries the last version has, by key.
    present: HashMap<String, usize>,
    /// The tracks of dropped entries, by vendor, in the order they were dropped.
    dropped: HashMap<String, Vec<usize>>,
    /// Each vendor's display name as last seen, in the order vendors were first seen.
    names: Vec<(String, String)>,
}

impl Follower {
    /// Returns a follower that has seen no version.
    pub fn new() -> Follower {
        Follower::default()
    }

    /// Takes the next version's vendors. A vendor the version before had as the same `Arc`
    /// (its file did not change) costs nothing; one equal by value costs a comparison.
    pub fn step(&mut self, vendors: &[Arc<Vendor>]) {
        let version = self.versions;
        self.versions += 1;
        let mut now: HashMap<String, Arc<Vendor>> = HashMap::with_capacity(vendors.len());
        let mut order = Vec::with_capacity(vendors.len());
        for vendor in vendors {
            match self.names.iter_mut().find(|(id, _)| *id == vendor.vendor) {
                Some((_, name)) if *name != vendor.name => name.clone_from(&vendor.name),
                Some(_) => {}
                None => self
                    .names
                    .push((vendor.vendor.clone(), vendor.name.clone())),
            }
            match now.get_mut(&vendor.vendor) {
                // A vendor in two files (which `check` refuses) has its entries joined.
                Some(seen) => Arc::make_mut(seen).entries.extend(vendor.entries.clone()),
                None => {
                    order.push(vendor.vendor.clone());
                    now.insert(vendor.vendor.clone(), Arc::clone(vendor));
                }
            }
        }
        let gone: Vec<String> = self
            .order
            .iter()
            .filter(|id| !now.contains_key(*id))
            .cloned()
            .collect();
        for id in order.iter().chain(&gone) {
            let old = self.vendors.get(id).cloned();
            let new = now.get(id).cloned();
            if let (Some(old), Some(new)) = (&old, &new)
                && (Arc::ptr_eq(old, new) || old == new)
            {
                continue;
            }
            self.vendor_changed(id, version, entries_of(&old), entries_of(&new));
        }
        self.vendors = now;
        self.order = order;
    }

    /// Records what the diff engine finds between one vendor's old and new entries.
    fn vendor_changed(&mut self, vendor: &str, version: usize, old: &[Entry], new: &[Entry]) {
        let old_refs: Vec<&Entry> = old.iter().collect();
        let new_refs: Vec<&Entry> = new.iter().collect();
        let mut changes = Vec::new();
        diff_vendor(vendor, &old_refs, &new_refs, &mut changes);
        let by_id: HashMap<&str, &Entry> = new.iter().map(|e| (e.id.as_str(), e)).collect();
        let old_by_id: HashMap<&str, &Entry> = old.iter().map(|e| (e.id.as_str(), e)).collect();
        // Removals first, so that an entry dropped and added back in one version under
        // another key is seen as the same one.
        let (removed, rest): (Vec<EntryChange>, Vec<EntryChange>) = changes
            .into_iter()
            .partition(|c| c.change == ChangeKind::Removed);
        for change in removed {
            self.drop_entry(vendor, &change.key, version);
        }
        for change in rest {
            let id = change.key.rsplit_once('/').map_or("", |(_, id)| id);
            let Some(&entry) = by_id.get(id) else {
                continue;
            };
            let old_key = change
                .renamed_from
                .clone()
                .unwrap_or_else(|| change.key.clone());
            let old_id = old_key.rsplit_once('/').map_or("", |(_, id)| id);
            match change.change {
                ChangeKind::Added => self.add_entry(vendor, entry, version),
                ChangeKind::Modified | ChangeKind::Renamed => {
                    let Some(&before) = old_by_id.get(old_id) else {
                        continue;
                    };
                    self.change_entry(vendor, &old_key, before, entry, change, version);
                }
                ChangeKind::Removed => {}
            }
        }
    }

    fn drop_entry(&mut self, vendor: &str, key: &str, version: usize) {
        let Some(at) = self.present.remove(key) else {
            return;
        };
        let (track, dropped) = &mut self.tracks[at];
        track.steps.push(Step {
            version,
            event: Event::Dropped,
            fields: Vec::new(),
            sources_added: Vec::new(),
            after: Position::of(vendor, &track.last),
        });
        *dropped = Some(version);
        self.dropped.entry(vendor.to_string()).or_default().push(at);
    }

    fn change_entry(
        &mut self,
        vendor: &str,
        old_key: &str,
        before: &Entry,
        entry: &Entry,
        change: EntryChange,
        version: usize,
    ) {
        let Some(at) = self.present.remove(old_key) else {
            // Not followed (it cannot happen: every old entry has a track); start one.
            self.add_entry(vendor, entry, version);
            return;
        };
        let (track, _) = &mut self.tracks[at];
        if change.change == ChangeKind::Renamed {
            track.former_keys.push(old_key.to_string());
        }
        track.steps.push(Step {
            version,
            event: Event::Changed,
            fields: change.fields,
            sources_added: added_sources(before, entry),
            after: Position::of(vendor, entry),
        });
        track.key = change.key.clone();
        track.name = entry.name.clone();
        track.last = entry.clone();
        self.present.insert(change.key, at);
    }

    /// Starts following a new entry, or takes back a dropped one it is (the same key, an alias
    /// that was its id or name, or the same name loosely: the rename rules of a diff).
    fn add_entry(&mut self, vendor: &str, entry: &Entry, version: usize) {
        let key = entry.key(vendor);
        let back = self.dropped.get_mut(vendor).and_then(|list| {
            let tracks = &self.tracks;
            let is = |at: &usize| {
                let last = &tracks[*at].0.last;
                last.id == entry.id
                    || entry.aliases.iter().any(|a| {
                        a.eq_ignore_ascii_case(&last.id) || a.eq_ignore_ascii_case(&last.name)
                    })
                    || loose(&last.name) == loose(&entry.name)
            };
            let found = list.iter().position(is)?;
            Some(list.remove(found))
        });
        let Some(at) = back else {
            self.present.insert(key.clone(), self.tracks.len());
            self.tracks.push((
                EntryHistory {
                    key,
                    vendor: vendor.to_string(),
                    name: entry.name.clone(),
                    former_keys: Vec::new(),
                    first_version: version,
                    first: entry.clone(),
                    last: entry.clone(),
                    last_version: version,
                    steps: Vec::new(),
                },
                None,
            ));
            return;
        };
        let (track, dropped) = &mut self.tracks[at];
        if track.key != key {
            track.former_keys.push(track.key.clone());
        }
        track.steps.push(Step {
            version,
            event: Event::Back,
            fields: field_changes(&track.last, entry),
            sources_added: added_sources(&track.last, entry),
            after: Position::of(vendor, entry),
        });
        *dropped = None;
        track.key = key.clone();
        track.name = entry.name.clone();
        track.last = entry.clone();
        self.present.insert(key, at);
    }

    /// Returns the histories, over `versions` (one per `step`, in order): by vendor in the last
    /// version's order, each vendor's entries in its file order, then its dropped entries in the
    /// order they were dropped; vendors the last version lacks after, as they were first seen.
    pub fn finish(self, versions: Vec<VersionInfo>) -> Histories {
        let newest = self.versions.saturating_sub(1);
        let mut placed = vec![false; self.tracks.len()];
        let mut order: Vec<usize> = Vec::with_capacity(self.tracks.len());
        let mut place = |at: usize, order: &mut Vec<usize>| {
            if !placed[at] {
                placed[at] = true;
                order.push(at);
            }
        };
        for id in &self.order {
            for entry in &self.vendors[id].entries {
                if let Some(&at) = self.present.get(&entry.key(id)) {
                    place(at, &mut order);
                }
            }
            for &at in self.dropped.get(id).into_iter().flatten() {
                place(at, &mut order);
            }
        }
        // The rest, vendor by vendor as first seen.
        let mut vendors_seen: Vec<&str> = Vec::new();
        for (track, _) in &self.tracks {
            if !vendors_seen.contains(&track.vendor.as_str()) {
                vendors_seen.push(&track.vendor);
            }
        }
        for vendor in vendors_seen {
            for (at, (track, _)) in self.tracks.iter().enumerate() {
                if track.vendor == vendor {
                    place(at, &mut order);
                }
            }
        }
        let mut tracks: Vec<Option<(EntryHistory, Option<usize>)>> =
            self.tracks.into_iter().map(Some).collect();
        let entries = order
            .into_iter()
            .filter_map(|at| tracks[at].take())
            .map(|(mut track, dropped)| {
                track.last_version = match dropped {
                    Some(version) => version.saturating_sub(1),
                    None => newest,
                };
                track
            })
            .collect();
        Histories {
            versions,
            entries,
            vendor_names: self.names,
        }
    }
}

/// Returns a vendor's entries, none for a vendor the version lacks.
fn entries_of(vendor: &Option<Arc<Vendor>>) -> &[Entry] {
    vendor.as_deref().map_or(&[], |v| v.entries.as_slice())
}

/// Returns the sources `new` lists that `old` did not.
fn added_sources(old: &Entry, new: &Entry) -> Vec<String> {
    new.sources
        .iter()
        .filter(|s| !old.sources.contains(s))
        .cloned()
        .collect()
}
