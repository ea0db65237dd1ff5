//! Columns of text fitted to a width: which columns stay, how wide each is, the cells wrapped
//! to it; drawn by tabled, boxed (`list`), plain (`show`'s history, `snapshot --list`) or as
//! a Markdown table, in exactly the widths fitted here.
//!
//! One rule for every table for a person: a column is as wide as its widest cell while the
//! whole fits; else the widest columns give way first, their cells wrapping between words
//! (a long word, such as a URL, breaks after a `/`); a column whose cells must stay whole
//! (a key) never wraps; when even the narrowest layout is too wide, the columns of lowest
//! priority are left out, and the caller is told which. A spare column (one the user did not
//! ask for) is left out before any cell wraps: a row per entry reads better.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::{Height, Margin, Padding, Style, Width};

use crate::render::{display_width, markdown, visible, wrap_breaking};

/// The narrowest a wrapping column gets: words up to this wide stay whole.
const MIN_WRAP: usize = 12;

/// How a column may give way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Give {
    /// Its cells are never wrapped or cut (keys, ids).
    pub whole: bool,
    /// Columns of lower priority are left out first.
    pub priority: u8,
    /// It is left out rather than make any cell wrap (a column the user did not ask for).
    pub spare: bool,
}

/// A table: a header (for boxed and Markdown tables) and rows of cells, as they will show.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    pub header: Vec<String>,
    pub give: Vec<Give>,
    pub rows: Vec<Vec<String>>,
}

/// The columns kept, in order, and the width of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub kept: Vec<usize>,
    pub widths: Vec<usize>,
}

impl Fitted {
    /// Returns the indexes of the columns left out.
    pub fn dropped(&self, columns: usize) -> Vec<usize> {
        (0..columns).filter(|c| !self.kept.contains(c)).collect()
    }
}

/// How the columns of a drawing are framed: what a row costs besides its cells.
#[derive(Debug, Clone, Copy)]
pub enum Frame {
    /// `│ a │ b │`.
    Boxed,
    /// `indent` spaces, then cells `gap` spaces apart.
    Plain { indent: usize, gap: usize },
}

impl Frame {
    fn overhead(self, columns: usize) -> usize {
        match self {
            Frame::Boxed => 3 * columns + 1,
            Frame::Plain { indent, gap } => indent + gap * columns.saturating_sub(1),
        }
    }
}

impl Grid {
    fn cells(&self, column: usize) -> impl Iterator<Item = &str> {
        let header = self.header.get(column).map(String::as_str);
        header.into_iter().chain(
            self.rows
                .iter()
                .filter_map(move |r| r.get(column).map(String::as_str)),
        )
    }

    fn natural(&self, column: usize) -> usize {
        self.cells(column).map(display_width).max().unwrap_or(0)
    }

    fn narrowest(&self, column: usize) -> usize {
        if self.give[column].whole {
            return self.natural(column);
        }
        self.cells(column)
            .flat_map(str::split_whitespace)
            .map(|w| display_width(w).min(MIN_WRAP))
            .max()
            .unwrap_or(0)
    }

    /// Returns the columns to draw within `width` framed by `frame`, and their widths.
    pub fn fit(&self, width: usize, frame: Frame) -> Fitted {
        let count = self.give.len();
        let mut kept: Vec<usize> = (0..count).collect();
        let natural: Vec<usize> = (0..count).map(|c| self.natural(c)).collect();
        let narrowest: Vec<usize> = (0..count).map(|c| self.narrowest(c)).collect();
        let lowest = |kept: &[usize], spare_only: bool| {
            // The lowest priority goes first; of equals, the one furthest right.
            (0..kept.len())
                .rev()
                .filter(|i| !spare_only || self.give[kept[*i]].spare)
                .min_by_key(|i| self.give[kept[*i]].priority)
        };
        let whole = |kept: &[usize]| {
            kept.iter().map(|c| natural[*c]).sum::<usize>() + frame.overhead(kept.len())
        };
        while whole(&kept) > width
            && let Some(at) = lowest(&kept, true)
        {
            kept.remove(at);
        }
        let least = |kept: &[usize]| -> usize {
            kept.iter().map(|c| narrowest[*c]).sum::<usize>() + frame.overhead(kept.len())
        };
        while kept.len() > 1
            && least(&kept) > width
            && let Some(at) = lowest(&kept, false)
        {
            kept.remove(at);
        }
        let mut widths: Vec<usize> = kept.iter().map(|c| natural[*c]).collect();
        let mut total = widths.iter().sum::<usize>() + frame.overhead(kept.len());
        while total > width {
            // The widest column that can still give way gives one column.
            let Some(i) = (0..kept.len())
                .filter(|i| widths[*i] > narrowest[kept[*i]])
                .max_by_key(|i| (widths[*i], *i))
            else {
                break;
            };
            widths[i] -= 1;
            total -= 1;
        }
        Fitted { kept, widths }
    }

