//! Property: a value set by an edit reads back as exactly what was set, whatever the text and
//! whatever the old value's style (plain, single or double quotes, a `>` or `|` block scalar,
//! absent or null, inside a block or a flow mapping, in a block or a flow entry), and the file
//! stays valid for another YAML reader (libyaml) too.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;

use crate::model::Vendor;
use crate::store::read::decode::FileKind;
use crate::store::write::edit::{self, Op};
use crate::store::write::readback;
use crate::store::write::scalar::Value;

use super::config;
use super::hostile::{hostile, hostile_key};
use super::second;
use super::whole::chipmap_reads;

/// How the old value stands in the file.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Old {
    Plain,
    Single,
    Double,
    Folded,
    Literal,
    Null,
    Absent,
}

/// Where the field is: a key of the entry, or of its `memory` or `specs` mapping.
#[derive(Debug, Clone)]
enum Field {
    Top(&'static str),
    Memory,
    Spec(String),
    List(&'static str),
}

#[derive(Debug, Clone)]
struct Case {
    field: Field,
    old: Old,
    /// The entry, or the nested mapping or list, written in flow style.
    flow: bool,
    new: String,
    more: Vec<String>,
    append: bool,
}

fn case() -> impl Strategy<Value = Case> {
    let field = prop_oneof![
        select(&["name", "family", "process", "notes"][..]).prop_map(Field::Top),
        Just(Field::Memory),
        prop_oneof![Just("tdp_w".to_string()), hostile_key()].prop_map(Field::Spec),
        select(&["aliases", "sources"][..]).prop_map(Field::List),
    ];
    let old = select(
        &[
            Old::Plain,
            Old::Single,
            Old::Double,
            Old::Folded,
            Old::Literal,
            Old::Null,
            Old::Absent,
        ][..],
    );
    (
        field,
        old,
        any::<bool>(),
        hostile(),
        proptest::collection::vec(hostile(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(field, old, flow, new, more, append)| Case {
            // `name` and a spec cannot be null.
            old: match (&field, old) {
                (Field::Top("name") | Field::Spec(_), Old::Null | Old::Absent) => Old::Plain,
                _ => old,
            },
            field,
            flow,
            new,
            more,
            append,
        })
}

/// Returns `old value` written in the style `old`, as the value of a key at `column`.
fn old_value(old: Old, flow: bool, column: usize) -> Option<String> {
    let deeper = " ".repeat(column + 2);
    Some(match old {
        Old::Plain => "old value".into(),
        Old::Single => "'old value'".into(),
        Old::Double => "\"old \\u00e9 value\"".into(),
        // A block scalar cannot stand inside `{...}`.
        Old::Folded if !flow => format!(">\n{deeper}old\n{deeper}value"),
        Old::Literal if !flow => format!("|-\n{deeper}old value"),
        Old::Null => "".into(),
        Old::Folded | Old::Literal | Old::Absent => return None,
    })
}

/// Returns a vendor file whose first entry holds the field as `case` says, and what it reads.
fn file(case: &Case) -> String {
    let mut pairs: Vec<(String, String)> = vec![
        ("id".into(), "a1".into()),
        ("name".into(), "A1".into()),
        ("kind".into(), "gpu".into()),
        ("status".into(), "announced".into()),
        ("available".into(), "2027".into()),
    ];
    // A top-level field in a flow entry `- {...}`, else a nested mapping or list in flow style.
    let entry_flow = case.flow && matches!(case.field, Field::Top(_));
    let nested_flow = case.flow && !entry_flow;
    let value = old_value(case.old, case.flow, 4);
    match &case.field {
        Field::Top(key) => match value {
            Some(v) if *key == "name" => pairs[1].1 = v,
            Some(v) => pairs.push((key.to_string(), v)),
            None => {}
        },
        Field::Memory => {
            let value = old_value(case.old, nested_flow, 6);
            let mut inner = vec![("capacity_gb".to_string(), "80".to_string())];
            if let Some(v) = value {
                inner.insert(0, ("type".into(), v));
            }
            pairs.push(("memory".into(), nested(&inner, nested_flow, 6)));
        }
        Field::Spec(key) => {
            let value = old_value(case.old, nested_flow, 6);
            let mut inner = vec![("fp8_pflops".to_string(), "5".to_string())];
            if let Some(v) = value.filter(|_| key == "tdp_w") {
                inner.push(("tdp_w".into(), v));
            }
            pairs.push(("specs".into(), nested(&inner, nested_flow, 6)));
        }
        Field::List(key) if case.old != Old::Absent => {
            let list = if case.flow {
                " [old, 'it''s']".to_string()
            } else {
                "\n      - old\n      - 'it''s'".to_string()
            };
            pairs.push((key.to_string(), list));
        }
        Field::List(_) => {}
    }
    let entry = if entry_flow && !pairs.iter().any(|(_, v)| v.contains('\n')) {
        let inner: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.trim_start()))
            .collect();
        format!("  - {{{}}}\n", inner.join(", "))
    } else {
        let mut out = String::new();
        for (i, (k, v)) in pairs.iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let sep = if v.starts_with('\n') || v.starts_with(' ') || v.is_empty() {
                ""
            } else {
                " "
            };
            out.push_str(&format!("{lead}{k}:{sep}{v}\n"));
        }
        out
    };
    format!(
        "vendor: acme\nname: Acme\nentries:\n{entry}  - id: a2  # after\n    name: A2\n    kind: gpu\n    status: announced\n    available: 2028\n"
    )
}

fn nested(pairs: &[(String, String)], flow: bool, column: usize) -> String {
    if flow {
        let inner: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        return format!(" {{{}}}", inner.join(", "));
    }
    let indent = " ".repeat(column);
    pairs
        .iter()
        .map(|(k, v)| {
            let sep = if v.starts_with('\n') || v.is_empty() {
                ""
            } else {
                " "
            };
            format!("\n{indent}{k}:{sep}{v}")
        })
        .collect()
}

fn op(case: &Case) -> Op {
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let text = Value::Text(case.new.clone());
    match &case.field {
        Field::Top(key) => Op::Set(path(&[key]), text),
        Field::Memory => Op::Set(path(&["memory", "type"]), text),
        Field::Spec(key) => Op::Set(path(&["specs", key]), text),
        Field::List(key) if case.append => Op::Append(key.to_string(), case.new.clone()),
        Field::List(key) => {
            let mut items = vec![case.new.clone()];
            items.extend(case.more.iter().cloned());
            Op::Set(path(&[key]), Value::List(items))
        }
    }
}

/// Runs the case on the file with LF, CRLF and CR-only line endings; each must come out with
/// its own line endings only.
fn run(case: &Case) -> Result<(), TestCaseError> {
    let lf = file(case);
    for eol in ["\n", "\r\n", "\r"] {
        let after = run_on(case, &lf.replace('\n', eol))?;
        let foreign = match eol {
            "\n" => after.contains('\r'),
            "\r" => after.contains('\n'),
            _ => after.replace("\r\n", "").contains(['\r', '\n']),
        };
        prop_assert!(
            !foreign,
            "line endings other than {:?} in:\n{:?}",
            eol,
            after
        );
    }
    Ok(())
}

fn run_on(case: &Case, text: &str) -> Result<String, TestCaseError> {
    let decoded = chipmap_reads(text, "acme", FileKind::Vendor)?;
    let old: Vendor = decoded.vendors[0].0.clone();
    let op = op(case);
    let mut want = old.clone();
    want.entries[0] = readback::applied(&old.entries[0], std::slice::from_ref(&op))
        .map_err(TestCaseError::fail)?;
    let after = edit::update(text, "a1", std::slice::from_ref(&op))
        .map_err(|e| TestCaseError::fail(format!("the edit failed: {e}\n{text}")))?;
    let decoded = chipmap_reads(&after, "acme", FileKind::Vendor)?;
    let got: Vec<&Vendor> = decoded.vendors.iter().map(|(v, _)| v).collect();
    prop_assert_eq!(got, vec![&want], "before:\n{}\nafter:\n{}", text, after);
    second::agrees(&after, &second::vendor(&want))
        .map_err(|e| TestCaseError::fail(format!("{e}\nbefore:\n{text}\nafter:\n{after}")))?;
    Ok(after)
}

/// Returns the config with at least 512 cases: one case is cheap, and the styles that break
/// (a single-quoted old value and a new line break) meet in about 1 case in 100.
fn many() -> ProptestConfig {
    let config = config();
    ProptestConfig {
        cases: config.cases.max(512),
        ..config
    }
}

proptest! {
    #![proptest_config(many())]

    #[test]
    fn a_set_value_reads_back_as_set_in_every_old_style(case in case()) {
        run(&case)?;
    }
}
