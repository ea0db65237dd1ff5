//! Reading one value of a field: text, slugs, enum words, dates, numbers, lists, specs,
//! memory; each reports what is wrong with it, at its place, and returns `None` then.

use std::collections::HashSet;

use crate::model::{FuzzyDate, Memory, SpecValue};

use super::Reader;
use crate::model::MEMORY_FIELDS;
use crate::model::brief;
use crate::store::read::yaml::{Node, Value};

impl Reader<'_, '_> {
    pub(super) fn text(&mut self, node: &Node, field: &str) -> Option<String> {
        match &node.value {
            Value::Scalar { text, .. } if !node.is_null() => Some(text.to_string()),
            _ => {
                self.report(
                    node.pos,
                    format!("`{field}` must be text, not {}", node.describe()),
                    None,
                );
                None
            }
        }
    }

    pub(super) fn slug(&mut self, node: &Node, field: &str) -> Option<String> {
        let text = self.text(node, field)?;
        if is_slug(&text) {
            return Some(text);
        }
        let fixed = slugify(&text);
        let hint = (!fixed.is_empty()).then(|| format!("write `{}`", brief(&fixed)));
        self.report(
            node.pos,
            format!(
                "`{field}` must be a slug of lowercase letters, digits and `-`, not `{}`",
                brief(&text)
            ),
            hint,
        );
        None
    }

