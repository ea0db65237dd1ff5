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
        let line_text = self
            .text
            .lines()
            .nth(pos.line.saturating_sub(1))
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
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

/// Returns the text of `bytes`, or a diagnostic at the first byte that is not UTF-8.
pub fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
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
