//! Git walks: which commits are versions, what each holds, what is skipped and why, and how
//! often a blob is decoded.

use std::sync::Arc;

use super::{Repo, all_vendors, available, names, rerun, started, usage, vendor, walk_err};
use crate::store::versions::walk::WalkOptions;

const GIT: WalkOptions = WalkOptions {
    git: true,
    since: None,
    until: None,
};

#[test]
fn versions_are_the_commits_that_changed_vendor_files_oldest_first() {
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026H1")]));
    let first = repo.commit("Acme's first roadmap", "2025-01-10T12:00:00+00:00");
    repo.write("snapshots/s.yaml", "not read");
    std::fs::write(repo.root().join("README"), "about").unwrap();
    repo.commit("a snapshot and a readme only", "2025-02-01T12:00:00+00:00");
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026H2")]));
    // Late in the evening west of UTC: the committer's own day, not UTC's.
    let second = repo.commit("A1 slips", "2025-03-18T23:30:00-05:00");
    let mut walk = started(&repo.data(), GIT);
    let expected = [format!("git:{first}"), format!("git:{second}")];
    assert_eq!(names(walk.versions()), expected);
    let days: Vec<String> = walk
        .versions()
        .iter()
        .map(|v| v.taken.unwrap().to_string())
        .collect();
    assert_eq!(days, ["2025-01-10", "2025-03-18"]);
    assert_eq!(walk.versions()[1].subject.as_deref(), Some("A1 slips"));
    let read = all_vendors(&mut walk);
    assert_eq!(available(&read[0], "acme/a1").as_deref(), Some("2026H1"));
    assert_eq!(available(&read[1], "acme/a1").as_deref(), Some("2026H2"));
    assert!(walk.warnings().is_empty(), "{:?}", walk.warnings());
}

#[test]
fn a_merged_side_branch_is_one_version_and_its_commits_are_none() {
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026")]));
    let base = repo.commit("base", "2025-01-01T00:00:00Z");
    repo.git(&["checkout", "-q", "-b", "side"]);
    repo.write("bolt.yaml", &vendor("bolt", &[("b1", "2027")]));
    let side = repo.commit("side one", "2025-01-02T00:00:00Z");
    repo.write("bolt.yaml", &vendor("bolt", &[("b1", "2027H2")]));
    repo.commit("side two", "2025-01-03T00:00:00Z");
    repo.git(&["checkout", "-q", "main"]);
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026H2")]));
    let main = repo.commit("main moves on", "2025-01-04T00:00:00Z");
    repo.git(&["merge", "-q", "--no-ff", "-m", "merge side", "side"]);
    let merge = repo.git(&["log", "-1", "--format=%h"]).trim().to_string();
    // Settings that would hide the root commit's files and the merge's change, colour the
    // output or rename files: the walk reads the same whatever the user configured.
    for (key, value) in [
        ("log.showRoot", "false"),
        ("log.diffMerges", "combined"),
        ("color.ui", "always"),
        ("log.showSignature", "true"),
        ("diff.renames", "copies"),
        ("diff.relative", "true"),
    ] {
        repo.git(&["config", key, value]);
    }
    let mut walk = started(&repo.data(), GIT);
    let expected = [base, main, merge].map(|c| format!("git:{c}"));
    assert_eq!(names(walk.versions()), expected);
    let read = all_vendors(&mut walk);
    assert_eq!(available(&read[2], "bolt/b1").as_deref(), Some("2027H2"));
    assert!(Arc::ptr_eq(&read[1][0], &read[2][0]), "acme is as it was");
    // A side commit is not on the first-parent line: no version is in effect there.
    let side = format!("git:{side}");
    let options = WalkOptions {
        since: Some(&side),
        ..GIT
    };
    let (message, hint) = usage(walk_err(&repo.data(), options));
    assert!(
        message.contains("is not on the first-parent line of HEAD"),
        "{message}"
    );
    assert!(hint.contains("git log --first-parent"), "{hint}");
}

