//! Generated roadmaps with hostile text in every field and spec key: YAML indicators, words and
//! numbers YAML would misread, line breaks, control characters, bidi overrides, long text.

use proptest::prelude::*;
use proptest::sample::select;

use crate::model::{
    Confidence, Entry, FuzzyDate, Kind, Memory, Roadmap, SpecValue, Status, Vendor,
};

use super::files::date;

/// Pieces that each break some naive way of writing YAML.
const PIECES: &[&str] = &[
    "'",
    "\"",
    "#",
    ": ",
    " #",
    " ",
    "  ",
    "- ",
    "-",
    "?",
    ":",
    "[",
    "]",
    "{",
    "}",
    ",",
    "*",
    "&",
    "!",
    "%",
    "@",
    "`",
    "|",
    ">",
    "<<",
    "=",
    "\\",
    "---",
    "...",
    "yes",
    "no",
    "on",
    "off",
    "null",
    "Null",
    "~",
    "y",
    "true",
    "False",
    "1e3",
    "0x1F",
    "0o17",
    "0b101",
    ".nan",
    ".inf",
    "-.inf",
    "2026-03-18",
    "2026-03-18T10:00",
    "1:20",
    "1_000",
    "0777",
    "+1",
    ".5",
    "",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "\r\n",
    "\u{1b}",
    "\u{7}",
    "\0",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{202e}",
    "\u{2066}",
    "\u{200f}",
    "\u{fffe}",
    "昇腾",
    "Émeraude",
    "😀",
    "a",
    "x y",
    "H100",
    "%TAG",
    "&anchor",
    "*alias",
    "!!str",
];

/// Words that are valid ids (slugs) yet read as something else by some YAML reader.
const HOSTILE_SLUGS: &[&str] = &[
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "null",
    "true",
    "1e3",
    "0x1f",
    "0o17",
    "0b101",
    "2026",
    "2026-03-18",
    "1-2",
    "-",
    "---",
    "-1",
    "0777",
    "1e-3",
];

/// Returns hostile text: one piece, several joined, arbitrary characters, or a long line.
pub(super) fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(PIECES).prop_map(str::to_string),
        4 => proptest::collection::vec(select(PIECES), 0..6).prop_map(|p| p.concat()),
        2 => any::<String>(),
        1 => (select(PIECES), 200..3000usize).prop_map(|(p, n)| format!("{}{p}", "long ".repeat(n / 5))),
    ]
}

/// Returns a hostile spec key: like hostile text but short enough to be an implicit key.
pub(super) fn hostile_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(PIECES).prop_map(str::to_string),
        4 => proptest::collection::vec(select(PIECES), 0..5).prop_map(|p| p.concat()),
        2 => "\\PC{0,20}",
        // Longer than YAML allows an implicit key.
        1 => (select(PIECES), 1000..1500usize).prop_map(|(p, n)| format!("{p}{}", "k".repeat(n))),
    ]
}

fn slug() -> impl Strategy<Value = String> {
    prop_oneof![
        select(HOSTILE_SLUGS).prop_map(str::to_string),
        "[a-z0-9-]{1,12}",
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        select(
            &[
                80.0,
                3.35,
                0.5,
                1e15,
                1e21,
                1e-7,
                5e-324,
                1.7976931348623157e308
            ][..]
        ),
        proptest::num::f64::POSITIVE | proptest::num::f64::NORMAL,
    ]
}

fn spec_value() -> impl Strategy<Value = SpecValue> {
    prop_oneof![
        number().prop_map(SpecValue::Number),
        number().prop_map(|n| SpecValue::Number(-n)),
        any::<bool>().prop_map(SpecValue::Bool),
        hostile().prop_map(SpecValue::Text),
    ]
}

fn fuzzy(d: Option<String>) -> Option<FuzzyDate> {
    d.map(|d| FuzzyDate::parse(&d).unwrap())
}

/// Returns an entry with every field drawn, hostile wherever the field is free text.
pub(super) fn hostile_entry() -> impl Strategy<Value = Entry> {
    let head = (
        slug(),
        hostile(),
        select(Kind::ALL),
        proptest::option::of(hostile()),
        select(Status::ALL),
        proptest::option::of(select(Confidence::ALL)),
        (proptest::option::of(date()), date()),
        proptest::option::of(hostile()),
    );
    let memory = (
        proptest::option::of(hostile()),
        proptest::option::of(number()),
        proptest::option::of(number()),
    )
        .prop_map(|(kind, capacity_gb, bandwidth_tbs)| Memory {
            kind,
            capacity_gb: capacity_gb.or(Some(1.0)),
            bandwidth_tbs,
        });
    let tail = (
        proptest::option::of(memory),
        proptest::collection::vec(hostile(), 0..3),
        proptest::collection::vec((hostile_key(), spec_value()), 0..5),
        proptest::collection::vec(hostile(), 0..3),
        proptest::option::of(hostile()),
    );
    (head, tail).prop_map(|(head, tail)| {
        let (id, name, kind, family, status, confidence, (announced, available), process) = head;
        let (memory, aliases, specs, sources, notes) = tail;
        let mut unique: Vec<(String, SpecValue)> = Vec::new();
        for (k, v) in specs {
            if !unique.iter().any(|(u, _)| *u == k) {
                unique.push((k, v));
            }
        }
        Entry {
            id,
            name,
            kind,
            family,
            status,
            confidence,
            announced: fuzzy(announced),
            available: fuzzy(Some(available)),
            process,
            memory,
            predecessor: None,
            aliases,
            specs: unique,
            sources,
            notes,
        }
    })
}

/// Returns a vendor whose entries have unique ids, each predecessor an earlier entry.
pub(super) fn hostile_vendor() -> impl Strategy<Value = Vendor> {
    (
        slug(),
        hostile(),
        proptest::collection::vec(
            (hostile_entry(), any::<Option<prop::sample::Index>>()),
            0..5,
        ),
    )
        .prop_map(|(vendor, name, drawn)| {
            let mut entries: Vec<Entry> = Vec::new();
            for (i, (mut entry, predecessor)) in drawn.into_iter().enumerate() {
                while entries.iter().any(|e| e.id == entry.id) {
                    entry.id = format!("{}-{i}", entry.id);
                }
                if !entries.is_empty() {
                    entry.predecessor =
                        predecessor.map(|p| entries[p.index(entries.len())].id.clone());
                }
                entries.push(entry);
            }
            Vendor {
                vendor,
                name,
                entries,
                ..Vendor::default()
            }
        })
}

/// Returns a roadmap of vendors with unique ids.
pub(super) fn hostile_roadmap() -> impl Strategy<Value = Roadmap> {
    proptest::collection::vec(hostile_vendor(), 0..4).prop_map(|drawn| {
        let mut vendors: Vec<Vendor> = Vec::new();
        for (i, mut vendor) in drawn.into_iter().enumerate() {
            while vendors.iter().any(|v| v.vendor == vendor.vendor) {
                vendor.vendor = format!("{}-{i}", vendor.vendor);
            }
            vendors.push(vendor);
        }
        Roadmap { vendors }
    })
}
