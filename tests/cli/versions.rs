//! `history` and `slips` over versions: a git repository built here, commit by commit, with
//! slips, a pull-in, a correction after shipping, a rename and a commit that is no version.

use serde_json::Value;

use crate::common::{TestEnv, git, git_with};

/// One vendor file with A1, A2 and B1 at the dates given.
fn acme(a1: &str, a2: (&str, &str, &str), b1: (&str, &str)) -> String {
    let (a2_id, a2_name, a2_date) = a2;
    let alias = if a2_id == "a2" {
        ""
    } else {
        "\n    aliases: [a2]"
    };
    let (b1_status, b1_date) = b1;
    format!(
        "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: {a1}\n    sources: [https://acme.example/a1/{a1}]\n  - id: {a2_id}\n    name: {a2_name}\n    kind: gpu\n    status: announced\n    available: {a2_date}{alias}\n  - id: b1\n    name: B1\n    kind: cpu\n    status: {b1_status}\n    available: {b1_date}\n"
    )
}

/// Commits everything in the repository with `subject`, dated `day` at noon UTC.
fn commit(env: &TestEnv, day: &str, subject: &str) {
    let date = format!("{day}T12:00:00Z");
    let dates = [
        ("GIT_AUTHOR_DATE", date.as_str()),
        ("GIT_COMMITTER_DATE", &date),
    ];
    git_with(env.path(), &["commit", "-qam", subject], &dates);
}

/// A repository whose five commits change roadmaps/ (one more touches only the README), and
/// whose working data slips A1 once more:
/// - 2025-01-15 first roadmap: A1 2026H1, A2 2026, B1 announced 2025H2;
/// - 2025-04-01 A1 slips to 2026H2 (with a new source);
/// - 2025-06-01 README only (no version);
/// - 2025-09-01 B1 ships, 2025H2;
/// - 2025-12-01 B1's record corrected to 2026Q1 (a correction, not a slip);
/// - 2026-02-01 A2 renamed A200 and pulled in to 2025Q4;
/// - working: A1 2027.
fn repository() -> TestEnv {
    let env = TestEnv::with_files(&[(
        "acme.yaml",
        &acme("2026H1", ("a2", "A2", "2026"), ("announced", "2025H2")),
    )]);
    env.write("README.md", "acme\n");
    git(env.path(), &["init", "-q"]);
    git(env.path(), &["add", "."]);
    commit(&env, "2025-01-15", "first roadmap");
    let steps = [
        (
            "2025-04-01",
            "A1 slips to 2026H2",
            "2026H2",
            ("a2", "A2", "2026"),
            ("announced", "2025H2"),
        ),
        (
            "2025-09-01",
            "B1 ships",
            "2026H2",
            ("a2", "A2", "2026"),
            ("shipping", "2025H2"),
        ),
        (
            "2025-12-01",
            "B1 record corrected",
            "2026H2",
            ("a2", "A2", "2026"),
            ("shipping", "2026Q1"),
        ),
        (
            "2026-02-01",
            "A2 is A200, pulled in",
            "2026H2",
            ("a200", "A200", "2025Q4"),
            ("shipping", "2026Q1"),
        ),
    ];
    for (at, (day, subject, a1, a2, b1)) in steps.into_iter().enumerate() {
        env.write("roadmaps/acme.yaml", acme(a1, a2, b1));
        commit(&env, day, subject);
        if at == 0 {
            env.write("README.md", "acme roadmaps\n");
            commit(&env, "2025-06-01", "README only");
        }
    }
    env.write(
        "roadmaps/acme.yaml",
        acme("2027", ("a200", "A200", "2025Q4"), ("shipping", "2026Q1")),
    );
    env
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    serde_json::from_str(&env.stdout(args)).expect("one JSON value")
}

/// Returns the short hash of the commit `subject` names.
fn hash_of(env: &TestEnv, subject: &str) -> String {
    let log = git(env.path(), &["log", "--format=%h %s"]);
    let line = log
        .lines()
        .find(|l| l.ends_with(subject))
        .unwrap_or_else(|| panic!("no commit `{subject}` in\n{log}"));
    line.split(' ').next().unwrap().to_string()
}

