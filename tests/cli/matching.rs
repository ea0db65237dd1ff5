//! What a user types to name an entry, a vendor or a word, matched as docs/format.md section 6
//! says; and lists that do not take a value twice. Each test is named after what broke.

use crate::common::TestEnv;

const ZETA: &str = "vendor: zeta\nname: Zeta Labs\naliases: [ZL]\nentries:\n  - id: z1\n    name: Z1\n    kind: gpu\n    status: announced\n    available: 2027\n    aliases: [Zed One]\n    sources:\n      - https://zeta.example/z1\n";

#[test]
fn show_b200_ultra_and_blackwell_ultra_former_ids_did_not_resolve() {
    let env = TestEnv::with_shipped_data();
    for key in [
        "b200-ultra",
        "blackwell-ultra",
        "nvidia/b200-ultra",
        "NVIDIA/B300",
    ] {
        let out = env.stdout(&["--width", "80", "show", key]);
        assert!(out.starts_with("nvidia/b300  B300\n"), "{key}:\n{out}");
    }
}

#[test]
fn update_and_remove_did_not_take_a_former_id() {
    let env = TestEnv::with_files(&[("zeta.yaml", ZETA)]);
    let (code, _, stderr) = env.run(&["update", "zed-one", "--status", "sampling"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("updated zeta/z1"), "{stderr}");
    let (code, _, stderr) = env.run(&["remove", "ZL/zed_one", "--dry-run"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("zeta/z1 would be removed"), "{stderr}");
}

#[test]
fn a_missed_key_did_not_suggest_by_alias() {
    let env = TestEnv::with_files(&[("zeta.yaml", ZETA)]);
    let stderr = env.refused(&["show", "zed-onr"]);
    assert!(stderr.contains("did you mean: zeta/z1?"), "{stderr}");
}

#[test]
fn rename_to_the_id_it_has_said_nothing_clear() {
    let env = TestEnv::with_shipped_data();
    let (code, stdout, stderr) = env.run(&["update", "b200-ultra", "--rename", "b300"]);
    assert_eq!((code, stdout.as_str()), (Some(0), ""), "{stderr}");
    assert!(
        stderr.contains(
            "nvidia/b300: its id is `b300` already (`b200-ultra` is another name of it); nothing to rename"
        ),
        "{stderr}"
    );
}

#[test]
fn kind_and_status_in_capitals_were_refused() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&[
        "list", "--kind", "GPU", "--status", "Shipping", "--vendor", "amd",
    ]);
    assert!(
        out.contains("amd/mi300x") && !out.contains("amd/mi300a"),
        "{out}"
    );
}

#[test]
fn a_kind_typed_in_capitals_is_written_in_lowercase() {
    let env = TestEnv::with_files(&[("zeta.yaml", ZETA)]);
    env.stdout(&["update", "z1", "--kind", "CPU", "--set", "status=Sampling"]);
    let text = std::fs::read_to_string(env.path().join("roadmaps/zeta.yaml")).unwrap();
    assert!(
        text.contains("kind: cpu\n") && text.contains("status: sampling\n"),
        "{text}"
    );
    let stderr = env.refused(&[
        "add",
        "zeta",
        "--id",
        "z2",
        "--name",
        "Z2",
        "--kind",
        "GPUU",
        "--status",
        "announced",
        "--available",
        "2028",
    ]);
    assert!(stderr.contains("did you mean `gpu`?"), "{stderr}");
}

#[test]
fn a_misspelt_vendor_listed_every_vendor_instead_of_a_suggestion() {
    let env = TestEnv::with_shipped_data();
    let stderr = env.refused(&["list", "--vendor", "nvdia"]);
    assert!(stderr.contains("did you mean `nvidia`?"), "{stderr}");
    assert!(!stderr.contains("amazon"), "{stderr}");
    let stderr = env.refused(&[
        "add",
        "nvdia",
        "--id",
        "x1",
        "--name",
        "X1",
        "--kind",
        "gpu",
        "--status",
        "announced",
        "--available",
        "2028",
    ]);
    assert!(stderr.contains("did you mean `nvidia`?"), "{stderr}");
}

