//! The chart drawn from histories built by hand.

use chrono::NaiveDate;

use super::super::Paint;
use super::{MAX_ENTRIES, TrendChart, write_chart};
use crate::diff::{EntryHistory, Event, FieldChange, FieldValue, Histories, Position, Step};
use crate::model::{Entry, FuzzyDate, VersionInfo};

mod meet;

pub(super) fn day(text: &str) -> NaiveDate {
    FuzzyDate::parse_day(text).unwrap()
}

fn date(text: &str) -> FuzzyDate {
    FuzzyDate::parse(text).unwrap()
}

/// Returns versions taken on `days`, then the working data.
pub(super) fn versions(days: &[&str]) -> Vec<VersionInfo> {
    let mut list: Vec<VersionInfo> = days
        .iter()
        .map(|d| VersionInfo {
            name: format!("{d}-snap"),
            taken: Some(day(d)),
            subject: None,
        })
        .collect();
    list.push(VersionInfo::working());
    list
}

/// Returns an entry of `acme` whose `available` date is `promises[v]` in version `v` (from
/// its first `Some`); a `None` after that drops it, a `Some` after a `None` brings it back.
pub(super) fn entry(id: &str, name: &str, promises: &[Option<&str>]) -> EntryHistory {
    let first_version = promises.iter().position(Option::is_some).unwrap();
    let at = |v: usize| promises[v].map(date);
    let bare = |v: usize| Entry {
        available: at(v),
        ..Entry::bare(id, name)
    };
    let mut steps = Vec::new();
    let mut held = at(first_version);
    let mut last_version = first_version;
    for v in first_version + 1..promises.len() {
        let (event, fields) = match (held, at(v), promises[v - 1]) {
            (_, None, Some(_)) => (Event::Dropped, Vec::new()),
            (_, None, None) => continue,
            (old, Some(new), None) => (Event::Back, change(old, new)),
            (old, Some(new), Some(_)) if old != Some(new) => (Event::Changed, change(old, new)),
            _ => {
                last_version = v;
                continue;
            }
        };
        if event != Event::Dropped {
            held = at(v);
            last_version = v;
        }
        let after = Position {
            available: held,
            ..Position::of("acme", &bare(first_version))
        };
        steps.push(Step {
            version: v,
            event,
            fields,
            sources_added: Vec::new(),
            after,
        });
    }
    EntryHistory {
        key: format!("acme/{id}"),
        vendor: "acme".into(),
        name: name.into(),
        former_keys: Vec::new(),
        first_version,
        first: bare(first_version),
        last: Entry {
            available: held,
            ..Entry::bare(id, name)
        },
        last_version,
        steps,
    }
}

fn change(old: Option<FuzzyDate>, new: FuzzyDate) -> Vec<FieldChange> {
    vec![FieldChange {
        path: "available".into(),
        old: old.map(FieldValue::Date),
        new: Some(FieldValue::Date(new)),
        shift: old.and_then(|o| o.shift_to(&new)),
        corrects: false,
    }]
}

fn draw(histories: &Histories, today: &str, width: usize, paint: Paint) -> String {
    let chart = TrendChart {
        histories,
        entries: histories.entries.iter().collect(),
        today: day(today),
    };
    let mut out = Vec::new();
    write_chart(&mut out, &chart, width, paint).unwrap();
    String::from_utf8(out).unwrap()
}

fn plain(histories: &Histories, width: usize) -> String {
    draw(histories, "2026-03-20", width, Paint { enabled: false })
}

/// Returns six entries over six snapshots from 2024-06 and the working data, with promises
/// from 2025 to 2029 (the shipped data's story, and Feynman).
pub(super) fn six() -> Histories {
    let versions = versions(&[
        "2024-06-02",
        "2024-08-31",
        "2025-03-18",
        "2025-06-30",
        "2025-11-30",
        "2026-03-16",
    ]);
    let (y26, h26, y27, h27) = (Some("2026"), Some("2026H2"), Some("2027"), Some("2027H2"));
    let entries = vec![
        entry(
            "rubin",
            "Rubin",
            &[y26, y26, h26, h26, h26, h26, Some("2026Q3")],
        ),
        entry(
            "rubin-ultra",
            "Rubin Ultra",
            &[y27, y27, h27, h27, h27, y27, y27],
        ),
        entry(
            "mi455x",
            "Instinct MI455X",
            &[y26, y26, y26, y26, h26, h26, h26],
        ),
        entry(
            "jaguar-shores",
            "Jaguar Shores",
            &[None, None, y26, y26, y26, y27, y27],
        ),
        entry(
            "maia-200",
            "Maia 200",
            &[
                None,
                None,
                Some("2025"),
                y26,
                y26,
                Some("2026-01"),
                Some("2026-01"),
            ],
        ),
        entry(
            "feynman",
            "Feynman",
            &[
                None,
                None,
                Some("2028"),
                Some("2028"),
                Some("2028"),
                Some("2028"),
                Some("2029H1"),
            ],
        ),
    ];
    Histories {
        vendor_names: Vec::new(),
        versions,
        entries,
    }
}

