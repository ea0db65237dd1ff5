//! The entries in the picture: where each point stands (points that would cover one another
//! stand side by side, lines held on one level run a little apart), each entry's step line,
//! the band of each promise's interval, the points with their tooltips, and the labels at the
//! lines' ends, nudged apart so none covers another.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::super::TrendChart;
use super::super::series::Series;
use super::frame::Frame;
use super::looks::{LOOKS, REACH, marker};
use crate::model::FuzzyDate;
use crate::render::svg::{Doc, TextStyle, escape, num, shown_text};

/// How far apart points that would cover one another stand across, and lines held on one
/// level run up.
const STEP_X: f64 = 2.0 * REACH + 1.0;
const STEP_Y: f64 = 3.5;
/// The labels at the lines' ends, and the least distance between two of them.
pub(super) const END: TextStyle = TextStyle {
    size: 11.5,
    ..TextStyle::LABEL
};
const END_GAP: f64 = 15.0;
/// Where an end label's text starts after its marker.
pub(super) const END_TEXT: f64 = 22.0;

/// Per entry, per version: how far its point stands from where its promise falls (across,
/// up), where some other entry's point would cover it.
pub(super) type Offsets = Vec<Vec<(f64, f64)>>;

/// Returns each point's offset from its place: in each version, entries whose points fall
/// within a marker of one another (`y` gives a promise's height) stand side by side in
/// legend order; of those, entries with the very same promise also run `STEP_Y` apart.
pub(super) fn offsets(series: &Series, y: &dyn Fn(NaiveDate) -> f64) -> Offsets {
    let versions = series.days.len();
    let mut out = vec![vec![(0.0, 0.0); versions]; series.promises.len()];
    for v in 0..versions {
        let mut here: Vec<(f64, NaiveDate, usize)> = series
            .promises
            .iter()
            .enumerate()
            .filter_map(|(e, p)| p[v].map(|d| (y(d.midpoint()), d.midpoint(), e)))
            .collect();
        here.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        let mut start = 0;
        while start < here.len() {
            let mut end = start + 1;
            while end < here.len() && here[end - 1].0 - here[end].0 < STEP_X {
                end += 1;
            }
            let mut group: Vec<(f64, NaiveDate, usize)> = here[start..end].to_vec();
            group.sort_by_key(|(_, _, e)| *e);
            let middle = (group.len() as f64 - 1.0) / 2.0;
            for (k, (_, day, e)) in group.iter().enumerate() {
                let same: Vec<usize> = group
                    .iter()
                    .filter(|(_, d, _)| d == day)
                    .map(|(_, _, e)| *e)
                    .collect();
                let rank = same.iter().position(|o| o == e).unwrap_or(0) as f64;
                let dy = (rank - (same.len() as f64 - 1.0) / 2.0) * STEP_Y;
                out[*e][v] = ((k as f64 - middle) * STEP_X, -dy);
            }
            start = end;
        }
    }
    out
}

/// Returns how far points stand out past their version's place, at the left and the right.
pub(super) fn spread(offsets: &Offsets) -> (f64, f64) {
    let all = offsets.iter().flatten().map(|(dx, _)| *dx);
    let left = all.clone().fold(0.0, f64::min);
    (-left, all.fold(0.0, f64::max))
}

/// One entry's points, each at (x, y), per version (None where it has no promise).
pub(super) type Points = Vec<Option<(f64, f64)>>;

/// Returns every entry's points in the frame.
pub(super) fn points(series: &Series, frame: &Frame, offsets: &Offsets) -> Vec<Points> {
    series
        .promises
        .iter()
        .zip(offsets)
        .map(|(promises, offsets)| {
            promises
                .iter()
                .zip(&series.days)
                .zip(offsets)
                .map(|((p, day), (dx, dy))| {
                    p.map(|p| (frame.x(*day) + dx, frame.y(p.midpoint()) + dy))
                })
                .collect()
        })
        .collect()
}

/// Returns an entry's step line as path data (a promise held across to the next version,
/// then a jump to the new one there; after the last version, held to `today_x`) and where
/// the line ends; None for an entry with no point.
pub(super) fn step_line(points: &Points, today_x: f64) -> Option<(String, (f64, f64))> {
    let mut d = String::new();
    let mut before: Option<(f64, f64)> = None;
    let mut end = None;
    for point in points {
        let Some((x, y)) = *point else {
            before = None;
            continue;
        };
        match before {
            Some(_) => {
                let _ = write!(d, "H{}V{}", num(x), num(y));
            }
            None => {
                let _ = write!(d, "M{} {}", num(x), num(y));
            }
        }
        before = Some((x, y));
        end = Some((x, y));
    }
    if let Some((x, y)) = before
        && today_x > x
    {
        let _ = write!(d, "H{}", num(today_x));
        end = Some((today_x, y));
    }
    end.map(|end| (d, end))
}

