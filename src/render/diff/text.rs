//! `diff` as text for a terminal: grouped by vendor, one entry a line, its fields below, every
//! line within the width (a word longer than the width stands alone on its line).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{
    DiffContext, SPACING, Shown, Words, by_vendor, describe_field, describe_group, shown,
    summary_parts, what_happened,
};
use crate::diff::{ChangeKind, Changes, EntryChange, FieldChange, Run, WordDiff};
use crate::render::{Paint, display_width};

/// Text for a terminal is printed as it is (the output filter shows control characters).
pub(crate) const TEXT: Words = Words {
    data: str::to_string,
    arrow: "->",
};

/// A removed run reads `[-old words-]`, an added one `{+new words+}` (as `git diff --word-diff`),
/// red and green where colour is on.
const REMOVED: Marker = Marker("[-", "-]", AnsiColor::Red);
const ADDED: Marker = Marker("{+", "+}", AnsiColor::Green);

/// How a run of changed words is marked: its opening and closing text, and its colour.
#[derive(Clone, Copy)]
struct Marker(&'static str, &'static str, AnsiColor);

/// Writes the changes for a terminal: grouped by vendor, one line per field, a summary last.
pub fn write_text(
    out: &mut dyn Write,
    changes: &Changes,
    ctx: &DiffContext,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let bold = Style::new().bold();
    let title = format!("{} -> {}", ctx.old.describe(), ctx.new.describe());
    for line in wrapped("", &title, "  ", width) {
        writeln!(out, "{}", paint.paint(bold, &line))?;
    }
    for (vendor, list) in by_vendor(changes) {
        writeln!(out)?;
        for line in wrapped("", ctx.vendor_name(vendor), "  ", width) {
            writeln!(out, "{}", paint.paint(bold.underline(), &line))?;
        }
        for change in list {
            write_entry(out, change, width, paint)?;
        }
    }
    if changes.is_empty() {
        writeln!(out, "no changes")?;
    }
    writeln!(out)?;
    for part in summary_parts(&changes.summary) {
        // Each clause (`announced: 1 slipped, 0 pulled in`) stays on one line where it can.
        let mut line = Filler::new("", "  ", width);
        let clauses: Vec<&str> = part.split_inclusive("; ").map(str::trim_end).collect();
        for clause in clauses {
            line.phrase(" ", clause);
        }
        for text in line.finish() {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// Writes an entry's line (`~ key  name  (what happened)`) and its fields.
fn write_entry(
    out: &mut dyn Write,
    change: &EntryChange,
    width: usize,
    paint: Paint,
) -> io::Result<()> {
    let (mark, style) = match change.change {
        ChangeKind::Added => ("+", AnsiColor::Green.on_default()),
        ChangeKind::Removed => ("-", AnsiColor::Red.on_default()),
        ChangeKind::Modified => ("~", AnsiColor::Yellow.on_default()),
        ChangeKind::Renamed => (">", AnsiColor::Cyan.on_default()),
    };
    let head = format!("{mark} {}  {}", change.key, change.name);
    let mut line = Filler::new("  ", "      ", width);
    line.word("", &format!("{mark} {}", change.key));
    line.phrase("  ", &change.name);
    let what = what_happened(change, TEXT);
    let count = what.len();
    for (i, unit) in what.into_iter().enumerate() {
        let open = if i == 0 { "(" } else { "" };
        let close = if i + 1 == count { ")" } else { "" };
        line.phrase(
            if i == 0 { "  " } else { " " },
            &format!("{open}{unit}{close}"),
        );
    }
    for (i, text) in line.finish().into_iter().enumerate() {
        // The mark, key and name take the entry's colour when they fit its first line.
        match text.strip_prefix(&format!("  {head}")) {
            Some(rest) if i == 0 => writeln!(out, "  {}{rest}", paint.paint(style, &head))?,
            _ => writeln!(out, "{text}")?,
        }
    }
    for shown in shown(change) {
        let lines = match shown {
            Shown::Field(field) => field_lines(field, width, paint),
            Shown::Group { parent, fields } => {
                let mut line = Filler::new(&format!("      {parent}:"), "        ", width);
                for unit in describe_group(parent, &fields, TEXT) {
                    line.word(" ", &unit);
                }
                line.finish()
            }
        };
        for text in lines {
            writeln!(out, "{text}")?;
        }
    }
    Ok(())
}

/// Returns a field's lines: `path: what changed`, continued 2 columns further in; a rewritten
/// text as `path: rewritten` with the old text after `- ` and the new after `+ `.
pub(crate) fn field_lines(field: &FieldChange, width: usize, paint: Paint) -> Vec<String> {
    let first = format!("      {}:", field.path);
    match field.word_diff() {
        Some(WordDiff::Edited(runs)) => {
            let mut line = Filler::new(&first, "        ", width);
            line.paint = paint;
            for run in &runs {
                match run {
                    Run::Kept(words) => words.split(' ').for_each(|w| line.word(" ", w)),
                    Run::Changed { old, new } => {
                        line.run(old, REMOVED);
                        line.run(new, ADDED);
                    }
                }
            }
            line.finish()
        }
        Some(WordDiff::Rewritten { old, new }) => {
            let mut lines = vec![format!("{first} rewritten")];
            lines.extend(wrapped("        -", &old, "          ", width));
            lines.extend(wrapped("        +", &new, "          ", width));
            lines
        }
        Some(WordDiff::Spacing) => vec![format!("{first} {SPACING}")],
        None => wrapped(&first, &describe_field(field, TEXT), "        ", width),
    }
}

/// Returns `text` after `first`, wrapped between words, continuation lines after `hang`.
pub(crate) fn wrapped(first: &str, text: &str, hang: &str, width: usize) -> Vec<String> {
    let mut line = Filler::new(first, hang, width);
    for word in text.split_whitespace() {
        line.word(" ", word);
    }
    line.finish()
}

/// Lines of at most `width` columns filled word by word; every line after the first starts
/// with `hang`, and a word too long for any line stands alone on one.
pub(crate) struct Filler {
    width: usize,
    hang: String,
    lines: Vec<String>,
    line: String,
    /// The columns `line` takes on screen (colour takes none).
    cols: usize,
    /// Whether the line holds nothing but its indentation (or the first line's lead).
    empty: bool,
    /// Colours the runs of a word diff.
    paint: Paint,
}

impl Filler {
    /// Returns a filler whose first line starts with `first` (an indentation, or a label such
    /// as `      notes:` that the first word follows after a space).
    pub(crate) fn new(first: &str, hang: &str, width: usize) -> Filler {
        Filler {
            width,
            hang: hang.to_string(),
            lines: Vec::new(),
            line: first.to_string(),
            cols: display_width(first),
            empty: first.trim().is_empty(),
            paint: Paint::default(),
        }
    }

    fn fits(&self, sep: &str, text: &str) -> bool {
        let sep = if self.empty { 0 } else { sep.len() };
        self.cols + sep + display_width(text) <= self.width
    }

    fn put(&mut self, sep: &str, text: &str) {
        self.put_styled(sep, text, Style::new());
    }

    fn put_styled(&mut self, sep: &str, text: &str, style: Style) {
        if !self.empty {
            self.line.push_str(sep);
            self.cols += sep.len();
        }
        self.line.push_str(&self.paint.paint(style, text));
        self.cols += display_width(text);
        self.empty = false;
    }

    pub(crate) fn break_line(&mut self) {
        let hang = self.hang.clone();
        self.lines.push(std::mem::replace(&mut self.line, hang));
        self.cols = display_width(&self.hang);
        self.empty = true;
    }

    /// Adds one word (or a unit that must not be split), after `sep` unless it starts a line.
    pub(crate) fn word(&mut self, sep: &str, text: &str) {
        if !self.empty && !self.fits(sep, text) {
            self.break_line();
        }
        self.put(sep, text);
    }

    /// Adds `text` whole where it fits on one line, else word by word.
    pub(crate) fn phrase(&mut self, sep: &str, text: &str) {
        if display_width(&self.hang) + display_width(text) <= self.width {
            return self.word(sep, text);
        }
        for (i, word) in text.split_whitespace().enumerate() {
            self.word(if i == 0 { sep } else { " " }, word);
        }
    }

    /// Adds the words of `text` inside a marker: whole where the run fits on this line or the
    /// next; else split over lines, each piece inside its own marker, so every line's markup
    /// is balanced. White space alone is no run.
    fn run(&mut self, text: &str, Marker(open, close, colour): Marker) {
        let style = colour.on_default();
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return;
        }
        let marked = |words: &[&str]| format!("{open}{}{close}", words.join(" "));
        let whole = marked(&words);
        if self.fits(" ", &whole) {
            return self.put_styled(" ", &whole, style);
        }
        if display_width(&self.hang) + display_width(&whole) <= self.width {
            self.break_line();
            return self.put_styled(" ", &whole, style);
        }
        let mut piece: Vec<&str> = Vec::new();
        for word in words {
            piece.push(word);
            if self.fits(" ", &marked(&piece)) || piece.len() == 1 && self.empty {
                continue;
            }
            piece.pop();
            if !piece.is_empty() {
                self.put_styled(" ", &marked(&piece), style);
                piece.clear();
            }
            self.break_line();
            piece.push(word);
        }
        self.put_styled(" ", &marked(&piece), style);
    }

    pub(crate) fn finish(mut self) -> Vec<String> {
        if !self.empty || self.lines.is_empty() {
            self.lines.push(self.line);
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::{ADDED, Filler, wrapped};

    #[test]
    fn a_long_run_wraps_inside_its_markers() {
        let mut line = Filler::new("  notes:", "    ", 24);
        line.word(" ", "kept");
        line.run("one two three four five six seven", ADDED);
        line.word(" ", "end");
        assert_eq!(
            line.finish(),
            [
                "  notes: kept {+one+}",
                "    {+two three four+}",
                "    {+five six seven+}",
                "    end"
            ]
        );
    }

    #[test]
    fn a_run_that_fits_the_next_line_moves_there_whole() {
        let mut line = Filler::new("  notes:", "    ", 24);
        line.word(" ", "kept words");
        line.run("one two three", ADDED);
        assert_eq!(
            line.finish(),
            ["  notes: kept words", "    {+one two three+}"]
        );
    }

    #[test]
    fn a_word_longer_than_the_width_stands_alone() {
        assert_eq!(
            wrapped(
                "  x:",
                "see https://example.com/a/very/long/path now",
                "    ",
                20
            ),
            [
                "  x: see",
                "    https://example.com/a/very/long/path",
                "    now"
            ]
        );
        let mut line = Filler::new("  x:", "    ", 20);
        line.run("see https://example.com/a/very/long/path now", ADDED);
        assert_eq!(
            line.finish(),
            [
                "  x: {+see+}",
                "    {+https://example.com/a/very/long/path+}",
                "    {+now+}"
            ]
        );
    }
}
