//! Values and keys as chipmap writes them into a user's file: canonical, and quoted only when
//! YAML would otherwise read them as something else, in block or in flow context.

use crate::model::{FuzzyDate, format_number};

/// A value an edit writes.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(FuzzyDate),
    List(Vec<String>),
}

impl Value {
    /// Returns the value as YAML source: a plain or quoted scalar, or a flow list `[a, b]`.
    pub fn to_yaml(&self) -> String {
        self.to_yaml_in(false)
    }

    /// Returns the value as YAML source; `flow` when it goes inside `{...}` or `[...]`.
    pub fn to_yaml_in(&self, flow: bool) -> String {
        match self {
            Value::Text(text) if flow => flow_text(text),
            Value::Text(text) => text_to_yaml(text),
            Value::Number(n) => number_to_yaml(*n),
            Value::Bool(b) => b.to_string(),
            Value::Date(d) => d.to_string(),
            Value::List(items) => {
                let items: Vec<String> = items.iter().map(|i| flow_text(i)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

/// Returns a finite number as YAML: digits as chipmap shows them, but a very large or very
/// small one as `1.0e+21`, which YAML 1.1 and 1.2 readers alike take as a float (written out,
/// 1e21 is an integer too large for most readers; 5e-324 would be 324 digits).
pub fn number_to_yaml(n: f64) -> String {
    let magnitude = n.abs();
    if magnitude < 1e15 && (magnitude >= 1e-6 || n == 0.0) {
        return format_number(n);
    }
    let written = format!("{n:e}");
    let (mantissa, exponent) = written.split_once('e').unwrap_or((&written, "0"));
    let dot = if mantissa.contains('.') { "" } else { ".0" };
    let sign = if exponent.starts_with('-') { "" } else { "+" };
    format!("{mantissa}{dot}e{sign}{exponent}")
}

/// Returns `text` as a YAML scalar: plain when that reads back as the same text, else quoted
/// (double-quoted with escapes when it holds a character a quoted style cannot hold raw).
pub fn text_to_yaml(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        quoted(text)
    }
}

/// Returns `text` as a scalar inside a flow collection, where `,[]{}` end a plain scalar, and
/// an indicator just before one of them (`a:]`, `a?]`, `a -]` as the end of `[a -]`) makes
/// libyaml or saphyr refuse the file.
pub fn flow_text(text: &str) -> String {
    let indicator_before_end = text.ends_with(['-', '?', ':']) || text.contains(":?");
    if text.contains([',', '[', ']', '{', '}']) || indicator_before_end {
        quoted(text)
    } else {
        text_to_yaml(text)
    }
}

/// Returns `key` as a mapping key: like a value, and also quoted when it holds a `:` or is
/// YAML 1.1's merge key `<<`; `flow` when the mapping is `{...}`.
pub fn key_to_yaml(key: &str, flow: bool) -> String {
    if key.contains(':') || key == "<<" {
        quoted(key)
    } else if flow {
        flow_text(key)
    } else {
        text_to_yaml(key)
    }
}

/// Returns whether a written key is too long for `key: value`: YAML allows an implicit key
/// 1024 characters at most; a longer one is written explicitly, `? key` then `: value`.
pub fn is_long_key(written: &str) -> bool {
    written.chars().count() > 1000
}

/// Returns `text` quoted: single quotes when every character may stand raw in them, else
/// double quotes with escapes.
pub fn quoted(text: &str) -> String {
    single_quoted(text).unwrap_or_else(|| double_quoted(text))
}

/// Returns `text` in single quotes, or `None` when it holds a character that cannot stand
/// raw there (a line break would fold to a space, a control character is not YAML text).
pub fn single_quoted(text: &str) -> Option<String> {
    (!text.chars().any(needs_escape)).then(|| format!("'{}'", text.replace('\'', "''")))
}

/// Returns `text` in double quotes, every character outside YAML's printable set (and every
/// line break, tab and bidirectional control) written as an escape, so the scalar is one line
/// any YAML reader takes.
pub fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if needs_escape(c) && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Returns whether `c` must be written as an escape: it is outside YAML's printable set
/// (C0 but for tab and LF, DEL, C1, surrogates' neighbours U+FFFE/U+FFFF), a line break
/// (LF, CR, NEL, U+2028, U+2029), a tab, the BOM, or a bidirectional control that would make
/// the file read differently from what it holds.
pub fn needs_escape(c: char) -> bool {
    // Beyond the controls, what YAML counts as not printable: the BOM and U+FFFE/U+FFFF.
    crate::model::is_control(c) || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// Returns whether `text` can be written plain and still read back as this text, by chipmap
/// and by any YAML 1.1 or 1.2 reader (so `yes`, `1e3`, `2026-03-18`, `~` get quotes).
pub fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let starts_badly =
        "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() || text.starts_with("...");
    let ends_badly = text.ends_with(char::is_whitespace) || text.ends_with(':');
    let breaks = text.contains(": ") || text.contains(" #") || text.contains('\t');
    let escaped = text.chars().any(|c| needs_escape(c) || c.is_control());
    let unsafe_plain = starts_badly || ends_badly || breaks || escaped || reads_as_other_type(text);
    !unsafe_plain
}

/// Returns whether a YAML 1.1 or 1.2 reader would take `text`, plain, as a null, a bool, a
/// number or a date.
fn reads_as_other_type(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    ];
    if words.contains(&lower.as_str()) {
        return true;
    }
    let body = lower.strip_prefix(['+', '-']).unwrap_or(&lower);
    let digits =
        |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix) || c == '_');
    let float = body.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && body.replace('_', "").parse::<f64>().is_ok();
    let special = [".inf", ".nan"].contains(&body);
    let radix = body.strip_prefix("0x").is_some_and(|h| digits(h, 16))
        || body.strip_prefix("0o").is_some_and(|o| digits(o, 8))
        || body.strip_prefix("0b").is_some_and(|b| digits(b, 2));
    // YAML 1.1 reads `1:20` as a number and `2026-03-18` (with or without a time) as a date.
    let sexagesimal = body.contains(':') && body.split(':').all(|p| digits(p, 10));
    let bytes = text.as_bytes();
    let date = bytes.len() >= 8
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[4] == b'-'
        && text[5..]
            .split(['-', 'T', ' ', 't'])
            .take(2)
            .all(|p| digits(p, 10));
    float || special || radix || sexagesimal || date
}

#[cfg(test)]
mod tests {
    use super::{Value, double_quoted, key_to_yaml, text_to_yaml};
    use crate::model::FuzzyDate;

