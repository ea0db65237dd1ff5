//! The timeline as a picture (SVG 1.1): the same lanes and rows as the terminal's, on a year
//! and quarter grid; a span for a year, half or quarter, a point for a month or a day; status
//! by fill pattern and shape (colour on top); the today line; a legend; and a tooltip per
//! entry with its dates, memory and first source. Labels are measured in the embedded font and
//! packed into lines (see [`pack`]), so none overlaps another or leaves its lane.

use chrono::NaiveDate;

use crate::layout::{Lane, Timeline, year_start};
use crate::model::{DateBasis, Status};
use crate::render::svg::font::Weight;
use crate::render::svg::{
    self, Doc, FAINT, Fonts, GRID, MUTED, TODAY, TextStyle, escape, num, status,
};

mod pack;

use pack::{DATE, Placed, RADIUS};

/// How to draw: the picture's width, the version shown (as for the terminal), and whether
/// the document carries its font.
#[derive(Debug, Clone, Copy)]
pub struct SvgOptions<'a> {
    pub width: f64,
    pub as_of: Option<(&'a str, Option<NaiveDate>)>,
    pub fonts: Fonts,
}

/// The width a picture is drawn at unless asked otherwise: a slide's or a page's.
pub const WIDTH: f64 = 1600.0;
const MARGIN: f64 = 24.0;
/// A line of a lane, and a lane's padding above and below its lines.
const LINE: f64 = 22.0;
const LANE_PAD: f64 = 7.0;
const BAR: f64 = 12.0;
/// Every other lane's background; a label is haloed in its lane's, so grid and today lines
/// pass behind it without crossing its letters.
const SHADED: &str = "#f6f8fa";
const WHITE: &str = "#ffffff";
const LANE_NAME: TextStyle = TextStyle {
    size: 13.0,
    weight: Weight::SemiBold,
    ..TextStyle::LABEL
};
const YEAR: TextStyle = TextStyle {
    weight: Weight::SemiBold,
    anchor: "middle",
    ..TextStyle::LABEL
};

/// The x axis: the plot's left and right edges and the days they stand for.
struct Axis {
    left: f64,
    right: f64,
    start: NaiveDate,
    days: f64,
}

impl Axis {
    fn x(&self, day: NaiveDate) -> f64 {
        let offset = day.signed_duration_since(self.start).num_days() as f64;
        self.left + (self.right - self.left) * offset / self.days
    }
}

/// One lane ready to draw: its rows placed, its lines, where it starts, and its shade.
struct Drawn<'a> {
    lane: &'a Lane,
    placed: Vec<Placed<'a>>,
    lines: usize,
    undated: Vec<String>,
    top: f64,
    background: &'static str,
}

impl Drawn<'_> {
    fn height(&self) -> f64 {
        (self.lines + self.undated.len()) as f64 * LINE + 2.0 * LANE_PAD
    }
}

/// Returns the timeline as a standalone SVG document.
pub fn svg(t: &Timeline, options: &SvgOptions) -> String {
    let width = options.width;
    let names = name_column(t);
    let axis = Axis {
        left: MARGIN + names,
        right: width - MARGIN,
        start: year_start(t.from),
        days: year_start(t.to + 1)
            .signed_duration_since(year_start(t.from))
            .num_days()
            .max(1) as f64,
    };
    let (legend, legend_height) = legend(width);
    let chart_top = 70.0 + legend_height + 40.0;
    let lanes = lay_out(t, &axis, chart_top);
    let top = lanes.last().map_or(chart_top, |l| l.top + l.height());
    let chart_bottom = top.max(chart_top + LINE);
    let repeat_axis = t.row_count() > 12;
    let notes = notes(t);
    let height =
        chart_bottom + if repeat_axis { 30.0 } else { 8.0 } + 20.0 * notes.len() as f64 + 34.0;

    let (title, subtitle) = titles(t, options);
    let mut doc = Doc::new(width, height, &title, &subtitle, options.fonts);
    // The fills of the spans; only this picture has them, so a page showing it beside other
    // pictures holds each id once.
    doc.raw(&format!("<defs>\n{}</defs>\n", status::patterns()));
    doc.text(MARGIN, 36.0, &title, &TextStyle::TITLE);
    doc.text(MARGIN, 58.0, &subtitle, &TextStyle::SUBTITLE);
    doc.raw(&legend);
    for drawn in lanes.iter().filter(|l| l.background != WHITE) {
        let (x, w) = (MARGIN, width - 2.0 * MARGIN);
        doc.rect(x, drawn.top, w, drawn.height(), drawn.background);
    }
    grid(&mut doc, t, &axis, (chart_top, chart_bottom), repeat_axis);
    for drawn in &lanes {
        lane(&mut doc, drawn, &axis);
    }
    doc.line(
        (MARGIN, chart_bottom),
        (width - MARGIN, chart_bottom),
        GRID,
        1.0,
        "",
    );
    let mut y = chart_bottom + if repeat_axis { 30.0 } else { 8.0 };
    for note in &notes {
        y += 20.0;
        doc.text(MARGIN, y, note, &TextStyle::SMALL);
    }
    doc.text(
        width - MARGIN,
        height - 14.0,
        "drawn by chipmap",
        &TextStyle {
            anchor: "end",
            ..TextStyle::SMALL
        },
    );
    doc.finish()
}