#[test]
fn a_deleted_vendor_file_is_gone_from_the_version_that_deleted_it() {
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026")]));
    repo.write("bolt.yaml", &vendor("bolt", &[("b1", "2027")]));
    repo.commit("two vendors", "2025-01-01T00:00:00Z");
    std::fs::remove_file(repo.dir().join("bolt.yaml")).unwrap();
    repo.commit("bolt is gone", "2025-02-01T00:00:00Z");
    let mut walk = started(&repo.data(), GIT);
    let read = all_vendors(&mut walk);
    let ids: Vec<Vec<&str>> = read
        .iter()
        .map(|v| v.iter().map(|v| v.vendor.as_str()).collect())
        .collect();
    assert_eq!(ids, [vec!["acme", "bolt"], vec!["acme"]]);
    assert!(Arc::ptr_eq(&read[0][0], &read[1][0]));
}

#[test]
fn a_broken_blob_is_a_warning_and_the_file_before_it_stands() {
    let repo = Repo::new();
    repo.write("acme.yaml", "vendor: acme\nname: [unclosed\n");
    let broken_first = repo.commit("typo from the start", "2025-01-01T00:00:00Z");
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026")]));
    repo.commit("fixed", "2025-01-02T00:00:00Z");
    repo.write(
        "acme.yaml",
        &vendor("acme", &[("a1", "2026")]).replace("kind: gpu", "kind: gpux"),
    );
    let typo = repo.commit("a typo", "2025-01-03T00:00:00Z");
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026H2")]));
    repo.commit("fixed again", "2025-01-04T00:00:00Z");
    let mut walk = started(&repo.data(), GIT);
    let read = all_vendors(&mut walk);
    assert_eq!(read.len(), 4);
    assert!(read[0].is_empty(), "nothing loaded yet");
    assert!(
        Arc::ptr_eq(&read[1][0], &read[2][0]),
        "read as it was before"
    );
    assert_eq!(available(&read[3], "acme/a1").as_deref(), Some("2026H2"));
    let warnings = walk.warnings();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    let first = format!("git:{broken_first}: acme.yaml is not valid at that commit (");
    assert!(warnings[0].starts_with(&first), "{warnings:?}");
    assert!(warnings[0].ends_with("; it is left out"), "{warnings:?}");
    let second = format!("git:{typo}: acme.yaml is not valid at that commit (6:11: ");
    assert!(warnings[1].starts_with(&second), "{warnings:?}");
    assert!(
        warnings[1].ends_with("); it is read as it was before"),
        "{warnings:?}"
    );
}

