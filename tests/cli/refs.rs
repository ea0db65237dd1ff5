//! References at their edges: `git:REV` that looks like a git option, a git environment that
//! points elsewhere, file names git would quote, references that are empty or ambiguous, and
//! outputs that name the version they show.

use std::os::unix::fs::PermissionsExt;

use crate::common::{TestEnv, git};

const ACME: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2026H1\n";

/// A data directory under git with two commits: A1 available 2026H1, then 2026H2.
fn committed_twice() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    git(env.path(), &["init", "-q"]);
    git(env.path(), &["add", "roadmaps"]);
    git(env.path(), &["commit", "-q", "-m", "first"]);
    env.write("roadmaps/acme.yaml", ACME.replace("2026H1", "2026H2"));
    git(env.path(), &["commit", "-q", "-a", "-m", "second"]);
    env
}

#[test]
fn a_git_rev_that_looks_like_an_option_is_refused_as_not_a_commit() {
    let env = committed_twice();
    let target = env.path().join("written-by-git");
    let output_option = format!("git:--output={}", target.display());
    for reference in [output_option.as_str(), "git:-c", "git:--format=%H"] {
        let said = env.refused(&["diff", reference]);
        let rev = reference.strip_prefix("git:").unwrap();
        assert!(
            said.contains(&format!("`{rev}` is not a commit")),
            "{reference}: {said}"
        );
        assert!(!said.contains("usage: git"), "{reference}: {said}");
    }
    assert!(!target.exists(), "git wrote a file chipmap never asked for");
}

#[test]
fn a_git_rev_that_names_a_tree_or_nothing_is_refused_naming_it() {
    let env = committed_twice();
    for rev in [
        "HEAD:roadmaps",
        "HEAD:roadmaps/acme.yaml",
        "no-such-rev",
        "HEAD~9",
    ] {
        let said = env.refused(&["diff", &format!("git:{rev}")]);
        assert!(
            said.contains(&format!("`{rev}` is not a commit")),
            "{rev}: {said}"
        );
    }
    for empty in ["git:", "git:  "] {
        let said = env.refused(&["diff", empty]);
        assert!(said.contains("git: needs a revision"), "{empty:?}: {said}");
    }
}