    pub(super) fn word<T: std::str::FromStr<Err = crate::model::UnknownWord>>(
        &mut self,
        node: &Node,
        field: &str,
    ) -> Option<T> {
        let text = self.text(node, field)?;
        match text.parse::<T>() {
            Ok(value) => Some(value),
            Err(e) => {
                self.report(
                    node.pos,
                    format!("unknown {field} `{}`", brief(&text)),
                    Some(e.hint()),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, node: &Node, field: &str) -> Option<FuzzyDate> {
        let text = self.text(node, field)?;
        let plain_digits = matches!(node.value, Value::Scalar { plain: true, .. })
            && !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit());
        let parsed = match text.parse::<i64>() {
            Ok(year) if plain_digits => FuzzyDate::from_year(year),
            _ => FuzzyDate::parse(&text),
        };
        match parsed {
            Ok(date) => Some(date),
            Err(e) => {
                self.report(
                    node.pos,
                    format!("`{field}`: {}", e.message()),
                    Some(crate::model::DateError::hint().to_string()),
                );
                None
            }
        }
    }

    pub(super) fn positive(&mut self, node: &Node, field: &str) -> Option<f64> {
        match &node.value {
            Value::Scalar { text, plain: true } => match yaml_number(text) {
                Some(n) if n.is_finite() && n > 0.0 => Some(n),
                Some(n) if n.is_finite() => {
                    self.report(
                        node.pos,
                        format!("`{field}` must be greater than 0, not {}", brief(text)),
                        None,
                    );
                    None
                }
                Some(_) => {
                    self.report(
                        node.pos,
                        format!("`{field}` must be a finite number, not `{}`", brief(text)),
                        Some("write a number such as `80` or `3.35`".into()),
                    );
                    None
                }
                None => {
                    self.report(
                        node.pos,
                        format!("`{field}` must be a number, not `{}`", brief(text)),
                        Some("write digits such as `80` or `3.35`, without units".into()),
                    );
                    None
                }
            },
            _ => {
                let hint = matches!(node.value, Value::Scalar { plain: false, .. })
                    .then(|| "remove the quotes".to_string());
                self.report(
                    node.pos,
                    format!("`{field}` must be a number, not {}", node.describe()),
                    hint,
                );
                None
            }
        }
    }

    pub(super) fn strings(&mut self, node: &Node, field: &str) -> Option<Vec<String>> {
        let Value::Seq(items) = &node.value else {
            let hint = node
                .as_scalar()
                .map(|s| format!("write a list: `{field}: [{s}]`"));
            self.report(
                node.pos,
                format!("`{field}` must be a list, not {}", node.describe()),
                hint,
            );
            return None;
        };
        let before = self.diags.len();
        let out: Vec<String> = items.iter().filter_map(|i| self.text(i, field)).collect();
        (self.diags.len() == before).then_some(out)
    }

    pub(super) fn specs(&mut self, node: &Node) -> Option<Vec<(String, SpecValue)>> {
        let pairs = self.mapping(node, "`specs`")?;
        let before = self.diags.len();
        let mut out: Vec<(String, SpecValue)> = Vec::with_capacity(pairs.len());
        let mut seen: HashSet<&str> = HashSet::with_capacity(pairs.len());
        for (key, value) in pairs {
            let key_text = key.as_scalar().unwrap_or_default();
            let name = brief(key_text);
            if !seen.insert(key_text) {
                self.report(
                    key.pos,
                    format!("`specs.{name}` appears twice"),
                    Some("keep one of them".into()),
                );
                continue;
            }
            match &value.value {
                Value::Scalar { text, plain } if !value.is_null() => {
                    let parsed = match (*plain, text.as_ref()) {
                        (true, "true" | "True" | "TRUE") => SpecValue::Bool(true),
                        (true, "false" | "False" | "FALSE") => SpecValue::Bool(false),
                        (true, t) => match yaml_number(t) {
                            Some(n) if n.is_finite() => SpecValue::Number(n),
                            Some(_) => {
                                self.report(
                                    value.pos,
                                    format!("`specs.{name}` must be a finite number, not `{t}`"),
                                    Some(format!(
                                        "quote it (`\'{t}\'`) to keep it as text, or write a number such as `80`"
                                    )),
                                );
                                continue;
                            }
                            None => SpecValue::Text(t.to_string()),
                        },
                        (false, t) => SpecValue::Text(t.to_string()),
                    };
                    out.push((key_text.to_string(), parsed));
                }
                _ => self.report(
                    value.pos,
                    format!(
                        "`specs.{name}` must be a number, text or true/false, not {}",
                        value.describe()
                    ),
                    None,
                ),
            }
        }
        (self.diags.len() == before).then_some(out)
    }

    pub(super) fn memory(&mut self, node: &Node) -> Option<Memory> {
        let pairs = self.mapping(node, "`memory`")?;
        let before = self.diags.len();
        let fields = self.fields(pairs, MEMORY_FIELDS, "`memory`");
        let mut memory = Memory::default();
        for (field, value) in fields {
            if value.is_null() {
                continue;
            }
            match field {
                "type" => memory.kind = self.text(value, "memory.type"),
                "capacity_gb" => memory.capacity_gb = self.positive(value, "memory.capacity_gb"),
                _ => memory.bandwidth_tbs = self.positive(value, "memory.bandwidth_tbs"),
            }
        }
        (self.diags.len() == before).then_some(memory)
    }
}

/// Returns whether `s` is a slug: lowercase letters, digits and hyphens, not empty.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Returns `s` turned into a slug (`Rubin Ultra` -> `rubin-ultra`), for hints.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Returns the number a plain scalar is by the YAML 1.2 core schema, which is what any YAML
/// reader makes of it, or `None` when the schema reads it as text.
///
/// This is the one rule for every number chipmap reads (`memory.capacity_gb`,
/// `memory.bandwidth_tbs` and spec values): a decimal integer or float (`80`, `-3`, `3.35`,
/// `.5`, `1e3`), an octal `0o17` or hex `0x1F` integer, `.inf` or `.nan` is a number, and
/// chipmap takes it as one wherever it stands. A finite number is accepted; one that is not
/// (`.inf`, `.nan`, or `1e400`, beyond any number) is an error at its place, never quietly
/// text. Anything else (`288GB`, `1_000`, `0b101`) is text, and a quoted scalar always is.
pub(in crate::store) fn yaml_number(text: &str) -> Option<f64> {
    if let Some(digits) = text.strip_prefix("0o") {
        return radix(digits, 8);
    }
    if let Some(digits) = text.strip_prefix("0x") {
        return radix(digits, 16);
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    match unsigned {
        ".inf" | ".Inf" | ".INF" if negative => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        ".nan" | ".NaN" | ".NAN" if unsigned.len() == text.len() => return Some(f64::NAN),
        _ => {}
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(e) => (&unsigned[..e], Some(&unsigned[e + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(whole)
        && fraction.is_none_or(digits)
        && (!whole.is_empty() || fraction.is_some_and(|f| !f.is_empty()));
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    (mantissa_ok && exponent_ok)
        .then(|| text.parse::<f64>().ok())
        .flatten()
}

/// Returns the value of `digits` in base `radix` (too many of them make it infinite), or
/// `None` when it is empty or holds another character.
fn radix(digits: &str, radix: u32) -> Option<f64> {
    if digits.is_empty() {
        return None;
    }
    digits.chars().try_fold(0.0, |n: f64, c| {
        c.to_digit(radix)
            .map(|d| n * f64::from(radix) + f64::from(d))
    })
}

#[cfg(test)]
mod tests {
    use super::yaml_number;

    #[test]
    fn numbers_are_what_yaml_1_2_reads_as_numbers() {
        for (text, value) in [
            ("80", 80.0),
            ("-3", -3.0),
            ("+12", 12.0),
            ("3.35", 3.35),
            (".5", 0.5),
            ("1.", 1.0),
            ("1e3", 1000.0),
            ("2.5E-1", 0.25),
            ("0o17", 15.0),
            ("0x1F", 31.0),
            ("0xff", 255.0),
        ] {
            assert_eq!(yaml_number(text), Some(value), "{text}");
        }
        let huge = format!("0x{}", "f".repeat(300));
        for text in ["1e400", ".inf", "-.inf", "+.INF", &huge] {
            assert_eq!(
                yaml_number(text).map(f64::is_infinite),
                Some(true),
                "{text}"
            );
        }
        assert!(yaml_number(".nan").is_some_and(f64::is_nan));
        for text in [
            "288GB", "1_000", "0b101", "0o18", "0x", "-0x10", "1e", "e3", ".", "-.nan", "inf",
            "nan", "1.2.3", "", "- 1",
        ] {
            assert_eq!(yaml_number(text), None, "{text}");
        }
    }
}