    #[test]
    fn text_is_quoted_only_when_yaml_would_misread_it() {
        assert_eq!(text_to_yaml("Rubin Ultra"), "Rubin Ultra");
        assert_eq!(text_to_yaml("TSMC N3P"), "TSMC N3P");
        assert_eq!(text_to_yaml("HBM3E"), "HBM3E");
        assert_eq!(text_to_yaml("2026"), "'2026'");
        assert_eq!(text_to_yaml("3.35"), "'3.35'");
        assert_eq!(text_to_yaml("2026-03-18"), "'2026-03-18'");
        assert_eq!(text_to_yaml("yes"), "'yes'");
        assert_eq!(text_to_yaml("null"), "'null'");
        assert_eq!(text_to_yaml("a: b"), "'a: b'");
        assert_eq!(text_to_yaml("it's # here"), "'it''s # here'");
        assert_eq!(text_to_yaml("- dash"), "'- dash'");
        assert_eq!(text_to_yaml(""), "''");
        assert_eq!(text_to_yaml("two\nlines"), "\"two\\nlines\"");
        assert_eq!(text_to_yaml("910C"), "910C");
        assert_eq!(text_to_yaml("1e3"), "'1e3'");
        assert_eq!(text_to_yaml("0x1F"), "'0x1F'");
        assert_eq!(text_to_yaml("1:20"), "'1:20'");
        assert_eq!(text_to_yaml(".inf"), "'.inf'");
        assert_eq!(text_to_yaml("2026H2"), "2026H2");
        assert_eq!(text_to_yaml("inf"), "inf");
    }

