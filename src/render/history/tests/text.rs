//! The compact form and the log for a terminal, and `show`'s short history.

use super::{LONG_URL, drawn, sample, view};
use crate::diff::Histories;
use crate::render::Paint;
use crate::render::display_width;
use crate::render::entry::write_history;
use crate::render::history::{write_compact, write_log};

fn compact_of(histories: &Histories, width: usize) -> String {
    drawn(|out| write_compact(out, &view(histories), width, Paint::default()))
}

fn log_of(histories: &Histories, width: usize) -> String {
    drawn(|out| write_log(out, &view(histories), width, Paint::default()))
}

/// Returns `text`'s lines wider than `width`.
fn too_wide(text: &str, width: usize) -> Vec<&str> {
    text.lines().filter(|l| display_width(l) > width).collect()
}

#[test]
fn a_compact_line_tells_each_value_with_its_day_and_class() {
    let out = compact_of(&sample(), 120);
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("  Rubin Ultra"))
        .expect(&out);
    assert_eq!(
        lines[at],
        "  Rubin Ultra  available 2027 · 2027H2 (2025-03-18, refined) · 2027 (2026-03-16, widened)"
    );
    assert_eq!(
        lines[at + 1],
        "      memory.capacity_gb 1024 · 576 (2025-03-18)"
    );
    // Sources, aliases and notes are the log's: an entry that changed only those did not move.
    assert!(lines[at + 2].starts_with("  B300"), "{out}");
    assert!(!out.contains(LONG_URL), "{out}");
    assert!(!out.contains("MI300X"), "{out}");
}

#[test]
fn every_line_fits_80_and_40_columns() {
    let histories = sample();
    for width in [80, 40] {
        let compact = compact_of(&histories, width);
        assert_eq!(too_wide(&compact, width), Vec::<&str>::new(), "{compact}");
        let log = log_of(&histories, width);
        assert_eq!(too_wide(&log, width), Vec::<&str>::new(), "{log}");
        for entry in &histories.entries {
            let short = drawn(|out| write_history(out, entry, &histories.versions, width));
            assert_eq!(too_wide(&short, width), Vec::<&str>::new(), "{short}");
        }
    }
    // At 80 the example's line is too long: its last value goes on, further in.
    let compact = compact_of(&histories, 80);
    assert!(
        compact.contains(
            "  Rubin Ultra  available 2027 · 2027H2 (2025-03-18, refined) ·\n      2027 (2026-03-16, widened)\n"
        ),
        "{compact}"
    );
}

#[test]
fn a_rename_a_drop_and_a_return_are_told_in_both_forms() {
    let histories = sample();
    let compact = compact_of(&histories, 80);
    assert!(
        compact.contains("  B300  renamed from nvidia/b300-ultra (2025-03-18)\n"),
        "{compact}"
    );
    assert!(
        compact.contains(
            "  MI500  dropped (2026-03-16) · back (working)\n      available 2026H1 · 2026H2 (2025-03-18, slipped 6 months)\n      status announced · sampling (working)\n"
        ),
        "{compact}"
    );
    assert!(compact.contains("  MI400  new (2026-03-16)\n"), "{compact}");
    let log = log_of(&histories, 80);
    for expected in [
        "nvidia/b300  B300  (formerly nvidia/b300-ultra)\n",
        "  2025-03-18-gtc (2025-03-18)  GTC 2025 keynote\n      renamed from nvidia/b300-ultra\n",
        "  2026-03-16-gtc (2026-03-16)\n      dropped\n  working\n      back\n      status: announced -> sampling\n",
        "      available: slipped 6 months: 2026H1 -> 2026H2\n",
        "amd/mi500  MI500\n  first in 2024-06-02-computex (2024-06-02): announced, available 2026H1\n",
    ] {
        assert!(log.contains(expected), "{expected:?} in\n{log}");
    }
    // The rename's `id` is told once, as a rename, not as a field.
    assert!(!log.contains("id:"), "{log}");
}

