//! `timeline --format svg|png`: the picture parses as XML, is the same twice, escapes what came
//! from the data, keeps every label clear of every other, and draws to the PNG size asked.

use std::collections::BTreeMap;

use chipmap::render::svg::font::{Weight, text_width};

use crate::common::TestEnv;

/// Returns the shipped timeline as SVG text (the embedded dataset: no data directory here).
fn shipped_svg(extra: &[&str]) -> String {
    let mut args = vec!["timeline", "--format", "svg"];
    args.extend_from_slice(extra);
    TestEnv::new().stdout(&args)
}

fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class") == Some(class)
}

fn number(node: &roxmltree::Node, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", node.tag_name().name()))
        .parse()
        .expect("a number")
}

#[test]
fn the_shipped_timeline_is_well_formed_svg_with_one_lane_per_vendor() {
    let svg = shipped_svg(&[]);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG parses as XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("version"), Some("1.1"));
    let lanes = root.descendants().filter(|n| has_class(n, "lane")).count();
    let list = TestEnv::new().stdout(&["list", "--format", "json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&list).expect("JSON");
    let mut vendors: Vec<&str> = entries
        .iter()
        .map(|e| e["vendor"].as_str().unwrap())
        .collect();
    vendors.dedup();
    assert_eq!(lanes, vendors.len(), "one lane per vendor");
    let dated = entries
        .iter()
        .filter(|e| e.get("available").is_some())
        .count();
    let drawn = root.descendants().filter(|n| has_class(n, "entry")).count();
    assert_eq!(drawn, dated, "one mark per entry with an available date");
    // The font travels with the picture, and nothing outside it is fetched.
    assert!(svg.contains("@font-face") && svg.contains("data:font/otf;base64,"));
    assert!(
        !svg.contains("href=") && !svg.contains("url(http"),
        "nothing to fetch"
    );
}

#[test]
fn the_same_roadmap_draws_the_same_bytes() {
    assert_eq!(shipped_svg(&[]), shipped_svg(&[]));
    let png = |env: &TestEnv| {
        env.chipmap(&["timeline", "--format", "png", "--vendor", "nvidia"])
            .output()
            .expect("chipmap runs")
            .stdout
    };
    let env = TestEnv::new();
    assert_eq!(png(&env), png(&env));
}

#[test]
fn text_from_the_data_is_escaped_and_cannot_become_markup() {
    let vendor = "vendor: evil\nname: \"Evil <b>&amp; Co\"\nentries:\n  - id: x\n    name: \"<script>alert(1)</script> \\\"q\\\" \\e[2J\"\n    kind: gpu\n    status: announced\n    available: 2027\n    sources: [\"https://example.com/?a=1&b=<2>\"]\n";
    let env = TestEnv::with_files(&[("evil.yaml", vendor)]);
    let svg = env.stdout(&["timeline", "--format", "svg"]);
    let doc = roxmltree::Document::parse(&svg).expect("still well-formed");
    assert!(
        doc.descendants()
            .all(|n| !matches!(n.tag_name().name(), "script" | "b"))
    );
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"Evil <b>&amp; Co"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script> \"q\" \\x1b[2J")),
        "{texts:?}"
    );
    assert!(
        !svg.contains('\u{1b}'),
        "no raw escape character in the file"
    );
    let tooltip = texts
        .iter()
        .find(|t| t.contains("source:"))
        .expect("a tooltip");
    assert!(
        tooltip.contains("https://example.com/?a=1&b=<2>"),
        "{tooltip}"
    );
}

/// One label or mark on a line of a lane: its left and right edge.
type Extent = (f64, f64);

