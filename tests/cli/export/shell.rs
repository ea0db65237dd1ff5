//! `chipmap completions` and `chipmap man`: the scripts complete in a real bash, and the
//! manual pages are well-formed roff that `man` renders and finds.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::{TestEnv, tools};

/// Returns the subcommands `chipmap --help` lists, so a new one is checked without an edit.
fn subcommands(env: &TestEnv) -> Vec<String> {
    let help = env.stdout(&["--help"]);
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("--help lists the commands");
    listed
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Returns what bash offers when TAB is pressed after `words` (the last one is being typed),
/// with the script `chipmap completions bash` printed loaded as bash-completion would load it.
fn bash_offers(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let script = env.path().join("chipmap.bash");
    fs::write(&script, env.stdout(&["completions", "bash"])).expect("write the script");
    // What bash does on TAB: COMP_WORDS and COMP_CWORD set, the function given the command,
    // the word being typed and the one before it.
    let driver = r#"source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
_chipmap chipmap "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}""#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", driver, "bash"])
        .arg(&script)
        .args(words)
        .current_dir(env.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "bash: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 from bash")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completion_offers_every_subcommand() {
    let env = TestEnv::new();
    let offered = bash_offers(&env, &["chipmap", ""]);
    for name in subcommands(&env) {
        assert!(offered.contains(&name), "`{name}` not offered: {offered:?}");
    }
    assert_eq!(bash_offers(&env, &["chipmap", "timel"]), ["timeline"]);
}

#[test]
fn bash_completion_offers_flags_and_format_values() {
    let env = TestEnv::new();
    let flags = bash_offers(&env, &["chipmap", "timeline", "--"]);
    for flag in ["--format", "--as-of", "--vendor", "--output", "--data"] {
        assert!(flags.iter().any(|f| f == flag), "{flag} not in {flags:?}");
    }
    let formats = bash_offers(&env, &["chipmap", "timeline", "--format", ""]);
    for format in ["term", "svg", "png"] {
        assert!(
            formats.iter().any(|f| f == format),
            "{format} not in {formats:?}"
        );
    }
    let shells = bash_offers(&env, &["chipmap", "completions", ""]);
    assert!(shells.iter().any(|s| s == "zsh"), "{shells:?}");
}

#[test]
fn completion_offers_the_statuses_and_kinds() {
    // They are parsed in any case by chipmap's own parser, which once kept its words from
    // clap: the scripts then offered file names after --status.
    let env = TestEnv::new();
    let statuses = bash_offers(&env, &["chipmap", "list", "--status", ""]);
    for status in ["rumored", "announced", "sampling", "shipping", "cancelled"] {
        assert!(
            statuses.iter().any(|s| s == status),
            "{status}: {statuses:?}"
        );
    }
    let kinds = bash_offers(&env, &["chipmap", "add", "acme", "--kind", ""]);
    assert!(kinds.iter().any(|k| k == "accelerator"), "{kinds:?}");
    let confidences = bash_offers(&env, &["chipmap", "update", "x", "--confidence", ""]);
    assert!(
        confidences.iter().any(|c| c == "reported"),
        "{confidences:?}"
    );
    // And `--help` lists them as clap lists its own enums.
    let help = env.stdout(&["list", "--help"]);
    assert!(help.contains("rumored"), "{help}");
}

#[test]
fn every_shell_gets_a_script_naming_the_commands_flags_and_values() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell", "PowerShell"] {
        let script = env.stdout(&["completions", shell]);
        // fish names a flag without its dashes (`-l format`).
        for word in ["timeline", "completions", "format", "as-of"] {
            assert!(script.contains(word), "{shell}: no `{word}`");
        }
        // clap_complete's elvish and PowerShell scripts complete no values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            let values = script.split("shipping").count() - 1;
            assert!(script.contains("svg") && values > 2, "{shell}: no values");
        }
    }
}

