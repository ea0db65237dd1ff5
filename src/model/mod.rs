//! The roadmap as plain data: vendors, entries, their enums and fuzzy dates (no I/O).

pub mod date;
mod filter;
mod matching;
mod quote;
mod version;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

pub use date::{DateError, FuzzyDate, Precision, Shift, ShiftClass};
pub use filter::{DateBasis, Filter, UnknownVendors};
pub use matching::{
    FindError, alias_is_name, alias_key, loose, same_alias, same_source, source_key,
};
pub use quote::{brief, is_control};
pub use version::VersionInfo;

/// The whole roadmap: every vendor's entries, as loaded from one data directory or snapshot.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Roadmap {
    pub vendors: Vec<Vendor>,
}

/// The header of a snapshot file: which moment of the roadmap it holds (docs/format.md section 4).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotMeta {
    pub name: String,
    pub taken: chrono::NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One vendor and its entries, as in one vendor file.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Vendor {
    /// Lowercase slug; equals the vendor file's stem.
    pub vendor: String,
    /// Display name.
    pub name: String,
    /// Other names of the vendor (`AWS` for amazon), which `--vendor` takes too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The vendor's own web domains (subdomains count): its first-party sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    pub entries: Vec<Entry>,
}

/// An entry's fields in the order of docs/format.md section 2: how files are read, how an edit
/// places a missing key, and which paths a diff compares.
pub const ENTRY_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "family",
    "status",
    "confidence",
    "announced",
    "available",
    "process",
    "memory",
    "predecessor",
    "aliases",
    "specs",
    "sources",
    "notes",
];

/// The fields of an entry's `memory`, in the documented order.
pub const MEMORY_FIELDS: &[&str] = &["type", "capacity_gb", "bandwidth_tbs"];

/// One product on a vendor's roadmap (docs/format.md section 2), in the order of that section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announced: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<FuzzyDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub process: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<Memory>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predecessor: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "specs_as_map")]
    pub specs: Vec<(String, SpecValue)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[cfg(test)]
impl Entry {
    /// Returns an announced GPU with only an id and a name, for tests to fill in with
    /// `Entry { available: ..., ..Entry::bare(id, name) }`.
    pub(crate) fn bare(id: &str, name: &str) -> Entry {
        Entry {
            id: id.into(),
            name: name.into(),
            kind: Kind::Gpu,
            family: None,
            status: Status::Announced,
            confidence: None,
            announced: None,
            available: None,
            process: None,
            memory: None,
            predecessor: None,
            aliases: Vec::new(),
            specs: Vec::new(),
            sources: Vec::new(),
            notes: None,
        }
    }
}

/// The memory an entry carries (per package; per stack for HBM entries).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Memory {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "number_as_written"
    )]
    pub capacity_gb: Option<f64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "number_as_written"
    )]
    pub bandwidth_tbs: Option<f64>,
}

/// A free-form figure under `specs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SpecValue {
    Number(#[serde(serialize_with = "number_as_written")] f64),
    Bool(bool),
    Text(String),
}

impl fmt::Display for SpecValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecValue::Number(n) => f.write_str(&format_number(*n)),
            SpecValue::Bool(b) => write!(f, "{b}"),
            SpecValue::Text(t) => f.write_str(t),
        }
    }
}

/// Serializes a whole number as an integer (`80`, as written in the file), others as floats.
pub fn number_as_written<S: serde::Serializer, N: Into<Option<f64>> + Copy>(
    n: &N,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match (*n).into() {
        Some(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => serializer.serialize_i64(n as i64),
        Some(n) => serializer.serialize_f64(n),
        None => serializer.serialize_none(),
    }
}

fn specs_as_map<S: serde::Serializer>(
    specs: &[(String, SpecValue)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(specs.iter().map(|(k, v)| (k, v)))
}

/// Returns a number as people write it: `80`, not `80.0`; `3.35` as is.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl Entry {
    /// Returns the entry's key, `vendor/id`.
    pub fn key(&self, vendor: &str) -> String {
        format!("{vendor}/{}", self.id)
    }

    /// Returns the date the timeline draws for `basis`, if the entry has it.
    pub fn date(&self, basis: DateBasis) -> Option<FuzzyDate> {
        match basis {
            DateBasis::Available => self.available,
            DateBasis::Announced => self.announced,
        }
    }

    /// Returns the memory as a short label such as `HBM3E 288GB`, if any part is known.
    pub fn memory_label(&self) -> Option<String> {
        let memory = self.memory.as_ref()?;
        let parts: Vec<String> = [
            memory.kind.clone(),
            memory
                .capacity_gb
                .map(|gb| format!("{}GB", format_number(gb))),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }
}

impl Roadmap {
    /// Returns the number of entries over all vendors.
    pub fn entry_count(&self) -> usize {
        self.vendors.iter().map(|v| v.entries.len()).sum()
    }

    /// Returns every entry with its vendor, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&Vendor, &Entry)> {
        self.vendors
            .iter()
            .flat_map(|v| v.entries.iter().map(move |e| (v, e)))
    }
}

/// Defines a closed set of lowercase words: `as_str`, `ALL`, `Display`, `FromStr`, `Serialize`.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order docs/format.md lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Returns the word used in files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// Returns the accepted words joined for a message: `a | b | c`.
            pub fn accepted() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(" | ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, UnknownWord> {
                match s {
                    $($word => Ok($name::$variant),)+
                    _ => Err(UnknownWord::new(s, Self::ALL.iter().map(|v| v.as_str()))),
                }
            }
        }

        impl Word for $name {
            fn word(self) -> &'static str {
                self.as_str()
            }

            fn all() -> &'static [$name] {
                Self::ALL
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

