//! Invalid data, one fixture per case: `tests/fixtures/invalid/<case>/roadmaps/*.yaml` beside the
//! exact `chipmap check` output it must produce (`expected.stdout`), so that a change in a
//! diagnostic's wording, line, column or caret is reviewed like code.
//!
//! `CHIPMAP_BLESS=1 cargo test --test cli invalid` rewrites every `expected.stdout` from the
//! actual output; read the diff before committing it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{TestEnv, assert_no_failures, blessing, case_name, copy_dir, fixture_cases};

fn cases() -> Vec<PathBuf> {
    fixture_cases("invalid")
}

/// Returns the `path:line:column: message` line (or `path: message` for a whole-file problem)
/// of each diagnostic in `check` output. Diagnostic headers are the only lines that start with
/// the data directory's name followed by `/`; the gutter lines start with a space or a digit.
fn diagnostic_headers(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|line| line.starts_with("roadmaps/"))
        .collect()
}

/// Returns the output of `chipmap ARGS` in `env`: exit code, stdout, stderr.
fn run(env: &TestEnv, args: &[&str]) -> (Option<i32>, String, String) {
    let output = env.chipmap(args).output().expect("chipmap runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs one case and returns what is wrong with the output, if anything.
fn run_case(case: &Path) -> Vec<String> {
    let name = case_name(case);
    let env = TestEnv::new();
    copy_dir(&case.join("roadmaps"), &env.path().join("roadmaps"));
    let mut failures = Vec::new();

    let (code, stdout, stderr) = run(&env, &["check"]);
    if code != Some(1) {
        failures.push(format!(
            "{name}: `chipmap check` exited {code:?}, expected 1"
        ));
    }
    if !stderr.is_empty() {
        failures.push(format!(
            "{name}: `chipmap check` wrote to stderr:\n{stderr}"
        ));
    }
    let expected_path = case.join("expected.stdout");
    let expected = if blessing() {
        fs::write(&expected_path, &stdout).expect("write expected.stdout");
        stdout.clone()
    } else {
        match fs::read_to_string(&expected_path) {
            Ok(expected) => {
                if expected != stdout {
                    failures.push(format!(
                        "{name}: `chipmap check` output differs from {}\n\
                         (CHIPMAP_BLESS=1 rewrites it; review the diff)\n\
                         --- expected\n{expected}--- actual\n{stdout}---",
                        expected_path.display()
                    ));
                }
                expected
            }
            Err(e) => {
                failures.push(format!("{name}: cannot read expected.stdout: {e}"));
                stdout.clone()
            }
        }
    };
    if !stdout.lines().any(|l| l.starts_with("roadmaps: ")) {
        failures.push(format!(
            "{name}: no `roadmaps: ...` summary line in:\n{stdout}"
        ));
    }

    // The other commands refuse the same data with the same diagnostics. `list` reads the
    // vendor files only, so a problem in a snapshot does not stop it.
    let headers: Vec<&str> = diagnostic_headers(&expected)
        .into_iter()
        .filter(|h| !h.starts_with("roadmaps/snapshots/"))
        .collect();
    let (code, list_stdout, list_stderr) = run(&env, &["list"]);
    if headers.is_empty() {
        if code != Some(0) {
            failures.push(format!(
                "{name}: `chipmap list` exited {code:?} though only snapshots are invalid\n{list_stderr}"
            ));
        }
    } else {
        if code != Some(2) {
            failures.push(format!(
                "{name}: `chipmap list` exited {code:?}, expected 2"
            ));
        }
        if !list_stdout.is_empty() {
            failures.push(format!(
                "{name}: `chipmap list` wrote to stdout:\n{list_stdout}"
            ));
        }
        for header in headers {
            if !list_stderr.lines().any(|l| l == header) {
                failures.push(format!(
                    "{name}: `chipmap list` stderr lacks `{header}`:\n{list_stderr}"
                ));
            }
        }
    }
    failures
}

#[test]
fn every_invalid_case_prints_its_expected_diagnostics() {
    let cases = cases();
    assert!(
        cases.len() >= 40,
        "only {} cases found in tests/fixtures/invalid",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().flat_map(|case| run_case(case)).collect();
    assert_no_failures(&failures);
}

#[test]
fn every_invalid_case_has_its_files() {
    if blessing() {
        // The other test is writing the expectations right now.
        return;
    }
    let mut problems = Vec::new();
    for case in cases() {
        let name = case_name(&case);
        if !case.join("expected.stdout").is_file() {
            problems.push(format!(
                "{name}: no expected.stdout (CHIPMAP_BLESS=1 writes it; then review it)"
            ));
        }
        let yaml_files = fs::read_dir(case.join("roadmaps"))
            .map(|listing| {
                listing
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
                    .count()
            })
            .unwrap_or(0);
        if yaml_files == 0 {
            problems.push(format!("{name}: no roadmaps/*.yaml"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_clean_roadmap_passes_check() {
    let env = TestEnv::with_files(&[(
        "acme.yaml",
        "vendor: acme\n\
         name: Acme\n\
         entries:\n\
         \x20 - id: a1\n\
         \x20   name: A1\n\
         \x20   kind: accelerator\n\
         \x20   status: shipping\n\
         \x20   announced: 2025-03-18\n\
         \x20   available: H2 2025\n\
         \x20   memory: {type: HBM3E, capacity_gb: 144, bandwidth_tbs: 4.8}\n\
         \x20 - id: a2\n\
         \x20   name: A2\n\
         \x20   kind: accelerator\n\
         \x20   status: announced\n\
         \x20   available: 2027\n\
         \x20   predecessor: a1\n\
         \x20   aliases: [A2X]\n\
         \x20   specs: {tdp_w: 1200, fp4_pflops: 20, liquid: true, note: dense}\n",
    )]);
    let (code, stdout, stderr) = run(&env, &["check"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (Some(0), "roadmaps: 1 file, 2 entries: no problems\n", "")
    );
}

#[test]
fn hostile_inputs_are_refused_not_crashed_on() {
    // Ten levels of ten aliases each: 10^10 nodes if anything expanded it.
    let mut bomb = String::from("vendor: bomb\nname: Bomb\nentries:\n  - id: x\n    specs:\n");
    bomb.push_str("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        let previous = format!("*l{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        bomb.push_str(&format!("      l{level}: &l{level} [{items}]\n"));
    }
    let deep = format!(
        "vendor: deep\nname: Deep\nentries: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let unclosed = format!(
        "vendor: open\nname: Open\nentries: {}\n",
        "[".repeat(100_000)
    );
    for (file, text) in [
        ("bomb.yaml", bomb),
        ("deep.yaml", deep),
        ("open.yaml", unclosed),
    ] {
        let env = TestEnv::new();
        env.write(&format!("roadmaps/{file}"), &text);
        let (code, stdout, stderr) = run(&env, &["check"]);
        assert_eq!(
            code,
            Some(1),
            "{file}: stdout:\n{stdout}\nstderr:\n{stderr}"
        );
        assert!(
            stdout.contains(&format!("roadmaps/{file}:")),
            "{file}: stdout does not name the file:\n{stdout}"
        );
        assert!(
            stdout.ends_with("roadmaps: 1 file, 0 entries: 1 problem\n"),
            "{file}:\n{stdout}"
        );
    }
}

/// Returns `chipmap check` on a data directory holding `files`, after asserting that it found
/// problems (exit 1, nothing on stderr).
fn check_refuses(files: &[(&str, &[u8])]) -> String {
    let env = TestEnv::new();
    for (name, bytes) in files {
        env.write(&format!("roadmaps/{name}"), bytes);
    }
    let (code, stdout, stderr) = run(&env, &["check"]);
    assert_eq!(code, Some(1), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stderr, "");
    stdout
}

const H100_HEAD: &str =
    "vendor: nvidia\nname: NVIDIA\nentries:\n  - id: h100\n    name: H100\n    kind: gpu\n";

// Regression tests, each named after a diagnostic that once pointed at the wrong place.

#[test]
fn a_tab_in_indentation_is_reported_at_the_tab() {
    let text = format!("{H100_HEAD}    status: shipping\n\tavailable: 2022Q4\n");
    let stdout = check_refuses(&[("nvidia.yaml", text.as_bytes())]);
    assert!(stdout.starts_with("roadmaps/nvidia.yaml:8:1: "), "{stdout}");
}

#[test]
fn a_tab_before_a_key_is_underlined_itself() {
    let text = "vendor: nvidia\nname: NVIDIA\nentries:\n\t- id: h100\n";
    let stdout = check_refuses(&[("nvidia.yaml", text.as_bytes())]);
    assert!(stdout.starts_with("roadmaps/nvidia.yaml:4:1: "), "{stdout}");
}

#[test]
fn a_file_with_cr_line_breaks_shows_the_line_at_fault() {
    let text =
        format!("{H100_HEAD}    status: shipping\n    availble: 2022Q4\n").replace('\n', "\r");
    let stdout = check_refuses(&[("nvidia.yaml", text.as_bytes())]);
    assert!(
        stdout.contains(
            "roadmaps/nvidia.yaml:8:5: unknown field `availble` in an entry\n  |\n8 |     availble: 2022Q4\n"
        ),
        "{stdout}"
    );
}

#[test]
fn an_unclosed_flow_sequence_is_reported_where_it_opens() {
    let text = format!("{H100_HEAD}    aliases: [GH100, H100 SXM\n    status: shipping\n");
    let stdout = check_refuses(&[("nvidia.yaml", text.as_bytes())]);
    assert!(stdout.contains("roadmaps/nvidia.yaml:7:14: "), "{stdout}");
}

#[test]
fn the_caret_lines_up_under_wide_characters() {
    let text = "vendor: huawei\nname: Huawei\nentries:\n  - {id: a, name: 昇腾, kind: npu, status: shipping, available: 2025}\n";
    let stdout = check_refuses(&[("huawei.yaml", text.as_bytes())]);
    // `npu` is character 29 of its line, but `昇腾` takes 4 terminal columns: it shows at 31.
    let caret_line = format!("  | {}^^^ ", " ".repeat(30));
    assert!(stdout.contains(&caret_line), "{stdout}");
}

#[test]
fn a_snapshot_name_must_match_its_file_stem() {
    let vendor = format!("{H100_HEAD}    status: shipping\n    available: 2022Q4\n");
    let snapshot = "snapshot:\n  name: computex\n  taken: 2024-06-02\nvendors: []\n";
    let stdout = check_refuses(&[
        ("nvidia.yaml", vendor.as_bytes()),
        ("snapshots/2024-06-02-computex.yaml", snapshot.as_bytes()),
    ]);
    assert!(
        stdout.starts_with("roadmaps/snapshots/2024-06-02-computex.yaml:2:9: "),
        "{stdout}"
    );
}

#[test]
fn a_snapshot_without_its_header_is_reported_as_such() {
    let vendor = format!("{H100_HEAD}    status: shipping\n    available: 2022Q4\n");
    let stdout = check_refuses(&[
        ("nvidia.yaml", vendor.as_bytes()),
        ("snapshots/2024-06-02-computex.yaml", vendor.as_bytes()),
    ]);
    assert!(stdout.contains("snapshot"), "{stdout}");
}

#[test]
fn a_repeated_snapshot_vendor_is_reported_even_if_the_first_is_invalid() {
    let vendor = format!("{H100_HEAD}    status: shipping\n    available: 2022Q4\n");
    let snapshot = "snapshot:\n  name: s\n  taken: 2024-06-02\nvendors:\n  - vendor: nvidia\n    name: NVIDIA\n    entries: [{id: x}]\n  - vendor: nvidia\n    name: NVIDIA\n    entries: []\n";
    let stdout = check_refuses(&[
        ("nvidia.yaml", vendor.as_bytes()),
        ("snapshots/s.yaml", snapshot.as_bytes()),
    ]);
    assert!(
        stdout.contains("roadmaps/snapshots/s.yaml:8:13: duplicate vendor `nvidia`"),
        "{stdout}"
    );
}

// Regression tests for what a large or odd file did to the output.

/// Returns a vendor file of `n` entries, each with an unknown status.
fn entries_with_a_problem_each(n: usize) -> String {
    let mut text = String::from("vendor: acme\nname: Acme\nentries:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - {{id: a{i}, name: A{i}, kind: gpu, status: shiping, available: 2027}}\n"
        ));
    }
    text
}

#[test]
fn thousands_of_problems_show_the_first_fifty_and_count_the_rest() {
    let env = TestEnv::with_files(&[("acme.yaml", &entries_with_a_problem_each(3_000))]);
    let (code, stdout, _) = run(&env, &["check"]);
    assert_eq!(code, Some(1));
    let headers = diagnostic_headers(&stdout);
    assert_eq!(headers.len(), 50, "{stdout}");
    assert!(
        headers[49].starts_with("roadmaps/acme.yaml:53:"),
        "{}",
        headers[49]
    );
    assert!(
        stdout.ends_with(
            "\n… and 2950 more problems, not shown; `chipmap check --all` shows them all\n\n\
             roadmaps: 1 file, 0 entries: 3000 problems\n"
        ),
        "{}",
        &stdout[stdout.len() - 300..]
    );
    let (_, all, _) = run(&env, &["check", "--all"]);
    assert_eq!(diagnostic_headers(&all).len(), 3_000);
    assert!(!all.contains("more problems"));
    // A command refusing the data caps its stderr alike.
    let stderr = env.refused(&["list"]);
    assert_eq!(diagnostic_headers(&stderr).len(), 50);
    assert!(
        stderr.contains(
            "\n… and 2950 more problems, not shown; `chipmap check --all` shows them all\n"
        )
    );
    assert!(
        stderr.contains("error: 3000 problems in the roadmap data"),
        "{stderr}"
    );
}

#[test]
fn a_problem_on_a_ten_megabyte_line_echoes_a_window_of_it() {
    let notes = "x".repeat(10_000_000);
    let text = format!(
        "vendor: acme\nname: Acme\nentries:\n  - {{id: a, name: A, kind: gpu, available: 2027, notes: \"{notes}\", status: shiping}}\n"
    );
    let stdout = check_refuses(&[("acme.yaml", text.as_bytes())]);
    assert!(stdout.len() < 2_000, "{} bytes of output", stdout.len());
    let column = text.lines().nth(3).unwrap().find("shiping").unwrap() + 1;
    assert!(
        stdout.starts_with(&format!(
            "roadmaps/acme.yaml:4:{column}: unknown status `shiping`\n"
        )),
        "{stdout}"
    );
    let lines: Vec<&str> = stdout.lines().collect();
    let (echo, caret) = (lines[2], lines[3]);
    assert!(
        echo.starts_with("4 | …xxx") && echo.ends_with("status: shiping}"),
        "{echo}"
    );
    // The carets stand under `shiping`: the echo's characters are one column each.
    let under = caret.find('^').unwrap();
    let shown: String = echo.chars().skip(under).take(7).collect();
    assert_eq!(shown, "shiping", "{echo}\n{caret}");
}

#[test]
fn hex_and_octal_numbers_are_numbers_in_memory_fields_and_specs_alike() {
    let env = TestEnv::with_files(&[(
        "acme.yaml",
        "vendor: acme\nname: Acme\nentries:\n  - {id: a, name: A, kind: gpu, status: shipping, available: 2027, \
         memory: {capacity_gb: 0o17, bandwidth_tbs: 0x1F}, specs: {cus: 0o17, xcds: 0x1F, tdp: 1e3, note: '1e400', model: 1_000, liquid: True}}\n",
    )]);
    let json = env.stdout(&["show", "acme/a", "--format", "json"]);
    for expected in [
        r#""capacity_gb": 15"#,
        r#""bandwidth_tbs": 31"#,
        r#""cus": 15"#,
        r#""xcds": 31"#,
        r#""tdp": 1000"#,
        r#""note": "1e400""#,
        r#""model": "1_000""#,
        r#""liquid": true"#,
    ] {
        assert!(json.contains(expected), "no {expected} in {json}");
    }
}
