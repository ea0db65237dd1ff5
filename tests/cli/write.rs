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

#[test]
fn a_writer_waited_for_the_lock_forever_and_silently() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let lock = std::fs::File::create(env.path().join("roadmaps/.chipmap.lock")).unwrap();
    lock.lock().unwrap();
    let out = env
        .chipmap(&["update", "a1", "--set", "available=2025"])
        .env("CHIPMAP_LOCK_TIMEOUT", "1")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "blocked or failed: {stderr}");
    assert!(stderr.contains("waiting for another chipmap"), "{stderr}");
    assert!(stderr.contains(".chipmap.lock"), "{stderr}");
    assert!(stderr.contains("CHIPMAP_LOCK_TIMEOUT"), "{stderr}");
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert_eq!(text, VENDOR, "nothing written without the lock");
    drop(lock);
    env.chipmap(&["update", "a1", "--set", "available=2025"])
        .assert()
        .success();
}

#[test]
fn a_symlinked_lock_file_was_followed() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    std::os::unix::fs::symlink("../victim", env.path().join("roadmaps/.chipmap.lock")).unwrap();
    let stderr = env.refused(&["update", "a1", "--set", "available=2025"]);
    assert!(stderr.contains("symlink"), "{stderr}");
    assert!(!env.path().join("victim").exists(), "the link was followed");
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert_eq!(text, VENDOR);
}

#[test]
fn check_never_mentioned_temporary_files_a_crash_left() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    env.write("roadmaps/.acme.yaml.tmp-Ab12Cd", "half");
    env.write("roadmaps/snapshots/.first.yaml.tmp-Xy34Zw", "half");
    env.write("roadmaps/.chipmap-init-Qw56Er", "half");
    let out = env.chipmap(&["check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "leftovers are no problem: {stdout}"
    );
    for name in [
        ".acme.yaml.tmp-Ab12Cd",
        ".first.yaml.tmp-Xy34Zw",
        ".chipmap-init-Qw56Er",
    ] {
        assert!(stdout.contains(name), "{name} not named:\n{stdout}");
    }
    assert!(stdout.contains("safe to delete"), "{stdout}");
    assert!(stdout.contains("1 file, 1 entry: no problems"), "{stdout}");
}

#[test]
fn a_snapshot_over_a_dangling_symlink_said_file_exists() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    std::fs::create_dir_all(env.path().join("roadmaps/snapshots")).unwrap();
    let link = env.path().join("roadmaps/snapshots/first.yaml");
    std::os::unix::fs::symlink("../../nowhere.yaml", &link).unwrap();
    let stderr = env.refused(&["snapshot", "first"]);
    assert!(stderr.contains("exists already"), "{stderr}");
    assert!(
        !env.path().join("nowhere.yaml").exists(),
        "the link was followed"
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}
