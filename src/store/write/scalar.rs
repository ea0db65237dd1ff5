//! Values as chipmap writes them into a user's file: canonical, and quoted only when YAML
//! would otherwise read them as something else.

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
        match self {
            Value::Text(text) => text_to_yaml(text),
            Value::Number(n) => format_number(*n),
            Value::Bool(b) => b.to_string(),
            Value::Date(d) => d.to_string(),
            Value::List(items) => {
                let items: Vec<String> = items.iter().map(|i| flow_item(i)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

/// Returns `text` as a YAML scalar: plain when that reads back as the same text, else quoted.
pub fn text_to_yaml(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else if text.chars().any(|c| c.is_control()) {
        // JSON's string escapes are valid in a YAML double-quoted scalar.
        serde_json::to_string(text).unwrap_or_else(|_| format!("'{}'", text.replace('\'', "''")))
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// Returns an item of a flow list, which also may not hold `,`, `[`, `]`, `{` or `}` plainly.
fn flow_item(text: &str) -> String {
    if text.contains([',', '[', ']', '{', '}']) {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        text_to_yaml(text)
    }
}

/// Returns whether `text` can be written plain and still read back as this text, by chipmap
/// and by any YAML 1.1 or 1.2 reader (so `yes`, `1e3`, `2026-03-18`, `~` get quotes).
fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let starts_badly = "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace();
    let ends_badly = text.ends_with(char::is_whitespace) || text.ends_with(':');
    let breaks = text.contains(": ") || text.contains(" #") || text.contains('\t');
    let control = text.chars().any(char::is_control);
    let unsafe_plain = starts_badly || ends_badly || breaks || control || reads_as_other_type(text);
    !unsafe_plain
}

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
        || body.strip_prefix("0o").is_some_and(|o| digits(o, 8));
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
    use super::{Value, text_to_yaml};
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
