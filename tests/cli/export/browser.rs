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
        // The vendor's name is cut to its column (the lane's tooltip has it whole).
        r#"svg text:has-text("<script>fetch(")"#,
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

#[test]
fn the_report_opens_quietly_with_its_pictures_at_desktop_and_phone_widths() {
    let env = TestEnv::with_shipped_data();
    env.stdout(&["report", "--output", "report.html"]);
    let page = env.path().join("report.html");
    let selectors = [
        "#timeline g.lane",
        "#trends figure.chart svg",
        "#entries a[href^='http']",
        "script",
    ];
    let Some(desktop) = browser::open(&page, &selectors) else {
        return;
    };
    desktop.assert_quiet();
    desktop.assert_drawn(0.05);
    let vendors = vendors(&env);
    assert_eq!(
        desktop.count("#timeline g.lane"),
        vendors.len() as u64,
        "{vendors:?}"
    );
    assert!(
        desktop.count("#trends figure.chart svg") >= 3,
        "a trend chart per vendor whose promises moved"
    );
    assert!(
        desktop.count("#entries a[href^='http']") > 100,
        "every entry's sources are links"
    );
    assert_eq!(desktop.count("script"), 0, "the page needs no script");
    // On a phone the page is no wider than the phone: only the picture's box scrolls.
    let phone = browser::open_at(&page, 390, &selectors).expect("the browser ran once already");
    phone.assert_quiet();
    assert_eq!(
        phone.scroll_width, 390,
        "the page is wider than the phone's screen"
    );
}
