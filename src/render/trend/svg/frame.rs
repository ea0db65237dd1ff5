//! The picture's frame: where a version's day falls across and a promised day up, the grid
//! of both, and their labels: each version by its short name (thinned where two would
//! collide), the years under them, the promised periods (`2027Q3`, `2027H1`, `2027`) at the
//! left.

use chrono::{Datelike, NaiveDate};

use super::super::scale::{month_index, month_start, period_label};
use super::super::series::Series;
use crate::model::VersionInfo;
use crate::render::svg::font::Weight;
use crate::render::svg::{Doc, FAINT, GRID, MUTED, TextStyle};

/// The labels of versions and promised periods.
pub(super) const TICK: TextStyle = TextStyle {
    size: 10.5,
    fill: MUTED,
    ..TextStyle::LABEL
};
/// The years under the versions.
const YEAR: TextStyle = TextStyle {
    size: 11.5,
    weight: Weight::SemiBold,
    anchor: "middle",
    ..TextStyle::LABEL
};
/// The least room a promised period gets up the axis, so its label stands clear.
const PERIOD_ROOM: f64 = 20.0;
/// A row of version labels under the axis.
const LABEL_ROW: f64 = 14.0;

/// The plot's box and the days its axes stand for.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Room kept inside each end of the across axis, for points set side by side there.
    pub pad: (f64, f64),
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub up: Up,
}

/// The upward axis: promised days from `low` up to (not including) `high`, in periods of
/// `months` months.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Up {
    pub low: NaiveDate,
    pub high: NaiveDate,
    pub months: i32,
}

fn days(from: NaiveDate, to: NaiveDate) -> f64 {
    to.signed_duration_since(from).num_days() as f64
}

impl Frame {
    /// Returns the x of a version's day.
    pub(super) fn x(&self, day: NaiveDate) -> f64 {
        let (from, to) = (self.left + self.pad.0, self.right - self.pad.1);
        let span = days(self.first, self.last);
        if span <= 0.0 {
            return (from + to) / 2.0;
        }
        from + (to - from) * days(self.first, day) / span
    }

    /// Returns the y of a promised day (later is higher up).
    pub(super) fn y(&self, day: NaiveDate) -> f64 {
        let span = days(self.up.low, self.up.high).max(1.0);
        self.bottom - (self.bottom - self.top) * days(self.up.low, day) / span
    }
}

/// Returns the upward axis for `series` in `height` px: every promise's whole interval (so
/// its band fits), from the first version's day when that costs at most a little more than
/// the promises take (so the diagonal starts at the lower left), in the finest periods
/// (quarters, halves, years or longer) that leave each period room for its label.
pub(super) fn up(series: &Series, height: f64) -> Up {
    let (mut bottom, top) = series
        .all()
        .map(|d| d.interval())
        .fold(
            None,
            |range: Option<(NaiveDate, NaiveDate)>, (start, end)| {
                Some(range.map_or((start, end), |(s, e)| (s.min(start), e.max(end))))
            },
        )
        .unwrap_or((series.first, series.last));
    let taken = days(bottom, top).max(365.0);
    if series.first < bottom && days(series.first, top) <= 2.5 * taken {
        bottom = series.first;
    }
    let over = |months: i32| {
        let start = month_index(bottom).div_euclid(months) * months;
        let end = (month_index(top).div_euclid(months) + 1) * months;
        Up {
            low: month_start(start),
            high: month_start(end),
            months,
        }
    };
    [3, 6, 12, 24, 60, 120]
        .into_iter()
        .map(over)
        .find(|up| {
            let periods = f64::from((month_index(up.high) - month_index(up.low)) / up.months);
            height / periods >= PERIOD_ROOM
        })
        .unwrap_or_else(|| over(240))
}

/// Returns the width of the upward axis's widest label.
pub(super) fn up_label_width(up: &Up) -> f64 {
    periods(up)
        .map(|(day, _)| TICK.width(&period_label(day, up.months)))
        .fold(0.0, f64::max)
}

