//! Where chipmap reads and writes, and how: a vendor argument never becomes a path; an edit
//! writes through symlinks, refuses read-only and hard-linked files and keeps the owner; a
//! read refuses what is not a regular file and what is over the size limit, without blocking.

use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::time::Duration;

use crate::common::TestEnv;

const VENDOR: &str = "# Acme's roadmap\nvendor: acme\nname: Acme Corp\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: shipping\n    available: 2024\n";
const OTHER: &str = "vendor: amd\nname: AMD\nentries:\n  - {id: m1, name: M1, kind: gpu, status: shipping, available: 2024}\n";
const NEW_ENTRY: [&str; 10] = [
    "--id",
    "injected",
    "--name",
    "Injected",
    "--kind",
    "gpu",
    "--status",
    "announced",
    "--available",
    "2027",
];

fn add(vendor: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["add".to_string(), vendor.to_string()];
    args.extend(NEW_ENTRY.iter().map(|s| s.to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    args
}

fn refused(env: &TestEnv, args: &[String]) -> String {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.refused(&args)
}

/// Returns the data directory's file names, hidden ones included.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn add_with_a_relative_path_as_vendor_wrote_into_another_checkout() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    env.write("other/roadmaps/amd.yaml", OTHER);
    let stderr = refused(&env, &add("../other/roadmaps/amd", &[]));
    assert!(stderr.contains("not a vendor"), "{stderr}");
    let other = std::fs::read_to_string(env.path().join("other/roadmaps/amd.yaml")).unwrap();
    assert_eq!(other, OTHER, "the other checkout's file is untouched");
}

#[test]
fn add_with_an_absolute_path_as_vendor_wrote_to_that_file() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let outside = "vendor: evil\nname: Evil\nentries: []\n";
    env.write("outside/evil.yaml", outside);
    let evil = env.path().join("outside/evil");
    for extra in [&[][..], &["--vendor-name", "Evil"][..]] {
        let stderr = refused(&env, &add(evil.to_str().unwrap(), extra));
        assert!(stderr.contains("not a vendor"), "{stderr}");
    }
    let text = std::fs::read_to_string(env.path().join("outside/evil.yaml")).unwrap();
    assert_eq!(
        text, outside,
        "the file outside the data directory is untouched"
    );
    let data = names_in(&env.path().join("roadmaps"));
    assert_eq!(data, [".chipmap.lock", "acme.yaml"], "no file created");
}

#[test]
fn add_did_not_accept_a_vendors_display_name() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let args = add("ACME corp", &[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    env.chipmap(&args).assert().success();
    let text = std::fs::read_to_string(env.path().join("roadmaps/acme.yaml")).unwrap();
    assert!(text.contains("id: injected"), "{text}");
    let stderr = refused(&env, &add("acmee", &[]));
    assert!(stderr.contains("did you mean `acme`"), "{stderr}");
}

#[test]
fn an_edit_replaced_a_symlinked_vendor_file_with_a_copy() {
    let env = TestEnv::with_files(&[]);
    env.write("real/acme.yaml", VENDOR);
    std::fs::create_dir_all(env.path().join("roadmaps")).unwrap();
    symlink("../real/acme.yaml", env.path().join("roadmaps/acme.yaml")).unwrap();
    env.chipmap(&["update", "a1", "--set", "available=2025"])
        .assert()
        .success();
    let link = env.path().join("roadmaps/acme.yaml");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    let real = std::fs::read_to_string(env.path().join("real/acme.yaml")).unwrap();
    assert_eq!(real, VENDOR.replace("available: 2024", "available: 2025"));
    assert_eq!(names_in(&env.path().join("real")), ["acme.yaml"]);
}

#[test]
fn an_edit_rewrote_a_read_only_file_as_root() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let path = env.path().join("roadmaps/acme.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let stderr = env.refused(&["update", "a1", "--set", "available=2025"]);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(stderr.contains("chmod u+w"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), VENDOR);
}

/// Returns whether this process may switch to the `nobody` user with `setpriv`.
fn can_drop_privileges() -> bool {
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    root && setpriv
}

#[test]
fn an_edit_rewrote_a_read_only_file_as_an_unprivileged_user() {
    if !can_drop_privileges() {
        // Not root: this process is itself unprivileged, so run chipmap as it is.
        let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
        let path = env.path().join("roadmaps/acme.yaml");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        env.refused(&["update", "a1", "--set", "available=2025"]);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), VENDOR);
        return;
    }
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let path = env.path().join("roadmaps/acme.yaml");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    for p in [env.path(), &env.path().join("roadmaps"), &path] {
        std::os::unix::fs::chown(p, Some(65534), Some(65534)).unwrap();
    }
    let out = update_as_nobody(&env);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("read-only (mode 444)"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), VENDOR);
}