#[test]
fn zsh_and_fish_scripts_parse_in_their_shells() {
    let env = TestEnv::new();
    // Neither shell is needed to build or test chipmap: checked where they are installed.
    for (shell, check) in [("zsh", &["-n"][..]), ("fish", &["--no-execute"][..])] {
        let Some(program) = tools::on_path(shell) else {
            tools::say(&format!(
                "skipped the {shell} syntax check: no {shell} on PATH"
            ));
            continue;
        };
        let script = env.path().join(format!("chipmap.{shell}"));
        fs::write(&script, env.stdout(&["completions", shell])).expect("write the script");
        let out = Command::new(program)
            .args(check)
            .arg(&script)
            .output()
            .expect("the shell runs");
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn completions_output_writes_the_script_to_a_file() {
    let env = TestEnv::new();
    let (code, stdout, stderr) = env.run(&["completions", "fish", "--output", "chipmap.fish"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("wrote chipmap.fish"), "{stderr}");
    let written = fs::read_to_string(env.path().join("chipmap.fish")).expect("the script");
    assert_eq!(written, env.stdout(&["completions", "fish"]));
}

#[test]
fn an_unknown_shell_is_refused_with_the_shells_there_are() {
    let stderr = TestEnv::new().refused(&["completions", "tcsh"]);
    assert!(
        stderr.contains("tcsh") && stderr.contains("zsh"),
        "{stderr}"
    );
}

/// Returns the pages `chipmap man --dir` writes to a fresh folder, as (file name, roff).
fn man_pages(env: &TestEnv) -> Vec<(String, String)> {
    let (code, stdout, stderr) = env.run(&["man", "--dir", "man/man1"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let dir = env.path().join("man/man1");
    let mut pages: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("the folder was made")
        .map(|e| {
            let path = e.expect("an entry").path();
            let name = path.file_name().expect("a name").to_string_lossy().into();
            (name, fs::read_to_string(&path).expect("a page"))
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn man_lists_every_subcommand_and_writes_a_page_for_each() {
    let env = TestEnv::new();
    let page = env.stdout(&["man"]);
    assert!(page.contains("\n.TH CHIPMAP 1 "), "{page}");
    let pages = man_pages(&env);
    for name in subcommands(&env) {
        // Named as git's are, so `man chipmap-timeline` finds it.
        let listed = format!("chipmap\\-{}(1)", name.replace('-', "\\-"));
        assert!(page.contains(&listed), "chipmap(1) does not list {listed}");
        let file = format!("chipmap-{name}.1");
        let (_, roff) = pages
            .iter()
            .find(|(f, _)| *f == file)
            .unwrap_or_else(|| panic!("no {file} in {pages:?}"));
        let title = format!("\n.TH CHIPMAP-{} 1 ", name.to_uppercase());
        assert!(roff.contains(&title), "{file} has no {title:?}");
        assert_eq!(
            *roff,
            env.stdout(&["man", &name]),
            "{file} differs from `man {name}`"
        );
    }
    assert!(
        pages
            .iter()
            .any(|(f, roff)| f == "chipmap.1" && *roff == page)
    );
    assert!(
        !pages.iter().any(|(f, _)| f == "chipmap-help.1"),
        "{pages:?}"
    );
}

#[test]
fn man_pages_have_no_control_line_from_help_text() {
    // A help text starting a line with `.` or `'` would be read as a roff request: the only
    // control lines are the requests the page generator writes.
    let requests = [
        "TH", "SH", "SS", "TP", "PP", "IP", "RS", "RE", "br", "ie", "el", "nf", "fi", "sp", "ad",
        "nh",
    ];
    let env = TestEnv::new();
    for (file, roff) in man_pages(&env) {
        for line in roff.lines().filter(|l| l.starts_with(['.', '\''])) {
            let name = line[1..].split_whitespace().next().unwrap_or("");
            assert!(
                requests.contains(&name) || line.starts_with(".\\\""),
                "{file}: a control line that is no request: {line:?}"
            );
        }
    }
}

#[test]
fn man_page_describes_the_options_hidden_from_short_help() {
    // --max-file-mb and --lock-timeout are kept out of `-h`; the page once left them blank.
    let page = TestEnv::new().stdout(&["man", "check"]);
    // The line after the option's own (a `.TP` paragraph's tag), not its mention in SYNOPSIS.
    let after = |flag: &str| {
        let tag = format!("\n\\fB{flag}\\fR");
        let at = page.find(&tag).unwrap_or_else(|| panic!("no {tag}"));
        page[at + 1..].lines().nth(1).unwrap_or("").to_string()
    };
    assert!(
        after("\\-\\-max\\-file\\-mb").contains("largest file"),
        "{page}"
    );
    assert!(after("\\-\\-lock\\-timeout").contains("waits"), "{page}");
}

#[test]
fn man_page_names_the_environment_variables_as_help_does() {
    let page = TestEnv::new().stdout(&["man", "check"]);
    for variable in [
        "CHIPMAP_DATA",
        "CHIPMAP_MAX_FILE_MB",
        "CHIPMAP_LOCK_TIMEOUT",
    ] {
        assert!(page.contains(variable), "no {variable} in chipmap-check(1)");
    }
}

#[test]
fn man_page_footer_names_chipmap_and_its_version_as_source() {
    // An empty date once shifted `.TH`'s arguments: "chipmap 0.1.0" stood where the date goes.
    let page = TestEnv::new().stdout(&["man"]);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        page.contains(&format!("\n.TH CHIPMAP 1 \"\" \"chipmap {version}\"")),
        "{}",
        page.lines()
            .find(|l| l.starts_with(".TH"))
            .unwrap_or("no .TH")
    );
}

#[test]
fn man_renders_the_pages_and_finds_them_by_name() {
    let Some(man) = tools::on_path("man") else {
        tools::say("skipped rendering the manual pages: no `man` on PATH");
        return;
    };
    let env = TestEnv::new();
    man_pages(&env);
    let render = |args: &[&str]| rendered(&man, env.path(), args);
    let top = render(&["-l", "man/man1/chipmap.1"]);
    assert!(top.starts_with("CHIPMAP(1)"), "{top}");
    assert!(top.contains("chipmap-timeline(1)"), "{top}");
    let footer = top
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .expect("a footer");
    assert!(footer.trim_start().starts_with("chipmap "), "{footer:?}");
    // What `man chipmap-timeline` needs: the page under a man1 folder of the manual path.
    let timeline = render(&["-M", "man", "chipmap-timeline"]);
    assert!(timeline.contains("chipmap-timeline - Draw"), "{timeline}");
    assert!(timeline.contains("--format <FORMAT>"), "{timeline}");
    assert_no_roff_warnings(&env.path().join("man/man1"));
}

#[test]
fn man_pages_keep_paths_and_commands_whole() {
    // Justified and hyphenated, the install lines once read `~/.local/share/bash-comple-
    // tion/...`, a path that is not there.
    let Some(man) = tools::on_path("man") else {
        tools::say("skipped rendering the manual pages: no `man` on PATH");
        return;
    };
    let env = TestEnv::new();
    env.write("chipmap-completions.1", env.stdout(&["man", "completions"]));
    let page = rendered(&man, env.path(), &["-l", "chipmap-completions.1"]);
    for whole in [
        "~/.local/share/bash-completion/completions/chipmap",
        "~/.config/fish/completions/chipmap.fish",
        "chipmap completions zsh > ~/.zfunc/_chipmap",
    ] {
        assert!(page.contains(whole), "`{whole}` is broken up:\n{page}");
    }
}

/// Returns `man ARGS` run in `dir`, 80 columns wide, as plain text; man must say nothing on
/// stderr.
fn rendered(man: &Path, dir: &Path, args: &[&str]) -> String {
    let out = Command::new(man)
        .args(args)
        .env("MANWIDTH", "80")
        // Plain text when not to a terminal, unless the caller's settings say otherwise.
        .env_remove("MAN_KEEP_FORMATTING")
        .env_remove("MANOPT")
        .current_dir(dir)
        .output()
        .expect("man runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "man {args:?}: {stderr}"
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fails when groff, asked for every warning, finds one in a page (skipped without groff).
fn assert_no_roff_warnings(dir: &Path) {
    let Some(groff) = tools::on_path("groff") else {
        tools::say("skipped the groff warnings check: no `groff` on PATH");
        return;
    };
    for entry in fs::read_dir(dir).expect("the pages") {
        let path = entry.expect("a page").path();
        let out = Command::new(&groff)
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&path)
            .output()
            .expect("groff runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{}: {stderr}", path.display());
    }
}

#[test]
fn man_for_an_unknown_command_lists_the_commands() {
    let stderr = TestEnv::new().refused(&["man", "timelin"]);
    assert!(stderr.contains("timelin"), "{stderr}");
    assert!(stderr.contains("timeline"), "{stderr}");
}

#[test]
fn man_dir_that_is_a_file_is_refused_and_left_alone() {
    let env = TestEnv::new();
    env.write("pages", "mine");
    let stderr = env.refused(&["man", "--dir", "pages"]);
    assert!(
        stderr.contains("error: pages: not a folder; nothing was written"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(env.path().join("pages")).expect("kept"),
        "mine"
    );
}

#[test]
fn every_subcommand_help_says_more_than_its_summary() {
    // The doc of each Args struct is the command's long help; a doc on the enum's variant
    // would silently replace it (as it once did), leaving `--help` with the summary alone.
    let env = TestEnv::new();
    let list = env.stdout(&["--help"]);
    let commands: Vec<&str> = list
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.strip_prefix("  ")?.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    for command in commands {
        let help = env.stdout(&[command, "--help"]);
        let paragraphs: Vec<&str> = help.split("\n\n").collect();
        assert!(
            paragraphs.len() > 2 && !paragraphs[1].starts_with("Usage:"),
            "`chipmap {command} --help` has only its summary:\n{help}"
        );
    }
}
