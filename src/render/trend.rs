//! The milestone trend chart (MTA, as DIN 69901 draws it) in a terminal: across, the day of
//! each version; up, the `available` date it promised, at its interval's midpoint. One step
//! line per entry (a promise holds until a version changes it), with its own glyph and line
//! style so that it reads without colour; the diagonal where promise and version meet; today.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::{Datelike, NaiveDate};

use crate::diff::{EntryHistory, Histories};
use crate::model::FuzzyDate;

use super::{Paint, display_width, wrap_words};

mod canvas;
mod legend;
mod place;
mod scale;
mod series;
pub mod svg;
#[cfg(test)]
mod tests;

use canvas::{Canvas, LOOKS, Piece, TODAY};
use place::{Points, place};
use scale::{Scale, period_label};
use series::Series;

/// How many entries the chart tells apart; the CLI refuses more with a hint.
pub const MAX_ENTRIES: usize = LOOKS.len();

/// The narrowest width the chart is drawn at.
pub const MIN_WIDTH: usize = 44;

/// The upward axis's labels: `2027Q3`.
const LABEL: usize = 6;
/// The columns left of the plot: a label, a space and the axis line.
const MARGIN: usize = LABEL + 2;

/// What to chart: the entries (at most [`MAX_ENTRIES`]) of `histories`, and the day that is
/// today (the working data's day, and the marker).
#[derive(Debug, Clone)]
pub struct TrendChart<'a> {
    pub histories: &'a Histories,
    pub entries: Vec<&'a EntryHistory>,
    pub today: NaiveDate,
}

/// The chart laid out: both scales, the versions' columns and the entries' promises.
struct Plot {
    across: Scale,
    up: Scale,
    /// The plot's columns: the across scale's, and any left over for points set aside.
    width: usize,
    today: Option<usize>,
    /// Per entry drawn, its promise in each version.
    promises: Vec<Vec<Option<FuzzyDate>>>,
    /// Per entry drawn, where its point in each version is drawn.
    points: Points,
}

impl Plot {
    /// Returns the layout for `chart` in `width` columns, or None when it does not fit.
    fn fit(chart: &TrendChart, width: usize) -> Option<Plot> {
        let series = Series::of(chart, MAX_ENTRIES)?;
        let (first, last) = (series.first, series.last);
        let cols = width.checked_sub(MARGIN)?;
        let (low, high) = series.promised().unwrap_or((first, first));
        let Series { days, promises, .. } = series;
        // From the first version's day up, so the diagonal starts in the lower left corner,
        // unless that makes a row longer than two months: a half-year slip must show as a jump.
        let (promised, from_first) = (Scale::upward(low, high), Scale::upward(first, high));
        let fine = from_first.cell_days() <= promised.cell_days().max(61);
        let up = if first < low && fine {
            from_first
        } else {
            promised
        };
        // Points that share a cell at the right end stand beyond it: narrow the across scale
        // until they fit, so each still stands right of its version's column.
        let layout = |reserve: usize| {
            let across = Scale::across(first, last, cols.checked_sub(reserve)?)?;
            let columns: Vec<usize> = days.iter().map(|d| across.clamped(*d)).collect();
            let cells: Vec<Vec<Option<(usize, usize)>>> = promises
                .iter()
                .map(|p| {
                    p.iter()
                        .zip(&columns)
                        .map(|(d, x)| d.map(|d| (*x, up.clamped(d.midpoint()))))
                        .collect()
                })
                .collect();
            Some((across, place(&cells, cols)))
        };
        let (across, points) = (0..MAX_ENTRIES)
            .filter_map(&layout)
            .find(|(_, points)| points.fits)
            .or_else(|| layout(0))?;
        Some(Plot {
            up,
            width: cols,
            today: across.cell(chart.today),
            across,
            promises,
            points,
        })
    }

    /// Returns how many moves of a promise stay within one row, so draw no jump.
    fn hidden_moves(&self) -> usize {
        let row = |d: &FuzzyDate| self.up.clamped(d.midpoint());
        self.promises
            .iter()
            .flat_map(|p| p.windows(2))
            .filter(|pair| match pair {
                [Some(old), Some(new)] => old.midpoint() != new.midpoint() && row(old) == row(new),
                _ => false,
            })
            .count()
    }

    /// Returns the canvas with the diagonal, today and every entry's step line drawn.
    fn draw(&self) -> Canvas {
        let (width, height) = (self.across.cells(), self.up.cells());
        let mut canvas = Canvas::new(self.width, height);
        for x in 0..width {
            if let Some(y) = self.up.cell(self.across.day_at(x)) {
                canvas.diagonal(x, y);
            }
        }
        for y in 0..height {
            if let Some(x) = self.across.cell(self.up.day_at(y)) {
                canvas.diagonal(x, y);
            }
        }
        if let Some(x) = self.today {
            canvas.today(x);
        }
        for (entry, points) in self.points.at.iter().enumerate() {
            draw_entry(&mut canvas, entry, points, self.today);
        }
        canvas
    }
}

/// Draws one entry: a point per version with a promise, joined by a step line (held
/// across, then a jump at the next point's column); after the last version, held to today.
fn draw_entry(
    canvas: &mut Canvas,
    entry: usize,
    points: &[Option<(usize, usize)>],
    today: Option<usize>,
) {
    let mut before: Option<(usize, usize)> = None;
    for point in points {
        let Some((x, y)) = *point else {
            before = None;
            continue;
        };
        if let Some(old) = before {
            step(canvas, entry, old, (x, y));
        }
        canvas.mark(x, y, entry, Piece::Point);
        before = Some((x, y));
    }
    if let (Some((bx, by)), Some(today)) = (before, today) {
        for x in bx + 1..=today {
            canvas.mark(x, by, entry, Piece::Across);
        }
    }
}

