//! `check --strict` end to end: each warning at its FILE:LINE:COLUMN with its caret and hint,
//! today as the CLI gives it (a snapshot's `taken` day inside a snapshot), and exit codes.

use crate::common::TestEnv;

/// A vendor whose one entry is shipping, dated `AVAILABLE`, with a first-party source.
const ACME: &str = "vendor: acme
name: Acme
sites: [acme.example]
entries:
  - id: a1
    name: A1
    kind: gpu
    status: shipping
    confidence: confirmed
    available: AVAILABLE
    sources: [https://www.acme.example/news/a1]
";

/// Returns a snapshot taken on 2026-03-16 holding `vendor` (a vendor file's text).
fn snapshot(vendor: &str) -> String {
    let indented: String = vendor.lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "snapshot:\n  name: 2026-03-16-gtc\n  taken: 2026-03-16\nvendors:\n  -{}",
        &indented[3..]
    )
}

/// Returns the first line of each warning `check --strict` gives (exit 1), as it prints it.
fn warnings(env: &TestEnv) -> Vec<String> {
    let (code, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(code, Some(1), "{stdout}");
    stdout
        .lines()
        .filter(|l| l.starts_with("roadmaps/"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_shipping_entry_with_a_future_date_was_not_warned_of() {
    let env = TestEnv::with_files(&[("acme.yaml", &ACME.replace("AVAILABLE", "2027H1"))]);
    let (code, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(code, Some(1), "{stdout}");
    let expected = "roadmaps/acme.yaml:8:13: warning: status is `shipping`, but `available: 2027H1` starts after today (2026-11-30)
  |
8 |     status: shipping
  |             ^^^^^^^^
  = write the status the sources gave at that day (`announced`, `sampling`), or correct `available`

roadmaps: 1 file, 1 entry: no problems, 1 warning
";
    assert_eq!(stdout, expected);
    // Plain `check` counts it and passes; on a later day it is no longer a warning.
    let (code, stdout, _) = env.run(&["check"]);
    assert_eq!(
        (code, stdout.as_str()),
        (
            Some(0),
            "roadmaps: 1 file, 1 entry: no problems (1 warning with --strict)\n"
        )
    );
    let later = env
        .chipmap(&["check", "--strict"])
        .env("CHIPMAP_TODAY", "2027-01-01")
        .output()
        .unwrap();
    assert_eq!(
        (later.status.code(), String::from_utf8_lossy(&later.stdout)),
        (Some(0), "roadmaps: 1 file, 1 entry: no problems\n".into())
    );
}

#[test]
fn a_snapshot_was_checked_against_the_clock_not_its_taken_day() {
    // Shipping in 2026H2 is true of today (2026-11-30), not of the snapshot's 2026-03-16.
    let vendor = ACME.replace("AVAILABLE", "2026H2");
    let env = TestEnv::with_files(&[
        ("acme.yaml", &vendor),
        ("snapshots/2026-03-16-gtc.yaml", &snapshot(&vendor)),
    ]);
    assert_eq!(
        warnings(&env),
        [
            "roadmaps/snapshots/2026-03-16-gtc.yaml:12:17: warning: status is `shipping`, but `available: 2026H2` starts after the snapshot's `taken` day (2026-03-16)"
        ]
    );
    // And the other way: announced for 2026Q1 is fine on 2026-03-16, overdue by 2026-11-30.
    let vendor = ACME
        .replace("AVAILABLE", "2026Q1")
        .replace("status: shipping", "status: announced");
    let env = TestEnv::with_files(&[
        ("acme.yaml", &vendor),
        ("snapshots/2026-03-16-gtc.yaml", &snapshot(&vendor)),
    ]);
    assert_eq!(
        warnings(&env),
        [
            "roadmaps/acme.yaml:8:13: warning: status is still `announced`, but `available: 2026Q1` ended before today (2026-11-30)"
        ]
    );
}

#[test]
fn check_strict_exits_0_when_clean_and_1_with_only_warnings() {
    let clean = TestEnv::with_files(&[("acme.yaml", &ACME.replace("AVAILABLE", "2025"))]);
    let (code, stdout, _) = clean.run(&["check", "--strict"]);
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "roadmaps: 1 file, 1 entry: no problems\n")
    );
    // One third-party site for `confirmed`, and a proxy URL: two warnings, no problem.
    let doubtful = ACME.replace("AVAILABLE", "2025").replace(
        "https://www.acme.example/news/a1",
        "https://quiet.felix2.workers.dev/https/www.nextplatform.com/2025/a1",
    );
    let env = TestEnv::with_files(&[("acme.yaml", &doubtful)]);
    let (_, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(
        warnings(&env),
        [
            "roadmaps/acme.yaml:9:17: warning: `confidence: confirmed` rests on one third-party site alone (felix2.workers.dev)",
            "roadmaps/acme.yaml:11:15: warning: source https://quiet.felix2.workers.dev/https/www.nextplatform.com/… is on a mirror or proxy: it holds `www.nextplatform.com`",
        ]
    );
    assert!(
        stdout.ends_with("roadmaps: 1 file, 1 entry: no problems, 2 warnings\n"),
        "{stdout}"
    );
}
