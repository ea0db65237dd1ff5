//! How each entry is drawn in the picture: a marker shape, a dash pattern and a colour, each
//! different, so a line is followed by any one of them: in greyscale, by a colour-blind
//! reader, or in colour. The first six shapes are the terminal's glyphs (`●■◆★○□`).

/// A marker's shape, drawn around (0, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Disc,
    Square,
    Diamond,
    Star,
    Ring,
    Box,
    Triangle,
    Lozenge,
}

/// One entry's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Look {
    pub shape: Shape,
    /// The line's `stroke-dasharray` (empty: solid).
    pub dash: &'static str,
    pub colour: &'static str,
}

const fn look(shape: Shape, dash: &'static str, colour: &'static str) -> Look {
    Look {
        shape,
        dash,
        colour,
    }
}

/// One look per entry the picture tells apart. Colours after Okabe and Ito (told apart by
/// colour-blind readers; orange darkened a step to keep 3:1 on white), with purple and cyan in
/// place of sky and yellow, which are too near blue and too pale; dashes from
/// solid through long, dotted and dash-dot, so no two alike.
pub(super) const LOOKS: [Look; 8] = [
    look(Shape::Disc, "", "#0072b2"),
    look(Shape::Square, "9 4", "#d55e00"),
    look(Shape::Diamond, "2 3", "#009e73"),
    look(Shape::Star, "9 3 2 3", "#cc79a7"),
    look(Shape::Ring, "4 4", "#b87d00"),
    look(Shape::Box, "9 3 2 3 2 3", "#6a3d9a"),
    look(Shape::Triangle, "16 4", "#1f2328"),
    look(Shape::Lozenge, "2 7", "#0093b0"),
];

/// How far a marker reaches from its centre, so neighbours can stand clear of it.
pub(super) const REACH: f64 = 6.0;

/// Returns a marker's markup around (0, 0) in `look`'s colour: filled shapes with a white
/// edge (so one on another still shows its outline), hollow ones white inside.
pub(super) fn marker(look: &Look) -> String {
    let c = look.colour;
    let filled =
        |shape: &str| format!("{shape} fill=\"{c}\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
    let hollow =
        |shape: &str| format!("{shape} fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\"/>");
    match look.shape {
        Shape::Disc => filled("<circle r=\"4.8\""),
        Shape::Square => filled("<rect x=\"-4.3\" y=\"-4.3\" width=\"8.6\" height=\"8.6\""),
        Shape::Diamond => filled("<path d=\"M0 -5.8L5.8 0L0 5.8L-5.8 0Z\""),
        Shape::Star => filled(
            "<path d=\"M0 -6.3L1.56 -2.14L6 -1.96L2.52 0.82L3.73 5.14L0 2.65L-3.73 5.14L-2.52 0.82L-6 -1.96L-1.56 -2.14Z\"",
        ),
        Shape::Ring => hollow("<circle r=\"4\""),
        Shape::Box => hollow("<rect x=\"-3.6\" y=\"-3.6\" width=\"7.2\" height=\"7.2\""),
        Shape::Triangle => filled("<path d=\"M0 -5.8L5.6 4.2L-5.6 4.2Z\""),
        Shape::Lozenge => hollow("<path d=\"M0 -5L5 0L0 5L-5 0Z\""),
    }
}
