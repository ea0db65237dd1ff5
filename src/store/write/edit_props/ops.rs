//! Generated operations: field edits, new entries, removals.

use proptest::prelude::*;
use proptest::sample::{Index, select};

use crate::model::{Confidence, Entry, FuzzyDate, Kind, Memory, SpecValue, Status};

use crate::store::write::scalar::Value;

use super::files::{
    ALIASES, FAMILIES, ID_BASES, MEMORY_TYPES, NAMES, NOTES, PROCESSES, SOURCES, SPEC_KEYS,
    capacity, date, dates, gen_memory, spec_pairs, spec_values,
};

// ---------------------------------------------------------------------------------------------
// Generated operations.

#[derive(Debug, Clone)]
pub(super) enum FieldOp {
    Set(Vec<String>, Value),
    /// Set `predecessor` to an entry before the target.
    SetPredecessor(Index),
    Unset(Vec<String>),
    Append(&'static str, &'static str),
}

#[derive(Debug, Clone)]
pub(super) enum GenOp {
    Update(Index, Vec<FieldOp>),
    /// The new entry (id and predecessor filled in when run), its predecessor, and `after`.
    Add(Box<Entry>, &'static str, Option<Index>, Option<Index>),
    Remove(Index),
}

pub(super) fn path(p: &str) -> Vec<String> {
    p.split('.').map(str::to_string).collect()
}

pub(super) fn text_value(pool: &'static [&'static str]) -> impl Strategy<Value = Value> {
    select(pool).prop_map(|s| Value::Text(s.to_string()))
}

pub(super) fn spec_value_op(v: SpecValue) -> Value {
    match v {
        SpecValue::Number(n) => Value::Number(n),
        SpecValue::Bool(b) => Value::Bool(b),
        SpecValue::Text(t) => Value::Text(t),
    }
}

pub(super) fn field_op() -> impl Strategy<Value = FieldOp> {
    let set =
        |p: &'static str, v: BoxedStrategy<Value>| v.prop_map(move |v| FieldOp::Set(path(p), v));
    let date_value = || {
        date()
            .prop_map(|d| Value::Date(FuzzyDate::parse(&d).unwrap()))
            .boxed()
    };
    prop_oneof![
        set("name", text_value(NAMES).boxed()),
        set("family", text_value(FAMILIES).boxed()),
        set(
            "status",
            select(Status::ALL)
                .prop_map(|s| Value::Text(s.to_string()))
                .boxed()
        ),
        set("available", date_value()),
        set("announced", date_value()),
        set("process", text_value(PROCESSES).boxed()),
        set("notes", text_value(NOTES).boxed()),
        set(
            "memory.capacity_gb",
            capacity().prop_map(Value::Number).boxed()
        ),
        set("memory.type", text_value(MEMORY_TYPES).boxed()),
        (select(SPEC_KEYS), select(spec_values()))
            .prop_map(|(k, v)| FieldOp::Set(vec!["specs".into(), k.into()], spec_value_op(v))),
        any::<Index>().prop_map(FieldOp::SetPredecessor),
        select(
            &[
                "family",
                "confidence",
                "announced",
                "available",
                "process",
                "memory",
                "memory.type",
                "memory.capacity_gb",
                "memory.bandwidth_tbs",
                "predecessor",
                "aliases",
                "specs",
                "sources",
                "notes",
            ][..]
        )
        .prop_map(|p| FieldOp::Unset(path(p))),
        select(SPEC_KEYS).prop_map(|k| FieldOp::Unset(vec!["specs".into(), k.into()])),
        select(ALIASES).prop_map(|a| FieldOp::Append("aliases", a)),
        select(SOURCES).prop_map(|s| FieldOp::Append("sources", s)),
    ]
}

pub(super) fn new_entry() -> impl Strategy<Value = Entry> {
    let head = (
        select(NAMES),
        select(Kind::ALL),
        proptest::option::of(select(FAMILIES)),
        select(Status::ALL),
        proptest::option::of(select(Confidence::ALL)),
        dates(),
        proptest::option::of(select(PROCESSES)),
    );
    let tail = (
        proptest::option::weighted(0.4, gen_memory()),
        proptest::collection::vec(select(ALIASES), 0..=2),
        spec_pairs(),
        proptest::collection::vec(select(SOURCES), 0..=2),
        proptest::option::of(select(NOTES)),
    );
    (head, tail).prop_map(
        |(
            (name, kind, family, status, confidence, (announced, available), process),
            (memory, aliases, specs, sources, notes),
        )| {
            let date = |d: Option<String>| d.map(|d| FuzzyDate::parse(&d).unwrap());
            Entry {
                id: String::new(),
                name: name.into(),
                kind,
                family: family.map(Into::into),
                status,
                confidence,
                announced: date(announced),
                available: date(available),
                process: process.map(Into::into),
                memory: memory.map(|m| Memory {
                    kind: m.kind.map(Into::into),
                    capacity_gb: m.capacity,
                    bandwidth_tbs: m.bandwidth,
                }),
                predecessor: None,
                aliases: aliases.into_iter().map(Into::into).collect(),
                specs: specs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                sources: sources.into_iter().map(Into::into).collect(),
                notes: notes.map(Into::into),
            }
        },
    )
}

pub(super) fn gen_op() -> impl Strategy<Value = GenOp> {
    prop_oneof![
        5 => (any::<Index>(), proptest::collection::vec(field_op(), 1..=3))
            .prop_map(|(i, ops)| GenOp::Update(i, ops)),
        2 => (
            new_entry(),
            select(ID_BASES),
            proptest::option::of(any::<Index>()),
            proptest::option::weighted(0.8, any::<Index>()),
        )
            .prop_map(|(e, id, pred, after)| GenOp::Add(Box::new(e), id, pred, after)),
        2 => any::<Index>().prop_map(GenOp::Remove),
    ]
}
