//! Snapshots, references and `diff`: freeze the roadmap, change it, and see what changed.

use crate::common::{TestEnv, git};

const ACME: &str = "# Acme, kept by hand\nvendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2026H1  # per launch\n    memory: {type: HBM4, capacity_gb: 576}\n  - id: a2-ultra\n    name: A2 Ultra\n    kind: gpu\n    status: announced\n    available: 2027\n  - id: old-one\n    name: Old One\n    kind: gpu\n    status: announced\n    available: 2025\n";

/// A roadmap with two snapshots, then changed: A1 slips and gains memory, A2 Ultra is renamed
/// A300 (keeping its old id as an alias), Old One is removed and New One added.
fn history() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.stdout(&[
        "snapshot",
        "2025-01-10-first",
        "--taken",
        "2025-01-10",
        "--note",
        "first look",
    ]);
    env.stdout(&["update", "a1", "--notes", "ships in 2026 with HBM4"]);
    env.stdout(&["snapshot", "2025-06-02-second", "--taken", "2025-06-02"]);
    env.stdout(&[
        "update",
        "a1",
        "--set",
        "available=2026H2",
        "--memory-gb",
        "1024",
        "--set",
        "memory.type=HBM4E",
    ]);
    env.stdout(&["update", "a1", "--notes", "ships in 2027 with HBM4E"]);
    env.stdout(&["update", "a2-ultra", "--rename", "a300", "--name", "A300"]);
    env.stdout(&["remove", "old-one"]);
    env.stdout(&[
        "add",
        "acme",
        "--id",
        "new-one",
        "--name",
        "New One",
        "--kind",
        "cpu",
        "--status",
        "rumored",
        "--available",
        "2028",
    ]);
    env
}

#[test]
fn a_snapshot_is_written_once_listed_by_date_and_checked() {
    let env = history();
    assert!(
        env.path()
            .join("roadmaps/snapshots/2025-01-10-first.yaml")
            .is_file()
    );
    let list = env.stdout(&["snapshot", "--list"]);
    assert_eq!(
        list,
        "2025-01-10  2025-01-10-first      3 entries\n    first look\n2025-06-02  2025-06-02-second     3 entries\n"
    );
    let again = env.refused(&["snapshot", "2025-01-10-first"]);
    assert!(again.contains("never overwritten"), "{again}");
    assert!(
        env.refused(&["snapshot", "../x"])
            .contains("not a snapshot name")
    );
    assert!(
        env.stdout(&["check"])
            .contains("1 file, 2 snapshots, 3 entries: no problems"),
        "snapshots are checked too"
    );
}

#[test]
fn diff_defaults_to_the_newest_snapshot_against_working() {
    let env = history();
    let text = env.stdout(&["diff"]);
    assert!(
        text.starts_with("2025-06-02-second (2025-06-02) -> working\n"),
        "{text}"
    );
    assert!(
        text.contains("available: slipped 6 months: 2026H1 -> 2026H2"),
        "{text}"
    );
    assert!(text.contains("memory.capacity_gb: 576 -> 1024"), "{text}");
    assert!(
        text.contains("notes: ships in [-2026-] {+2027+} with [-HBM4-] {+HBM4E+}"),
        "{text}"
    );
    assert!(
        text.contains("> acme/a300  A300  (renamed from acme/a2-ultra)"),
        "{text}"
    );
    assert!(
        text.contains("- acme/old-one  Old One  (removed: announced, available 2025)"),
        "{text}"
    );
    assert!(
        text.contains("+ acme/new-one  New One  (added: rumored, available 2028)"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "1 added, 1 removed, 1 modified, 1 renamed\navailable: 1 slipped, 0 pulled in; announced: 0 slipped, 0 pulled in\n"
        ),
        "{text}"
    );
}

