//! Text for a person fits the width it is given; empty results say so; list's columns,
//! sorting and Markdown cells; timeline ranges and wrapped labels.

use chipmap::render::display_width;

use crate::common::TestEnv;

const WIDTHS: &[usize] = &[60, 80, 120];

/// Asserts that every line of `out` is at most `width` columns wide (wide characters count 2).
fn assert_fits(out: &str, width: usize, what: &str) {
    for line in out.lines() {
        assert!(
            display_width(line) <= width,
            "`{what}`: a line is {} wide, over {width}:\n{line}\n\n{out}",
            display_width(line)
        );
    }
}

/// Returns every vendor id of the shipped data.
fn vendors(env: &TestEnv) -> Vec<String> {
    let csv = env.stdout(&["list", "--format", "csv", "--columns", "vendor"]);
    let mut ids: Vec<String> = csv.lines().skip(1).map(str::to_string).collect();
    ids.dedup();
    ids
}

/// Returns every key of the shipped data.
fn keys(env: &TestEnv) -> Vec<String> {
    let csv = env.stdout(&["list", "--format", "csv", "--columns", "key"]);
    csv.lines().skip(1).map(str::to_string).collect()
}

/// Asserts that `command --vendor V --width WIDTH` fits for every vendor of the shipped data.
fn each_vendor_fits(env: &TestEnv, command: &str, width: usize) {
    let w = width.to_string();
    for vendor in vendors(env) {
        let args = [command, "--vendor", &vendor, "--width", &w];
        assert_fits(&env.stdout(&args), width, &args.join(" "));
    }
}

/// Returns stdout and stderr of a run that must succeed.
fn run(env: &TestEnv, args: &[&str]) -> (String, String) {
    let (code, stdout, stderr) = env.run(args);
    assert_eq!(code, Some(0), "chipmap {args:?} failed: {stderr}");
    (stdout, stderr)
}

#[test]
fn list_tables_ran_past_their_width() {
    let env = TestEnv::with_shipped_data();
    for width in WIDTHS {
        let w = width.to_string();
        each_vendor_fits(&env, "list", *width);
        let all = [
            "list",
            "--width",
            &w,
            "--columns",
            "key,name,aliases,sources,notes",
        ];
        assert_fits(&env.stdout(&all), *width, &all.join(" "));
    }
}

#[test]
fn a_narrow_list_cut_no_key_and_said_which_columns_it_left_out() {
    let env = TestEnv::with_shipped_data();
    let (out, err) = run(&env, &["list", "--width", "60", "--vendor", "nvidia"]);
    assert_fits(&out, 60, "list --width 60");
    for key in keys(&env).iter().filter(|k| k.starts_with("nvidia/")) {
        assert!(
            out.contains(&format!("│ {key} ")),
            "{key} not whole:\n{out}"
        );
    }
    assert!(
        err.contains("left out") && err.contains("announced"),
        "no word of the dropped columns: {err}\n{out}"
    );
    let (_, err) = run(&env, &["list", "--width", "120", "--vendor", "nvidia"]);
    assert!(err.is_empty(), "nothing left out at 120: {err}");
}

#[test]
fn list_amd_at_80_was_82_wide() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["list", "--vendor", "amd", "--width", "80"]);
    assert_fits(&out, 80, "list --vendor amd --width 80");
    assert!(out.contains("│ amd/mi250x "), "{out}");
    assert!(out.lines().last().unwrap().starts_with('└'), "{out}");
}

#[test]
fn show_history_rows_and_source_urls_ran_past_80() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["show", "rubin-ultra", "--width", "80"]);
    assert_fits(&out, 80, "show rubin-ultra --width 80");
    // Every URL is still all there: its pieces, joined, are the URL.
    let joined: String = out
        .split("  sources\n")
        .nth(1)
        .unwrap()
        .split("  history\n")
        .next()
        .unwrap()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("");
    assert!(
        joined.contains(
            "https://kitguru.net/components/graphic-cards/joao-silva/nvidia-unveils-new-data-centre-gpu-roadmap-at-gtc-2025"
        ),
        "{out}"
    );
    assert!(out.contains("2025-03-18-gtc"), "{out}");
}

#[test]
fn show_ran_past_its_width_for_some_entries() {
    let env = TestEnv::with_shipped_data();
    let keys = keys(&env);
    // Every entry at the narrowest width, where a line is likeliest to run over (a run of
    // show reads every snapshot, so all of them at every width would take a minute).
    for key in &keys {
        let args = ["show", key.as_str(), "--width", "60"];
        assert_fits(&env.stdout(&args), 60, &args.join(" "));
    }
    for vendor in vendors(&env) {
        let key = keys
            .iter()
            .find(|k| k.starts_with(&format!("{vendor}/")))
            .unwrap();
        for width in ["80", "120"] {
            let args = ["show", key.as_str(), "--width", width];
            assert_fits(&env.stdout(&args), width.parse().unwrap(), &args.join(" "));
        }
    }
}

