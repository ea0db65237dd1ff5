//! Never-panic properties of reading: arbitrary bytes, and the shipped files mutated (bytes
//! flipped, cut short, lines duplicated, deleted or swapped, YAML-significant characters,
//! deep nesting, very long lines, invalid UTF-8, odd values), decoded through the paths the
//! commands use, as a vendor file, as a snapshot file, as an edit's text, by content and as
//! `check --strict` reads it. Decoding must return, and every problem and warning it reports
//! must point inside the file.
//!
//! `PROPTEST_CASES` sets the number of cases per property (default 32: a few seconds).

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;

use crate::error::Diagnostic;

use super::decode::{self, FileKind};
use super::load::{EMBEDDED, RawFile, decode_vendor_files, decode_vendor_text};
use super::source::{SourceFile, utf8};
use super::strict;

/// Text that means something to a YAML parser, or to chipmap's decoding.
const SIGNIFICANT: &[&str] = &[
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "?",
    "? ",
    "#",
    "&a ",
    "*a",
    "!",
    "!!str ",
    "|",
    ">",
    "|-",
    "'",
    "\"",
    "%YAML 1.2\n",
    "@",
    "`",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "---\n",
    "...\n",
    "<<: *a",
    "\u{feff}",
    "\0",
    "\\",
    "\u{1b}[31m",
    "\u{2028}",
    "  ",
    "~",
];

/// Values put where a field's value was: odd dates, numbers, nulls and kinds.
const VALUES: &[&str] = &[
    "",
    "~",
    "null",
    "[]",
    "{}",
    "-1",
    "0",
    "1e999",
    "-1e999",
    ".nan",
    ".inf",
    "0x10",
    "99999999999999999999999",
    "2026H3",
    "2026Q5",
    "2026-02-30",
    "2026-13",
    "9999-12-31",
    "0000-01-01",
    "2026H1..2027",
    "\"2026\"",
    "'x'",
    "[a, b]",
    "{a: 1}",
    "yes",
    "No",
    "Ω",
    "a\u{300}",
    "gpu gpu",
    "\u{1b}]0;title\u{7}",
];

/// Bytes that are never UTF-8 where they stand.
const NOT_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
];

