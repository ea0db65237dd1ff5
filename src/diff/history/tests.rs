//! The history follower and the slip rule of docs/format.md sections 8 and 9.

use std::sync::Arc;

use super::{Event, Follower, Histories, Verdict, slips};
use crate::model::{Entry, FuzzyDate, Status, Vendor, VersionInfo};

fn date(text: &str) -> Option<FuzzyDate> {
    Some(FuzzyDate::parse(text).unwrap())
}

fn entry(id: &str, status: Status, available: &str) -> Entry {
    Entry {
        status,
        available: date(available),
        ..Entry::bare(id, &id.to_uppercase())
    }
}

fn vendor(id: &str, entries: Vec<Entry>) -> Arc<Vendor> {
    Arc::new(Vendor {
        vendor: id.into(),
        name: id.to_uppercase(),
        entries,
        ..Vendor::default()
    })
}

/// Returns the histories of versions that each hold one vendor `v`'s entries.
fn follow(versions: Vec<Vec<Entry>>) -> Histories {
    follow_vendors(versions.into_iter().map(|e| vec![vendor("v", e)]).collect())
}

fn follow_vendors(versions: Vec<Vec<Arc<Vendor>>>) -> Histories {
    let mut follower = Follower::new();
    let mut infos = Vec::new();
    for (at, vendors) in versions.iter().enumerate() {
        follower.step(vendors);
        infos.push(VersionInfo {
            name: format!("v{at}"),
            taken: None,
            subject: None,
        });
    }
    follower.finish(infos)
}

use Status::{Announced, Cancelled, Shipping};

#[test]
fn a_later_date_before_shipping_is_a_slip() {
    let h = follow(vec![
        vec![entry("a", Announced, "2026H1")],
        vec![entry("a", Announced, "2026H1")],
        vec![entry("a", Announced, "2026H2")],
    ]);
    assert_eq!(h.entries.len(), 1);
    let a = &h.entries[0];
    assert_eq!(a.steps.len(), 1, "one step, where the date moved");
    assert_eq!(a.steps[0].version, 2);
    let s = &slips(&h).entries[0];
    assert_eq!(s.slips.len(), 1);
    assert_eq!(s.slips[0].version, 2);
    assert_eq!(s.slips[0].days, 182, "midpoints 2026-04-01 and 2026-09-30");
    assert_eq!(s.net_days, 182);
    assert_eq!(s.first_promise.version, 0);
    assert_eq!(s.latest.version, 2);
    assert_eq!(s.verdict, Verdict::Slipping);
}

#[test]
fn an_earlier_date_is_a_pull_in_and_leaves_the_entry_pending() {
    let h = follow(vec![
        vec![entry("a", Announced, "2027")],
        vec![entry("a", Announced, "2026Q4")],
    ]);
    let s = &slips(&h).entries[0];
    assert!(s.slips.is_empty());
    assert_eq!(s.pull_ins.len(), 1);
    assert!(s.pull_ins[0].days < 0);
    assert_eq!(s.verdict, Verdict::Pending);
}

#[test]
fn a_date_that_moves_after_shipping_is_a_correction_not_a_slip() {
    let h = follow(vec![
        vec![entry("a", Announced, "2025H2")],
        vec![entry("a", Shipping, "2025H2")],
        vec![entry("a", Shipping, "2026Q1")],
    ]);
    let s = &slips(&h).entries[0];
    assert!(s.slips.is_empty(), "{s:?}");
    assert_eq!(s.corrections.len(), 1);
    assert_eq!(s.corrections[0].version, 2);
    // The record now says it shipped after the first promise.
    assert_eq!(s.verdict, Verdict::Late);
}

#[test]
fn a_date_that_moves_in_the_version_that_says_shipping_was_still_a_promise() {
    let h = follow(vec![
        vec![entry("a", Announced, "2025H1")],
        vec![entry("a", Shipping, "2025H2")],
    ]);
    let s = &slips(&h).entries[0];
    assert_eq!(s.slips.len(), 1);
    assert!(s.corrections.is_empty());
    assert_eq!(s.verdict, Verdict::Late);
}

#[test]
fn refining_and_widening_a_date_is_no_slip() {
    let h = follow(vec![
        vec![entry("a", Announced, "2027")],
        vec![entry("a", Announced, "2027H2")],
        vec![entry("a", Announced, "2027")],
    ]);
    assert_eq!(h.entries[0].steps.len(), 2, "both moves are in the history");
    let s = &slips(&h).entries[0];
    assert!(s.slips.is_empty() && s.pull_ins.is_empty() && s.corrections.is_empty());
    assert_eq!(s.net_days, 0);
    assert_eq!(s.verdict, Verdict::Pending);
}

#[test]
fn a_renamed_entry_keeps_one_history_and_its_slip() {
    let renamed = Entry {
        aliases: vec!["b200-ultra".into()],
        ..entry("b300", Announced, "2025H2")
    };
    let h = follow(vec![
        vec![entry("b200-ultra", Announced, "2025H1")],
        vec![renamed],
    ]);
    assert_eq!(h.entries.len(), 1, "{:?}", h.entries);
    let b = &h.entries[0];
    assert_eq!(b.key, "v/b300");
    assert_eq!(b.former_keys, ["v/b200-ultra"]);
    assert_eq!(b.first_version, 0);
    assert!(b.steps[0].fields.iter().any(|f| f.path == "id"));
    assert_eq!(slips(&h).entries[0].slips.len(), 1);
}