    /// Returns each row's kept cells wrapped to their widths, a cell's lines joined by `\n`.
    fn wrapped<'a>(
        &'a self,
        fitted: &'a Fitted,
        row: &'a [String],
    ) -> impl Iterator<Item = String> + 'a {
        fitted.kept.iter().zip(&fitted.widths).map(move |(c, w)| {
            let text = row.get(*c).map_or("", String::as_str);
            if self.give[*c].whole {
                text.to_string()
            } else {
                wrap_breaking(text, *w).join("\n")
            }
        })
    }

    /// Returns the header (if any) and the rows, fitted and wrapped, for tabled to draw.
    fn builder(&self, fitted: &Fitted) -> Builder {
        let mut builder = Builder::default();
        let header = (!self.header.is_empty()).then_some(&self.header);
        for row in header.into_iter().chain(&self.rows) {
            builder.push_record(self.wrapped(fitted, row));
        }
        builder
    }

    /// Writes the table boxed in `─│┌┐└┘` lines, fitted by `fitted`; an empty table is its
    /// header, closed.
    pub fn write_boxed(&self, out: &mut dyn Write, fitted: &Fitted) -> io::Result<()> {
        let mut builder = self.builder(fitted);
        if self.rows.is_empty() {
            // tabled takes the rule under a lone header for the bottom border and leaves the
            // table open; a row of no height under it gets the table its bottom border.
            builder.push_record(fitted.kept.iter().map(|_| String::new()));
        }
        let mut table = builder.build();
        table.with(Style::sharp());
        if self.rows.is_empty() {
            let header = self.wrapped(fitted, &self.header);
            let lines = header.map(|cell| cell.lines().count()).max().unwrap_or(1);
            table.with(Height::list([lines, 0]));
        }
        // Last: tabled keeps these widths (a cell and its padding) only if nothing after
        // them changes a cell.
        table.with(Width::list(fitted.widths.iter().map(|w| w + 2)));
        writeln!(out, "{table}")
    }

    /// Writes the header (if any) and the rows, `indent` spaces in and cells `gap` apart,
    /// fitted by `fitted`; a wrapped cell's further lines stay in its column.
    pub fn write_plain(
        &self,
        out: &mut dyn Write,
        fitted: &Fitted,
        indent: usize,
        gap: usize,
    ) -> io::Result<()> {
        write_plain_table(out, self.builder(fitted), fitted, indent, gap)
    }

    /// Writes one row as [`Grid::write_plain`] does, for callers that put lines between rows.
    pub fn write_plain_row(
        &self,
        out: &mut dyn Write,
        fitted: &Fitted,
        row: &[String],
        indent: usize,
        gap: usize,
    ) -> io::Result<()> {
        let mut builder = Builder::default();
        builder.push_record(self.wrapped(fitted, row));
        write_plain_table(out, builder, fitted, indent, gap)
    }

    /// Writes the whole table as Markdown, its cells the data as it is (not yet shown), every
    /// one escaped: a `|` in the data stays text, not a new column.
    pub fn write_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut builder = Builder::default();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            builder.push_record(row.iter().map(|c| markdown_cell(c)));
        }
        let mut table = builder.build();
        table.with(Style::markdown());
        writeln!(out, "{table}")
    }
}

