//! Slips built by hand, rendered in every format.

use chrono::NaiveDate;
use serde_json::json;

use crate::diff::{EntrySlips, Move, Promise, Slips, VendorSlips, Verdict};
use crate::model::{FuzzyDate, Status, VersionInfo};
use crate::render::{Paint, display_width};

use super::{net, write_csv, write_json, write_markdown, write_table};

fn date(text: &str) -> FuzzyDate {
    FuzzyDate::parse(text).unwrap()
}

/// Eight versions: seven snapshots half a year apart from 2024-06-02, then `working`.
fn versions() -> Vec<VersionInfo> {
    let days = [
        "2024-06-02",
        "2024-08-31",
        "2025-03-18",
        "2025-06-30",
        "2025-11-30",
        "2026-03-16",
        "2026-06-30",
    ];
    let names = ["computex", "chart", "gtc", "mid", "late", "gtc", "mid"];
    let mut versions: Vec<VersionInfo> = days
        .iter()
        .zip(names)
        .map(|(day, name)| VersionInfo {
            name: format!("{day}-{name}"),
            taken: Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap()),
            subject: Some("a note".into()),
        })
        .collect();
    versions.push(VersionInfo::working());
    versions
}

fn moved(version: usize, from: &str, to: &str, days: i64) -> Move {
    Move {
        version,
        from: date(from),
        to: date(to),
        days,
    }
}

/// An entry promised `first` in version `since` and dated `latest` in the last one.
fn entry(key: &str, name: &str, first: &str, latest: &str, net_days: i64) -> EntrySlips {
    let (vendor, _) = key.split_once('/').unwrap();
    EntrySlips {
        key: key.into(),
        vendor: vendor.into(),
        name: name.into(),
        status: Status::Announced,
        first_promise: Promise {
            version: 2,
            date: date(first),
        },
        latest: Promise {
            version: 7,
            date: date(latest),
        },
        net_days,
        slips: Vec::new(),
        pull_ins: Vec::new(),
        corrections: Vec::new(),
        verdict: Verdict::Pending,
        promises: 6,
        dropped: None,
    }
}

fn vendor(slug: &str, name: &str, tracked: usize, shipped: usize, on_time: usize) -> VendorSlips {
    VendorSlips {
        vendor: slug.into(),
        name: name.into(),
        tracked,
        slipped: 1,
        median_net_days: Some(99.0),
        max_net_days: Some(198),
        shipped,
        on_time,
    }
}

/// Microsoft's Maia 200 as the format's JSON example has it.
fn maia() -> EntrySlips {
    EntrySlips {
        status: Status::Shipping,
        slips: vec![moved(3, "2025", "2026", 365)],
        verdict: Verdict::Late,
        ..entry("microsoft/maia-200", "Maia 200", "2025", "2026-01", 198)
    }
}

/// A roadmap with every verdict, a long key and name, and two entries that never moved.
fn slips() -> Slips {
    let mut rubin_ultra = entry("nvidia/rubin-ultra", "Rubin Ultra", "2027", "2027H2", 90);
    rubin_ultra.verdict = Verdict::Slipping;
    let mut jaguar = entry(
        "intel/jaguar-shores",
        "Jaguar Shores rack-scale accelerator",
        "2026H2",
        "2027H2",
        365,
    );
    jaguar.slips = vec![
        moved(4, "2026H2", "2027", 91),
        moved(6, "2027", "2027H2", 274),
    ];
    jaguar.verdict = Verdict::Slipping;
    let mut mi355x = entry("amd/mi355x", "Instinct MI355X", "2025H2", "2025-06", -92);
    mi355x.pull_ins = vec![moved(3, "2025H2", "2025-06", -92)];
    mi355x.status = Status::Shipping;
    mi355x.verdict = Verdict::Early;
    let mut b200 = entry("nvidia/b200", "B200", "2024Q4", "2024Q4", 0);
    b200.corrections = vec![
        moved(5, "2024Q4", "2025Q1", 90),
        moved(6, "2025Q1", "2024Q4", -90),
    ];
    b200.status = Status::Shipping;
    b200.verdict = Verdict::OnTime;
    let mut falcon = entry("intel/falcon-shores", "Falcon Shores", "2025", "2025", 0);
    falcon.status = Status::Cancelled;
    falcon.verdict = Verdict::Cancelled;
    let mut h200 = entry("nvidia/h200", "H200", "2024Q2", "2024Q2", 0);
    h200.status = Status::Shipping;
    h200.verdict = Verdict::OnTime;
    Slips {
        entries: vec![rubin_ultra, b200, h200, mi355x, jaguar, falcon, maia()],
        vendors: vec![
            vendor("nvidia", "NVIDIA", 3, 2, 2),
            vendor("amd", "AMD", 1, 1, 0),
            vendor("intel", "Intel", 2, 0, 0),
            vendor("microsoft", "Microsoft", 1, 1, 0),
        ],
    }
}

