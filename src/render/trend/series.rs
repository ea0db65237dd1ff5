//! What the trend chart shows, whoever draws it (the terminal or a picture): each version's
//! day, the days the chart spans across, and each entry's promise in each version.

use chrono::NaiveDate;

use super::TrendChart;
use crate::diff::EntryHistory;
use crate::model::FuzzyDate;

/// The chart's data, before any glyph or pixel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Series {
    /// Each version's day (the working data's is today), in version order.
    pub days: Vec<NaiveDate>,
    /// The first version's day: where the across axis starts.
    pub first: NaiveDate,
    /// The last version's day, or today when it is later (and not before `first`).
    pub last: NaiveDate,
    /// Per entry drawn (at most the drawer's limit, in legend order), its promise in each
    /// version.
    pub promises: Vec<Vec<Option<FuzzyDate>>>,
}

impl Series {
    /// Returns the series of `chart`'s first `most` entries, or None with no versions.
    pub(super) fn of(chart: &TrendChart, most: usize) -> Option<Series> {
        let days: Vec<NaiveDate> = chart
            .histories
            .versions
            .iter()
            .map(|v| v.day(chart.today))
            .collect();
        let (first, last) = (*days.iter().min()?, *days.iter().max()?);
        let last = if chart.today >= first {
            last.max(chart.today)
        } else {
            last
        };
        let promises = chart
            .entries
            .iter()
            .take(most)
            .map(|e| promises(e, days.len()))
            .collect();
        Some(Series {
            days,
            first,
            last,
            promises,
        })
    }

    /// Returns the earliest and latest promise, each at its interval's midpoint (where the
    /// chart draws it), or None when no entry drawn has one.
    pub(super) fn promised(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mids = self.all().map(FuzzyDate::midpoint);
        Some((mids.clone().min()?, mids.max()?))
    }

    /// Returns every promise drawn, entry by entry.
    pub(super) fn all(&self) -> impl Iterator<Item = &FuzzyDate> + Clone {
        self.promises.iter().flatten().flatten()
    }
}

/// Returns one entry's promise in each version: None before it appears, where it is dropped,
/// and where it has no `available` date.
fn promises(entry: &EntryHistory, versions: usize) -> Vec<Option<FuzzyDate>> {
    let mut standings: Vec<(usize, Option<FuzzyDate>)> = entry
        .positions()
        .map(|(v, p)| (v, p.and_then(|p| p.available)))
        .collect();
    standings.sort_by_key(|(v, _)| *v);
    let mut current = None;
    let mut next = standings.into_iter().peekable();
    (0..versions)
        .map(|v| {
            while let Some((_, date)) = next.next_if(|(at, _)| *at <= v) {
                current = Some(date);
            }
            current.flatten()
        })
        .collect()
}
