//! `chipmap report`: one HTML page that needs nothing else (no script, no font or style
//! from the network): a header, the timeline picture, the slips, what changed since a version,
//! and every entry with its sources as links. It formats what the library computed; each
//! section is one function of the [`Report`], and the page is the list of them.

mod changes;
mod entries;
mod html;
mod page;
mod slips;
mod trends;

use chrono::NaiveDate;

use crate::diff::{Changes, Histories, Slips};
use crate::layout::Timeline;
use crate::model::{Roadmap, VersionInfo};
use crate::render::diff::DiffContext;
use crate::render::svg::Fonts;
use crate::render::timeline::svg::{self as timeline_svg, SvgOptions};

pub use html::{attr, escape};

/// The width the timeline is drawn at: the page's column, so its text is at its own size on
/// a desktop (it scales down with the page, and scrolls sideways on a phone).
pub const PICTURE_WIDTH: f64 = 1100.0;

/// What the report shows, computed by the library: the working data as of `today` (filtered
/// as asked), its timeline, the versions and their slips, and the changes since a version
/// (`None` when there is no version to compare with).
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    pub today: NaiveDate,
    pub roadmap: &'a Roadmap,
    pub timeline: &'a Timeline,
    pub histories: &'a Histories,
    pub slips: &'a Slips,
    pub changes: Option<Compared<'a>>,
}

/// The changes between two versions and how to name them.
#[derive(Debug, Clone, Copy)]
pub struct Compared<'a> {
    pub changes: &'a Changes,
    pub context: &'a DiffContext,
}

/// One section of the page: its anchor, its heading (in the table of contents too) and its
/// body, HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub body: String,
}

/// Returns the sections of the page, in order.
pub fn sections(report: &Report) -> Vec<Section> {
    vec![
        timeline(report),
        trends::section(report.histories, report.slips, report.today),
        slips::section(report.slips, &report.histories.versions, report.roadmap),
        changes::section(report.changes, report.roadmap),
        entries::section(report.roadmap),
    ]
}

/// Returns the whole page with `sections`: the same bytes for the same report.
pub fn page(report: &Report, sections: &[Section]) -> String {
    page::page(report, sections)
}

/// Returns the timeline section: the picture, inline, in the page's font.
fn timeline(report: &Report) -> Section {
    let options = SvgOptions {
        width: PICTURE_WIDTH,
        as_of: None,
        fonts: Fonts::FromPage,
    };
    let picture = timeline_svg::svg(report.timeline, &options);
    let body = format!(
        "<figure class=\"picture\">\n<p class=\"note scroll-hint\">The picture scrolls sideways →</p>\n<div class=\"scroll\">\n{picture}</div>\n\
         <figcaption>Each row is an entry at its <em>available</em> date: a bar spans a year, \
         half or quarter; a point marks a month or a day. Status shows by fill and shape \
         (legend at the top); the dashed line is today. Hover over an entry for its dates, \
         memory and first source.</figcaption>\n</figure>\n"
    );
    Section {
        id: "timeline",
        title: "Timeline".into(),
        body,
    }
}

/// Returns `2024-03-18-gtc (2024-03-18)`, or `working` for a version without a day.
fn described(version: &VersionInfo) -> String {
    match version.taken {
        Some(day) => format!("{} ({day})", version.name),
        None => version.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{Report, Section, page, sections};
    use crate::diff::{Histories, Slips};
    use crate::layout::{self, TimelineSpec};
    use crate::model::{DateBasis, Roadmap};

    #[test]
    fn a_section_drops_in_with_its_entry_in_the_contents() {
        let roadmap = Roadmap::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let spec = TimelineSpec {
            basis: DateBasis::Available,
            from: None,
            to: None,
            today,
        };
        let timeline = layout::timeline(&roadmap, &spec);
        let slips = Slips {
            entries: Vec::new(),
            vendors: Vec::new(),
        };
        let histories = Histories {
            versions: Vec::new(),
            entries: Vec::new(),
            vendor_names: Vec::new(),
        };
        let report = Report {
            today,
            roadmap: &roadmap,
            timeline: &timeline,
            histories: &histories,
            slips: &slips,
            changes: None,
        };
        let mut all = sections(&report);
        all.insert(
            1,
            Section {
                id: "extra",
                title: "Trends & <more>".into(),
                body: "<p>drawn</p>\n".into(),
            },
        );
        let html = page(&report, &all);
        let toc = html.find("<li><a href=\"#extra\">Trends &amp; &lt;more&gt;</a></li>");
        let timeline = html.find("<li><a href=\"#timeline\">");
        assert!(toc > timeline && timeline.is_some(), "{html}");
        assert!(html.contains(
            "<section id=\"extra\" class=\"part\">\n<h2>Trends &amp; &lt;more&gt;</h2>\n<p>drawn</p>\n</section>"
        ));
        assert!(html.contains("No snapshot to compare with"));
        assert!(html.contains("0 entries from 0 vendors"));
    }
}
