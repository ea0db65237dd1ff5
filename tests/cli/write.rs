//! The write path under stress: concurrent edits queue and lose nothing; a crash between the
//! temporary file and the rename leaves the old file whole.

use std::process::{Command as StdCommand, Stdio};

use crate::common::TestEnv;

const VENDOR: &str = "# Acme's roadmap\nvendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: shipping\n    available: 2024\n";

#[test]
fn sixteen_concurrent_adds_all_land() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let children: Vec<_> = (0..16)
        .map(|i| {
            StdCommand::new(assert_cmd::cargo::cargo_bin("chipmap"))
                .args([
                    "add",
                    "acme",
                    "--id",
                    &format!("c{i}"),
                    "--name",
                    &format!("C{i}"),
                ])
                .args([
                    "--kind",
                    "gpu",
                    "--status",
                    "announced",
                    "--available",
                    "2027",
                ])
                .current_dir(env.path())
                .env_remove("CHIPMAP_DATA")
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("chipmap starts")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    let added = (0..16)
        .filter(|i| text.contains(&format!("  - id: c{i}\n")))
        .count();
    assert_eq!(added, 16, "every concurrent add is in the file:\n{text}");
    assert!(text.starts_with("# Acme's roadmap\n"), "the comment stays");
    let out = env.chipmap(&["check"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("17 entries"));
}

#[test]
fn a_crash_before_the_rename_leaves_the_old_file_and_no_stray_data() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let out = env
        .chipmap(&["update", "a1", "--set", "available=2025H2"])
        .env("CHIPMAP_FAULT", "after-temp-write")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault hook aborts the process");
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert_eq!(text, VENDOR, "the old file is intact");
    let strays: Vec<String> = std::fs::read_dir(env.path().join("roadmaps"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert_eq!(
        strays.len(),
        1,
        "the crash left its temporary file: {strays:?}"
    );
    assert!(strays[0].starts_with('.'), "hidden, so never read as data");
    let check = env.chipmap(&["check"]).output().unwrap();
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 file, 1 entry: no problems"));
    // The next edit goes through as usual.
    env.chipmap(&["update", "a1", "--set", "available=2025H2"])
        .assert()
        .success();
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert_eq!(text, VENDOR.replace("available: 2024", "available: 2025H2"));
}