#[test]
fn vendor_aws_named_no_vendor() {
    let env = TestEnv::with_shipped_data();
    let out = env.stdout(&["list", "--vendor", "aws", "--format", "csv"]);
    assert!(out.contains("amazon/trainium2"), "{out}");
    assert!(
        out.lines().skip(1).all(|l| l.starts_with("amazon/")),
        "{out}"
    );
    // A snapshot without the alias keeps the vendor too: no entry shows as added.
    let by_id = env.stdout(&["diff", "2024-06-02-computex", "--vendor", "amazon"]);
    let by_alias = env.stdout(&["diff", "2024-06-02-computex", "--vendor", "AWS"]);
    assert_eq!(by_alias, by_id);
    let (code, _, stderr) = env.run(&[
        "add",
        "aws",
        "--id",
        "x1",
        "--name",
        "X1",
        "--kind",
        "accelerator",
        "--status",
        "announced",
        "--available",
        "2028",
        "--dry-run",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("amazon/x1 would be added"), "{stderr}");
}

#[test]
fn an_alias_or_source_already_listed_was_appended_again() {
    let env = TestEnv::with_shipped_data();
    let (code, stdout, stderr) = env.run(&[
        "update",
        "b300",
        "--alias",
        "b200 ultra",
        "--alias",
        "B300",
        "--source",
        "https://ihal.it/nvidia-gpu-blackwell-b300/",
        "--dry-run",
    ]);
    assert_eq!((code, stdout.as_str()), (Some(0), ""), "{stderr}");
    for note in [
        "nvidia/b300: alias `b200 ultra` is already listed",
        "nvidia/b300: alias `B300` is the entry's name",
        "nvidia/b300: source https://ihal.it/nvidia-gpu-blackwell-b300/ is already listed",
    ] {
        assert!(stderr.contains(note), "{note}:\n{stderr}");
    }
    assert!(
        stderr.ends_with("nvidia/b300: nothing to change\n"),
        "{stderr}"
    );
    let env = TestEnv::with_files(&[("zeta.yaml", ZETA)]);
    let (code, _, stderr) = env.run(&[
        "add",
        "zeta",
        "--id",
        "z2",
        "--name",
        "Z2",
        "--kind",
        "gpu",
        "--status",
        "announced",
        "--available",
        "2028",
        "--alias",
        "Two",
        "--alias",
        "TWO",
        "--dry-run",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("zeta/z2: alias `TWO` is already listed"),
        "{stderr}"
    );
}

#[test]
fn check_said_nothing_of_repeated_aliases_and_sources() {
    let repeated =
        ZETA.replace("[Zed One]", "[Zed One, zed one, Z1]") + "      - https://zeta.example/z1/\n";
    let env = TestEnv::with_files(&[("zeta.yaml", &repeated)]);
    let (code, stdout, _) = env.run(&["check"]);
    assert_eq!(code, Some(0), "{stdout}");
    assert_eq!(
        stdout,
        "roadmaps: 1 file, 1 entry: no problems (3 warnings with --strict)\n"
    );
    let (code, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(code, Some(1), "{stdout}");
    for header in [
        "roadmaps/zeta.yaml:10:24: warning: alias `zed one` is listed twice (line 10 has it)",
        "roadmaps/zeta.yaml:10:33: warning: alias `Z1` is the entry's name",
        "roadmaps/zeta.yaml:13:9: warning: source https://zeta.example/z1/ is listed twice (line 12 has it)",
    ] {
        assert!(stdout.lines().any(|l| l == header), "{header}:\n{stdout}");
    }
    assert!(
        stdout.ends_with("roadmaps: 1 file, 1 entry: no problems, 3 warnings\n"),
        "{stdout}"
    );
}

#[test]
fn check_counted_only_the_valid_entries() {
    let broken = ZETA.replace("kind: gpu", "kind: gpuu") + "  - id: z2\n    name: Z2\n";
    let env = TestEnv::with_files(&[("zeta.yaml", &broken)]);
    let (code, stdout, _) = env.run(&["check"]);
    assert_eq!(code, Some(1));
    assert!(
        stdout.ends_with("roadmaps: 1 file, 2 entries: 4 problems\n"),
        "{stdout}"
    );
}

#[test]
fn a_predecessor_typed_as_a_name_was_written_as_typed_and_refused() {
    let two =
        format!("{ZETA}  - {{id: z2, name: Z2, kind: gpu, status: announced, available: 2028}}\n");
    let env = TestEnv::with_files(&[("zeta.yaml", &two)]);
    let (code, _, stderr) = env.run(&["update", "z2", "--predecessor", "Zed One"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("zeta/z2: predecessor `Zed One` is `zeta/z1`"),
        "{stderr}"
    );
    let text = std::fs::read_to_string(env.path().join("roadmaps/zeta.yaml")).unwrap();
    assert!(text.contains("predecessor: z1}"), "{text}");
}

#[test]
fn a_rename_added_the_old_id_though_the_aliases_listed_it_in_capitals() {
    let listed = ZETA
        .replace("name: Z1\n", "name: Zed\n")
        .replace("[Zed One]", "[Zed One, Z1]");
    let env = TestEnv::with_files(&[("zeta.yaml", &listed)]);
    env.stdout(&["update", "z1", "--rename", "z1x"]);
    let text = std::fs::read_to_string(env.path().join("roadmaps/zeta.yaml")).unwrap();
    assert!(
        text.contains("id: z1x\n") && text.contains("aliases: [Zed One, Z1]\n"),
        "{text}"
    );
    let (code, stdout, _) = env.run(&["check", "--strict"]);
    assert_eq!(
        (code, stdout.as_str()),
        (Some(0), "roadmaps: 1 file, 1 entry: no problems\n")
    );
}

#[test]
fn a_format_or_colour_word_in_capitals_was_refused() {
    let env = TestEnv::with_shipped_data();
    let lower = env.stdout(&["list", "--vendor", "amd", "--format", "json"]);
    assert_eq!(
        env.stdout(&["list", "--vendor", "amd", "--format", "JSON"]),
        lower
    );
    env.chipmap(&["timeline", "--by", "Announced", "--color", "Never"])
        .assert()
        .success();
    env.chipmap(&["diff", "2026-03-16-gtc", "--format", "Markdown"])
        .assert()
        .success();
}
