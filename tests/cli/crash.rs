//! `snapshot` and `init` under stress: concurrent snapshots queue and never overwrite one
//! another; an `init` killed at any moment leaves no partial data directory.

use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::time::Duration;

use crate::common::{TestEnv, shipped_summary};

const VENDOR: &str = "vendor: acme\nname: Acme\nentries:\n  - {id: a1, name: A1, kind: gpu, status: shipping, available: 2024}\n";

fn spawn(env: &TestEnv, args: &[&str]) -> Child {
    StdCommand::new(assert_cmd::cargo::cargo_bin("chipmap"))
        .args(args)
        .current_dir(env.path())
        .env_remove("CHIPMAP_DATA")
        .env("CHIPMAP_TODAY", crate::common::TODAY)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chipmap starts")
}

fn finished(children: Vec<Child>) -> Vec<Output> {
    children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect()
}

#[test]
fn concurrent_snapshots_of_different_names_all_land() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let names: Vec<String> = (0..8).map(|i| format!("s{i}")).collect();
    let children = names
        .iter()
        .map(|n| spawn(&env, &["snapshot", n]))
        .collect();
    for out in finished(children) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let check = env.stdout(&["check"]);
    assert!(
        check.contains("1 file, 8 snapshots, 1 entry: no problems"),
        "{check}"
    );
}

#[test]
fn concurrent_snapshots_of_one_name_have_exactly_one_winner() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let children = (0..8).map(|_| spawn(&env, &["snapshot", "same"])).collect();
    let outs = finished(children);
    let won = outs.iter().filter(|o| o.status.success()).count();
    assert_eq!(won, 1, "exactly one run writes the snapshot");
    for out in outs.iter().filter(|o| !o.status.success()) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("exists already"), "{stderr}");
    }
    let snapshots: Vec<String> = std::fs::read_dir(env.path().join("roadmaps/snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(snapshots, ["same.yaml"], "no partial or temporary file");
    let check = env.stdout(&["check"]);
    assert!(check.contains("1 snapshot"), "{check}");
}

#[test]
fn an_init_killed_before_the_rename_leaves_no_data_dir() {
    let env = TestEnv::new();
    let out = env
        .chipmap(&["init", "roadmaps"])
        .env("CHIPMAP_FAULT", "init-before-rename")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault hook aborts the process");
    assert!(
        !env.path().join("roadmaps").exists(),
        "no partial directory"
    );
    let staging: Vec<String> = std::fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(staging.len(), 1, "{staging:?}");
    assert!(
        staging[0].starts_with(".roadmaps.chipmap-init-"),
        "{staging:?}"
    );
    env.chipmap(&["init", "roadmaps"]).assert().success();
    let check = env.stdout(&["check"]);
    assert!(
        check.contains(&format!("roadmaps: {}", shipped_summary())),
        "{check}"
    );
    assert!(
        check.contains(&staging[0]),
        "check names the leftover: {check}"
    );
}

#[test]
fn an_init_killed_at_any_moment_left_a_partial_data_dir() {
    let env = TestEnv::new();
    for round in 0..24u64 {
        let dir = format!("data{round}");
        let mut child = spawn(&env, &["init", &dir]);
        std::thread::sleep(Duration::from_micros(round * 400));
        let _ = child.kill();
        let _ = child.wait();
        let path = env.path().join(&dir);
        if !path.exists() {
            // Killed before the rename: a second init works.
            env.chipmap(&["init", &dir]).assert().success();
        }
        let check = env.stdout(&["check", "--data", &dir]);
        assert!(
            check.starts_with(&format!("{dir}: {}", shipped_summary())),
            "round {round}: a partial directory: {check}"
        );
    }
}

#[test]
fn init_over_a_dangling_symlink_wrote_files_and_then_failed() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path().join("roadmaps")).unwrap();
    std::os::unix::fs::symlink("nowhere.yaml", env.path().join("roadmaps/nvidia.yaml")).unwrap();
    let stderr = env.refused(&["init", "roadmaps"]);
    assert!(stderr.contains("roadmaps/nvidia.yaml"), "{stderr}");
    assert!(stderr.contains("never overwrites"), "{stderr}");
    let left: Vec<String> = std::fs::read_dir(env.path().join("roadmaps"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["nvidia.yaml"], "nothing was written beside the link");
}

#[test]
fn init_fills_an_empty_folder_and_refuses_one_with_anything_in_it() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path().join("empty")).unwrap();
    env.chipmap(&["init", "empty"]).assert().success();
    assert!(
        env.stdout(&["check", "--data", "empty"])
            .starts_with(&format!("empty: {}", shipped_summary()))
    );
    env.write("busy/README", "mine");
    let stderr = env.refused(&["init", "busy"]);
    assert!(stderr.contains("not empty"), "{stderr}");
    let left: Vec<String> = std::fs::read_dir(env.path().join("busy"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["README"]);
}

#[test]
fn init_of_the_current_folder_is_refused_and_leaves_nothing_behind() {
    let env = TestEnv::new();
    std::fs::create_dir(env.path().join("here")).unwrap();
    let out = env
        .chipmap(&["init", "."])
        .current_dir(env.path().join("here"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("current folder"), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(env.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["here"], "no staging folder left beside it");
    // From the folder above, naming it, works.
    env.chipmap(&["init", "here"]).assert().success();
    assert!(env.path().join("here/nvidia.yaml").is_file());
}