#[test]
fn no_label_overlaps_another_or_leaves_the_picture() {
    for extra in [
        &[][..],
        &["--by", "announced"],
        &["--from", "2025", "--to", "2026"],
    ] {
        let svg = shipped_svg(extra);
        let doc = roxmltree::Document::parse(&svg).expect("parses");
        let width = number(&doc.root_element(), "width");
        let mut lines: BTreeMap<(usize, i64), Vec<(Extent, String)>> = BTreeMap::new();
        let lanes = doc.descendants().filter(|n| has_class(n, "lane"));
        for (lane_index, lane) in lanes.enumerate() {
            for entry in lane.children().filter(|n| has_class(n, "entry")) {
                let text = entry
                    .children()
                    .find(|n| n.has_tag_name("text"))
                    .expect("a label");
                let name = text
                    .children()
                    .find(|n| n.is_text())
                    .and_then(|n| n.text())
                    .unwrap_or("");
                let tspan = text
                    .children()
                    .find(|n| n.has_tag_name("tspan"))
                    .expect("a date");
                let date = tspan.text().unwrap_or("");
                let x = number(&text, "x");
                let label_end = x
                    + text_width(name, 12.0, Weight::Regular)
                    + number(&tspan, "dx")
                    + text_width(date, number(&tspan, "font-size"), Weight::Regular);
                let (mut left, mut right) = (x, label_end);
                for mark in entry.children().filter(|n| {
                    n.is_element() && !n.has_tag_name("text") && !n.has_tag_name("title")
                }) {
                    let (a, b) = match mark.tag_name().name() {
                        "rect" => (
                            number(&mark, "x"),
                            number(&mark, "x") + number(&mark, "width"),
                        ),
                        "circle" => (
                            number(&mark, "cx") - number(&mark, "r"),
                            number(&mark, "cx") + number(&mark, "r"),
                        ),
                        // A diamond or a cross: the extremes of its path's coordinates.
                        _ => {
                            let d = mark.attribute("d").unwrap_or("");
                            let xs: Vec<f64> = d
                                .split(|c: char| c.is_ascii_alphabetic())
                                .filter_map(|pair| pair.split_whitespace().next()?.parse().ok())
                                .collect();
                            (
                                xs.iter().copied().fold(f64::MAX, f64::min),
                                xs.iter().copied().fold(f64::MIN, f64::max),
                            )
                        }
                    };
                    left = left.min(a);
                    right = right.max(b);
                }
                assert!(
                    left >= 0.0 && right <= width,
                    "{name} runs out of the picture: {left}..{right} in {width} ({extra:?})"
                );
                let y = (number(&text, "y") * 100.0).round() as i64;
                lines
                    .entry((lane_index, y))
                    .or_default()
                    .push(((left, right), name.to_string()));
            }
        }
        assert!(lines.len() > 20, "the shipped data fills many lines");
        for items in lines.values_mut() {
            items.sort_by(|a, b| a.0.0.total_cmp(&b.0.0));
            for pair in items.windows(2) {
                let ((_, end), first) = &pair[0];
                let ((start, _), second) = &pair[1];
                // Measured to the hundredth the SVG rounds to.
                assert!(
                    start + 0.05 >= *end,
                    "{first} and {second} overlap ({extra:?}): {end} > {start}"
                );
            }
        }
    }
}

#[test]
fn a_png_is_drawn_at_the_size_asked_and_is_not_blank() {
    let env = TestEnv::new();
    let svg = env.stdout(&["timeline", "--format", "svg", "--vendor", "amd"]);
    let doc = roxmltree::Document::parse(&svg).expect("parses");
    let (w, h) = (
        number(&doc.root_element(), "width"),
        number(&doc.root_element(), "height"),
    );
    let out = env
        .chipmap(&[
            "timeline", "--format", "png", "--vendor", "amd", "--scale", "0.5",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let decoder = png::Decoder::new(std::io::Cursor::new(out.stdout));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("decodes");
    assert_eq!(
        (info.width, info.height),
        ((w * 0.5).ceil() as u32, (h * 0.5).ceil() as u32)
    );
    let first = &pixels[..4];
    let other = pixels.chunks(4).filter(|p| p != &first).count();
    assert!(
        other * 20 > pixels.len() / 4,
        "at least 5% of the pixels are not the background"
    );
}

#[test]
fn output_writes_the_file_whole_and_says_so() {
    let env = TestEnv::new();
    let (code, stdout, stderr) = env.run(&["timeline", "--format", "svg", "--output", "t.svg"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.starts_with("wrote t.svg ("), "{stderr}");
    let written = std::fs::read_to_string(env.path().join("t.svg")).expect("written");
    assert_eq!(
        written,
        shipped_svg(&[]),
        "the file holds what stdout would"
    );
    let refused = env.refused(&[
        "timeline",
        "--format",
        "png",
        "--output",
        "no/such/dir/t.png",
    ]);
    assert!(refused.contains("no/such/dir"), "{refused}");
    assert!(!env.path().join("no").exists());
}

#[test]
fn a_png_is_refused_on_a_terminal_without_output() {
    // `script` gives the command a terminal for stdout; without it there is nothing to test.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no `script` to give chipmap a terminal");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("chipmap");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{} timeline --format png; echo rc=$?", bin.display()),
            "/dev/null",
        ])
        .env("CHIPMAP_TODAY", crate::common::TODAY)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("script runs");
    let seen = String::from_utf8_lossy(&out.stdout);
    assert!(
        seen.contains("PNG is binary, and stdout is a terminal"),
        "{seen}"
    );
    assert!(seen.contains("--output FILE"), "{seen}");
    assert!(seen.contains("rc=2"), "{seen}");
    assert!(!seen.contains("IHDR"), "no PNG bytes reached the terminal");
}

#[test]
fn the_picture_follows_as_of_and_the_filters_as_the_terminal_does() {
    let svg = shipped_svg(&["--as-of", "2024-03-18-gtc", "--vendor", "nvidia"]);
    let doc = roxmltree::Document::parse(&svg).expect("parses");
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("as of 2024-03-18-gtc (taken 2024-03-18)")),
        "{texts:?}"
    );
    let lanes = doc.descendants().filter(|n| has_class(n, "lane")).count();
    assert_eq!(lanes, 1);
    let terminal = TestEnv::new().stdout(&[
        "timeline",
        "--as-of",
        "2024-03-18-gtc",
        "--vendor",
        "nvidia",
    ]);
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| has_class(n, "entry"))
        .filter_map(|n| {
            n.children()
                .find(|c| c.has_tag_name("text"))?
                .children()
                .find(|c| c.is_text())?
                .text()
        })
        .collect();
    assert!(!names.is_empty());
    for name in names {
        assert!(
            terminal.contains(name),
            "{name} is drawn in the picture but not in the terminal"
        );
    }
}

