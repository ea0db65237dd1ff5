//! Reading the accepted spellings of a fuzzy date (docs/format.md section 3).

use chrono::NaiveDate;

use super::{
    DAY_DIGITS, FuzzyDate, HALF_RANGE, MAX_YEAR, MIN_YEAR, MONTH_DIGITS, MONTH_NAMES, MONTH_RANGE,
    NOT_RECOGNISED, QUARTER_RANGE, YEAR_DIGITS,
};

/// Returns the date `text` (already trimmed) spells, or the reason it spells none.
pub(super) fn parse_trimmed(text: &str) -> Result<FuzzyDate, String> {
    if text.is_empty() {
        return Err("the date is empty".to_string());
    }
    if let Some(shorthand) = super::shorthand::parse(text) {
        return shorthand;
    }
    let bytes = text.as_bytes();
    if bytes[0].is_ascii_digit() {
        parse_year_first(text)
    } else if matches!(bytes[0], b'H' | b'h' | b'Q' | b'q') {
        parse_part_first(text)
    } else {
        Err(NOT_RECOGNISED.to_string())
    }
}

/// Returns the date for the forms that start with the year: `2026`, `2026H2`, `2026-03` ...
pub(super) fn parse_year_first(text: &str) -> Result<FuzzyDate, String> {
    let (year_digits, rest) = split_digits(text);
    let year = parse_year(year_digits)?;
    if rest.is_empty() {
        return Ok(FuzzyDate::Year(year));
    }
    if let Some(part) = rest.strip_prefix(' ') {
        // Say what to write instead when the rest is otherwise a valid suffix.
        let suggestion = parse_suffix(year, part.trim_start())?;
        return Err(format!(
            "no space goes after the year: write `{suggestion}`"
        ));
    }
    parse_suffix(year, rest)
}

/// Returns the date for what follows a year: `H2`, `-H2`, `Q3`, `-Q3`, `-03`, `-03-18`.
pub(super) fn parse_suffix(year: i32, rest: &str) -> Result<FuzzyDate, String> {
    let (letter_part, dashed) = match rest.strip_prefix('-') {
        Some(after) => (after, true),
        None => (rest, false),
    };
    if let Some(part) = strip_letter(letter_part, 'h') {
        return parse_half(part).map(|h| FuzzyDate::Half(year, h));
    }
    if let Some(part) = strip_letter(letter_part, 'q') {
        return parse_quarter(part).map(|q| FuzzyDate::Quarter(year, q));
    }
    if dashed && letter_part.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_month_day(year, letter_part);
    }
    Err(NOT_RECOGNISED.to_string())
}

/// Returns the month or day date for what follows `YYYY-`: `03` or `03-18`.
pub(super) fn parse_month_day(year: i32, text: &str) -> Result<FuzzyDate, String> {
    let (month_digits, rest) = split_digits(text);
    if month_digits.len() != 2 {
        return Err(MONTH_DIGITS.to_string());
    }
    let month = month_digits.parse::<u8>().map_err(|_| MONTH_RANGE)?;
    if !(1..=12).contains(&month) {
        return Err(MONTH_RANGE.to_string());
    }
    if rest.is_empty() {
        return Ok(FuzzyDate::Month(year, month));
    }
    let Some(day_text) = rest.strip_prefix('-') else {
        return Err(NOT_RECOGNISED.to_string());
    };
    let (day_digits, rest) = split_digits(day_text);
    if day_digits.is_empty() {
        return Err(NOT_RECOGNISED.to_string());
    }
    if day_digits.len() != 2 {
        return Err(DAY_DIGITS.to_string());
    }
    let day = day_digits.parse::<u32>().map_err(|_| NOT_RECOGNISED)?;
    let Some(date) = NaiveDate::from_ymd_opt(year, u32::from(month), day) else {
        let name = MONTH_NAMES[usize::from(month - 1)];
        let length = days_in_month(year, u32::from(month));
        return Err(format!(
            "{year}-{month:02}-{day_digits} is not a day of the calendar ({name} {year} has {length} days)"
        ));
    };
    if rest.is_empty() {
        return Ok(FuzzyDate::Day(date));
    }
    // A timestamp is the likeliest thing to follow a day; say so rather than "not recognised".
    if rest.starts_with(['T', 't', ' ']) {
        return Err(format!(
            "a date has no time of day: write `{}`",
            FuzzyDate::Day(date)
        ));
    }
    Err(NOT_RECOGNISED.to_string())
}