/// Draws each entry: the band of each promise where it is made, its line, then its points
/// with tooltips.
pub(super) fn draw(
    doc: &mut Doc,
    chart: &TrendChart,
    series: &Series,
    frame: &Frame,
    all: &[Points],
) {
    let today_x = frame.x(chart.today.clamp(frame.first, frame.last));
    for (e, points) in all.iter().enumerate() {
        let look = LOOKS[e];
        // A band where a promise is made (first, or changed): it holds until the next.
        let mut held: Option<FuzzyDate> = None;
        for (promise, point) in series.promises[e].iter().zip(points) {
            let made = *promise != held;
            held = *promise;
            if let (Some(p), Some((x, _)), true) = (promise, point, made)
                && !p.is_point()
            {
                let (start, end) = p.interval();
                let (top, bottom) = (frame.y(end.succ_opt().unwrap_or(end)), frame.y(start));
                doc.raw(&format!(
                    "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"{}\" fill-opacity=\"0.2\"/>\n",
                    num(x - 3.0),
                    num(top),
                    num(bottom - top),
                    look.colour
                ));
            }
        }
    }
    for (e, points) in all.iter().enumerate() {
        let look = LOOKS[e];
        let Some((d, _)) = step_line(points, today_x) else {
            continue;
        };
        let dash = if look.dash.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\"", look.dash)
        };
        doc.raw(&format!(
            "<path class=\"line\" d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.25\" stroke-linejoin=\"round\"{dash}/>\n",
            look.colour
        ));
    }
    for (e, points) in all.iter().enumerate() {
        let entry = chart.entries[e];
        let shape = marker(&LOOKS[e]);
        doc.raw("<g class=\"entry\">\n");
        for (v, point) in points.iter().enumerate() {
            let (Some((x, y)), Some(promise)) = (point, series.promises[e][v]) else {
                continue;
            };
            let version = &chart.histories.versions[v];
            let tooltip = format!(
                "{} ({})\n{} ({})\npromised available {}",
                entry.name,
                entry.key,
                version.name,
                series.days[v],
                promised(&promise)
            );
            doc.raw(&format!(
                "<g class=\"point\" transform=\"translate({} {})\"><title>{}</title>{shape}</g>\n",
                num(*x),
                num(*y),
                escape(&tooltip)
            ));
        }
        doc.raw("</g>\n");
    }
}

/// Returns a promise as a tooltip tells it: `2027H2 (2027-07-01 to 2027-12-31)`.
fn promised(date: &FuzzyDate) -> String {
    if date.is_point() {
        return date.to_string();
    }
    let (start, end) = date.interval();
    format!("{date} ({start} to {end})")
}

/// Returns the heights of the end labels: each as near its line's end as it can be while
/// `END_GAP` from the next, all within `top..=bottom`, in the order given.
pub(super) fn nudge(wanted: &[f64], top: f64, bottom: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|a, b| wanted[*a].total_cmp(&wanted[*b]).then(a.cmp(b)));
    let mut at: Vec<f64> = order
        .iter()
        .map(|i| wanted[*i].clamp(top, bottom))
        .collect();
    for k in 1..at.len() {
        at[k] = at[k].max(at[k - 1] + END_GAP);
    }
    if let Some(last) = at.last_mut() {
        *last = last.min(bottom);
    }
    for k in (0..at.len().saturating_sub(1)).rev() {
        at[k] = at[k].min(at[k + 1] - END_GAP);
    }
    let mut out = vec![0.0; wanted.len()];
    for (k, i) in order.iter().enumerate() {
        out[*i] = at[k].max(top);
    }
    out
}

/// Draws each entry's label right of the plot from `x`: a leader from its line's end, its
/// marker and its name (its key when another entry drawn has the same name), cut to end
/// before `right`.
pub(super) fn end_labels(
    doc: &mut Doc,
    chart: &TrendChart,
    ends: &[Option<(f64, f64)>],
    (x, right): (f64, f64),
    frame: &Frame,
) {
    let drawn: Vec<(usize, (f64, f64))> = ends
        .iter()
        .enumerate()
        .filter_map(|(e, end)| end.map(|end| (e, end)))
        .collect();
    let wanted: Vec<f64> = drawn.iter().map(|(_, (_, y))| *y).collect();
    let at = nudge(&wanted, frame.top + 4.0, frame.bottom - 4.0);
    for ((e, (ex, ey)), y) in drawn.iter().zip(at) {
        let look = LOOKS[*e];
        doc.line((*ex + REACH + 1.0, *ey), (x + 4.0, y), look.colour, 1.0, "");
        doc.raw(&format!(
            "<g transform=\"translate({} {})\">{}</g>\n",
            num(x + 11.0),
            num(y),
            marker(&look)
        ));
        let name = fit(end_text(chart, ends.len(), *e), right - x - END_TEXT);
        doc.text(x + END_TEXT, y + 4.0, &name, &END);
    }
}

/// Returns what labels entry `e`'s line end, of the first `drawn` entries: its name, or its
/// key when another of them has the same name (one memory from two makers).
pub(super) fn end_text<'a>(chart: &'a TrendChart, drawn: usize, e: usize) -> &'a str {
    let entry = chart.entries[e];
    let twin = (0..drawn).any(|o| o != e && chart.entries[o].name == entry.name);
    if twin { &entry.key } else { &entry.name }
}

/// Returns `text` as it fits in `room` px set as an end label: whole, or cut with `…`.
pub(super) fn fit(text: &str, room: f64) -> String {
    let shown = shown_text(text);
    if END.width(&shown) <= room {
        return shown.into_owned();
    }
    let mut cut: String = shown.into_owned();
    while !cut.is_empty() && END.width(&format!("{cut}…")) > room {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}
