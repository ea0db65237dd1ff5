//! `add`, `update` and `remove`, one fixture per case: `tests/fixtures/edit/<case>/` holds the
//! data before (`in/roadmaps/`), the command (`cmd`, one line of chipmap arguments; double
//! quotes group words), the data after (`out/roadmaps/`, every file byte for byte) and the exact
//! `expected.stdout`, `expected.stderr` and `expected.code`. The promise under test is docs/format.md
//! section 6: an edit changes only the lines of the entry it touches, and a refused edit writes
//! nothing.
//!
//! `CHIPMAP_BLESS=1 cargo test --test cli edit` rewrites `out/` and `expected.*` from the actual
//! run; read every changed file before committing it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{
    TestEnv, assert_no_failures, blessing, case_name, copy_dir, fixture_cases, repo_path,
};

fn cases() -> Vec<PathBuf> {
    fixture_cases("edit")
}

/// Splits a command line into arguments as a shell would for plain words and double quotes
/// (`--name "A1 Plus"`); no other shell syntax.
fn split_args(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quoted = false;
    for c in line.trim_end_matches(['\n', '\r']).chars() {
        match c {
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    args.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    assert!(!quoted, "unclosed double quote in `{line}`");
    if in_word {
        args.push(word);
    }
    args
}

/// Returns every file below `dir` whose name does not start with a dot (the lock and temporary
/// files are hidden), by path relative to `dir`.
fn files_below(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(listing) = fs::read_dir(dir) else {
            return;
        };
        for entry in listing {
            let entry = entry.expect("a folder entry");
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let relative = path.strip_prefix(root).expect("below the root");
                files.insert(
                    relative.to_string_lossy().into_owned(),
                    fs::read(&path).expect("read a data file"),
                );
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// Returns what differs between two sets of files, one line per file.
fn compare_files(
    expected: &BTreeMap<String, Vec<u8>>,
    actual: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (path, want) in expected {
        match actual.get(path) {
            None => problems.push(format!("{path}: missing")),
            Some(got) if got != want => problems.push(format!(
                "{path}: differs\n--- expected\n{}--- actual\n{}---",
                String::from_utf8_lossy(want),
                String::from_utf8_lossy(got)
            )),
            Some(_) => {}
        }
    }
    for path in actual.keys().filter(|p| !expected.contains_key(*p)) {
        problems.push(format!("{path}: not expected"));
    }
    problems
}

/// What one run of a case produced.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    files: BTreeMap<String, Vec<u8>>,
}

fn run_in_env(case: &Path) -> Run {
    let env = TestEnv::new();
    copy_dir(&case.join("in/roadmaps"), &env.path().join("roadmaps"));
    let line = fs::read_to_string(case.join("cmd"))
        .unwrap_or_else(|e| panic!("{}: cannot read cmd: {e}", case.display()));
    let args = split_args(&line);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = env.chipmap(&args).output().expect("chipmap runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        files: files_below(&env.path().join("roadmaps")),
    }
}

fn bless(case: &Path, run: &Run) {
    let out = case.join("out/roadmaps");
    if out.exists() {
        fs::remove_dir_all(&out).expect("clear out/roadmaps");
    }
    fs::create_dir_all(&out).expect("create out/roadmaps");
    for (path, bytes) in &run.files {
        let target = out.join(path);
        fs::create_dir_all(target.parent().expect("a parent")).expect("create folders");
        fs::write(target, bytes).expect("write an expected file");
    }
    fs::write(case.join("expected.stdout"), &run.stdout).expect("write expected.stdout");
    fs::write(case.join("expected.stderr"), &run.stderr).expect("write expected.stderr");
    let code = run.code.map_or("none".to_string(), |c| c.to_string());
    fs::write(case.join("expected.code"), format!("{code}\n")).expect("write expected.code");
}

fn read_expected(case: &Path, file: &str, failures: &mut Vec<String>) -> String {
    fs::read_to_string(case.join(file)).unwrap_or_else(|e| {
        failures.push(format!(
            "cannot read {file}: {e} (CHIPMAP_BLESS=1 writes it; then review it)"
        ));
        String::new()
    })
}

/// Returns what is wrong with a run of `case` compared with its checked-in expectation.
fn check(case: &Path, run: &Run) -> Vec<String> {
    let mut failures = Vec::new();
    let code = read_expected(case, "expected.code", &mut failures);
    let code = code.trim().parse::<i32>().ok();
    if run.code != code {
        failures.push(format!("exit code {:?}, expected {code:?}", run.code));
    }
    for (file, actual) in [
        ("expected.stdout", &run.stdout),
        ("expected.stderr", &run.stderr),
    ] {
        let expected = read_expected(case, file, &mut failures);
        if &expected != actual {
            failures.push(format!(
                "output differs from {file}\n--- expected\n{expected}--- actual\n{actual}---"
            ));
        }
    }
    let expected_files = files_below(&case.join("out/roadmaps"));
    failures.extend(compare_files(&expected_files, &run.files));
    failures
}

#[test]
fn every_edit_case_makes_its_expected_change() {
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "only {} cases found in tests/fixtures/edit",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case_name(case);
        let run = run_in_env(case);
        if blessing() {
            bless(case, &run);
            continue;
        }
        failures.extend(
            check(case, &run)
                .into_iter()
                .map(|problem| format!("{name}: {problem}")),
        );
    }
    assert_no_failures(&failures);
}

/// Every case has its files, and a refused edit or a dry run expects the files as they were:
/// a guard against blessing a run that wrote when it should not have.
#[test]
fn every_edit_case_has_its_files() {
    if blessing() {
        // The other test is writing the expectations right now.
        return;
    }
    let mut problems = Vec::new();
    for case in cases() {
        let name = case_name(&case);
        for file in ["cmd", "expected.stdout", "expected.stderr", "expected.code"] {
            if !case.join(file).is_file() {
                problems.push(format!("{name}: no {file}"));
            }
        }
        let before = files_below(&case.join("in/roadmaps"));
        if !before.keys().any(|p| p.ends_with(".yaml")) {
            problems.push(format!("{name}: no in/roadmaps/*.yaml"));
        }
        let cmd = fs::read_to_string(case.join("cmd")).unwrap_or_default();
        let code = fs::read_to_string(case.join("expected.code")).unwrap_or_default();
        let writes_nothing =
            code.trim() != "0" || split_args(&cmd).iter().any(|a| a == "--dry-run");
        let after = files_below(&case.join("out/roadmaps"));
        if writes_nothing && before != after {
            problems.push(format!(
                "{name}: exits {} or is a dry run, yet out/ differs from in/",
                code.trim()
            ));
        }
        if !writes_nothing && before == after {
            problems.push(format!("{name}: succeeds, yet out/ equals in/"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_command_line_splits_like_a_shell() {
    assert_eq!(
        split_args("update acme/a1 --name \"A1 Plus\" --set \"notes=a, b\" --x \"\"\n"),
        [
            "update",
            "acme/a1",
            "--name",
            "A1 Plus",
            "--set",
            "notes=a, b",
            "--x",
            ""
        ]
    );
}

/// The rich vendor file the fixtures start from.
fn rich_file() -> String {
    fs::read_to_string(repo_path(
        "tests/fixtures/edit/update-top-entry/in/roadmaps/acme.yaml",
    ))
    .expect("the rich fixture")
}

#[test]
fn editing_the_embedded_dataset_is_refused_with_a_hint_to_init() {
    let env = TestEnv::new();
    for args in [
        &["update", "nvidia/h100", "--set", "available=2027H2"][..],
        &[
            "add",
            "nvidia",
            "--id",
            "x1",
            "--name",
            "X1",
            "--kind",
            "gpu",
            "--status",
            "rumored",
            "--available",
            "2028",
        ],
        &["remove", "nvidia/h100"],
        &[
            "update",
            "nvidia/h100",
            "--set",
            "available=2027H2",
            "--dry-run",
        ],
    ] {
        let output = env.chipmap(args).output().expect("chipmap runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?} wrote to stdout");
        assert!(
            stderr.contains("chipmap init"),
            "{args:?}: stderr does not name `chipmap init`:\n{stderr}"
        );
        let left: Vec<_> = fs::read_dir(env.path())
            .expect("read the working directory")
            .collect();
        assert!(left.is_empty(), "{args:?} wrote into the working directory");
    }
}

#[test]
fn setting_every_name_to_itself_leaves_the_file_byte_identical() {
    let text = rich_file();
    let env = TestEnv::with_files(&[("acme.yaml", &text)]);
    let names = [
        ("a1", "A1"),
        ("a1-plus", "A1 Plus"),
        ("b1", "B1"),
        ("b1-lite", "B1 Lite"),
        ("b2", "B2"),
        ("c1", "C1"),
        ("c1-ultra", "C1 Ultra"),
    ];
    for (id, name) in names {
        let key = format!("acme/{id}");
        let set = format!("name={name}");
        let output = env
            .chipmap(&["update", &key, "--set", &set])
            .output()
            .expect("chipmap runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{key}: {stderr}");
        assert_eq!(stderr, format!("{key}: nothing to change\n"), "{key}");
        let after = fs::read_to_string(env.path().join("roadmaps/acme.yaml")).expect("read");
        assert!(after == text, "{key}: the file changed:\n{after}");
    }
}

#[test]
fn a_no_op_leaves_crlf_and_a_missing_final_newline_alone() {
    let crlf = rich_file().replace('\n', "\r\n");
    let open = rich_file().trim_end_matches('\n').to_string();
    for (label, text) in [("CRLF", crlf), ("no final newline", open)] {
        let env = TestEnv::with_files(&[("acme.yaml", &text)]);
        let output = env
            .chipmap(&["update", "acme/c1-ultra", "--available", "2027"])
            .output()
            .expect("chipmap runs");
        assert_eq!(output.status.code(), Some(0), "{label}");
        let after = fs::read_to_string(env.path().join("roadmaps/acme.yaml")).expect("read");
        assert!(after == text, "{label}: the file changed:\n{after:?}");
    }
}

/// Returns the entries of `chipmap list --format json` in the working directory.
fn listed(env: &TestEnv) -> Vec<serde_json::Value> {
    let out = env.stdout(&["list", "--format", "json"]);
    serde_json::from_str(&out).expect("list prints JSON")
}

/// `--notes $'first\nsecond'` on single-quoted notes was refused (or folded to `first second`)
/// while the same text replacing a plain value was stored; raw ESC, DEL, NEL and U+2028 were
/// written into the file, which PyYAML and libyaml refuse. Every old style now stores the text
/// exactly, escaped.
#[test]
fn a_set_value_reads_back_exactly_whatever_the_old_quoting() {
    let styles = [
        "notes: old",
        "notes: 'old'",
        "notes: \"old\"",
        "notes: >\n      old\n      text",
        "notes: |\n      old",
        "notes:",
    ];
    let values = [
        "first\nsecond",
        "a\u{1b}b\u{7}",
        "del\u{7f} nel\u{85} ls\u{2028}",
        "tab\there\r",
        "it's \"both\" # here: yes",
    ];
    for style in styles {
        for value in values {
            let text = format!(
                "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2027\n    {style}\n"
            );
            let env = TestEnv::with_files(&[("acme.yaml", &text)]);
            let set = format!("notes={value}");
            env.stdout(&["update", "acme/a1", "--set", &set]);
            let entries = listed(&env);
            assert_eq!(entries[0]["notes"], value, "old `{style}`, set {value:?}");
            let after = fs::read_to_string(env.path().join("roadmaps/acme.yaml")).expect("read");
            let raw = after
                .chars()
                .find(|c| (c.is_control() && *c != '\n') || matches!(c, '\u{2028}' | '\u{2029}'));
            assert_eq!(raw, None, "a raw control character in:\n{after:?}");
        }
    }
}

/// `update h100 --set 'specs.#new=5'` printed "updated" and wrote a comment.
#[test]
fn a_new_spec_named_like_a_comment_is_kept() {
    let text = "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2027\n    specs:\n      tdp_w: 700\n";
    let env = TestEnv::with_files(&[("acme.yaml", text)]);
    env.stdout(&["update", "acme/a1", "--set", "specs.#new=5"]);
    env.stdout(&["update", "acme/a1", "--set", "specs.x: y=z #w"]);
    let entries = listed(&env);
    assert_eq!(entries[0]["specs"]["#new"], 5, "{:?}", entries[0]);
    assert_eq!(entries[0]["specs"]["x: y"], "z #w", "{:?}", entries[0]);
}
