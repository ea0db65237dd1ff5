//! What every picture shares: the document (SVG 1.1, standalone, the same bytes for the same
//! input), escaping of text from the data, the embedded font and its metrics, and how a status
//! looks, by shape and fill pattern first, so a picture reads in greyscale, and colour on top.
//!
//! PNG is this SVG drawn to pixels ([`super::png`]); the report embeds it. No picture has a
//! layout of its own: the timeline is drawn from [`crate::layout::Timeline`].

use std::borrow::Cow;
use std::fmt::Write as _;

use base64::Engine as _;

pub mod font;
pub mod status;

use font::{EMBEDDED_FAMILY, FAMILY, Weight};

/// The ink of text and axes, and the lighter inks of grid lines and notes.
pub const INK: &str = "#1f2328";
pub const MUTED: &str = "#57606a";
pub const GRID: &str = "#d0d7de";
pub const FAINT: &str = "#eaeef2";
/// The today line's colour (drawn dashed, so it is known without colour).
pub const TODAY: &str = "#cf222e";

/// Whether the document carries the font. A standalone file does; an SVG inlined in the report
/// leaves it to the page, which declares it once for all its pictures, and one drawn to a PNG
/// to resvg, which is handed the font itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Fonts {
    #[default]
    Embedded,
    FromPage,
}

/// An SVG document being written: elements are appended as text, in a fixed order, with
/// numbers in one fixed form, so the same input gives the same bytes.
#[derive(Debug)]
pub struct Doc {
    text: String,
}

impl Doc {
    /// Starts a document `width` × `height` px with a `<title>` and `<desc>` (escaped), the
    /// font (per `fonts`) and a white background.
    pub fn new(width: f64, height: f64, title: &str, desc: &str, fonts: Fonts) -> Doc {
        let mut text = String::new();
        if fonts == Fonts::Embedded {
            text.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        }
        let (w, h) = (num(width), num(height));
        let _ = writeln!(
            text,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"{}\" font-size=\"12\" fill=\"{INK}\">",
            attr(&family())
        );
        let _ = writeln!(text, "<title>{}</title>", escape(title));
        let _ = writeln!(text, "<desc>{}</desc>", escape(desc));
        if fonts == Fonts::Embedded {
            let _ = writeln!(text, "<defs>\n<style>{}</style>\n</defs>", font_faces());
        }
        let _ = writeln!(
            text,
            "<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>"
        );
        Doc { text }
    }

    /// Appends markup as it is (the caller escapes what came from the data).
    pub fn raw(&mut self, markup: &str) {
        self.text.push_str(markup);
    }

    /// Appends a `<text>` at (x, y): `anchor` is start, middle or end; the text is escaped.
    pub fn text(&mut self, x: f64, y: f64, text: &str, style: &TextStyle) {
        let _ = write!(self.text, "<text x=\"{}\" y=\"{}\"", num(x), num(y));
        if style.size != 12.0 {
            let _ = write!(self.text, " font-size=\"{}\"", num(style.size));
        }
        if style.weight != Weight::Regular {
            let _ = write!(self.text, " font-weight=\"{}\"", style.weight.css());
        }
        if style.anchor != "start" {
            let _ = write!(self.text, " text-anchor=\"{}\"", style.anchor);
        }
        if style.fill != INK {
            let _ = write!(self.text, " fill=\"{}\"", style.fill);
        }
        let _ = writeln!(self.text, ">{}</text>", escape(text));
    }

    /// Appends a line from (x1, y1) to (x2, y2) in `stroke`, `width` px, dashed by `dash`.
    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64, dash: &str) {
        let _ = write!(
            self.text,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"",
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            num(width)
        );
        if !dash.is_empty() {
            let _ = write!(self.text, " stroke-dasharray=\"{dash}\"");
        }
        self.text.push_str("/>\n");
    }

    /// Appends a filled rectangle.
    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str) {
        let _ = writeln!(
            self.text,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(x),
            num(y),
            num(width),
            num(height)
        );
    }

    /// Returns the finished document.
    pub fn finish(mut self) -> String {
        self.text.push_str("</svg>\n");
        self.text
    }
}

/// How a `<text>` is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub size: f64,
    pub weight: Weight,
    pub anchor: &'static str,
    pub fill: &'static str,
}