fn table(slips: &Slips, width: usize) -> String {
    let mut out = Vec::new();
    write_table(&mut out, slips, &versions(), width, Paint::default()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_table_fits_80_and_60_columns() {
    let mut slips = slips();
    // The longest key of the shipped data, dropped with a day's date.
    let mut longest = entry(
        "moore-threads/mtt-s4000",
        "MTT S4000",
        "2023-12-19",
        "2024-03-18",
        90,
    );
    longest.dropped = Some(5);
    slips.entries.push(longest);
    for width in [80, 60] {
        let text = table(&slips, width);
        let widest = text.lines().map(display_width).max().unwrap();
        assert!(widest <= width, "{widest} > {width}:\n{text}");
        for key in [
            "nvidia/rubin-ultra",
            "moore-threads/mtt-s4000",
            "amd/mi355x",
        ] {
            assert!(text.contains(key), "{key} at {width}:\n{text}");
        }
        assert!(text.contains("2024-03-18*"), "{text}");
        assert!(text.contains("\n* dropped: the newest version"), "{text}");
    }
}

#[test]
fn vendors_come_first_then_the_entries_that_moved_worst_first() {
    let text = table(&slips(), 80);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}:\n{text}"))
    };
    assert!(at("Slips over 8 versions, from 2024-06-02-computex (2024-06-02) to working") == 0);
    assert!(at("Microsoft") < at("Entries that moved"), "{text}");
    let order = [
        "intel/jaguar-shores",
        "microsoft/maia-200",
        "nvidia/rubin-ultra",
        "nvidia/b200",
        "amd/mi355x",
    ];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{pair:?}:\n{text}");
    }
    let jaguar = text.lines().find(|l| l.contains("jaguar")).unwrap();
    assert!(jaguar.contains("2026H2 (2025-03-18)"), "{jaguar}");
    assert!(jaguar.contains("+12 mo"), "{jaguar}");
    assert!(jaguar.contains("2/0/0"), "{jaguar}");
    assert!(
        text.contains("\nmoves: slips/pull-ins/corrections"),
        "the counts are explained:\n{text}"
    );
    assert_eq!(
        text.lines().filter(|l| l.starts_with(' ')).count(),
        0,
        "at 80 columns no row wraps:\n{text}"
    );
}

#[test]
fn entries_that_did_not_move_are_one_count_line() {
    let text = table(&slips(), 80);
    assert!(!text.contains("nvidia/h200"), "{text}");
    assert!(!text.contains("intel/falcon-shores"), "{text}");
    assert!(
        text.ends_with("\n2 other entries kept their first promised date.\n"),
        "{text}"
    );
}

#[test]
fn the_verdicts_read_as_words() {
    let mut slips = slips();
    slips.entries[5].net_days = -1; // Falcon Shores, so that a cancelled entry shows
    let text = table(&slips, 100);
    let verdict = |key: &str| {
        let line = text.lines().find(|l| l.starts_with(key)).unwrap();
        line.split("  ").last().unwrap().trim().to_string()
    };
    assert_eq!(verdict("nvidia/b200"), "on time");
    assert_eq!(verdict("microsoft/maia-200"), "late");
    assert_eq!(verdict("amd/mi355x"), "early");
    assert_eq!(verdict("nvidia/rubin-ultra"), "slipping");
    assert_eq!(verdict("intel/falcon-shores"), "cancelled");
    assert!(
        text.contains("2 of 2"),
        "NVIDIA's two shipped on time:\n{text}"
    );
}

#[test]
fn a_vendor_row_has_its_counts_median_and_on_time_share() {
    let text = table(&slips(), 80);
    let row: Vec<&str> = text
        .lines()
        .find(|l| l.starts_with("AMD"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        row,
        ["AMD", "1", "1", "+3", "mo", "+7", "mo", "1", "0", "of", "1"]
    );
}

#[test]
fn nothing_tracked_is_said_in_a_line() {
    let mut slips = slips();
    for v in &mut slips.vendors {
        v.tracked = 0;
    }
    let text = table(&slips, 80);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("Nothing tracked"), "{text}");
    let empty = table(
        &Slips {
            entries: Vec::new(),
            vendors: Vec::new(),
        },
        80,
    );
    assert!(empty.contains("Nothing tracked"), "{empty}");
}