/// One change to a file's bytes; indexes pick a place within whatever the file is by then.
#[derive(Debug, Clone)]
enum Mutation {
    FlipByte(Index, u8),
    Truncate(Index),
    DuplicateLine(Index),
    DeleteLine(Index),
    SwapLines(Index, Index),
    Insert(Index, &'static str),
    Nest(Index, &'static str, usize),
    LongLine(Index, usize),
    NotUtf8(Index, &'static [u8]),
    ReplaceValue(Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 1..=255u8).prop_map(|(at, mask)| Mutation::FlipByte(at, mask)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => any::<Index>().prop_map(Mutation::DeleteLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        3 => (any::<Index>(), select(SIGNIFICANT)).prop_map(|(at, s)| Mutation::Insert(at, s)),
        1 => (any::<Index>(), select(&["[", "{", "- ", "a:\n ", "? "][..]), 1..3000usize)
            .prop_map(|(at, open, depth)| Mutation::Nest(at, open, depth)),
        1 => (any::<Index>(), 1000..200_000usize).prop_map(|(at, n)| Mutation::LongLine(at, n)),
        1 => (any::<Index>(), select(NOT_UTF8)).prop_map(|(at, b)| Mutation::NotUtf8(at, b)),
        3 => (any::<Index>(), select(VALUES)).prop_map(|(at, v)| Mutation::ReplaceValue(at, v)),
    ]
}

/// Returns the byte offsets where lines start (always 0, then after every `\n`).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|i| *i < bytes.len())
        .collect()
}

/// Returns the byte range of the line `at` picks, its `\n` included.
fn line_range(bytes: &[u8], at: &Index) -> Option<std::ops::Range<usize>> {
    let starts = line_starts(bytes);
    if starts.is_empty() {
        return None;
    }
    let i = at.index(starts.len());
    let end = starts.get(i + 1).copied().unwrap_or(bytes.len());
    Some(starts[i]..end)
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let place = |at: &Index, len: usize| at.index(len + 1);
    match mutation {
        Mutation::FlipByte(at, mask) if !bytes.is_empty() => {
            let i = at.index(bytes.len());
            bytes[i] ^= mask;
        }
        Mutation::Truncate(at) => bytes.truncate(place(at, bytes.len())),
        Mutation::DuplicateLine(at) => {
            if let Some(range) = line_range(bytes, at) {
                let line = bytes[range.clone()].to_vec();
                bytes.splice(range.start..range.start, line);
            }
        }
        Mutation::DeleteLine(at) => {
            if let Some(range) = line_range(bytes, at) {
                bytes.drain(range);
            }
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<Vec<u8>> = bytes
                .split_inclusive(|b| *b == b'\n')
                .map(<[u8]>::to_vec)
                .collect();
            if lines.len() > 1 {
                let (i, j) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(i, j);
                *bytes = lines.concat();
            }
        }
        Mutation::Insert(at, text) => {
            let i = place(at, bytes.len());
            bytes.splice(i..i, text.bytes());
        }
        Mutation::Nest(at, open, depth) => {
            let i = place(at, bytes.len());
            let deep = if open.ends_with(' ') && open.contains('\n') {
                (0..*depth)
                    .map(|d| format!("k{d}:\n{}", " ".repeat(d + 1)))
                    .collect()
            } else {
                open.repeat(*depth)
            };
            bytes.splice(i..i, deep.into_bytes());
        }
        Mutation::LongLine(at, n) => {
            let i = place(at, bytes.len());
            bytes.splice(i..i, std::iter::repeat_n(b'x', *n));
        }
        Mutation::NotUtf8(at, bad) => {
            let i = place(at, bytes.len());
            bytes.splice(i..i, bad.iter().copied());
        }
        Mutation::ReplaceValue(at, value) => {
            if let Some(range) = line_range(bytes, at)
                && let Some(colon) = bytes[range.clone()].windows(2).position(|w| w == b": ")
            {
                let start = range.start + colon + 2;
                let end = bytes[start..range.end]
                    .iter()
                    .position(|b| *b == b'\n' || *b == b'#')
                    .map_or(range.end, |i| start + i);
                bytes.splice(start..end, value.bytes());
            }
        }
        Mutation::FlipByte(..) => {}
    }
}

/// Returns the shipped vendor and snapshot files as (stem, bytes).
fn shipped() -> Vec<(String, &'static [u8])> {
    let snapshots = EMBEDDED
        .get_dir("snapshots")
        .into_iter()
        .flat_map(|d| d.files());
    EMBEDDED
        .files()
        .chain(snapshots)
        .filter(|f| f.path().extension().is_some_and(|e| e == "yaml"))
        .map(|f| {
            let stem = f.path().file_stem().unwrap().to_string_lossy().into_owned();
            (stem, f.contents())
        })
        .collect()
}

/// Returns the lines the parser sees in `text` (LF, CRLF and a lone CR end a line).
fn lines_of(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(str::to_string)
        .collect()
}

/// Fails unless `diag` points at a line of `text` (or the end just past it), at a column
/// of that line, or is about the whole file.
fn check_location(diag: &Diagnostic, text: &str) -> Result<(), TestCaseError> {
    if diag.line == 0 {
        return Ok(());
    }
    let all = lines_of(text);
    let lines = all.len();
    // The column counts in the whole line; the echoed text may be a window of it, in which
    // the caret's column must fall too.
    let line = all.get(diag.line - 1).map_or("", String::as_str);
    let last_column = line.chars().count() + 1;
    let in_window = diag.text_column >= 1 && diag.text_column <= diag.line_text.chars().count() + 1;
    let sane =
        diag.line <= lines + 1 && diag.column >= 1 && diag.column <= last_column && in_window;
    prop_assert!(
        sane,
        "{}:{}:{} (file has {} lines, the line has {} characters): {}",
        diag.path,
        diag.line,
        diag.column,
        lines,
        last_column - 1,
        diag.message
    );
    Ok(())
}

/// Decodes `bytes` every way a command does, checking every diagnostic's place.
fn decode_every_way(stem: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    // As a vendor file of the data directory (list, show, diff ...).
    let file = RawFile {
        shown: format!("{stem}.yaml"),
        stem: stem.to_string(),
        bytes: bytes.to_vec(),
    };
    let mut diags = Vec::new();
    decode_vendor_files(std::slice::from_ref(&file), &mut diags);
    let text = match utf8(&file.shown, bytes) {
        Ok(text) => text,
        Err(diag) => {
            prop_assert!(!diags.is_empty(), "not UTF-8, yet no problem reported");
            // A line ends in LF, CRLF or a lone CR, as everywhere else in chipmap.
            let crlf = bytes.windows(2).filter(|w| w == b"\r\n").count();
            let breaks = bytes.iter().filter(|b| matches!(b, b'\n' | b'\r')).count();
            let lines = breaks - crlf + 1;
            let sane = (1..=lines).contains(&diag.line) && diag.column >= 1;
            prop_assert!(
                sane,
                "{}:{}:{} ({lines} lines)",
                diag.path,
                diag.line,
                diag.column
            );
            return Ok(());
        }
    };
    for diag in &diags {
        check_location(diag, text)?;
    }
    // As a snapshot file, as a file of either kind (a path given to diff), and as the text
    // of an edit about to be written.
    for expect in [Some(FileKind::Snapshot), None] {
        let mut diags = Vec::new();
        let source = SourceFile {
            path: &file.shown,
            text,
        };
        decode::decode(&source, stem, expect, &mut diags);
        for diag in &diags {
            check_location(diag, text)?;
        }
        // As `check --strict` reads it: every warning points inside the file too.
        let decoded = decode::decode_marked(&source, stem, expect, &mut Vec::new());
        let today = strict::Today {
            day: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            snapshot: false,
        };
        for warning in strict::diagnostics(&[(source, decoded.marked())], Some(today)) {
            check_location(&warning, text)?;
        }
    }
    if let Err(crate::error::Error::Invalid(diags)) =
        decode_vendor_text(std::path::Path::new(&file.shown), text)
    {
        for diag in &diags {
            check_location(diag, text)?;
        }
    }
    Ok(())
}

/// Returns the config of the store's properties: `default_cases` cases unless
/// `PROPTEST_CASES` asks for more or fewer, and no regression files written into src/.
pub(in crate::store) fn config(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        // Shrunk failures are reported, not written into src/ as regression files.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        decode_every_way("acme", &bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\t\n\r:\\-\\[\\]{}#&*!|>'\"?,%@`]{0,2000}") {
        decode_every_way("acme", text.as_bytes())?;
    }

    #[test]
    fn mutated_shipped_files_never_panic(
        which in any::<Index>(),
        mutations in proptest::collection::vec(mutation(), 1..=4),
    ) {
        let files = shipped();
        let (stem, original) = &files[which.index(files.len())];
        let mut bytes = original.to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        decode_every_way(stem, &bytes)?;
    }
}
