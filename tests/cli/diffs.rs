//! What `diff` shows a person: word diffs of prose, text that fits `--width`, Markdown that
//! renders as the data's words, a summary that counts what it says, and `--fields`/`--ignore`.

use crate::common::TestEnv;

const OLD: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    announced: 2025-03\n    available: 2026H1\n    memory: {type: HBM4, capacity_gb: 576}\n    specs: {tdp_w: 1000}\n    sources: [https://acme.example/a1]\n    notes: Taped out in 2023. Ships with HBM3E in volume.\n  - id: a2\n    name: A2\n    kind: gpu\n    status: announced\n    available: 2027\n    notes: 'Computex 2024: a refresh for 2025 with more HBM3E than the 192GB of A1.'\n  - id: a3\n    name: A3\n    kind: cpu\n    status: announced\n    available: 2027\n    notes: ~1.4kW per board\n  - id: old-one\n    name: Old One\n    kind: gpu\n    status: announced\n    available: 2025\n    memory: {type: HBM3, capacity_gb: 80}\n";

/// A1: notes edited in place, announced date slips, memory and a spec change; A2: notes
/// rewritten; A3: notes gain Markdown characters; Old One removed, New One added.
const NEW: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    announced: 2025-12\n    available: 2026H1\n    memory: {type: HBM4, capacity_gb: 1024}\n    specs: {tdp_w: 1400}\n    sources: [https://acme.example/a1, https://acme.example/a1-update]\n    notes: Taped out in 2023 in San Jose. Ships with HBM3E in volume.\n  - id: a2\n    name: A2\n    kind: gpu\n    status: announced\n    available: 2027\n    notes: 'Blackwell-style refresh. 12-high HBM3E (8 stacks x 36GB); ~1.4kW; ~1.5x A1 dense FP4 (15 PF). Renamed per TrendForce (~Oct 2024). Status: shipping (first racks delivered 2025-07), with per-GPU bandwidth moved 13 TB/s -> 20.5 TB/s.'\n  - id: a3\n    name: A3\n    kind: cpu\n    status: announced\n    available: 2027\n    notes: '~1.4kW per board | *est.* _x_'\n  - id: new-one\n    name: New One\n    kind: gpu\n    status: rumored\n    available: 2026-12\n    memory: {type: GDDR7, capacity_gb: 128}\n";

/// Returns a roadmap snapshotted as `2025-01-10-first`, then changed to `NEW`.
fn changed() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", OLD)]);
    env.stdout(&["snapshot", "2025-01-10-first", "--taken", "2025-01-10"]);
    env.write("roadmaps/acme.yaml", NEW);
    env
}

/// Returns the lines of `text` that start (after indentation) with `start`, and the ones after
/// it up to the next field line, joined.
fn field<'a>(text: &'a str, start: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line starting `{start}` in\n{text}"));
    let indent = lines[at].len() - lines[at].trim_start().len();
    let mut out = vec![lines[at]];
    for line in &lines[at + 1..] {
        if line.len() - line.trim_start().len() <= indent {
            break;
        }
        out.push(line);
    }
    out
}

#[test]
fn notes_word_diff_marked_every_word_and_space() {
    let env = changed();
    let text = env.stdout(&["diff", "--width", "80"]);
    assert_eq!(
        field(&text, "notes: Taped"),
        [
            "      notes: Taped out in [-2023.-] {+2023 in San Jose.+} Ships with HBM3E in",
            "        volume."
        ],
        "{text}"
    );
    assert!(!text.contains("{+ +}") && !text.contains("+}{+"), "{text}");
}

#[test]
fn markdown_notes_diff_rendered_as_broken_bold() {
    let env = changed();
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains("  - `notes`: Taped out in ~~2023.~~ **2023 in San Jose.** Ships with HBM3E in volume.\n"),
        "{md}"
    );
    assert!(!md.contains("****") && !md.contains("~~~~"), "{md}");
}

