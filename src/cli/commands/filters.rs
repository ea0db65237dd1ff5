//! The entry filters shared by `timeline` and `list` (docs/format.md section 6).

use chipmap::Error;
use chipmap::model::{Filter, Kind, Roadmap, Status};
use clap::Args;

/// Which entries to keep.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only this vendor (id or name, any case); repeat for more.
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
        let filter = Filter {
            vendors: self.vendors.clone(),
            kind: self.kind,
            status: self.status,
            family: self.family.clone(),
            memory: self.memory.clone(),
        };
        let unknown = filter.unknown_vendors(roadmaps);
        if unknown.is_empty() {
            return Ok(filter);
        }
        let mut known: Vec<&str> = roadmaps
            .iter()
            .flat_map(|r| r.vendors.iter().map(|v| v.vendor.as_str()))
            .collect();
        known.sort();
        known.dedup();
        Err(Error::usage(
            format!("no vendor `{}` in the roadmap", unknown.join("`, `")),
            Some(format!("vendors: {}", known.join(", "))),
        ))
    }
}

fn parse_word<T>(s: &str) -> Result<T, String>
where
    T: std::str::FromStr<Err = chipmap::model::UnknownWord>,
{
    s.parse::<T>().map_err(|e| e.hint())
}