/// Returns two entries over two snapshots and the working data: Alpha slips from 2026 to
/// 2026H2, Beta holds 2027.
pub(super) fn two() -> Histories {
    Histories {
        vendor_names: Vec::new(),
        versions: versions(&["2025-03-18", "2025-11-30"]),
        entries: vec![
            entry(
                "alpha",
                "Alpha",
                &[Some("2026"), Some("2026H2"), Some("2026H2")],
            ),
            entry("beta", "Beta", &[Some("2027"), Some("2027"), Some("2027")]),
        ],
    }
}

/// Returns [`two`] with Gamma, which shares Alpha's 2026 and slips to 2027 only in the
/// working data; Beta, sharing nothing before, joins Alpha's slip to 2026H2.
fn shared() -> Histories {
    let mut histories = two();
    histories.entries[1] = entry(
        "beta",
        "Beta",
        &[Some("2027"), Some("2026H2"), Some("2026H2")],
    );
    histories.entries.push(entry(
        "gamma",
        "Gamma",
        &[Some("2026"), Some("2026"), Some("2027")],
    ));
    histories
}

/// Returns the plot's rows (label and axis cut off), top first.
fn plot_rows(chart: &str) -> Vec<String> {
    chart
        .lines()
        .skip_while(|l| !matches!(l.chars().nth(7), Some('│' | '┤')))
        .take_while(|l| !l.trim_start().starts_with('└'))
        .map(|l| l.chars().skip(8).collect())
        .collect()
}

/// Returns the row and column of the first cell showing `c`.
fn find(rows: &[String], c: char) -> Option<(usize, usize)> {
    rows.iter()
        .enumerate()
        .find_map(|(y, r)| r.chars().position(|x| x == c).map(|x| (y, x)))
}

#[test]
fn a_small_chart_at_80_columns_is_drawn_exactly() {
    let expected = "\
Milestone trend: promised available date by version date · today 2026-03-20
       │                                                                    ┊
2027Q3 ┤           ■━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓               ◆
       │                                                    ┃               ║
2027Q2 ┤                                                    ┃               ║
       │                                                    ┃               ║
2027Q1 ┤                                                    ┃               ║
       │                                                    ┃               ║
2026Q4 ┤                                                    ┃               ║
       │                                                   ●■≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡●■
2026Q3 ┤           ●◆≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡≡◆════════════════╝
       │                                                                    ┊
2026Q2 ┤                                                                    ┊
       │                                                               ·····┊·
2026Q1 ┤                                                        ·······     ┊
       │                                                 ·······            ┊
2025Q4 ┤                                          ·······                   ┊
       │                                   ·······                          ┊
2025Q3 ┤                            ·······                                 ┊
       │                     ·······                                        ┊
2025Q2 ┤              ·······                                               ┊
       │       ·······                                                      ┊
2025Q1 ┤·······                                                             ┊
       └┼─────────────┬─────────────┬─────────────┬─────────────┼───────────┊─
        2025          Q2            Q3            Q4            2026

● ─── acme/alpha  Alpha
■ ━━━ acme/beta   Beta
◆ ═══ acme/gamma  Gamma
A level line: the promise held; rising: it slipped; falling: it was pulled in.
· promised = version date (a line that reaches it has come due); ┊ today.
2026 is plotted at its middle, 2026-07-02; a row is half a quarter.
Points in one cell stand side by side in legend order, the first at its version;
a column is about 6 days.
Where entries meet, ≡: lines held on one row.
";
    assert_eq!(plain(&shared(), 80), expected);
}

#[test]
fn every_line_fits_the_width_for_six_entries() {
    let histories = six();
    for width in [80, 60, 50, super::MIN_WIDTH] {
        let chart = plain(&histories, width);
        for line in chart.lines() {
            assert!(
                super::display_width(line) <= width,
                "{width}: {line:?} is {} wide",
                super::display_width(line)
            );
        }
        assert!(
            chart.contains("●") && chart.contains("□"),
            "{width}:\n{chart}"
        );
    }
}

#[test]
fn below_the_narrowest_width_one_line_says_so() {
    let chart = plain(&six(), super::MIN_WIDTH - 1);
    assert_eq!(
        chart,
        format!(
            "(too narrow: the chart needs {} columns)\n",
            super::MIN_WIDTH
        )
    );
}

