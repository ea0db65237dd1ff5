//! `--set PATH=VALUE` and `--unset PATH`: field paths checked against docs/format.md section 2 and
//! values parsed to their type, before anything touches a file.

use crate::model::{Confidence, FuzzyDate, Kind, Status, Word, brief, closest};
use crate::store::read::decode::yaml_number;

use super::edit::Op;
use super::scalar::Value;

/// The type of a settable field.
#[derive(Debug, Clone, Copy)]
enum Type {
    Text,
    /// A closed set of words: checked, and returned as the file writes it (`GPU` -> `gpu`).
    Word(fn(&str) -> Result<&'static str, String>),
    Date,
    Positive,
    List,
    Spec,
}

fn word<T: Word>(s: &str) -> Result<&'static str, String> {
    T::typed(s)
        .map(T::word)
        .map_err(|e| format!("{e}; {}", e.hint()))
}

const FIELDS: &[(&str, Type)] = &[
    ("name", Type::Text),
    ("kind", Type::Word(word::<Kind>)),
    ("family", Type::Text),
    ("status", Type::Word(word::<Status>)),
    ("confidence", Type::Word(word::<Confidence>)),
    ("announced", Type::Date),
    ("available", Type::Date),
    ("process", Type::Text),
    ("memory.type", Type::Text),
    ("memory.capacity_gb", Type::Positive),
    ("memory.bandwidth_tbs", Type::Positive),
    ("predecessor", Type::Text),
    ("aliases", Type::List),
    ("sources", Type::List),
    ("notes", Type::Text),
];

/// Fields every entry must have, which `--unset` refuses.
const REQUIRED: &[&str] = &["id", "name", "kind", "status"];

fn field_type(path: &str) -> Result<Type, String> {
    if path == "id" {
        return Err(
            "the id changes with --rename NEW_ID, which keeps the old one as an alias".into(),
        );
    }
    if let Some(name) = path.strip_prefix("specs.") {
        if name.is_empty() || name.contains('.') {
            return Err(format!(
                "`{path}`: a spec is `specs.NAME`, such as `specs.tdp_w`"
            ));
        }
        return Ok(Type::Spec);
    }
    FIELDS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            let known = FIELDS.iter().map(|(p, _)| *p).chain(["specs.NAME"]);
            match closest(path, FIELDS.iter().map(|(p, _)| *p)) {
                Some(s) => format!("unknown field `{path}`; did you mean `{s}`?"),
                None => format!(
                    "unknown field `{path}`; fields: {}",
                    known.collect::<Vec<_>>().join(", ")
                ),
            }
        })
}

/// Returns the value of a spec, read as the same word would be in a file (a plain scalar):
/// `true`/`false` (any case YAML allows), a finite number by the YAML 1.2 core schema (`80`,
/// `1e3`, `0x1F`), else text. A number that is not finite (`.inf`, `.nan`, `1e400`) is refused,
/// as it is in a file.
fn spec_value(raw: &str) -> Result<Value, String> {
    match raw {
        "true" | "True" | "TRUE" => Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => Ok(Value::Bool(false)),
        _ => match yaml_number(raw) {
            Some(n) if n.is_finite() => Ok(Value::Number(n)),
            Some(_) => Err(format!(
                "`{}` is not a finite number; a spec is a finite number, text or true/false",
                brief(raw)
            )),
            None => Ok(Value::Text(raw.to_string())),
        },
    }
}

/// Returns a positive, finite number, or why not; what is a number is read as in a file.
pub fn positive(raw: &str) -> Result<f64, String> {
    match yaml_number(raw.trim()) {
        Some(n) if n.is_finite() && n > 0.0 => Ok(n),
        _ => Err(format!(
            "`{}` is not a number greater than 0 (write digits such as 80 or 3.35, no units)",
            brief(raw)
        )),
    }
}

/// Returns the value `raw` gives the field at `path`. Text is kept exactly as given (spaces,
/// line breaks and all: what is set is what reads back); a typed value is read trimmed.
fn value_of(path: &str, raw: &str) -> Result<Value, String> {
    let exact = raw;
    let raw = raw.trim();
    Ok(match field_type(path)? {
        Type::Text => Value::Text(exact.to_string()),
        Type::Word(canonical) => Value::Text(canonical(raw)?.to_string()),
        Type::Date => Value::Date(FuzzyDate::parse(raw).map_err(|e| e.to_string())?),
        Type::Positive => Value::Number(positive(raw)?),
        Type::List => {
            let inner = raw
                .trim()
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
                .unwrap_or(raw);
            let items: Vec<String> = inner
                .split(',')
                .map(|i| i.trim().to_string())
                .filter(|i| !i.is_empty())
                .collect();
            Value::List(items)
        }
        Type::Spec => match spec_value(raw)? {
            Value::Text(_) => Value::Text(exact.to_string()),
            typed => typed,
        },
    })
}

