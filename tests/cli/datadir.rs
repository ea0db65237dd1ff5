//! Which data directory chipmap uses and how it says so: `init`'s marker found from inside
//! the copy, `--verbose`, an empty directory to start from, the modes of new files, and the
//! paths messages name.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::{TestEnv, shipped_summary};

const VENDOR: &str = "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: shipping\n    available: 2024\n";

/// The flags of a new entry `acme/x`, starting the vendor file when it is missing.
const ADD_ACME: [&str; 14] = [
    "add",
    "acme",
    "--vendor-name",
    "Acme",
    "--id",
    "x",
    "--name",
    "X",
    "--kind",
    "gpu",
    "--status",
    "announced",
    "--available",
    "2027",
];

/// Returns the real path of the test's working directory (as the current directory reads).
fn real(env: &TestEnv) -> PathBuf {
    std::fs::canonicalize(env.path()).unwrap()
}

/// Returns `chipmap ARGS` run in `dir` below the test's working directory.
fn chipmap_in(env: &TestEnv, dir: &str, args: &[&str]) -> Command {
    let mut cmd = env.chipmap(args);
    cmd.current_dir(env.path().join(dir));
    cmd
}

/// Returns the (stdout, stderr) of a run that must succeed.
fn ok(mut cmd: Command) -> (String, String) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
}

/// Returns a file's mode in octal, as `stat -c %a` prints it.
fn mode(path: &Path) -> String {
    format!(
        "{:o}",
        std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
    )
}

#[test]
fn init_of_a_dir_not_named_roadmaps_was_not_found_from_inside_it() {
    let env = TestEnv::new();
    let (_, said) = ok(env.chipmap(&["init", "mydata"]));
    assert!(env.path().join("mydata/.chipmap").is_file(), "the marker");
    let marker = std::fs::read_to_string(env.path().join("mydata/.chipmap")).unwrap();
    assert!(
        marker.starts_with("# "),
        "the marker says what it is: {marker}"
    );
    assert!(said.contains("mydata"), "{said}");
    let mydata = real(&env).join("mydata");
    for below in ["mydata", "mydata/snapshots"] {
        let (out, _) = ok(chipmap_in(&env, below, &["check"]));
        let expected = format!("{}: {}", mydata.display(), shipped_summary());
        assert!(out.starts_with(&expected), "from {below}: {out}");
        assert!(!out.contains("note:"), ".chipmap is no leftover: {out}");
    }
    // An edit there changes the copy, not the read-only built-in dataset.
    ok(chipmap_in(&env, "mydata/snapshots", &ADD_ACME));
    assert!(env.path().join("mydata/acme.yaml").is_file());
    let (out, _) = ok(chipmap_in(&env, "mydata", &["list", "--vendor", "acme"]));
    assert!(out.contains("acme/x"), "{out}");
}

#[test]
fn init_gitignore_would_have_to_keep_the_marker_tracked() {
    let env = TestEnv::new();
    ok(env.chipmap(&["init", "mydata"]));
    let dir = env.path().join("mydata");
    crate::common::git(&dir, &["init", "-q"]);
    crate::common::git(&dir, &["add", "."]);
    let tracked = crate::common::git(&dir, &["ls-files", ".chipmap", ".gitignore"]);
    assert_eq!(tracked, ".chipmap\n.gitignore\n");
}

#[test]
fn nested_data_dirs_the_nearest_wins() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    // A copy made by init inside a folder that also has a `roadmaps` folder above it.
    ok(env.chipmap(&["init", "inner/copy"]));
    let (out, _) = ok(chipmap_in(&env, "inner/copy", &["check"]));
    assert!(
        out.contains(&shipped_summary()),
        "the copy, not ../../roadmaps: {out}"
    );
    let (out, _) = ok(chipmap_in(&env, "inner", &["check"]));
    assert!(out.starts_with(&format!(
        "{}: 1 file",
        real(&env).join("roadmaps").display()
    )));
    // Inside a folder named `roadmaps`, that folder is the data, even below it.
    env.write("roadmaps/snapshots/.keep", "");
    let (out, _) = ok(chipmap_in(&env, "roadmaps/snapshots", &["check"]));
    assert!(out.contains("1 file, 1 entry"), "{out}");
}

