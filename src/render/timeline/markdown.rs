//! The timeline as a Markdown document for a newsletter: a heading, the day it shows, then
//! one table per vendor (entry, the date of the basis, status, memory, the other date), rows
//! in the layout's order, an undated row's date as `—`, and notes on what was left out.
//! Every cell is escaped by [`Grid::write_markdown`], so a `|` in a name stays in its cell.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::layout::Timeline;
use crate::model::{DateBasis, FuzzyDate};
use crate::render::markdown::escape;
use crate::render::plural;
use crate::render::table::grid::Grid;

/// What stands in a cell with no value.
const NONE: &str = "—";

/// Writes the timeline as a Markdown document.
pub fn write(
    out: &mut dyn Write,
    t: &Timeline,
    as_of: Option<(&str, Option<NaiveDate>)>,
) -> io::Result<()> {
    let basis = t.basis.as_str();
    let other = t.basis.other();
    writeln!(out, "## Roadmap timeline: {basis} dates, {}", t.years())?;
    writeln!(out)?;
    let caption = format!(
        "{} from {} · {}",
        plural(t.row_count(), "entry"),
        plural(t.lanes.len(), "vendor"),
        super::when(t, as_of)
    );
    writeln!(out, "{}", escape(&caption))?;
    for lane in &t.lanes {
        writeln!(out)?;
        writeln!(out, "### {}", escape(&lane.name))?;
        writeln!(out)?;
        let shown = |d: Option<FuzzyDate>| d.map_or_else(|| NONE.to_string(), |d| d.to_string());
        let grid = Grid {
            header: [
                "Entry",
                &capitalised(basis),
                "Status",
                "Memory",
                &capitalised(other.as_str()),
            ]
            .map(String::from)
            .to_vec(),
            give: Vec::new(),
            rows: lane
                .rows
                .iter()
                .map(|row| {
                    let other_date = match other {
                        DateBasis::Available => row.available,
                        DateBasis::Announced => row.announced,
                    };
                    vec![
                        row.name.clone(),
                        shown(row.date),
                        row.status.as_str().to_string(),
                        row.memory.clone().unwrap_or_else(|| NONE.to_string()),
                        shown(other_date),
                    ]
                })
                .collect(),
        };
        grid.write_markdown(out)?;
    }
    let notes = notes(t);
    if !notes.is_empty() {
        writeln!(out)?;
        for note in notes {
            writeln!(out, "_{}_", escape(&note))?;
        }
    }
    Ok(())
}

/// Returns `word` with its first letter in upper case: a column heading.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Returns the notes on what the document leaves out, as sentences.
fn notes(t: &Timeline) -> Vec<String> {
    let mut notes: Vec<String> = super::left_out(t).into_iter().map(|n| n + ".").collect();
    if t.row_count() == 0 {
        notes.push("No entries to list.".into());
    }
    notes
}
