//! Computed values -> text for people (terminal, tables, Markdown) or programs (CSV, JSON).
//! Every renderer takes a value and a writer; none reads files or the environment.
//! The CLI hands them a writer behind [`visible::Visible`], which shows the data's control
//! characters instead of letting a terminal act on them.

pub mod diagnostics;
pub mod diff;
pub mod entry;
pub mod history;
pub mod json;
pub mod markdown;
pub mod png;
pub mod report;
pub mod slips;
pub mod snapshots;
pub mod svg;
pub mod table;
pub mod timeline;
pub mod trend;
pub mod visible;

use anstyle::Style;

/// Whether output may carry ANSI colour, decided once by the caller (terminal, `NO_COLOR`).
///
/// Its colour is sealed (see [`visible`]): only the output filter, [`visible::Visible`], turns
/// it into escape sequences, so colour in the data can never pass for chipmap's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Paint {
    pub enabled: bool,
}

impl Paint {
    /// Returns `text` wrapped in `style` (sealed) when colour is enabled, else `text` as is.
    pub fn paint(&self, style: Style, text: &str) -> String {
        if self.enabled && style != Style::new() && !text.is_empty() {
            format!(
                "{}{text}{}",
                visible::sealed(&style.render().to_string()),
                visible::sealed(&style.render_reset().to_string())
            )
        } else {
            text.to_string()
        }
    }

    /// Returns a row of styled cells as text: cells of one style painted as one run (a bar
    /// costs one escape pair, not one a cell), trailing blanks of the plain style left out.
    pub fn cells(&self, cells: impl IntoIterator<Item = (Style, char)>) -> String {
        let mut runs: Vec<(Style, String)> = Vec::new();
        for (style, c) in cells {
            match runs.last_mut() {
                Some((last, text)) if *last == style => text.push(c),
                _ => runs.push((style, c.to_string())),
            }
        }
        if let Some((style, text)) = runs.last_mut()
            && *style == Style::new()
        {
            text.truncate(text.trim_end().len());
        }
        runs.iter()
            .map(|(style, text)| self.paint(*style, text))
            .collect()
    }
}

/// Returns `1 file`, `2 files`, `1 entry`, `3 entries`: a count and its noun.
pub fn plural(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// Returns how an output names the version of the roadmap it shows (`--as-of`):
/// `as of 2024-06-02-computex (taken 2024-06-02)`, or `as of git:HEAD~3` for a version
/// without a day.
pub fn as_of_caption(label: &str, taken: Option<chrono::NaiveDate>) -> String {
    match taken {
        Some(day) => format!("as of {label} (taken {day})"),
        None => format!("as of {label}"),
    }
}

/// Returns `text` split into lines of at most `width` columns, breaking only between words.
/// A word longer than `width` stands alone on its line, whole.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let wanted = display_width(&line) + usize::from(!line.is_empty()) + display_width(word);
        if !line.is_empty() && wanted > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Returns `text` wrapped between words, the first line at most `width` columns and every
/// further line `indent` spaces in and as wide in all (a word wider stands alone, whole).
pub fn wrap_hanging(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = wrap_words(text, width);
    if lines.len() > 1 {
        let rest = lines.split_off(1).join(" ");
        let pad = " ".repeat(indent);
        lines.extend(
            wrap_words(&rest, width.saturating_sub(indent))
                .into_iter()
                .map(|l| format!("{pad}{l}")),
        );
    }
    lines
}

/// Returns `text` split into lines of at most `width` columns: between words where it can,
/// and a word wider than `width` (a URL) after a `/`, `-`, `.`, `_`, `?`, `&` or `=`, else
/// where it must. Nothing is lost: the lines joined are the words.
pub fn wrap_breaking(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for line in wrap_words(text, width) {
        if display_width(&line) <= width {
            lines.push(line);
        } else {
            lines.extend(break_word(&line, width));
        }
    }
    lines
}

/// Returns a word too wide for `width` in pieces that fit, each ending at a break character
/// where one falls in it.
fn break_word(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = word;
    while display_width(rest) > width {
        let (mut fits, mut used, mut after_break) = (0, 0, None);
        for (i, c) in rest.char_indices() {
            let w = display_width(&rest[i..i + c.len_utf8()]);
            if used + w > width {
                break;
            }
            used += w;
            fits = i + c.len_utf8();
            if "/-._?&=".contains(c) {
                after_break = Some(fits);
            }
        }
        // At least one character a piece, so even a width narrower than it makes progress.
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let cut = after_break.unwrap_or(fits).max(first);
        pieces.push(rest[..cut].to_string());
        rest = &rest[cut..];
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(rest.to_string());
    }
    pieces
}

/// Returns how many terminal columns `text` takes once printed: a control character counts
/// as wide as the visible form the output filter shows it in (`\x1b` is 4 columns).
pub fn display_width(text: &str) -> usize {
    let width = unicode_width::UnicodeWidthStr::width;
    let mut total = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if let Some(shown) = visible::shown_width(c) {
            total += width(&text[start..i]) + shown;
            start = i + c.len_utf8();
        }
    }
    total + width(&text[start..])
}

#[cfg(test)]
mod tests {
    use super::{display_width, wrap_breaking, wrap_hanging, wrap_words};

    #[test]
    fn a_control_character_is_as_wide_as_it_is_shown() {
        assert_eq!(display_width("B200 · 日本"), 11);
        assert_eq!(display_width("Evil\u{1b}[2J"), r"Evil\x1b[2J".len());
        assert_eq!(display_width("A\u{202e}bc\r"), r"A\u{202e}bc\x0d".len());
    }

    #[test]
    fn wrapping_never_cuts_a_word() {
        assert_eq!(
            wrap_words("GB200 Grace Blackwell Superchip", 12),
            ["GB200 Grace", "Blackwell", "Superchip"]
        );
        assert_eq!(
            wrap_words("Supercalifragilistic x", 5),
            ["Supercalifragilistic", "x"]
        );
        assert_eq!(wrap_words("", 5), [""]);
    }

    #[test]
    fn a_word_wider_than_the_line_breaks_after_a_slash() {
        assert_eq!(
            wrap_breaking("see https://example.com/a/long-path here", 16),
            ["see", "https://example.", "com/a/long-path", "here"]
        );
        assert_eq!(wrap_breaking("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap_breaking("日本語", 1), ["日", "本", "語"]);
        assert_eq!(wrap_breaking("", 5), [""]);
    }

    #[test]
    fn a_hanging_wrap_indents_the_further_lines_within_the_width() {
        assert_eq!(
            wrap_hanging("MTIA 450 / MTIA 500 next", 15, 2),
            ["MTIA 450 / MTIA", "  500 next"]
        );
        assert_eq!(wrap_hanging("short", 15, 2), ["short"]);
    }
}