#[test]
fn no_command_said_which_data_it_used() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    env.write("other/acme.yaml", VENDOR);
    let shown = real(&env).join("roadmaps");
    let cases: [(&str, &[&str], Option<&str>, String); 3] = [
        (
            "",
            &["list", "-v"],
            None,
            format!(
                "data directory: {} (found from the current directory",
                "roadmaps"
            ),
        ),
        (
            "",
            &["--verbose", "show", "a1", "--data", "other"],
            None,
            "data directory: other (from --data)".to_string(),
        ),
        (
            "",
            &["timeline", "-v"],
            Some("other"),
            "data directory: other (from CHIPMAP_DATA)".to_string(),
        ),
    ];
    for (dir, args, from_env, expected) in cases {
        let mut cmd = chipmap_in(&env, dir, args);
        if let Some(data) = from_env {
            cmd.env("CHIPMAP_DATA", data);
        }
        let (_, stderr) = ok(cmd);
        assert!(stderr.contains(&expected), "{args:?}: {stderr}");
    }
    let (_, stderr) = ok(chipmap_in(&env, "roadmaps", &["list", "-v"]));
    assert!(
        stderr.contains(&format!("data directory: {} (found from", shown.display())),
        "{stderr}"
    );
    // Without -v, nothing more is said.
    let (_, stderr) = ok(env.chipmap(&["list"]));
    assert_eq!(stderr, "");
    // With no data directory here or above, the built-in dataset, and where it looked.
    let bare = TestEnv::new();
    let (out, stderr) = ok(bare.chipmap(&["check", "-v"]));
    assert!(
        out.starts_with("<embedded>: "),
        "check keeps naming it: {out}"
    );
    let expected = format!(
        "data directory: the built-in dataset (read-only): no --data, no CHIPMAP_DATA, and no data directory in {} or above it",
        real(&bare).display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

/// Runs chipmap with ARGS in `dir` under the shell's `umask`, as a user's shell would.
fn under_umask(env: &TestEnv, umask: &str, dir: &str, args: &[&str]) {
    let bin = assert_cmd::cargo::cargo_bin("chipmap");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(bin)
        .args(args)
        .current_dir(env.path().join(dir))
        .env_remove("CHIPMAP_DATA")
        .env("CHIPMAP_TODAY", crate::common::TODAY);
    ok(cmd);
}

#[test]
fn new_files_were_written_0600_whatever_the_umask() {
    for (umask, file, folder) in [("022", "644", "755"), ("027", "640", "750")] {
        let env = TestEnv::new();
        under_umask(&env, umask, "", &["init", "mydata"]);
        let dir = env.path().join("mydata");
        for path in [
            ".chipmap",
            ".gitignore",
            "nvidia.yaml",
            "snapshots/2025-03-18-gtc.yaml",
        ] {
            assert_eq!(mode(&dir.join(path)), file, "umask {umask}: init's {path}");
        }
        assert_eq!(mode(&dir), folder, "umask {umask}: init's folder");
        under_umask(&env, umask, "mydata", &["snapshot", "s1"]);
        under_umask(&env, umask, "mydata", &ADD_ACME);
        assert_eq!(
            mode(&dir.join("snapshots/s1.yaml")),
            file,
            "umask {umask}: snapshot"
        );
        assert_eq!(
            mode(&dir.join("acme.yaml")),
            file,
            "umask {umask}: new vendor file"
        );
        // An edited file keeps the mode it has, whatever the umask.
        std::fs::set_permissions(
            dir.join("acme.yaml"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
        under_umask(&env, umask, "mydata", &["update", "acme/x", "--name", "X2"]);
        assert_eq!(mode(&dir.join("acme.yaml")), "600", "umask {umask}: edited");
    }
}

#[test]
fn an_empty_data_dir_could_not_be_started() {
    let env = TestEnv::new();
    env.write("empty/.keep", "");
    std::fs::remove_file(env.path().join("empty/.keep")).unwrap();
    let out = env.chipmap(&["check", "--data", "empty"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "empty: 0 files, 0 entries: no problems\n"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no vendor files yet"), "{stderr}");
    let (out, _) = ok(env.chipmap(&[
        "list",
        "--data",
        "empty",
        "--format",
        "csv",
        "--columns",
        "key",
    ]));
    assert_eq!(out, "key\n");
    let mut add = env.chipmap(&ADD_ACME);
    add.args(["--data", "empty"]);
    let (_, said) = ok(add);
    assert!(said.contains("added acme/x in empty/acme.yaml"), "{said}");
    let (out, _) = ok(env.chipmap(&["check", "--data", "empty"]));
    assert!(
        out.starts_with("empty: 1 file, 1 entry: no problems"),
        "{out}"
    );
    // A folder holding only the marker is found from inside it, and started the same way.
    env.write("marked/.chipmap", "# chipmap data directory\n");
    let (out, _) = ok(chipmap_in(&env, "marked", &["check"]));
    assert!(out.contains(": 0 files, 0 entries: no problems"), "{out}");
    ok(chipmap_in(&env, "marked", &ADD_ACME));
    assert!(env.path().join("marked/acme.yaml").is_file());
}

#[test]
fn dry_run_with_an_absolute_data_dir_printed_a_double_slash() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let inside = real(&env).join("roadmaps");
    let update = ["update", "acme/a1", "--name", "A2", "--dry-run", "--data"];
    let mut cmd = env.chipmap(&update);
    cmd.arg(&inside);
    let (out, _) = ok(cmd);
    assert!(
        out.starts_with("--- a/roadmaps/acme.yaml\n+++ b/roadmaps/acme.yaml\n"),
        "{out}"
    );
    // A path outside the current directory is named as given, with no a/ or b/.
    env.write("elsewhere/.keep", "");
    let mut cmd = chipmap_in(&env, "elsewhere", &update);
    cmd.arg(&inside);
    let (out, _) = ok(cmd);
    let file = inside.join("acme.yaml");
    let expected = format!("--- {0}\n+++ {0}\n", file.display());
    assert!(out.starts_with(&expected), "{out}");
    assert!(!out.contains("a//") && !out.contains("b//"), "{out}");
    // The note of a real edit names the file the same way.
    let mut cmd = env.chipmap(&["update", "acme/a1", "--name", "A2", "--data"]);
    cmd.arg(&inside);
    let (_, said) = ok(cmd);
    assert!(
        said.contains("updated acme/a1 in roadmaps/acme.yaml"),
        "{said}"
    );
    let (_, said) = ok(chipmap_in(
        &env,
        "roadmaps",
        &["snapshot", "s1", "--data", "."],
    ));
    assert!(said.contains("wrote snapshots/s1.yaml"), "{said}");
}

#[test]
fn snapshot_list_with_no_snapshots_was_an_error() {
    let env = TestEnv::with_files(&[("acme.yaml", VENDOR)]);
    let out = env.chipmap(&["snapshot", "--list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no snapshots in roadmaps"));
}
