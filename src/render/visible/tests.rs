//! The output filter: what it shows, what it passes, and that cutting the input anywhere
//! changes nothing.

use std::io::Write;

use proptest::prelude::{prop_assert_eq, proptest};

use super::{MARK, Visible, seal, sealed};

/// Returns what the filter makes of `input` written in one piece.
fn shown(input: &[u8], colour: bool) -> String {
    shown_in_pieces(&[input], colour)
}

/// Returns what the filter makes of `pieces` written one after another.
fn shown_in_pieces(pieces: &[&[u8]], colour: bool) -> String {
    let mut out = Vec::new();
    let mut visible = Visible::new(&mut out, colour);
    for piece in pieces {
        visible.write_all(piece).unwrap();
    }
    visible.finish().unwrap();
    drop(visible);
    String::from_utf8(out).expect("the filter writes UTF-8")
}

#[test]
fn text_newlines_and_tabs_pass_unchanged() {
    let text = "NVIDIA\tB200 · Blackwell — 8× HBM3E 192 GB ✓\n日本語\n";
    assert_eq!(shown(text.as_bytes(), false), text);
}

#[test]
fn a_screen_clearing_title_setting_name_is_shown_not_obeyed() {
    assert_eq!(
        shown(b"Evil\x1b[2J\x1b[H\x1b]0;owned\x07", false),
        r"Evil\x1b[2J\x1b[H\x1b]0;owned\x07"
    );
}

#[test]
fn carriage_return_del_and_every_c0_control_are_shown() {
    assert_eq!(shown(b"Fam\rOVER\x7f\x00", false), r"Fam\x0dOVER\x7f\x00");
    for b in (0u8..0x20).filter(|b| *b != b'\n' && *b != b'\t') {
        assert_eq!(shown(&[b], true), format!("\\x{b:02x}"));
    }
}

#[test]
fn c1_bidi_and_separator_characters_are_shown_as_code_points() {
    assert_eq!(shown("a\u{9b}2J".as_bytes(), false), r"a\u{9b}2J");
    assert_eq!(shown("A\u{202e}bc".as_bytes(), false), r"A\u{202e}bc");
    for c in [
        '\u{80}', '\u{9f}', '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{2066}', '\u{2069}',
        '\u{2028}', '\u{2029}',
    ] {
        assert_eq!(
            shown(c.to_string().as_bytes(), false),
            format!("\\u{{{:x}}}", u32::from(c))
        );
    }
}

#[test]
fn bytes_that_are_not_utf8_are_shown_as_bytes() {
    assert_eq!(shown(b"a\xffb\xc3(", false), r"a\xffb\xc3(");
    // A character cut off by the end of the output.
    assert_eq!(shown(b"x\xe2\x80", false), r"x\xe2\x80");
}

#[test]
fn a_character_split_across_writes_passes_whole() {
    let bytes = "é→\u{202e}".as_bytes();
    for cut in 0..=bytes.len() {
        assert_eq!(
            shown_in_pieces(&[&bytes[..cut], &bytes[cut..]], false),
            r"é→\u{202e}",
            "cut at {cut}"
        );
    }
}

#[test]
fn chipmap_colour_passes_only_when_colour_is_on() {
    let red = format!("{}error{}", sealed("\x1b[1m\x1b[31m"), sealed("\x1b[0m"));
    assert_eq!(shown(red.as_bytes(), true), "\x1b[1m\x1b[31merror\x1b[0m");
    assert_eq!(shown(red.as_bytes(), false), "error");
}

#[test]
fn data_cannot_forge_colour_even_when_colour_is_on() {
    assert_eq!(shown(b"\x1b[31mred\x1b[0m", true), r"\x1b[31mred\x1b[0m");
    // A mark without the seal, or with a wrong one, is data.
    let forged = format!("{MARK}00000000000000000000000000000000\x1b[31mred");
    assert_eq!(
        shown(forged.as_bytes(), true),
        r"\u{fdd0}00000000000000000000000000000000\x1b[31mred"
    );
    assert_eq!(shown(MARK.to_string().as_bytes(), true), r"\u{fdd0}");
    // A sealed sequence carries SGR only, never a cursor or title sequence.
    let sealed_cursor = format!("{MARK}{}\x1b[2J", seal());
    assert!(!shown(sealed_cursor.as_bytes(), true).contains('\x1b'));
}

#[test]
fn a_sealed_sequence_split_across_writes_is_still_colour() {
    let text = format!("a{}b", sealed("\x1b[31m"));
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        assert_eq!(
            shown_in_pieces(&[&bytes[..cut], &bytes[cut..]], true),
            "a\x1b[31mb",
            "cut at {cut}"
        );
    }
}

proptest! {
    #[test]
    fn no_escape_byte_from_data_ever_passes(input: Vec<u8>, cut: usize) {
        let cut = cut % (input.len() + 1);
        let whole = shown(&input, false);
        let raw = ['\x1b', '\x07', '\r', '\u{9b}', '\u{202e}'];
        prop_assert_eq!(whole.contains(raw), false);
        prop_assert_eq!(shown(&input, true).contains(raw), false);
        // Cutting the input anywhere gives the same output.
        prop_assert_eq!(shown_in_pieces(&[&input[..cut], &input[cut..]], false), whole);
    }

    /// A table laid out from prepared cells keeps its layout: the filter changes nothing more.
    #[test]
    fn text_prepared_for_layout_shows_as_the_filter_shows_it(text: String) {
        let prepared = super::shown(&text);
        prop_assert_eq!(shown(prepared.as_bytes(), false), prepared.as_ref());
        prop_assert_eq!(prepared.as_ref(), shown(text.as_bytes(), false));
    }

    #[test]
    fn text_without_controls_passes_unchanged(text in "[^\\p{Cc}\\p{Bidi_Control}\u{2028}\u{2029}\u{fdd0}]*") {
        prop_assert_eq!(shown(text.as_bytes(), true), text);
    }
}
