//! The chart's legend: which glyph and line is which entry, how to read a line, where a date
//! is plotted, where points that share a cell stand, and what the signs for meeting lines
//! mean.

use std::io::{self, Write};

use super::super::visible::shown;
use super::super::{Paint, display_width, plural, wrap_breaking, wrap_words};
use super::canvas::{CROSS, DIAGONAL, LOOKS, Meetings, RUN_TOGETHER, TODAY};
use super::{MAX_ENTRIES, Plot, TrendChart};
use crate::model::FuzzyDate;

/// The columns before an entry's key: glyph, space, three of its line, space.
const SAMPLE: usize = 6;

/// Writes the legend under the chart.
pub(super) fn write(
    out: &mut dyn Write,
    chart: &TrendChart,
    plot: &Plot,
    meetings: Meetings,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    writeln!(out)?;
    write_entries(out, chart, plot, width, paint)?;
    let mut notes = vec![
        "A level line: the promise held; rising: it slipped; falling: it was pulled in.".into(),
        format!(
            "{DIAGONAL} promised = version date (a line that reaches it has come due); {TODAY} today."
        ),
        midpoint_note(plot),
    ];
    if plot.points.aside {
        notes.push(format!(
            "Points in one cell stand side by side in legend order, the first at its version; \
             a column is {}.",
            plot.across.cell_span()
        ));
    }
    let mut meet = Vec::new();
    if meetings.runs {
        meet.push(format!("{RUN_TOGETHER}: lines held on one row"));
    }
    if meetings.crossings {
        meet.push(format!("{CROSS}: lines that jump in one column"));
    }
    if !meet.is_empty() {
        notes.push(format!("Where entries meet, {}.", meet.join("; ")));
    }
    let more = chart.entries.len().saturating_sub(MAX_ENTRIES);
    if more > 0 {
        notes.push(format!(
            "{} not drawn: the chart tells {MAX_ENTRIES} apart.",
            plural(more, "more entry")
        ));
    }
    for note in notes {
        for line in wrap_words(&note, width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Writes one line per entry drawn: its glyph and line style, key and name; names that do
/// not fit wrap under the key.
fn write_entries(
    out: &mut dyn Write,
    chart: &TrendChart,
    plot: &Plot,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let drawn = chart.entries.iter().take(MAX_ENTRIES);
    let keys: Vec<String> = drawn.clone().map(|e| shown(&e.key).into_owned()).collect();
    let key_width = keys.iter().map(|k| display_width(k)).max().unwrap_or(0);
    for (i, (entry, key)) in drawn.zip(&keys).enumerate() {
        let look = LOOKS[i];
        let sample = format!("{} {}", look.glyph, look.across.to_string().repeat(3));
        let mut name = shown(&entry.name).into_owned();
        if plot.promises[i].iter().all(Option::is_none) {
            name.push_str(" (no available date)");
        }
        let pad = key_width - display_width(key);
        let one_line = format!("{key}{}  {name}", " ".repeat(pad));
        let lines = if SAMPLE + display_width(&one_line) <= width {
            vec![one_line]
        } else {
            wrap_breaking(&format!("{key} {name}"), width.saturating_sub(SAMPLE))
        };
        let style = look.colour.on_default();
        for (n, line) in lines.iter().enumerate() {
            if n == 0 {
                writeln!(out, "{} {line}", paint.paint(style, &sample))?;
            } else {
                writeln!(out, "{}{line}", " ".repeat(SAMPLE))?;
            }
        }
    }
    Ok(())
}

/// Returns the midpoint rule, with the coarsest date drawn as its example, and how much a
/// row holds.
fn midpoint_note(plot: &Plot) -> String {
    let coarsest = plot
        .promises
        .iter()
        .flatten()
        .flatten()
        .min_by_key(|d| (d.precision(), **d));
    let example = coarsest.map_or_else(
        || String::from("A date is plotted at its middle"),
        |d: &FuzzyDate| format!("{d} is plotted at its middle, {}", d.midpoint()),
    );
    let row = plot.up.cell_span();
    let hidden = match plot.hidden_moves() {
        0 => String::new(),
        n => format!(
            " ({} within one row, so not drawn as a jump)",
            plural(n, "move")
        ),
    };
    format!("{example}; a row is {row}{hidden}.")
}