#[test]
fn markdown_notes_diff_let_tildes_stars_and_pipes_act_as_markup() {
    let env = changed();
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains(r"  - `notes`: \~1.4kW per board **\| \*est.\* \_x\_**"),
        "{md}"
    );
}

#[test]
fn a_rewritten_note_was_diffed_word_by_word() {
    let env = changed();
    let text = env.stdout(&["diff", "--width", "80"]);
    let notes = field(&text, "notes: rewritten");
    assert_eq!(
        notes[..5],
        [
            "      notes: rewritten",
            "        - Computex 2024: a refresh for 2025 with more HBM3E than the 192GB of",
            "          A1.",
            "        + Blackwell-style refresh. 12-high HBM3E (8 stacks x 36GB); ~1.4kW;",
            "          ~1.5x A1 dense FP4 (15 PF). Renamed per TrendForce (~Oct 2024).",
        ],
        "{text}"
    );
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains("  - `notes`, rewritten:\n    - before: ~~Computex 2024: a refresh for 2025 with more HBM3E than the 192GB of A1.~~\n    - after: Blackwell-style refresh."),
        "{md}"
    );
}

#[test]
fn markdown_turned_arrows_inside_the_data_into_its_own() {
    let env = changed();
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(md.contains(r"13 TB/s -\> 20.5 TB/s"), "{md}");
    assert!(!md.contains("13 TB/s →"), "{md}");
}

#[test]
fn diff_text_ran_past_the_width() {
    let env = changed();
    // A long unbroken word must stand alone; everything else fits 80 columns.
    env.write(
        "roadmaps/acme.yaml",
        NEW.replace(
            "~1.4kW per board",
            "~1.4kW per board, see https://acme.example/a-very-long-path/that-does-not-fit-on-any-line-of-eighty-columns-at-all/x",
        ),
    );
    let text = env.stdout(&["diff", "--width", "80"]);
    let url = "https://acme.example/a-very-long-path/that-does-not-fit-on-any-line-of-eighty-columns-at-all/x";
    for line in text.lines().filter(|l| !l.contains(url)) {
        assert!(
            line.chars().count() <= 80,
            "wider than 80: {line:?}\n{text}"
        );
    }
    assert_eq!(
        field(&text, "notes: ~1.4kW"),
        [
            "      notes: ~1.4kW per [-board-] {+board, see+}".to_string(),
            format!("        {{+{url}+}}"),
            r"        {+| *est.* _x_+}".to_string(),
        ],
        "a word longer than the width stands alone:\n{text}"
    );
}

#[test]
fn a_wrapped_word_diff_split_its_markers_across_lines() {
    let env = changed();
    let long = "Taped out in 2023 in San Jose and again in Austin after a respin that moved the whole schedule by one full quarter. Ships with HBM3E in volume.";
    env.write(
        "roadmaps/acme.yaml",
        NEW.replace(
            "Taped out in 2023 in San Jose. Ships with HBM3E in volume.",
            long,
        ),
    );
    let text = env.stdout(&["diff", "--width", "60"]);
    let notes = field(&text, "notes: Taped");
    assert!(notes.len() > 2, "{text}");
    for line in &notes {
        assert!(line.chars().count() <= 60, "{line:?}\n{text}");
        assert_eq!(
            line.matches("{+").count(),
            line.matches("+}").count(),
            "{line:?}"
        );
        assert_eq!(
            line.matches("[-").count(),
            line.matches("-]").count(),
            "{line:?}"
        );
    }
}