/// Writes `rows` drawn by tabled without lines, `indent` spaces in and cells `gap` apart, in
/// the widths of `fitted`; no line ends in spaces.
fn write_plain_table(
    out: &mut dyn Write,
    rows: Builder,
    fitted: &Fitted,
    indent: usize,
    gap: usize,
) -> io::Result<()> {
    let mut table = rows.build();
    table
        .with(Style::empty())
        .with(Padding::new(0, gap, 0, 0))
        .with(Margin::new(indent, 0, 0, 0))
        .with(Width::list(fitted.widths.iter().map(|w| w + gap)));
    // The last column's gap, and the padding of a short last cell, are trailing spaces.
    for line in table.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Returns data for a Markdown cell: its text escaped as Markdown, its control characters in
/// the visible form the output filter gives them (`\x0d`, which Markdown shows as it is).
fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut one = [0u8; 4];
    for c in text.chars() {
        let c = &*c.encode_utf8(&mut one);
        match c.chars().next().and_then(visible::shown_width) {
            Some(_) => out.push_str(&visible::shown(c)),
            None => out.push_str(&markdown::escape(c)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Frame, Give, Grid, markdown_cell};

    fn grid() -> Grid {
        let give = |whole, priority| Give {
            whole,
            priority,
            spare: false,
        };
        Grid {
            header: vec!["key".into(), "name".into(), "notes".into()],
            give: vec![give(true, 9), give(false, 5), give(false, 1)],
            rows: vec![vec![
                "acme/a-very-long-key".into(),
                "Acme Accelerator Ultra".into(),
                "ships in 2027 with HBM4E".into(),
            ]],
        }
    }

    fn drawn(grid: &Grid, width: usize) -> String {
        let fitted = grid.fit(width, Frame::Boxed);
        let mut out = Vec::new();
        grid.write_boxed(&mut out, &fitted).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_table_too_wide_wraps_its_widest_cells_and_keeps_its_keys_whole() {
        let text = drawn(&grid(), 50);
        assert!(
            text.lines().all(|l| crate::render::display_width(l) <= 50),
            "{text}"
        );
        assert!(text.contains("│ acme/a-very-long-key │"), "{text}");
        assert!(text.contains("Accelerator"), "{text}");
    }

    #[test]
    fn what_cannot_fit_leaves_out_the_lowest_priority_first() {
        let fitted = grid().fit(40, Frame::Boxed);
        assert_eq!(fitted.dropped(3), [2], "notes go first: {fitted:?}");
        let fitted = grid().fit(10, Frame::Boxed);
        assert_eq!(
            fitted.kept,
            [0],
            "the key stays, whole, even past the width"
        );
    }

    #[test]
    fn a_spare_column_is_left_out_before_a_cell_wraps() {
        let mut spare = grid();
        spare.give[2].spare = true;
        let fitted = spare.fit(55, Frame::Boxed);
        assert_eq!(fitted.dropped(3), [2], "{fitted:?}");
        assert_eq!(fitted.widths, [20, 22], "nothing wraps");
    }

    #[test]
    fn an_empty_table_is_closed_under_its_header() {
        let mut empty = grid();
        empty.rows.clear();
        let text = drawn(&empty, 80);
        assert_eq!(text.lines().count(), 4, "{text}");
        assert!(text.lines().last().unwrap().starts_with('└'), "{text}");
    }

    #[test]
    fn an_empty_table_whose_header_wraps_is_closed_under_all_of_it() {
        let mut empty = grid();
        empty.rows.clear();
        empty.header[1] = "memory bandwidth in TB/s".into();
        let text = drawn(&empty, 30);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 4, "the header wraps: {text}");
        assert!(lines[lines.len() - 2].starts_with('├'), "{text}");
        assert!(lines[lines.len() - 1].starts_with('└'), "{text}");
    }

    #[test]
    fn wide_characters_keep_the_columns_in_line() {
        let mut wide = grid();
        wide.rows[0][1] = "日本語のアクセラレータ 超 高速".into();
        let text = drawn(&wide, 50);
        let widths: Vec<usize> = text.lines().map(crate::render::display_width).collect();
        assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
        assert!(text.contains("│ 日本語のアク │"), "{text}");

        wide.rows[0][2] = "x".into();
        let fitted = wide.fit(40, Frame::Plain { indent: 2, gap: 2 });
        let mut out = Vec::new();
        wide.write_plain(&mut out, &fitted, 2, 2).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = |line: &str, word: &str| {
            line.find(word)
                .map(|i| crate::render::display_width(&line[..i]))
        };
        assert!(lines.len() > 2, "the name wraps: {text}");
        assert_eq!(at(lines[0], "notes"), at(lines[1], "x"), "{text}");
        assert!(text.lines().all(|l| l == l.trim_end()), "{text:?}");
    }

    #[test]
    fn a_markdown_cell_escapes_the_data_and_shows_its_control_characters() {
        assert_eq!(markdown_cell("B3|00"), r"B3\|00");
        assert_eq!(markdown_cell("Fam\rOVER \\ x"), r"Fam\x0dOVER \\ x");
        assert_eq!(markdown_cell("two\nlines"), "two lines");
    }
}