#[test]
fn git_versions_are_the_commits_that_changed_the_roadmap_then_working() {
    let env = repository();
    let out = json(&env, &["history", "--git", "--format", "json"]);
    let versions = out["versions"].as_array().unwrap();
    let names: Vec<&str> = versions
        .iter()
        .map(|v| v["ref"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = [
        "first roadmap",
        "A1 slips to 2026H2",
        "B1 ships",
        "B1 record corrected",
        "A2 is A200, pulled in",
    ]
    .iter()
    .map(|s| format!("git:{}", hash_of(&env, s)))
    .chain(["working".to_string()])
    .collect();
    assert_eq!(names, expected, "the README-only commit is no version");
    assert_eq!(versions[0]["taken"], "2025-01-15");
    assert_eq!(versions[1]["subject"], "A1 slips to 2026H2");
    assert_eq!(versions[5]["taken"], Value::Null);
}

#[test]
fn git_history_follows_a_rename_and_names_the_sources_a_change_rests_on() {
    let env = repository();
    let out = json(&env, &["history", "--git", "--format", "json"]);
    let entries = out["entries"].as_array().unwrap();
    let keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["acme/a1", "acme/a200", "acme/b1"]);
    let a1 = &entries[0];
    assert_eq!(a1["name"], "A1");
    assert_eq!(a1["first_version"], 0);
    assert_eq!(a1["former_keys"], serde_json::json!([]));
    let first = &a1["changes"][0];
    assert_eq!(first["version"], 1);
    let available = first["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "available")
        .expect("the available date moved");
    assert_eq!(available["from"], "2026H1");
    assert_eq!(available["to"], "2026H2");
    assert_eq!(available["shift"], "slipped");
    assert_eq!(available["days"], 182);
    assert_eq!(
        first["sources_added"],
        serde_json::json!(["https://acme.example/a1/2026H2"])
    );
    let a200 = &entries[1];
    assert_eq!(a200["former_keys"], serde_json::json!(["acme/a2"]));
    assert_eq!(a200["changes"][0]["version"], 4);
    let paths: Vec<&str> = a200["changes"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"id") && paths.contains(&"available"),
        "{paths:?}"
    );
}

#[test]
fn git_slips_count_a_correction_after_shipping_apart() {
    let env = repository();
    let out = json(&env, &["slips", "--git", "--format", "json"]);
    assert_eq!(out["versions"].as_array().unwrap().len(), 6);
    let entry = |key: &str| {
        out["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == key)
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .clone()
    };
    let a1 = entry("acme/a1");
    assert_eq!(a1["status"], "announced");
    assert_eq!(
        a1["first_promise"],
        serde_json::json!({"version": 0, "date": "2026H1"})
    );
    assert_eq!(
        a1["latest"],
        serde_json::json!({"version": 5, "date": "2027"})
    );
    assert_eq!(a1["slips"].as_array().unwrap().len(), 2);
    assert_eq!(
        a1["slips"][1],
        serde_json::json!({"version": 5, "from": "2026H2", "to": "2027", "days": 275})
    );
    assert_eq!(a1["net_days"], 457);
    assert_eq!(a1["verdict"], "slipping");
    let b1 = entry("acme/b1");
    assert_eq!(b1["slips"], serde_json::json!([]));
    assert_eq!(
        b1["corrections"],
        serde_json::json!([{"version": 3, "from": "2025H2", "to": "2026Q1", "days": 137}])
    );
    assert_eq!(b1["verdict"], "late");
    let a200 = entry("acme/a200");
    assert_eq!(a200["pull_ins"][0]["version"], 4);
    assert_eq!(a200["verdict"], "pending");
    let vendor = &out["vendors"][0];
    assert_eq!(
        *vendor,
        serde_json::json!({"vendor": "acme", "tracked": 3, "slipped": 1, "median_net_days": 137,
            "max_net_days": 457, "shipped": 1, "on_time": 0})
    );
}

#[test]
fn since_and_until_cut_the_versions_by_date_and_by_commit() {
    let env = repository();
    let refs = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["history", "--git", "--format", "json"];
        all.extend_from_slice(args);
        json(&env, &all)["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["ref"].as_str().unwrap().to_string())
            .collect()
    };
    let h = |s: &str| format!("git:{}", hash_of(&env, s));
    assert_eq!(
        refs(&["--since", "2025-06"]),
        [
            h("B1 ships"),
            h("B1 record corrected"),
            h("A2 is A200, pulled in"),
            "working".into()
        ]
    );
    assert_eq!(
        refs(&["--since", "2025", "--until", "2025"]),
        [
            h("first roadmap"),
            h("A1 slips to 2026H2"),
            h("B1 ships"),
            h("B1 record corrected")
        ]
    );
    // The README commit changed no vendor file: the roadmap in effect there is the one before.
    let readme = format!("git:{}", hash_of(&env, "README only"));
    assert_eq!(
        refs(&["--since", &readme, "--until", &h("B1 ships")]),
        [h("A1 slips to 2026H2"), h("B1 ships")]
    );
    let (code, _, stderr) = env.run(&["history", "--git", "--until", "2024"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("no version"), "{stderr}");
    let (code, _, stderr) = env.run(&["history", "--git", "--since", "soon"]);
    assert_eq!(code, Some(2), "{stderr}");
}

#[test]
fn slips_count_only_what_the_since_window_holds() {
    let env = repository();
    let out = json(
        &env,
        &["slips", "--git", "--since", "2025-06", "--format", "json"],
    );
    let a1 = out["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "acme/a1")
        .unwrap()
        .clone();
    assert_eq!(a1["first_promise"]["date"], "2026H2");
    assert_eq!(a1["slips"].as_array().unwrap().len(), 1);
}

#[test]
fn history_and_slips_print_in_every_format() {
    let env = repository();
    for (command, formats) in [
        ("history", ["text", "json", "csv", "markdown"]),
        ("slips", ["table", "json", "csv", "markdown"]),
    ] {
        for format in formats {
            let out = env.stdout(&[command, "--git", "--format", format, "--width", "80"]);
            assert!(out.contains("A1"), "{command} --format {format}:\n{out}");
            if matches!(format, "text" | "table") {
                for line in out.lines() {
                    assert!(line.chars().count() <= 80, "{command}: {line}");
                }
            }
        }
    }
    let csv = env.stdout(&["history", "--git", "--format", "csv"]);
    assert_eq!(
        csv.lines().next(),
        Some("key,name,version,ref,taken,event,path,from,to,shift,days,sources_added")
    );
    assert!(
        csv.lines().any(|l| l.starts_with("acme/a1,A1,1,")
            && l.contains(",available,2026H1,2026H2,slipped,182,")),
        "{csv}"
    );
    let csv = env.stdout(&["slips", "--git", "--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .starts_with("key,name,vendor,status,"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4, "a header and three entries:\n{csv}");
}

#[test]
fn history_of_one_key_is_its_full_log_and_finds_a_former_key() {
    let env = repository();
    let log = env.stdout(&["history", "acme/a2", "--git", "--width", "80"]);
    assert!(log.contains("acme/a200"), "{log}");
    assert!(
        log.contains("A2 is A200, pulled in"),
        "the version's subject:\n{log}"
    );
    assert!(log.contains("pulled in"), "{log}");
    let a1 = env.stdout(&["history", "a1", "--git", "--width", "80"]);
    assert!(
        a1.contains("https://acme.example/a1/2026H2"),
        "the sources added:\n{a1}"
    );
}

#[test]
fn a_vendor_file_broken_in_an_old_commit_is_read_as_it_was_before() {
    let env = repository();
    env.write(
        "roadmaps/acme.yaml",
        "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: [\n",
    );
    commit(&env, "2026-03-01", "a typo");
    env.write(
        "roadmaps/acme.yaml",
        acme("2027", ("a200", "A200", "2025Q4"), ("shipping", "2026Q1")),
    );
    commit(&env, "2026-03-02", "typo fixed, A1 slips");
    let (code, stdout, stderr) = env.run(&["slips", "--git", "--format", "json"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning") && stderr.contains("acme.yaml"),
        "{stderr}"
    );
    let out: Value = serde_json::from_str(&stdout).unwrap();
    let a1 = &out["entries"][0];
    assert_eq!(a1["slips"].as_array().unwrap().len(), 2, "{a1}");
}

#[test]
fn a_chart_needs_few_enough_entries_and_draws_within_the_width() {
    let env = repository();
    let chart = env.stdout(&["history", "--git", "--chart", "--width", "80"]);
    for line in chart.lines() {
        assert!(line.chars().count() <= 80, "{line}");
    }
    for name in ["A1", "A200", "B1"] {
        assert!(chart.contains(name), "the legend names {name}:\n{chart}");
    }
    assert!(!chart.contains('\u{1b}'), "plain when not on a terminal");
    let shipped = TestEnv::with_shipped_data();
    let (code, _, stderr) = shipped.run(&["history", "--vendor", "nvidia", "--chart"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("tells 6 entries apart"), "{stderr}");
    let (code, _, stderr) = env.run(&["history", "--git", "--chart", "--format", "json"]);
    assert_eq!(code, Some(2), "{stderr}");
}

/// `diff`, `show` and `history` agree on what each version holds: every change a history
/// records between two snapshots is the change `diff` reports between them.
#[test]
fn history_steps_are_the_diffs_between_consecutive_versions() {
    let env = TestEnv::with_shipped_data();
    let history = json(&env, &["history", "--format", "json"]);
    let versions: Vec<String> = history["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["ref"].as_str().unwrap().to_string())
        .collect();
    assert!(versions.len() >= 3, "{versions:?}");
    for at in 1..versions.len() {
        let diff = json(
            &env,
            &["diff", &versions[at - 1], &versions[at], "--format", "json"],
        );
        for change in diff["changes"].as_array().unwrap() {
            if change["change"] != "modified" && change["change"] != "renamed" {
                continue;
            }
            let entry = history["entries"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| {
                    e["key"] == change["key"]
                        || e["former_keys"]
                            .as_array()
                            .unwrap()
                            .contains(&change["key"])
                })
                .unwrap_or_else(|| panic!("{} has no history", change["key"]));
            let step = entry["changes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["version"] == at)
                .unwrap_or_else(|| panic!("{} has no step at {}", change["key"], versions[at]));
            assert_eq!(
                step["fields"], change["fields"],
                "{} at {}",
                change["key"], versions[at]
            );
        }
    }
}
