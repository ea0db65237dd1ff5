//! Escape sequences from the data never reach the terminal raw: every command that prints data,
//! every message and error shows them as `\x1b`, `\u{9b}`, `\u{202e}` (JSON as `\u001b`).

use crate::common::TestEnv;

/// A vendor file that passes `check` and would, printed raw, clear the screen and set the
/// window title (vendor name), plant a hyperlink (process), send a C1 CSI (notes), reverse the
/// text after it (alias) and overwrite its line (family).
const HOSTILE: &str = r#"vendor: evil
name: "Evil\e[2J\e[H\e]0;owned\a"
entries:
  - id: x1
    name: "X1 Chip"
    kind: gpu
    family: "Fam\rOVER"
    status: announced
    announced: 2026-03
    process: "\e]8;;https://evil.example/\e\\TSMC 3nm\e]8;;\e\\"
    aliases: ["A\u202Ebc"]
    notes: "note \u009B2J here"
    sources:
      - https://example.com/
"#;

/// The same vendor before the hostile values came in, for `diff` to compare against.
const BENIGN: &str = r#"vendor: evil
name: Evil
entries:
  - id: x1
    name: "X1 Chip"
    kind: gpu
    family: Fam
    status: announced
    announced: 2026-03
    process: TSMC 3nm
    aliases: [Abc]
    notes: note
    sources:
      - https://example.com/
"#;

/// The characters a terminal acts on, and the noncharacter that starts chipmap's sealed colour.
const RAW: [char; 9] = [
    '\u{1b}', '\u{7}', '\r', '\u{7f}', '\u{9b}', '\u{9d}', '\u{202e}', '\u{2066}', '\u{fdd0}',
];

/// What one run printed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(env: &TestEnv, args: &[&str]) -> Run {
    let out = env.chipmap(args).output().expect("chipmap runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Returns `text` without chipmap's own colour: `ESC [ digits and ; m`.
fn without_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("\u{1b}[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        match params {
            Some(n) if after[n..].starts_with('m') => rest = &after[n + 1..],
            _ => {
                out.push_str("\u{1b}[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fails when `text` holds a raw control character (beyond chipmap's own colour).
fn assert_no_raw(what: &str, text: &str) {
    let text = without_sgr(text);
    if let Some(c) = text.chars().find(|c| RAW.contains(c)) {
        panic!("{what}: a raw {:?} reached the terminal:\n{text}", c);
    }
}

/// Runs chipmap with and without `--color always`, asserting no raw control character on
/// either stream and the visible forms `shown` on `stdout` (or stderr when `on_stderr`).
fn assert_shown(env: &TestEnv, args: &[&str], shown: &[&str], on_stderr: bool) {
    for colour in [false, true] {
        assert_shown_once(env, args, colour, shown, on_stderr);
    }
}

/// [`assert_shown`] for one run, with `--color always` when `colour`, else `--color never`.
fn assert_shown_once(env: &TestEnv, args: &[&str], colour: bool, shown: &[&str], on_stderr: bool) {
    let mut args = args.to_vec();
    args.extend(["--color", if colour { "always" } else { "never" }]);
    let out = run(env, &args);
    let what = format!("chipmap {args:?}");
    assert_no_raw(&format!("{what} stdout"), &out.stdout);
    assert_no_raw(&format!("{what} stderr"), &out.stderr);
    let text = without_sgr(if on_stderr { &out.stderr } else { &out.stdout });
    for form in shown {
        assert!(text.contains(form), "{what}: no {form} in\n{text}");
    }
    if !colour {
        let esc = |t: &str| t.contains('\u{1b}');
        assert!(
            !esc(&out.stdout) && !esc(&out.stderr),
            "{what}: ESC with colour off"
        );
    }
}

const TITLE: &str = r"Evil\x1b[2J\x1b[H\x1b]0;owned\x07";
const LINK: &str = r"\x1b]8;;https://evil.example/\x1b\TSMC 3nm\x1b]8;;\x1b\";
const CSI: &str = r"\u{9b}2J";
const BIDI: &str = r"A\u{202e}bc";

#[test]
fn list_printed_escape_sequences_from_the_data_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    assert_eq!(run(&env, &["check"]).code, Some(0), "the file passes check");
    let columns = "--columns=key,name,family,process,aliases,notes";
    // Markdown escapes the data's `]` and `\` too, and shows the same text once rendered.
    let markdown_link = r"\x1b\]8;;https://evil.example/\x1b\\TSMC 3nm\x1b\]8;;\x1b\\";
    for format in ["table", "csv", "markdown"] {
        let link = if format == "markdown" {
            markdown_link
        } else {
            LINK
        };
        assert_shown(
            &env,
            &["list", columns, "--format", format, "--width", "200"],
            &[link, CSI, BIDI, r"Fam\x0dOVER"],
            false,
        );
    }
}

#[test]
fn list_json_wrote_del_c1_and_bidi_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    assert_shown(
        &env,
        &["list", "--format", "json"],
        &[
            r"note \u009b2J",
            r"A\u202ebc",
            r"\u001b]8;;",
            r#""Fam\rOVER""#,
        ],
        false,
    );
}

#[test]
fn timeline_and_show_cleared_the_screen_with_the_vendor_name() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    assert_shown(&env, &["timeline"], &[TITLE], false);
    assert_shown(&env, &["show", "evil/x1"], &[TITLE, LINK, CSI, BIDI], false);
    assert_shown(
        &env,
        &["show", "evil/x1", "--format", "json"],
        &[r"\u009b2J"],
        false,
    );
}

#[test]
fn diff_printed_the_new_hostile_values_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    env.write("old/evil.yaml", BENIGN);
    let old = env.path().join("old/evil.yaml");
    let old = old.to_str().expect("a UTF-8 path");
    assert_shown(&env, &["diff", old], &[CSI, BIDI], false);
    assert_shown(
        &env,
        &["diff", old, "--format", "markdown"],
        &[CSI, BIDI],
        false,
    );
    // The unified diff is YAML: what chipmap writes escapes these itself, as YAML reads them.
    assert_shown(
        &env,
        &["diff", old, "--format", "unified"],
        &[r#""note \x9B2J here""#, r#"["A\u202Ebc"]"#],
        false,
    );
    assert_shown(
        &env,
        &["diff", old, "--format", "json"],
        &[r"\u009b2J", r"\u202e"],
        false,
    );
}

#[test]
fn snapshot_list_printed_a_hostile_note_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    let note = "GTC\u{1b}]0;owned\u{7} \u{9b}2J";
    let made = run(&env, &["snapshot", "s1", "--note", note]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    assert_shown(
        &env,
        &["snapshot", "--list"],
        &[r"GTC\x1b]0;owned\x07 \u{9b}2J"],
        false,
    );
    // And the dry run, which prints the file it would write.
    assert_shown(
        &env,
        &["snapshot", "s2", "--note", note, "--dry-run"],
        &["would write"],
        true,
    );
}

#[test]
fn check_printed_a_hostile_line_of_the_file_raw() {
    let env = TestEnv::new();
    env.write(
        "roadmaps/evil.yaml",
        HOSTILE.replace("    name: \"X1 Chip\"", "    nme: X1\u{1b}]0;owned\u{7}"),
    );
    let out = run(&env, &["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    assert_shown(&env, &["check"], &[r"nme: X1\x1b]0;owned\x07"], false);
    // The same diagnostic in a refused command, on stderr.
    assert_shown(&env, &["list"], &[r"nme: X1\x1b]0;owned\x07"], true);
}

#[test]
fn an_error_echoed_a_hostile_key_from_the_command_line_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    let key = "evil/\u{1b}[2J\u{1b}]0;owned\u{7}\u{202e}";
    assert_shown(
        &env,
        &["show", key],
        &[r"evil/\x1b[2J\x1b]0;owned\x07\u{202e}"],
        true,
    );
    assert_shown(&env, &["remove", key], &[r"\x1b[2J"], true);
}

#[test]
fn clap_echoed_a_hostile_argument_raw() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    let bad = "\u{1b}[2J\u{202e}";
    assert_shown(
        &env,
        &["list", "--format", bad],
        &[r"'\x1b[2J\u{202e}'"],
        true,
    );
    // With colour forced the way clap honours, as on a terminal.
    let out = env
        .chipmap(&["list", "--format", bad])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("chipmap runs");
    assert_no_raw(
        "clap with CLICOLOR_FORCE",
        &String::from_utf8_lossy(&out.stderr),
    );
}

