//! One file's text and name, which turn a position in the YAML tree into a `Diagnostic`.

use unicode_width::UnicodeWidthChar;

use crate::error::Diagnostic;

use super::yaml::Pos;

/// How many display columns of a line a diagnostic echoes at most. A longer line is cut to a
/// window around the column, with `…` where it was cut, so that a 1 GB line costs a line too.
pub const ECHO_WIDTH: usize = 120;
/// How many of the window's columns at least come before the caret when both sides are cut.
const ECHO_BEFORE: usize = 40;

/// A file being read: the name the user sees and its text.
pub struct SourceFile<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl SourceFile<'_> {
    /// Returns a diagnostic at `pos`, carrying the line's text (or a window of it) for the
    /// caret display. It reads only the window, however long the line or the file.
    pub fn diag(&self, pos: Pos, message: impl Into<String>, hint: Option<String>) -> Diagnostic {
        let echo = Echo::around(self.text, pos.offset);
        let width = pos.width.max(1).min(echo.after.max(1));
        Diagnostic {
            path: self.path.to_string(),
            line: pos.line,
            column: pos.column,
            width,
            line_text: echo.text,
            text_column: echo.column,
            message: message.into(),
            hint,
            severity: crate::error::Severity::Error,
        }
    }
}

/// The part of a line a diagnostic shows, and where its caret goes.
#[derive(Debug, PartialEq)]
struct Echo {
    text: String,
    /// 1-based column of the caret in `text`, in characters.
    column: usize,
    /// How many characters of `text` from the caret on are the line's (the rest is `…`).
    after: usize,
}

impl Echo {
    /// Returns the line around byte `offset` of `text`, cut to `ECHO_WIDTH` columns if longer.
    fn around(text: &str, offset: usize) -> Echo {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let not_break = |c: &char| *c != '\n' && *c != '\r';
        // Control characters stay as they are: the renderer and the output filter show them
        // visibly (`\x1b`), and the caret line pads by that visible width.
        let shown = |c: char| c;
        // Read one column more than fits, on each side, to know whether the line does fit.
        let line_before = text[..offset].chars().rev().take_while(not_break);
        let (before, whole_before) = within(line_before.map(shown));
        let (after, whole_after) = within(text[offset..].chars().take_while(not_break).map(shown));
        let (before_width, after_width) = (columns(&before), columns(&after));
        if whole_before && whole_after && before_width + after_width <= ECHO_WIDTH {
            let mut line: String = before.iter().rev().collect();
            line.extend(after.iter());
            return Echo {
                text: line,
                column: before.len() + 1,
                after: after.len(),
            };
        }
        let keep = before_width.min(ECHO_BEFORE.max(ECHO_WIDTH.saturating_sub(after_width)));
        let kept_before = take_columns(&before, keep);
        let kept_after = take_columns(&after, ECHO_WIDTH - columns(kept_before));
        let cut_start = !whole_before || kept_before.len() < before.len();
        let cut_end = !whole_after || kept_after.len() < after.len();
        let mut line = String::new();
        if cut_start {
            line.push('…');
        }
        line.extend(kept_before.iter().rev());
        line.extend(kept_after.iter());
        if cut_end {
            line.push('…');
        }
        Echo {
            text: line,
            column: usize::from(cut_start) + kept_before.len() + 1,
            after: kept_after.len(),
        }
    }
}

/// Returns the characters of `chars` up to one column past `ECHO_WIDTH`, and whether that
/// was all of them.
fn within(chars: impl Iterator<Item = char>) -> (Vec<char>, bool) {
    let mut used = 0;
    let mut out = Vec::new();
    for c in chars {
        if used > ECHO_WIDTH {
            return (out, false);
        }
        used += column_width(c);
        out.push(c);
    }
    (out, true)
}

/// Returns the longest start of `chars` that is at most `width` columns wide.
fn take_columns(chars: &[char], width: usize) -> &[char] {
    let mut used = 0;
    let n = chars
        .iter()
        .take_while(|c| {
            used += column_width(**c);
            used <= width
        })
        .count();
    &chars[..n]
}

