//! Pictures and documents for other places: the timeline as SVG, PNG, Mermaid, Markdown and
//! JSON, the trend chart, the HTML report, completions and man pages, and what a browser
//! makes of them.

mod browser;
mod chart;
mod formats;
mod pictures;
mod report;
mod shell;