#[test]
fn a_shift_reads_in_signed_months_or_days_under_half_a_month() {
    assert_eq!(net(198.0), "+7 mo");
    assert_eq!(net(-92.0), "-3 mo");
    assert_eq!(net(12.0), "+12 d");
    assert_eq!(net(-1.0), "-1 d");
    assert_eq!(net(0.0), "0");
    assert_eq!(net(99.5), "+3 mo");
}

#[test]
fn csv_has_its_header_and_quotes_what_needs_it() {
    let mut slips = slips();
    slips.entries[4].name = "Jaguar Shores, \"rack\"".into();
    let mut out = Vec::new();
    write_csv(&mut out, &slips, &versions()).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "key,name,vendor,status,first_version,first_ref,first_date,latest_version,latest_ref,\
         latest_date,net_days,slips,slip_days,pull_ins,pull_in_days,corrections,verdict"
    );
    assert_eq!(lines.len(), 1 + slips.entries.len());
    assert_eq!(
        lines[5],
        "intel/jaguar-shores,\"Jaguar Shores, \"\"rack\"\"\",intel,announced,2,2025-03-18-gtc,\
         2026H2,7,working,2027H2,365,2,365,0,0,0,slipping"
    );
    assert!(lines[4].ends_with(",-92,0,0,1,-92,0,early"), "{}", lines[4]);
    assert!(lines[2].ends_with(",0,0,0,0,0,2,on_time"), "{}", lines[2]);
}

#[test]
fn json_has_the_shape_of_the_format_example_field_by_field() {
    let slips = Slips {
        entries: vec![maia()],
        vendors: vec![vendor("microsoft", "Microsoft", 2, 2, 1)],
    };
    let versions = versions();
    let mut out = Vec::new();
    write_json(&mut out, &slips, &versions).unwrap();
    let got: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        got["versions"][0],
        json!({"ref": "2024-06-02-computex", "taken": "2024-06-02"})
    );
    assert_eq!(got["versions"][7], json!({"ref": "working", "taken": null}));
    assert_eq!(got["versions"].as_array().unwrap().len(), 8);
    assert_eq!(
        got["entries"],
        json!([{
            "key": "microsoft/maia-200", "name": "Maia 200", "status": "shipping",
            "first_promise": {"version": 2, "date": "2025"},
            "latest": {"version": 7, "date": "2026-01"},
            "net_days": 198,
            "slips": [{"version": 3, "from": "2025", "to": "2026", "days": 365}],
            "pull_ins": [],
            "corrections": [],
            "verdict": "late"
        }])
    );
    assert_eq!(
        got["vendors"],
        json!([{"vendor": "microsoft", "tracked": 2, "slipped": 1, "median_net_days": 99,
                "max_net_days": 198, "shipped": 2, "on_time": 1}])
    );
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["versions", "entries", "vendors"]);
}

#[test]
fn json_keeps_a_half_day_median_and_a_vendor_without_numbers() {
    let mut none = vendor("amd", "AMD", 0, 0, 0);
    none.median_net_days = None;
    none.max_net_days = None;
    let mut half = vendor("intel", "Intel", 2, 0, 0);
    half.median_net_days = Some(45.5);
    let slips = Slips {
        entries: Vec::new(),
        vendors: vec![none, half],
    };
    let mut out = Vec::new();
    write_json(&mut out, &slips, &versions()).unwrap();
    let got: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(got["vendors"][0]["median_net_days"], json!(null));
    assert_eq!(got["vendors"][0]["max_net_days"], json!(null));
    assert_eq!(got["vendors"][1]["median_net_days"], json!(45.5));
}

#[test]
fn markdown_is_the_table_as_a_document_with_its_data_escaped() {
    let mut slips = slips();
    slips.entries[4].name = "Jaguar | Shores".into();
    slips.vendors[0].name = "NV*IDIA".into();
    let mut out = Vec::new();
    write_markdown(&mut out, &slips, &versions()).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("## Slips over 8 versions, from 2024-06-02-computex (2024-06-02) to working\n\n### Vendors\n\n| vendor "),
        "{text}"
    );
    assert!(text.contains("| NV\\*IDIA "), "{text}");
    assert!(text.contains("| Jaguar \\| Shores "), "{text}");
    assert!(
        text.contains("### Entries that moved, worst first\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\n2 other entries kept their first promised date.\n"),
        "{text}"
    );
}
