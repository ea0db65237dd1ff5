//! How a status looks in a picture: a span's fill pattern and a point's shape carry it, so it
//! reads in greyscale and to a colour-blind reader, the way the terminal's shades do
//! (`█▓▒░╳▁`, `●◉◆◇✕▪`); the colour (Okabe and Ito's palette, told apart by colour-blind
//! readers) comes on top.

use std::fmt::Write as _;

use crate::model::Status;

use super::num;

/// Returns a status's colour.
pub fn colour(status: Status) -> &'static str {
    match status {
        Status::Shipping => "#009e73",
        Status::Sampling => "#0072b2",
        Status::Announced => "#e69f00",
        Status::Rumored => "#cc79a7",
        Status::Cancelled => "#d55e00",
        Status::Discontinued => "#8c8c8c",
    }
}

/// A darker ink of the status's colour, for outlines, so light fills keep an edge.
fn edge(status: Status) -> &'static str {
    match status {
        Status::Shipping => "#00664a",
        Status::Sampling => "#004f7c",
        Status::Announced => "#9a6a00",
        Status::Rumored => "#9c4f7d",
        Status::Cancelled => "#9c4300",
        Status::Discontinued => "#5e5e5e",
    }
}

/// Returns the `<pattern>`s the spans are filled with (inside `<defs>`).
pub fn patterns() -> String {
    let hatch = |id: &str, status: Status, gap: u8, cross: bool| {
        let c = colour(status);
        let mut p = format!(
            "<pattern id=\"{id}\" width=\"{gap}\" height=\"{gap}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\n<rect width=\"{gap}\" height=\"{gap}\" fill=\"#ffffff\"/>\n<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{gap}\" stroke=\"{c}\" stroke-width=\"2\"/>\n"
        );
        if cross {
            let _ = writeln!(
                p,
                "<line x1=\"0\" y1=\"0\" x2=\"{gap}\" y2=\"0\" stroke=\"{c}\" stroke-width=\"2\"/>"
            );
        }
        p.push_str("</pattern>\n");
        p
    };
    hatch("cm-sampling", Status::Sampling, 3, false)
        + &hatch("cm-announced", Status::Announced, 6, false)
        + &hatch("cm-cancelled", Status::Cancelled, 6, true)
}

/// Returns a span of `status` over x..x+width, y..y+height.
pub fn span(x: f64, y: f64, width: f64, height: f64, status: Status) -> String {
    let (x, w) = (num(x), num(width.max(2.0)));
    let stroke = edge(status);
    match status {
        Status::Shipping => format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\" fill=\"{}\" stroke=\"{stroke}\"/>",
            num(y),
            num(height),
            colour(status)
        ),
        Status::Sampling | Status::Announced | Status::Cancelled => format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\" fill=\"url(#cm-{})\" stroke=\"{stroke}\"/>",
            num(y),
            num(height),
            status.as_str()
        ),
        Status::Rumored => format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"2\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>",
            num(y + 0.75),
            num(height - 1.5)
        ),
        // A low bar: what was, drawn at the baseline.
        Status::Discontinued => format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"{}\"/>",
            num(y + height * 0.6),
            num(height * 0.4),
            colour(status)
        ),
    }
}

/// Returns a point of `status` centred on (cx, cy), `r` px from centre to edge.
pub fn point(cx: f64, cy: f64, r: f64, status: Status) -> String {
    let (c, stroke) = (colour(status), edge(status));
    let diamond = |fill: &str| {
        format!(
            "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>",
            num(cx),
            num(cy - r * 1.2),
            num(cx + r * 1.2),
            num(cy),
            num(cx),
            num(cy + r * 1.2),
            num(cx - r * 1.2),
            num(cy)
        )
    };
    let (x, y) = (num(cx), num(cy));
    match status {
        Status::Shipping => {
            format!(
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{c}\" stroke=\"{stroke}\"/>",
                num(r)
            )
        }
        Status::Sampling => format!(
            "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-width=\"1.5\"/><circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"{c}\"/>",
            num(r - 0.75),
            num(r * 0.45)
        ),
        Status::Announced => diamond(c),
        Status::Rumored => diamond("#ffffff"),
        Status::Cancelled => {
            let d = r * 0.9;
            format!(
                "<path d=\"M{} {}L{} {}M{} {}L{} {}\" stroke=\"{c}\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>",
                num(cx - d),
                num(cy - d),
                num(cx + d),
                num(cy + d),
                num(cx - d),
                num(cy + d),
                num(cx + d),
                num(cy - d)
            )
        }
        Status::Discontinued => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{c}\"/>",
            num(cx - r * 0.8),
            num(cy - r * 0.8),
            num(r * 1.6),
            num(r * 1.6)
        ),
    }
}

/// How far a point of radius `r` reaches from its centre (a diamond reaches further).
pub fn point_reach(r: f64) -> f64 {
    r * 1.2 + 0.75
}
