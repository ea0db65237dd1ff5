//! The timeline SVG opened in headless Chromium, as a person would see it: it draws, it says
//! nothing in the console, it asks the network for nothing, and a hostile name stays text.
//! Skipped (saying why) without Node, tests/js's packages or Chromium, except with CI=true.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{TestEnv, browser};

/// Returns the vendors `list --format json` names in the working directory's data.
fn vendors(env: &TestEnv) -> BTreeSet<String> {
    let rows: Value = serde_json::from_str(&env.stdout(&["list", "--format", "json"]))
        .expect("list --format json is JSON");
    rows.as_array()
        .expect("an array of entries")
        .iter()
        .map(|row| row["vendor"].as_str().expect("a vendor").to_string())
        .collect()
}

#[test]
fn the_shipped_timeline_svg_draws_a_lane_per_vendor_and_asks_for_nothing() {
    let env = TestEnv::with_shipped_data();
    env.stdout(&["timeline", "--format", "svg", "--output", "timeline.svg"]);
    let Some(opened) = browser::open(&env.path().join("timeline.svg"), &["g.lane", "script"])
    else {
        return;
    };
    opened.assert_quiet();
    opened.assert_drawn(0.15);
    let vendors = vendors(&env);
    assert!(vendors.len() > 10, "{vendors:?}");
    assert_eq!(opened.count("g.lane"), vendors.len() as u64, "{vendors:?}");
    assert_eq!(opened.count("script"), 0);
    assert_eq!(opened.width, browser::WIDTH);
}

/// A vendor file whose names try to break out of the SVG's text into markup that would run
/// a script, load an image or frame, or add an event handler.
const HOSTILE: &str = r#"vendor: acme
name: '<script>fetch("http://pwned.invalid/vendor");console.error("pwned")</script>'
entries:
  - id: one
    name: 'x" onload="console.error(''pwned'')" y="'
    kind: gpu
    status: shipping
    available: 2025Q2
    sources:
      - 'https://example.com/a?b=<script>console.error("pwned")</script>'
  - id: two
    name: ']]><image href="http://pwned.invalid/image.png"/><script>console.error(1)</script>'
    kind: gpu
    status: announced
    available: 2026-03-01
  - id: three
    name: '</title></text><foreignObject><iframe src="http://pwned.invalid/frame"/></foreignObject>'
    kind: accelerator
    status: rumored
    available: 2027
"#;

#[test]
fn a_hostile_name_runs_no_script_and_is_drawn_as_text() {
    let env = TestEnv::with_files(&[("acme.yaml", HOSTILE)]);
    env.stdout(&["timeline", "--format", "svg", "--output", "hostile.svg"]);
    let drawn = [
        r#"svg text:has-text("pwned.invalid/vendor")"#,
        r#"svg text:has-text("onload=")"#,
        r#"svg text:has-text("pwned.invalid/image.png")"#,
        r#"svg text:has-text("pwned.invalid/frame")"#,
    ];
    let markup = ["script", "image", "iframe", "foreignObject", "[onload]"];
    let selectors: Vec<&str> = ["g.lane"]
        .iter()
        .chain(&drawn)
        .chain(&markup)
        .copied()
        .collect();
    let Some(opened) = browser::open(&env.path().join("hostile.svg"), &selectors) else {
        return;
    };
    // A script that ran would have logged an error or fetched pwned.invalid.
    opened.assert_quiet();
    for element in markup {
        assert_eq!(opened.count(element), 0, "the data made a <{element}>");
    }
    for text in drawn {
        assert!(opened.count(text) >= 1, "not drawn as text: {text}");
    }
    assert_eq!(opened.count("g.lane"), 1);
    opened.assert_drawn(0.03);
}