#[test]
fn a_promise_that_holds_draws_a_level_line() {
    let rows = plot_rows(&plain(&two(), 80));
    let (y, x) = find(&rows, '■').unwrap();
    let row: String = rows[y].chars().skip(x).collect();
    assert_eq!(row.trim_end().trim_matches('━').replace('━', ""), "■■■");
    assert!(
        rows.iter()
            .all(|r| !r.contains('┃') && !r.contains('┛') && !r.contains('┓'))
    );
}

#[test]
fn a_slip_draws_a_jump_upward() {
    let rows = plot_rows(&plain(&two(), 80));
    // Alpha's first point is its lowest: 2026 in the first version.
    let first = rows.iter().rposition(|r| r.contains('●')).unwrap();
    let later = rows.iter().position(|r| r.contains('●')).unwrap();
    assert!(later < first, "the slipped promise must be higher");
    let (turn_y, turn_x) = find(&rows, '┘').unwrap();
    assert_eq!(turn_y, first, "the line turns up on the old promise's row");
    assert_eq!(
        rows[later].chars().nth(turn_x),
        Some('●'),
        "and lands on the new one"
    );
}

#[test]
fn a_pull_in_draws_a_jump_downward() {
    let histories = Histories {
        vendor_names: Vec::new(),
        versions: versions(&["2025-03-18", "2025-11-30"]),
        entries: vec![entry(
            "gamma",
            "Gamma",
            &[Some("2027"), Some("2026H2"), Some("2026H2")],
        )],
    };
    let rows = plot_rows(&plain(&histories, 80));
    let (turn_y, turn_x) = find(&rows, '┐').unwrap();
    let landed = rows.iter().rposition(|r| r.contains('●')).unwrap();
    assert!(landed > turn_y);
    assert_eq!(rows[landed].chars().nth(turn_x), Some('●'));
}

#[test]
fn the_diagonal_and_today_are_drawn_and_explained() {
    let chart = plain(&two(), 80);
    let rows = plot_rows(&chart);
    assert!(
        rows.iter().filter(|r| r.contains('·')).count() >= 8,
        "{chart}"
    );
    let today = rows.last().unwrap().chars().position(|c| c == '┊').unwrap();
    assert!(
        rows.iter()
            .all(|r| matches!(r.chars().nth(today), Some('┊' | '●' | '■')))
    );
    assert!(chart.contains("· promised = version date") && chart.contains("┊ today"));
}

#[test]
fn the_legend_lists_every_entry_with_its_glyph_and_line() {
    let chart = plain(&six(), 80);
    let keys = [
        "rubin",
        "rubin-ultra",
        "mi455x",
        "jaguar-shores",
        "maia-200",
        "feynman",
    ];
    for (key, look) in keys.iter().zip(super::LOOKS) {
        let sample = format!("{} {}", look.glyph, look.across.to_string().repeat(3));
        let line = chart.lines().find(|l| l.starts_with(&sample)).unwrap();
        assert!(line.contains(&format!("acme/{key} ")), "{line}");
    }
    assert!(chart.contains("Instinct MI455X") && chart.contains("is plotted at its middle"));
}

#[test]
fn colour_only_when_paint_is_on() {
    let mark = super::super::visible::MARK;
    assert!(!plain(&six(), 80).contains(mark));
    let painted = draw(&six(), "2026-03-20", 80, Paint { enabled: true });
    assert!(painted.contains(mark));
    assert_eq!(
        super::super::visible::unpainted(&painted),
        plain(&six(), 80)
    );
}

#[test]
fn names_from_the_data_are_shown_not_obeyed() {
    let histories = Histories {
        vendor_names: Vec::new(),
        versions: versions(&["2025-03-18"]),
        entries: vec![entry(
            "evil",
            "Evil\u{1b}[2J",
            &[Some("2026"), Some("2026")],
        )],
    };
    let chart = plain(&histories, 80);
    assert!(!chart.contains('\u{1b}'));
    assert!(chart.contains(r"Evil\x1b[2J"));
}

#[test]
fn entries_beyond_the_most_are_named_as_not_drawn() {
    let mut histories = six();
    histories
        .entries
        .push(entry("extra", "Extra", &[Some("2026"); 7]));
    let chart = plain(&histories, 80);
    assert!(!chart.contains("acme/extra"));
    assert!(chart.contains("1 more entry not drawn: the chart tells 6 apart"));
    assert_eq!(MAX_ENTRIES, 6);
}

#[test]
fn a_dropped_entry_has_no_point_while_it_is_gone() {
    let histories = Histories {
        vendor_names: Vec::new(),
        versions: versions(&["2025-03-18", "2025-11-30"]),
        entries: vec![entry("delta", "Delta", &[Some("2026"), None, Some("2026")])],
    };
    let rows = plot_rows(&plain(&histories, 80));
    let row = rows.iter().find(|r| r.contains('●')).unwrap();
    assert_eq!(row.matches('●').count(), 2);
    assert!(
        !row.contains('─'),
        "no line is held across the version without it: {row}"
    );
}
