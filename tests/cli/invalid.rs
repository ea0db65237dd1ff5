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

/// Runs one case and returns what is wrong with the output, if anything.
fn run_case(case: &Path) -> Vec<String> {
    let name = case_name(case);
    let env = TestEnv::new();
    copy_dir(&case.join("roadmaps"), &env.path().join("roadmaps"));
    let mut failures = Vec::new();

    let (code, stdout, stderr) = env.run(&["check"]);
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
    let (code, list_stdout, list_stderr) = env.run(&["list"]);
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
         \x20   sources: [https://acme.example/news/a1]\n\
         \x20 - id: a2\n\
         \x20   name: A2\n\
         \x20   kind: accelerator\n\
         \x20   status: announced\n\
         \x20   available: 2027\n\
         \x20   predecessor: a1\n\
         \x20   aliases: [A2X]\n\
         \x20   specs: {tdp_w: 1200, fp4_pflops: 20, liquid: true, note: dense}\n\
         \x20   sources: [https://acme.example/news/a2]\n",
    )]);
    let (code, stdout, stderr) = env.run(&["check"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (Some(0), "roadmaps: 1 file, 2 entries: no problems\n", "")
    );
    let (code, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "roadmaps: 1 file, 2 entries: no problems\n")
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
        let (code, stdout, stderr) = env.run(&["check"]);
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
    let (code, stdout, stderr) = env.run(&["check"]);
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
    let caret_line = format!("  | {}^^^\n", " ".repeat(30));
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
