//! timeline, list, show, check and init on the shipped data, as a user would run them.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use crate::common::{TestEnv, repo_path, shipped_summary};

fn widest_line(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

const VENDORS: &[&str] = &[
    "NVIDIA",
    "AMD",
    "Intel",
    "Google",
    "Amazon",
    "Microsoft",
    "Meta",
    "ByteDance",
    "Huawei",
    "Cambricon",
    "Biren",
    "Moore Threads",
    "JEDEC HBM",
    "SK hynix",
    "Samsung",
    "Micron",
];

#[test]
fn timeline_at_80_columns_fits_and_shows_every_vendor() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["timeline", "--width", "80"]);
    assert!(widest_line(&out) <= 80, "a line is wider than 80:\n{out}");
    for vendor in VENDORS {
        assert!(out.contains(vendor), "{vendor} missing:\n{out}");
    }
    assert!(out.contains("today 2026-11-30"));
    assert!(!out.contains('\u{1b}'), "colour in a pipe");
}

#[test]
fn timeline_rows_hold_one_whole_name_each() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["timeline", "--width", "60", "--vendor", "nvidia"]);
    assert!(widest_line(&out) <= 60, "{out}");
    // Every name appears whole on a row, in the label column, never cut mid-word.
    for name in [
        "H100",
        "Rubin Ultra",
        "GH200 (HBM3E)",
        "Feynman",
        "NVLink-C2C",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("  {name} "))),
            "{name} not whole:\n{out}"
        );
    }
}

#[test]
fn timeline_is_100_wide_in_a_pipe_and_rich_at_160() {
    let env = TestEnv::with_shipped_data();
    let piped = env.stdout(&["timeline"]);
    assert!(
        widest_line(&piped) <= 100 && widest_line(&piped) > 80,
        "{piped}"
    );
    let wide = env.stdout(&["timeline", "--width", "160", "--vendor", "amd"]);
    assert!(widest_line(&wide) <= 160);
    assert!(
        wide.contains("HBM3E 256GB"),
        "memory column at 160:\n{wide}"
    );
    let narrow = env.stdout(&["timeline", "--width", "80", "--vendor", "amd"]);
    assert!(
        !narrow.contains("HBM3E 256GB"),
        "no memory column at 80:\n{narrow}"
    );
}

#[test]
fn timeline_refuses_a_width_under_60() {
    let env = TestEnv::new();
    env.chipmap(&["timeline", "--width", "59"]).assert().code(2);
}

#[test]
fn timeline_draws_status_by_glyph_with_a_legend_and_today() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["timeline", "--vendor", "nvidia", "--width", "100"]);
    let row = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("  {name} ")))
            .unwrap()
            .to_string()
    };
    assert!(
        row("H100").contains('█'),
        "shipping half-year is a solid bar"
    );
    assert!(
        row("Rubin Ultra").contains('▒'),
        "announced year is a shaded bar"
    );
    assert!(row("GB300").contains('●'), "a month is a dot");
    assert!(row("Feynman").contains('▒'));
    assert!(out.contains("█● shipping") && out.contains("▒◆ announced") && out.contains("┊ today"));
    assert!(out.contains('▼'), "today marked on the axis");
    let undated = row("A100 80GB");
    assert!(
        undated.contains(" — ") && !undated.contains('█'),
        "listed, not drawn: {undated}"
    );
    assert!(out.contains("— no available date"), "{out}");
}

#[test]
fn timeline_filters_and_ranges() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&[
        "timeline", "--vendor", "AMD", "--status", "shipping", "--from", "2023", "--to", "2025",
    ]);
    assert!(out.starts_with("available dates, 2023–2025"), "{out}");
    assert!(out.contains("MI300X") && !out.contains("MI455X") && !out.contains("NVIDIA"));
    let hbm = env.stdout(&["timeline", "--kind", "memory", "--memory", "hbm4"]);
    assert!(
        hbm.contains("HBM4") && !hbm.contains("HBM3E") && !hbm.contains("Rubin"),
        "{hbm}"
    );
    let family = env.stdout(&["timeline", "--family", "blackwell"]);
    assert!(family.contains("B300") && family.contains("B200") && !family.contains("H100"));
    let announced = env.stdout(&["timeline", "--by", "announced", "--vendor", "nvidia"]);
    assert!(announced.starts_with("announced dates"));
    assert!(
        announced.contains("  A100 80GB "),
        "drawn by its announced date:\n{announced}"
    );
    env.chipmap(&["timeline", "--from", "2027", "--to", "2026"])
        .assert()
        .code(2);
}

