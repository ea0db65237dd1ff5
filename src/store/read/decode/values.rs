//! Reading one value of a field: text, slugs, enum words, dates, numbers, lists, specs,
//! memory; each reports what is wrong with it, at its place, and returns `None` then.

use crate::model::{FuzzyDate, Memory, SpecValue};

use super::{MEMORY_FIELDS, Reader};
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
        let hint = (!fixed.is_empty()).then(|| format!("write `{fixed}`"));
        self.report(
            node.pos,
            format!("`{field}` must be a slug of lowercase letters, digits and `-`, not `{text}`"),
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
                    format!("unknown {field} `{text}`"),
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
            Value::Scalar { text, plain: true } => match parse_number(text) {
                Some(n) if n > 0.0 => Some(n),
                Some(_) => {
                    self.report(
                        node.pos,
                        format!("`{field}` must be greater than 0, not {text}"),
                        None,
                    );
                    None
                }
                None => {
                    self.report(
                        node.pos,
                        format!("`{field}` must be a number, not `{text}`"),
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
        for (key, value) in pairs {
            let name = key.as_scalar().unwrap_or_default().to_string();
            if out.iter().any(|(n, _)| *n == name) {
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
                        (true, "true") => SpecValue::Bool(true),
                        (true, "false") => SpecValue::Bool(false),
                        (true, t) => parse_number(t)
                            .map_or_else(|| SpecValue::Text(t.to_string()), SpecValue::Number),
                        (false, t) => SpecValue::Text(t.to_string()),
                    };
                    out.push((name, parsed));
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

/// Returns a finite number from a YAML 1.2 core-schema number (`80`, `3.35`, `1e3`, `0x10`).
pub(super) fn parse_number(text: &str) -> Option<f64> {
    let n = if let Some(hex) = text.strip_prefix("0x") {
        i64::from_str_radix(hex, 16).ok()? as f64
    } else if text
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE_".contains(&b))
        && text.bytes().any(|b| b.is_ascii_digit())
    {
        text.parse::<f64>().ok()?
    } else {
        return None;
    };
    n.is_finite().then_some(n)
}
