//! Analysts' shorthand for dates (docs/format.md section 3): `1H27`, `2H 2026`, `3Q26`,
//! `Q3'26`, `CY2026`, read as the canonical forms they stand for; fiscal years refused.

use super::FuzzyDate;
use super::parse::{parse_half, parse_quarter, parse_year, split_digits, strip_letter};

/// Why a fiscal year is not taken as a date.
pub(super) const FISCAL_YEAR: &str = "a fiscal year is not a calendar period: each vendor's \
    fiscal year starts in another month (NVIDIA's fiscal 2027 ends in January 2027), so \
    write the calendar period the source means, such as 2026H2";

/// Returns the date a shorthand spells, `None` when `text` is no shorthand at all (so the
/// caller's own message stands), or the reason a shorthand is wrong.
pub(super) fn parse(text: &str) -> Option<Result<FuzzyDate, String>> {
    if is_fiscal(text) {
        return Some(Err(FISCAL_YEAR.to_string()));
    }
    if let Some(rest) = strip_letter(text, 'c').and_then(|rest| strip_letter(rest, 'y')) {
        return Some(short_year(rest).map(FuzzyDate::Year));
    }
    let bytes = text.as_bytes();
    // `1H27`, `2H 2026`, `3Q26`: the part's number, its letter, then the year.
    if bytes.len() >= 3
        && bytes[0].is_ascii_digit()
        && matches!(bytes[1], b'H' | b'h' | b'Q' | b'q')
    {
        let (part, rest) = text.split_at(1);
        let is_half = matches!(bytes[1], b'H' | b'h');
        let year = short_year(&rest[1..]);
        return Some(part_date(is_half, part, year));
    }
    // `H2'26`, `Q3'26`, `Q3 26`: the prefix forms with a two-digit year.
    let (is_half, after) = match (strip_letter(text, 'h'), strip_letter(text, 'q')) {
        (Some(after), _) => (true, after),
        (_, Some(after)) => (false, after),
        _ => return None,
    };
    let (part, rest) = split_digits(after);
    let two_digits = rest.trim_start_matches(' ').trim_start_matches('\'');
    let is_short = rest.starts_with('\'') || (rest.starts_with(' ') && two_digits.len() == 2);
    (!part.is_empty() && is_short).then(|| part_date(is_half, part, short_year(rest)))
}

/// Returns whether `text` names a fiscal year or a part of one (`FY27`, `Q3 FY2027`, `1HFY27`).
fn is_fiscal(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| pair.eq_ignore_ascii_case(b"fy"))
}

/// Returns the half or quarter `part` (its number) of `year`.
fn part_date(is_half: bool, part: &str, year: Result<i32, String>) -> Result<FuzzyDate, String> {
    if is_half {
        let half = parse_half(part)?;
        Ok(FuzzyDate::Half(year?, half))
    } else {
        let quarter = parse_quarter(part)?;
        Ok(FuzzyDate::Quarter(year?, quarter))
    }
}

/// Returns the year after a shorthand's part: `27`, `'27`, ` 27`, `2027`, ` 2027`; a
/// two-digit year is 20YY.
fn short_year(text: &str) -> Result<i32, String> {
    let digits = text.strip_prefix(' ').unwrap_or(text);
    let digits = digits.strip_prefix('\'').unwrap_or(digits);
    match digits.len() {
        2 if digits.bytes().all(|b| b.is_ascii_digit()) => parse_year(&format!("20{digits}")),
        _ => parse_year(digits)
            .map_err(|_| "year must have two or four digits (as in 1H27 or 1H 2027)".to_string()),
    }
}
