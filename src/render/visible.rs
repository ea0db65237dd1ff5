//! The output boundary: everything chipmap writes to stdout and stderr passes through
//! [`Visible`], which shows a terminal's control characters instead of letting them act.
//!
//! A data file may come from someone else, and a vendor name such as `Evil\e[2J\e]0;owned\a`
//! would clear the screen and set the window title if it reached a terminal raw. Rather than
//! trusting every renderer and message to escape what it prints, the CLI writes through this
//! one filter, so none can forget.
//!
//! What passes: text, `\n` and `\t`. What is shown, and how (stable; fixtures show it):
//! - every other C0 control and DEL, as `\x` and two hex digits: ESC is `\x1b`, CR `\x0d`;
//! - bytes that are not UTF-8, the same way: `\xff` (always `\x80` or above, so never
//!   mistaken for a control character, which is below);
//! - C1 controls (U+0080..U+009F, which some terminals take as CSI or OSC), bidi controls
//!   (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), the line and paragraph
//!   separators U+2028 and U+2029, and [`MARK`], as `\u{...}` in lowercase hex: `\u{9b}`,
//!   `\u{202e}`.
//!
//! The form names the code point without doubt; a backslash that is in the data stays as it
//! is, so a literal `\x1b` typed into a file looks the same, but is just as harmless.
//!
//! Colour. chipmap's own colour must get through when colour is on, data's escape sequences
//! never. An allow-list of the SGR sequences chipmap uses would still let data forge those
//! (a name could paint the rest of a line red or reset chipmap's colours), because once text
//! is formatted the filter cannot tell where an ESC came from. So `Paint` marks its own: it
//! emits [`sealed`] sequences, each `MARK`, this process's secret [`seal`] (128 random bits,
//! never printed), then one SGR, `ESC [ digits and ; m`. The filter turns a sealed sequence
//! into its SGR when colour is on and drops it when colour is off; any other `MARK` (data
//! cannot know the seal) is shown as `\u{fdd0}`, and every other ESC as `\x1b`. Only SGR can
//! be sealed, so not even chipmap can send a cursor or title sequence; with colour off no ESC
//! byte reaches the output. `MARK` is a Unicode noncharacter, set aside for a program's own
//! internal use. The price: painted text is meant for this filter; written elsewhere, it shows
//! the seals.
//!
//! It is a streaming filter: a character, or a sealed sequence, split across two `write` calls
//! is held back until it is complete; [`Visible::finish`] shows whatever is left incomplete.

use std::borrow::Cow;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::sync::OnceLock;

/// The character that starts a sealed colour sequence (a Unicode noncharacter).
pub(crate) const MARK: char = '\u{fdd0}';

/// The longest SGR sequence a sealed sequence may carry, `ESC [ params m`.
const MAX_SGR: usize = 24;

/// Returns this process's secret: 32 hex digits drawn from the OS's randomness.
///
/// `RandomState` is seeded from the operating system once per process; two hashers give 128
/// bits, which no data file can guess.
pub(crate) fn seal() -> &'static str {
    static SEAL: OnceLock<String> = OnceLock::new();
    SEAL.get_or_init(|| {
        let state = RandomState::new();
        let half = |n: u64| {
            let mut h = state.build_hasher();
            h.write_u64(n);
            h.finish()
        };
        format!("{:016x}{:016x}", half(1), half(2))
    })
}

/// Returns `sgr` (one or more `ESC [ params m`, as anstyle renders a style) with each sequence
/// sealed, so that [`Visible`] lets it through as colour.
pub(crate) fn sealed(sgr: &str) -> String {
    sgr.split_inclusive('m')
        .map(|one| format!("{MARK}{}{one}", seal()))
        .collect()
}

/// Returns whether `c` is a character the filter shows as `\u{...}` rather than passing on.
/// (C0 controls and DEL, all ASCII, are shown as `\x..`.)
pub(crate) fn is_shown_as_unicode(c: char) -> bool {
    (!c.is_ascii() && crate::model::is_control(c)) || c == MARK
}

/// Returns how many columns the filter's visible form of `c` takes, or None when `c` passes
/// as it is.
pub(crate) fn shown_width(c: char) -> Option<usize> {
    if c.is_ascii() {
        return (!is_plain_ascii(c as u8)).then_some(4);
    }
    // `\u{` hex digits `}`
    is_shown_as_unicode(c).then(|| 4 + format!("{:x}", u32::from(c)).len())
}

