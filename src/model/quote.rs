//! Quoting a value in a message: whole, or its start, so that a hostile 1 GB value makes a
//! one-line message too (and holds no more than that in memory).

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
