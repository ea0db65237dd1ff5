//! How roadmaps kept their promises (docs/format.md section 9): per entry, the first promised
//! `available` date, its slips, pull-ins and corrections, and a verdict; per vendor, counts,
//! the median and largest net slip, and the share shipped on time.

use serde::Serialize;

use super::{EntryHistory, Event, Histories, Position};
use crate::model::{FuzzyDate, ShiftClass, Status};

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

/// Returns the slip statistics of `histories`: every entry with an `available` date in some
/// version, and per vendor the entries tracked (a promise in two versions or more).
pub fn slips(histories: &Histories) -> Slips {
    let count = histories.versions.len();
    let entries: Vec<EntrySlips> = histories
        .entries
        .iter()
        .filter_map(|entry| entry_slips(entry, count))
        .collect();
    let mut vendors: Vec<VendorSlips> = Vec::new();
    for entry in &entries {
        if !vendors.iter().any(|v| v.vendor == entry.vendor) {
            let mut record = vendor_slips(&entry.vendor, &entries);
            record.name = histories.vendor_name(&entry.vendor).to_string();
            vendors.push(record);
        }
    }
    Slips { entries, vendors }
}

/// Returns one entry's record, or `None` when no version gave it an `available` date.
///
/// The status that decides between a slip and a correction is the one of the old version: a
/// date that moves in the version that also says `shipping` was still a promise.
fn entry_slips(entry: &EntryHistory, versions: usize) -> Option<EntrySlips> {
    let mut first: Option<Promise> = None;
    let mut latest: Option<Promise> = None;
    let (mut slips, mut pull_ins, mut corrections) = (Vec::new(), Vec::new(), Vec::new());
    let mut shipped_before = false;
    let mut promises = 0;
    let positions: Vec<(usize, Option<Position>)> = entry.positions().collect();
    for (at, (version, position)) in positions.iter().enumerate() {
        // The versions this position stands for: up to the next step, or the entry's last one.
        let until = positions
            .get(at + 1)
            .map_or(entry.last_version + 1, |(next, _)| *next);
        let Some(position) = position else {
            continue;
        };
        if let Some(date) = position.available {
            promises += until.saturating_sub(*version);
            match latest {
                None => {
                    first = Some(Promise {
                        version: *version,
                        date,
                    });
                    latest = first;
                }
                Some(old) if old.date != date => {
                    if let Some(shift) = old.date.shift_to(&date) {
                        let moved = Move {
                            version: *version,
                            from: old.date,
                            to: date,
                            days: shift.days,
                        };
                        match shift.class {
                            ShiftClass::Slipped | ShiftClass::PulledIn if shipped_before => {
                                corrections.push(moved)
                            }
                            ShiftClass::Slipped => slips.push(moved),
                            ShiftClass::PulledIn => pull_ins.push(moved),
                            ShiftClass::Refined | ShiftClass::Widened => {}
                        }
                    }
                    latest = Some(Promise {
                        version: *version,
                        date,
                    });
                }
                Some(_) => {}
            }
        }
        shipped_before = position.status.has_shipped();
    }
    let (first, latest) = (first?, latest?);
    let net_days = days_between(first.date, latest.date);
    let status = entry.last.status;
    Some(EntrySlips {
        key: entry.key.clone(),
        vendor: entry.vendor.clone(),
        name: entry.name.clone(),
        status,
        first_promise: first,
        latest,
        net_days,
        slips,
        pull_ins,
        corrections,
        verdict: verdict(status, first.date, latest.date),
        promises,
        dropped: entry
            .is_dropped(versions)
            .then(|| entry.steps.iter().rev().find(|s| s.event == Event::Dropped))
            .flatten()
            .map(|s| s.version),
    })
}

/// Returns the signed days from `old`'s midpoint to `new`'s.
fn days_between(old: FuzzyDate, new: FuzzyDate) -> i64 {
    (new.midpoint() - old.midpoint()).num_days()
}

/// Returns whether `inner`'s interval lies inside `outer`'s.
fn lies_inside(inner: FuzzyDate, outer: FuzzyDate) -> bool {
    outer.start() <= inner.start() && inner.end() <= outer.end()
}

/// Returns how an entry with `status` now kept its first promise: inside it is on time;
/// outside it, the midpoints say late or early (slipping, for an entry not shipping yet).
fn verdict(status: Status, first: FuzzyDate, latest: FuzzyDate) -> Verdict {
    let later = !lies_inside(latest, first) && days_between(first, latest) > 0;
    match status {
        Status::Cancelled => Verdict::Cancelled,
        status if status.has_shipped() => {
            if lies_inside(latest, first) {
                Verdict::OnTime
            } else if later {
                Verdict::Late
            } else {
                Verdict::Early
            }
        }
        _ if later => Verdict::Slipping,
        _ => Verdict::Pending,
    }
}

/// Returns one vendor's record over its entries in `entries`.
fn vendor_slips(vendor: &str, entries: &[EntrySlips]) -> VendorSlips {
    let tracked: Vec<&EntrySlips> = entries
        .iter()
        .filter(|e| e.vendor == vendor && e.promises >= 2)
        .collect();
    let mut net: Vec<i64> = tracked.iter().map(|e| e.net_days).collect();
    net.sort_unstable();
    let median_net_days = match net.len() {
        0 => None,
        n if n % 2 == 1 => Some(net[n / 2] as f64),
        n => Some((net[n / 2 - 1] + net[n / 2]) as f64 / 2.0),
    };
    let shipped: Vec<&&EntrySlips> = tracked.iter().filter(|e| e.status.has_shipped()).collect();
    VendorSlips {
        vendor: vendor.to_string(),
        name: String::new(),
        tracked: tracked.len(),
        slipped: tracked.iter().filter(|e| !e.slips.is_empty()).count(),
        median_net_days,
        max_net_days: net.last().copied(),
        shipped: shipped.len(),
        on_time: shipped
            .iter()
            .filter(|e| e.verdict == Verdict::OnTime)
            .count(),
    }
}