#[test]
fn diff_json_has_the_section_7_shape() {
    let env = history();
    let out = env.stdout(&["diff", "2025-01-10-first", "working", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON value");
    assert_eq!(
        v["from"],
        serde_json::json!({"ref": "2025-01-10-first", "taken": "2025-01-10"})
    );
    assert_eq!(
        v["to"],
        serde_json::json!({"ref": "working", "taken": null})
    );
    let changes = v["changes"].as_array().unwrap();
    let a1 = changes.iter().find(|c| c["key"] == "acme/a1").unwrap();
    assert_eq!(a1["change"], "modified");
    let available = a1["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "available")
        .unwrap();
    assert_eq!(
        available,
        &serde_json::json!({"path": "available", "from": "2026H1", "to": "2026H2", "shift": "slipped", "days": 182})
    );
    let capacity = a1["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "memory.capacity_gb")
        .unwrap();
    assert_eq!(
        capacity,
        &serde_json::json!({"path": "memory.capacity_gb", "from": 576, "to": 1024})
    );
    let renamed = changes.iter().find(|c| c["change"] == "renamed").unwrap();
    assert_eq!(renamed["renamed_from"], "acme/a2-ultra");
    assert_eq!(renamed["key"], "acme/a300");
    let added = changes.iter().find(|c| c["change"] == "added").unwrap();
    assert_eq!(added["fields"], serde_json::json!([]));
    assert_eq!(
        v["summary"],
        serde_json::json!({"added": 1, "removed": 1, "modified": 1, "renamed": 1, "slipped": 1, "pulled_in": 0, "announced_slipped": 0, "announced_pulled_in": 0})
    );
}

#[test]
fn exit_codes_with_and_without_exit_code() {
    let env = history();
    env.chipmap(&["diff"]).assert().code(0);
    env.chipmap(&["diff", "--exit-code"]).assert().code(1);
    env.chipmap(&["diff", "working", "working", "--exit-code"])
        .assert()
        .code(0);
    let same = env.stdout(&["diff", "working", "working"]);
    assert!(same.contains("no changes"), "{same}");
}

#[test]
fn every_kind_of_reference_resolves() {
    let env = history();
    let keys = |out: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(out).unwrap();
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["key"].as_str().unwrap().to_string())
            .collect()
    };
    // A snapshot by full name, by unique prefix, and by date (the newest taken by then).
    let by_name = env.stdout(&[
        "diff",
        "2025-01-10-first",
        "2025-06-02-second",
        "--format",
        "json",
    ]);
    assert_eq!(
        keys(&by_name),
        ["acme/a1"],
        "only the notes changed between the snapshots"
    );
    let by_prefix = env.stdout(&["diff", "2025-01", "2025-06-02", "--format", "json"]);
    assert_eq!(keys(&by_prefix), ["acme/a1"]);
    let by_month = env.stdout(&["diff", "2025-03", "2025-06-30", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&by_month).unwrap();
    assert_eq!(
        v["from"]["ref"], "2025-01-10-first",
        "2025-03 is the newest snapshot taken by March's end"
    );
    assert_eq!(v["to"]["ref"], "2025-06-02-second");
    // Paths: a snapshot file, a vendor file, a data directory.
    let snapshot_file = "roadmaps/snapshots/2025-06-02-second.yaml";
    let by_path = env.stdout(&[
        "diff",
        snapshot_file,
        "roadmaps/acme.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(
        by_path,
        env.stdout(&["diff", "2025-06-02-second", "roadmaps", "--format", "json"])
            .replace("\"2025-06-02-second\"", &format!("{snapshot_file:?}"))
            .replace("\"roadmaps\"", "\"roadmaps/acme.yaml\"")
    );
    // Nothing matches, or too much does: the error names the candidates.
    let unknown = env.refused(&["diff", "2024-12"]);
    assert!(
        unknown.contains("no snapshot taken on or before 2024-12-31"),
        "{unknown}"
    );
    let nothing = env.refused(&["diff", "nope"]);
    assert!(
        nothing.contains("2025-01-10-first, 2025-06-02-second"),
        "{nothing}"
    );
    let ambiguous = env.refused(&["diff", "2025-0"]);
    assert!(ambiguous.contains("matches 2 snapshots"), "{ambiguous}");
}

#[test]
fn a_git_revision_is_a_version_too() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    let git = |args: &[&str]| git(env.path(), args);
    git(&["init", "-q"]);
    git(&["add", "roadmaps"]);
    git(&["commit", "-q", "-m", "first"]);
    env.stdout(&["update", "a1", "--set", "available=2025H2"]);
    let out = env.stdout(&["diff", "git:HEAD", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["from"]["ref"], "git:HEAD");
    assert_eq!(v["summary"]["pulled_in"], 1, "{out}");
    let bad = env.refused(&["diff", "git:no-such-rev"]);
    assert!(bad.contains("`no-such-rev` is not a commit"), "{bad}");
}

#[test]
fn markdown_and_unified_reports() {
    let env = history();
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.starts_with("## Roadmap changes: 2025-06-02-second (2025-06-02) → working\n"),
        "{md}"
    );
    assert!(md.contains("### Acme AI\n"), "{md}");
    assert!(
        md.contains(
            "- **A1** (`acme/a1`): changed\n  - `available`: slipped 6 months: 2026H1 → 2026H2"
        ),
        "{md}"
    );
    let unified = env.stdout(&["diff", "--format", "unified"]);
    assert!(
        unified.starts_with("--- a/2025-06-02-second\n+++ b/working\n"),
        "{unified}"
    );
    assert!(
        unified.contains("-        available: 2026H1\n+        available: 2026H2\n"),
        "{unified}"
    );
}

#[test]
fn filters_keep_an_entry_whose_status_changed() {
    let env = history();
    env.stdout(&["update", "a1", "--status", "cancelled"]);
    let out = env.stdout(&["diff", "--status", "cancelled", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{out}");
    assert_eq!(
        changes[0]["change"], "modified",
        "a status filter does not turn it into an addition"
    );
    assert!(
        changes[0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "status" && f["from"] == "announced" && f["to"] == "cancelled")
    );
}

#[test]
fn show_gives_the_history_and_as_of_goes_back() {
    let env = history();
    let out = env.stdout(&["show", "a300"]);
    let history = out.split("  history\n").nth(1).expect("a history section");
    assert_eq!(
        history,
        "    taken       version           available  status     memory\n    2025-01-10  2025-01-10-first  2027       announced  (as acme/a2-ultra)\n                working           2027       announced\n",
        "a row for the first version and one for each version that changed it"
    );
    let a1 = env.stdout(&["show", "a1"]);
    assert!(
        a1.contains("2025-06-02-second  2026H1     announced  HBM4 576GB\n"),
        "{a1}"
    );
    assert!(
        a1.contains("working            2026H2     announced  HBM4E 1024GB\n"),
        "{a1}"
    );
    let then = env.stdout(&[
        "show",
        "a2-ultra",
        "--as-of",
        "2025-01-10-first",
        "--format",
        "json",
    ]);
    assert!(then.contains("\"key\": \"acme/a2-ultra\""), "{then}");
    let listed = env.stdout(&[
        "list",
        "--as-of",
        "2025-06",
        "--format",
        "csv",
        "--columns",
        "key",
    ]);
    assert_eq!(listed, "key\nacme/a1\nacme/a2-ultra\nacme/old-one\n");
    let drawn = env.stdout(&["timeline", "--as-of", "2025-01-10-first", "--width", "80"]);
    assert!(drawn.contains("Old One"), "{drawn}");
}

#[test]
fn a_shipped_date_corrected_later_read_as_a_pull_in() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.stdout(&["update", "old-one", "--set", "status=shipping"]);
    env.stdout(&["snapshot", "2025-06-02-shipped", "--taken", "2025-06-02"]);
    env.stdout(&["update", "old-one", "--set", "available=2024Q4"]);
    let history = env.stdout(&["history", "old-one", "--width", "100"]);
    assert!(
        history.contains("available: corrected 8 months earlier, after it shipped: 2025 -> 2024Q4"),
        "{history}"
    );
    let compact = env.stdout(&["history", "--width", "100"]);
    assert!(
        compact.contains("2024Q4 (working, corrected 8 months earlier, after it shipped)"),
        "{compact}"
    );
    let text = env.stdout(&["diff", "--width", "100"]);
    assert!(
        text.contains("1 pulled in (1 of them a correction of a shipped date)"),
        "{text}"
    );
    let diff = env.stdout(&["diff", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&diff).unwrap();
    let field = &json["changes"][0]["fields"][0];
    assert_eq!(
        (&field["shift"], &field["correction"]),
        (&serde_json::json!("pulled_in"), &serde_json::json!(true)),
        "{diff}"
    );
    let slips = env.stdout(&["slips", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&slips).unwrap();
    let entries = json["entries"].as_array().expect("entries");
    let old_one = entries
        .iter()
        .find(|e| e["key"] == "acme/old-one")
        .unwrap_or_else(|| panic!("{slips}"));
    let count = |list: &str| old_one[list].as_array().map(Vec::len);
    assert_eq!(
        (count("corrections"), count("pull_ins")),
        (Some(1), Some(0)),
        "{slips}"
    );
}