/// Runs `chipmap update a1 --set available=2025` in `env` as the user `nobody`.
fn update_as_nobody(env: &TestEnv) -> std::process::Output {
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(assert_cmd::cargo::cargo_bin("chipmap"))
        .args(["update", "a1", "--set", "available=2025"])
        .current_dir(env.path())
        .env_remove("CHIPMAP_DATA")
        .output()
        .unwrap()
}

#[test]
fn an_edit_replaced_a_file_its_user_may_not_write() {
    if !can_drop_privileges() {
        eprintln!("skipped: only root can make a file another user may not write");
        return;
    }
    // nobody owns the folder, so a rename would go through; root owns the file, mode 644.
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    for p in [env.path(), &env.path().join("roadmaps")] {
        std::os::unix::fs::chown(p, Some(65534), Some(65534)).unwrap();
    }
    let path = env.path().join("roadmaps/acme.yaml");
    let out = update_as_nobody(&env);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("read-only for this user"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), VENDOR);
    assert_eq!(
        std::fs::metadata(&path).unwrap().uid(),
        0,
        "still root's file"
    );
}

#[test]
fn an_edit_by_root_left_another_users_file_owned_by_root() {
    if !can_drop_privileges() {
        eprintln!("skipped: only root can give a file to another user to test this");
        return;
    }
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let path = env.path().join("roadmaps/acme.yaml");
    std::os::unix::fs::chown(&path, Some(1234), Some(4321)).unwrap();
    env.chipmap(&["update", "a1", "--set", "available=2025"])
        .assert()
        .success();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (1234, 4321));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("available: 2025")
    );
}

#[test]
fn an_edit_split_a_hard_linked_file() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let path = env.path().join("roadmaps/acme.yaml");
    let twin = env.path().join("twin.yaml");
    std::fs::hard_link(&path, &twin).unwrap();
    let stderr = env.refused(&["update", "a1", "--set", "available=2025"]);
    assert!(stderr.contains("hard link"), "{stderr}");
    assert!(stderr.contains("ln -s"), "{stderr}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().nlink(),
        2,
        "still one file"
    );
    assert_eq!(std::fs::read_to_string(&twin).unwrap(), VENDOR);
}

#[test]
fn diff_of_a_fifo_blocked_forever() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let fifo = env.path().join("some-fifo.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let out = env
        .chipmap(&["diff", "some-fifo.yaml", "working"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "blocked or failed: {stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(stderr.contains("some-fifo.yaml"), "{stderr}");
}

#[test]
fn diff_of_dev_zero_read_until_memory_ran_out() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let out = env
        .chipmap(&["diff", "/dev/zero", "working"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/dev/zero is a device"), "{stderr}");
}

#[test]
fn a_fifo_in_the_data_dir_was_skipped_without_a_word() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let fifo = env.path().join("roadmaps/zeta.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = env
        .chipmap(&["list"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("zeta.yaml is a fifo"), "{stderr}");
}

#[test]
fn a_huge_sparse_vendor_file_was_read_whole() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let huge = std::fs::File::create(env.path().join("roadmaps/huge.yaml")).unwrap();
    huge.set_len(1 << 30).unwrap();
    let stderr = env.refused(&["list"]);
    assert!(stderr.contains("huge.yaml"), "{stderr}");
    assert!(stderr.contains("1024 MiB"), "{stderr}");
    assert!(stderr.contains("limit of 64 MiB"), "{stderr}");
    assert!(stderr.contains("CHIPMAP_MAX_FILE_MB"), "{stderr}");
}

#[test]
fn the_file_size_limit_is_set_by_chipmap_max_file_mb() {
    // A real vendor file of 1.5 MiB: long notes are padded with a comment.
    let padding = format!("# {}\n", "x".repeat(1_500_000));
    let env = TestEnv::with_files(&[("acme.yaml", &format!("{VENDOR}{padding}"))]);
    env.chipmap(&["list"]).assert().success();
    let out = env
        .chipmap(&["list"])
        .env("CHIPMAP_MAX_FILE_MB", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("limit of 1 MiB"), "{stderr}");
    let bad = env
        .chipmap(&["list"])
        .env("CHIPMAP_MAX_FILE_MB", "lots")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("CHIPMAP_MAX_FILE_MB"), "{stderr}");
}

#[test]
fn a_dangling_symlink_in_the_data_dir_was_skipped_without_a_word() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    symlink("../gone/amd.yaml", env.path().join("roadmaps/amd.yaml")).unwrap();
    let stderr = env.refused(&["list"]);
    assert!(
        stderr.contains("amd.yaml is a symlink to a file that does not exist"),
        "{stderr}"
    );
}
