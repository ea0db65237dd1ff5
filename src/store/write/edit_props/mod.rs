//! Property tests of the format-preserving edits in `edit.rs`: random vendor files (comments,
//! blank lines, quoting, flow and block values, LF or CRLF, with or without a final newline)
//! and random sequences of update / add / remove. After each step the file still checks clean,
//! the typed model changed exactly as intended, every line outside the touched entry is
//! byte-for-byte what it was, the line endings are the file's own, and a second YAML reader
//! (libyaml, `second.rs`) reads the same as chipmap. `values.rs`: a value set in any old style
//! reads back as set; `whole.rs`: what is written whole (snapshots, vendor files, new entries)
//! reads back equal, over hostile text (`hostile.rs`).
//!
//! `PROPTEST_CASES` sets the number of cases per property (default 64). The regression tests
//! at the end pin the bugs the properties found, each named after what broke.

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;

use crate::model::{Entry, SpecValue};

use super::edit::{self, Op};
use super::scalar::Value;

use expect::{Touched, apply_model, check_no_empty_parent, check_step, fail, load, resolve};
use files::{GenFile, gen_file};
use ops::{GenOp, gen_op, path};

mod expect;
mod files;
mod hostile;
mod ops;
mod second;
mod values;
mod whole;

// ---------------------------------------------------------------------------------------------
// Running a sequence.

