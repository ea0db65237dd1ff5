//! The milestone trend chart as a picture (SVG 1.1), with the timeline picture's conventions
//! (title and subtitle, legend on top, the today line, the embedded font): across, each
//! version's day; up, the `available` date it promised, at its interval's midpoint, with the
//! interval as a faint band; one step line per entry with its own marker, dash and colour;
//! the diagonal where promise and version meet; each line's end labelled. Drawn from the same
//! [`Series`] as the terminal chart.

use crate::render::plural;
use crate::render::svg::{Doc, Fonts, MUTED, TODAY, TextStyle, escape, flow, num};

use super::TrendChart;
use super::series::Series;

mod frame;
mod lines;
mod looks;
#[cfg(test)]
mod tests;

use frame::{Frame, Ticks};
use looks::{LOOKS, REACH, marker};

/// How many entries the picture tells apart (the terminal chart tells fewer).
pub const MAX_ENTRIES: usize = LOOKS.len();
/// The width a chart is drawn at unless asked otherwise.
pub const WIDTH: f64 = 1000.0;
/// The narrowest width a chart is drawn at; a narrower one asked for gets this.
pub const MIN_WIDTH: f64 = 360.0;

/// How to draw: the picture's width in px (its height follows), and whether the document
/// carries its font.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub width: f64,
    pub fonts: Fonts,
    /// A title in place of the chart's own (one of several small charts: the vendor's name).
    pub title: Option<String>,
    /// Whether the notes on how to read the chart, and the credit, stand under it (a page
    /// that shows several charts says it once).
    pub notes: bool,
}

impl Default for ChartOptions {
    fn default() -> ChartOptions {
        ChartOptions {
            width: WIDTH,
            fonts: Fonts::Embedded,
            title: None,
            notes: true,
        }
    }
}

const MARGIN: f64 = 24.0;
/// The legend's line samples.
const SAMPLE: f64 = 30.0;
const LEGEND_ROW: f64 = 22.0;
const DIAGONAL_DASH: &str = "1.5 3";
const TITLE_TEXT: &str = "Milestone trend: promised available date by version date";

/// Returns the chart as a standalone SVG document.
pub fn svg(chart: &TrendChart, options: &ChartOptions) -> String {
    let width = options.width.max(MIN_WIDTH);
    let room = width - 2.0 * MARGIN;
    let series = Series::of(chart, MAX_ENTRIES).filter(|s| s.all().next().is_some());
    // A title too long for the width leaves what it says to the subtitle.
    let (title, what) = if let Some(title) = &options.title {
        (title.as_str(), String::new())
    } else if TextStyle::TITLE.width(TITLE_TEXT) <= room {
        (TITLE_TEXT, String::new())
    } else {
        (
            "Milestone trend",
            "promised available date by version date · ".to_string(),
        )
    };
    let subtitle = what
        + &match &series {
            Some(s) => format!(
                "{} over {} ({} to {}) · today {}",
                plural(s.promises.len(), "entry"),
                plural(s.days.len(), "version"),
                s.first,
                s.last,
                chart.today
            ),
            None => format!("today {}", chart.today),
        };
    let mut heading = Heading::default();
    heading.lines(
        &TextStyle::TITLE,
        wrap(title, &TextStyle::TITLE, room),
        36.0,
        26.0,
    );
    let sub_lines = wrap(&subtitle, &TextStyle::SUBTITLE, room);
    heading.lines(&TextStyle::SUBTITLE, sub_lines, heading.y + 22.0, 18.0);
    let Some(series) = series else {
        let height = heading.y + 48.0;
        let mut doc = Doc::new(width, height, TITLE_TEXT, &subtitle, options.fonts);
        heading.draw(&mut doc);
        doc.text(
            MARGIN,
            heading.y + 30.0,
            "no versions or entries to chart",
            &TextStyle::SMALL,
        );
        return doc.finish();
    };
    let (legend, legend_height) = legend(chart, &series, width, heading.y + 34.0);
    let top = heading.y + 34.0 + legend_height + 26.0;
    let plot_height = (width * 0.42).clamp(200.0, 460.0);
    let up = frame::up(&series, plot_height);
    let gutter = (0..series.promises.len())
        .map(|e| {
            let text = lines::end_text(chart, series.promises.len(), e);
            lines::END.width(text) + lines::END_TEXT + 12.0
        })
        .fold(0.0, f64::max)
        .min(width * 0.3);
    let mut frame = Frame {
        left: MARGIN + frame::up_label_width(&up) + 10.0,
        right: width - MARGIN - gutter,
        top,
        bottom: top + plot_height,
        pad: (0.0, 0.0),
        first: series.first,
        last: series.last,
        up,
    };
    let offsets = lines::offsets(&series, &|d| frame.y(d));
    let (out_left, out_right) = lines::spread(&offsets);
    frame.pad = (REACH + 10.0 + out_left, REACH + 10.0 + out_right);
    let notes = if options.notes {
        notes(chart, &series, &offsets, room)
    } else {
        Vec::new()
    };
    let versions = &chart.histories.versions;
    let ticks = Ticks::new(&frame, versions, &series.days, width - MARGIN);
    let notes_top = frame.bottom + ticks.under() + 24.0;
    let height = if options.notes {
        notes_top + 17.0 * notes.len() as f64 + 30.0
    } else {
        frame.bottom + ticks.under() + 12.0
    };

    let mut doc = Doc::new(width, height, TITLE_TEXT, &subtitle, options.fonts);
    heading.draw(&mut doc);
    doc.raw(&legend);
    frame::grid(&mut doc, &frame, &series);
    diagonal(&mut doc, &frame);
    today(&mut doc, chart, &frame, width);
    let points = lines::points(&series, &frame, &offsets);
    lines::draw(&mut doc, chart, &series, &frame, &points);
    let today_x = frame.x(chart.today.clamp(frame.first, frame.last));
    let ends: Vec<Option<(f64, f64)>> = points
        .iter()
        .map(|p| lines::step_line(p, today_x).map(|(_, end)| end))
        .collect();
    lines::end_labels(
        &mut doc,
        chart,
        &ends,
        (frame.right + 6.0, width - MARGIN),
        &frame,
    );
    frame::across_labels(&mut doc, &frame, &series.days, &ticks);
    for (i, note) in notes.iter().enumerate() {
        doc.text(MARGIN, notes_top + 17.0 * i as f64, note, &TextStyle::SMALL);
    }
    if options.notes {
        doc.text(
            width - MARGIN,
            height - 12.0,
            "drawn by chipmap",
            &TextStyle {
                anchor: "end",
                ..TextStyle::SMALL
            },
        );
    }
    doc.finish()
}

