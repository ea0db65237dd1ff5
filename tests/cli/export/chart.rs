//! `history --chart --format svg|png`: the milestone trend chart as a picture, read back as
//! a person would see it: the points where the promises put them, every entry named, the
//! same bytes each time, text from the data escaped, and a PNG of the size asked.

use roxmltree::{Document, Node};

use crate::common::TestEnv;

const ACME: &str = "vendor: acme\nname: Acme AI\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2026H1\n  - id: a2\n    name: \"<b>&\\\"x\\\"\\e[2J\"\n    kind: gpu\n    status: announced\n    available: 2027\n";

/// A roadmap with two snapshots, then changed: A1 slips from 2026H1 to 2026H2 in the second
/// snapshot and to 2027 in the working data; the hostile-named A2 holds 2027.
fn slipping() -> TestEnv {
    let env = TestEnv::with_files(&[("acme.yaml", ACME)]);
    env.stdout(&["snapshot", "2025-01-10-first", "--taken", "2025-01-10"]);
    env.stdout(&["update", "a1", "--set", "available=2026H2"]);
    env.stdout(&["snapshot", "2025-06-02-second", "--taken", "2025-06-02"]);
    env.stdout(&["update", "a1", "--set", "available=2027"]);
    env
}

fn bytes(env: &TestEnv, args: &[&str]) -> Vec<u8> {
    let out = env.chipmap(args).output().expect("chipmap runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn parsed(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("not well-formed: {e}\n{text}"))
}

fn class(node: &Node, name: &str) -> bool {
    node.attribute("class") == Some(name)
}

/// Returns each entry's points in legend order, as (x, y, tooltip).
fn points(doc: &Document) -> Vec<Vec<(f64, f64, String)>> {
    doc.descendants()
        .filter(|n| class(n, "entry"))
        .map(|entry| {
            entry
                .children()
                .filter(|n| class(n, "point"))
                .map(|p| {
                    let transform = p.attribute("transform").unwrap();
                    let inner = transform
                        .trim_start_matches("translate(")
                        .trim_end_matches(')');
                    let (x, y) = inner.split_once(' ').unwrap();
                    let title = p.children().find(|c| c.has_tag_name("title")).unwrap();
                    (
                        x.parse().unwrap(),
                        y.parse().unwrap(),
                        title.text().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .collect()
}

#[test]
fn a_slipping_entry_climbs_in_the_svg_and_every_entry_is_named() {
    let env = slipping();
    let svg = env.stdout(&["history", "--chart", "--format", "svg"]);
    let doc = parsed(&svg);
    let all = points(&doc);
    assert_eq!(all.len(), 2, "{svg}");
    let (a1, a2) = (&all[0], &all[1]);
    assert_eq!((a1.len(), a2.len()), (3, 3));
    // Each slip puts the point higher up (a smaller y); later versions stand further right.
    assert!(a1[0].1 > a1[1].1 && a1[1].1 > a1[2].1, "{a1:?}");
    assert!(a1[0].0 < a1[1].0 && a1[1].0 < a1[2].0, "{a1:?}");
    assert!(
        a1[1].2.contains("2025-06-02-second (2025-06-02)"),
        "{}",
        a1[1].2
    );
    assert!(a1[1].2.contains("promised available 2026H2"), "{}", a1[1].2);
    assert!(a1[2].2.contains("working (2026-11-30)"), "{}", a1[2].2);
    // A2 held its promise: level, within the few px that keep it beside A1 where they meet.
    assert!(a2.iter().all(|p| (p.1 - a2[0].1).abs() <= 3.0), "{a2:?}");
    let legend: Vec<String> = doc
        .descendants()
        .filter(|n| class(n, "legend"))
        .flat_map(|g| g.descendants().filter(|n| n.is_text()))
        .map(|t| t.text().unwrap().to_string())
        .collect();
    assert!(legend.contains(&"A1".to_string()), "{legend:?}");
    assert!(
        legend.contains(&"<b>&\"x\"\\x1b[2J".to_string()),
        "{legend:?}"
    );
}

#[test]
fn the_svg_is_the_same_each_time_and_its_names_are_escaped() {
    let env = slipping();
    let args = ["history", "--chart", "--format", "svg"];
    let first = bytes(&env, &args);
    assert_eq!(first, bytes(&env, &args));
    let text = String::from_utf8(first).unwrap();
    parsed(&text);
    assert!(!text.contains("<b>") && !text.contains('\u{1b}'));
    assert!(text.contains("&lt;b&gt;&amp;\"x\"\\x1b[2J"));
}

#[test]
fn the_png_is_drawn_at_the_scale_asked() {
    let env = slipping();
    let svg = env.stdout(&["history", "--chart", "--format", "svg"]);
    let doc = parsed(&svg);
    let side = |name: &str| -> u32 {
        let value: f64 = doc.root_element().attribute(name).unwrap().parse().unwrap();
        (value * 2.0).ceil() as u32
    };
    let png = bytes(
        &env,
        &["history", "--chart", "--format", "png", "--scale", "2"],
    );
    let decoder = png::Decoder::new(std::io::Cursor::new(png));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).expect("its pixels");
    assert_eq!((frame.width, frame.height), (side("width"), side("height")));
    let channels = frame.color_type.samples();
    let first = &pixels[..channels];
    assert!(
        pixels[..frame.buffer_size()]
            .chunks(channels)
            .any(|p| p != first),
        "the picture is one colour"
    );
}

#[test]
fn output_writes_the_picture_to_a_file_and_says_so() {
    let env = slipping();
    let (code, stdout, stderr) = env.run(&[
        "history",
        "a1",
        "--chart",
        "--format",
        "svg",
        "--output",
        "trend.svg",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("wrote trend.svg"), "{stderr}");
    let written = std::fs::read_to_string(env.path().join("trend.svg")).unwrap();
    assert_eq!(points(&parsed(&written)).len(), 1);
}

#[test]
fn a_picture_without_chart_is_refused_with_a_hint() {
    let env = slipping();
    for format in ["svg", "png"] {
        let stderr = env.refused(&["history", "--format", format]);
        assert!(stderr.contains("need --chart"), "{stderr}");
        assert!(stderr.contains("add --chart"), "{stderr}");
    }
}

#[test]
fn a_picture_tells_more_entries_apart_than_the_terminal() {
    let env = TestEnv::with_shipped_data();
    let nvidia = ["nvidia/rubin", "nvidia/rubin-ultra", "nvidia/feynman"];
    let seven: Vec<&str> = nvidia
        .iter()
        .copied()
        .chain([
            "amd/mi455x",
            "intel/jaguar-shores",
            "microsoft/braga-r",
            "hbm/hbm4e",
        ])
        .collect();
    let mut args = vec!["history"];
    args.extend(&seven);
    args.push("--chart");
    let stderr = env.refused(&args);
    assert!(stderr.contains("tells 6 entries apart"), "{stderr}");
    args.extend(["--format", "svg"]);
    let svg = env.stdout(&args);
    assert_eq!(points(&parsed(&svg)).len(), 7);
    let stderr = env.refused(&[
        "history", "--vendor", "nvidia", "--chart", "--format", "svg",
    ]);
    assert!(stderr.contains("tells 8 entries apart"), "{stderr}");
    assert!(stderr.contains("name up to 8 KEYs"), "{stderr}");
}

#[test]
fn output_takes_every_history_format() {
    let env = slipping();
    let (code, _, stderr) = env.run(&["history", "--format", "json", "--output", "h.json"]);
    assert_eq!(code, Some(0), "{stderr}");
    let written = std::fs::read_to_string(env.path().join("h.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["entries"].as_array().unwrap().len(), 2);
}
