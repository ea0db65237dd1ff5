//! The columns of `chipmap list`: their names, each entry's cell, how each gives way to the
//! width, and the order `--sort` puts entries in.

use std::cmp::Ordering;
use std::fmt;

use crate::model::{Entry, FuzzyDate, SpecValue, Vendor, closest, format_number};

use super::grid::Give;

/// What separates the items of a list column (aliases, sources) in every format.
pub const LIST_SEPARATOR: &str = "; ";

/// A column of `chipmap list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Key,
    Vendor,
    Id,
    Name,
    Kind,
    Family,
    Status,
    Confidence,
    Announced,
    AnnouncedStart,
    AnnouncedEnd,
    Available,
    AvailableStart,
    AvailableEnd,
    Process,
    Memory,
    MemoryType,
    CapacityGb,
    BandwidthTbs,
    Predecessor,
    Aliases,
    Sources,
    Notes,
    /// `specs.NAME`: one figure under `specs`.
    Spec(String),
}

/// The named columns, with the priority that decides which a narrow table leaves out first.
const COLUMNS: &[(Column, &str, u8)] = &[
    (Column::Key, "key", 255),
    (Column::Vendor, "vendor", 35),
    (Column::Id, "id", 30),
    (Column::Name, "name", 90),
    (Column::Kind, "kind", 40),
    (Column::Family, "family", 25),
    (Column::Status, "status", 70),
    (Column::Confidence, "confidence", 18),
    (Column::Announced, "announced", 50),
    (Column::AnnouncedStart, "announced.start", 10),
    (Column::AnnouncedEnd, "announced.end", 10),
    (Column::Available, "available", 80),
    (Column::AvailableStart, "available.start", 10),
    (Column::AvailableEnd, "available.end", 10),
    (Column::Process, "process", 15),
    (Column::Memory, "memory", 60),
    (Column::MemoryType, "memory.type", 22),
    (Column::CapacityGb, "memory.capacity_gb", 21),
    (Column::BandwidthTbs, "memory.bandwidth_tbs", 20),
    (Column::Predecessor, "predecessor", 12),
    (Column::Aliases, "aliases", 8),
    (Column::Sources, "sources", 3),
    (Column::Notes, "notes", 5),
];

/// The priority of a `specs.NAME` column.
const SPEC_PRIORITY: u8 = 10;

/// The columns shown when `--columns` is not given.
pub const DEFAULT_COLUMNS: &[Column] = &[
    Column::Key,
    Column::Name,
    Column::Kind,
    Column::Status,
    Column::Announced,
    Column::Available,
    Column::Memory,
];

impl Column {
    /// Returns the column's name, as in `--columns` and table headers.
    pub fn name(&self) -> String {
        match self {
            Column::Spec(name) => format!("specs.{name}"),
            named => COLUMNS
                .iter()
                .find(|(c, _, _)| c == named)
                .map_or_else(String::new, |(_, n, _)| (*n).to_string()),
        }
    }

