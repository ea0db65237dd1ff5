//! The chart drawn from histories built by hand.

use chrono::NaiveDate;

use super::super::Paint;
use super::{MAX_ENTRIES, TrendChart, write_chart};
use crate::diff::{EntryHistory, Event, FieldChange, FieldValue, Histories, Position, Step};
use crate::model::{Entry, FuzzyDate, VersionInfo};

fn day(text: &str) -> NaiveDate {
    FuzzyDate::parse_day(text).unwrap()
}

fn date(text: &str) -> FuzzyDate {
    FuzzyDate::parse(text).unwrap()
}

/// Returns versions taken on `days`, then the working data.
fn versions(days: &[&str]) -> Vec<VersionInfo> {
    let mut list: Vec<VersionInfo> = days
        .iter()
        .map(|d| VersionInfo {
            name: format!("{d}-snap"),
            taken: Some(day(d)),
            subject: None,
        })
        .collect();
    list.push(VersionInfo::working());
    list
}

/// Returns an entry of `acme` whose `available` date is `promises[v]` in version `v` (from
/// its first `Some`); a `None` after that drops it, a `Some` after a `None` brings it back.
fn entry(id: &str, name: &str, promises: &[Option<&str>]) -> EntryHistory {
    let first_version = promises.iter().position(Option::is_some).unwrap();
    let at = |v: usize| promises[v].map(date);
    let bare = |v: usize| Entry {
        available: at(v),
        ..Entry::bare(id, name)
    };
    let mut steps = Vec::new();
    let mut held = at(first_version);
    let mut last_version = first_version;
    for v in first_version + 1..promises.len() {
        let (event, fields) = match (held, at(v), promises[v - 1]) {
            (_, None, Some(_)) => (Event::Dropped, Vec::new()),
            (_, None, None) => continue,
            (old, Some(new), None) => (Event::Back, change(old, new)),
            (old, Some(new), Some(_)) if old != Some(new) => (Event::Changed, change(old, new)),
            _ => {
                last_version = v;
                continue;
            }
        };
        if event != Event::Dropped {
            held = at(v);
            last_version = v;
        }
        let after = Position {
            available: held,
            ..Position::of("acme", &bare(first_version))
        };
        steps.push(Step {
            version: v,
            event,
            fields,
            sources_added: Vec::new(),
            after,
        });
    }
    EntryHistory {
        key: format!("acme/{id}"),
        vendor: "acme".into(),
        name: name.into(),
        former_keys: Vec::new(),
        first_version,
        first: bare(first_version),
        last: Entry {
            available: held,
            ..Entry::bare(id, name)
        },
        last_version,
        steps,
    }
}

fn change(old: Option<FuzzyDate>, new: FuzzyDate) -> Vec<FieldChange> {
    vec![FieldChange {
        path: "available".into(),
        old: old.map(FieldValue::Date),
        new: Some(FieldValue::Date(new)),
        shift: old.and_then(|o| o.shift_to(&new)),
    }]
}

fn draw(histories: &Histories, today: &str, width: usize, paint: Paint) -> String {
    let chart = TrendChart {
        histories,
        entries: histories.entries.iter().collect(),
        today: day(today),
    };
    let mut out = Vec::new();
    write_chart(&mut out, &chart, width, paint).unwrap();
    String::from_utf8(out).unwrap()
}

fn plain(histories: &Histories, width: usize) -> String {
    draw(histories, "2026-03-20", width, Paint { enabled: false })
}

/// Returns six entries over six snapshots from 2024-06 and the working data, with promises
/// from 2025 to 2029 (the shipped data's story, and Feynman).
fn six() -> Histories {
    let versions = versions(&[
        "2024-06-02",
        "2024-08-31",
        "2025-03-18",
        "2025-06-30",
        "2025-11-30",
        "2026-03-16",
    ]);
    let (y26, h26, y27, h27) = (Some("2026"), Some("2026H2"), Some("2027"), Some("2027H2"));
    let entries = vec![
        entry(
            "rubin",
            "Rubin",
            &[y26, y26, h26, h26, h26, h26, Some("2026Q3")],
        ),
        entry(
            "rubin-ultra",
            "Rubin Ultra",
            &[y27, y27, h27, h27, h27, y27, y27],
        ),
        entry(
            "mi455x",
            "Instinct MI455X",
            &[y26, y26, y26, y26, h26, h26, h26],
        ),
        entry(
            "jaguar-shores",
            "Jaguar Shores",
            &[None, None, y26, y26, y26, y27, y27],
        ),
        entry(
            "maia-200",
            "Maia 200",
            &[
                None,
                None,
                Some("2025"),
                y26,
                y26,
                Some("2026-01"),
                Some("2026-01"),
            ],
        ),
        entry(
            "feynman",
            "Feynman",
            &[
                None,
                None,
                Some("2028"),
                Some("2028"),
                Some("2028"),
                Some("2028"),
                Some("2029H1"),
            ],
        ),
    ];
    Histories { versions, entries }
}

#[test]
fn show_six() {
    let h = six();
    for w in [80, 60, 50] {
        println!("{}", plain(&h, w));
    }
    assert!(MAX_ENTRIES == 6);
}
