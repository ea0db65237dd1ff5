//! How roadmaps kept their promises (docs/format.md section 9): per entry, the first promised
//! `available` date, its slips, pull-ins and corrections, and a verdict; per vendor, counts,
//! the median and largest net slip, and the share shipped on time.

use serde::Serialize;

use super::Histories;
use crate::model::{FuzzyDate, Status};

/// The slip statistics of a history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slips {
    /// Every entry with an `available` date in some version, in the histories' order.
    pub entries: Vec<EntrySlips>,
    /// One per vendor with such an entry, in the histories' vendor order.
    pub vendors: Vec<VendorSlips>,
}

/// One entry's record against its first promise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntrySlips {
    pub key: String,
    #[serde(skip)]
    pub vendor: String,
    pub name: String,
    /// Its status in the newest version that has it.
    pub status: Status,
    /// The first version with an `available` date, and that date.
    pub first_promise: Promise,
    /// The date in the newest version that has one, and the version that set it.
    pub latest: Promise,
    /// Latest midpoint minus first-promise midpoint, in days: positive is later.
    pub net_days: i64,
    pub slips: Vec<Move>,
    pub pull_ins: Vec<Move>,
    /// Moves of a date the entry had already shipped by: the record corrected, not a slip.
    pub corrections: Vec<Move>,
    pub verdict: Verdict,
    /// The number of versions that gave an `available` date (a vendor tracks entries with two
    /// or more).
    #[serde(skip)]
    pub promises: usize,
    /// The version that dropped it, when the newest version does not have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dropped: Option<usize>,
}

/// A date an entry was given, and the version that gave it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Promise {
    pub version: usize,
    pub date: FuzzyDate,
}

/// One move of an `available` date.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Move {
    pub version: usize,
    pub from: FuzzyDate,
    pub to: FuzzyDate,
    /// New midpoint minus old midpoint.
    pub days: i64,
}

/// How an entry kept its first promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Shipping, and its latest date lies inside the first promise.
    OnTime,
    /// Shipping later than the first promise.
    Late,
    /// Shipping earlier than the first promise.
    Early,
    /// Not shipping yet, and not later than the first promise.
    Pending,
    /// Not shipping yet, and its latest date is later than the first promise.
    Slipping,
    Cancelled,
}

impl Verdict {
    /// Returns the word of output and JSON: `on_time`, `late` ...
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::OnTime => "on_time",
            Verdict::Late => "late",
            Verdict::Early => "early",
            Verdict::Pending => "pending",
            Verdict::Slipping => "slipping",
            Verdict::Cancelled => "cancelled",
        }
    }
}

/// One vendor's record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VendorSlips {
    pub vendor: String,
    /// Its display name in the newest version that has it.
    #[serde(skip)]
    pub name: String,
    /// Entries with a promise in at least two versions.
    pub tracked: usize,
    /// Tracked entries that slipped at least once.
    pub slipped: usize,
    /// The median of the tracked entries' net shifts (`None` when none is tracked).
    #[serde(serialize_with = "crate::model::number_as_written")]
    pub median_net_days: Option<f64>,
    pub max_net_days: Option<i64>,
    /// Tracked entries that shipped (`shipping` or `discontinued` now).
    pub shipped: usize,
    /// Of those, the ones on time.
    pub on_time: usize,
}

/// Returns the slip statistics of `histories`.
pub fn slips(histories: &Histories) -> Slips {
    let _ = histories;
    todo!("lead")
}