#[test]
fn init_and_notes_printed_a_hostile_directory_name_raw() {
    let env = TestEnv::new();
    let dir = "copy\u{1b}]0;owned\u{7}";
    assert_shown_once(
        &env,
        &["init", dir],
        true,
        &[r"to copy\x1b]0;owned\x07"],
        true,
    );
    // A change's note names the file it wrote, in that directory.
    let data = format!("--data={dir}");
    for (colour, notes) in [(false, "notes=changed"), (true, "notes=again")] {
        assert_shown_once(
            &env,
            &[&data, "update", "nvidia/h100", "--set", notes],
            colour,
            &[r"in copy\x1b]0;owned\x07"],
            true,
        );
    }
}

#[test]
fn sealed_colour_made_the_timeline_legend_wrap_one_item_a_line() {
    // With colour on, the output is the same text as with colour off, only coloured.
    let env = TestEnv::with_shipped_data();
    env.write("roadmaps/evil.yaml", HOSTILE);
    for args in [
        &["timeline", "--vendor", "amd", "--vendor", "evil"][..],
        &["show", "evil/x1"],
        &[
            "diff",
            "2025-03-18-gtc",
            "--vendor",
            "amd",
            "--vendor",
            "evil",
        ],
    ] {
        let plain = run(&env, &[args, &["--color", "never"]].concat());
        let coloured = run(&env, &[args, &["--color", "always"]].concat());
        assert!(coloured.stdout.contains("\u{1b}["), "{args:?}: no colour");
        assert_eq!(without_sgr(&coloured.stdout), plain.stdout, "{args:?}");
    }
}

#[test]
fn a_panic_message_reached_the_terminal_raw() {
    let env = TestEnv::new();
    let out = env
        .chipmap(&["list"])
        .env("CHIPMAP_FAULT", "panic")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(101), "{stderr}");
    assert_no_raw("a panic's message", &stderr);
    assert!(stderr.contains(r"\x1b]0;owned\x07"), "{stderr}");
    assert!(stderr.contains("which is a bug"), "{stderr}");
}

#[test]
fn a_table_cell_with_a_control_character_broke_the_columns() {
    let env = TestEnv::with_files(&[("evil.yaml", HOSTILE)]);
    for format in ["table", "markdown"] {
        let out = env.stdout(&[
            "list",
            "--columns",
            "key,family,process",
            "--format",
            format,
        ]);
        assert!(out.contains(r"Fam\x0dOVER"), "{out}");
        let widths: Vec<usize> = out.lines().map(|l| l.chars().count()).collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{format}: lines of widths {widths:?}:\n{out}"
        );
    }
}