#[test]
fn a_normal_git_rev_still_works() {
    let env = committed_twice();
    let out = env.stdout(&["diff", "git:HEAD~1", "git:HEAD", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON value");
    assert_eq!(v["from"]["ref"], "git:HEAD~1");
    assert_eq!(v["to"]["ref"], "git:HEAD");
    assert_eq!(v["summary"]["slipped"], 1, "{out}");
    let tag = git(env.path(), &["rev-parse", "HEAD~1"]);
    let by_id = env.stdout(&["list", "--as-of", &format!("git:{}", tag.trim())]);
    assert!(by_id.contains("2026H1"), "{by_id}");
}

#[test]
fn an_inherited_git_dir_does_not_redirect_git_revisions() {
    let env = committed_twice();
    // Another repository, holding a different acme.yaml at its root, named by the environment
    // as a git hook or alias would name its own repository.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(
        elsewhere.path().join("acme.yaml"),
        ACME.replace("Acme AI", "Elsewhere"),
    )
    .unwrap();
    git(elsewhere.path(), &["init", "-q"]);
    git(elsewhere.path(), &["add", "acme.yaml"]);
    git(elsewhere.path(), &["commit", "-q", "-m", "elsewhere"]);
    let out = env
        .chipmap(&["diff", "git:HEAD", "working", "--format", "json"])
        .env("GIT_DIR", elsewhere.path().join(".git"))
        .env("GIT_WORK_TREE", elsewhere.path())
        .env("GIT_INDEX_FILE", elsewhere.path().join(".git/index"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON value");
    assert_eq!(v["changes"], serde_json::json!([]), "{stdout}");
}

#[test]
fn a_git_file_name_git_would_quote_is_still_read() {
    // On disk this file is read (and refused: its name is not its vendor id); at git:HEAD it
    // must be read the same way, not skipped because git printed its name in quotes.
    let env = TestEnv::with_files(&[
        ("acme.yaml", ACME),
        ("odd\tname.yaml", ACME),
        ("new\nline.yaml", ACME),
    ]);
    git(env.path(), &["init", "-q"]);
    git(env.path(), &["add", "roadmaps"]);
    git(env.path(), &["commit", "-q", "-m", "first"]);
    let on_disk = env.refused(&["list"]);
    assert!(on_disk.contains("odd"), "{on_disk}");
    let at_head = env.refused(&["list", "--as-of", "git:HEAD"]);
    assert!(at_head.contains("git:HEAD:"), "{at_head}");
    assert!(at_head.contains("odd\\tname.yaml"), "{at_head}");
    assert!(at_head.contains("new\\nline.yaml"), "{at_head}");
}

#[test]
fn a_git_rev_with_control_characters_is_echoed_escaped() {
    let env = committed_twice();
    let said = env.refused(&["diff", "git:\u{1b}[31mred"]);
    assert!(!said.contains('\u{1b}'), "{said:?}");
    assert!(said.contains("\\x1b[31mred"), "{said}");
}

/// A data directory with one snapshot, `2025-01-10-first`.
fn one_snapshot() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.stdout(&["snapshot", "2025-01-10-first", "--taken", "2025-01-10"]);
    env
}

#[test]
fn an_empty_reference_is_refused_not_taken_as_a_prefix_of_every_snapshot() {
    let env = one_snapshot();
    for reference in ["", "   "] {
        let said = env.refused(&["diff", reference]);
        assert!(said.contains("an empty reference"), "{reference:?}: {said}");
        assert!(said.contains("references: working, a path"), "{said}");
        let said = env.refused(&["list", "--as-of", reference]);
        assert!(said.contains("an empty reference"), "{reference:?}: {said}");
    }
}

#[test]
fn a_reference_that_is_both_a_snapshot_prefix_and_a_path_is_refused() {
    let env = one_snapshot();
    // A folder whose name starts the snapshot's name.
    env.write("2025-01-10-f/acme.yaml", ACME.replace("2026H1", "2027"));
    let said = env.refused(&["diff", "2025-01-10-f", "working"]);
    assert!(said.contains("both"), "{said}");
    assert!(said.contains("./2025-01-10-f"), "{said}");
    // Spelled as a path, it is the path; spelled in full, the snapshot.
    let path = env.stdout(&["diff", "./2025-01-10-f", "working", "--format", "json"]);
    assert!(path.contains("\"slipped\": 0"), "{path}");
    assert!(path.contains("\"pulled_in\": 1"), "{path}");
    env.stdout(&["diff", "2025-01-10-first", "working"]);
    // A date that is also a path is just as ambiguous.
    env.write("2025-02/acme.yaml", ACME);
    let said = env.refused(&["diff", "2025-02", "working"]);
    assert!(said.contains("both"), "{said}");
}

#[test]
fn a_prefix_of_several_snapshots_lists_them() {
    let env = one_snapshot();
    env.stdout(&["snapshot", "2025-01-20-second", "--taken", "2025-01-20"]);
    let said = env.refused(&["diff", "2025-01-"]);
    assert!(
        said.contains("matches 2 snapshots: 2025-01-10-first, 2025-01-20-second"),
        "{said}"
    );
}

#[test]
fn a_git_too_old_for_end_of_options_is_named() {
    let env = committed_twice();
    // A stand-in for git 2.20, which took `--end-of-options` for a revision and failed.
    let bin = tempfile::tempdir().unwrap();
    let fake = bin.path().join("git");
    std::fs::write(
        &fake,
        "#!/bin/sh\nif [ \"$3\" = version ]; then echo 'git version 2.20.1'; exit 0; fi\necho 'fatal: Needed a single revision' >&2\nexit 128\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = env
        .chipmap(&["diff", "git:HEAD"])
        .env("PATH", bin.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("git:REV needs git 2.30 or newer; this is git 2.20.1"),
        "{said}"
    );
}

#[test]
fn a_data_directory_outside_git_says_so() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    let said = env
        .chipmap(&["diff", "git:HEAD"])
        .env("GIT_CEILING_DIRECTORIES", env.path().parent().unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&said.stderr);
    assert_eq!(said.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not a git repository"), "{stderr}");
}

#[test]
fn a_git_trace_the_user_asked_for_does_not_hide_a_bad_rev() {
    let env = committed_twice();
    let out = env
        .chipmap(&["diff", "git:no-such-rev"])
        .env("GIT_TRACE", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("`no-such-rev` is not a commit"), "{said}");
}

#[test]
fn a_git_blob_over_the_size_limit_was_read_whole() {
    let env = committed_twice();
    // Two MiB of comment: valid YAML, and over a limit of one MiB.
    let big = format!("{ACME}{}", "# padding\n".repeat(210_000));
    env.write("roadmaps/acme.yaml", big);
    git(env.path(), &["commit", "-q", "-a", "-m", "big"]);
    let out = env
        .chipmap(&["diff", "git:HEAD", "working"])
        .env("CHIPMAP_MAX_FILE_MB", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("git:HEAD:") && stderr.contains("over chipmap's limit of 1 MiB"),
        "{stderr}"
    );
}

#[test]
fn as_of_output_never_said_which_version_it_showed() {
    let env = TestEnv::with_shipped_data();
    let caption = "as of 2024-06-02-computex (taken 2024-06-02)";
    let timeline = env.stdout(&["timeline", "--as-of", "2024-06", "--width", "80"]);
    let title = timeline.lines().next().unwrap_or_default();
    assert!(title.ends_with(caption), "{title}");
    assert!(!title.contains("today 2026-11-30"), "{title}");
    let list = env.stdout(&["list", "--as-of", "2024-06-02", "--vendor", "amd"]);
    assert_eq!(list.lines().next(), Some(caption), "{list}");
    let markdown = env.stdout(&["list", "--as-of", "2024-06-02", "--format", "markdown"]);
    assert!(
        markdown.starts_with("*as of 2024-06-02-computex (taken 2024-06-02)*\n\n|"),
        "{markdown}"
    );
    let show = env.stdout(&["show", "blackwell-ultra", "--as-of", "2024-06-02"]);
    assert_eq!(show.lines().next(), Some(caption), "{show}");
    // A file for a program stays a clean CSV or JSON value; the caption goes to stderr.
    let out = env
        .chipmap(&["list", "--as-of", "2024-06-02", "--format", "csv"])
        .output()
        .expect("chipmap runs");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("key,"));
    assert!(String::from_utf8_lossy(&out.stderr).contains(caption));
    // Without --as-of, nothing changes.
    let now = env.stdout(&["list", "--vendor", "amd"]);
    assert!(!now.contains("as of"), "{now}");
}
