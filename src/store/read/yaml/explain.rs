//! Clearer syntax errors than the parser's for the mistakes people make most, found by one
//! more pass over the text once the parser has given up.

use super::{Pos, SyntaxError};

/// Returns a clearer error than the parser's for the two mistakes people make most, which the
/// parser notices only later: a tab in the indentation, and a `[` or `{` never closed.
pub(super) fn explain(text: &str, at: Pos) -> Option<SyntaxError> {
    // The parser reports an indenting tab at the scalar before it, so look one line further.
    let mut near = lines(text).skip(at.line.saturating_sub(1)).take(2);
    let tab = near.find_map(|(number, start, line)| {
        let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        // Spaces and tabs are one byte each, so the byte index is the column too.
        indent.find('\t').map(|col| Pos {
            line: number,
            column: col + 1,
            width: 1,
            offset: start + col,
        })
    });
    if let Some(pos) = tab {
        return Some(SyntaxError {
            pos,
            message: "a tab in the indentation".into(),
            hint: Some("YAML indents with spaces only; replace the tab with spaces".into()),
        });
    }
    let (pos, bracket) = unclosed_flow(text, at)?;
    let close = if bracket == '[' { ']' } else { '}' };
    Some(SyntaxError {
        pos,
        message: format!("this `{bracket}` is not closed before line {}", at.line),
        hint: Some(format!(
            "close it with `{close}`; until then YAML reads the next lines as part of it"
        )),
    })
}

/// Returns each line of `text` with its 1-based number and byte offset; a line ends in LF,
/// CRLF or a lone CR, as the parser counts them.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        if start > text.len() || (start == text.len() && number > 0) {
            return None;
        }
        let rest = &text[start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let skip = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        number += 1;
        let line = (number, start, &rest[..end]);
        start += end + skip;
        Some(line)
    })
}

/// Returns the place and character of the innermost `[` or `{` opened on an earlier line than
/// `at` and never closed in the file, skipping quoted text and comments.
fn unclosed_flow(text: &str, at: Pos) -> Option<(Pos, char)> {
    let mut open: Vec<(Pos, char)> = Vec::new();
    let (mut line, mut column) = (1, 0);
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        column += 1;
        match (quote, c) {
            (_, '\n' | '\r') => {
                if c == '\r' && chars.peek().is_some_and(|(_, c)| *c == '\n') {
                    chars.next();
                }
                line += 1;
                column = 0;
            }
            // An escaped line break (`\` at the end of a line) still ends the line.
            (Some('"'), '\\') if chars.peek().is_some_and(|(_, c)| *c == '\n' || *c == '\r') => {}
            (Some('"'), '\\') => {
                chars.next();
                column += 1;
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                quote = Some(c)
            }
            (None, '#') if previous == ' ' || column == 1 => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n' && *c != '\r') {
                    chars.next();
                }
            }
            (None, '[' | '{') => {
                let pos = Pos {
                    line,
                    column,
                    width: 1,
                    offset,
                };
                open.push((pos, c));
            }
            (None, ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
        previous = c;
    }
    open.into_iter().rfind(|(opened, _)| opened.line < at.line)
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn an_escaped_line_break_in_quotes_still_counted_as_a_line() {
        // Found by the never-panic property: a lone CR after `\` was skipped as escaped, so
        // the unclosed `{` was placed on the line above it, past that line's end.
        let text = "a,\"\\\rA\"\r\r${:\ra\ta";
        let at = super::Pos {
            line: 5,
            column: 1,
            width: 1,
            offset: text.len() - 3,
        };
        let (pos, bracket) = super::unclosed_flow(text, at).expect("the open `{`");
        assert_eq!((bracket, pos.line, pos.column), ('{', 4, 2));
    }

    #[test]
    fn an_unclosed_bracket_is_blamed_where_it_opens_not_where_the_parser_gives_up() {
        let err = parse("a:\n  b: [x, \"]\", y\n  c: d\n").unwrap_err();
        assert_eq!((err.pos.line, err.pos.column), (2, 6), "{err:?}");
        assert_eq!(err.message, "this `[` is not closed before line 3");
        // A bracket closed on a later line is fine; comments and quotes are skipped.
        let ok = parse("a: [x,  # not ] this\n  y]\nb: '[' \n");
        assert!(ok.is_ok(), "{ok:?}");
    }

    #[test]
    fn a_tab_in_the_indentation_is_named() {
        let err = parse("a:\n  b: c\n\td: e\n").unwrap_err();
        assert_eq!(
            (err.pos.line, err.pos.column, err.message.as_str()),
            (3, 1, "a tab in the indentation")
        );
    }

    #[test]
    fn a_tab_in_the_indentation_of_a_crlf_file_is_named_at_its_line() {
        let text = "a:\r\n  b: c\r\n\td: e\r\n";
        let err = parse(text).unwrap_err();
        assert_eq!(
            (err.pos.line, err.pos.column, err.message.as_str()),
            (3, 1, "a tab in the indentation")
        );
        assert_eq!(&text[err.pos.offset..][..1], "\t");
    }
}