word_enum!(
    /// What sort of product an entry is.
    Kind {
        Gpu => "gpu",
        Accelerator => "accelerator",
        Apu => "apu",
        Cpu => "cpu",
        Memory => "memory",
        Interconnect => "interconnect",
        System => "system",
    }
);

word_enum!(
    /// Where a product stands.
    Status {
        Rumored => "rumored",
        Announced => "announced",
        Sampling => "sampling",
        Shipping => "shipping",
        Cancelled => "cancelled",
        Discontinued => "discontinued",
    }
);

impl Status {
    /// Returns whether a product with this status has shipped (it is shipping, or was and
    /// stopped): its dates are a record from then on, no longer a promise, so a move of them
    /// corrects the record (docs/format.md section 9).
    pub fn has_shipped(self) -> bool {
        matches!(self, Status::Shipping | Status::Discontinued)
    }
}

word_enum!(
    /// How sure the facts are: the vendor said so, the press reported it, or neither.
    Confidence {
        Confirmed => "confirmed",
        Reported => "reported",
        Unverified => "unverified",
    }
);

/// A closed set of words (`Kind`, `Status`, `Confidence`): files hold the lowercase word, a
/// user may type it in any case.
pub trait Word: Sized + Copy + FromStr<Err = UnknownWord> {
    /// Returns the word used in files and on the command line.
    fn word(self) -> &'static str;

    /// Returns every value, in the order docs/format.md lists them.
    fn all() -> &'static [Self];

    /// Returns the value a user typed: the word in any case (`GPU`, `Shipping`), spaces around
    /// it ignored; the error names the word as typed.
    fn typed(typed: &str) -> Result<Self, UnknownWord> {
        typed
            .parse()
            .or_else(|e| typed.trim().to_lowercase().parse().map_err(|_| e))
    }
}

/// A word outside a closed set, with the closest accepted word when one is near.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownWord {
    pub word: String,
    pub accepted: Vec<&'static str>,
    pub suggestion: Option<&'static str>,
}

impl UnknownWord {
    fn new(word: &str, accepted: impl Iterator<Item = &'static str>) -> Self {
        let accepted: Vec<&'static str> = accepted.collect();
        let suggestion = closest(word, accepted.iter().copied());
        UnknownWord {
            word: word.to_string(),
            accepted,
            suggestion,
        }
    }

    /// Returns the hint to show: `did you mean X?` when one is close, else the accepted words.
    pub fn hint(&self) -> String {
        match self.suggestion {
            Some(s) => format!(
                "did you mean `{s}`? (accepted: {})",
                self.accepted.join(" | ")
            ),
            None => format!("accepted: {}", self.accepted.join(" | ")),
        }
    }
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not one of {}",
            self.word,
            self.accepted.join(" | ")
        )
    }
}

/// Returns the candidate closest to `word` when it is close enough to be a typo.
///
/// The edit distance costs the product of the two lengths, so it is computed only for a word of
/// at most 64 bytes, against candidates of at most 128 whose length alone does not rule them
/// out: a hostile 10 MB word costs a glance, not gigabytes.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if word.len() > 64 {
        return None;
    }
    let lower = word.to_lowercase();
    let chars = lower.chars().count();
    candidates
        .filter(|c| c.len() <= 128 && chars.abs_diff(c.chars().count()) <= 2.max(c.len() / 4))
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::{Kind, Status, Word, closest, format_number};

    #[test]
    fn a_word_in_capitals_was_refused_on_the_command_line() {
        assert_eq!(Kind::typed("GPU"), Ok(Kind::Gpu));
        assert_eq!(Status::typed(" Shipping"), Ok(Status::Shipping));
        // Files hold the lowercase word: `FromStr` (what the decoder uses) stays strict.
        assert!("GPU".parse::<Kind>().is_err());
        assert_eq!(Kind::typed("GPUU").unwrap_err().word, "GPUU");
    }

    #[test]
    fn enums_parse_their_words_and_suggest_close_ones() {
        assert_eq!("shipping".parse::<Status>(), Ok(Status::Shipping));
        let err = "shiping".parse::<Status>().unwrap_err();
        assert_eq!(err.suggestion, Some("shipping"));
        let err = "asic".parse::<Kind>().unwrap_err();
        assert_eq!(err.suggestion, None);
        assert!(err.hint().contains("gpu | accelerator | apu"));
    }

    #[test]
    fn closest_finds_typos_not_strangers() {
        let fields = ["available", "announced", "aliases"];
        assert_eq!(closest("availble", fields.into_iter()), Some("available"));
        assert_eq!(closest("Available", fields.into_iter()), Some("available"));
        assert_eq!(closest("tdp", fields.into_iter()), None);
    }

    #[test]
    fn numbers_print_as_written() {
        assert_eq!(format_number(80.0), "80");
        assert_eq!(format_number(3.35), "3.35");
        assert_eq!(format_number(1024.0), "1024");
    }
}