    /// Raw ESC and BEL were written inside single quotes, DEL and NEL inside double quotes
    /// and U+2028 plain: chipmap read them back, PyYAML and libyaml refuse the file.
    #[test]
    fn control_characters_are_escaped_not_written_raw() {
        assert_eq!(text_to_yaml("a\u{1b}b"), "\"a\\eb\"");
        assert_eq!(text_to_yaml("a\u{7}b"), "\"a\\ab\"");
        assert_eq!(text_to_yaml("a\u{7f}b"), "\"a\\x7Fb\"");
        assert_eq!(text_to_yaml("a\u{85}b"), "\"a\\Nb\"");
        assert_eq!(text_to_yaml("a\u{9b}b"), "\"a\\x9Bb\"");
        assert_eq!(text_to_yaml("a\u{2028}b"), "\"a\\Lb\"");
        assert_eq!(text_to_yaml("a\u{2029}b"), "\"a\\Pb\"");
        assert_eq!(text_to_yaml("\u{feff}x"), "\"\\uFEFFx\"");
        assert_eq!(text_to_yaml("a\u{202e}b"), "\"a\\u202Eb\"");
        assert_eq!(text_to_yaml("a\0b\r"), "\"a\\0b\\r\"");
        assert_eq!(
            double_quoted("say \"hi\" \\ 昇腾"),
            "\"say \\\"hi\\\" \\\\ 昇腾\""
        );
    }

    /// A spec key `tdp: max` was written plain and broke the file; `#fp8` became a comment.
    #[test]
    fn keys_are_quoted_when_yaml_would_misread_them() {
        assert_eq!(key_to_yaml("tdp_w", false), "tdp_w");
        assert_eq!(key_to_yaml("tdp: max", false), "'tdp: max'");
        assert_eq!(key_to_yaml("#fp8_pflops", false), "'#fp8_pflops'");
        assert_eq!(key_to_yaml("a:b", false), "'a:b'");
        assert_eq!(key_to_yaml("<<", false), "'<<'");
        assert_eq!(key_to_yaml("1", false), "'1'");
        assert_eq!(key_to_yaml("a,b", true), "'a,b'");
        assert_eq!(key_to_yaml("a,b", false), "a,b");
    }

    /// 1e21 was written as 22 digits, an integer libyaml (and most readers) cannot hold.
    #[test]
    fn huge_and_tiny_numbers_are_written_as_floats() {
        use super::number_to_yaml;
        assert_eq!(number_to_yaml(1024.0), "1024");
        assert_eq!(number_to_yaml(3.35), "3.35");
        assert_eq!(number_to_yaml(0.0), "0");
        assert_eq!(number_to_yaml(1e21), "1.0e+21");
        assert_eq!(number_to_yaml(-1.5e300), "-1.5e+300");
        assert_eq!(number_to_yaml(5e-324), "5.0e-324");
        for n in [
            1e21,
            -1.5e300,
            5e-324,
            1.7976931348623157e308,
            123456789012345680.0,
        ] {
            assert_eq!(number_to_yaml(n).parse::<f64>(), Ok(n));
        }
    }

    /// The snapshot property found `[long -]`, which saphyr refuses, and libyaml refuses
    /// `[a:?]`: an indicator just before the end of a flow item.
    #[test]
    fn flow_items_ending_in_an_indicator_are_quoted() {
        use super::flow_text;
        assert_eq!(flow_text("long -"), "'long -'");
        assert_eq!(flow_text("why?"), "'why?'");
        assert_eq!(flow_text("a:?b"), "'a:?b'");
        assert_eq!(flow_text("https://x.test/a"), "https://x.test/a");
        assert_eq!(flow_text("a, b"), "'a, b'");
    }

    #[test]
    fn values_are_written_in_canonical_form() {
        assert_eq!(Value::Number(1024.0).to_yaml(), "1024");
        assert_eq!(Value::Number(3.35).to_yaml(), "3.35");
        assert_eq!(
            Value::Date(FuzzyDate::parse("H2 2027").unwrap()).to_yaml(),
            "2027H2"
        );
        assert_eq!(
            Value::List(vec!["B200 Ultra".into(), "a, b".into()]).to_yaml(),
            "[B200 Ultra, 'a, b']"
        );
    }
}