#[test]
fn timeline_fits_for_every_vendor_and_width() {
    let env = TestEnv::with_shipped_data();
    for width in WIDTHS {
        each_vendor_fits(&env, "timeline", *width);
    }
}

#[test]
fn a_wrapped_timeline_label_looked_like_a_new_entry() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["timeline", "--vendor", "huawei", "--width", "60"]);
    let first = out
        .lines()
        .position(|l| l.starts_with("  Atlas 950"))
        .unwrap_or_else(|| panic!("no Atlas 950 row:\n{out}"));
    let next = out.lines().nth(first + 1).unwrap();
    assert!(
        next.contains("SuperPoD"),
        "expected the label's continuation:\n{out}"
    );
    assert!(
        next.starts_with("    ") && !next.contains('·') && !next.contains('┊'),
        "the continuation row carries the axis or sits where entries start:\n{next:?}\n{out}"
    );
}

#[test]
fn markdown_tables_did_not_escape_a_pipe() {
    let file = "vendor: acme\nname: Acme\nentries:\n  - id: b300\n    name: B3*00\n    kind: gpu\n    status: announced\n    available: 2027\n    aliases: [B3|00, x_y]\n";
    let env = TestEnv::with_files(&[("acme.yaml", file)]);
    let md = env.stdout(&[
        "list",
        "--format",
        "markdown",
        "--columns",
        "key,name,aliases",
    ]);
    let row = md.lines().nth(2).unwrap_or_else(|| panic!("{md}"));
    let unescaped = row.replace("\\|", "").matches('|').count();
    assert_eq!(unescaped, 4, "a pipe in a cell adds a column:\n{md}");
    assert!(
        row.contains(r"B3\|00") && row.contains(r"B3\*00") && row.contains(r"x\_y"),
        "{md}"
    );
}

const EMPTY_FILTER: &[&str] = &["list", "--vendor", "amd", "--kind", "cpu"];

#[test]
fn an_empty_list_had_no_bottom_border_and_no_message() {
    let env = TestEnv::with_shipped_data();
    let (out, err) = run(&env, EMPTY_FILTER);
    assert!(out.lines().last().unwrap().starts_with('└'), "{out}");
    assert!(err.contains("no entries match"), "{err}");
    let with = |format: &str| {
        let mut args = EMPTY_FILTER.to_vec();
        args.extend(["--format", format]);
        run(&env, &args)
    };
    let (csv, err) = with("csv");
    assert_eq!(csv, "key,name,kind,status,announced,available,memory\n");
    assert!(err.contains("no entries match"), "{err}");
    assert_eq!(with("json").0.trim(), "[]");
    let (md, err) = with("markdown");
    assert_eq!(md.lines().count(), 2, "{md}");
    assert!(err.contains("no entries match"), "{err}");
}

#[test]
fn timeline_from_2030_drew_only_undated_rows() {
    let env = TestEnv::with_shipped_data();
    let (out, err) = run(&env, &["timeline", "--from", "2030"]);
    assert!(
        !out.contains("  A100 80GB"),
        "an undated row in a range:\n{out}"
    );
    assert!(!out.contains("  Trainium4"), "{out}");
    assert!(
        err.contains("no entries") && err.contains("2030"),
        "nothing in range, and no word of it: {err}"
    );
    // Without a range, undated entries are listed as before.
    let all = env.stdout(&["timeline", "--vendor", "nvidia"]);
    assert!(all.contains("  A100 80GB"), "{all}");
    // With one, they are counted, not drawn.
    let ranged = env.stdout(&["timeline", "--vendor", "nvidia", "--from", "2024"]);
    assert!(
        !ranged.contains("  A100 80GB") && ranged.contains("no available date"),
        "{ranged}"
    );
}

