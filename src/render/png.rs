//! PNG: an SVG picture of chipmap's drawn to pixels by resvg, with the font chipmap carries and
//! no other (no system font is looked up), so the picture is the same on every machine.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::svg::font;

/// The largest picture drawn, in pixels a side: a `--scale` past it is refused, not a
/// gigabyte of memory asked for.
pub const MAX_SIDE: u32 = 16_384;

/// Why a picture could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error(
        "the picture is {width}×{height} px at this scale; at most {MAX_SIDE} px a side are drawn"
    )]
    TooLarge { width: u32, height: u32 },
    #[error("cannot draw the picture: {0}")]
    Draw(String),
}

/// Returns the PNG of `svg` (one of chipmap's own pictures) drawn at `scale` (1 = one pixel
/// per SVG unit).
pub fn from_svg(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let mut options = usvg::Options {
        font_family: font::FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let db = Arc::make_mut(&mut options.fontdb);
    db.load_font_data(font::REGULAR.to_vec());
    db.load_font_data(font::SEMIBOLD.to_vec());
    db.set_sans_serif_family(font::FAMILY);
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| PngError::Draw(e.to_string()))?;
    let size = tree.size();
    let (width, height) = (
        (size.width() * scale).ceil(),
        (size.height() * scale).ceil(),
    );
    let side = MAX_SIDE as f32;
    if !(width >= 1.0 && height >= 1.0 && width <= side && height <= side) {
        return Err(PngError::TooLarge {
            width: width.max(0.0).min(u32::MAX as f32) as u32,
            height: height.max(0.0).min(u32::MAX as f32) as u32,
        });
    }
    let (width, height) = (width as u32, height as u32);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| PngError::Draw(format!("no room for {width}×{height} px")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| PngError::Draw(e.to_string()))
}
