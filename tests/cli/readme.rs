//! The README, kept true: every console block of its tour reproduces exactly on the shipped
//! data, and its edit examples run there as they stand.

use std::process::Command;

use crate::common::{TODAY, TestEnv, repo_path};

/// One `$ chipmap ...` line of a console block, the output shown under it, and where it runs.
struct Shown {
    line: usize,
    command: String,
    output: String,
    setup: Setup,
}

/// Where a console block runs, as an HTML comment before it says (`<!-- test: ... -->`);
/// by default in a copy of the shipped data.
#[derive(Debug, Clone)]
enum Setup {
    Shipped,
    /// `<!-- test: in an empty directory -->`.
    Empty,
    /// `<!-- test: with roadmaps/FILE = the yaml block above -->`: that file alone.
    File(String, String),
}

impl Setup {
    fn env(&self) -> TestEnv {
        match self {
            Setup::Shipped => TestEnv::with_shipped_data(),
            Setup::Empty => TestEnv::new(),
            Setup::File(path, text) => {
                let env = TestEnv::new();
                env.write(path, text);
                env
            }
        }
    }
}

fn readme() -> String {
    std::fs::read_to_string(repo_path("README.md")).expect("README.md")
}

/// Returns the blocks fenced with ```` ```KIND ````, each with the line its text starts on.
fn blocks(text: &str, kind: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, Vec<String>)> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut current {
            None if line.trim_end() == format!("```{kind}") => current = Some((i + 2, Vec::new())),
            Some(_) if line.trim_end() == "```" => out.extend(current.take()),
            Some((_, lines)) => lines.push(line.to_string()),
            None => {}
        }
    }
    out
}

/// Returns the commands of the console blocks with the output each shows and its setup.
fn console_commands() -> Vec<Shown> {
    let text = readme();
    let mut out: Vec<Shown> = Vec::new();
    let yaml = blocks(&text, "yaml");
    let lines: Vec<&str> = text.lines().collect();
    for (start, block) in blocks(&text, "console") {
        let setup = setup_before(&lines, start, &yaml);
        for (i, line) in block.iter().enumerate() {
            if let Some(command) = line.strip_prefix("$ ") {
                out.push(Shown {
                    line: start + i,
                    command: command.to_string(),
                    output: String::new(),
                    setup: setup.clone(),
                });
            } else if let Some(last) = out.last_mut().filter(|s| s.line >= start) {
                last.output.push_str(line);
                last.output.push('\n');
            }
        }
    }
    out
}

/// Returns the setup a `<!-- test: ... -->` comment just before the block at `start` (the
/// line its text starts on, 1-based) asks for.
fn setup_before(lines: &[&str], start: usize, yaml: &[(usize, Vec<String>)]) -> Setup {
    let fence = start - 2;
    let comment = lines[..fence]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| l.strip_prefix("<!-- test: "))
        .and_then(|l| l.strip_suffix(" -->"));
    match comment {
        None => Setup::Shipped,
        Some("in an empty directory") => Setup::Empty,
        Some(other) => {
            let path = other
                .strip_prefix("with ")
                .and_then(|o| o.strip_suffix(" = the yaml block above"))
                .unwrap_or_else(|| panic!("README.md:{fence}: unknown test setup `{other}`"));
            let (_, text) = yaml
                .iter()
                .rev()
                .find(|(line, _)| *line < start)
                .unwrap_or_else(|| panic!("README.md:{fence}: no yaml block above"));
            Setup::File(path.to_string(), text.join("\n") + "\n")
        }
    }
}

/// Returns whether `actual` is what the README shows, where a line `...` stands for any
/// number of lines (the README leaves out the middle of a long output).
fn matches(actual: &str, shown: &str) -> bool {
    fn rest(actual: &[&str], shown: &[&str]) -> bool {
        match shown.split_first() {
            None => actual.is_empty(),
            Some((&"...", after)) => (0..=actual.len()).any(|skip| rest(&actual[skip..], after)),
            Some((line, after)) => actual
                .split_first()
                .is_some_and(|(first, others)| first == line && rest(others, after)),
        }
    }
    let actual: Vec<&str> = actual.lines().collect();
    let shown: Vec<&str> = shown.lines().collect();
    rest(&actual, &shown)
}

/// Returns what `command` (shell syntax, starting with `chipmap`) prints on stdout and stderr
/// together, run in `env` as a reader of the README would run it.
fn run_shell(env: &TestEnv, command: &str) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("chipmap");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "chipmap() {{ \"$CHIPMAP_BIN\" \"$@\"; }}\n{command} 2>&1"
        ))
        .current_dir(env.path())
        .env("CHIPMAP_BIN", bin)
        .env("CHIPMAP_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env_remove("CHIPMAP_DATA")
        .env_remove("COLUMNS")
        .output()
        .expect("sh runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn every_console_block_of_the_readme_reproduces_on_the_shipped_data() {
    let shown = console_commands();
    assert!(shown.len() >= 15, "the tour shows {} commands", shown.len());
    let mut failures = Vec::new();
    for s in &shown {
        assert!(
            s.command.starts_with("chipmap "),
            "README.md:{}: {}",
            s.line,
            s.command
        );
        let env = s.setup.env();
        let (_, actual) = run_shell(&env, &s.command);
        if !matches(&actual, &s.output) {
            failures.push(format!(
                "README.md:{}: `{}` prints\n{actual}\n--- but the README shows\n{}",
                s.line, s.command, s.output
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_readme_edit_examples_run_on_the_shipped_data_as_they_stand() {
    let text = readme();
    let examples: Vec<String> = blocks(&text, "sh")
        .into_iter()
        .flat_map(|(_, lines)| lines)
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\\\n", " ")
        .lines()
        .map(|l| l.split(" # ").next().unwrap_or(l).trim().to_string())
        .filter(|l| {
            ["chipmap add ", "chipmap update ", "chipmap remove "]
                .iter()
                .any(|c| l.starts_with(c))
        })
        .collect();
    assert!(examples.len() >= 5, "edit examples: {examples:?}");
    let env = TestEnv::with_shipped_data();
    for example in &examples {
        let (code, output) = run_shell(&env, example);
        assert_eq!(
            code,
            Some(0),
            "`{example}` failed on the shipped data:\n{output}"
        );
    }
    let (code, output) = run_shell(&env, "chipmap check");
    assert_eq!(
        code,
        Some(0),
        "the examples left data that fails check:\n{output}"
    );
}

#[test]
fn every_mermaid_chart_of_the_readme_is_what_its_command_prints() {
    // GitHub draws a ```mermaid block; the comment above it names the command that made it.
    let text = readme();
    let lines: Vec<&str> = text.lines().collect();
    let charts = blocks(&text, "mermaid");
    assert!(!charts.is_empty(), "the README shows a Mermaid chart");
    let env = TestEnv::with_shipped_data();
    for (start, chart) in charts {
        let comment = lines[start - 3];
        let command = comment
            .strip_prefix("<!-- mermaid: ")
            .and_then(|c| c.strip_suffix(" -->"))
            .unwrap_or_else(|| {
                panic!(
                    "README.md:{}: no `<!-- mermaid: COMMAND -->` above the chart",
                    start - 2
                )
            });
        let (code, printed) = run_shell(&env, command);
        assert_eq!(code, Some(0), "README.md:{start}: {command}");
        assert_eq!(
            printed.trim_end(),
            chart.join("\n"),
            "README.md:{start}: the chart is not what `{command}` prints"
        );
    }
}