#[test]
fn unknown_vendor_or_status_is_a_usage_error() {
    let env = TestEnv::with_shipped_data();
    let stderr = env.refused(&["timeline", "--vendor", "nvdia"]);
    assert!(
        stderr.contains("no vendor `nvdia`") && stderr.contains("nvidia"),
        "{stderr}"
    );
    let stderr = env.refused(&["list", "--status", "shiping"]);
    assert!(stderr.contains("did you mean `shipping`"), "{stderr}");
}

#[test]
fn color_only_when_asked_and_never_with_no_color() {
    let env = TestEnv::with_shipped_data();
    let coloured = env.stdout(&["timeline", "--color", "always", "--vendor", "amd"]);
    assert!(coloured.contains("\u{1b}["));
    let out = env
        .chipmap(&["timeline", "--vendor", "amd"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
    let never = env.stdout(&["list", "--color", "never"]);
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn list_csv_is_valid_and_has_every_entry() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--columns",
        "key,name,available,notes",
    ]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["key", "name", "available", "notes"]
    );
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("valid CSV row"))
        .collect();
    let json: serde_json::Value =
        serde_json::from_str(&env.stdout(&["list", "--format", "json"])).unwrap();
    assert_eq!(rows.len(), json.as_array().unwrap().len());
    let rubin = rows.iter().find(|r| &r[0] == "nvidia/rubin-ultra").unwrap();
    assert_eq!(&rubin[2], "2027");
    assert!(rubin[3].contains(','), "notes with commas survive quoting");
}

#[test]
fn list_json_has_the_section_6_shape() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["list", "--format", "json", "--vendor", "nvidia"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON value");
    let items = value.as_array().expect("an array");
    let h100 = items
        .iter()
        .find(|i| i["key"] == "nvidia/h100")
        .expect("H100");
    let keys: Vec<&str> = h100
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(&keys[..4], ["key", "vendor", "id", "name"]);
    assert_eq!(h100["available"], "2022H2");
    assert_eq!(h100["announced"], "2022-03-22");
    assert_eq!(
        h100["memory"]["capacity_gb"], 80,
        "a whole number prints as written"
    );
    assert_eq!(h100["memory"]["type"], "HBM3");
    assert!(h100["sources"].as_array().is_some_and(|s| !s.is_empty()));
    let feynman = items.iter().find(|i| i["key"] == "nvidia/feynman").unwrap();
    assert!(feynman.get("predecessor").is_none() || feynman["predecessor"].is_string());
    assert!(
        items
            .iter()
            .all(|i| i.get("process") != Some(&serde_json::Value::Null)),
        "absent fields are left out"
    );
}

#[test]
fn list_sorts_and_picks_columns_and_prints_markdown() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&[
        "list",
        "--format",
        "csv",
        "--columns",
        "key,available",
        "--sort",
        "available",
        "--vendor",
        "amd",
    ]);
    let keys: Vec<&str> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(keys.first(), Some(&"amd/mi250x"));
    assert_eq!(keys.last(), Some(&"amd/mi500"));
    let md = env.stdout(&["list", "--format", "markdown", "--vendor", "meta"]);
    assert!(md.lines().nth(1).unwrap().starts_with("|---"), "{md}");
    assert!(md.contains("| meta/mtia-v2 "));
    env.chipmap(&["list", "--columns", "key,tdp"])
        .assert()
        .code(2);
}

#[test]
fn show_finds_by_key_id_name_and_alias() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["show", "nvidia/rubin-ultra"]);
    assert!(out.starts_with("nvidia/rubin-ultra  Rubin Ultra"));
    let capacity = out
        .lines()
        .find(|l| l.trim_start().starts_with("capacity"))
        .unwrap();
    assert!(
        capacity.ends_with(" 1024 GB") && out.contains("https://"),
        "{out}"
    );
    assert!(
        env.stdout(&["show", "rubin-ultra"])
            .starts_with("nvidia/rubin-ultra")
    );
    assert!(
        env.stdout(&["show", "rubin ultra"])
            .starts_with("nvidia/rubin-ultra")
    );
    assert!(
        env.stdout(&["show", "B200 Ultra"])
            .starts_with("nvidia/b300")
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.stdout(&["show", "h100", "--format", "json"])).unwrap();
    assert_eq!(json["key"], "nvidia/h100");
}