impl TextStyle {
    /// Regular, 12 px, ink, starting at x.
    pub const LABEL: TextStyle = TextStyle {
        size: 12.0,
        weight: Weight::Regular,
        anchor: "start",
        fill: INK,
    };
    /// A picture's title, and the line under it.
    pub const TITLE: TextStyle = TextStyle {
        size: 20.0,
        weight: Weight::SemiBold,
        ..TextStyle::LABEL
    };
    pub const SUBTITLE: TextStyle = TextStyle {
        size: 13.0,
        fill: MUTED,
        ..TextStyle::LABEL
    };
    /// Notes, counts and the credit: small and muted.
    pub const SMALL: TextStyle = TextStyle {
        size: 11.0,
        fill: MUTED,
        ..TextStyle::LABEL
    };

    /// Returns the width in px of `text` in this style.
    pub fn width(&self, text: &str) -> f64 {
        font::text_width(&shown_text(text), self.size, self.weight)
    }
}

/// A legend's items, each its markup (drawn from its own origin) and its width, flowed into
/// rows between `left` and `right` from the baseline `top`, `row` px apart and `gap` px
/// between items. Returns the markup and the number of rows after the first.
pub fn flow(
    items: &[(String, f64)],
    (left, right): (f64, f64),
    top: f64,
    row: f64,
    gap: f64,
) -> (String, u32) {
    let (mut x, mut rows) = (left, 0);
    let mut markup = String::new();
    for (item, width) in items {
        if x > left && x + width > right {
            x = left;
            rows += 1;
        }
        let _ = writeln!(
            markup,
            "<g class=\"legend\" transform=\"translate({} {})\">\n{item}</g>",
            num(x),
            num(top + row * f64::from(rows))
        );
        x += width + gap;
    }
    (markup, rows)
}

/// Returns the `font-family` list: the embedded face first (browsers), then the face's own
/// name (resvg, which is handed the same font), then any sans-serif.
fn family() -> String {
    format!("'{EMBEDDED_FAMILY}', {FAMILY}, sans-serif")
}

/// Returns the CSS that declares the embedded font, both weights, as data URLs.
pub fn font_faces() -> String {
    let face = |bytes: &[u8], weight: Weight| {
        format!(
            "@font-face{{font-family:'{EMBEDDED_FAMILY}';font-weight:{};src:url(data:font/otf;base64,{}) format('opentype')}}",
            weight.css(),
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    };
    face(font::REGULAR, Weight::Regular) + &face(font::SEMIBOLD, Weight::SemiBold)
}

/// Returns text from the data as it is drawn: control characters and other characters a
/// terminal would act on shown as `\x1b` or `\u{202e}` (as everywhere in chipmap), and the
/// two characters XML forbids, U+FFFE and U+FFFF, the same way.
pub fn shown_text(text: &str) -> Cow<'_, str> {
    let shown = crate::render::visible::shown(text);
    if shown.contains(['\u{fffe}', '\u{ffff}']) {
        Cow::Owned(
            shown
                .chars()
                .map(|c| match c {
                    '\u{fffe}' | '\u{ffff}' => format!("\\u{{{:x}}}", c as u32),
                    c => c.to_string(),
                })
                .collect(),
        )
    } else {
        shown
    }
}

/// Returns `text` from the data ready for an XML text node: shown (see [`shown_text`]) and
/// with `&`, `<` and `>` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in shown_text(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Returns `text` ready for a quoted XML or HTML attribute: escaped, with both quotes too,
/// and line breaks and tabs kept as character references (an attribute would fold them into
/// spaces).
pub fn attr(text: &str) -> String {
    escape(text)
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
        .replace('\n', "&#10;")
        .replace('\t', "&#9;")
}

/// Returns a coordinate in the one form every picture uses: at most two decimals, no
/// trailing zeros, never `-0`.
pub fn num(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    if rounded == 0.0 || !rounded.is_finite() {
        return "0".into();
    }
    let text = format!("{rounded:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::{attr, escape, num};

    #[test]
    fn numbers_have_one_form() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.005), "1"); // binary 1.005 is just below
        assert_eq!(num(12.345678), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(100.5), "100.5");
    }

    #[test]
    fn text_from_the_data_cannot_become_markup() {
        assert_eq!(escape("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(escape("x\u{1b}[2Jy"), "x\\x1b[2Jy");
        assert_eq!(escape("\u{ffff}"), "\\u{ffff}");
        assert_eq!(attr("say \"hi\"\nthen"), "say &quot;hi&quot;&#10;then");
    }
}
