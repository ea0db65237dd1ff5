//! The matching of entries and renames, and the order of the changes.

use super::diff;
use crate::diff::fields::tests::{date, entry};
use crate::diff::{ChangeKind, Changes, FieldValue, Summary};
use crate::model::{Entry, Roadmap, ShiftClass, Status, Vendor};

/// Returns an entry from `id`, `id:Name` or `id:Name:alias|alias` (name defaults to ID).
fn spec(spec: &str) -> Entry {
    let mut parts = spec.split(':');
    let id = parts.next().unwrap_or_default();
    let mut e = entry(id, &parts.next().map_or(id.to_uppercase(), str::to_string));
    e.aliases = parts
        .flat_map(|a| a.split('|'))
        .map(str::to_string)
        .collect();
    e
}

fn roadmap(vendors: &[(&str, &[&str])]) -> Roadmap {
    let vendor = |(id, entries): &(&str, &[&str])| Vendor {
        vendor: id.to_string(),
        name: id.to_uppercase(),
        entries: entries.iter().map(|e| spec(e)).collect(),
        ..Vendor::default()
    };
    Roadmap {
        vendors: vendors.iter().map(vendor).collect(),
    }
}

/// Returns the changes in order as `+key` (added), `-key`, `~key` or `new<old` (renamed).
fn listing(changes: &Changes) -> String {
    let line = |c: &crate::diff::EntryChange| {
        let mark = match c.change {
            ChangeKind::Added => "+",
            ChangeKind::Removed => "-",
            ChangeKind::Modified => "~",
            ChangeKind::Renamed => "",
        };
        let from = c
            .renamed_from
            .as_ref()
            .map_or(String::new(), |f| format!("<{f}"));
        format!("{mark}{}{from}", c.key)
    };
    let lines: Vec<String> = changes.changes.iter().map(line).collect();
    lines.join(" ")
}

fn paths(changes: &Changes, at: usize) -> Vec<&str> {
    changes.changes[at]
        .fields
        .iter()
        .map(|f| f.path.as_str())
        .collect()
}

/// Returns added, removed, modified, renamed, slipped, pulled_in.
fn counts(s: Summary) -> [usize; 6] {
    [
        s.added,
        s.removed,
        s.modified,
        s.renamed,
        s.slipped,
        s.pulled_in,
    ]
}

#[test]
fn identical_and_reordered_roadmaps_have_no_changes() {
    let old = roadmap(&[("nvidia", &["b200", "b300"]), ("amd", &["mi355x"])]);
    assert!(diff(&old, &old).is_empty());
    assert_eq!(diff(&old, &old).summary, Summary::default());
    let new = roadmap(&[("amd", &["mi355x"]), ("nvidia", &["b300", "b200"])]);
    assert!(diff(&old, &new).is_empty());
    assert!(diff(&Roadmap::default(), &Roadmap::default()).is_empty());
}

#[test]
fn each_kind_of_change_in_order_with_its_summary() {
    let old_nvidia: &[&str] = &["b200", "x1", "b200-ultra:B200 Ultra"];
    let old = roadmap(&[("nvidia", old_nvidia), ("intel", &["gaudi3:Gaudi 3"])]);
    let new_nvidia: &[&str] = &["rubin", "b300:B300:b200-ultra", "b200"];
    let mut new = roadmap(&[("amd", &["mi400"]), ("nvidia", new_nvidia)]);
    new.vendors[1].entries[2].status = Status::Cancelled;
    let changes = diff(&old, &new);
    let expected = "+amd/mi400 +nvidia/rubin nvidia/b300<nvidia/b200-ultra ~nvidia/b200 \
                    -nvidia/x1 -intel/gaudi3";
    assert_eq!(listing(&changes), expected);
    let added = &changes.changes[0];
    assert_eq!(
        (added.vendor.as_str(), added.name.as_str()),
        ("amd", "MI400")
    );
    assert!(added.fields.is_empty() && changes.changes[4].fields.is_empty());
    assert_eq!(changes.changes[5].name, "Gaudi 3");
    // A status transition is a field change like any other.
    let status = &changes.changes[3].fields;
    assert_eq!(paths(&changes, 3), ["status"]);
    assert_eq!(status[0].old, Some(FieldValue::Text("announced".into())));
    assert_eq!(status[0].new, Some(FieldValue::Text("cancelled".into())));
    assert_eq!(counts(changes.summary), [2, 2, 1, 1, 0, 0]);
}