#[test]
fn list_had_no_spec_columns_nor_descending_sort() {
    let env = TestEnv::with_shipped_data();
    let csv = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--columns",
        "key,specs.tdp_w",
        "--sort",
        "-specs.tdp_w",
    ]);
    let rows: Vec<(&str, &str)> = csv
        .lines()
        .skip(1)
        .map(|l| l.split_once(',').unwrap())
        .collect();
    assert_eq!(csv.lines().next(), Some("key,specs.tdp_w"));
    let numbers: Vec<f64> = rows
        .iter()
        .take_while(|(_, v)| !v.is_empty())
        .map(|(_, v)| v.parse().unwrap())
        .collect();
    assert!(numbers.len() >= 5, "{csv}");
    assert!(
        numbers.windows(2).all(|w| w[0] >= w[1]),
        "not descending by number:\n{csv}"
    );
    assert!(
        rows[numbers.len()..].iter().all(|(_, v)| v.is_empty()),
        "entries without it go last:\n{csv}"
    );
    let ascending = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--columns",
        "key",
        "--sort",
        "available",
        "--vendor",
        "amd",
    ]);
    let descending = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--columns",
        "key",
        "--sort",
        "-available",
        "--vendor",
        "amd",
    ]);
    assert_eq!(ascending.lines().nth(1), Some("amd/mi250x"));
    assert_eq!(descending.lines().nth(1), Some("amd/mi500"), "{descending}");
}

#[test]
fn list_had_no_iso_day_columns_for_spreadsheets() {
    let env = TestEnv::with_shipped_data();
    let csv = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--vendor",
        "amd",
        "--columns",
        "key,available,available.start,available.end",
    ]);
    assert!(
        csv.contains("amd/mi455x,2026H2,2026-07-01,2026-12-31\n"),
        "{csv}"
    );
    assert!(
        csv.contains("amd/mi250x,2021Q4,2021-10-01,2021-12-31\n"),
        "{csv}"
    );
}

#[test]
fn list_columns_used_two_separators() {
    let file = "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2027\n    aliases: [A, B]\n    sources: [https://a.example/1, https://b.example/2]\n";
    let env = TestEnv::with_files(&[("acme.yaml", file)]);
    let csv = env.stdout(&["list", "--format", "csv", "--columns", "aliases,sources"]);
    assert_eq!(
        csv.lines().nth(1),
        Some("A; B,https://a.example/1; https://b.example/2")
    );
    let md = env.stdout(&[
        "list",
        "--format",
        "markdown",
        "--columns",
        "aliases,sources",
    ]);
    assert!(
        md.contains("A; B") && md.contains("https://a.example/1; https://b.example/2"),
        "{md}"
    );
}

#[test]
fn an_unknown_column_got_no_did_you_mean() {
    let env = TestEnv::with_shipped_data();
    let err = env.refused(&["list", "--columns", "key,availble"]);
    assert!(err.contains("did you mean `available`"), "{err}");
    let err = env.refused(&["list", "--columns", "key,tdp_w"]);
    assert!(err.contains("did you mean `specs.tdp_w`"), "{err}");
    let err = env.refused(&["list", "--columns", "key,specs.tdpw"]);
    assert!(err.contains("did you mean `specs.tdp_w`"), "{err}");
    let err = env.refused(&["list", "--sort", "-availble"]);
    assert!(err.contains("did you mean `available`"), "{err}");
}

#[test]
fn snapshot_list_and_check_summary_ran_past_their_width() {
    let env = TestEnv::with_shipped_data();
    for width in ["40", "60"] {
        let list = ["snapshot", "--list", "--width", width];
        let out = env.stdout(&list);
        assert_fits(&out, width.parse().unwrap(), &list.join(" "));
        assert!(out.contains("2024-08-31  2024-08-31-"), "{out}");
        let check = ["check", "--width", width];
        let out = env.stdout(&check);
        assert_fits(&out, width.parse().unwrap(), &check.join(" "));
        assert!(out.contains("no problems"), "{out}");
    }
}

#[test]
fn a_long_vendor_name_ran_into_the_axis_and_past_the_width() {
    // Huawei (HiSilicon) (12) at 66 columns ran into the axis and out of the width.
    let env = TestEnv::with_files(&[(
        "acme.yaml",
        "vendor: acme\nname: Acme Heavy Industries (HiSilicon Semiconductor Division)\nentries:\n  - {id: x1, name: X1, kind: gpu, status: announced, available: 2026}\n  - {id: x2, name: X2, kind: gpu, status: announced, available: 2019}\n",
    )]);
    for width in 60..=140 {
        let w = width.to_string();
        let args = ["timeline", "--width", &w];
        let out = env.stdout(&args);
        assert_fits(&out, width, &args.join(" "));
        for line in out.lines().filter(|l| l.contains("Acme")) {
            let axis = line.find(['·', '┊']).unwrap_or(line.len());
            assert!(
                line[..axis].ends_with("  ") || axis == line.len(),
                "the vendor's name runs into the axis at {width}:\n{out}"
            );
        }
    }
}