/// Returns the lanes placed one under another from `top`, every other one shaded.
fn lay_out<'a>(t: &'a Timeline, axis: &Axis, top: f64) -> Vec<Drawn<'a>> {
    let mut lanes: Vec<Drawn> = Vec::new();
    let mut top = top;
    for (i, lane) in t.lanes.iter().enumerate() {
        let (placed, lines) = pack::pack(&lane.rows, axis.left + 4.0, axis.right - 4.0, &|d| {
            axis.x(d)
        });
        let undated = undated_lines(lane, t.basis, axis.right - axis.left - 8.0);
        // A lane with only undated rows lists them, and needs no empty line above.
        let lines = if placed.is_empty() && !undated.is_empty() {
            0
        } else {
            lines
        };
        let drawn = Drawn {
            lane,
            placed,
            lines,
            undated,
            top,
            background: if i % 2 == 1 { SHADED } else { WHITE },
        };
        top += drawn.height();
        lanes.push(drawn);
    }
    lanes
}

/// Returns the width of the column of lane names: the longest name or count, within bounds.
fn name_column(t: &Timeline) -> f64 {
    let widest = t
        .lanes
        .iter()
        .map(|l| {
            LANE_NAME
                .width(&l.name)
                .max(TextStyle::SMALL.width(&count(l)))
        })
        .fold(0.0, f64::max);
    (widest + 24.0).clamp(110.0, 240.0)
}

fn count(lane: &Lane) -> String {
    crate::render::plural(lane.rows.len(), "entry")
}

fn titles(t: &Timeline, options: &SvgOptions) -> (String, String) {
    let title = format!(
        "Roadmap timeline: {} dates, {}",
        t.basis.as_str(),
        t.years()
    );
    let when = super::when(t, options.as_of);
    let subtitle = format!(
        "{} from {} · {when}",
        crate::render::plural(t.row_count(), "entry"),
        crate::render::plural(t.lanes.len(), "vendor"),
    );
    (title, subtitle)
}

/// Returns the legend's markup, wrapped to the width, and its height.
fn legend(width: f64) -> (String, f64) {
    let mut items: Vec<(String, f64)> = Vec::new();
    for s in Status::ALL {
        let text = s.as_str();
        let markup = |x: f64, y: f64| {
            format!(
                "{}\n{}\n<text x=\"{}\" y=\"{}\">{text}</text>\n",
                status::span(x, y - 9.0, 22.0, BAR, *s),
                status::point(x + 36.0, y - 3.0, RADIUS, *s),
                num(x + 48.0),
                num(y + 1.0)
            )
        };
        items.push((markup(0.0, 0.0), 48.0 + TextStyle::LABEL.width(text)));
    }
    items.push((
        format!(
            "<line x1=\"6\" y1=\"-12\" x2=\"6\" y2=\"4\" stroke=\"{TODAY}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n<text x=\"14\" y=\"1\">today</text>\n"
        ),
        14.0 + TextStyle::LABEL.width("today"),
    ));
    let note = "bar: a year, half or quarter · point: a month or a day";
    items.push((
        format!(
            "<text y=\"1\" fill=\"{MUTED}\" font-size=\"11\">{}</text>\n",
            escape(note)
        ),
        TextStyle::SMALL.width(note),
    ));
    let (markup, rows) = svg::flow(&items, (MARGIN, width - MARGIN), 86.0, 24.0, 22.0);
    (markup, 24.0 * f64::from(rows + 1))
}

/// Draws the year and quarter grid, the years above (and below, for a tall chart), and today.
fn grid(doc: &mut Doc, t: &Timeline, axis: &Axis, (top, bottom): (f64, f64), repeat: bool) {
    let year_width = (axis.right - axis.left) / f64::from(t.to - t.from + 1);
    let quarters = year_width >= 4.0 * 24.0;
    for year in t.from..=t.to {
        let x = axis.x(year_start(year));
        for q in 1..4u32 {
            let Some(day) = NaiveDate::from_ymd_opt(year, 3 * q + 1, 1) else {
                continue;
            };
            doc.line((axis.x(day), top), (axis.x(day), bottom), FAINT, 1.0, "");
        }
        doc.line((x, top - 32.0), (x, bottom), GRID, 1.0, "");
        let middle = x + year_width / 2.0;
        doc.text(middle, top - 18.0, &year.to_string(), &YEAR);
        if repeat {
            doc.text(middle, bottom + 20.0, &year.to_string(), &YEAR);
        }
        if quarters {
            for q in 0..4 {
                let qx = x + year_width * (f64::from(q) + 0.5) / 4.0;
                doc.text(
                    qx,
                    top - 5.0,
                    &format!("Q{}", q + 1),
                    &TextStyle {
                        size: 9.5,
                        anchor: "middle",
                        ..TextStyle::SMALL
                    },
                );
            }
        }
    }
    let end = axis.x(year_start(t.to + 1));
    doc.line((end, top - 32.0), (end, bottom), GRID, 1.0, "");
    doc.line((MARGIN, top), (axis.right, top), GRID, 1.0, "");
    if t.today >= year_start(t.from) && t.today < year_start(t.to + 1) {
        let x = axis.x(t.today);
        doc.line((x, top - 4.0), (x, bottom), TODAY, 1.5, "4 3");
        let label = format!("today {}", t.today);
        doc.text(
            x,
            bottom + if repeat { 36.0 } else { 16.0 },
            &label,
            &TextStyle {
                anchor: "middle",
                fill: TODAY,
                size: 11.0,
                ..TextStyle::LABEL
            },
        );
    }
}