/// Returns the edit of `--set PATH=VALUE`, or a message saying what is wrong with it.
pub fn parse_set(assignment: &str) -> Result<Op, String> {
    let (path, raw) = assignment
        .split_once('=')
        .ok_or_else(|| format!("`{assignment}` is not PATH=VALUE, such as available=2027H2"))?;
    let path = path.trim();
    let value = value_of(path, raw).map_err(|e| format!("--set {path}: {e}"))?;
    Ok(Op::Set(
        path.split('.').map(str::to_string).collect(),
        value,
    ))
}

/// Returns the edit of `--unset PATH`, or a message saying what is wrong with it.
pub fn parse_unset(path: &str) -> Result<Op, String> {
    let path = path.trim();
    if REQUIRED.contains(&path) {
        return Err(format!("`{path}` cannot be unset: every entry has one"));
    }
    field_type(path)?;
    Ok(Op::Unset(path.split('.').map(str::to_string).collect()))
}

#[cfg(test)]
mod tests {
    use super::{Op, Value, parse_set, parse_unset};
    use crate::model::FuzzyDate;

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_string).collect()
    }

    #[test]
    fn set_parses_each_field_to_its_type() {
        assert_eq!(
            parse_set("available=H2 2027"),
            Ok(Op::Set(
                path("available"),
                Value::Date(FuzzyDate::Half(2027, 2))
            ))
        );
        assert_eq!(
            parse_set("memory.capacity_gb=1024"),
            Ok(Op::Set(path("memory.capacity_gb"), Value::Number(1024.0)))
        );
        assert_eq!(
            parse_set("specs.tdp_w=1000"),
            Ok(Op::Set(path("specs.tdp_w"), Value::Number(1000.0)))
        );
        assert_eq!(
            parse_set("specs.cowos=CoWoS-L"),
            Ok(Op::Set(path("specs.cowos"), Value::Text("CoWoS-L".into())))
        );
        assert_eq!(
            parse_set("status=cancelled"),
            Ok(Op::Set(path("status"), Value::Text("cancelled".into())))
        );
        assert_eq!(
            parse_set("aliases=[B200 Ultra, B300]"),
            Ok(Op::Set(
                path("aliases"),
                Value::List(vec!["B200 Ultra".into(), "B300".into()])
            ))
        );
    }

    #[test]
    fn a_word_typed_in_capitals_was_written_as_typed() {
        assert_eq!(
            parse_set("kind=GPU"),
            Ok(Op::Set(path("kind"), Value::Text("gpu".into())))
        );
        assert_eq!(
            parse_set("confidence= Reported "),
            Ok(Op::Set(path("confidence"), Value::Text("reported".into())))
        );
    }

    #[test]
    fn a_typed_number_reads_as_the_same_word_in_a_file_would() {
        let set = |a: &str| match parse_set(a) {
            Ok(Op::Set(_, value)) => Ok(value),
            other => Err(format!("{other:?}")),
        };
        // In a file `0o17` is 15 and `0x10` is 16 (YAML 1.2); typed, they were text or refused.
        assert_eq!(set("specs.x=0o17"), Ok(Value::Number(15.0)));
        assert_eq!(set("memory.capacity_gb=0x10"), Ok(Value::Number(16.0)));
        assert_eq!(set("specs.x=True"), Ok(Value::Bool(true)));
        assert_eq!(set("specs.x=1e3"), Ok(Value::Number(1000.0)));
        assert_eq!(set("specs.x=1_000"), Ok(Value::Text("1_000".into())));
        for not_finite in ["specs.x=.nan", "specs.x=1e400", "memory.capacity_gb=.inf"] {
            assert!(set(not_finite).is_err(), "{not_finite}");
        }
    }

    #[test]
    fn bad_paths_and_values_say_what_is_wrong() {
        assert!(
            parse_set("available=2027H3")
                .unwrap_err()
                .contains("half must be H1 or H2")
        );
        assert!(
            parse_set("availble=2027")
                .unwrap_err()
                .contains("did you mean `available`")
        );
        assert!(
            parse_set("status=shiping")
                .unwrap_err()
                .contains("did you mean `shipping`")
        );
        assert!(
            parse_set("memory.capacity_gb=1TB")
                .unwrap_err()
                .contains("not a number")
        );
        assert!(parse_set("id=x").unwrap_err().contains("--rename"));
        assert!(parse_set("available").unwrap_err().contains("PATH=VALUE"));
        assert!(
            parse_unset("status")
                .unwrap_err()
                .contains("cannot be unset")
        );
        assert_eq!(
            parse_unset("memory.bandwidth_tbs"),
            Ok(Op::Unset(path("memory.bandwidth_tbs")))
        );
    }
}
