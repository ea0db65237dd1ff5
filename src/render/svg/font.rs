//! The font every picture is drawn in, carried in the binary: Inter (SIL Open Font License
//! 1.1; `assets/fonts/`), a subset with no kerning or ligatures, so that a label is exactly as
//! wide as the sum of its characters' advances wherever the picture is shown.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// Inter Regular, for labels.
pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
/// Inter SemiBold, for titles and lane names.
pub const SEMIBOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-SemiBold.otf");

/// The family the fonts' own name tables give (which resvg matches).
pub const FAMILY: &str = "Inter";
/// The family an SVG declares with `@font-face`, so a browser draws with the embedded font
/// and never with an Inter of another version installed on the machine.
pub const EMBEDDED_FAMILY: &str = "chipmap Inter";

/// A font's weight, as the pictures use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    SemiBold,
}

impl Weight {
    /// Returns the CSS `font-weight` of the weight.
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::SemiBold => 600,
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::SemiBold => SEMIBOLD,
        }
    }
}

/// Each weight's advances at 1 px, per character of the subset (`None` for the others).
struct Advances {
    units: Vec<(char, f32)>,
}

fn advances(weight: Weight) -> &'static Advances {
    static REGULAR_ADVANCES: OnceLock<Advances> = OnceLock::new();
    static SEMIBOLD_ADVANCES: OnceLock<Advances> = OnceLock::new();
    let cell = match weight {
        Weight::Regular => &REGULAR_ADVANCES,
        Weight::SemiBold => &SEMIBOLD_ADVANCES,
    };
    cell.get_or_init(|| {
        // The bytes are chipmap's own, checked by a test: a font that fails to parse is a
        // build that cannot draw, and would show in every picture at once.
        let Ok(font) = FontRef::new(weight.bytes()) else {
            return Advances { units: Vec::new() };
        };
        let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        let mut units: Vec<(char, f32)> = font
            .charmap()
            .mappings()
            .filter_map(|(code, glyph)| {
                let c = char::from_u32(code)?;
                Some((c, metrics.advance_width(glyph)?))
            })
            .collect();
        units.sort_by_key(|(c, _)| *c);
        Advances { units }
    })
}

/// Returns the width in px of `text` set in `weight` at `size` px. A character the font does
/// not have is counted as the fallback font would likely draw it: a wide (East Asian) one as
/// one em, any other as 0.6 em.
pub fn text_width(text: &str, size: f64, weight: Weight) -> f64 {
    let table = &advances(weight).units;
    let em: f64 = text
        .chars()
        .map(|c| match table.binary_search_by_key(&c, |(k, _)| *k) {
            Ok(i) => f64::from(table[i].1),
            Err(_) => match unicode_width::UnicodeWidthChar::width(c) {
                Some(0) => 0.0,
                Some(2) => 1.0,
                _ => 0.6,
            },
        })
        .sum();
    em * size
}

/// Returns whether both weights parse and map the letters a label needs.
pub fn fonts_load() -> bool {
    [Weight::Regular, Weight::SemiBold]
        .iter()
        .all(|w| advances(*w).units.len() > 300)
}

#[cfg(test)]
mod tests {
    use super::{Weight, fonts_load, text_width};

    #[test]
    fn the_carried_fonts_parse_and_measure() {
        assert!(fonts_load());
        let narrow = text_width("iiii", 12.0, Weight::Regular);
        let wide = text_width("WWWW", 12.0, Weight::Regular);
        assert!(narrow > 5.0 && wide > 3.0 * narrow, "{narrow} {wide}");
        assert!(
            text_width("Rubin", 12.0, Weight::SemiBold)
                > text_width("Rubin", 12.0, Weight::Regular)
        );
        assert_eq!(
            text_width("Rubin", 24.0, Weight::Regular),
            2.0 * text_width("Rubin", 12.0, Weight::Regular)
        );
        // Outside the subset: a CJK character is an em, a combining mark nothing.
        assert_eq!(text_width("昇", 10.0, Weight::Regular), 10.0);
        assert_eq!(text_width("\u{301}", 10.0, Weight::Regular), 0.0);
    }
}
