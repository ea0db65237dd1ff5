//! Where each row's mark and label go in a picture: the label beside its mark, on the right,
//! else on the left when the right edge is too near; and each lane's rows packed into as few
//! lines as hold them without any two labels or marks touching.

use crate::layout::Row;
use crate::render::svg::TextStyle;
use crate::render::svg::status::point_reach;

/// The font of a label: the name, then its date, smaller and lighter.
pub const NAME: TextStyle = TextStyle::LABEL;
pub const DATE: TextStyle = TextStyle {
    size: 10.5,
    fill: crate::render::svg::MUTED,
    ..TextStyle::LABEL
};
/// Room between a label's name and its date.
pub const DATE_GAP: f64 = 4.0;
/// Room between a mark and its label, and between two items on a line.
const PAD: f64 = 4.0;
const GAP: f64 = 10.0;
/// A point's radius.
pub const RADIUS: f64 = 5.0;

/// One row placed: its mark, its label, and the line of the lane it is on.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<'a> {
    pub row: &'a Row,
    /// The mark: a span from `x0` to `x1`, or a point at `x0` (= `x1`).
    pub x0: f64,
    pub x1: f64,
    pub point: bool,
    /// The label's text (the name, shortened with `…` only if it fits on neither side), its
    /// date, and where it starts.
    pub name: String,
    pub date: String,
    pub label_x: f64,
    pub line: usize,
}

impl Placed<'_> {
    /// The label's width.
    pub fn label_width(&self) -> f64 {
        label_width(&self.name, &self.date)
    }

    /// The horizontal extent of mark and label together.
    fn extent(&self) -> (f64, f64) {
        let reach = if self.point { point_reach(RADIUS) } else { 0.0 };
        let label_end = self.label_x + self.label_width();
        (
            (self.x0 - reach).min(self.label_x),
            (self.x1 + reach).max(label_end),
        )
    }
}

fn label_width(name: &str, date: &str) -> f64 {
    NAME.width(name) + DATE_GAP + DATE.width(date)
}

/// Returns the dated rows of a lane placed between `left` and `right`, where `x` maps a day
/// to its position, and the number of lines they take (at least one).
pub fn pack<'a>(
    rows: &'a [Row],
    left: f64,
    right: f64,
    x: &dyn Fn(chrono::NaiveDate) -> f64,
) -> (Vec<Placed<'a>>, usize) {
    let mut placed: Vec<Placed> = rows
        .iter()
        .filter_map(|row| {
            let date = row.date?;
            // As in the terminal: a month or a day is a point (at its middle), else a span.
            let point = date.is_point();
            let (x0, x1) = if point {
                (x(date.midpoint()), x(date.midpoint()))
            } else {
                (
                    x(date.start()),
                    x(date.end().succ_opt().unwrap_or(date.end())),
                )
            };
            Some(beside(row, (x0, x1, point), (left, right)))
        })
        .collect();
    placed.sort_by(|a, b| a.extent().0.total_cmp(&b.extent().0));
    let mut ends: Vec<f64> = Vec::new();
    for item in &mut placed {
        let (start, end) = item.extent();
        match ends.iter().position(|e| *e + GAP <= start) {
            Some(line) => {
                item.line = line;
                ends[line] = end;
            }
            None => {
                item.line = ends.len();
                ends.push(end);
            }
        }
    }
    (placed, ends.len().max(1))
}

/// Returns a row with its label on the side of its mark (from `x0` to `x1`, or a point at
/// `x0`) where it fits between `left` and `right`.
fn beside(row: &Row, (x0, x1, point): (f64, f64, bool), (left, right): (f64, f64)) -> Placed<'_> {
    let reach = if point { point_reach(RADIUS) } else { 0.0 };
    let date = row.date.map(|d| d.to_string()).unwrap_or_default();
    let width = label_width(&row.name, &date);
    let after = x1 + reach + PAD;
    let before = x0 - reach - PAD;
    let (name, label_x) = if after + width <= right {
        (row.name.clone(), after)
    } else if before - width >= left {
        (row.name.clone(), before - width)
    } else {
        // Neither side holds it: the roomier side gets it, shortened to fit.
        let (room, on_right) = if right - after >= before - left {
            (right - after, true)
        } else {
            (before - left, false)
        };
        let name = shorten(&row.name, room - DATE_GAP - DATE.width(&date));
        let width = label_width(&name, &date);
        (name, if on_right { after } else { before - width })
    };
    Placed {
        row,
        x0,
        x1,
        point,
        name,
        date,
        label_x,
        line: 0,
    }
}

/// Returns `name` cut to fit `room` px, ending in `…` (at least its first character).
fn shorten(name: &str, room: f64) -> String {
    shorten_in(name, room, &NAME)
}

/// Returns `text` as it fits `room` px in `style`: whole, or cut and ending in `…` (at least
/// its first character).
pub fn shorten_in(text: &str, room: f64, style: &TextStyle) -> String {
    if style.width(text) <= room {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (1..chars.len()).rev() {
        let cut: String = chars[..keep].iter().collect::<String>() + "…";
        if style.width(&cut) <= room {
            return cut;
        }
    }
    chars.first().map(|c| format!("{c}…")).unwrap_or_default()
}