#[test]
fn slip_summary_counted_only_available_dates() {
    let env = changed();
    let text = env.stdout(&["diff", "--width", "80"]);
    assert!(
        text.contains("announced: slipped 9 months: 2025-03 -> 2025-12"),
        "{text}"
    );
    assert!(
        text.ends_with("1 added, 1 removed, 3 modified, 0 renamed\navailable: 0 slipped, 0 pulled in; announced: 1 slipped, 0 pulled in\n"),
        "{text}"
    );
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains("**Summary:** 1 added, 1 removed, 3 modified, 0 renamed; available: 0 slipped, 0 pulled in; announced: 1 slipped, 0 pulled in.\n"),
        "{md}"
    );
    let json = env.stdout(&["diff", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("one JSON value");
    assert_eq!(
        v["summary"],
        serde_json::json!({"added": 1, "removed": 1, "modified": 3, "renamed": 0, "slipped": 0, "pulled_in": 0, "announced_slipped": 1, "announced_pulled_in": 0})
    );
}

#[test]
fn added_and_removed_entries_said_only_added_or_removed() {
    let env = changed();
    let text = env.stdout(&["diff", "--width", "80"]);
    assert!(
        text.contains(
            "  + acme/new-one  New One  (added: rumored, available 2026-12, GDDR7 128GB)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "  - acme/old-one  Old One  (removed: announced, available 2025, HBM3 80GB)\n"
        ),
        "{text}"
    );
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains(
            "- **New One** (`acme/new-one`): added: rumored, available 2026-12, GDDR7 128GB\n"
        ),
        "{md}"
    );
}