    /// Returns every named column, for help and errors (`specs.NAME` aside).
    pub fn names() -> Vec<&'static str> {
        COLUMNS.iter().map(|(_, n, _)| *n).collect()
    }

    /// Returns the column called `name` (any case), or a message with the closest column.
    /// `specs` are the spec names the data has: `specs.NAME` must be one of them.
    pub fn parse(name: &str, specs: &[&str]) -> Result<Column, String> {
        let wanted = name.trim();
        let lower = wanted.to_lowercase();
        if let Some((c, _, _)) = COLUMNS.iter().find(|(_, n, _)| *n == lower) {
            return Ok(c.clone());
        }
        if let Some(spec) = wanted.strip_prefix("specs.")
            && let Some(found) = specs.iter().find(|s| s.eq_ignore_ascii_case(spec))
        {
            return Ok(Column::Spec((*found).to_string()));
        }
        let spec_columns: Vec<String> = specs.iter().map(|s| format!("specs.{s}")).collect();
        let candidates = Column::names()
            .into_iter()
            .chain(spec_columns.iter().map(String::as_str));
        // A bare spec name (`tdp_w`) is a near miss of `specs.tdp_w` too.
        let suggestion = closest(&lower, candidates).map(str::to_string).or_else(|| {
            closest(
                lower.strip_prefix("specs.").unwrap_or(&lower),
                specs.iter().copied(),
            )
            .map(|s| format!("specs.{s}"))
        });
        let known = format!("columns: {}, specs.NAME", Column::names().join(", "));
        Err(match suggestion {
            Some(s) => format!("unknown column `{wanted}`; did you mean `{s}`? ({known})"),
            None => format!("unknown column `{wanted}`; {known}"),
        })
    }

    /// Returns how the column gives way in a narrow table; in the default table, `kind` and
    /// `announced` are left out before a cell wraps.
    pub fn give(&self, default_table: bool) -> Give {
        let priority = match self {
            Column::Spec(_) => SPEC_PRIORITY,
            named => COLUMNS
                .iter()
                .find(|(c, _, _)| c == named)
                .map_or(0, |(_, _, p)| *p),
        };
        let whole = matches!(self, Column::Key | Column::Id | Column::Vendor);
        let spare = default_table && matches!(self, Column::Kind | Column::Announced);
        Give {
            whole,
            priority,
            spare,
        }
    }

    /// Returns the cell of this column for one entry (empty when the field is absent).
    pub fn cell(&self, vendor: &Vendor, entry: &Entry) -> String {
        let memory = entry.memory.as_ref();
        let opt = |v: Option<String>| v.unwrap_or_default();
        let day = |d: Option<FuzzyDate>, end: bool| {
            opt(d.map(|d| if end { d.end() } else { d.start() }.to_string()))
        };
        match self {
            Column::Key => entry.key(&vendor.vendor),
            Column::Vendor => vendor.vendor.clone(),
            Column::Id => entry.id.clone(),
            Column::Name => entry.name.clone(),
            Column::Kind => entry.kind.to_string(),
            Column::Family => opt(entry.family.clone()),
            Column::Status => entry.status.to_string(),
            Column::Confidence => opt(entry.confidence.map(|c| c.to_string())),
            Column::Announced => opt(entry.announced.map(|d| d.to_string())),
            Column::AnnouncedStart => day(entry.announced, false),
            Column::AnnouncedEnd => day(entry.announced, true),
            Column::Available => opt(entry.available.map(|d| d.to_string())),
            Column::AvailableStart => day(entry.available, false),
            Column::AvailableEnd => day(entry.available, true),
            Column::Process => opt(entry.process.clone()),
            Column::Memory => opt(entry.memory_label()),
            Column::MemoryType => opt(memory.and_then(|m| m.kind.clone())),
            Column::CapacityGb => opt(memory.and_then(|m| m.capacity_gb).map(format_number)),
            Column::BandwidthTbs => opt(memory.and_then(|m| m.bandwidth_tbs).map(format_number)),
            Column::Predecessor => opt(entry.predecessor.clone()),
            Column::Aliases => entry.aliases.join(LIST_SEPARATOR),
            Column::Sources => entry.sources.join(LIST_SEPARATOR),
            Column::Notes => opt(entry.notes.clone()),
            Column::Spec(name) => opt(spec(entry, name).map(ToString::to_string)),
        }
    }

    /// Returns the value the column sorts by.
    fn sort_value(&self, vendor: &Vendor, entry: &Entry) -> Option<SortValue> {
        let date = |d: Option<FuzzyDate>| d.map(SortValue::Date);
        let number = |n: Option<f64>| n.map(SortValue::Number);
        let memory = entry.memory.as_ref();
        match self {
            Column::Announced | Column::AnnouncedStart | Column::AnnouncedEnd => {
                date(entry.announced)
            }
            Column::Available | Column::AvailableStart | Column::AvailableEnd => {
                date(entry.available)
            }
            Column::Status => Some(SortValue::Rank(entry.status as usize)),
            Column::Kind => Some(SortValue::Rank(entry.kind as usize)),
            Column::Confidence => entry.confidence.map(|c| SortValue::Rank(c as usize)),
            Column::CapacityGb => number(memory.and_then(|m| m.capacity_gb)),
            Column::BandwidthTbs => number(memory.and_then(|m| m.bandwidth_tbs)),
            Column::Spec(name) => spec(entry, name).map(|v| match v {
                SpecValue::Number(n) => SortValue::Number(*n),
                other => SortValue::Text(other.to_string().to_lowercase()),
            }),
            _ => {
                let text = self.cell(vendor, entry);
                (!text.is_empty()).then(|| SortValue::Text(text.to_lowercase()))
            }
        }
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

fn spec<'a>(entry: &'a Entry, name: &str) -> Option<&'a SpecValue> {
    entry.specs.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// What a cell sorts by: dates by interval, numbers by value (before text), the rest as text.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
enum SortValue {
    Date(FuzzyDate),
    Rank(usize),
    Number(f64),
    Text(String),
}

/// `--sort COLUMN`, or `--sort -COLUMN` for descending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    pub column: Column,
    pub descending: bool,
}

impl SortKey {
    /// Returns the sort key `text` names (`-` first for descending), as [`Column::parse`].
    pub fn parse(text: &str, specs: &[&str]) -> Result<SortKey, String> {
        let trimmed = text.trim();
        let (descending, name) = match trimmed.strip_prefix('-') {
            Some(name) => (true, name),
            None => (false, trimmed),
        };
        Ok(SortKey {
            column: Column::parse(name, specs)?,
            descending,
        })
    }

    /// Sorts `rows` by the key; entries without a value go last either way, and entries that
    /// sort the same keep their order.
    pub fn sort(&self, rows: &mut [(&Vendor, &Entry)]) {
        rows.sort_by_cached_key(|(v, e)| Keyed(self.column.sort_value(v, e), self.descending));
    }
}

/// A sort value in the key's direction, with no value last.
struct Keyed(Option<SortValue>, bool);

impl Keyed {
    fn order(&self, other: &Keyed) -> Ordering {
        match (&self.0, &other.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(a), Some(b)) => {
                let order = match (a, b) {
                    (SortValue::Number(x), SortValue::Number(y)) => x.total_cmp(y),
                    _ => a.partial_cmp(b).unwrap_or(Ordering::Equal),
                };
                if self.1 { order.reverse() } else { order }
            }
        }
    }
}

impl PartialEq for Keyed {
    fn eq(&self, other: &Keyed) -> bool {
        self.order(other) == Ordering::Equal
    }
}

impl Eq for Keyed {}

impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Keyed) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Keyed {
    fn cmp(&self, other: &Keyed) -> Ordering {
        self.order(other)
    }
}

#[cfg(test)]
mod tests {
    use super::Column;

    #[test]
    fn a_column_name_round_trips_and_a_typo_gets_the_closest() {
        for name in Column::names() {
            assert_eq!(Column::parse(name, &[]).unwrap().name(), name);
        }
        assert_eq!(
            Column::parse("specs.TDP_W", &["tdp_w"]),
            Ok(Column::Spec("tdp_w".into()))
        );
        let err = Column::parse("memroy", &[]).unwrap_err();
        assert!(err.contains("did you mean `memory`"), "{err}");
        let err = Column::parse("tdp_w", &["tdp_w"]).unwrap_err();
        assert!(err.contains("did you mean `specs.tdp_w`"), "{err}");
    }
}