/// Returns each period's first day and the next period's, bottom first.
fn periods(up: &Up) -> impl Iterator<Item = (NaiveDate, NaiveDate)> + '_ {
    let (from, to) = (month_index(up.low), month_index(up.high));
    (from..to)
        .step_by(up.months as usize)
        .map(|m| (month_start(m), month_start(m + up.months)))
}

/// Returns how a version is named under the axis: a dated snapshot's name without its date
/// (`computex`), a commit or an undated name by its day when it has one, else its name.
pub(super) fn version_label(version: &VersionInfo) -> String {
    let name = version.name.as_str();
    let dated = name
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match (dated, name.get(10..)) {
        (Some(_), Some(rest)) if rest.len() > 1 && rest.starts_with('-') => rest[1..].to_string(),
        _ if name.starts_with("git:") => version
            .taken
            .map_or_else(|| name.to_string(), |d| d.format("%Y-%m-%d").to_string()),
        _ => name.to_string(),
    }
}

/// Draws the grid: a line at each promised period (years darker) with its label at the left,
/// a faint line at each version, a line at each new year, and the two axes.
pub(super) fn grid(doc: &mut Doc, frame: &Frame, series: &Series) {
    let label = TextStyle {
        anchor: "end",
        ..TICK
    };
    for (from, to) in periods(&frame.up) {
        let (y0, y1) = (frame.y(from), frame.y(to));
        let ink = if from.month0() == 0 { GRID } else { FAINT };
        doc.line((frame.left, y0), (frame.right, y0), ink, 1.0, "");
        let text = period_label(from, frame.up.months);
        doc.text(frame.left - 6.0, (y0 + y1) / 2.0 + 3.5, &text, &label);
    }
    doc.line(
        (frame.left, frame.top),
        (frame.right, frame.top),
        GRID,
        1.0,
        "",
    );
    for day in &series.days {
        let x = frame.x(*day);
        doc.line((x, frame.top), (x, frame.bottom), FAINT, 1.0, "");
    }
    for year in frame.first.year() + 1..=frame.last.year() {
        let x = frame.x(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(frame.first));
        doc.line((x, frame.top), (x, frame.bottom + 4.0), GRID, 1.0, "");
    }
    doc.line(
        (frame.left, frame.top),
        (frame.left, frame.bottom),
        MUTED,
        1.0,
        "",
    );
    doc.line(
        (frame.left, frame.bottom),
        (frame.right, frame.bottom),
        MUTED,
        1.0,
        "",
    );
}

/// The version labels under the axis: each kept one's text, row and centre x.
pub(super) struct Ticks {
    labels: Vec<(String, usize, f64)>,
}

impl Ticks {
    /// Returns the labels of the versions on `days`: each short name where it does not
    /// collide (in two staggered rows, the last and the first version first), reaching no
    /// further right than `right`.
    pub(super) fn new(
        frame: &Frame,
        versions: &[VersionInfo],
        days: &[NaiveDate],
        right: f64,
    ) -> Ticks {
        let xs: Vec<f64> = days.iter().map(|d| frame.x(*d)).collect();
        let names: Vec<String> = versions.iter().map(version_label).collect();
        let labels = thin(&xs, &names, frame.left - 24.0, right)
            .into_iter()
            .map(|(i, row, x)| (names[i].clone(), row, x))
            .collect();
        Ticks { labels }
    }

    /// Returns how far under the plot the labels and the years reach.
    pub(super) fn under(&self) -> f64 {
        let rows = self
            .labels
            .iter()
            .map(|(_, row, _)| row + 1)
            .max()
            .unwrap_or(1);
        16.0 + LABEL_ROW * rows as f64 + 18.0
    }
}

