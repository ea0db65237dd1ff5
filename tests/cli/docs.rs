//! The project's own reference, docs/format.md, kept true: it names every field chipmap
//! reads and every command it has, and every flag it names exists.

use crate::common::{TestEnv, repo_path};

fn reference() -> String {
    std::fs::read_to_string(repo_path("docs/format.md")).expect("docs/format.md")
}

/// Returns the fields chipmap lists in its hints for an unknown field, by where they stand.
fn fields_chipmap_reads() -> Vec<String> {
    let file = "vendor: v\nname: V\nzzzzzzzzzz: 1\nentries:\n  - id: a\n    name: A\n    kind: gpu\n    status: announced\n    available: 2027\n    zzzzzzzzzz: 1\n    memory: {zzzzzzzzzz: 1}\n";
    let env = TestEnv::with_files(&[("v.yaml", file)]);
    // Wide enough that no hint wraps: each list of fields stays on its line.
    let out = env
        .chipmap(&["check", "--width", "1000"])
        .output()
        .expect("chipmap runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lists: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split_once(" are: ").map(|(_, list)| list))
        .collect();
    assert_eq!(lists.len(), 3, "vendor, entry and memory fields:\n{stdout}");
    lists
        .iter()
        .flat_map(|l| l.split(", "))
        .map(str::to_string)
        .collect()
}

/// Returns the subcommands `chipmap --help` lists.
fn commands() -> Vec<String> {
    let help = TestEnv::new().stdout(&["--help"]);
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a Commands section");
    listed
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_reference_names_every_field_chipmap_reads() {
    let reference = reference();
    let fields = fields_chipmap_reads();
    assert!(fields.len() > 15, "{fields:?}");
    for field in fields {
        assert!(
            reference.contains(&format!("`{field}`")),
            "docs/format.md does not name the field `{field}`"
        );
    }
}

#[test]
fn the_reference_names_every_command_and_only_real_ones() {
    let reference = reference();
    let commands = commands();
    assert!(commands.len() >= 10, "{commands:?}");
    for command in &commands {
        assert!(
            reference.contains(&format!("`chipmap {command}")),
            "docs/format.md does not describe `chipmap {command}`"
        );
    }
    for named in reference.split("`chipmap ").skip(1) {
        let name: String = named.chars().take_while(char::is_ascii_lowercase).collect();
        assert!(
            commands.contains(&name),
            "docs/format.md names `chipmap {name}`, which is no command"
        );
    }
}

#[test]
fn every_flag_the_reference_names_exists() {
    let env = TestEnv::new();
    let mut helps = env.stdout(&["--help"]);
    for command in commands() {
        helps.push_str(&env.stdout(&[command.as_str(), "--help"]));
    }
    let reference = reference();
    for named in reference.split("`--").skip(1) {
        let flag: String = named
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        assert!(
            helps.contains(&format!("--{flag}")),
            "docs/format.md names --{flag}, which no command takes"
        );
    }
}
