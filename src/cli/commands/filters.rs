//! The entry filters shared by `timeline` and `list` (docs/format.md section 6).

use chipmap::Error;
use chipmap::model::{Filter, Kind, Roadmap, Status, Word};
use clap::Args;

/// Which entries to keep.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only this vendor (id, name or alias, any case); repeat for more.
    #[arg(long = "vendor", value_name = "VENDOR")]
    vendors: Vec<String>,
    /// Only entries of this kind.
    #[arg(long, value_parser = parse_word::<Kind>, value_name = "KIND")]
    kind: Option<Kind>,
    /// Only entries with this status.
    #[arg(long, value_parser = parse_word::<Status>, value_name = "STATUS")]
    status: Option<Status>,
    /// Only entries whose family contains this text (any case).
    #[arg(long, value_name = "FAMILY")]
    family: Option<String>,
    /// Only entries with this memory type (any case), such as HBM3E.
    #[arg(long, value_name = "TYPE")]
    memory: Option<String>,
}

impl FilterArgs {
    /// Returns the filter, or an error naming the vendors that do not exist.
    pub fn resolve(&self, roadmap: &Roadmap) -> Result<Filter, Error> {
        self.resolve_in(&[roadmap])
    }

    /// Returns the filter, or an error naming the vendors none of `roadmaps` has.
    pub fn resolve_in(&self, roadmaps: &[&Roadmap]) -> Result<Filter, Error> {
        let mut filter = Filter {
            vendors: self.vendors.clone(),
            kind: self.kind,
            status: self.status,
            family: self.family.clone(),
            memory: self.memory.clone(),
        };
        // No --vendor keeps every vendor as it is: turning that into the list of all of them
        // would make diff copy both roadmaps for nothing.
        if filter.vendors.is_empty() {
            return Ok(filter);
        }
        let unknown = filter.unknown_vendors(roadmaps);
        if unknown.is_empty() {
            // Each value becomes the ids it names in any of the roadmaps, so a vendor an
            // alias names in the working data is kept in a snapshot that lacks the alias.
            let mut ids: Vec<String> = roadmaps
                .iter()
                .flat_map(|r| &r.vendors)
                .filter(|v| filter.keeps_vendor(v))
                .map(|v| v.vendor.clone())
                .collect();
            ids.sort();
            ids.dedup();
            filter.vendors = ids;
            return Ok(filter);
        }
        let mut near: Vec<String> = unknown
            .iter()
            .flat_map(|u| roadmaps.iter().flat_map(|r| r.near_vendors(u)))
            .collect();
        near.dedup();
        let hint = if near.is_empty() {
            let mut known: Vec<&str> = roadmaps
                .iter()
                .flat_map(|r| r.vendors.iter().map(|v| v.vendor.as_str()))
                .collect();
            known.sort();
            known.dedup();
            format!("vendors: {}", known.join(", "))
        } else {
            format!("did you mean `{}`?", near.join("`, `"))
        };
        Err(Error::usage(
            format!("no vendor `{}` in the roadmap", unknown.join("`, `")),
            Some(hint),
        ))
    }
}

/// Returns the word a user typed, in any case, as its enum value (clap shows the hint).
pub(super) fn parse_word<T: Word>(s: &str) -> Result<T, String> {
    T::typed(s).map_err(|e| e.hint())
}
