//! Generated vendor files: pools of values, entries and files, and their YAML text.

use proptest::prelude::*;
use proptest::sample::{Index, select};

use crate::model::{Confidence, Kind, SpecValue, Status};

use crate::store::write::scalar::text_to_yaml;

// ---------------------------------------------------------------------------------------------
// Pools of values: plain ones, ones YAML would misread unless quoted, unicode.

pub(super) const ID_BASES: &[&str] = &[
    "h100", "mi300x", "gaudi3", "tpu-v5", "b200", "x", "910c", "2026",
];
pub(super) const NAMES: &[&str] = &[
    "H100",
    "Rubin Ultra",
    "MI355X",
    "2026",
    "yes",
    "a: b",
    "it's",
    "#tag",
    "昇腾 910C",
    "Émeraude",
    "TPU v7 \"Ironwood\"",
    "null",
    "- dash",
    "3.35",
    "x #y",
];
pub(super) const FAMILIES: &[&str] = &[
    "Hopper",
    "Blackwell",
    "CDNA 4",
    "2027",
    "on",
    "Ascend/昇腾",
    "it's",
];
pub(super) const PROCESSES: &[&str] = &["TSMC 4N", "N3P", "Intel 18A", "5nm: TSMC", "#1 fab", "3"];
pub(super) const NOTES: &[&str] = &[
    "free text",
    "a: b",
    "it's # here",
    "GTC 2026 keynote; \"in full production\"",
    "50% faster",
    "[draft]",
    "",
    "yes",
    "ünïcødé ✓",
];
pub(super) const MEMORY_TYPES: &[&str] = &["HBM3", "HBM3E", "LPDDR5X", "2026", "HBM4 (12-Hi)"];
pub(super) const ALIASES: &[&str] = &["GH100", "B200 Ultra", "a, b", "[x]", "yes", "it's", "昇腾"];
pub(super) const SOURCES: &[&str] = &[
    "https://example.com/press",
    "https://example.com/a?b=1#frag",
    "http://x.test/it's",
    "see: vendor blog",
    "#hash",
];
pub(super) const SPEC_KEYS: &[&str] = &["tdp_w", "fp8_pflops", "cowos", "nvlink_gbs", "new_spec"];
pub(super) const CAPACITIES: &[f64] = &[80.0, 141.0, 3.35, 1024.0, 0.5];
pub(super) const COMMENTS: &[&str] = &["# note", "# source: GTC", "# it's \"quoted\"", "# 昇腾"];
pub(super) const HEADERS: &[&str] = &[
    "# Acme roadmap, as public sources stood on 2026-06-30.",
    "# Dates are as precise as their sources (docs/format.md section 3).",
    "# 昇腾 and friends",
    "# entries: newest last",
];
pub(super) const VENDOR_NAMES: &[&str] = &["Acme", "Acme: Labs", "Ácme", "yes"];

pub(super) fn spec_values() -> Vec<SpecValue> {
    vec![
        SpecValue::Number(700.0),
        SpecValue::Number(3.35),
        SpecValue::Bool(true),
        SpecValue::Bool(false),
        SpecValue::Text("CoWoS-L".into()),
        SpecValue::Text("700".into()),
        SpecValue::Text("yes".into()),
    ]
}

// ---------------------------------------------------------------------------------------------
// Generated files.

#[derive(Debug, Clone, Copy)]
pub(super) enum Quote {
    Plain,
    Single,
    Double,
}

/// Returns `s` as a YAML scalar in the given style (plain only when that reads back as `s`).
pub(super) fn scalar(s: &str, quote: Quote) -> String {
    match quote {
        Quote::Plain => text_to_yaml(s),
        Quote::Single => format!("'{}'", s.replace('\'', "''")),
        Quote::Double => serde_json::to_string(s).unwrap(),
    }
}

/// Returns `s` as a scalar inside a flow collection.
pub(super) fn flow_scalar(s: &str) -> String {
    if s.contains([',', '[', ']', '{', '}']) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        text_to_yaml(s)
    }
}

pub(super) fn spec_yaml(v: &SpecValue) -> String {
    match v {
        SpecValue::Number(n) => crate::model::format_number(*n),
        SpecValue::Bool(b) => b.to_string(),
        SpecValue::Text(t) => text_to_yaml(t),
    }
}