/// The pictures of the README, each with the command that draws it on the shipped data.
const DOCS_PICTURES: &[(&str, &[&str])] = &[
    ("docs/timeline.png", &["timeline", "--format", "png"]),
    (
        "docs/trend.png",
        &[
            "history",
            "nvidia/rubin",
            "nvidia/rubin-ultra",
            "intel/jaguar-shores",
            "microsoft/braga-r",
            "samsung/hbm4",
            "huawei/ascend-960",
            "sk-hynix/hbm4-12h",
            "--chart",
            "--format",
            "png",
            "--scale",
            "1.6",
        ],
    ),
];

#[test]
fn the_readme_pictures_are_what_chipmap_draws_of_the_shipped_data() {
    // A PNG is the same on every machine (chipmap draws it with its own font), so the README's
    // pictures can be held to the bytes; CHIPMAP_BLESS=1 draws them again after a data change.
    let env = TestEnv::new();
    for (path, args) in DOCS_PICTURES {
        let drawn = env.chipmap(args).output().expect("chipmap runs");
        assert!(drawn.status.success(), "{args:?}");
        let file = crate::common::repo_path(path);
        if crate::common::blessing() {
            std::fs::write(&file, &drawn.stdout).expect("write the picture");
            continue;
        }
        let kept = std::fs::read(&file).unwrap_or_default();
        assert!(
            kept == drawn.stdout,
            "{path} is not what `chipmap {}` draws now: run the tests with CHIPMAP_BLESS=1 and look at it",
            args.join(" ")
        );
    }
}

#[test]
fn scale_is_refused_where_it_would_do_nothing() {
    let env = TestEnv::new();
    for args in [
        &["timeline", "--format", "svg", "--scale", "2"][..],
        &["timeline", "--scale", "2"],
        &["history", "nvidia/rubin", "--chart", "--scale", "2"],
    ] {
        let refused = env.refused(args);
        assert!(
            refused.starts_with(
                "error: --scale sets a PNG's resolution; it does nothing for this format\n"
            ),
            "{args:?}: {refused}"
        );
    }
    let refused = env.refused(&["timeline", "--format", "png", "--scale", "9"]);
    assert!(refused.contains("a scale from 0.1 to 8"), "{refused}");
}

#[test]
fn a_picture_too_tall_to_draw_is_refused_with_a_way_out() {
    // 900 entries of one year in one lane: each needs a line of its own.
    let mut vendor = String::from("vendor: many\nname: Many\nentries:\n");
    for i in 0..900 {
        vendor.push_str(&format!(
            "  - id: e{i}\n    name: E{i}\n    kind: gpu\n    status: announced\n    available: 2026\n"
        ));
    }
    let env = TestEnv::with_files(&[("many.yaml", &vendor)]);
    let refused = env.refused(&["timeline", "--format", "png", "--output", "many.png"]);
    assert!(
        refused.contains("at most 16384 px a side are drawn")
            && refused.contains("draw fewer entries (--vendor, --from, --to)"),
        "{refused}"
    );
    assert!(!env.path().join("many.png").exists(), "nothing written");
    // The SVG has no such limit.
    assert!(
        env.stdout(&["timeline", "--format", "svg"])
            .ends_with("</svg>\n")
    );
}