/// Draws under the axis a tick at each version, the version labels, and each year's number
/// centred under its stretch where that has room.
pub(super) fn across_labels(doc: &mut Doc, frame: &Frame, days: &[NaiveDate], ticks: &Ticks) {
    for day in days {
        let x = frame.x(*day);
        doc.line((x, frame.bottom), (x, frame.bottom + 5.0), MUTED, 1.0, "");
    }
    let centred = TextStyle {
        anchor: "middle",
        ..TICK
    };
    for (name, row, x) in &ticks.labels {
        let y = frame.bottom + 16.0 + LABEL_ROW * *row as f64;
        doc.text(*x, y, name, &centred);
    }
    let y = frame.bottom + ticks.under() - 2.0;
    for year in frame.first.year()..=frame.last.year() {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(frame.first);
        let end = NaiveDate::from_ymd_opt(year + 1, 1, 1).unwrap_or(frame.last);
        let x0 = frame.x(start.max(frame.first)).max(frame.left);
        let x1 = frame.x(end.min(frame.last)).min(frame.right);
        let text = year.to_string();
        if x1 - x0 >= YEAR.width(&text) + 8.0 {
            doc.text((x0 + x1) / 2.0, y, &text, &YEAR);
        }
    }
}

/// Returns which labels to draw, each as (index, row, centre x): the last label first, then
/// the first, then the rest left to right, each in the first of two rows where it keeps 8 px
/// from every label drawn there; a label is shifted inside `lo..hi` when it would cross one.
pub(super) fn thin(xs: &[f64], names: &[String], lo: f64, hi: f64) -> Vec<(usize, usize, f64)> {
    const GAP: f64 = 8.0;
    let count = xs.len().min(names.len());
    let mut order: Vec<usize> = Vec::with_capacity(count);
    if count > 0 {
        order.push(count - 1);
    }
    order.extend((0..count.saturating_sub(1)).filter(|i| *i != count - 1));
    let mut rows: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
    let mut kept = Vec::new();
    for i in order {
        let half = TICK.width(&names[i]) / 2.0;
        let x = xs[i].clamp(lo + half, (hi - half).max(lo + half));
        let (a, b) = (x - half, x + half);
        let free = |row: &Vec<(f64, f64)>| row.iter().all(|(l, r)| b + GAP <= *l || a >= r + GAP);
        if let Some(row) = (0..2).find(|r| free(&rows[*r])) {
            rows[row].push((a, b));
            kept.push((i, row, x));
        }
    }
    kept.sort_by_key(|(i, _, _)| *i);
    kept
}

#[cfg(test)]
mod tests {
    use super::{thin, version_label};
    use crate::model::VersionInfo;

    fn version(name: &str, taken: Option<&str>) -> VersionInfo {
        VersionInfo {
            name: name.into(),
            taken: taken.map(|d| d.parse().unwrap()),
            subject: None,
        }
    }

    #[test]
    fn a_version_is_named_by_what_follows_its_date() {
        let v = |n, t| version_label(&version(n, t));
        assert_eq!(v("2024-06-02-computex", Some("2024-06-02")), "computex");
        assert_eq!(v("2025-01-10", Some("2025-01-10")), "2025-01-10");
        assert_eq!(v("git:abc1234", Some("2025-03-02")), "2025-03-02");
        assert_eq!(v("before-launch", Some("2025-03-02")), "before-launch");
        assert_eq!(v("working", None), "working");
    }

    #[test]
    fn colliding_version_labels_are_staggered_then_left_out() {
        let names: Vec<String> = ["first", "second", "third", "fourth"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Four labels a few px apart: two rows hold two of them; the last is always kept.
        let kept = thin(&[100.0, 104.0, 108.0, 112.0], &names, 0.0, 1000.0);
        let indices: Vec<usize> = kept.iter().map(|(i, _, _)| *i).collect();
        assert_eq!(indices, [0, 3]);
        let rows: Vec<usize> = kept.iter().map(|(_, r, _)| *r).collect();
        assert_eq!(rows, [1, 0]);
        // Far apart, all in the first row, each centred on its tick.
        let apart = thin(&[100.0, 300.0, 500.0, 700.0], &names, 0.0, 1000.0);
        assert!(
            apart
                .iter()
                .all(|(i, r, x)| *r == 0 && *x == 100.0 + 200.0 * *i as f64)
        );
    }
}