/// The title and subtitle, line by line, and the baseline of the last.
#[derive(Default)]
struct Heading {
    lines: Vec<(f64, String, TextStyle)>,
    y: f64,
}

impl Heading {
    fn lines(&mut self, style: &TextStyle, lines: Vec<String>, from: f64, step: f64) {
        for (i, line) in lines.into_iter().enumerate() {
            self.y = from + step * i as f64;
            self.lines.push((self.y, line, *style));
        }
    }

    fn draw(&self, doc: &mut Doc) {
        for (y, line, style) in &self.lines {
            doc.text(MARGIN, *y, line, style);
        }
    }
}

/// Returns `text` broken into lines of at most `room` px in `style`: between its ` · `
/// parts where it can, else between words (a word wider than that stands alone).
fn wrap(text: &str, style: &TextStyle, room: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let fits = |line: &str| style.width(line) <= room;
    for part in text.split(" · ") {
        if let Some(line) = lines.last_mut()
            && fits(&format!("{line} · {part}"))
        {
            line.push_str(" · ");
            line.push_str(part);
            continue;
        }
        let mut words = part.split_whitespace();
        let Some(first) = words.next() else { continue };
        let mut line = first.to_string();
        for word in words {
            if fits(&format!("{line} {word}")) {
                line.push(' ');
                line.push_str(word);
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        lines.push(line);
    }
    lines
}

/// Returns the legend's markup from baseline `y`, wrapped to the width, and its height: each
/// entry's line and marker with its name and key, then the diagonal, today and the band.
fn legend(chart: &TrendChart, series: &Series, width: f64, y: f64) -> (String, f64) {
    let key_style = TextStyle {
        size: 11.0,
        ..TextStyle::LABEL
    };
    let mut items: Vec<(String, f64)> = Vec::new();
    for (e, look) in LOOKS.iter().enumerate().take(series.promises.len()) {
        let entry = chart.entries[e];
        let dash = match look.dash {
            "" => String::new(),
            dash => format!(" stroke-dasharray=\"{dash}\""),
        };
        let markup = format!(
            "<line x1=\"0\" y1=\"-4\" x2=\"{SAMPLE}\" y2=\"-4\" stroke=\"{}\" stroke-width=\"2.25\"{dash}/>\n<g transform=\"translate({} -4)\">{}</g>\n<text x=\"{}\" y=\"0\">{}<tspan dx=\"6\" font-size=\"11\" fill=\"{MUTED}\">{}</tspan></text>\n",
            look.colour,
            num(SAMPLE / 2.0),
            marker(look),
            num(SAMPLE + 8.0),
            escape(&entry.name),
            escape(&entry.key)
        );
        let text = TextStyle::LABEL.width(&entry.name) + 6.0 + key_style.width(&entry.key);
        items.push((markup, SAMPLE + 8.0 + text));
    }
    let sample = |line: String, text: &str| {
        (
            format!(
                "{line}<text x=\"{}\" y=\"0\">{}</text>\n",
                num(SAMPLE + 8.0),
                escape(text)
            ),
            SAMPLE + 8.0 + TextStyle::LABEL.width(text),
        )
    };
    let diagonal = "promised = version date";
    items.push(sample(
        format!(
            "<line x1=\"0\" y1=\"-4\" x2=\"{SAMPLE}\" y2=\"-4\" stroke=\"{MUTED}\" stroke-width=\"1.25\" stroke-dasharray=\"{DIAGONAL_DASH}\"/>\n"
        ),
        diagonal,
    ));
    items.push(sample(
        format!(
            "<line x1=\"{}\" y1=\"-13\" x2=\"{}\" y2=\"4\" stroke=\"{TODAY}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n",
            num(SAMPLE / 2.0),
            num(SAMPLE / 2.0)
        ),
        "today",
    ));
    items.push(sample(
        format!(
            "<rect x=\"{}\" y=\"-14\" width=\"6\" height=\"20\" fill=\"{MUTED}\" fill-opacity=\"0.25\"/>\n<circle cx=\"{}\" cy=\"-4\" r=\"2.5\" fill=\"{MUTED}\"/>\n",
            num(SAMPLE / 2.0 - 3.0),
            num(SAMPLE / 2.0)
        ),
        "band: the promised interval (2027 is the year)",
    ));
    let (markup, rows) = flow(&items, (MARGIN, width - MARGIN), y, LEGEND_ROW, 20.0);
    (markup, LEGEND_ROW * f64::from(rows))
}

/// Draws the diagonal where the promised date is the version's day, and labels it along
/// itself where it is long enough.
fn diagonal(doc: &mut Doc, frame: &Frame) {
    let from = frame.first.max(frame.up.low);
    let to = frame.last.min(frame.up.high);
    if from >= to {
        return;
    }
    let (x0, y0, x1, y1) = (frame.x(from), frame.y(from), frame.x(to), frame.y(to));
    doc.raw(&format!(
        "<line class=\"diagonal\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{MUTED}\" stroke-width=\"1.25\" stroke-dasharray=\"{DIAGONAL_DASH}\" stroke-linecap=\"round\"/>\n",
        num(x0),
        num(y0),
        num(x1),
        num(y1)
    ));
    let label = "promised = version date";
    let length = (x1 - x0).hypot(y1 - y0);
    let style = TextStyle {
        size: 10.5,
        fill: MUTED,
        ..TextStyle::LABEL
    };
    if length < style.width(label) + 60.0 {
        return;
    }
    // Below the line, where a promise would be overdue (seldom drawn on), a third of the
    // way up, along it.
    let (ux, uy) = ((x1 - x0) / length, (y1 - y0) / length);
    let along = length / 3.0;
    let (px, py) = (x0 + along * ux - 14.0 * uy, y0 + along * uy + 14.0 * ux);
    let angle = uy.atan2(ux).to_degrees();
    doc.raw(&format!(
        "<text transform=\"translate({} {}) rotate({})\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"{MUTED}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{label}</text>\n",
        num(px),
        num(py),
        num(angle)
    ));
}

/// Draws today's line through the plot, with its day above it.
fn today(doc: &mut Doc, chart: &TrendChart, frame: &Frame, width: f64) {
    if chart.today < frame.first || chart.today > frame.last {
        return;
    }
    let x = frame.x(chart.today);
    doc.line((x, frame.top - 4.0), (x, frame.bottom), TODAY, 1.5, "4 3");
    let style = TextStyle {
        size: 11.0,
        anchor: "middle",
        fill: TODAY,
        ..TextStyle::LABEL
    };
    let label = format!("today {}", chart.today);
    let half = style.width(&label) / 2.0;
    let centre = x.clamp(
        frame.left + half,
        (width - MARGIN - half).max(frame.left + half),
    );
    doc.text(centre, frame.top - 8.0, &label, &style);
}

/// Returns the notes under the chart, wrapped to `room` px: how to read it, and what it
/// leaves out or moves.
fn notes(chart: &TrendChart, series: &Series, offsets: &lines::Offsets, room: f64) -> Vec<String> {
    let mut notes = vec![
        "A level line: the promise held; rising: it slipped; falling: it was pulled in. Each point is a version's promise at the middle of its interval.".to_string(),
    ];
    if offsets
        .iter()
        .flatten()
        .any(|(dx, dy)| *dx != 0.0 || *dy != 0.0)
    {
        notes
            .push("Points that would cover one another stand side by side in legend order.".into());
    }
    let more = chart.entries.len().saturating_sub(series.promises.len());
    if more > 0 {
        notes.push(format!(
            "{} not drawn: the picture tells {MAX_ENTRIES} apart.",
            plural(more, "more entry")
        ));
    }
    notes
        .iter()
        .flat_map(|note| wrap(note, &TextStyle::SMALL, room))
        .collect()
}