#[test]
fn the_log_has_every_field_notes_as_a_word_diff_and_whole_sources() {
    let histories = sample();
    let wide = log_of(&histories, 80);
    assert!(
        wide.contains("      memory.capacity_gb: 1024 -> 576\n"),
        "{wide}"
    );
    assert!(
        wide.contains("      notes: Eight stacks of [-HBM3-] {+HBM3E+} on one package,"),
        "{wide}"
    );
    let log = log_of(&histories, 40);
    // The URL, longer than the line, is broken after a `/` or `-`, and nothing of it is lost.
    let start = log.find("        - https://").expect(&log);
    let pieces: Vec<&str> = log[start..]
        .lines()
        .take_while(|l| l.starts_with("        "))
        .map(|l| l.trim_start().trim_start_matches("- "))
        .collect();
    assert_eq!(pieces.concat(), LONG_URL, "{log}");
    assert!(pieces.len() > 1, "{log}");
    // Sources that were only added are listed, not also counted as a field.
    assert!(!log.contains("sources: 1 added"), "{log}");
}

#[test]
fn entries_that_did_not_move_are_counted_and_nothing_moving_is_one_line() {
    let histories = sample();
    let compact = compact_of(&histories, 80);
    assert!(
        compact.contains("  1 more entry did not move\n"),
        "{compact}"
    );
    assert!(!compact.contains("  Rubin  "), "{compact}");
    let mut still = sample();
    still
        .entries
        .retain(|e| e.steps.is_empty() && e.first_version == 0);
    assert_eq!(
        compact_of(&still, 80),
        "nothing changed over 4 versions: 2024-06-02-computex (2024-06-02) to working\n"
    );
    let log = log_of(&still, 80);
    assert!(log.contains("  no change through working\n"), "{log}");
}

#[test]
fn control_characters_in_names_are_shown_and_lines_still_fit() {
    let mut histories = sample();
    histories.entries[0].name = "Evil\u{1b}[2J\u{202e}Ultra".into();
    histories.vendor_names[0].1 = "NV\u{7}IDIA".into();
    let evil = view(&histories);
    for width in [80, 40] {
        let out = drawn(|out| write_compact(out, &evil, width, Paint::default()));
        assert!(out.contains(r"Evil\x1b[2J\u{202e}Ultra"), "{out}");
        assert!(out.contains(r"NV\x07IDIA"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out}");
        assert_eq!(too_wide(&out, width), Vec::<&str>::new(), "{out}");
        let log = drawn(|out| write_log(out, &evil, width, Paint::default()));
        assert!(log.contains(r"Evil\x1b[2J\u{202e}Ultra"), "{log}");
        assert_eq!(too_wide(&log, width), Vec::<&str>::new(), "{log}");
    }
}

#[test]
fn shows_short_history_has_a_row_per_step_with_renames_and_drops() {
    let histories = sample();
    let rows =
        |i: usize| drawn(|out| write_history(out, &histories.entries[i], &histories.versions, 80));
    let mi500 = rows(3);
    let lines: Vec<&str> = mi500.lines().collect();
    assert_eq!(lines[0], "  history");
    assert_eq!(lines.len(), 6, "a header and a row per version:\n{mi500}");
    assert!(
        lines[4].contains("2026-03-16-gtc") && lines[4].contains("dropped"),
        "{mi500}"
    );
    assert!(
        lines[5].contains("working") && lines[5].contains("2026H2"),
        "{mi500}"
    );
    let b300 = rows(2);
    assert!(b300.contains("(as nvidia/b300-ultra)"), "{b300}");
    assert_eq!(b300.matches("(as ").count(), 1, "{b300}");
    // An entry that never changed has one row: its first version.
    assert_eq!(rows(1).lines().count(), 3, "{}", rows(1));
}

#[test]
fn a_source_that_went_is_counted_beside_the_ones_added() {
    let mut histories = sample();
    let step = &mut histories.entries[0].steps[0];
    step.fields[2].old = Some(crate::diff::FieldValue::List(vec![
        "https://old.example".into(),
    ]));
    let log = log_of(&histories, 80);
    assert!(
        log.contains("      sources: 1 added, 1 removed\n      sources added:\n        - https://"),
        "{log}"
    );
}
