//! The trend picture drawn from histories built by hand: well-formed, the same bytes each
//! time, text from the data escaped, the points where the promises put them, and every label
//! inside the picture and clear of every other.

use roxmltree::{Document, Node};

use super::super::TrendChart;
use super::super::tests::{day, entry, six, two, versions};
use super::{ChartOptions, MAX_ENTRIES, svg};
use crate::diff::Histories;
use crate::render::svg::Fonts;
use crate::render::svg::font::{Weight, text_width};

fn picture(histories: &Histories, width: f64, fonts: Fonts) -> String {
    let chart = TrendChart {
        histories,
        entries: histories.entries.iter().collect(),
        today: day("2026-03-20"),
    };
    svg(
        &chart,
        &ChartOptions {
            width,
            fonts,
            ..ChartOptions::default()
        },
    )
}

fn parsed(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("not well-formed: {e}\n{text}"))
}

fn has_class(node: &Node, class: &str) -> bool {
    node.attribute("class") == Some(class)
}

/// Returns the numbers of a `translate(x y)`.
fn translate(transform: &str) -> Option<(f64, f64)> {
    let inner = transform.strip_prefix("translate(")?.split(')').next()?;
    let mut parts = inner.split(' ').map(|n| n.parse::<f64>().ok());
    Some((parts.next()??, parts.next()??))
}

/// Returns each entry's points, in legend order, as (x, y, tooltip).
fn points(doc: &Document) -> Vec<Vec<(f64, f64, String)>> {
    doc.descendants()
        .filter(|n| has_class(n, "entry"))
        .map(|entry| {
            entry
                .children()
                .filter(|n| has_class(n, "point"))
                .map(|p| {
                    let (x, y) = translate(p.attribute("transform").unwrap()).unwrap();
                    let title = p.children().find(|c| c.has_tag_name("title")).unwrap();
                    (x, y, title.text().unwrap_or("").to_string())
                })
                .collect()
        })
        .collect()
}

/// A label as drawn: its text and the box it takes (left, top, right, bottom).
#[derive(Debug)]
struct Label {
    text: String,
    area: (f64, f64, f64, f64),
}

/// Returns every unrotated `<text>`'s box, measured in the font as the picture sets it, with
/// the translations of the groups around it.
fn labels(doc: &Document) -> Vec<Label> {
    let number = |n: Node, name: &str| n.attribute(name).map_or(0.0, |v| v.parse().unwrap());
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| {
            !n.attribute("transform")
                .is_some_and(|t| t.contains("rotate"))
        })
        .map(|n| {
            let (mut x, mut y) = (number(n, "x"), number(n, "y"));
            for group in n.ancestors().filter(|a| a.has_tag_name("g")) {
                if let Some((dx, dy)) = group.attribute("transform").and_then(translate) {
                    x += dx;
                    y += dy;
                }
            }
            let size = n
                .attribute("font-size")
                .map_or(12.0, |s| s.parse().unwrap());
            let weight = match n.attribute("font-weight") {
                Some("600") => Weight::SemiBold,
                _ => Weight::Regular,
            };
            let mut width = 0.0;
            let mut text = String::new();
            for piece in n.descendants().filter(|d| d.is_text()) {
                let part = piece.text().unwrap_or("");
                let parent = piece.parent().unwrap();
                let size = parent
                    .attribute("font-size")
                    .map_or(size, |s| s.parse().unwrap());
                width += text_width(part, size, weight) + number(parent, "dx");
                text.push_str(part);
            }
            let left = match n.attribute("text-anchor") {
                Some("middle") => x - width / 2.0,
                Some("end") => x - width,
                _ => x,
            };
            Label {
                text,
                area: (left, y - 0.75 * size, left + width, y + 0.25 * size),
            }
        })
        .collect()
}

/// Asserts that every label lies inside the picture and overlaps no other.
fn assert_labels_clear(text: &str) {
    let doc = parsed(text);
    let root = doc.root_element();
    let size = |name: &str| root.attribute(name).unwrap().parse::<f64>().unwrap();
    let (width, height) = (size("width"), size("height"));
    let labels = labels(&doc);
    for label in &labels {
        let (l, t, r, b) = label.area;
        assert!(
            l >= 0.0 && t >= 0.0 && r <= width && b <= height,
            "{label:?} outside {width}×{height}"
        );
    }
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            let (al, at, ar, ab) = a.area;
            let (bl, bt, br, bb) = b.area;
            let apart = ar <= bl || br <= al || ab <= bt || bb <= at;
            assert!(apart, "{a:?} overlaps {b:?}");
        }
    }
}

/// Returns [`six`] with two more entries, so every look is drawn.
fn eight() -> Histories {
    let mut histories = six();
    let (y27, h28) = (Some("2027"), Some("2028H1"));
    histories.entries.push(entry(
        "gaudi",
        "Gaudi Next",
        &[None, y27, y27, y27, h28, h28, h28],
    ));
    histories.entries.push(entry(
        "trainium",
        "Trainium Four",
        &[None, None, None, Some("2026Q4"), Some("2026Q4"), y27, y27],
    ));
    histories
}

