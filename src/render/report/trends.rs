//! The report's trend charts: small multiples, one milestone trend chart per vendor with the
//! entries whose promised `available` date moved (a slip or a pull-in, as `slips` counts
//! them), the largest net moves first and at most as many as a chart tells apart.

use std::fmt::Write as _;

use crate::diff::{EntrySlips, Histories, Slips};
use crate::render::svg::Fonts;
use crate::render::trend::TrendChart;
use crate::render::trend::svg::{self as trend_svg, ChartOptions, MAX_ENTRIES};

use super::Section;
use super::html::escape;

/// The width each chart is drawn at: two side by side in the page's column on a desktop.
const CHART_WIDTH: f64 = 560.0;

/// Returns the trends section, or a note when no promise moved.
pub(super) fn section(histories: &Histories, slips: &Slips, today: chrono::NaiveDate) -> Section {
    let moved: Vec<&EntrySlips> = slips
        .entries
        .iter()
        .filter(|e| !e.slips.is_empty() || !e.pull_ins.is_empty())
        .collect();
    let mut body = String::new();
    if moved.is_empty() {
        body.push_str("<p class=\"note\">No promised date moved across the versions.</p>\n");
    } else {
        let _ = writeln!(
            body,
            "<p class=\"note\">Across: the day of each version; up: the <em>available</em> date it promised. A level line held its promise, a rising one slipped, a falling one was pulled in. One chart per vendor, with the entries whose promise moved (at most {MAX_ENTRIES}, the largest moves first; the slips table has them all).</p>\n<div class=\"multiples\">"
        );
    }
    for (vendor, name) in &histories.vendor_names {
        let mut theirs: Vec<&EntrySlips> = moved
            .iter()
            .copied()
            .filter(|e| &e.vendor == vendor)
            .collect();
        if theirs.is_empty() {
            continue;
        }
        theirs.sort_by_key(|e| std::cmp::Reverse(e.net_days.abs()));
        let left_out = theirs.len().saturating_sub(MAX_ENTRIES);
        theirs.truncate(MAX_ENTRIES);
        let entries = theirs
            .iter()
            .filter_map(|e| histories.entries.iter().find(|h| h.key == e.key))
            .collect();
        let chart = TrendChart {
            histories,
            entries,
            today,
        };
        let options = ChartOptions {
            width: CHART_WIDTH,
            fonts: Fonts::FromPage,
            title: Some(name.clone()),
            notes: false,
        };
        let more = if left_out > 0 {
            format!(
                "<figcaption>{left_out} more of {} moved: see the slips table</figcaption>\n",
                escape(name)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            body,
            "<figure class=\"chart\">\n{}{more}</figure>",
            trend_svg::svg(&chart, &options)
        );
    }
    if !moved.is_empty() {
        body.push_str("</div>\n");
    }
    Section {
        id: "trends",
        title: "Trends".into(),
        body,
    }
}