#[test]
fn rename_by_alias_of_the_old_id() {
    let old = roadmap(&[("nvidia", &["b200-ultra:B200 Ultra"])]);
    let new = roadmap(&[("nvidia", &["b300:B300:B200-Ultra"])]);
    let changes = diff(&old, &new);
    assert_eq!(listing(&changes), "nvidia/b300<nvidia/b200-ultra");
    assert_eq!(changes.changes[0].name, "B300");
    assert_eq!(paths(&changes, 0), ["id", "name", "aliases"]);
    let id = &changes.changes[0].fields[0];
    assert_eq!(id.old, Some(FieldValue::Text("b200-ultra".into())));
    assert_eq!(id.new, Some(FieldValue::Text("b300".into())));
    assert_eq!(counts(changes.summary), [0, 0, 0, 1, 0, 0]);
}

#[test]
fn rename_by_alias_of_the_old_name_or_by_normalized_name() {
    let old = roadmap(&[("nvidia", &["b200-ultra:B200 Ultra:b300"])]);
    let new = roadmap(&[("nvidia", &["b300:B300:b300|b200 ULTRA"])]);
    assert_eq!(listing(&diff(&old, &new)), "nvidia/b300<nvidia/b200-ultra");
    let old = roadmap(&[("nvidia", &["rubin-ultra:Rubin-Ultra"])]);
    let new = roadmap(&[("nvidia", &["rubinultra:rubin ultra"])]);
    let changes = diff(&old, &new);
    assert_eq!(listing(&changes), "nvidia/rubinultra<nvidia/rubin-ultra");
    assert_eq!(paths(&changes, 0), ["id", "name"]);
}

#[test]
fn similar_names_and_other_vendors_are_not_renames() {
    let old = roadmap(&[("amd", &["mi300x"]), ("nvidia", &["gb200"])]);
    let amd: &[&str] = &["mi350x", "gb-300:GB 300:gb200"];
    let new = roadmap(&[("amd", amd), ("nvidia", &[]), ("intel", &["gb-200:GB-200"])]);
    let expected = "+amd/mi350x +amd/gb-300 -amd/mi300x -nvidia/gb200 +intel/gb-200";
    assert_eq!(listing(&diff(&old, &new)), expected);
}

#[test]
fn stronger_evidence_wins_and_each_entry_renames_once() {
    // `q` lists `a` as an alias, which beats `p`'s equal name; `c` then gets `p` by name;
    // `r` lists `a` and `b`, and `a` is taken, so it renames `b`.
    let old = roadmap(&[("nvidia", &["a:Vera", "b:Other", "c:Vera"])]);
    let new = roadmap(&[("nvidia", &["p:VERA", "q:Q:a", "r:R:a|b"])]);
    let expected = "nvidia/p<nvidia/c nvidia/q<nvidia/a nvidia/r<nvidia/b";
    assert_eq!(listing(&diff(&old, &new)), expected);
    // Two new entries claim one old id: the first in file order takes it.
    let new = roadmap(&[("nvidia", &["p:P:a", "q:Q:a"])]);
    let old = roadmap(&[("nvidia", &["a"])]);
    assert_eq!(listing(&diff(&old, &new)), "nvidia/p<nvidia/a +nvidia/q");
    // A key still present is never the old side of a rename.
    let new = roadmap(&[("nvidia", &["a", "q:Q:a"])]);
    assert_eq!(listing(&diff(&old, &new)), "+nvidia/q");
}