#[test]
fn show_names_the_candidates_when_the_key_is_unknown_or_ambiguous() {
    let env = TestEnv::with_shipped_data();
    let stderr = env.refused(&["show", "mi3"]);
    assert!(
        stderr.contains("no entry `mi3`") && stderr.contains("amd/mi300x"),
        "{stderr}"
    );
    let stderr = env.refused(&["show", "hbm4e"]);
    assert!(
        stderr.contains("matches") && stderr.contains("hbm/hbm4e"),
        "{stderr}"
    );
}

#[test]
fn check_passes_on_the_shipped_data() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["check"]);
    assert!(out.ends_with("entries: no problems\n"), "{out}");
}

/// The shipped dataset is what an analyst cites: every snapshot and the working data pass
/// every rule of `check --strict` (sources, confidence, proxies, status against dates, order
/// of dates, memory generations), with each snapshot's `taken` day as its today.
#[test]
fn the_shipped_data_passes_check_strict() {
    let env = TestEnv::with_shipped_data();
    let (code, stdout, stderr) = env.run(&["check", "--strict"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert_eq!(
        stdout,
        format!("roadmaps: {}: no problems\n", shipped_summary())
    );
}

#[test]
fn outside_a_data_directory_the_embedded_dataset_is_used() {
    let env = TestEnv::new();
    let out = env.stdout(&["check"]);
    assert!(
        out.starts_with(&format!("<embedded>: {}", shipped_summary())),
        "{out}"
    );
    assert!(
        env.stdout(&["timeline", "--width", "80"])
            .contains("NVIDIA")
    );
}

#[test]
fn the_nearest_roadmaps_folder_above_is_found_and_data_flags_win() {
    let env = TestEnv::with_files(&[(
        "solo.yaml",
        "vendor: solo\nname: Solo\nentries:\n  - {id: x1, name: X1, kind: gpu, status: announced, available: 2027}\n",
    )]);
    env.write("deep/er/.keep", "");
    let out = env
        .chipmap(&["list", "--format", "csv", "--columns", "key"])
        .current_dir(env.path().join("deep/er"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "key\nsolo/x1\n");
    let shipped = repo_path("roadmaps");
    let out = env.stdout(&[
        "list",
        "--data",
        shipped.to_str().unwrap(),
        "--vendor",
        "nvidia",
    ]);
    assert!(out.contains("nvidia/h100"));
    let out = env
        .chipmap(&["list"])
        .env("CHIPMAP_DATA", &shipped)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("nvidia/h100"));
    env.chipmap(&["list", "--data", "no-such-dir"])
        .assert()
        .code(2);
}

#[test]
fn init_writes_an_editable_copy_and_never_overwrites() {
    let env = TestEnv::new();
    let dry = env
        .chipmap(&["init", "roadmaps", "--dry-run"])
        .output()
        .unwrap();
    assert!(dry.status.success());
    assert!(String::from_utf8_lossy(&dry.stdout).contains("roadmaps/nvidia.yaml"));
    assert!(
        !env.path().join("roadmaps").exists(),
        "a dry run writes nothing"
    );
    let out = env.chipmap(&["init", "roadmaps"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("roadmaps/nvidia.yaml"));
    let shipped = std::fs::read(repo_path("roadmaps/nvidia.yaml")).unwrap();
    assert_eq!(
        std::fs::read(env.path().join("roadmaps/nvidia.yaml")).unwrap(),
        shipped
    );
    assert!(
        env.stdout(&["check"])
            .starts_with(&format!("roadmaps: {}", shipped_summary()))
    );
    // The copy is what chipmap reads from now on: an edit shows.
    let edited = String::from_utf8(shipped.clone())
        .unwrap()
        .replace("name: Rubin Ultra", "name: Rubin Ultra Max");
    env.write("roadmaps/nvidia.yaml", &edited);
    assert!(
        env.stdout(&["show", "nvidia/rubin-ultra"])
            .contains("Rubin Ultra Max")
    );
    assert!(
        env.refused(&["init", "roadmaps"])
            .contains("never overwrites")
    );
    assert_eq!(
        std::fs::read_to_string(env.path().join("roadmaps/nvidia.yaml")).unwrap(),
        edited
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = TestEnv::with_shipped_data();
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("chipmap"))
        .args(["list", "--format", "json"])
        .current_dir(env.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "exit {status:?}: {stderr}");
    assert_eq!(stderr, "");
}
