//! Computed values -> text for people (terminal, tables, Markdown) or programs (CSV, JSON).
//! Every renderer takes a value and a writer; none reads files or the environment.
//! The CLI hands them a writer behind [`visible::Visible`], which shows the data's control
//! characters instead of letting a terminal act on them.

pub mod diagnostics;
pub mod diff;
pub mod entry;
pub mod json;
pub mod markdown;
pub mod table;
pub mod term;
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
    use super::{display_width, wrap_words};

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
}