/// Returns the date for the forms that start with the part: `H2 2026`, `Q3 2026`.
pub(super) fn parse_part_first(text: &str) -> Result<FuzzyDate, String> {
    let (is_half, after_letter) = if let Some(part) = strip_letter(text, 'h') {
        (true, part)
    } else if let Some(part) = strip_letter(text, 'q') {
        (false, part)
    } else {
        return Err(NOT_RECOGNISED.to_string());
    };
    let (part_digits, rest) = split_digits(after_letter);
    // Only the shape `X<digits> <year>` earns a specific message; `Hello` is just unrecognised.
    let Some(year_text) = rest.strip_prefix(' ') else {
        return Err(NOT_RECOGNISED.to_string());
    };
    if part_digits.is_empty() || !year_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NOT_RECOGNISED.to_string());
    }
    if is_half {
        let half = parse_half(part_digits)?;
        Ok(FuzzyDate::Half(parse_year(year_text)?, half))
    } else {
        let quarter = parse_quarter(part_digits)?;
        Ok(FuzzyDate::Quarter(parse_year(year_text)?, quarter))
    }
}

/// Returns the year four ASCII digits spell, if it is in range.
pub(super) fn parse_year(digits: &str) -> Result<i32, String> {
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(YEAR_DIGITS.to_string());
    }
    let year = digits.parse::<i32>().map_err(|_| YEAR_DIGITS)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(year_range_reason());
    }
    Ok(year)
}

/// Returns the half `1` or `2` spells.
pub(super) fn parse_half(part: &str) -> Result<u8, String> {
    match part {
        "1" => Ok(1),
        "2" => Ok(2),
        _ if part.bytes().all(|b| b.is_ascii_digit()) => Err(HALF_RANGE.to_string()),
        _ => Err(NOT_RECOGNISED.to_string()),
    }
}

/// Returns the quarter `1` to `4` spells.
pub(super) fn parse_quarter(part: &str) -> Result<u8, String> {
    match part {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        "4" => Ok(4),
        _ if part.bytes().all(|b| b.is_ascii_digit()) => Err(QUARTER_RANGE.to_string()),
        _ => Err(NOT_RECOGNISED.to_string()),
    }
}

/// Returns `text` without a leading `letter` in either case, if it starts with one.
pub(super) fn strip_letter(text: &str, letter: char) -> Option<&str> {
    text.strip_prefix(letter)
        .or_else(|| text.strip_prefix(letter.to_ascii_uppercase()))
}

/// Returns the leading run of ASCII digits and the rest.
pub(super) fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    // `end` sits after ASCII bytes only, so it is a char boundary.
    text.split_at(end)
}

pub(super) fn year_range_reason() -> String {
    format!("year must be between {MIN_YEAR} and {MAX_YEAR}")
}

/// Returns whether `year` is a Gregorian leap year.
pub(super) fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Returns the number of days in `month` (1..=12) of `year`.
pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Returns the first day of `first` to the last day of `last` (months 1..=12) of `year`.
pub(super) fn months_interval(year: i32, first: u32, last: u32) -> (NaiveDate, NaiveDate) {
    (
        ymd(year, first, 1),
        ymd(year, last, days_in_month(year, last)),
    )
}

/// Returns the day, or the nearest end of chrono's range for a year it cannot represent.
pub(super) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}
