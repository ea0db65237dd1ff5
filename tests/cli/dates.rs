//! Dates a user types (flags, `--set`, `CHIPMAP_TODAY`, references): the same forms and the
//! same precise messages as dates in files, analysts' shorthand included.

use crate::common::TestEnv;

const ACME: &str = "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 3Q26 # an analyst's note\n";

#[test]
fn a_bad_chipmap_today_was_blamed_on_a_hidden_flag() {
    let env = TestEnv::new();
    let out = env
        .chipmap(&["list"])
        .env("CHIPMAP_TODAY", "garbage")
        .output()
        .expect("chipmap runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CHIPMAP_TODAY: invalid date `garbage`"),
        "{err}"
    );
    assert!(!err.contains("--today"), "{err}");
    let out = env
        .chipmap(&["list"])
        .env("CHIPMAP_TODAY", "2027-02-29")
        .output()
        .expect("chipmap runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("February 2027 has 28 days"), "{err}");
}

#[test]
fn a_bad_taken_date_got_a_raw_parser_message() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    let cases = [
        ("2026-13-01", "month must be 01 to 12"),
        ("2027-02-29", "February 2027 has 28 days"),
        (
            "2026H2",
            "a day is needed here (YYYY-MM-DD, as in 2026-07-01), not a half-year",
        ),
    ];
    for (taken, reason) in cases {
        let err = env.refused(&["snapshot", "s1", "--taken", taken]);
        assert!(err.contains(reason), "--taken {taken}: {err}");
        assert!(!err.contains("input is out of range"), "{err}");
        assert!(!err.contains("invalid characters"), "{err}");
    }
    assert!(!env.path().join("roadmaps/snapshots").exists());
}

#[test]
fn analysts_shorthand_was_refused_on_the_command_line() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.chipmap(&[
        "update",
        "a1",
        "--available",
        "2H 2026",
        "--set",
        "announced=1H26",
    ])
    .assert()
    .success();
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert!(
        text.contains("    available: 2026H2 # an analyst's note\n"),
        "{text}"
    );
    assert!(text.contains("    announced: 2026H1\n"), "{text}");
    let err = env.refused(&["update", "a1", "--available", "FY27"]);
    assert!(
        err.contains("a fiscal year is not a calendar period"),
        "{err}"
    );
    assert!(err.contains("write the calendar period"), "{err}");
}

#[test]
fn shorthand_in_a_file_reads_as_its_canonical_date() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    let json = env.stdout(&["list", "--format", "json"]);
    assert!(json.contains("\"available\": \"2026Q3\""), "{json}");
    env.chipmap(&["check"]).assert().success();
}

#[test]
fn as_of_took_only_days_and_months() {
    let env = TestEnv::with_shipped_data();
    let by_half = env.stdout(&["list", "--as-of", "2H24", "--format", "csv"]);
    let by_day = env.stdout(&["list", "--as-of", "2024-12-31", "--format", "csv"]);
    assert_eq!(by_half, by_day);
    let err = env.refused(&["list", "--as-of", "2024-13"]);
    assert!(err.contains("month must be 01 to 12"), "{err}");
}