#[test]
fn a_symbolic_link_where_a_vendor_file_was_is_a_warning() {
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026")]));
    repo.commit("a file", "2025-01-01T00:00:00Z");
    std::fs::remove_file(repo.dir().join("acme.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", repo.dir().join("acme.yaml")).unwrap();
    let link = repo.commit("a link", "2025-01-02T00:00:00Z");
    // The link on disk makes the working data fail to load: the walk stops before it.
    let until = format!("git:{link}");
    let mut walk = started(
        &repo.data(),
        WalkOptions {
            until: Some(&until),
            ..GIT
        },
    );
    let read = all_vendors(&mut walk);
    assert!(Arc::ptr_eq(&read[0][0], &read[1][0]));
    let said = format!("git:{link}: acme.yaml is a symbolic link; it is read as it was before");
    assert_eq!(walk.warnings(), [said]);
}

#[test]
fn working_is_a_version_only_when_its_data_differs_from_head() {
    let repo = Repo::new();
    let text = vendor("acme", &[("a1", "2026"), ("a2", "2027")]);
    repo.write("acme.yaml", &text);
    repo.commit("two entries", "2025-01-01T00:00:00Z");
    // Reordered and commented: the same data.
    repo.write(
        "acme.yaml",
        &format!(
            "# kept by hand\n{}",
            vendor("acme", &[("a2", "2027"), ("a1", "2026")])
        ),
    );
    let walk = started(&repo.data(), GIT);
    assert_eq!(walk.versions().len(), 1, "{:?}", walk.versions());
    repo.write("acme.yaml", &text.replace("2027", "2027H2"));
    let mut walk = started(&repo.data(), GIT);
    assert_eq!(walk.versions().last().unwrap().name, "working");
    let read = all_vendors(&mut walk);
    assert_eq!(available(&read[1], "acme/a2").as_deref(), Some("2027H2"));
    // Working data that does not load is an error, as everywhere.
    repo.write("acme.yaml", "vendor: acme\nname: [\n");
    assert!(matches!(
        walk_err(&repo.data(), GIT),
        crate::error::Error::Invalid(_)
    ));
}

#[test]
fn each_blob_is_decoded_once_and_unchanged_files_not_again() {
    let repo = Repo::new();
    let files = ["a", "b", "c"];
    for id in files {
        repo.write(&format!("{id}.yaml"), &vendor(id, &[("x", "2026")]));
    }
    repo.commit("three vendors", "2025-01-01T00:00:00Z");
    let years = ["2027", "2028", "2029"];
    for round in 0..9 {
        let id = files[round % 3];
        let text = vendor(id, &[("x", years[round / 3])]);
        repo.write(
            &format!("{id}.yaml"),
            &text.replace("name: x", &format!("name: x{round}")),
        );
        repo.commit(
            &format!("round {round}"),
            &format!("2025-02-{:02}T00:00:00Z", round + 1),
        );
    }
    let mut walk = started(&repo.data(), GIT);
    let read = all_vendors(&mut walk);
    assert_eq!(read.len(), 10);
    assert_eq!(
        walk.files_decoded(),
        3 + 9,
        "10 commits changing one of 3 files"
    );
    // A vendor that did not change is the same Arc in every version.
    assert!(Arc::ptr_eq(&read[1][1], &read[0][1]) && Arc::ptr_eq(&read[1][2], &read[0][2]));
    // Versions cut away by --since are not decoded: only the files as the first kept one has
    // them (three), then the one changed by each later commit.
    let since = walk.versions()[7].name.clone();
    let mut cut = started(
        &repo.data(),
        WalkOptions {
            since: Some(&since),
            ..GIT
        },
    );
    assert_eq!(all_vendors(&mut cut).len(), 3);
    assert_eq!(cut.files_decoded(), 3 + 2);
}

#[test]
fn an_inherited_git_dir_does_not_swap_the_repository() {
    const PROBE: &str = "CHIPMAP_TEST_WALK_DATA";
    const EXPECTED: &str = "CHIPMAP_TEST_WALK_VERSION";
    if let (Some(dir), Ok(expected)) = (std::env::var_os(PROBE), std::env::var(EXPECTED)) {
        // The second run, with GIT_DIR naming another repository.
        let data = crate::store::read::load::DataDir::Path(dir.into());
        let mut walk = started(&data, GIT);
        assert_eq!(names(walk.versions()), [expected.as_str()]);
        let read = all_vendors(&mut walk);
        assert_eq!(
            read[0][0].vendor, "acme",
            "read from the repository around the data"
        );
        return;
    }
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[("a1", "2026")]));
    let acme = repo.commit("acme", "2025-01-01T00:00:00Z");
    // Another repository, its data at its root, with a history of its own.
    let elsewhere = Repo::new();
    std::fs::write(
        elsewhere.root().join("acme.yaml"),
        vendor("acme", &[("a1", "2027")]),
    )
    .unwrap();
    elsewhere.commit("one", "2025-01-01T00:00:00Z");
    std::fs::write(
        elsewhere.root().join("acme.yaml"),
        vendor("acme", &[("a1", "2028")]),
    )
    .unwrap();
    elsewhere.commit("two", "2025-01-02T00:00:00Z");
    // This test again, in a process whose environment names the other repository, as a git
    // hook's would: the library cannot change its own process's environment.
    let dir = repo.dir().display().to_string();
    let expected = format!("git:{acme}");
    let git_dir = elsewhere.root().join(".git").display().to_string();
    let work_tree = elsewhere.root().display().to_string();
    rerun(
        "git::an_inherited_git_dir_does_not_swap_the_repository",
        &[
            (PROBE, &dir),
            (EXPECTED, &expected),
            ("GIT_DIR", &git_dir),
            ("GIT_WORK_TREE", &work_tree),
        ],
    );
}

