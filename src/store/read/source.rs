//! One file's text and name, which turn a position in the YAML tree into a `Diagnostic`.

use crate::error::Diagnostic;

use super::yaml::Pos;

/// A file being read: the name the user sees and its text.
pub struct SourceFile<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl SourceFile<'_> {
    /// Returns a diagnostic at `pos`, carrying the line's text for the caret display.
    pub fn diag(&self, pos: Pos, message: impl Into<String>, hint: Option<String>) -> Diagnostic {
        let line_text = line(self.text, pos.line).to_string();
        Diagnostic {
            path: self.path.to_string(),
            line: pos.line,
            column: pos.column,
            width: pos.width.max(1),
            line_text,
            message: message.into(),
            hint,
        }
    }
}

/// Returns line `number` (1-based) of `text`, whose lines may end in LF, CRLF or a lone CR
/// (as the YAML parser counts them).
fn line(text: &str, number: usize) -> &str {
    let mut rest = text;
    for _ in 1..number {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => return "",
        }
    }
    rest.find(['\n', '\r']).map_or(rest, |end| &rest[..end])
}

/// Returns the text of `bytes`, or a diagnostic at the first byte that is not UTF-8.
/// A byte-order mark is dropped: the parser does not count it as a column, nor should a reader.
pub fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction, so this lossless view cannot fail.
        let good = String::from_utf8_lossy(good);
        let line = good.matches('\n').count() + 1;
        let line_start = good.rfind('\n').map_or(0, |i| i + 1);
        let column = good[line_start..].chars().count() + 1;
        let source = SourceFile { path, text: &good };
        let mut diag = source.diag(
            Pos {
                line,
                column,
                width: 1,
            },
            format!(
                "the file is not UTF-8 text (byte 0x{:02x} at offset {})",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            ),
            Some("save the file as UTF-8".to_string()),
        );
        diag.line_text = good[line_start..].to_string();
        diag
    })
}

#[cfg(test)]
mod tests {
    use super::line;

    #[test]
    fn lines_end_in_lf_crlf_or_cr() {
        assert_eq!(line("a\nb\r\nc\rd", 1), "a");
        assert_eq!(line("a\nb\r\nc\rd", 2), "b");
        assert_eq!(line("a\nb\r\nc\rd", 3), "c");
        assert_eq!(line("a\nb\r\nc\rd", 4), "d");
        assert_eq!(line("a\n", 3), "");
    }
}
