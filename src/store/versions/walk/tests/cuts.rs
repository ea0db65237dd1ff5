//! `--since` / `--until` on a git walk: dates, years, commits (also one that did not change
//! the data), snapshot names, and the errors of a bound that names nothing or cuts everything.

use super::{Repo, names, started, usage, vendor, walk_err};
use crate::store::versions::walk::WalkOptions;

/// A repository with four versions: 2024-11-20, 2025-01-10, (a commit changing no vendor
/// file on 2025-02-01), 2025-03-18, 2025-07-01; and a snapshot taken 2025-03-18.
struct Four {
    repo: Repo,
    /// The versions' short ids, oldest first.
    ids: Vec<String>,
    /// The commit that changed no vendor file.
    quiet: String,
}

fn four() -> Four {
    let repo = Repo::new();
    let mut ids = Vec::new();
    let mut quiet = String::new();
    let dates = [
        "2024-11-20",
        "2025-01-10",
        "2025-02-01",
        "2025-03-18",
        "2025-07-01",
    ];
    for (round, date) in dates.iter().enumerate() {
        if round == 2 {
            repo.write(
                "snapshots/2025-03-18-gtc.yaml",
                "snapshot:\n  name: 2025-03-18-gtc\n  taken: 2025-03-18\nvendors: []\n",
            );
            quiet = repo.commit("a snapshot", &format!("{date}T12:00:00Z"));
            continue;
        }
        repo.write(
            "acme.yaml",
            &vendor("acme", &[("a1", &format!("{}", 2026 + round))]),
        );
        ids.push(repo.commit(&format!("round {round}"), &format!("{date}T12:00:00Z")));
    }
    Four { repo, ids, quiet }
}

impl Four {
    fn cut(&self, since: Option<&str>, until: Option<&str>) -> Vec<String> {
        let options = WalkOptions {
            git: true,
            since,
            until,
        };
        let walk = started(&self.repo.data(), options);
        names(walk.versions())
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    fn refused(&self, since: Option<&str>, until: Option<&str>) -> (String, String) {
        usage(walk_err(
            &self.repo.data(),
            WalkOptions {
                git: true,
                since,
                until,
            },
        ))
    }

    fn versions(&self, range: std::ops::Range<usize>) -> Vec<String> {
        self.ids[range]
            .iter()
            .map(|id| format!("git:{id}"))
            .collect()
    }
}

#[test]
fn a_date_or_a_year_keeps_the_versions_taken_within_it() {
    let four = four();
    assert_eq!(four.cut(Some("2025"), None), four.versions(1..4));
    assert_eq!(four.cut(None, Some("2025-01")), four.versions(0..2));
    assert_eq!(
        four.cut(Some("2025-01-11"), Some("2025H1")),
        four.versions(2..3)
    );
    // Working has no date: a start keeps it, an end cuts it.
    four.repo
        .write("acme.yaml", &vendor("acme", &[("a1", "2031")]));
    let mut and_working = four.versions(2..4);
    and_working.push("working".into());
    assert_eq!(four.cut(Some("2025-03"), None), and_working);
    assert_eq!(four.cut(Some("2025-03"), Some("2030")), four.versions(2..4));
    assert_eq!(four.cut(Some("working"), None), ["working"]);
}

#[test]
fn a_commit_bound_cuts_at_the_version_in_effect_there() {
    let four = four();
    let second = format!("git:{}", four.ids[1]);
    assert_eq!(four.cut(Some(&second), None), four.versions(1..4));
    assert_eq!(four.cut(None, Some(&second)), four.versions(0..2));
    // A commit that changed no vendor file: the version before it is in effect.
    let quiet = format!("git:{}", four.quiet);
    assert_eq!(four.cut(Some(&quiet), Some(&quiet)), four.versions(1..2));
    assert_eq!(four.cut(Some("git:HEAD~1"), None), four.versions(2..4));
    // A version's name as listed is a commit too.
    let listed = four.cut(None, None);
    assert_eq!(four.cut(Some(&listed[2]), None), four.versions(2..4));
    let (message, _) = four.refused(Some("git:no-such-rev"), None);
    assert!(
        message.contains("`no-such-rev` is not a commit"),
        "{message}"
    );
    let (message, _) = four.refused(Some("git:"), None);
    assert!(message.contains("git: needs a revision"), "{message}");
}

#[test]
fn a_snapshot_name_bounds_a_git_walk_by_the_day_it_was_taken() {
    let four = four();
    assert_eq!(four.cut(Some("2025-03-18-gtc"), None), four.versions(2..4));
    assert_eq!(four.cut(None, Some("2025-03-18-g")), four.versions(0..3));
}

#[test]
fn a_bound_that_names_nothing_or_keeps_nothing_is_refused_saying_why() {
    let four = four();
    let (message, hint) = four.refused(Some("someday"), None);
    assert!(
        message.contains("`someday` is not a version, a date or a snapshot"),
        "{message}"
    );
    assert!(hint.contains("working, git:REV"), "{hint}");
    assert!(hint.contains("a snapshot: 2025-03-18-gtc"), "{hint}");
    let (message, hint) = four.refused(Some("2026"), None);
    assert_eq!(message, "--since 2026 leaves no version");
    assert!(
        hint.contains(&format!(
            "the versions run from git:{} (2024-11-20)",
            four.ids[0]
        )),
        "{hint}"
    );
    let (message, _) = four.refused(Some("2025-06"), Some("2025-03"));
    assert_eq!(message, "--since 2025-06 --until 2025-03 leaves no version");
    // Working is as committed: it is no version, and a walk from it has none.
    let (message, _) = four.refused(Some("working"), None);
    assert!(message.contains("leaves no version"), "{message}");
    let (message, _) = four.refused(Some("2025-13"), None);
    assert!(message.contains("month"), "{message}");
    let (message, _) = four.refused(Some(" "), None);
    assert!(message.contains("an empty bound"), "{message}");
}

#[test]
fn snapshot_walk_bounds_are_names_prefixes_and_dates_and_not_commits() {
    let dir = tempfile::tempdir().unwrap();
    let data = crate::store::read::load::DataDir::Path(dir.path().to_path_buf());
    std::fs::create_dir(dir.path().join("snapshots")).unwrap();
    for (name, taken) in [
        ("2024-06-02-computex", "2024-06-02"),
        ("2025-03-18-gtc", "2025-03-18"),
    ] {
        let text = format!("snapshot:\n  name: {name}\n  taken: {taken}\nvendors: []\n");
        std::fs::write(dir.path().join(format!("snapshots/{name}.yaml")), text).unwrap();
    }
    let cut = |since, until| {
        let walk = started(
            &data,
            WalkOptions {
                git: false,
                since,
                until,
            },
        );
        names(walk.versions())
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cut(Some("2025-03-18-gtc"), None),
        ["2025-03-18-gtc", "working"]
    );
    assert_eq!(cut(None, Some("2024-06-02-c")), ["2024-06-02-computex"]);
    assert_eq!(cut(Some("2025"), Some("2025")), ["2025-03-18-gtc"]);
    assert_eq!(cut(None, Some("working")).len(), 3);
    let options = WalkOptions {
        git: false,
        since: Some("git:HEAD"),
        until: None,
    };
    let (message, hint) = usage(walk_err(&data, options));
    assert!(
        message.contains("is a commit, and the versions are the snapshots"),
        "{message}"
    );
    assert!(hint.contains("--git"), "{hint}");
    let options = WalkOptions {
        git: false,
        since: Some("20"),
        until: None,
    };
    let (message, _) = usage(walk_err(&data, options));
    assert!(message.contains("matches 2 snapshots"), "{message}");
}
