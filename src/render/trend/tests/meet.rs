//! The chart where entries meet: every glyph shows, shared lines are marked, jumps keep
//! their own line.

use super::super::super::Paint;
use super::super::{MAX_ENTRIES, Plot, TrendChart};
use super::{day, draw, entry, plain, plot_rows, six, two, versions};
use crate::diff::Histories;

#[test]
fn entries_that_meet_are_marked_and_explained() {
    let chart = plain(&six(), 80);
    let rows = plot_rows(&chart);
    assert!(rows.iter().any(|r| r.contains('≡')), "{chart}");
    assert!(
        rows.iter().all(|r| !r.chars().any(|c| c.is_ascii_digit())),
        "no counts in place of glyphs: {chart}"
    );
    assert!(chart.contains("Points in one cell stand side by side in legend order"));
    assert!(chart.contains("≡: lines held on one row"));
    let apart = plain(&two(), 80);
    assert!(!apart.contains("Where entries meet") && !apart.contains("side by side"));
}

#[test]
fn entries_that_share_a_point_each_show_their_glyph() {
    let histories = six();
    for width in [80, 60, 50, super::super::MIN_WIDTH] {
        let chart = TrendChart {
            histories: &histories,
            entries: histories.entries.iter().collect(),
            today: day("2026-03-20"),
        };
        let plot = Plot::fit(&chart, width).unwrap();
        let text = plain(&histories, width);
        let rows = plot_rows(&text);
        for (entry, promises) in plot.promises.iter().enumerate() {
            let glyph = super::super::LOOKS[entry].glyph;
            for (version, promise) in promises.iter().enumerate() {
                let Some(promise) = promise else { continue };
                let y = plot.up.cells() - 1 - plot.up.clamped(promise.midpoint());
                let x = plot
                    .across
                    .clamped(histories.versions[version].day(chart.today));
                // Beside the version's column: at most one column per other entry drawn.
                let near: String = rows[y].chars().skip(x).take(MAX_ENTRIES).collect();
                assert!(
                    near.contains(glyph),
                    "{width}: {glyph} at version {version} missing from {near:?}\n{text}"
                );
            }
        }
    }
}

#[test]
fn a_jump_that_leaves_a_shared_run_keeps_its_own_line() {
    let chart = plain(&six(), 80);
    let rows = plot_rows(&chart);
    // Jaguar Shores holds 2026 with Instinct MI455X, then slips to 2027 alone.
    let look = super::super::LOOKS[3];
    let held = rows.iter().rposition(|r| r.contains(look.glyph)).unwrap();
    assert!(rows[held].contains('≡'), "{chart}");
    assert!(rows[held].contains(look.turn_up), "{chart}");
    assert!(rows[..held].iter().any(|r| r.contains(look.up)), "{chart}");
    assert!(rows.iter().all(|r| !r.contains('┼')), "{chart}");
}

#[test]
fn points_that_share_a_cell_at_the_right_end_still_stand_in_order() {
    let histories = Histories {
        vendor_names: Vec::new(),
        versions: versions(&["2025-03-18", "2025-11-30"]),
        entries: vec![
            entry("alpha", "Alpha", &[Some("2026"), Some("2026H2"), None]),
            entry("beta", "Beta", &[Some("2026"), Some("2026H2"), None]),
            entry(
                "gamma",
                "Gamma",
                &[Some("2027"), Some("2027"), Some("2027")],
            ),
            entry(
                "delta",
                "Delta",
                &[Some("2027"), Some("2027"), Some("2027")],
            ),
            entry("eps", "Eps", &[Some("2027"), Some("2027"), Some("2027")]),
        ],
    };
    // Today ends the last quarter: the working data's column is the plot's last.
    // At 78 the five quarters fill the plot, so it narrows to make room.
    for width in [80, 78, super::super::MIN_WIDTH] {
        let chart = draw(&histories, "2026-03-31", width, Paint { enabled: false });
        assert!(
            chart
                .lines()
                .all(|l| super::super::display_width(l) <= width),
            "{chart}"
        );
        let rows = plot_rows(&chart);
        let last = rows.iter().find(|r| r.contains('◆')).unwrap();
        assert!(last.trim_end().ends_with("◆★○"), "{width}:\n{chart}");
        let today = rows.last().unwrap().chars().position(|c| c == '┊');
        assert_eq!(
            last.chars()
                .collect::<Vec<_>>()
                .iter()
                .rposition(|c| *c == '◆'),
            today
        );
    }
}