fn columns(chars: &[char]) -> usize {
    chars.iter().map(|c| column_width(*c)).sum()
}

/// Returns a character's display width, at least one: a tab counts as one, and so does a
/// character of no width, so that a line of them is cut like any other. A control character
/// counts as four, about as wide as it is shown (`\x1b`).
fn column_width(c: char) -> usize {
    if c.is_control() && c != '\t' {
        return 4;
    }
    c.width().unwrap_or(1).max(1)
}

/// Returns the text of `bytes`, or a diagnostic at the first byte that is not UTF-8.
/// A byte-order mark is dropped: the parser does not count it as a column, nor should a reader.
#[allow(
    clippy::result_large_err,
    reason = "one diagnostic per file that is not text; boxing it would buy nothing"
)]
pub fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction, so this lossless view cannot fail.
        let good = String::from_utf8_lossy(good);
        // Lines end in LF, CRLF or a lone CR, as the parser counts them.
        let breaks = good.bytes().enumerate().filter(|&(i, b)| {
            b == b'\n' || (b == b'\r' && good.as_bytes().get(i + 1) != Some(&b'\n'))
        });
        let (line, line_start) = breaks.fold((1, 0), |(n, _), (i, _)| (n + 1, i + 1));
        let column = good[line_start..].chars().count() + 1;
        let source = SourceFile { path, text: &good };
        source.diag(
            Pos {
                line,
                column,
                width: 1,
                offset: good.len(),
            },
            format!(
                "the file is not UTF-8 text (byte 0x{:02x} at offset {})",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
            Some("save the file as UTF-8".to_string()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::{ECHO_WIDTH, Echo};

    #[test]
    fn lines_end_in_lf_crlf_or_cr() {
        let text = "a\nb\r\nc\rd";
        let echo = |offset| Echo::around(text, offset).text;
        assert_eq!(
            (echo(0), echo(2), echo(5), echo(7)),
            ("a".into(), "b".into(), "c".into(), "d".into())
        );
        assert_eq!(Echo::around("a\n", 2).text, "");
    }

    #[test]
    fn control_characters_are_echoed_as_they_are_for_the_renderer_to_show() {
        let echo = Echo::around("a:\t\u{1b}[31mred\0", 3);
        assert_eq!(echo.text, "a:\t\u{1b}[31mred\0");
        assert_eq!(echo.column, 4);
        let nul_line = "\0".repeat(1_000_000);
        assert!(Echo::around(&nul_line, 0).text.chars().count() <= super::ECHO_WIDTH + 1);
    }

    #[test]
    fn a_long_line_is_cut_around_the_column_and_the_caret_still_points_at_it() {
        let line = format!(
            "{}status: shiping{}",
            "x".repeat(10_000),
            "y".repeat(10_000)
        );
        let echo = Echo::around(&line, 10_008);
        assert!(
            echo.text.starts_with('…') && echo.text.ends_with('…'),
            "{}",
            echo.text
        );
        assert!(echo.text.chars().count() <= ECHO_WIDTH + 2);
        let at: String = echo.text.chars().skip(echo.column - 1).take(7).collect();
        assert_eq!(at, "shiping");
        // Near the start, only the end is cut; a line that fits is whole.
        let echo = Echo::around(&line[9_990..], 2);
        assert!(!echo.text.starts_with('…') && echo.text.ends_with('…'));
        assert_eq!(echo.column, 3);
        assert_eq!(
            Echo::around("  id: a", 6),
            Echo {
                text: "  id: a".into(),
                column: 7,
                after: 1
            }
        );
    }

    #[test]
    fn a_cut_counts_display_columns_so_wide_characters_fit_the_window() {
        let line = format!("{}: x", "名".repeat(5_000));
        let echo = Echo::around(&line, line.len() - 1);
        let width: usize = unicode_width::UnicodeWidthStr::width(echo.text.as_str());
        assert!(width <= ECHO_WIDTH + 2, "{width}");
        assert_eq!(echo.text.chars().nth(echo.column - 1), Some('x'));
    }
}
