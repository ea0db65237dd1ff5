//! `timeline --format mermaid | markdown | json`: the laid-out rows for a wiki, a newsletter and
//! a script. The Mermaid is read back by Mermaid's own parser (and drawn in Chromium), the
//! Markdown by a real Markdown reader, both under Node; those checks skip, saying so, when
//! Node, its packages or Chromium are missing, except under CI=true, where that fails.

use std::path::{Path, PathBuf};
use std::process::Command;

use chipmap::model::FuzzyDate;
use chrono::{Days, NaiveDate};
use serde_json::Value;

use crate::common::{TestEnv, repo_path};

/// A vendor whose names Mermaid's gantt grammar, Markdown or a terminal would misread.
const HOSTILE: &str = r##"vendor: hostile
name: "Hostile: #1; <br>%% x"
entries:
  - {id: colon, name: "a: b; c # d", kind: gpu, status: shipping, available: 2026Q1, sources: [https://example.com/]}
  - {id: comment, name: "%% x", kind: gpu, status: sampling, available: 2026-03, sources: [https://example.com/]}
  - {id: percent, name: "x% off", kind: gpu, status: announced, available: 2026-05-02, sources: [https://example.com/]}
  - {id: tag, name: "<b>bold</b>", kind: gpu, status: rumored, available: 2026, sources: [https://example.com/]}
  - {id: quote, name: "\"q\"", kind: gpu, status: cancelled, available: 2026H2, sources: [https://example.com/]}
  - {id: tab, name: "tab\there", kind: gpu, status: discontinued, available: 2025Q4, sources: [https://example.com/]}
  - {id: esc, name: "esc\e[2J", kind: gpu, status: announced, available: 2027, sources: [https://example.com/]}
  - {id: click, name: "click me", kind: gpu, status: announced, available: 2027H1, sources: [https://example.com/]}
  - {id: section, name: "section x", kind: gpu, status: announced, available: 2027-02, sources: [https://example.com/]}
  - {id: hash, name: "#", kind: gpu, status: announced, available: 2027Q3, sources: [https://example.com/]}
  - {id: date, name: "2026-03-18 launch", kind: gpu, status: announced, available: 2027Q4, sources: [https://example.com/]}
  - {id: pipe, name: "A|B \\ c", kind: gpu, status: announced, available: 2025, sources: [https://example.com/]}
  - {id: entity, name: "a &lt; b #59; c", kind: gpu, status: announced, available: 2025H1, sources: [https://example.com/]}
  - {id: lines, name: "two\nlines", kind: gpu, status: announced, available: 2025-06, sources: [https://example.com/]}
  - {id: undated, name: "Undated: yet", kind: gpu, status: rumored, announced: 2026, sources: [https://example.com/]}
"##;

fn hostile() -> TestEnv {
    TestEnv::with_files(&[("hostile.yaml", HOSTILE)])
}

/// Returns `timeline ARGS --format json`, parsed.
fn rows_json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["timeline", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&env.stdout(&all)).expect("timeline --format json is JSON")
}

/// Returns the rows of a timeline JSON document.
fn rows(doc: &Value) -> &[Value] {
    doc["rows"].as_array().expect("rows")
}

fn text<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} in {v}"))
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("an ISO day")
}

/// Returns the program `name` found on PATH, as a shell would.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Returns Node when it and tests/js's packages are installed; else says why on stderr (a
/// failure under CI=true, where they must be).
fn node() -> Option<PathBuf> {
    let node = on_path("node");
    let packages = repo_path("tests/js/node_modules/mermaid").is_dir();
    match (node, packages) {
        (Some(node), true) => Some(node),
        (node, _) => {
            let why = if node.is_none() {
                "node is not on PATH"
            } else {
                "tests/js/node_modules is missing (run `cd tests/js && npm ci`)"
            };
            skip(why);
            None
        }
    }
}

/// Returns Chromium when it is installed (CHROMIUM, else `chromium` on PATH); as [`node`].
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path("chromium"));
    if found.is_none() {
        skip("Chromium is not installed (apt-get install chromium)");
    }
    found
}

fn skip(why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true, and {why}: .ci/run installs it"
    );
    eprintln!("skipped: {why}");
}

/// Runs `node tests/js/SCRIPT ARGS`, which must succeed, and returns its stdout as JSON.
fn run_node(node: &Path, script: &str, args: &[&Path], env: &[(&str, &Path)]) -> Value {
    let mut command = Command::new(node);
    command
        .arg(repo_path(&format!("tests/js/{script}")))
        .args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{script} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).expect("the script prints JSON")
}

/// Returns the name a row's task shows: the name, and the status unless a tag says it.
fn task_name(row: &Value) -> String {
    // As all output shows it: control characters made visible.
    let name = chipmap::render::visible::shown(text(row, "name")).into_owned();
    match text(row, "status") {
        "shipping" | "sampling" => name,
        status => format!("{name} ({status})"),
    }
}

/// Asserts that Mermaid read the chart as the rows it was made from: every dated row a task
/// with its name as displayed, its section, its interval (or a milestone at its midpoint),
/// and a section per vendor with a dated row.
fn assert_chart_is_the_rows(chart: &Value, doc: &Value) {
    assert!(chart.get("error").is_none(), "Mermaid refused: {chart}");
    let dated: Vec<&Value> = rows(doc).iter().filter(|r| !r["date"].is_null()).collect();
    let tasks = chart["tasks"].as_array().expect("tasks");
    assert_eq!(tasks.len(), dated.len(), "one task a dated row");
    let mut vendors: Vec<&str> = dated.iter().map(|r| text(r, "vendor_name")).collect();
    vendors.dedup();
    let sections: Vec<&str> = chart["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s.as_str().expect("a section name"))
        .collect();
    assert_eq!(sections, vendors, "a section a vendor");
    for (task, row) in tasks.iter().zip(dated) {
        assert_eq!(text(task, "name"), task_name(row), "{task}");
        assert_eq!(text(task, "section"), text(row, "vendor_name"), "{task}");
        let point = matches!(text(row, "precision"), "month" | "day");
        assert_eq!(task["milestone"], point, "milestone iff a point: {task}");
        let (start, end) = (day(text(row, "start")), day(text(row, "end")));
        let (want_start, want_end) = if point {
            let middle = start + Days::new((end - start).num_days() as u64 / 2);
            (middle, middle)
        } else {
            // Mermaid keeps an end as the instant after the last day.
            (start, end + Days::new(1))
        };
        assert_eq!(day(text(task, "start")), want_start, "{task} for {row}");
        assert_eq!(day(text(task, "end")), want_end, "{task} for {row}");
        let tags = task["tags"].to_string();
        let status = text(row, "status");
        for (tag, has) in [
            ("done", matches!(status, "shipping" | "discontinued")),
            ("active", status == "sampling"),
            ("crit", status == "cancelled"),
        ] {
            assert_eq!(tags.contains(tag), has, "{tag} for {status}: {task}");
        }
    }
}

/// Writes `chipmap ARGS --format mermaid` to a file and returns its path and the rows.
fn chart_file(env: &TestEnv, args: &[&str], name: &str) -> (PathBuf, Value) {
    let mut all = vec!["timeline", "--format", "mermaid"];
    all.extend_from_slice(args);
    let path = env.path().join(name);
    std::fs::write(&path, env.stdout(&all)).expect("write the chart");
    (path, rows_json(env, args))
}

#[test]
fn mermaid_of_the_shipped_data_and_of_hostile_names_reads_back_in_mermaids_own_parser() {
    let Some(node) = node() else { return };
    let shipped = TestEnv::with_shipped_data();
    let (all, all_rows) = chart_file(&shipped, &[], "all.mmd");
    let (nvidia, nvidia_rows) = chart_file(&shipped, &["--vendor", "nvidia"], "nvidia.mmd");
    let (since, since_rows) = chart_file(&shipped, &["--from", "2026", "--to", "2026"], "y.mmd");
    let bad = hostile();
    let (hostile, hostile_rows) = chart_file(&bad, &[], "hostile.mmd");
    let charts = run_node(
        &node,
        "mermaid_parse.mjs",
        &[&all, &nvidia, &since, &hostile],
        &[],
    );
    let charts = charts.as_array().expect("one result a chart");
    for (chart, doc) in charts
        .iter()
        .zip([&all_rows, &nvidia_rows, &since_rows, &hostile_rows])
    {
        assert_chart_is_the_rows(chart, doc);
        assert_eq!(
            chart["todayMarker"], "off",
            "a viewer's clock is not the day shown"
        );
    }
    assert!(
        text(&charts[3], "title").contains("today 2026-11-30"),
        "{}",
        charts[3]
    );
    assert_eq!(charts[3]["sections"][0], "Hostile: #1; <br>%% x");
}

#[test]
fn mermaid_renders_in_a_browser_with_every_name_as_written() {
    let Some(node) = node() else { return };
    let Some(chromium) = chromium() else { return };
    let env = hostile();
    let (chart, doc) = chart_file(&env, &[], "hostile.mmd");
    let drawn = run_node(
        &node,
        "render_mermaid.mjs",
        &[&chart],
        &[("CHROMIUM", &chromium)],
    );
    assert_eq!(drawn["rendered"], true, "{drawn}");
    assert_eq!(drawn["errors"].as_array().map(Vec::len), Some(0), "{drawn}");
    assert_eq!(
        drawn["refused"].as_array().map(Vec::len),
        Some(0),
        "{drawn}"
    );
    let mut labels: Vec<String> = drawn["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| l.as_str().expect("text").trim().to_string())
        .collect();
    let mut names: Vec<String> = rows(&doc)
        .iter()
        .filter(|r| !r["date"].is_null())
        .map(task_name)
        .collect();
    labels.sort();
    names.sort();
    assert_eq!(labels, names, "each label the name, as drawn");
    assert_eq!(drawn["sections"][0], "Hostile: #1; <br>%% x");
}

#[test]
fn markdown_tables_keep_their_columns_and_show_every_name_as_written() {
    let env = hostile();
    let md = env.stdout(&["timeline", "--format", "markdown"]);
    // By GitHub's rules: a cell ends at a `|` not escaped with a backslash.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let (mut bars, mut escaped) = (0, false);
        for c in line.chars() {
            bars += usize::from(c == '|' && !escaped);
            escaped = c == '\\' && !escaped;
        }
        assert_eq!(bars, 6, "5 columns in {line:?}");
    }
    assert!(
        md.contains("| Undated: yet "),
        "undated rows are listed:\n{md}"
    );
    let Some(node) = node() else { return };
    let path = env.path().join("timeline.md");
    std::fs::write(&path, &md).expect("write the document");
    let tables = run_node(&node, "markdown_cells.mjs", &[&path], &[]);
    let table = tables[0].as_array().expect("one table");
    let entries: Vec<&str> = table[1..]
        .iter()
        .map(|r| r[0].as_str().expect("a cell"))
        .collect();
    assert_eq!(table.len() - 1, 15, "{md}");
    let doc = rows_json(&env, &[]);
    let names: Vec<String> = rows(&doc)
        .iter()
        .map(|r| chipmap::render::visible::shown(text(r, "name")).replace('\n', " "))
        .collect();
    assert_eq!(entries, names, "a reader sees each name:\n{md}");
}

#[test]
fn json_rows_are_the_entries_list_shows_for_the_same_filters() {
    let env = TestEnv::with_shipped_data();
    for filters in [&[][..], &["--vendor", "nvidia"], &["--status", "shipping"]] {
        let doc = rows_json(&env, filters);
        let mut list = vec!["list", "--format", "json"];
        list.extend_from_slice(filters);
        let listed: Value = serde_json::from_str(&env.stdout(&list)).expect("list JSON");
        let mut want: Vec<&str> = listed
            .as_array()
            .expect("an array")
            .iter()
            .map(|e| text(e, "key"))
            .collect();
        let mut keys: Vec<&str> = rows(&doc).iter().map(|r| text(r, "key")).collect();
        want.sort_unstable();
        keys.sort_unstable();
        assert_eq!(keys, want, "{filters:?}");
        for row in rows(&doc) {
            let Some(date) = row["date"].as_str() else {
                assert!(
                    row["start"].is_null() && row["precision"].is_null(),
                    "{row}"
                );
                continue;
            };
            let date = FuzzyDate::parse(date).expect("a canonical date");
            let (start, end) = (day(text(row, "start")), day(text(row, "end")));
            assert!(start <= end, "{row}");
            assert_eq!((start, end), date.interval(), "{row}");
            assert_eq!(text(row, "precision"), date.precision().as_str(), "{row}");
        }
    }
    let doc = rows_json(&env, &[]);
    assert_eq!(doc["as_of"], Value::Null);
    assert_eq!(doc["today"], "2026-11-30");
    assert_eq!(doc["basis"], "available");
}

#[test]
fn json_names_the_version_as_of_shows_and_takes_its_day_for_today() {
    let env = TestEnv::with_shipped_data();
    let doc = rows_json(
        &env,
        &["--as-of", "2024-06-02-computex", "--by", "announced"],
    );
    assert_eq!(
        doc["as_of"]["ref"], "2024-06-02-computex",
        "{}",
        doc["as_of"]
    );
    assert_eq!(doc["as_of"]["taken"], "2024-06-02");
    assert_eq!(doc["today"], "2024-06-02");
    assert_eq!(doc["basis"], "announced");
    let chart = env.stdout(&["timeline", "--format", "mermaid", "--as-of", "2024-06-02"]);
    assert!(
        chart.contains("as of 2024-06-02-computex (taken 2024-06-02)"),
        "{chart}"
    );
}

#[test]
fn output_file_holds_the_bytes_stdout_gets_and_two_runs_give_the_same() {
    let env = hostile();
    for format in ["mermaid", "markdown", "json"] {
        let args = ["timeline", "--format", format];
        let once = env.stdout(&args);
        assert_eq!(once, env.stdout(&args), "{format} is deterministic");
        let file = format!("out.{format}");
        let (code, stdout, stderr) = env.run(&["timeline", "--format", format, "-o", &file]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(stderr.contains(&format!("wrote {file}")), "{stderr}");
        let written = std::fs::read_to_string(env.path().join(&file)).expect("the file");
        assert_eq!(written, once, "{format}: --output writes what stdout gets");
        assert!(
            !once.contains('\u{1b}'),
            "{format} shows ESC, never sends it"
        );
    }
}

#[test]
fn mermaid_lists_what_it_cannot_draw_in_comments() {
    let env = hostile();
    let chart = env.stdout(&["timeline", "--format", "mermaid"]);
    assert!(
        chart.contains("no available date, not drawn: Undated#58; yet"),
        "{chart}"
    );
    let chart = env.stdout(&["timeline", "--format", "mermaid", "--from", "2027"]);
    assert!(
        chart.contains("%% 9 entries outside 2027 not shown"),
        "{chart}"
    );
    assert!(
        chart.contains("%% 1 entry with no available date not shown"),
        "{chart}"
    );
}
