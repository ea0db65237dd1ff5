//! Histories built by hand, and what each format makes of them.

mod formats;
mod text;

use std::io::Write;

use chrono::NaiveDate;

use super::HistoryView;
use crate::diff::{EntryHistory, Event, FieldChange, FieldValue, Histories, Position, Step};
use crate::model::{Entry, FuzzyDate, Status, VersionInfo};
use crate::render::visible::Visible;

/// A URL longer than any width the tests draw at.
const LONG_URL: &str = "https://nvidianews.nvidia.com/news/nvidia-announces-rubin-ultra-and-the-vera-rubin-nvl576-platform-for-2027";

fn date(text: &str) -> FuzzyDate {
    FuzzyDate::parse(text).unwrap()
}

fn version(name: &str, taken: Option<&str>, subject: Option<&str>) -> VersionInfo {
    VersionInfo {
        name: name.into(),
        taken: taken.map(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()),
        subject: subject.map(str::to_string),
    }
}

/// Returns a change of a date field, with its shift.
fn moved(path: &str, old: &str, new: &str) -> FieldChange {
    FieldChange {
        path: path.into(),
        old: Some(FieldValue::Date(date(old))),
        new: Some(FieldValue::Date(date(new))),
        shift: date(old).shift_to(&date(new)),
        corrects: false,
    }
}

/// Returns a change of any other field.
fn changed(path: &str, old: Option<FieldValue>, new: Option<FieldValue>) -> FieldChange {
    FieldChange {
        path: path.into(),
        old,
        new,
        shift: None,
        corrects: false,
    }
}

fn text(value: &str) -> Option<FieldValue> {
    Some(FieldValue::Text(value.into()))
}

fn position(key: &str, name: &str, available: &str) -> Position {
    Position {
        key: key.into(),
        name: name.into(),
        status: Status::Announced,
        available: Some(date(available)),
        memory: None,
    }
}

fn step(version: usize, event: Event, fields: Vec<FieldChange>, after: Position) -> Step {
    Step {
        version,
        event,
        fields,
        sources_added: Vec::new(),
        after,
    }
}

/// Returns an entry's history over four versions, from `first_version`, with these steps.
fn history(key: &str, name: &str, first_version: usize, steps: Vec<Step>) -> EntryHistory {
    let (vendor, id) = key.split_once('/').unwrap();
    let entry = Entry {
        available: Some(date("2027")),
        ..Entry::bare(id, name)
    };
    let dropped = steps.last().is_some_and(|s| s.event == Event::Dropped);
    let last_version = match steps.last() {
        Some(s) if dropped => s.version - 1,
        _ => 3,
    };
    EntryHistory {
        key: key.into(),
        vendor: vendor.into(),
        name: name.into(),
        former_keys: Vec::new(),
        first_version,
        first: entry.clone(),
        last: entry,
        last_version,
        steps,
    }
}

/// Returns the histories the tests draw: NVIDIA's Rubin Ultra as docs/format.md section 8
/// tells it (refined, then widened; more memory; a source), Rubin that did not change, a
/// B300 renamed from B300 Ultra, AMD's MI500 that slipped, was dropped and came back, and
/// one that is new and one that only had its notes changed.
fn sample() -> Histories {
    let versions = vec![
        version("2024-06-02-computex", Some("2024-06-02"), None),
        version(
            "2025-03-18-gtc",
            Some("2025-03-18"),
            Some("GTC 2025 keynote"),
        ),
        version("2026-03-16-gtc", Some("2026-03-16"), None),
        VersionInfo::working(),
    ];
    let ultra = "nvidia/rubin-ultra";
    let mut refined = step(
        1,
        Event::Changed,
        vec![
            moved("available", "2027", "2027H2"),
            changed(
                "memory.capacity_gb",
                Some(FieldValue::Number(1024.0)),
                Some(FieldValue::Number(576.0)),
            ),
            changed(
                "sources",
                None,
                Some(FieldValue::List(vec![LONG_URL.into()])),
            ),
        ],
        position(ultra, "Rubin Ultra", "2027H2"),
    );
    refined.sources_added = vec![LONG_URL.into()];
    let widened = step(
        2,
        Event::Changed,
        vec![moved("available", "2027H2", "2027")],
        position(ultra, "Rubin Ultra", "2027"),
    );
    let mut b300 = history(
        "nvidia/b300",
        "B300",
        0,
        vec![step(
            1,
            Event::Changed,
            vec![changed("id", text("b300-ultra"), text("b300"))],
            position("nvidia/b300", "B300", "2027"),
        )],
    );
    b300.former_keys = vec!["nvidia/b300-ultra".into()];
    b300.first.id = "b300-ultra".into();
    let mi500 = "amd/mi500";
    let mi500_steps = vec![
        step(
            1,
            Event::Changed,
            vec![moved("available", "2026H1", "2026H2")],
            position(mi500, "MI500", "2026H2"),
        ),
        step(
            2,
            Event::Dropped,
            Vec::new(),
            position(mi500, "MI500", "2026H2"),
        ),
        step(
            3,
            Event::Back,
            vec![changed("status", text("announced"), text("sampling"))],
            position(mi500, "MI500", "2026H2"),
        ),
    ];
    let mut mi500 = history(mi500, "MI500", 0, mi500_steps);
    mi500.first.available = Some(date("2026H1"));
    let notes = step(
        2,
        Event::Changed,
        vec![changed(
            "notes",
            text("Eight stacks of HBM3 on one package, shipping to cloud providers first"),
            text("Eight stacks of HBM3E on one package, shipping to cloud providers first"),
        )],
        position("amd/mi300x", "MI300X", "2023"),
    );
    Histories {
        vendor_names: vec![
            ("nvidia".into(), "NVIDIA".into()),
            ("amd".into(), "AMD".into()),
        ],
        versions,
        entries: vec![
            history(ultra, "Rubin Ultra", 0, vec![refined, widened]),
            history("nvidia/rubin", "Rubin", 0, Vec::new()),
            b300,
            mi500,
            history("amd/mi400", "MI400", 2, Vec::new()),
            history("amd/mi300x", "MI300X", 0, vec![notes]),
        ],
    }
}

/// Returns a view of every entry of `histories`.
fn view(histories: &Histories) -> HistoryView<'_> {
    HistoryView {
        histories,
        entries: histories.entries.iter().collect(),
    }
}

/// Returns what `draw` writes, as the output filter shows it (control characters visible).
fn drawn(draw: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> String {
    let mut raw = Vec::new();
    draw(&mut raw).unwrap();
    let mut shown = Vec::new();
    let mut filter = Visible::new(&mut shown, false);
    filter.write_all(&raw).unwrap();
    filter.finish().unwrap();
    drop(filter);
    String::from_utf8(shown).unwrap()
}