/// Draws a lane: its name and count, then each row's mark and label with its tooltip.
fn lane(doc: &mut Doc, drawn: &Drawn, axis: &Axis) {
    let background = drawn.background;
    let top = drawn.top + LANE_PAD;
    let room = axis.left - MARGIN - 16.0;
    doc.raw(&format!(
        "<g class=\"lane\">\n<title>{}</title>\n",
        escape(&drawn.lane.name)
    ));
    // A name too long for the column is cut; the lane's tooltip has it whole.
    let name = pack::shorten_in(&drawn.lane.name, room, &LANE_NAME);
    doc.text(MARGIN + 8.0, top + 15.0, &name, &LANE_NAME);
    doc.text(
        MARGIN + 8.0,
        top + 30.0,
        &count(drawn.lane),
        &TextStyle::SMALL,
    );
    for p in &drawn.placed {
        let middle = top + LINE * p.line as f64 + LINE / 2.0;
        doc.raw(&format!(
            "<g class=\"entry\">\n<title>{}</title>\n",
            escape(&tooltip(p.row))
        ));
        let mark = if p.point {
            status::point(p.x0, middle, RADIUS, p.row.status)
        } else {
            status::span(p.x0, middle - BAR / 2.0, p.x1 - p.x0, BAR, p.row.status)
        };
        doc.raw(&mark);
        doc.raw(&format!(
            "\n<text x=\"{}\" y=\"{}\" stroke=\"{background}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}<tspan dx=\"{}\" font-size=\"{}\" fill=\"{MUTED}\">{}</tspan></text>\n</g>\n",
            num(p.label_x),
            num(middle + 4.0),
            escape(&p.name),
            num(pack::DATE_GAP),
            num(DATE.size),
            escape(&p.date)
        ));
    }
    let mut y = top + LINE * drawn.lines as f64;
    for line in &drawn.undated {
        doc.text(
            axis.left + 4.0,
            y + LINE / 2.0 + 4.0,
            line,
            &TextStyle::SMALL,
        );
        y += LINE;
    }
    doc.raw("</g>\n");
}

/// Returns an entry's tooltip: name and key, status and both dates, memory, first source.
fn tooltip(row: &crate::layout::Row) -> String {
    let mut lines = vec![format!("{} ({})", row.name, row.key)];
    let dates: Vec<String> = [("available", row.available), ("announced", row.announced)]
        .iter()
        .filter_map(|(what, d)| d.map(|d| format!("{what} {d}")))
        .collect();
    let mut facts = vec![row.status.as_str().to_string()];
    facts.extend(dates);
    lines.push(facts.join(" · "));
    if let Some(memory) = &row.memory {
        lines.push(format!("memory: {memory}"));
    }
    if let Some(source) = &row.source {
        lines.push(format!("source: {source}"));
    }
    lines.join("\n")
}

/// Returns the lines listing a lane's rows with no date of the basis, wrapped to `room` px.
fn undated_lines(lane: &Lane, basis: DateBasis, room: f64) -> Vec<String> {
    let names: Vec<&str> = lane
        .rows
        .iter()
        .filter(|r| r.date.is_none())
        .map(|r| r.name.as_str())
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![format!("no {} date:", basis.as_str())];
    for (i, name) in names.iter().enumerate() {
        let sep = if i == 0 { " " } else { " · " };
        let last = lines.last_mut().expect("one line at least");
        if TextStyle::SMALL.width(&format!("{last}{sep}{name}")) <= room {
            last.push_str(sep);
            last.push_str(name);
        } else {
            lines.push(pack::shorten_in(name, room, &TextStyle::SMALL));
        }
    }
    lines
}

/// Returns the notes under the chart: what it leaves out.
fn notes(t: &Timeline) -> Vec<String> {
    let mut notes = super::left_out(t);
    if t.row_count() == 0 {
        notes.push("no entries to draw".into());
    }
    notes
}