#[test]
fn a_blob_over_the_size_limit_stops_the_walk_before_it_is_read() {
    const PROBE: &str = "CHIPMAP_TEST_WALK_LIMIT";
    if let Some(dir) = std::env::var_os(PROBE) {
        // The second run, alone in its process: the limit is process-wide.
        crate::store::set_max_file_mb(1);
        let data = crate::store::read::load::DataDir::Path(dir.into());
        let mut walk = started(&data, GIT);
        let big = walk.versions()[1].name.clone();
        assert!(walk.next().unwrap().is_ok());
        let said = walk.next().unwrap().unwrap_err().to_string();
        assert!(said.starts_with(&format!("{big}:")), "{said}");
        assert!(
            said.contains("acme.yaml is 3 MiB, over chipmap's limit of 1 MiB"),
            "{said}"
        );
        assert!(walk.next().is_none(), "a walk ends at its first error");
        return;
    }
    let repo = Repo::new();
    let small = vendor("acme", &[("a1", "2026")]);
    repo.write("acme.yaml", &small);
    repo.commit("small", "2025-01-01T00:00:00Z");
    repo.write(
        "acme.yaml",
        &format!("{small}{}", "# padding\n".repeat(300_000)),
    );
    repo.commit("big", "2025-01-02T00:00:00Z");
    repo.write("acme.yaml", &small.replace("2026", "2027"));
    repo.commit("small again", "2025-01-03T00:00:00Z");
    let dir = repo.dir().display().to_string();
    rerun(
        "git::a_blob_over_the_size_limit_stops_the_walk_before_it_is_read",
        &[(PROBE, &dir)],
    );
}

#[test]
fn a_reverted_file_is_not_decoded_again() {
    let repo = Repo::new();
    let old = vendor("acme", &[("a1", "2026")]);
    repo.write("acme.yaml", &old);
    repo.commit("old", "2025-01-01T00:00:00Z");
    repo.write("acme.yaml", &old.replace("2026", "2027"));
    repo.commit("new", "2025-01-02T00:00:00Z");
    repo.write("acme.yaml", &old);
    let revert = repo.commit("Revert \"new\"", "2025-01-03T00:00:00Z");
    repo.write("acme.yaml", &old.replace("2026", "2028"));
    repo.commit("newer", "2025-01-04T00:00:00Z");
    // Up to the revert: HEAD (which the walk also reads, to compare working with) is not it.
    let until = format!("git:{revert}");
    let mut walk = started(
        &repo.data(),
        WalkOptions {
            until: Some(&until),
            ..GIT
        },
    );
    let read = all_vendors(&mut walk);
    assert_eq!(available(&read[2], "acme/a1").as_deref(), Some("2026"));
    assert!(
        Arc::ptr_eq(&read[0][0], &read[2][0]),
        "the vendor as it was"
    );
    assert_eq!(walk.files_decoded(), 2, "two distinct blobs");
}

#[test]
fn no_commits_and_no_repository_are_clear_errors() {
    let repo = Repo::new();
    repo.write("acme.yaml", &vendor("acme", &[]));
    let (message, _) = usage(walk_err(&repo.data(), GIT));
    assert!(message.contains("has no commits yet"), "{message}");
    std::fs::remove_dir_all(repo.root().join(".git")).unwrap();
    let (message, _) = usage(walk_err(&repo.data(), GIT));
    assert!(message.contains("not a git repository"), "{message}");
}
