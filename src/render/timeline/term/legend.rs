//! The timeline's legend: which shade is which status, and what the picture leaves out.

use std::io::{self, Write};

use anstyle::AnsiColor;

use super::{GAP, TODAY, UNDATED, glyphs};
use crate::layout::Timeline;
use crate::model::Status;
use crate::render::visible::unpainted;
use crate::render::{Paint, display_width};

/// Writes the legend: the glyph of each status, today, and notes on what is not drawn.
pub(super) fn write(
    out: &mut dyn Write,
    t: &Timeline,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let mut items: Vec<String> = Status::ALL
        .iter()
        .map(|s| {
            let (span, point, style) = glyphs(*s);
            format!(
                "{} {}",
                paint.paint(style, &format!("{span}{point}")),
                s.as_str()
            )
        })
        .collect();
    items.push(format!(
        "{} today",
        paint.paint(AnsiColor::Red.on_default().bold(), &TODAY.to_string())
    ));
    writeln!(out)?;
    write_wrapped_items(out, &items, width)?;
    let mut notes = vec![
        "bar: a year, half or quarter".to_string(),
        "dot: a month or day".to_string(),
    ];
    if t.undated > 0 && t.undated_listed {
        let other = t.basis.other().as_str();
        let basis = t.basis.as_str();
        notes.push(format!("{UNDATED} no {basis} date (try --by {other})"));
    }
    notes.extend(super::super::left_out(t));
    write_wrapped_items(out, &notes, width)?;
    Ok(())
}

/// Writes legend items separated by two spaces, wrapped at `width` (items hold colour, so
/// widths are measured without it).
fn write_wrapped_items(out: &mut dyn Write, items: &[String], width: usize) -> io::Result<()> {
    let visible = |s: &str| display_width(&unpainted(s));
    let mut line = String::new();
    for item in items {
        if !line.is_empty() && visible(&line) + GAP + visible(item) > width {
            writeln!(out, "{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(item);
    }
    writeln!(out, "{line}")
}