#[test]
fn the_picture_is_well_formed_and_the_same_each_time() {
    let histories = eight();
    let first = picture(&histories, 1000.0, Fonts::Embedded);
    assert_eq!(first, picture(&histories, 1000.0, Fonts::Embedded));
    let doc = parsed(&first);
    assert_eq!(doc.root_element().attribute("width"), Some("1000"));
    assert!(
        first.contains("@font-face"),
        "a standalone picture carries its font"
    );
    assert_eq!(points(&doc).len(), MAX_ENTRIES);
}

#[test]
fn a_slip_rises_and_a_held_promise_stays_level() {
    let histories = two();
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    let all = points(&parsed(&doc));
    let (alpha, beta) = (&all[0], &all[1]);
    assert_eq!((alpha.len(), beta.len()), (3, 3));
    // Alpha slips from 2026 to 2026H2 in the second version: higher up (a smaller y).
    assert!(alpha[1].1 < alpha[0].1, "{alpha:?}");
    assert_eq!(alpha[1].1, alpha[2].1);
    assert!(beta.iter().all(|p| p.1 == beta[0].1), "{beta:?}");
    // Later promises stand higher; later versions further right.
    assert!(beta[0].1 < alpha[1].1);
    assert!(alpha[0].0 < alpha[1].0 && alpha[1].0 < alpha[2].0);
    assert!(alpha[1].2.contains("Alpha (acme/alpha)"), "{}", alpha[1].2);
    assert!(alpha[1].2.contains("2025-11-30-snap (2025-11-30)"));
    assert!(
        alpha[1]
            .2
            .contains("promised available 2026H2 (2026-07-01 to 2026-12-31)")
    );
}

#[test]
fn the_legend_and_the_line_ends_name_every_entry() {
    let histories = eight();
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    let texts: Vec<String> = labels(&parsed(&doc)).into_iter().map(|l| l.text).collect();
    for e in &histories.entries {
        let legend = format!("{}{}", e.name, e.key);
        assert!(texts.contains(&legend), "{legend} in the legend: {texts:?}");
        assert!(
            texts.contains(&e.name),
            "{} at its line's end: {texts:?}",
            e.name
        );
    }
}

#[test]
fn labels_stay_inside_and_apart_at_every_width() {
    for histories in [two(), six(), eight()] {
        for width in [1000.0, 560.0, 360.0] {
            assert_labels_clear(&picture(&histories, width, Fonts::Embedded));
        }
    }
}

#[test]
fn an_inlined_picture_leaves_the_font_to_the_page() {
    let doc = picture(&six(), 560.0, Fonts::FromPage);
    assert!(!doc.contains("@font-face") && !doc.starts_with("<?xml"));
    assert_eq!(parsed(&doc).root_element().attribute("width"), Some("560"));
}

#[test]
fn a_hostile_name_is_escaped_and_the_picture_still_parses() {
    let mut histories = two();
    histories.entries[0].name = "<b>&\"x\"\u{1b}[2J".into();
    histories.entries[0].key = "acme/<i>".into();
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    parsed(&doc);
    assert!(!doc.contains("<b>") && !doc.contains("<i>") && !doc.contains('\u{1b}'));
    assert!(doc.contains("&lt;b&gt;&amp;\"x\"\\x1b[2J"), "{doc}");
}

#[test]
fn entries_beyond_the_most_are_named_as_not_drawn() {
    let mut histories = eight();
    let extra = entry("ninth", "Ninth", &[Some("2027"); 7]);
    histories.entries.push(extra);
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    assert_eq!(points(&parsed(&doc)).len(), MAX_ENTRIES);
    assert!(doc.contains("1 more entry not drawn: the picture tells 8 apart."));
}

#[test]
fn with_nothing_to_chart_the_picture_says_so() {
    let histories = Histories {
        vendor_names: Vec::new(),
        versions: versions(&[]),
        entries: Vec::new(),
    };
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    parsed(&doc);
    assert!(doc.contains("no versions or entries to chart"));
}

#[test]
fn two_entries_of_one_name_are_told_apart_by_key_at_the_line_ends() {
    let mut histories = two();
    histories.entries[1].name = "Alpha".into();
    let doc = picture(&histories, 1000.0, Fonts::Embedded);
    let texts: Vec<String> = labels(&parsed(&doc)).into_iter().map(|l| l.text).collect();
    assert!(texts.contains(&"acme/alpha".to_string()), "{texts:?}");
    assert!(texts.contains(&"acme/beta".to_string()), "{texts:?}");
}

#[test]
fn a_subtitle_breaks_between_its_parts_before_its_words() {
    use super::wrap;
    use crate::render::svg::TextStyle;
    let text = "8 entries over 7 versions (2024-06-02 to 2026-03-20) · today 2026-03-20";
    let whole = TextStyle::SUBTITLE.width(text);
    assert_eq!(wrap(text, &TextStyle::SUBTITLE, whole), [text]);
    assert_eq!(
        wrap(text, &TextStyle::SUBTITLE, whole - 1.0),
        [
            "8 entries over 7 versions (2024-06-02 to 2026-03-20)",
            "today 2026-03-20"
        ]
    );
}
