//! Text from a data file in what chipmap says: a value quoted whole, or by its start, so that
//! a hostile 1 GB value makes a one-line message too; and the one list of characters that act
//! on a terminal or on the text around them, which every writer escapes (the output filter,
//! JSON, YAML's double quotes).

use std::borrow::Cow;

/// How many characters of a value a message quotes at most.
const QUOTED: usize = 60;

/// Returns `text` as a message quotes it: whole, or its first 60 characters and `…`.
pub fn brief(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTED) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// Returns whether `c` is a control character (C0, DEL, C1) or one that changes how the text
/// around it shows (bidi controls, the line and paragraph separators): what no writer of
/// chipmap's may put out raw.
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{61c}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::brief;

    #[test]
    fn a_long_value_is_quoted_by_its_start() {
        assert_eq!(brief("shiping"), "shiping");
        let long = "名".repeat(100);
        assert_eq!(brief(&long), format!("{}…", "名".repeat(60)));
    }
}
