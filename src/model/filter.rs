//! The entry filters shared by the commands that list entries (docs/format.md section 6).

use std::borrow::Cow;

use super::{Entry, Kind, Roadmap, Status, Vendor};

/// Which of an entry's dates places it on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateBasis {
    #[default]
    Available,
    Announced,
}

impl DateBasis {
    /// Returns the other date of an entry: announced for available, and available for
    /// announced.
    pub fn other(self) -> DateBasis {
        match self {
            DateBasis::Available => DateBasis::Announced,
            DateBasis::Announced => DateBasis::Available,
        }
    }

    /// Returns the field name, as in the files.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Available => "available",
            DateBasis::Announced => "announced",
        }
    }
}

/// `--vendor` values that name no vendor: those values, the vendors closest to them, and
/// every vendor id (for a hint when none is close).
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownVendors {
    pub unknown: Vec<String>,
    pub near: Vec<String>,
    pub known: Vec<String>,
}

/// Which entries a command shows; an empty filter keeps everything.
///
/// `vendors` match a vendor's id, display name or alias as `Vendor::answers_to` does; `family` matches when the
/// entry's family contains it ignoring case (so `blackwell` keeps Blackwell Ultra too);
/// `memory` matches the memory type ignoring case (`hbm3e` keeps `HBM3E`, not `HBM3`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub vendors: Vec<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    pub family: Option<String>,
    pub memory: Option<String>,
}

impl Filter {
    /// Returns whether the vendor is kept by `--vendor` (all are when none is given).
    pub fn keeps_vendor(&self, vendor: &Vendor) -> bool {
        self.vendors.is_empty() || self.vendors.iter().any(|v| vendor.answers_to(v))
    }

    /// Returns whether the entry of a kept vendor passes the other filters.
    pub fn keeps_entry(&self, entry: &Entry) -> bool {
        self.kind.is_none_or(|k| entry.kind == k)
            && self.status.is_none_or(|s| entry.status == s)
            && self.family.as_deref().is_none_or(|wanted| {
                entry
                    .family
                    .as_deref()
                    .is_some_and(|f| f.to_lowercase().contains(&wanted.to_lowercase()))
            })
            && self.memory.as_deref().is_none_or(|wanted| {
                entry
                    .memory
                    .as_ref()
                    .and_then(|m| m.kind.as_deref())
                    .is_some_and(|t| t.eq_ignore_ascii_case(wanted))
            })
    }

    /// Returns whether the filter looks at entries (kind, status, family, memory), not only vendors.
    pub fn has_entry_criteria(&self) -> bool {
        self.kind.is_some()
            || self.status.is_some()
            || self.family.is_some()
            || self.memory.is_some()
    }

    /// Returns the filter with each `--vendor` value turned into the ids it names in any of
    /// `roadmaps` (so a vendor an alias names in the working data is kept in a snapshot that
    /// lacks the alias), or the values that name no vendor there.
    pub fn resolved_in(mut self, roadmaps: &[&Roadmap]) -> Result<Filter, UnknownVendors> {
        // No --vendor keeps every vendor as it is: turning that into the list of all of them
        // would make diff copy both roadmaps for nothing.
        if self.vendors.is_empty() {
            return Ok(self);
        }
        let unknown = self.unknown_vendors(roadmaps);
        let all = || roadmaps.iter().flat_map(|r| &r.vendors);
        if unknown.is_empty() {
            let mut ids: Vec<String> = all()
                .filter(|v| self.keeps_vendor(v))
                .map(|v| v.vendor.clone())
                .collect();
            ids.sort();
            ids.dedup();
            self.vendors = ids;
            return Ok(self);
        }
        let mut near: Vec<String> = unknown
            .iter()
            .flat_map(|u| roadmaps.iter().flat_map(|r| r.near_vendors(u)))
            .collect();
        near.dedup();
        let mut known: Vec<String> = all().map(|v| v.vendor.clone()).collect();
        known.sort();
        known.dedup();
        Err(UnknownVendors {
            unknown,
            near,
            known,
        })
    }

    /// Returns the `--vendor` values that name no vendor of any of the roadmaps.
    pub fn unknown_vendors(&self, roadmaps: &[&Roadmap]) -> Vec<String> {
        self.vendors
            .iter()
            .filter(|v| {
                !roadmaps
                    .iter()
                    .flat_map(|r| &r.vendors)
                    .any(|vendor| vendor.answers_to(v))
            })
            .cloned()
            .collect()
    }

    /// Returns the roadmap with only the vendors `--vendor` names, all their entries kept;
    /// the roadmap itself, not a copy, when no vendor is named (at 100k entries a copy costs
    /// as much as a diff).
    pub fn narrow_vendors<'a>(&self, roadmap: &'a Roadmap) -> Cow<'a, Roadmap> {
        if self.vendors.is_empty() {
            return Cow::Borrowed(roadmap);
        }
        let vendors_only = Filter {
            vendors: self.vendors.clone(),
            ..Filter::default()
        };
        Cow::Owned(vendors_only.apply(roadmap))
    }

    /// Returns the roadmap with only the kept vendors and entries (vendors left empty dropped).
    pub fn apply(&self, roadmap: &Roadmap) -> Roadmap {
        let vendors = roadmap
            .vendors
            .iter()
            .filter(|v| self.keeps_vendor(v))
            .map(|v| Vendor {
                vendor: v.vendor.clone(),
                name: v.name.clone(),
                aliases: v.aliases.clone(),
                sites: v.sites.clone(),
                entries: v
                    .entries
                    .iter()
                    .filter(|e| self.keeps_entry(e))
                    .cloned()
                    .collect(),
            })
            .filter(|v| !v.entries.is_empty())
            .collect();
        Roadmap { vendors }
    }
}
