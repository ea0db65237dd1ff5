//! Large and odd files: how much `check` and a refusing command print for thousands of
//! problems or a line of megabytes, and numbers read by one rule wherever they stand.

use crate::common::TestEnv;

/// Returns the `path:line:column: message` lines of diagnostics in `output`.
fn diagnostic_headers(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|line| line.starts_with("roadmaps/"))
        .collect()
}

/// Returns `chipmap check` on a data directory holding `acme.yaml` with `text`, after asserting
/// that it found problems.
fn check_refuses(text: &str) -> String {
    let env = TestEnv::with_files(&[("acme.yaml", text)]);
    let (code, stdout, _) = env.run(&["check"]);
    assert_eq!(code, Some(1), "{stdout}");
    stdout
}

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
    let (code, stdout, _) = env.run(&["check"]);
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
             roadmaps: 1 file, 3000 entries: 3000 problems\n"
        ),
        "{}",
        &stdout[stdout.len() - 300..]
    );
    let (_, all, _) = env.run(&["check", "--all"]);
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
    let stdout = check_refuses(&text);
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

#[test]
fn a_ten_megabyte_value_is_quoted_by_its_start_in_the_message() {
    // A YAML key is at most 1024 characters long; a value has no limit.
    let (word, key) = ("s".repeat(10_000_000), "s".repeat(1_000));
    let text = format!(
        "vendor: acme\nname: Acme\nentries:\n  - id: a\n    name: A\n    kind: gpu\n    available: 2027\n    status: {word}\n    {key}: 1\n"
    );
    let stdout = check_refuses(&text);
    assert!(stdout.len() < 2_000, "{} bytes of output", stdout.len());
    let quoted = format!("`{}…`", "s".repeat(60));
    assert!(
        stdout.contains(&format!(
            "roadmaps/acme.yaml:8:13: unknown status {quoted}\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "roadmaps/acme.yaml:9:5: unknown field {quoted} in an entry\n"
        )),
        "{stdout}"
    );
}
