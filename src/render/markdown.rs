//! Text from the data made safe to put inside Markdown: it renders as the same words.

/// Returns `text` with every character Markdown (CommonMark and GitHub's tables) could read as
/// markup escaped with a backslash, and line breaks as spaces, so a cell or a list item stays
/// one cell or one item and shows exactly its text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            // `&` too: `&lt;` in the data is text, which a reader would show as `<`; and `$`,
            // which GitHub reads as the start of math (`$5 to $10` would be set as a formula).
            '\\' | '`' | '*' | '_' | '~' | '|' | '[' | ']' | '<' | '>' | '#' | '!' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn a_pipe_or_a_tilde_in_the_data_is_text_not_markup() {
        assert_eq!(escape("B3|00"), r"B3\|00");
        assert_eq!(escape("~1.4kW *not* _bold_"), r"\~1.4kW \*not\* \_bold\_");
        assert_eq!(
            escape("[x](javascript:y) <b>"),
            r"\[x\](javascript:y) \<b\>"
        );
        assert_eq!(escape("two\nlines"), "two lines");
        assert_eq!(escape("plain 2026H2"), "plain 2026H2");
    }

    #[test]
    fn a_character_reference_in_the_data_showed_as_the_character_it_names() {
        // `&lt;` in a name is four characters of text, not `<`; nor is `&#124;` a `|`.
        assert_eq!(escape("a &lt; b"), r"a \&lt; b");
        assert_eq!(escape("AT&T &#124;"), r"AT\&T \&\#124;");
    }

    #[test]
    fn a_dollar_in_the_data_was_read_as_math_on_github() {
        assert_eq!(escape("$5 to $10 per hour"), r"\$5 to \$10 per hour");
    }
}
