//! The timeline in a terminal: per-vendor swimlanes on a year axis with quarter ticks.
//!
//! Each entry is one row: its name (wrapped between words, never cut; further lines indented
//! and without the axis, so they do not read as entries), its date, at wide
//! widths its memory, then its interval drawn on the axis. Status shows by shade, so the
//! picture reads without colour; a legend says which is which.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use chrono::{Datelike, NaiveDate};

use crate::layout::{Lane, Row, Timeline, year_start};
use crate::model::{FuzzyDate, Status};

use crate::render::{Paint, display_width, wrap_hanging, wrap_words};

mod legend;

/// How to draw: the total width in columns, whether colour is on, and the version shown.
#[derive(Debug, Clone, Copy)]
pub struct TermOptions<'a> {
    pub width: usize,
    pub paint: Paint,
    /// With `--as-of`: the version's name and day, which the title gives instead of today's
    /// (the marker stands on that day, where "today" was for that version).
    pub as_of: Option<(&'a str, Option<chrono::NaiveDate>)>,
}

/// The narrowest width the timeline is drawn at.
pub const MIN_WIDTH: usize = 60;
const INDENT: usize = 2;
const GAP: usize = 2;
const TODAY: char = '┊';
const GRID: char = '·';
const UNDATED: &str = "—";
/// How much further in a wrapped name's further lines start, so none looks like an entry.
const CONTINUED: usize = 2;

/// Returns the span glyph, point glyph and colour of a status.
fn glyphs(status: Status) -> (char, char, Style) {
    match status {
        Status::Shipping => ('█', '●', AnsiColor::Green.on_default()),
        Status::Sampling => ('▓', '◉', AnsiColor::Cyan.on_default()),
        Status::Announced => ('▒', '◆', AnsiColor::Yellow.on_default()),
        Status::Rumored => ('░', '◇', AnsiColor::Magenta.on_default()),
        Status::Cancelled => ('╳', '✕', AnsiColor::Red.on_default()),
        Status::Discontinued => ('▁', '▪', AnsiColor::BrightBlack.on_default()),
    }
}

/// The columns a row is drawn in, decided once for the whole picture.
struct Columns {
    label: usize,
    date: Option<usize>,
    memory: Option<usize>,
    axis: usize,
}

impl Columns {
    fn fit(t: &Timeline, width: usize) -> Columns {
        let rows = || t.lanes.iter().flat_map(|l| l.rows.iter());
        let longest_word = rows()
            .flat_map(|r| r.name.split_whitespace().map(display_width))
            .max()
            .unwrap_or(0);
        let longest_name = rows().map(|r| display_width(&r.name)).max().unwrap_or(0);
        let vendor_name = t
            .lanes
            .iter()
            .map(|l| display_width(&l.name))
            .max()
            .unwrap_or(0);
        let cap = (width / 4).max(12);
        let mut label = longest_word
            .max(longest_name.min(cap))
            .max(vendor_name.min(cap));
        if longest_name > label {
            // Some name wraps, and its further lines are indented: its longest word must fit.
            label = label.max(longest_word + CONTINUED);
        }
        let date = rows()
            .map(|r| r.date.map_or(1, |d| display_width(&d.to_string())))
            .max()
            .unwrap_or(4);
        let memory = rows()
            .filter_map(|r| r.memory.as_deref().map(display_width))
            .max()
            .unwrap_or(0)
            .min(18);
        let years = (t.to - t.from + 1).max(1) as usize;
        let axis_for = |extra: usize| width.saturating_sub(INDENT + label + GAP + extra + 1);
        let with_both = axis_for(date + GAP + memory + GAP);
        if width >= 120 && memory > 0 && with_both >= years * 6 {
            return Columns {
                label,
                date: Some(date),
                memory: Some(memory),
                axis: with_both,
            };
        }
        let with_date = axis_for(date + GAP);
        if with_date >= years * 4 {
            return Columns {
                label,
                date: Some(date),
                memory: None,
                axis: with_date,
            };
        }
        Columns {
            label,
            date: None,
            memory: None,
            axis: axis_for(0).max(years),
        }
    }

    fn prefix(&self) -> usize {
        INDENT
            + self.label
            + GAP
            + self.date.map_or(0, |d| d + GAP)
            + self.memory.map_or(0, |m| m + GAP)
    }
}

