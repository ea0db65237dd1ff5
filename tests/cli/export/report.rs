//! `chipmap report`: one HTML page that parses, stays under 1 MB on the shipped data, reaches
//! for nothing on the network but the sources' own links, escapes what came from the data,
//! says what changed since the version asked for, and is the same bytes twice.

use std::collections::HashSet;

use roxmltree::{Document, ParsingOptions};

use crate::common::TestEnv;

/// Returns the page parsed as XML (the page is written so that it parses), or fails saying
/// where it does not.
fn parse(page: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(page, options)
        .unwrap_or_else(|e| panic!("the page does not parse: {e}"))
}

/// Returns the text of the element with `id`, all its descendants' text joined.
fn text_of(doc: &Document, id: &str) -> String {
    let node = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element with id `{id}`"));
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// Returns every source URL of the data, as `list --format json` gives them.
fn sources(env: &TestEnv, args: &[&str]) -> HashSet<String> {
    let json = env.stdout(&[&["list", "--format", "json"], args].concat());
    let rows: serde_json::Value = serde_json::from_str(&json).expect("list gives JSON");
    let rows = rows.as_array().expect("an array of entries");
    rows.iter()
        .flat_map(|row| row["sources"].as_array().cloned().unwrap_or_default())
        .filter_map(|url| url.as_str().map(str::to_string))
        .collect()
}

const ACME: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2026H1\n    sources: [https://acme.example/a1]\n  - id: a2\n    name: A2\n    kind: gpu\n    status: announced\n    available: 2027\n";

/// A1 slips half a year; A2 is gone, A3 came.
const ACME_LATER: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2026H2\n    sources: [https://acme.example/a1]\n  - id: a3\n    name: A3\n    kind: cpu\n    status: rumored\n    available: 2028\n";

/// Returns a roadmap frozen as `2025-01-10-first` (ACME) and `2025-06-01-second`
/// (ACME_LATER), with the working data as the second.
fn two_snapshots() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.stdout(&["snapshot", "2025-01-10-first", "--taken", "2025-01-10"]);
    env.write("roadmaps/acme.yaml", ACME_LATER);
    env.stdout(&["snapshot", "2025-06-01-second", "--taken", "2025-06-01"]);
    env
}

#[test]
fn the_shipped_report_parses_and_weighs_under_a_megabyte() {
    let env = TestEnv::with_shipped_data();
    let page = env.stdout(&["report"]);
    assert!(
        page.len() < 1_000_000,
        "the report of the shipped data is {} bytes",
        page.len()
    );
    let doc = parse(&page);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "svg")
        .collect();
    let in_section = |svg: &roxmltree::Node, id: &str| {
        svg.ancestors()
            .any(|a| a.has_tag_name("section") && a.attribute("id") == Some(id))
    };
    assert_eq!(
        svgs.iter().filter(|s| in_section(s, "timeline")).count(),
        1,
        "the timeline, inline"
    );
    let trends = svgs.iter().filter(|s| in_section(s, "trends")).count();
    assert!(
        trends >= 3,
        "a trend chart per vendor whose promises moved: {trends}"
    );
    assert_eq!(svgs.len(), 1 + trends, "no other picture");
    // Ten pictures on one page, and still every id once (a fill pattern's, a section's).
    let mut ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "an id stands twice in the page");
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("section"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert_eq!(ids, ["timeline", "trends", "slips", "changes", "entries"]);
    // The table of contents links to each section.
    let toc: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("nav"))
        .flat_map(|n| n.descendants())
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert_eq!(
        toc,
        ["#timeline", "#trends", "#slips", "#changes", "#entries"]
    );
    // Every entry of the data is in it, anchored at its key.
    let json = env.stdout(&["list", "--format", "json"]);
    let keys: Vec<serde_json::Value> = serde_json::from_str(&json).expect("JSON");
    for key in keys.iter().filter_map(|k| k["key"].as_str()) {
        assert!(
            doc.descendants().any(|n| n.attribute("id") == Some(key)),
            "no entry `{key}` in the report"
        );
    }
    assert!(text_of(&doc, "changes").contains("Summary:"));
}

#[test]
fn no_address_in_the_report_leaves_it_but_a_source_of_the_data() {
    let env = TestEnv::with_shipped_data();
    let page = env.stdout(&["report"]);
    let doc = parse(&page);
    let ids: HashSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let sources = sources(&env, &[]);
    let mut links = 0;
    for node in doc.descendants().filter(|n| n.is_element()) {
        for attribute in node.attributes() {
            let (name, value) = (attribute.name(), attribute.value());
            if !["href", "src", "srcset", "action", "poster", "data"].contains(&name) {
                continue;
            }
            if let Some(anchor) = value.strip_prefix('#') {
                assert!(
                    ids.contains(anchor),
                    "`{value}` points at nothing in the page"
                );
            } else if node.has_tag_name("a") && sources.contains(value) {
                assert_eq!(node.attribute("rel"), Some("noreferrer"), "{value}");
                links += 1;
            } else {
                panic!(
                    "<{} {name}=\"{value}\"> reaches outside the page",
                    node.tag_name().name()
                );
            }
        }
    }
    assert!(links > 100, "the sources are links ({links} of them)");
    // CSS and SVG paint: only fragments and data.
    for (at, _) in page.match_indices("url(") {
        let rest = &page[at + 4..];
        assert!(
            rest.starts_with("data:") || rest.starts_with('#'),
            "url({}",
            &rest[..rest.len().min(60)]
        );
    }
    for tag in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import",
    ] {
        assert!(!page.contains(tag), "the page has {tag}");
    }
}

