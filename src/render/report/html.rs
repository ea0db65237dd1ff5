//! HTML for the report: text from the data escaped (for a text node, for an attribute),
//! tables, and sources as links, only `http(s)` ones, so no page of the data can carry a
//! script or a `javascript:` URL.

use std::fmt::Write as _;

/// Text from the data for an HTML text node, and for an attribute: HTML's rules here are
/// XML's (`&`, `<`, `>`; the quotes in attributes), and the control characters are shown as
/// all chipmap output shows them, so the report and its inline SVGs escape alike.
pub use crate::render::svg::{attr, escape};

/// Returns whether a source is a web address, which becomes a link; anything else is text.
pub fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

/// The longest a link's text gets before it is cut with `…` (print shows the whole address).
const LINK_TEXT: usize = 56;

/// Returns a source as HTML: a web address as a link that tells the site nothing of the
/// page it came from (`rel="noreferrer"`), its text the address without scheme or `www.`
/// (cut when long: a browser shows the whole address on hover, and print shows only it);
/// anything else as text.
pub fn source(url: &str) -> String {
    if !is_web(url) {
        return format!("<span class=\"src-text\">{}</span>", escape(url));
    }
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    let bare = bare.trim_end_matches('/');
    let text: String = if bare.chars().count() > LINK_TEXT {
        bare.chars().take(LINK_TEXT - 1).chain(['…']).collect()
    } else {
        bare.to_string()
    };
    format!(
        "<a class=\"src\" href=\"{}\" rel=\"noreferrer\">{}</a>",
        attr(url),
        escape(&text)
    )
}

/// Returns the in-page address of an entry, `#nvidia/h100`: its key, which is unique.
pub fn entry_anchor(key: &str) -> String {
    format!("#{}", attr(key))
}

/// How a column's cells line up: text to the left, figures to the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table: its header, how each column aligns, and rows of cells that are HTML already.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
    /// A class for the `<table>` (its column widths in the page's CSS).
    pub class: &'static str,
}

impl Table {
    /// Returns the table inside a box that scrolls sideways when it is wider than the page,
    /// so a phone scrolls the table and not the page.
    pub fn html(&self) -> String {
        let mut out = String::from("<div class=\"scroll\">\n");
        let class = match self.class {
            "" => String::new(),
            class => format!(" class=\"{class}\""),
        };
        let _ = writeln!(out, "<table{class}>");
        let cell = |tag: &str, column: usize, text: &str| match self.align.get(column) {
            Some(Align::Right) => format!("<{tag} class=\"num\">{text}</{tag}>"),
            _ => format!("<{tag}>{text}</{tag}>"),
        };
        out.push_str("<thead><tr>");
        for (column, header) in self.header.iter().enumerate() {
            out.push_str(&cell("th", column, &escape(header)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for (column, text) in row.iter().enumerate() {
                out.push_str(&cell("td", column, text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{attr, escape, is_web, source};

    #[test]
    fn a_name_from_the_data_cannot_become_markup() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("AT&T \"x\" 'y'"), "AT&amp;T \"x\" 'y'");
        assert_eq!(escape("Evil\u{1b}[2J\u{202e}"), "Evil\\x1b[2J\\u{202e}");
        assert_eq!(escape("\u{ffff}"), "\\u{ffff}");
    }

    #[test]
    fn an_attribute_keeps_its_quotes_closed() {
        assert_eq!(attr("a\"b'c"), "a&quot;b&#39;c");
        assert_eq!(attr("x\" onload=\"y"), "x&quot; onload=&quot;y");
        assert_eq!(attr("<&>"), "&lt;&amp;&gt;");
        assert_eq!(attr("two\nlines\tand"), "two&#10;lines&#9;and");
    }

    #[test]
    fn only_a_web_address_becomes_a_link() {
        assert!(is_web("https://nvidianews.nvidia.com/x"));
        assert!(is_web("HTTP://example.com"));
        assert!(!is_web("javascript:alert(1)"));
        assert!(!is_web("ftp://example.com/file"));
        assert!(!is_web("https://example.com/a b"));
        assert!(!is_web("Computex keynote, 2024"));
        assert_eq!(
            source("javascript:alert(1)"),
            "<span class=\"src-text\">javascript:alert(1)</span>"
        );
    }

    #[test]
    fn a_link_shows_its_site_and_keeps_the_whole_address() {
        let link = source("https://www.example.com/news/?a=1&b=\"2\"");
        assert_eq!(
            link,
            "<a class=\"src\" href=\"https://www.example.com/news/?a=1&amp;b=&quot;2&quot;\" \
             rel=\"noreferrer\">example.com/news/?a=1&amp;b=\"2\"</a>"
        );
        let long = format!("https://example.com/{}", "a".repeat(100));
        let link = source(&long);
        assert!(
            link.contains(&format!(">example.com/{}…</a>", "a".repeat(43))),
            "{link}"
        );
    }
}