#[test]
fn an_entry_dropped_and_back_is_one_history() {
    let h = follow(vec![
        vec![entry("a", Announced, "2026"), entry("b", Announced, "2026")],
        vec![entry("b", Announced, "2026")],
        vec![entry("a", Announced, "2027"), entry("b", Announced, "2026")],
    ]);
    assert_eq!(h.entries.len(), 2);
    let a = h.entries.iter().find(|e| e.key == "v/a").unwrap();
    let events: Vec<Event> = a.steps.iter().map(|s| s.event).collect();
    assert_eq!(events, [Event::Dropped, Event::Back]);
    assert!(a.steps[1].fields.iter().any(|f| f.path == "available"));
    assert!(!a.is_dropped(h.versions.len()));
    let s = slips(&h);
    let a = s.entries.iter().find(|e| e.key == "v/a").unwrap();
    assert_eq!(a.slips.len(), 1);
    assert_eq!(a.slips[0].version, 2);
    assert_eq!(a.promises, 2, "two versions gave it a date");
    assert_eq!(a.dropped, None);
}

#[test]
fn an_entry_dropped_at_the_end_says_when() {
    let h = follow(vec![
        vec![entry("a", Announced, "2026"), entry("b", Announced, "2026")],
        vec![entry("a", Announced, "2026"), entry("b", Announced, "2026")],
        vec![entry("b", Announced, "2026")],
    ]);
    let keys: Vec<&str> = h.entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        ["v/b", "v/a"],
        "dropped entries come after the vendor's others"
    );
    let a = &h.entries[1];
    assert_eq!(a.last_version, 1);
    assert!(a.is_dropped(3));
    assert_eq!(slips(&h).entries[1].dropped, Some(2));
}

#[test]
fn verdicts_follow_the_latest_date_against_the_first_promise() {
    let cases = [
        (Shipping, "2025", "2025-11", Verdict::OnTime),
        (Shipping, "2025H1", "2025H2", Verdict::Late),
        (Shipping, "2025H2", "2025Q1", Verdict::Early),
        (Announced, "2027", "2027H2", Verdict::Pending),
        (Announced, "2027", "2028", Verdict::Slipping),
        (Cancelled, "2027", "2028", Verdict::Cancelled),
    ];
    for (status, first, latest, expected) in cases {
        let h = follow(vec![
            vec![entry("a", Announced, first)],
            vec![entry("a", status, latest)],
        ]);
        assert_eq!(
            slips(&h).entries[0].verdict,
            expected,
            "{first} -> {latest}"
        );
    }
}

#[test]
fn a_vendor_has_its_median_and_largest_net_slip_and_on_time_share() {
    // The example of the JSON contract: Maia 200 promised for 2025, slipped to 2026, refined
    // to 2026-01 and shipping (net +198 days); Maia 100 on time.
    let versions = vec![
        vec![
            entry("maia-100", Announced, "2023"),
            entry("maia-200", Announced, "2025"),
        ],
        vec![
            entry("maia-100", Shipping, "2023"),
            entry("maia-200", Announced, "2026"),
        ],
        vec![
            entry("maia-100", Shipping, "2023"),
            entry("maia-200", Shipping, "2026-01"),
        ],
        vec![
            entry("maia-100", Shipping, "2023"),
            entry("maia-200", Shipping, "2026-01"),
            entry("once", Announced, "2028"),
        ],
    ];
    let s = slips(&follow(versions));
    let maia = s.entries.iter().find(|e| e.key == "v/maia-200").unwrap();
    assert_eq!(maia.net_days, 198);
    assert_eq!(maia.slips.len(), 1);
    assert_eq!(maia.slips[0].days, 365);
    assert_eq!(maia.latest.version, 2);
    assert_eq!(maia.verdict, Verdict::Late);
    let vendor = &s.vendors[0];
    assert_eq!(vendor.name, "V");
    assert_eq!(
        vendor.tracked, 2,
        "an entry promised in one version only is not tracked"
    );
    assert_eq!(vendor.slipped, 1);
    assert_eq!(vendor.median_net_days, Some(99.0));
    assert_eq!(vendor.max_net_days, Some(198));
    assert_eq!(vendor.shipped, 2);
    assert_eq!(vendor.on_time, 1);
}

#[test]
fn an_unchanged_vendor_is_not_compared_and_adds_no_step() {
    let same = vendor("v", vec![entry("a", Announced, "2026")]);
    let other_old = vendor("w", vec![entry("x", Announced, "2026")]);
    let other_new = vendor("w", vec![entry("x", Announced, "2027")]);
    let h = follow_vendors(vec![
        vec![Arc::clone(&same), other_old],
        vec![Arc::clone(&same), other_new],
    ]);
    let a = h.entries.iter().find(|e| e.key == "v/a").unwrap();
    assert!(a.steps.is_empty());
    let x = h.entries.iter().find(|e| e.key == "w/x").unwrap();
    assert_eq!(x.steps.len(), 1);
    assert_eq!(h.vendor_names.len(), 2);
}

#[test]
fn an_entry_added_later_starts_at_its_first_version_with_its_sources() {
    let sourced = Entry {
        sources: vec!["https://a.example/1".into(), "https://a.example/2".into()],
        ..entry("a", Announced, "2027")
    };
    let first = Entry {
        sources: vec!["https://a.example/1".into()],
        ..entry("a", Announced, "2026")
    };
    let h = follow(vec![vec![], vec![first], vec![sourced]]);
    let a = &h.entries[0];
    assert_eq!(a.first_version, 1);
    assert_eq!(a.steps[0].sources_added, ["https://a.example/2"]);
    let positions: Vec<usize> = a.positions().map(|(v, _)| v).collect();
    assert_eq!(positions, [1, 2]);
}