fn fresh_id(entries: &[Entry], base: &str) -> String {
    let taken = |id: &str| entries.iter().any(|e| e.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (1..)
        .map(|n| format!("{base}-n{n}"))
        .find(|id| !taken(id))
        .unwrap()
}

fn run(file: &GenFile, ops: &[GenOp]) -> Result<(), TestCaseError> {
    let mut text = file.render();
    let mut model =
        load(&text).map_err(|d| TestCaseError::fail(format!("generated file: {d}\n{text}")))?;
    prop_assert_eq!(
        model.entries.len(),
        file.entries.len(),
        "generated file:\n{}",
        text
    );
    for op in ops {
        let n = model.entries.len();
        let mut expected = model.clone();
        let (result, touched_id, desc, touched) = match op {
            GenOp::Update(at, fops) => {
                if n == 0 {
                    continue;
                }
                let target = at.index(n);
                let id = model.entries[target].id.clone();
                let mut resolved = Vec::new();
                for f in fops {
                    // Resolve against the model as it stands after the earlier ops.
                    if let Some(o) = resolve(f, &expected.entries, target) {
                        apply_model(&mut expected.entries[target], &o);
                        resolved.push(o);
                    }
                }
                let desc = format!("update({id:?}, {resolved:?})");
                (edit::update(&text, &id, &resolved), id, desc, 0)
            }
            GenOp::Add(entry, base, pred, after) => {
                let mut entry = (**entry).clone();
                entry.id = fresh_id(&model.entries, base);
                let after = if n == 0 {
                    None
                } else {
                    after.map(|a| a.index(n))
                };
                let position = after.map_or(n, |a| a + 1);
                if position > 0 {
                    entry.predecessor = pred.map(|p| model.entries[p.index(position)].id.clone());
                }
                expected.entries.insert(position, entry.clone());
                let desc = format!("add({entry:?}, after: {after:?})");
                (edit::add(&text, &entry, after), entry.id.clone(), desc, 1)
            }
            GenOp::Remove(at) => {
                let free: Vec<usize> = (0..n)
                    .filter(|i| {
                        let id = &model.entries[*i].id;
                        !model
                            .entries
                            .iter()
                            .any(|e| e.predecessor.as_ref() == Some(id))
                    })
                    .collect();
                if free.is_empty() {
                    continue;
                }
                let target = free[at.index(free.len())];
                let id = expected.entries.remove(target).id;
                let desc = format!("remove({id:?})");
                (edit::remove(&text, &id), id, desc, 2)
            }
        };
        let after = result.map_err(|e| fail(&format!("the edit failed: {e}"), &text, "", &desc))?;
        let touched_kind = match touched {
            0 => Touched::Update(&touched_id),
            1 => Touched::Add(&touched_id),
            _ => Touched::Remove(&touched_id),
        };
        check_step(&text, &after, touched_kind, &expected, &desc)?;
        second::agrees(&after, &second::vendor(&expected))
            .map_err(|e| fail(&format!("another YAML reader: {e}"), &text, &after, &desc))?;
        if let GenOp::Update(..) = op
            && let Some(e) = expected.entries.iter().find(|e| e.id == touched_id)
        {
            check_no_empty_parent(&after, &touched_id, e, &text, &desc)?;
        }
        text = after;
        model = expected;
    }
    Ok(())
}

/// Returns the config of these properties: 64 cases by default.
fn config() -> ProptestConfig {
    crate::store::read::fuzz_props::config(64)
}

proptest! {
    #![proptest_config(config())]

    /// Properties 1-3: random files, random edit sequences, checked after every step.
    #[test]
    fn edits_change_only_what_they_touch(
        file in gen_file(),
        ops in proptest::collection::vec(gen_op(), 1..=8),
    ) {
        run(&file, &ops)?;
    }

    /// Properties 1-3 through an empty list: remove every entry (`entries: []`), then add.
    #[test]
    fn emptying_and_refilling(
        file in gen_file(),
        picks in proptest::collection::vec(any::<Index>(), 10),
        adds in proptest::collection::vec(gen_op(), 1..=3),
    ) {
        let mut ops: Vec<GenOp> = picks[..file.entries.len()].iter().copied().map(GenOp::Remove).collect();
        ops.extend(adds);
        run(&file, &ops)?;
    }

    /// Property 4: an update with no ops, or unsetting absent fields, is byte-identical.
    #[test]
    fn no_edit_is_byte_identical(file in gen_file()) {
        let text = file.render();
        let vendor = load(&text).map_err(|d| TestCaseError::fail(format!("generated: {d}\n{text}")))?;
        for e in &vendor.entries {
            prop_assert_eq!(&edit::update(&text, &e.id, &[]).unwrap(), &text);
            let mut absent = Vec::new();
            if e.family.is_none() { absent.push(path("family")); }
            if e.process.is_none() { absent.push(path("process")); }
            if e.notes.is_none() { absent.push(path("notes")); }
            if e.predecessor.is_none() { absent.push(path("predecessor")); }
            if e.memory.is_none() { absent.push(path("memory.type")); }
            if e.memory.as_ref().is_some_and(|m| m.bandwidth_tbs.is_none()) {
                absent.push(path("memory.bandwidth_tbs"));
            }
            if !e.specs.iter().any(|(k, _)| k == "absent_spec") {
                absent.push(path("specs.absent_spec"));
            }
            for p in absent {
                let out = edit::update(&text, &e.id, &[Op::Unset(p.clone())]);
                prop_assert_eq!(out.as_deref(), Ok(text.as_str()), "unset {:?} of {}", p, e.id);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Regressions: the minimal cases the properties found.

const MINIMAL: &str = "vendor: acme\nname: Acme\nentries:\n  - id: a\n    name: A\n    kind: gpu\n    status: shipping\n    available: 2026\n";

fn entry_b(tail: &str) -> String {
    format!(
        "{MINIMAL}  - id: b\n    name: B\n    kind: gpu\n    status: shipping\n    available: 2026{tail}"
    )
}

/// Bug A: removing the last entry of a file without a final line break, with a blank line
/// before it, left the file ending in a line break. Fixed in 21c7eb8.
#[test]
fn remove_last_entry_keeps_missing_final_newline() {
    let text = format!("{MINIMAL}\n{}", entry_b("").trim_start_matches(MINIMAL));
    let out = edit::remove(&text, "b").unwrap();
    assert_eq!(out, MINIMAL.trim_end());
}

/// Bug B: unsetting the first key of a nested block mapping did nothing. Fixed in 21c7eb8.
#[test]
fn unset_first_key_of_nested_block_mapping() {
    let text = format!("{MINIMAL}    memory:\n      type: HBM3\n      capacity_gb: 80\n");
    let out = edit::update(&text, "a", &[Op::Unset(path("memory.type"))]).unwrap();
    assert_eq!(
        out,
        format!("{MINIMAL}    memory:\n      capacity_gb: 80\n")
    );
    let text = format!("{MINIMAL}    specs:\n      tdp_w: 700\n");
    let out = edit::update(&text, "a", &[Op::Unset(path("specs.tdp_w"))]).unwrap();
    assert_eq!(out, MINIMAL);
}

/// Bug C: appending to a flow list wrote the item plain, so `a, b` became two aliases.
#[test]
fn append_to_flow_list_quotes_flow_indicators() {
    let text = format!("{MINIMAL}    aliases: [A]\n");
    for item in ["a, b", "x]", "a{b}"] {
        let out = edit::update(&text, "a", &[Op::Append("aliases".into(), item.into())]).unwrap();
        let aliases = load(&out).map(|v| v.entries[0].aliases.clone());
        assert_eq!(
            aliases,
            Ok(vec!["A".to_string(), item.to_string()]),
            "{out}"
        );
    }
}

/// Bug D: a value or entry ending in a multi-byte character at the very end of the file (no
/// final line break) panicked: `end - 1` fell inside the character. Fixed in 21c7eb8.
#[test]
fn edits_at_a_multibyte_end_of_file() {
    let text = entry_b("\n    notes: 昇腾");
    let out = edit::update(
        &text,
        "b",
        &[Op::Set(path("notes"), Value::Text("x".into()))],
    );
    assert_eq!(out, Ok(entry_b("\n    notes: x")));
    let out = edit::update(&text, "b", &[Op::Unset(path("notes"))]);
    assert_eq!(out, Ok(entry_b("")));
    assert_eq!(edit::remove(&text, "b"), Ok(MINIMAL.trim_end().to_string()));
}

fn new_a() -> Entry {
    let mut v = load(MINIMAL).unwrap();
    v.entries.remove(0)
}

/// Bug E: adding the first entry to `entries: []` looks for the first `entries:` anywhere in
/// the text, so a header comment that mentions it gets the entry.
#[test]
fn add_first_entry_below_the_entries_key_not_a_comment() {
    let text = "# entries: newest last\nvendor: acme\nname: Acme\nentries: []\n";
    let out = edit::add(text, &new_a(), None).unwrap();
    assert_eq!(out, format!("# entries: newest last\n{MINIMAL}"), "{out}");
}

/// Bug F: adding the first entry to `entries: []`, the last line of a file without a final
/// line break, added one.
#[test]
fn add_first_entry_keeps_missing_final_newline() {
    let out = edit::add("vendor: acme\nname: Acme\nentries: []", &new_a(), None).unwrap();
    assert_eq!(out, MINIMAL.trim_end(), "{out:?}");
}

/// A spec key over YAML's 1024-character implicit-key limit was written `key: value`, which
/// no reader takes; it is written `? key` / `: value` now, and replaced in place after.
#[test]
fn a_spec_key_over_the_implicit_key_limit_is_written_explicitly() {
    let key = "k".repeat(1100);
    let set = |n: f64| Op::Set(vec!["specs".into(), key.clone()], Value::Number(n));
    let text = format!("{MINIMAL}    specs:\n      tdp_w: 700\n");
    let out = edit::update(&text, "a", &[set(1.0)]).unwrap();
    assert!(
        out.contains(&format!("      ? {key}\n      : 1\n")),
        "{out}"
    );
    let out = edit::update(&out, "a", &[set(2.0)]).unwrap();
    let specs = load(&out).map(|v| v.entries[0].specs.clone());
    let want = vec![
        ("tdp_w".to_string(), SpecValue::Number(700.0)),
        (key.clone(), SpecValue::Number(2.0)),
    ];
    assert_eq!(specs, Ok(want));
}