/// Writes the timeline; every line fits in `options.width` columns.
pub fn write(out: &mut dyn Write, t: &Timeline, options: TermOptions) -> io::Result<()> {
    let width = options.width.max(MIN_WIDTH);
    let paint = options.paint;
    let cols = Columns::fit(t, width);
    let axis = Axis::new(t, cols.axis);
    let when = super::when(t, options.as_of);
    let title = format!("{} dates, {} · {when}", t.basis.as_str(), t.years());
    writeln!(out, "{}", paint.paint(Style::new().bold(), &title))?;
    write_years(out, &axis, &cols)?;
    write_rule(out, &axis, &cols, paint)?;
    for lane in &t.lanes {
        write_lane_name(out, lane, &cols, &axis, width, paint)?;
        for row in &lane.rows {
            write_row(out, row, &cols, &axis, paint)?;
        }
    }
    if t.row_count() == 0 {
        writeln!(out, "  (no entries to draw)")?;
    } else if t.row_count() > 12 {
        write_rule(out, &axis, &cols, paint)?;
        write_years(out, &axis, &cols)?;
    }
    legend::write(out, t, width, paint)
}

/// Writes a lane's title (the vendor and its count) with the empty axis beside it; a title too
/// long for the label columns stands on lines of its own, wrapped to the width, so it never
/// runs into the axis or past the edge.
fn write_lane_name(
    out: &mut dyn Write,
    lane: &Lane,
    cols: &Columns,
    axis: &Axis,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let name = format!("{} ({})", lane.name, lane.rows.len());
    let style = Style::new().bold().underline();
    let room = cols.prefix();
    if display_width(&name) + GAP <= room {
        let pad = room - display_width(&name);
        let background = axis.background(paint);
        return writeln!(
            out,
            "{}{}{background}",
            paint.paint(style, &name),
            " ".repeat(pad)
        );
    }
    for line in wrap_words(&name, width) {
        writeln!(out, "{}", paint.paint(style, &line))?;
    }
    Ok(())
}

/// Column positions of the axis: every year gets the same number of columns, so year ticks
/// are evenly spaced; a day falls in its year by its share of that year's days.
struct Axis {
    from: i32,
    per_year: usize,
    width: usize,
    years: Vec<(usize, i32)>,
    quarters: Vec<usize>,
    today: Option<usize>,
}

impl Axis {
    fn new(t: &Timeline, available: usize) -> Axis {
        let count = (t.to - t.from + 1).max(1) as usize;
        let per_year = (available / count).max(1);
        let width = per_year * count;
        let years = (0..count)
            .map(|i| (i * per_year, t.from + i as i32))
            .collect();
        let quarters = if per_year >= 4 {
            (0..count)
                .flat_map(|i| (1..4).map(move |q| i * per_year + (q * per_year + 2) / 4))
                .collect()
        } else {
            Vec::new()
        };
        let mut axis = Axis {
            from: t.from,
            per_year,
            width,
            years,
            quarters,
            today: None,
        };
        let (today, last) = (t.today, year_start(t.to + 1));
        axis.today = (today >= year_start(t.from) && today < last).then(|| axis.col(today));
        axis
    }

    /// Returns the column a day falls in (days outside the axis are clamped to its ends).
    fn col(&self, day: NaiveDate) -> usize {
        let year_index = i64::from(day.year() - self.from);
        if year_index < 0 {
            return 0;
        }
        let days_in_year = if NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some() {
            366
        } else {
            365
        };
        // Rounded, so a quarter takes a quarter of the year's columns, not one more.
        let within = ((u64::from(day.ordinal0()) * self.per_year as u64 + days_in_year / 2)
            / days_in_year)
            .min(self.per_year as u64 - 1);
        let col = year_index as u64 * self.per_year as u64 + within;
        (col as usize).min(self.width - 1)
    }

    /// Returns the first and last column of an interval given by its first and last day.
    fn span(&self, first: NaiveDate, last: NaiveDate) -> (usize, usize) {
        let start = self.col(first);
        let after = last.succ_opt().map_or(self.width, |d| {
            if d >= year_start(self.from + (self.width / self.per_year) as i32) {
                self.width
            } else {
                self.col(d)
            }
        });
        (start, after.saturating_sub(1).max(start))
    }

    /// Returns the empty axis of a row: year grid dots and the today line.
    fn cells(&self) -> Vec<char> {
        let mut cells = vec![' '; self.width];
        for (c, _) in &self.years {
            cells[*c] = GRID;
        }
        if let Some(c) = self.today {
            cells[c] = TODAY;
        }
        cells
    }