/// Returns painted text without its sealed colour: the text as the filter shows it, to measure.
pub(crate) fn unpainted(painted: &str) -> String {
    let mut out = String::with_capacity(painted.len());
    let mut rest = painted;
    while let Some(at) = rest.find(MARK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + MARK.len_utf8()..];
        match match_sealed(after) {
            Sealed::Yes(sgr) => rest = &after[seal().len() + sgr.len()..],
            Sealed::Cut | Sealed::No => {
                out.push(MARK);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Returns `text` as the filter would show it, for a renderer that lays text out before it
/// is written (a table sizes its columns by its cells): what it returns the filter leaves as
/// it is, so the layout holds. Data only: painted text keeps its seals for the filter.
pub fn shown(text: &str) -> Cow<'_, str> {
    let plain = |c: char| !c.is_ascii() || is_plain_ascii(c as u8);
    if text.chars().all(|c| plain(c) && !is_shown_as_unicode(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !plain(c) {
            out.push_str(&format!("\\x{:02x}", u32::from(c)));
        } else if is_shown_as_unicode(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Returns whether ASCII byte `b` passes as it is: printable, `\n` or `\t`.
fn is_plain_ascii(b: u8) -> bool {
    matches!(b, b' '..=b'~' | b'\n' | b'\t')
}

/// A writer that shows control characters visibly (see the module doc) on their way to `inner`.
pub struct Visible<W: Write> {
    inner: W,
    colour: bool,
    /// Bytes received but not yet decided: an incomplete character or sealed sequence.
    pending: Vec<u8>,
}

impl<W: Write> Visible<W> {
    /// Returns the filter in front of `inner`; `colour` lets chipmap's sealed colour through.
    pub fn new(inner: W, colour: bool) -> Visible<W> {
        Visible {
            inner,
            colour,
            pending: Vec::new(),
        }
    }

    /// Writes out what is still held back (an incomplete character is shown as bytes), then
    /// flushes `inner`.
    pub fn finish(&mut self) -> io::Result<()> {
        self.drain(true)?;
        self.inner.flush()
    }

    /// Filters `pending` into `inner`, keeping back an incomplete tail unless `end`.
    fn drain(&mut self, end: bool) -> io::Result<()> {
        let mut out = Vec::with_capacity(self.pending.len() + 16);
        let used = filter(&self.pending, end, self.colour, &mut out);
        self.pending.drain(..used);
        self.inner.write_all(&out)
    }
}

impl<W: Write> Write for Visible<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.pending.is_empty() {
            self.pending.extend_from_slice(buf);
            self.drain(false)?;
            return Ok(buf.len());
        }
        // The usual case: nothing held back, so filter `buf` as it is, keeping only its tail.
        let mut out = Vec::with_capacity(buf.len() + 16);
        let used = filter(buf, false, self.colour, &mut out);
        self.pending.extend_from_slice(&buf[used..]);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    /// Flushes `inner`; an incomplete character stays held back until it completes.
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Drop for Visible<W> {
    fn drop(&mut self) {
        if !self.pending.is_empty() {
            // Nothing can report an error from a drop; `finish` is the way to see one.
            let _ = self.drain(true);
        }
    }
}

/// Filters `input` into `out` and returns how many bytes it used; the rest is an incomplete
/// character or sealed sequence to wait for (none when `end`).
fn filter(input: &[u8], end: bool, colour: bool, out: &mut Vec<u8>) -> usize {
    let mut at = 0;
    for chunk in input.utf8_chunks() {
        let text = chunk.valid();
        let invalid = chunk.invalid();
        let chunk_end = at + text.len() + invalid.len();
        let text_is_last = chunk_end == input.len() && invalid.is_empty();
        match filter_text(text, !end && text_is_last, colour, out) {
            Some(held) => return at + text.len() - held,
            None => at += text.len(),
        }
        if !invalid.is_empty() {
            // An incomplete character at the very end may be finished by the next write.
            if chunk_end == input.len() && !end && is_utf8_prefix(invalid) {
                return at;
            }
            for b in invalid {
                push_hex_byte(out, *b);
            }
            at = chunk_end;
        }
    }
    at
}

/// Returns whether `bytes` could begin a UTF-8 character that more bytes would complete.
fn is_utf8_prefix(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_err_and(|e| e.error_len().is_none())
}

/// Filters valid `text` into `out`; returns how many bytes at its end to hold back (a sealed
/// sequence cut off by the end of the input, only when `may_continue`).
fn filter_text(text: &str, may_continue: bool, colour: bool, out: &mut Vec<u8>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .take_while(|b| is_plain_ascii(**b))
            .count();
        if run > 0 {
            out.extend_from_slice(&bytes[i..i + run]);
            i += run;
            continue;
        }
        if bytes[i] < 0x80 {
            push_hex_byte(out, bytes[i]);
            i += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        let len = c.len_utf8();
        if c == MARK {
            match match_sealed(&text[i + len..]) {
                Sealed::Yes(sgr) => {
                    if colour {
                        out.extend_from_slice(sgr.as_bytes());
                    }
                    i += len + seal().len() + sgr.len();
                    continue;
                }
                Sealed::Cut if may_continue => return Some(bytes.len() - i),
                Sealed::Cut | Sealed::No => {}
            }
        }
        if is_shown_as_unicode(c) {
            out.extend_from_slice(format!("\\u{{{:x}}}", u32::from(c)).as_bytes());
        } else {
            out.extend_from_slice(&bytes[i..i + len]);
        }
        i += len;
    }
    None
}

/// What follows a `MARK`.
enum Sealed<'a> {
    /// The seal and a well-formed SGR sequence (returned).
    Yes(&'a str),
    /// A beginning of one, cut off by the end of the text.
    Cut,
    /// Anything else: data.
    No,
}

/// Returns whether `after` (the text after a `MARK`) starts with the seal and an SGR sequence.
fn match_sealed(after: &str) -> Sealed<'_> {
    let seal = seal();
    let Some(sgr_and_rest) = after.strip_prefix(seal) else {
        return if seal.starts_with(after) {
            Sealed::Cut
        } else {
            Sealed::No
        };
    };
    let bytes = sgr_and_rest.as_bytes();
    for (i, b) in bytes.iter().enumerate().take(MAX_SGR) {
        let fits = match i {
            0 => *b == 0x1b,
            1 => *b == b'[',
            _ if *b == b'm' => return Sealed::Yes(&sgr_and_rest[..=i]),
            _ => b.is_ascii_digit() || *b == b';',
        };
        if !fits {
            return Sealed::No;
        }
    }
    if bytes.len() < MAX_SGR {
        Sealed::Cut
    } else {
        Sealed::No
    }
}

/// Appends `\x` and two lowercase hex digits.
fn push_hex_byte(out: &mut Vec<u8>, b: u8) {
    out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
}

#[cfg(test)]
mod tests;
