//! The report's slips: the tables `slips --format markdown` writes (per vendor, then the
//! entries that moved, worst first), with the same columns, words and notes, as HTML.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::Section;
use super::html::{Align, Table, entry_anchor, escape};
use crate::diff::Slips;
use crate::model::{Roadmap, VersionInfo};
use crate::render::slips::{
    DROPPED_NOTE, MOVED_HEADING, MOVES_LEGEND, caption, entry_grid, moved, nothing_tracked,
    nothing_tracked_line, unmoved_line, vendor_grid,
};
use crate::render::table::grid::Grid;

/// Returns the slips section; a key of an entry in `roadmap` links to it in the entries.
pub fn section(slips: &Slips, versions: &[VersionInfo], roadmap: &Roadmap) -> Section {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"note\">{}. Only <em>available</em> dates count; a date that moved after the entry shipped corrects the record, and is no slip.</p>",
        escape(&caption(versions))
    );
    if nothing_tracked(slips) {
        let _ = writeln!(body, "<p>{}</p>", escape(&nothing_tracked_line(slips)));
        return finish(body);
    }
    body.push_str("<h3>Vendors</h3>\n");
    let vendors = vendor_grid(&slips.vendors, str::to_string);
    let mut align = vec![Align::Right; vendors.header.len()];
    align[0] = Align::Left;
    body.push_str(&table(&vendors, align, "slips-vendors", |_, _| None).html());
    let moved = moved(slips);
    if !moved.is_empty() {
        let _ = writeln!(
            body,
            "<h3>{}</h3>",
            escape(MOVED_HEADING.trim_end_matches(':'))
        );
        let grid = entry_grid(&moved, versions, str::to_string);
        // key, name, first promise, latest: text; net, moves: figures; verdict: a word.
        let align = [0, 0, 0, 0, 1, 1, 0].map(|r| if r == 1 { Align::Right } else { Align::Left });
        let present: HashSet<String> = roadmap.entries().map(|(v, e)| e.key(&v.vendor)).collect();
        let linked = |row: usize, column: usize| -> Option<String> {
            let key = &moved[row].key;
            (column == 0 && present.contains(key)).then(|| {
                format!(
                    "<a class=\"key\" href=\"{}\">{}</a>",
                    entry_anchor(key),
                    escape(key)
                )
            })
        };
        body.push_str(&table(&grid, align.to_vec(), "slips-entries", linked).html());
        let _ = writeln!(body, "<p class=\"note\">{}</p>", escape(MOVES_LEGEND));
        if moved.iter().any(|e| e.dropped.is_some()) {
            let _ = writeln!(body, "<p class=\"note\">{}</p>", escape(DROPPED_NOTE));
        }
    }
    if let Some(line) = unmoved_line(slips.entries.len() - moved.len()) {
        let _ = writeln!(body, "<p>{}</p>", escape(&line));
    }
    finish(body)
}

fn finish(body: String) -> Section {
    Section {
        id: "slips",
        title: "Slips".into(),
        body,
    }
}

/// Returns `grid` as an HTML table, its cells escaped, except those `cell` writes itself.
fn table(
    grid: &Grid,
    align: Vec<Align>,
    class: &'static str,
    cell: impl Fn(usize, usize) -> Option<String>,
) -> Table {
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, text)| cell(r, c).unwrap_or_else(|| escape(text)))
                .collect()
        })
        .collect();
    Table {
        header: grid.header.clone(),
        align,
        rows,
        class,
    }
}
