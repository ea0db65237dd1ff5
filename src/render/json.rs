//! JSON as chipmap writes it: pretty-printed, with every character a terminal acts on escaped.
//!
//! serde_json escapes C0 controls but writes DEL, C1 controls (such as U+009B, a CSI to some
//! terminals), bidi controls and U+2028/U+2029 raw; here those are written as `\uXXXX` too.
//! The value is the same, the JSON still valid, and `--format json` piped to a terminal is as
//! safe as the output filter ([`super::visible`]) would make it: the filter finds nothing to
//! change.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::visible;

/// Writes `value` as pretty-printed JSON (no newline after it).
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Escaping::default());
    value.serialize(&mut serializer)?;
    Ok(())
}

/// serde_json's pretty formatter, escaping the characters serde_json leaves raw.
#[derive(Default)]
struct Escaping {
    pretty: PrettyFormatter<'static>,
}

/// Returns whether `c` is written as `\uXXXX` although serde_json would write it raw.
fn needs_escape(c: char) -> bool {
    c == '\u{7f}' || visible::is_shown_as_unicode(c)
}

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Every such character is in the Basic Multilingual Plane: one \u escape.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::write_pretty;

    fn written(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_escapes_del_c1_and_bidi_that_serde_json_writes_raw() {
        let value = json!({"notes\u{202e}": "a\u{7f}b\u{9b}2J\u{202e}c\u{2028}\u{1b}[2J é"});
        let text = written(&value);
        assert_eq!(
            text,
            "{\n  \"notes\\u202e\": \"a\\u007fb\\u009b2J\\u202ec\\u2028\\u001b[2J é\"\n}"
        );
        // Still valid JSON with the same value.
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }

    #[test]
    fn json_is_pretty_printed_as_serde_json_would() {
        let value = json!({"a": [1, {"b": null}], "c": []});
        assert_eq!(
            written(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