/// Draws the line from one point to the next: held across to the next version's column,
/// then a jump up or down to the new promise there.
fn step(canvas: &mut Canvas, entry: usize, (bx, by): (usize, usize), (x, y): (usize, usize)) {
    for c in bx + 1..x {
        canvas.mark(c, by, entry, Piece::Across);
    }
    if y == by {
        return;
    }
    if x > bx {
        let turn = if y > by {
            Piece::TurnUp
        } else {
            Piece::TurnDown
        };
        canvas.mark(x, by, entry, turn);
    }
    for r in by.min(y) + 1..by.max(y) {
        canvas.mark(x, r, entry, Piece::Up);
    }
}

/// Writes the chart and its legend; every line fits in `width` columns. Below
/// [`MIN_WIDTH`], or when the versions span too long for the width, one line says so.
pub fn write_chart(
    out: &mut dyn Write,
    chart: &TrendChart,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    if chart.histories.versions.is_empty() || chart.entries.is_empty() {
        return writeln!(out, "(no versions or entries to chart)");
    }
    let plot = (width >= MIN_WIDTH)
        .then(|| Plot::fit(chart, width))
        .flatten();
    let Some(plot) = plot else {
        return writeln!(out, "(too narrow: the chart needs {MIN_WIDTH} columns)");
    };
    let title = format!(
        "Milestone trend: promised available date by version date · today {}",
        chart.today
    );
    for line in wrap_words(&title, width) {
        writeln!(out, "{}", paint.paint(Style::new().bold(), &line))?;
    }
    let canvas = plot.draw();
    write_plot(out, &plot, &canvas, paint)?;
    write_across_axis(out, &plot, paint)?;
    legend::write(out, chart, &plot, canvas.meetings(), width, paint)
}

/// Writes the plot's rows, top first, each after its label and the upward axis.
fn write_plot(out: &mut dyn Write, plot: &Plot, canvas: &Canvas, paint: Paint) -> io::Result<()> {
    let dim = AnsiColor::BrightBlack.on_default();
    let labels = plot.up.labels();
    for y in (0..plot.up.cells()).rev() {
        let label = labels.iter().find(|(cell, _)| *cell == y);
        let (text, axis) = label.map_or(("", '│'), |(_, l)| (l.as_str(), '┤'));
        let line = format!(
            "{text:>LABEL$} {}{}",
            paint.paint(dim, &axis.to_string()),
            canvas.row(y, paint)
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes the axis under the plot, ticks at each quarter (or year), and its labels: the
/// year under each first quarter, the quarters where they fit.
fn write_across_axis(out: &mut dyn Write, plot: &Plot, paint: Paint) -> io::Result<()> {
    let scale = &plot.across;
    let mut rule = vec!['─'; scale.cells()];
    let quarters = scale.per() >= 2 && scale.months() == 3;
    for (cell, day) in scale.ticks() {
        if day.month0() == 0 {
            rule[cell] = '┼';
        } else if quarters {
            rule[cell] = '┬';
        }
    }
    if let Some(x) = plot.today {
        rule[x] = TODAY;
    }
    let rule: String = rule.into_iter().collect();
    let dim = AnsiColor::BrightBlack.on_default();
    writeln!(
        out,
        "{}{}",
        " ".repeat(MARGIN - 1),
        paint.paint(dim, &format!("└{rule}"))
    )?;
    let labels = across_labels(scale);
    writeln!(out, "{}{}", " ".repeat(MARGIN), labels.trim_end())
}

/// Returns the label line under the across axis: years first, then the first period's
/// label and the quarters, each only where it leaves a blank before the next.
fn across_labels(scale: &Scale) -> String {
    let width = scale.cells();
    let ticks: Vec<(usize, NaiveDate)> = scale.ticks().collect();
    let years_apart = (12 / scale.months()).max(1) as usize * scale.per();
    let mut wanted: Vec<(usize, String)> = ticks
        .iter()
        .filter(|(_, day)| day.month0() == 0)
        .map(|(cell, day)| {
            let label = if years_apart >= 5 {
                day.year().to_string()
            } else {
                format!("'{:02}", day.year().rem_euclid(100))
            };
            (*cell, label)
        })
        .collect();
    if let Some((cell, day)) = ticks.first().filter(|(_, day)| day.month0() != 0) {
        wanted.push((*cell, period_label(*day, scale.months())));
    }
    if scale.months() == 3 && scale.per() >= 3 {
        for (cell, day) in &ticks {
            if day.month0() != 0 {
                wanted.push((*cell, format!("Q{}", day.month0() / 3 + 1)));
            }
        }
    }
    let mut line = vec![' '; width];
    let mut taken = vec![false; width + 1];
    for (cell, label) in wanted {
        let end = cell + display_width(&label);
        let free = end <= width && (cell.saturating_sub(1)..=end.min(width)).all(|c| !taken[c]);
        if free {
            for (c, ch) in label.chars().enumerate() {
                line[cell + c] = ch;
                taken[cell + c] = true;
            }
        }
    }
    line.into_iter().collect()
}