    fn background(&self, paint: Paint) -> String {
        paint_cells(&self.cells(), &vec![None; self.width], paint)
    }
}

fn paint_cells(cells: &[char], styles: &[Option<Style>], paint: Paint) -> String {
    let dim = AnsiColor::BrightBlack.on_default();
    let red = AnsiColor::Red.on_default().bold();
    let styled = cells.iter().zip(styles).map(|(c, style)| {
        let style = match (style, *c) {
            (Some(s), _) => *s,
            (None, TODAY) => red,
            (None, GRID) => dim,
            (None, _) => Style::new(),
        };
        (style, *c)
    });
    paint.cells(styled)
}

fn write_years(out: &mut dyn Write, axis: &Axis, cols: &Columns) -> io::Result<()> {
    let short = axis.per_year < 5;
    let label_width: usize = if short { 3 } else { 4 };
    // Label every year when it fits, else every second or third year.
    let every = (label_width + 1).div_ceil(axis.per_year);
    let mut line = " ".repeat(cols.prefix());
    for (i, (c, year)) in axis.years.iter().enumerate() {
        if i % every != 0 || c + label_width > axis.width {
            continue;
        }
        let label = if short {
            format!("'{:02}", year.rem_euclid(100))
        } else {
            year.to_string()
        };
        line.push_str(&" ".repeat(cols.prefix() + c - display_width(&line)));
        line.push_str(&label);
    }
    writeln!(out, "{}", line.trim_end())
}

fn write_rule(out: &mut dyn Write, axis: &Axis, cols: &Columns, paint: Paint) -> io::Result<()> {
    let mut cells = vec!['─'; axis.width];
    for c in &axis.quarters {
        cells[*c] = '┬';
    }
    for (c, _) in &axis.years {
        cells[*c] = '┼';
    }
    let mut styles = vec![Some(AnsiColor::BrightBlack.on_default()); axis.width];
    if let Some(c) = axis.today {
        cells[c] = '▼';
        styles[c] = Some(AnsiColor::Red.on_default().bold());
    }
    writeln!(
        out,
        "{}{}",
        " ".repeat(cols.prefix()),
        paint_cells(&cells, &styles, paint)
    )
}

fn write_row(
    out: &mut dyn Write,
    row: &Row,
    cols: &Columns,
    axis: &Axis,
    paint: Paint,
) -> io::Result<()> {
    let names = wrap_hanging(&row.name, cols.label, CONTINUED);
    let memories = match (cols.memory, &row.memory) {
        (Some(m), Some(label)) => wrap_words(label, m),
        _ => Vec::new(),
    };
    let mut bar = axis.cells();
    let mut styles: Vec<Option<Style>> = vec![None; axis.width];
    if let Some(date) = row.date {
        draw(&mut bar, &mut styles, axis, row, date);
    }
    let date = row
        .date
        .map_or_else(|| UNDATED.to_string(), |d| d.to_string());
    let height = names.len().max(memories.len()).max(1);
    for i in 0..height {
        let mut line = " ".repeat(INDENT);
        push_cell(
            &mut line,
            names.get(i).map_or("", String::as_str),
            cols.label,
        );
        if let Some(d) = cols.date {
            push_cell(&mut line, if i == 0 { &date } else { "" }, d);
        }
        if let Some(m) = cols.memory {
            push_cell(&mut line, memories.get(i).map_or("", String::as_str), m);
        }
        // Only an entry's first line carries the axis: the rest read as its continuation.
        let drawn = if i == 0 {
            paint_cells(&bar, &styles, paint)
        } else {
            String::new()
        };
        writeln!(out, "{}", format!("{line}{drawn}").trim_end())?;
    }
    Ok(())
}

/// Draws a dated row's interval: a bar in its status's shade, or a dot for a month or day.
fn draw(bar: &mut [char], styles: &mut [Option<Style>], axis: &Axis, row: &Row, date: FuzzyDate) {
    let (span, point, style) = glyphs(row.status);
    if date.is_point() {
        let mid = axis.col(date.midpoint());
        bar[mid] = point;
        styles[mid] = Some(style);
        return;
    }
    let (first, last) = axis.span(date.start(), date.end());
    for c in first..=last {
        bar[c] = span;
        styles[c] = Some(style);
    }
}

fn push_cell(line: &mut String, text: &str, width: usize) {
    line.push_str(text);
    line.push_str(&" ".repeat(width.saturating_sub(display_width(text)) + GAP));
}