#[test]
fn a_hostile_name_in_the_data_comes_out_as_its_text() {
    let hostile = "vendor: evil\nname: 'Evil \"Co\" & <b>Sons</b>'\nentries:\n  - id: x1\n    name: \"<script>alert(1)</script>\\e[2J\"\n    kind: gpu\n    status: announced\n    available: 2027\n    process: '\" onmouseover=\"alert(2)'\n    notes: \"a & b < c \\\" d ' e\"\n    sources: ['javascript:alert(3)', 'https://evil.example/?a=\"1\"&b=<2>']\n";
    let env = TestEnv::with_files(&[("evil.yaml", hostile)]);
    let page = env.stdout(&["report"]);
    let doc = parse(&page);
    assert!(!page.contains("<script"), "a script got through");
    assert!(!page.contains('\u{1b}'), "an ESC got through raw");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J"),
        "the name is not shown as its text"
    );
    let entry = text_of(&doc, "evil/x1");
    assert!(
        entry.contains("<script>alert(1)</script>\\x1b[2J"),
        "{entry}"
    );
    assert!(entry.contains("\" onmouseover=\"alert(2)"), "{entry}");
    assert!(entry.contains("a & b < c \" d ' e"), "{entry}");
    assert!(text_of(&doc, "vendor-evil").contains("Evil \"Co\" & <b>Sons</b>"));
    // The attribute stayed one attribute, and only the web address is a link.
    assert!(
        doc.descendants()
            .all(|n| n.attribute("onmouseover").is_none())
    );
    let hrefs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert_eq!(hrefs, ["https://evil.example/?a=\"1\"&b=<2>"]);
    assert!(
        entry.contains("javascript:alert(3)"),
        "the other source is text: {entry}"
    );
}

#[test]
fn since_chooses_what_the_changes_are_counted_from() {
    let env = two_snapshots();
    let newest = parse_changes(&env, &[]);
    assert!(
        newest.contains("What changed since 2025-06-01-second"),
        "{newest}"
    );
    assert!(newest.contains("No changes."), "{newest}");
    let first = parse_changes(&env, &["--since", "2025-01-10-first"]);
    assert!(
        first.contains("What changed since 2025-01-10-first"),
        "{first}"
    );
    assert!(
        first.contains("slipped 6 months: 2026H1 → 2026H2"),
        "{first}"
    );
    assert!(
        first.contains("removed A2 (acme/a2): announced, available 2027"),
        "A2 is gone: {first}"
    );
    assert!(
        first.contains("added A3 (acme/a3): rumored, available 2028"),
        "A3 came: {first}"
    );
    assert!(first.contains("1 added, 1 removed, 1 modified"), "{first}");
    // A date names the newest snapshot taken by then, as for `diff`.
    assert_eq!(parse_changes(&env, &["--since", "2025-03"]), first);
    let refused = env.refused(&["report", "--since", "nope"]);
    assert!(
        refused.contains("`nope` is not a snapshot, a date, a path or git:REV"),
        "{refused}"
    );
    assert!(
        refused.contains("2025-01-10-first, 2025-06-01-second"),
        "{refused}"
    );
}

/// Returns the text of the changes section of `report ARGS`.
fn parse_changes(env: &TestEnv, args: &[&str]) -> String {
    let page = env.stdout(&[&["report"], args].concat());
    let doc = parse(&page);
    text_of(&doc, "changes")
}

#[test]
fn without_a_snapshot_the_report_says_there_is_nothing_to_compare() {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    let page = env.stdout(&["report"]);
    let changes = text_of(&parse(&page), "changes");
    assert!(changes.contains("No snapshot to compare with"), "{changes}");
    let slips = text_of(&parse(&page), "slips");
    assert!(slips.contains("Nothing tracked"), "{slips}");
}

#[test]
fn the_same_data_and_day_give_the_same_bytes_to_stdout_and_to_a_file() {
    let env = two_snapshots();
    let once = env.stdout(&["report"]);
    let twice = env.stdout(&["report"]);
    assert!(once == twice, "two runs gave different pages");
    let (code, stdout, stderr) = env.run(&["report", "--output", "page.html"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("wrote page.html ("), "{stderr}");
    let written = std::fs::read_to_string(env.path().join("page.html")).expect("the file");
    assert!(written == once, "the file differs from stdout");
}

#[test]
fn a_vendor_filter_narrows_every_section() {
    let env = TestEnv::with_shipped_data();
    let page = env.stdout(&["report", "--vendor", "nvidia"]);
    let doc = parse(&page);
    let keys: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .filter_map(|n| n.attribute("id"))
        .collect();
    assert!(!keys.is_empty());
    assert!(keys.iter().all(|k| k.starts_with("nvidia/")), "{keys:?}");
    let timeline = text_of(&doc, "timeline");
    assert!(timeline.contains(" entries from 1 vendor"), "{timeline}");
    assert!(
        timeline.contains("NVIDIA") && !timeline.contains("AMD"),
        "{timeline}"
    );
    let slips = text_of(&doc, "slips");
    assert!(
        slips.contains("NVIDIA") && !slips.contains("AMD"),
        "{slips}"
    );
    let changes = text_of(&doc, "changes");
    assert!(!changes.contains("amd/"), "{changes}");
    // The links are the filtered data's sources.
    let sources = sources(&env, &["--vendor", "nvidia"]);
    let links = doc
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter_map(|n| n.attribute("href"))
        .filter(|h| !h.starts_with('#'));
    for link in links {
        assert!(sources.contains(link), "{link} is not an NVIDIA source");
    }
}