/// What stands before an entry.
#[derive(Debug, Clone, Copy)]
pub(super) enum Sep {
    Nothing,
    Blank,
    Comment,
    BlankComment,
}

#[derive(Debug, Clone)]
pub(super) struct GenMemory {
    pub(super) flow: bool,
    pub(super) kind: Option<&'static str>,
    pub(super) capacity: Option<f64>,
    pub(super) bandwidth: Option<f64>,
}

#[derive(Debug, Clone)]
pub(super) struct GenEntry {
    pub(super) id: &'static str,
    pub(super) id_quote: Quote,
    pub(super) name: (&'static str, Quote),
    pub(super) kind: Kind,
    pub(super) family: Option<(&'static str, Quote)>,
    pub(super) status: Status,
    pub(super) confidence: Option<Confidence>,
    pub(super) announced: Option<String>,
    pub(super) available: Option<String>,
    pub(super) process: Option<(&'static str, Quote)>,
    pub(super) memory: Option<GenMemory>,
    pub(super) predecessor: Option<Index>,
    pub(super) aliases: Option<Vec<&'static str>>,
    pub(super) specs: Vec<(&'static str, SpecValue)>,
    pub(super) sources: Option<(Vec<&'static str>, bool)>,
    pub(super) notes: Option<(&'static str, Quote)>,
    /// Bit i: a trailing comment on line i.
    pub(super) comments: u32,
    pub(super) comment: &'static str,
    /// An own-line comment before one of the entry's top-level keys (not the first).
    pub(super) inner_comment: Option<Index>,
    pub(super) before: Sep,
}

#[derive(Debug, Clone)]
pub(super) struct GenFile {
    pub(super) header: Vec<&'static str>,
    pub(super) name: (&'static str, Quote),
    pub(super) name_after_entries: bool,
    pub(super) entries_comment: bool,
    pub(super) dash: usize,
    pub(super) entries: Vec<GenEntry>,
    pub(super) trailer_comment: bool,
    pub(super) crlf: bool,
    pub(super) final_newline: bool,
}

pub(super) fn quote() -> impl Strategy<Value = Quote> {
    prop_oneof![6 => Just(Quote::Plain), 2 => Just(Quote::Single), 2 => Just(Quote::Double)]
}

pub(super) fn text_in(
    pool: &'static [&'static str],
) -> impl Strategy<Value = (&'static str, Quote)> {
    (select(pool), quote())
}

/// A canonical fuzzy date: `2026`, `2026H2`, `2026Q3`, `2026-03`, `2026-03-18`.
pub(super) fn date() -> impl Strategy<Value = String> {
    let year = 2018..=2030i32;
    prop_oneof![
        year.clone().prop_map(|y| y.to_string()),
        (year.clone(), 1..=2u8).prop_map(|(y, h)| format!("{y}H{h}")),
        (year.clone(), 1..=4u8).prop_map(|(y, q)| format!("{y}Q{q}")),
        (year.clone(), 1..=12u8).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (year, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
    ]
}

/// `(announced, available)`, at least one of them.
pub(super) fn dates() -> impl Strategy<Value = (Option<String>, Option<String>)> {
    (
        proptest::option::of(date()),
        proptest::option::of(date()),
        date(),
    )
        .prop_map(|(a, b, c)| match (a, b) {
            (None, None) => (None, Some(c)),
            other => other,
        })
}

pub(super) fn capacity() -> impl Strategy<Value = f64> {
    select(CAPACITIES)
}

pub(super) fn gen_memory() -> impl Strategy<Value = GenMemory> {
    (
        any::<bool>(),
        proptest::option::of(select(MEMORY_TYPES)),
        proptest::option::of(capacity()),
        proptest::option::of(select(&[3.35, 8.0][..])),
    )
        .prop_map(|(flow, kind, capacity, bandwidth)| GenMemory {
            flow,
            kind,
            capacity: if kind.is_none() && bandwidth.is_none() {
                Some(capacity.unwrap_or(80.0))
            } else {
                capacity
            },
            bandwidth,
        })
}

pub(super) fn spec_pairs() -> impl Strategy<Value = Vec<(&'static str, SpecValue)>> {
    proptest::collection::vec((select(SPEC_KEYS), select(spec_values())), 0..=3).prop_map(|pairs| {
        let mut out: Vec<(&'static str, SpecValue)> = Vec::new();
        for (k, v) in pairs {
            if !out.iter().any(|(o, _)| *o == k) {
                out.push((k, v));
            }
        }
        out
    })
}

pub(super) fn sep() -> impl Strategy<Value = Sep> {
    prop_oneof![
        3 => Just(Sep::Nothing),
        2 => Just(Sep::Blank),
        1 => Just(Sep::Comment),
        1 => Just(Sep::BlankComment),
    ]
}

pub(super) fn gen_entry() -> impl Strategy<Value = GenEntry> {
    let head = (
        select(ID_BASES),
        prop_oneof![8 => Just(Quote::Plain), 1 => Just(Quote::Single), 1 => Just(Quote::Double)],
        text_in(NAMES),
        select(Kind::ALL),
        proptest::option::of(text_in(FAMILIES)),
        select(Status::ALL),
        proptest::option::of(select(Confidence::ALL)),
        dates(),
        proptest::option::of(text_in(PROCESSES)),
    );
    let tail = (
        proptest::option::weighted(0.4, gen_memory()),
        proptest::option::of(any::<Index>()),
        proptest::option::weighted(0.3, proptest::collection::vec(select(ALIASES), 1..=3)),
        spec_pairs(),
        proptest::option::weighted(
            0.4,
            (
                proptest::collection::vec(select(SOURCES), 1..=3),
                proptest::bool::weighted(0.2),
            ),
        ),
        proptest::option::weighted(0.4, text_in(NOTES)),
        any::<u32>().prop_map(|bits| bits & bits.rotate_left(7) & bits.rotate_left(13)),
        select(COMMENTS),
        proptest::option::weighted(0.2, any::<Index>()),
        sep(),
    );
    (head, tail).prop_map(
        |(
            (id, id_quote, name, kind, family, status, confidence, (announced, available), process),
            (
                memory,
                predecessor,
                aliases,
                specs,
                sources,
                notes,
                comments,
                comment,
                inner_comment,
                before,
            ),
        )| GenEntry {
            id,
            id_quote,
            name,
            kind,
            family,
            status,
            confidence,
            announced,
            available,
            process,
            memory,
            predecessor,
            aliases,
            specs,
            sources,
            notes,
            comments,
            comment,
            inner_comment,
            before,
        },
    )
}

pub(super) fn gen_file() -> impl Strategy<Value = GenFile> {
    (
        proptest::collection::vec(select(HEADERS), 1..=2),
        text_in(VENDOR_NAMES),
        proptest::bool::weighted(0.2),
        proptest::bool::weighted(0.2),
        select(&[0usize, 2, 2, 2, 4][..]),
        proptest::collection::vec(gen_entry(), 3..=10),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                header,
                name,
                name_after_entries,
                entries_comment,
                dash,
                entries,
                trailer_comment,
                crlf,
                final_newline,
            )| GenFile {
                header,
                name,
                name_after_entries,
                entries_comment,
                dash,
                entries,
                trailer_comment,
                crlf,
                final_newline,
            },
        )
}

/// Returns unique ids for the generated entries.
pub(super) fn unique_ids(entries: &[GenEntry]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let id = if ids.iter().any(|x| x == e.id) {
            format!("{}-{i}", e.id)
        } else {
            e.id.to_string()
        };
        ids.push(id);
    }
    ids
}

pub(super) fn render_entry(
    e: &GenEntry,
    id: &str,
    predecessor: Option<&str>,
    dash: usize,
) -> Vec<String> {
    let k = " ".repeat(dash + 2);
    let kk = " ".repeat(dash + 4);
    // (is a top-level key of the entry, line)
    let mut lines: Vec<(bool, String)> = Vec::new();
    let mut top = |line: String| lines.push((true, line));
    top(format!(
        "{}- id: {}",
        " ".repeat(dash),
        scalar(id, e.id_quote)
    ));
    top(format!("{k}name: {}", scalar(e.name.0, e.name.1)));
    top(format!("{k}kind: {}", e.kind));
    if let Some((f, q)) = e.family {
        top(format!("{k}family: {}", scalar(f, q)));
    }
    top(format!("{k}status: {}", e.status));
    if let Some(c) = e.confidence {
        top(format!("{k}confidence: {c}"));
    }
    if let Some(d) = &e.announced {
        top(format!("{k}announced: {d}"));
    }
    if let Some(d) = &e.available {
        top(format!("{k}available: {d}"));
    }
    if let Some((p, q)) = e.process {
        top(format!("{k}process: {}", scalar(p, q)));
    }
    let fmt = crate::model::format_number;
    if let Some(m) = &e.memory {
        let parts: Vec<(&str, String)> = [
            ("type", m.kind.map(flow_scalar)),
            ("capacity_gb", m.capacity.map(fmt)),
            ("bandwidth_tbs", m.bandwidth.map(fmt)),
        ]
        .into_iter()
        .filter_map(|(key, v)| v.map(|v| (key, v)))
        .collect();
        if m.flow {
            let inner: Vec<String> = parts.iter().map(|(key, v)| format!("{key}: {v}")).collect();
            top(format!("{k}memory: {{{}}}", inner.join(", ")));
        } else {
            top(format!("{k}memory:"));
            for (key, v) in parts {
                lines.push((false, format!("{kk}{key}: {v}")));
            }
        }
    }
    let mut top = |line: String| lines.push((true, line));
    if let Some(p) = predecessor {
        top(format!("{k}predecessor: {}", text_to_yaml(p)));
    }
    if let Some(a) = &e.aliases {
        let items: Vec<String> = a.iter().map(|s| flow_scalar(s)).collect();
        top(format!("{k}aliases: [{}]", items.join(", ")));
    }
    if !e.specs.is_empty() {
        top(format!("{k}specs:"));
        for (key, v) in &e.specs {
            lines.push((false, format!("{kk}{key}: {}", spec_yaml(v))));
        }
    }
    if let Some((items, indentless)) = &e.sources {
        lines.push((true, format!("{k}sources:")));
        let at = if *indentless { &k } else { &kk };
        for s in items {
            lines.push((false, format!("{at}- {}", text_to_yaml(s))));
        }
    }
    if let Some((n, q)) = e.notes {
        lines.push((true, format!("{k}notes: {}", scalar(n, q))));
    }
    let mut out: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, (_, line))| {
            if i < 32 && e.comments & (1 << i) != 0 {
                format!("{line}  {}", e.comment)
            } else {
                line.clone()
            }
        })
        .collect();
    if let Some(at) = e.inner_comment {
        let candidates: Vec<usize> = (1..lines.len()).filter(|i| lines[*i].0).collect();
        if !candidates.is_empty() {
            let i = candidates[at.index(candidates.len())];
            out.insert(i, format!("{k}# inner {}", e.comment));
        }
    }
    out
}

impl GenFile {
    fn eol(&self) -> &'static str {
        if self.crlf { "\r\n" } else { "\n" }
    }

    pub(super) fn render(&self) -> String {
        let ids = unique_ids(&self.entries);
        let mut lines: Vec<String> = self.header.iter().map(|h| h.to_string()).collect();
        lines.push("vendor: acme".into());
        let name_line = format!("name: {}", scalar(self.name.0, self.name.1));
        if !self.name_after_entries {
            lines.push(name_line.clone());
        }
        lines.push(if self.entries_comment {
            "entries:  # newest last".into()
        } else {
            "entries:".into()
        });
        let indent = " ".repeat(self.dash);
        for (i, e) in self.entries.iter().enumerate() {
            if matches!(e.before, Sep::Blank | Sep::BlankComment) && i > 0 {
                lines.push(String::new());
            }
            if matches!(e.before, Sep::Comment | Sep::BlankComment) {
                lines.push(format!("{indent}# Section {i} {}", e.comment));
            }
            let predecessor = match (e.predecessor, i) {
                (Some(at), i) if i > 0 => Some(ids[at.index(i)].as_str()),
                _ => None,
            };
            lines.extend(render_entry(e, &ids[i], predecessor, self.dash));
        }
        if self.trailer_comment {
            lines.push(String::new());
            lines.push("# end of file".into());
        }
        if self.name_after_entries {
            lines.push(name_line);
        }
        let mut text = lines.join(self.eol());
        if self.final_newline {
            text.push_str(self.eol());
        }
        text
    }
}