#[test]
fn summary_counts_slipped_and_pulled_in_available_dates() {
    let dated = |available: [&str; 5]| {
        let mut roadmap = roadmap(&[("nvidia", &["a", "b", "c", "d", "e"])]);
        for (e, available) in roadmap.vendors[0].entries.iter_mut().zip(available) {
            (e.announced, e.available) = (Some(date("2025")), Some(date(available)));
        }
        roadmap
    };
    let old = dated(["2026H1", "2026H1", "2027", "2027Q2", "2026"]);
    let mut new = dated(["2026H2", "2026H2", "2027H2", "2027Q1", "2026"]);
    new.vendors[0].entries[4].announced = Some(date("2026"));
    let changes = diff(&old, &new);
    assert_eq!(counts(changes.summary), [0, 0, 5, 0, 2, 1]);
    let shift = changes.changes[2].fields[0].shift.expect("a shift");
    assert_eq!((shift.class, shift.days), (ShiftClass::Refined, 90));
    // An `announced` date that slipped is not counted.
    assert_eq!(paths(&changes, 4), ["announced"]);
    let announced = changes.changes[4].fields[0].shift;
    assert_eq!(announced.map(|s| s.class), Some(ShiftClass::Slipped));
}

#[test]
fn twenty_thousand_entries_with_five_percent_modified() {
    let chip = |v: usize, i: usize, modify: bool| {
        let mut e = entry(&format!("chip-{i}"), &format!("Chip {v} {i}"));
        let available = match (modify, i % 40) {
            (true, 0) => "2027H2",
            (true, 20) => "2026H2",
            _ => "2027H1",
        };
        e.available = Some(date(available));
        e
    };
    let vendor = |v: usize, modify: bool| Vendor {
        vendor: format!("v{v}"),
        name: format!("V{v}"),
        entries: (0..2000).map(|i| chip(v, i, modify)).collect(),
        ..Vendor::default()
    };
    let old = Roadmap {
        vendors: (0..10).map(|v| vendor(v, false)).collect(),
    };
    let new = Roadmap {
        vendors: (0..10).rev().map(|v| vendor(v, true)).collect(),
    };
    assert_eq!((old.entry_count(), new.entry_count()), (20_000, 20_000));
    let changes = diff(&old, &new);
    assert_eq!(counts(changes.summary), [0, 0, 1000, 0, 500, 500]);
    assert_eq!(changes.changes[0].key, "v9/chip-0");
}

#[test]
fn a_predecessor_that_followed_a_rename_was_reported_changed() {
    let mut old = roadmap(&[("nvidia", &["blackwell-ultra:Blackwell Ultra", "rubin"])]);
    old.vendors[0].entries[1].predecessor = Some("blackwell-ultra".into());
    let mut new = roadmap(&[("nvidia", &["b300:B300:blackwell-ultra", "rubin"])]);
    new.vendors[0].entries[1].predecessor = Some("b300".into());
    let changes = diff(&old, &new);
    assert_eq!(listing(&changes), "nvidia/b300<nvidia/blackwell-ultra");
    // A predecessor that names another entry is a change.
    new.vendors[0].entries[1].predecessor = Some("rubin".into());
    let changes = diff(&old, &new);
    assert_eq!(paths(&changes, 1), ["predecessor"]);
}

#[test]
fn a_shipped_date_that_moved_read_as_a_pull_in_not_a_correction() {
    // Gaudi 3: shipping with 2025, then 2024Q4 once its launch date was known.
    let dated = |status: Status, dates: [&str; 2]| {
        let mut roadmap = roadmap(&[("intel", &["gaudi3"])]);
        let e = &mut roadmap.vendors[0].entries[0];
        (e.status, e.announced, e.available) = (status, Some(date(dates[0])), Some(date(dates[1])));
        roadmap
    };
    let marks = |old_status: Status| {
        let old = dated(old_status, ["2024-04", "2025"]);
        let new = dated(Status::Shipping, ["2024-03", "2024Q4"]);
        let changes = diff(&old, &new);
        let fields = &changes.changes[0].fields;
        let mark = |path: &str| fields.iter().find(|f| f.path == path).map(|f| f.corrects);
        (mark("announced"), mark("available"))
    };
    assert_eq!(marks(Status::Shipping), (Some(true), Some(true)));
    assert_eq!(marks(Status::Discontinued), (Some(true), Some(true)));
    // Still a promise on the old side: a pull-in, whatever the new side says.
    assert_eq!(marks(Status::Announced), (Some(false), Some(false)));
    // A refinement of a shipped date narrows it; it corrects nothing.
    let old = dated(Status::Shipping, ["2024-04", "2024H2"]);
    let new = dated(Status::Shipping, ["2024-04", "2024Q4"]);
    assert!(!diff(&old, &new).changes[0].fields[0].corrects);
}