#[test]
fn diff_had_no_ignore_or_fields() {
    let env = changed();
    let text = env.stdout(&["diff", "--ignore", "notes,sources", "--width", "80"]);
    assert!(
        !text.contains("notes:") && !text.contains("sources:"),
        "{text}"
    );
    assert!(
        !text.contains("acme/a2") && !text.contains("acme/a3"),
        "an entry whose only changes are ignored disappears:\n{text}"
    );
    assert!(text.contains("memory.capacity_gb: 576 -> 1024"), "{text}");
    assert!(text.contains("1 added, 1 removed, 1 modified"), "{text}");
    // Repeated flags and a prefix path: `memory` covers `memory.capacity_gb`.
    let only = env.stdout(&[
        "diff",
        "--fields",
        "memory",
        "--fields",
        "specs.tdp_w",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&only).expect("one JSON value");
    let paths: Vec<&str> = v["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .flat_map(|c| c["fields"].as_array().expect("fields"))
        .map(|f| f["path"].as_str().expect("a path"))
        .collect();
    assert_eq!(paths, ["memory.capacity_gb", "specs.tdp_w"], "{only}");
    assert_eq!(v["summary"]["announced_slipped"], 0, "{only}");
    // Only ignored changes: --exit-code finds nothing.
    env.write("roadmaps/acme.yaml", OLD.replace("in volume.", "in bulk."));
    env.chipmap(&["diff", "--exit-code", "--ignore", "notes"])
        .assert()
        .code(0);
    env.chipmap(&["diff", "--exit-code"]).assert().code(1);
}

#[test]
fn an_unknown_diff_path_was_not_refused() {
    let env = changed();
    let said = env.refused(&["diff", "--ignore", "note"]);
    assert!(
        said.contains("`note`") && said.contains("did you mean `notes`?"),
        "{said}"
    );
    let said = env.refused(&["diff", "--fields", "specs.tdpw"]);
    assert!(said.contains("did you mean `specs.tdp_w`?"), "{said}");
    let said = env.refused(&["diff", "--ignore", "notes", "--format", "unified"]);
    assert!(said.contains("--format unified"), "{said}");
    let said = env.refused(&["diff", "--fields", "memory.size"]);
    assert!(
        said.contains("did you mean `memory.type`?") || said.contains("memory.capacity_gb"),
        "{said}"
    );
}

#[test]
fn a_filled_in_spec_sheet_took_a_line_per_value() {
    let env = changed();
    env.write(
        "roadmaps/acme.yaml",
        NEW.replace(
            "    notes: '~1.4kW per board | *est.* _x_'\n",
            "    notes: '~1.4kW per board | *est.* _x_'\n    memory: {type: LPDDR5X, capacity_gb: 1536}\n    specs: {cores: 88, threads: 176, nvlink_c2c_tbs: 1.8, transistors_b: 227, l3_cache_mb: 162}\n",
        ),
    );
    let text = env.stdout(&["diff", "--width", "80"]);
    assert_eq!(
        field(&text, "memory: +"),
        ["      memory: + type LPDDR5X, capacity_gb 1536"],
        "{text}"
    );
    assert_eq!(
        field(&text, "specs: +"),
        [
            "      specs: + cores 88, l3_cache_mb 162, nvlink_c2c_tbs 1.8, threads 176,",
            "        transistors_b 227"
        ],
        "{text}"
    );
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(
        md.contains("  - `specs`: + cores 88, l3\\_cache\\_mb 162, nvlink\\_c2c\\_tbs 1.8, threads 176, transistors\\_b 227\n"),
        "{md}"
    );
}

#[test]
fn an_added_entry_line_split_its_memory_across_lines() {
    let env = changed();
    env.write(
        "roadmaps/acme.yaml",
        NEW.replace("type: GDDR7", "type: Acme in-house HBM"),
    );
    let text = env.stdout(&["diff", "--width", "70"]);
    assert!(
        text.contains("  + acme/new-one  New One  (added: rumored, available 2026-12,\n      Acme in-house HBM 128GB)\n"),
        "{text}"
    );
}

#[test]
fn the_summary_wrapped_inside_a_clause() {
    let env = changed();
    let text = env.stdout(&["diff", "--width", "60"]);
    assert!(
        text.ends_with(
            "\navailable: 0 slipped, 0 pulled in;\n  announced: 1 slipped, 0 pulled in\n"
        ),
        "{text}"
    );
}

#[test]
fn a_change_of_white_space_alone_marked_nothing() {
    let env = changed();
    env.write(
        "roadmaps/acme.yaml",
        OLD.replace(
            "Ships with HBM3E in volume.",
            "Ships with  HBM3E in volume.",
        ),
    );
    let text = env.stdout(&["diff", "--width", "80"]);
    assert!(text.contains("      notes: white space only\n"), "{text}");
    let md = env.stdout(&["diff", "--format", "markdown"]);
    assert!(md.contains("  - `notes`: white space only\n"), "{md}");
}

#[test]
fn markdown_printed_names_and_values_as_markup() {
    let env = changed();
    let marked = NEW
        .replace("name: Acme AI", "name: 'Acme_AI | *Labs*'")
        .replace("name: New One", "name: 'New_One|x'")
        .replace("type: GDDR7", "type: GDDR7_*x*")
        .replace(
            "    specs: {tdp_w: 1400}\n",
            "    specs: {tdp_w: 1400}\n    aliases: ['A|1', '<b>']\n    process: 'N3 ~ `x`'\n",
        );
    env.write("roadmaps/acme.yaml", marked);
    let md = env.stdout(&["diff", "--format", "markdown"]);
    for shown in [
        r"### Acme\_AI \| \*Labs\*",
        r"- **New\_One\|x** (`acme/new-one`): added: rumored, available 2026-12, GDDR7\_\*x\* 128GB",
        r"  - `aliases`: + A\|1, \<b\>",
        r"  - `process`: (none) → N3 \~ \`x\`",
    ] {
        assert!(md.contains(shown), "no {shown:?} in\n{md}");
    }
}

#[test]
fn a_word_diff_was_uncoloured_on_a_terminal() {
    let env = changed();
    let plain = env.stdout(&["diff", "--width", "80"]);
    let coloured = env.stdout(&["diff", "--width", "80", "--color", "always"]);
    assert!(
        coloured.contains(
            "in \u{1b}[31m[-2023.-]\u{1b}[0m \u{1b}[32m{+2023 in San Jose.+}\u{1b}[0m Ships"
        ),
        "{coloured}"
    );
    // Colour takes no columns: the lines break where they do without it.
    let mut stripped = String::new();
    let mut rest = coloured.as_str();
    while let Some(at) = rest.find('\u{1b}') {
        stripped.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = &rest[rest.find('m').map_or(rest.len(), |m| m + 1)..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, plain);
}
