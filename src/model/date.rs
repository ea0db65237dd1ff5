//! Fuzzy roadmap dates (FORMAT.md section 3): parsing, canonical form, intervals, order and shifts.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

// A macro rather than a plain const so the same literal can also be glued into the hint with
// `concat!`, which only takes literals; `DateError::hint` must hand out a `&'static str`.
macro_rules! accepted_forms {
    () => {
        "2026, 2026H2 (also H2 2026, 2026-H2), 2026Q3 (also Q3 2026, 2026-Q3), 2026-03, 2026-03-18"
    };
}

/// The spellings a date may take, as listed to users in every date error.
pub const ACCEPTED_FORMS: &str = accepted_forms!();

const HINT: &str = concat!("accepted forms: ", accepted_forms!());

/// The smallest year a date may name.
const MIN_YEAR: i32 = 1900;
/// The largest year a date may name.
const MAX_YEAR: i32 = 2199;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A roadmap date, as precise as its source: a year, half, quarter, month or day.
///
/// Values made by [`FuzzyDate::parse`] always hold valid parts (half 1..=2, quarter 1..=4,
/// month 1..=12, year 1900..=2199). A value built by hand with a part out of range never
/// panics: its interval clamps the part into range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FuzzyDate {
    /// A whole year: `2026`.
    Year(i32),
    /// A half year, 1 or 2: `2026H2`.
    Half(i32, u8),
    /// A quarter, 1 to 4: `2026Q3`.
    Quarter(i32, u8),
    /// A month, 1 to 12: `2026-03`.
    Month(i32, u8),
    /// One day: `2026-03-18`.
    Day(NaiveDate),
}

/// How precise a [`FuzzyDate`] is, from coarsest to finest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Half,
    Quarter,
    Month,
    Day,
}

impl Precision {
    /// Returns the lowercase name of the precision.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Half => "half",
            Precision::Quarter => "quarter",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a date moved between two versions of an entry (FORMAT.md section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftClass {
    /// The new interval lies inside the old one.
    Refined,
    /// The old interval lies inside the new one.
    Widened,
    /// Neither contains the other, and the new midpoint is later.
    Slipped,
    /// Neither contains the other, and the new midpoint is earlier.
    PulledIn,
}

impl ShiftClass {
    /// Returns the name used in output and JSON: `refined`, `widened`, `slipped`, `pulled_in`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ShiftClass::Refined => "refined",
            ShiftClass::Widened => "widened",
            ShiftClass::Slipped => "slipped",
            ShiftClass::PulledIn => "pulled_in",
        }
    }
}

impl fmt::Display for ShiftClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date's move between two versions: its class and the signed change of midpoint in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Shift {
    pub class: ShiftClass,
    /// New midpoint minus old midpoint; positive means later.
    pub days: i64,
}

impl Shift {
    /// Returns the shift in average Gregorian months (days / (365.2425 / 12)), signed.
    pub fn months(&self) -> f64 {
        // `as` loses precision only beyond 2^53 days, far outside any calendar date.
        let days = self.days as f64;
        days / (365.2425 / 12.0)
    }
}

/// A date that does not parse: the input and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    input: String,
    reason: String,
}

impl DateError {
    fn new(input: &str, reason: impl Into<String>) -> DateError {
        DateError {
            input: input.to_string(),
            reason: reason.into(),
        }
    }

    /// Returns the first line of the diagnostic: ``invalid date `2026H3`: half must be H1 or H2``.
    pub fn message(&self) -> String {
        format!("invalid date `{}`: {}", self.input, self.reason)
    }

    /// Returns the list of accepted forms, for a diagnostic's help line.
    pub fn hint() -> &'static str {
        HINT
    }

    /// Returns the rejected input, trimmed of surrounding whitespace.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Returns what is wrong with the input, without the input itself.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.message(), HINT)
    }
}

impl std::error::Error for DateError {}

const NOT_RECOGNISED: &str = "not a recognised date form";
const HALF_RANGE: &str = "half must be H1 or H2";
const QUARTER_RANGE: &str = "quarter must be Q1 to Q4";
const MONTH_RANGE: &str = "month must be 01 to 12";
const YEAR_DIGITS: &str = "year must have four digits";
const MONTH_DIGITS: &str = "month must have two digits (as in 2026-03)";
const DAY_DIGITS: &str = "day must have two digits (as in 2026-03-18)";

impl FuzzyDate {
    /// Returns the date a string spells, or why it spells none.
    ///
    /// Accepts exactly the forms of FORMAT.md section 3 (see [`ACCEPTED_FORMS`]) after trimming
    /// surrounding whitespace. The `H` and `Q` letters are accepted in either case (`2026h2`,
    /// `q3 2026`) because that is a harmless typo; output is always the uppercase canonical
    /// form. The prefix forms take exactly one space (`H2 2026`); a space after the year
    /// (`2026 H2`) is rejected with a message naming the canonical spelling, because the table
    /// does not list it and accepting it would invite `2026 - H2` and friends.
    pub fn parse(s: &str) -> Result<FuzzyDate, DateError> {
        let text = s.trim();
        parse_trimmed(text).map_err(|reason| DateError::new(text, reason))
    }

    /// Returns the year date for a YAML integer such as `2026`.
    pub fn from_year(y: i64) -> Result<FuzzyDate, DateError> {
        match i32::try_from(y) {
            Ok(year) if (MIN_YEAR..=MAX_YEAR).contains(&year) => Ok(FuzzyDate::Year(year)),
            _ => Err(DateError::new(&y.to_string(), year_range_reason())),
        }
    }

    /// Returns the first day of the date's interval.
    pub fn start(&self) -> NaiveDate {
        self.interval().0
    }

    /// Returns the last day of the date's interval (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.interval().1
    }

    /// Returns the first and last day (inclusive) of the interval the date stands for.
    pub fn interval(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            FuzzyDate::Year(y) => months_interval(y, 1, 12),
            FuzzyDate::Half(y, h) => {
                let h = u32::from(h.clamp(1, 2));
                months_interval(y, 6 * h - 5, 6 * h)
            }
            FuzzyDate::Quarter(y, q) => {
                let q = u32::from(q.clamp(1, 4));
                months_interval(y, 3 * q - 2, 3 * q)
            }
            FuzzyDate::Month(y, m) => {
                let m = u32::from(m.clamp(1, 12));
                months_interval(y, m, m)
            }
            FuzzyDate::Day(d) => (d, d),
        }
    }

    /// Returns the interval's midpoint: `start + (end - start) / 2` in whole days, rounded down.
    pub fn midpoint(&self) -> NaiveDate {
        let (start, end) = self.interval();
        let half = end.signed_duration_since(start).num_days() / 2;
        u64::try_from(half)
            .ok()
            .and_then(|n| start.checked_add_days(Days::new(n)))
            .unwrap_or(start)
    }

    /// Returns whether the timeline draws the date as a point (a month or a day) or a bar.
    pub fn is_point(&self) -> bool {
        matches!(self, FuzzyDate::Month(..) | FuzzyDate::Day(_))
    }

    /// Returns how precise the date is.
    pub fn precision(&self) -> Precision {
        match self {
            FuzzyDate::Year(_) => Precision::Year,
            FuzzyDate::Half(..) => Precision::Half,
            FuzzyDate::Quarter(..) => Precision::Quarter,
            FuzzyDate::Month(..) => Precision::Month,
            FuzzyDate::Day(_) => Precision::Day,
        }
    }

    /// Returns how the date moved from `self` (old) to `new`, or `None` if both are one interval.
    ///
    /// Containment decides first (refined, widened); otherwise the midpoints decide (slipped,
    /// pulled_in). Two different intervals with one midpoint where neither contains the other
    /// cannot arise from the accepted forms; should it, the move counts as refined when the new
    /// interval is narrower and widened otherwise, since precision is then all that changed.
    pub fn shift_to(&self, new: &FuzzyDate) -> Option<Shift> {
        let (old_start, old_end) = self.interval();
        let (new_start, new_end) = new.interval();
        if (old_start, old_end) == (new_start, new_end) {
            return None;
        }
        let days = new
            .midpoint()
            .signed_duration_since(self.midpoint())
            .num_days();
        let class = if old_start <= new_start && new_end <= old_end {
            ShiftClass::Refined
        } else if new_start <= old_start && old_end <= new_end {
            ShiftClass::Widened
        } else {
            match days.cmp(&0) {
                Ordering::Greater => ShiftClass::Slipped,
                Ordering::Less => ShiftClass::PulledIn,
                Ordering::Equal => {
                    let old_len = old_end.signed_duration_since(old_start);
                    let new_len = new_end.signed_duration_since(new_start);
                    if new_len < old_len {
                        ShiftClass::Refined
                    } else {
                        ShiftClass::Widened
                    }
                }
            }
        };
        Some(Shift { class, days })
    }

    /// Returns a key that tells apart values with one interval, so `Ord` agrees with `Eq`.
    fn tiebreak_key(&self) -> (Precision, i32, u8, NaiveDate) {
        match *self {
            FuzzyDate::Year(y) => (Precision::Year, y, 0, NaiveDate::MIN),
            FuzzyDate::Half(y, h) => (Precision::Half, y, h, NaiveDate::MIN),
            FuzzyDate::Quarter(y, q) => (Precision::Quarter, y, q, NaiveDate::MIN),
            FuzzyDate::Month(y, m) => (Precision::Month, y, m, NaiveDate::MIN),
            FuzzyDate::Day(d) => (Precision::Day, 0, 0, d),
        }
    }
}

/// Returns the date `text` (already trimmed) spells, or the reason it spells none.
fn parse_trimmed(text: &str) -> Result<FuzzyDate, String> {
    if text.is_empty() {
        return Err("the date is empty".to_string());
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
fn parse_year_first(text: &str) -> Result<FuzzyDate, String> {
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
fn parse_suffix(year: i32, rest: &str) -> Result<FuzzyDate, String> {
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
fn parse_month_day(year: i32, text: &str) -> Result<FuzzyDate, String> {
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
fn parse_part_first(text: &str) -> Result<FuzzyDate, String> {
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
fn parse_year(digits: &str) -> Result<i32, String> {
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
fn parse_half(part: &str) -> Result<u8, String> {
    match part {
        "1" => Ok(1),
        "2" => Ok(2),
        _ if part.bytes().all(|b| b.is_ascii_digit()) => Err(HALF_RANGE.to_string()),
        _ => Err(NOT_RECOGNISED.to_string()),
    }
}

/// Returns the quarter `1` to `4` spells.
fn parse_quarter(part: &str) -> Result<u8, String> {
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
fn strip_letter(text: &str, letter: char) -> Option<&str> {
    text.strip_prefix(letter)
        .or_else(|| text.strip_prefix(letter.to_ascii_uppercase()))
}

/// Returns the leading run of ASCII digits and the rest.
fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    // `end` sits after ASCII bytes only, so it is a char boundary.
    text.split_at(end)
}

fn year_range_reason() -> String {
    format!("year must be between {MIN_YEAR} and {MAX_YEAR}")
}

/// Returns whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Returns the number of days in `month` (1..=12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Returns the first day of `first` to the last day of `last` (months 1..=12) of `year`.
fn months_interval(year: i32, first: u32, last: u32) -> (NaiveDate, NaiveDate) {
    (
        ymd(year, first, 1),
        ymd(year, last, days_in_month(year, last)),
    )
}

/// Returns the day, or the nearest end of chrono's range for a year it cannot represent.
fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FuzzyDate::Year(y) => write!(f, "{y}"),
            FuzzyDate::Half(y, h) => write!(f, "{y}H{h}"),
            FuzzyDate::Quarter(y, q) => write!(f, "{y}Q{q}"),
            FuzzyDate::Month(y, m) => write!(f, "{y}-{m:02}"),
            FuzzyDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<FuzzyDate, DateError> {
        FuzzyDate::parse(s)
    }
}

impl Ord for FuzzyDate {
    fn cmp(&self, other: &FuzzyDate) -> Ordering {
        self.interval()
            .cmp(&other.interval())
            .then_with(|| self.tiebreak_key().cmp(&other.tiebreak_key()))
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &FuzzyDate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Accepts a string in any accepted spelling, or an integer year.
struct FuzzyDateVisitor;

impl Visitor<'_> for FuzzyDateVisitor {
    type Value = FuzzyDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a date ({ACCEPTED_FORMS})")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FuzzyDate, E> {
        FuzzyDate::parse(v).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FuzzyDate, E> {
        FuzzyDate::from_year(v).map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FuzzyDate, E> {
        match i64::try_from(v) {
            Ok(year) => FuzzyDate::from_year(year).map_err(E::custom),
            Err(_) => Err(E::custom(DateError::new(
                &v.to_string(),
                year_range_reason(),
            ))),
        }
    }

    // YAML reads `2026.5` as a float; reject it with the date error, not serde's type error.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FuzzyDate, E> {
        Err(E::custom(DateError::new(&v.to_string(), NOT_RECOGNISED)))
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FuzzyDate, D::Error> {
        deserializer.deserialize_any(FuzzyDateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{ACCEPTED_FORMS, DateError, FuzzyDate, Precision, Shift, ShiftClass};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    fn parsed(s: &str) -> FuzzyDate {
        FuzzyDate::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e}"))
    }

    #[test]
    fn every_accepted_spelling_parses_to_its_canonical_form() {
        let cases = [
            ("2026", FuzzyDate::Year(2026), "2026"),
            ("2026H2", FuzzyDate::Half(2026, 2), "2026H2"),
            ("H2 2026", FuzzyDate::Half(2026, 2), "2026H2"),
            ("2026-H2", FuzzyDate::Half(2026, 2), "2026H2"),
            ("2026H1", FuzzyDate::Half(2026, 1), "2026H1"),
            ("2026Q3", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            ("Q3 2026", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            ("2026-Q3", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            ("2026Q1", FuzzyDate::Quarter(2026, 1), "2026Q1"),
            ("Q4 2026", FuzzyDate::Quarter(2026, 4), "2026Q4"),
            ("2026-03", FuzzyDate::Month(2026, 3), "2026-03"),
            ("2026-12", FuzzyDate::Month(2026, 12), "2026-12"),
            ("2026-03-18", FuzzyDate::Day(day(2026, 3, 18)), "2026-03-18"),
            ("2024-02-29", FuzzyDate::Day(day(2024, 2, 29)), "2024-02-29"),
            // Lowercase letters and surrounding whitespace are tolerated.
            ("2026h2", FuzzyDate::Half(2026, 2), "2026H2"),
            ("h1 2026", FuzzyDate::Half(2026, 1), "2026H1"),
            ("2026-h2", FuzzyDate::Half(2026, 2), "2026H2"),
            ("2026q3", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            ("q3 2026", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            ("2026-q4", FuzzyDate::Quarter(2026, 4), "2026Q4"),
            ("  2026Q3\t", FuzzyDate::Quarter(2026, 3), "2026Q3"),
            (
                "\n2026-03-18 ",
                FuzzyDate::Day(day(2026, 3, 18)),
                "2026-03-18",
            ),
            // The ends of the year range.
            ("1900", FuzzyDate::Year(1900), "1900"),
            (
                "2199-12-31",
                FuzzyDate::Day(day(2199, 12, 31)),
                "2199-12-31",
            ),
        ];
        for (input, expected, canonical) in cases {
            let date = parsed(input);
            assert_eq!(date, expected, "{input:?}");
            assert_eq!(date.to_string(), canonical, "{input:?}");
            // The canonical form reads back as the same value.
            assert_eq!(parsed(canonical), expected, "{canonical:?}");
            let via_from_str: FuzzyDate = input.parse().expect("FromStr agrees with parse");
            assert_eq!(via_from_str, expected);
        }
    }

    #[test]
    fn integer_years_come_from_from_year_and_serde() {
        assert_eq!(FuzzyDate::from_year(2026), Ok(FuzzyDate::Year(2026)));
        let too_small = FuzzyDate::from_year(26).expect_err("26 is out of range");
        assert_eq!(
            too_small.message(),
            "invalid date `26`: year must be between 1900 and 2199"
        );
        assert!(FuzzyDate::from_year(2200).is_err());
        assert!(FuzzyDate::from_year(i64::MAX).is_err());
        assert!(FuzzyDate::from_year(-2026).is_err());

        let from_int: FuzzyDate = serde_json::from_str("2026").expect("integer year");
        assert_eq!(from_int, FuzzyDate::Year(2026));
        let from_str: FuzzyDate = serde_json::from_str("\"H2 2026\"").expect("string date");
        assert_eq!(from_str, FuzzyDate::Half(2026, 2));
    }

    #[test]
    fn serde_writes_the_canonical_string_and_reports_bad_dates() {
        let json = serde_json::to_string(&parsed("q3 2026")).expect("serialize");
        assert_eq!(json, "\"2026Q3\"");
        let day_json = serde_json::to_string(&parsed("2026-03-18")).expect("serialize");
        assert_eq!(day_json, "\"2026-03-18\"");

        let bad = serde_json::from_str::<FuzzyDate>("\"2026H3\"").expect_err("bad half");
        assert!(
            bad.to_string()
                .contains("invalid date `2026H3`: half must be H1 or H2"),
            "{bad}"
        );
        let float = serde_json::from_str::<FuzzyDate>("2026.5").expect_err("a float");
        assert!(
            float
                .to_string()
                .contains("invalid date `2026.5`: not a recognised date form"),
            "{float}"
        );
        let small = serde_json::from_str::<FuzzyDate>("26").expect_err("year 26");
        assert!(
            small.to_string().contains("year must be between"),
            "{small}"
        );
        assert!(serde_json::from_str::<FuzzyDate>("true").is_err());
    }

    #[test]
    fn rejected_spellings_say_what_is_wrong() {
        let cases = [
            ("2026H3", "half must be H1 or H2"),
            ("2026H0", "half must be H1 or H2"),
            ("H0 2026", "half must be H1 or H2"),
            ("2026-H12", "half must be H1 or H2"),
            ("Q5 2026", "quarter must be Q1 to Q4"),
            ("2026Q0", "quarter must be Q1 to Q4"),
            ("2026-Q5", "quarter must be Q1 to Q4"),
            (
                "2026-02-30",
                "2026-02-30 is not a day of the calendar (February 2026 has 28 days)",
            ),
            (
                "2023-02-29",
                "2023-02-29 is not a day of the calendar (February 2023 has 28 days)",
            ),
            (
                "2026-04-31",
                "2026-04-31 is not a day of the calendar (April 2026 has 30 days)",
            ),
            (
                "2026-03-00",
                "2026-03-00 is not a day of the calendar (March 2026 has 31 days)",
            ),
            ("2026-13", "month must be 01 to 12"),
            ("2026-00", "month must be 01 to 12"),
            ("2026-13-01", "month must be 01 to 12"),
            ("2026-3", "month must have two digits"),
            ("2026-003", "month must have two digits"),
            ("2026-03-1", "day must have two digits"),
            ("26", "year must have four digits"),
            ("20266", "year must have four digits"),
            ("H2 26", "year must have four digits"),
            ("1899", "year must be between 1900 and 2199"),
            ("2200H1", "year must be between 1900 and 2199"),
            ("Q3 0026", "year must be between 1900 and 2199"),
            ("2026 H2", "no space goes after the year: write `2026H2`"),
            ("2026 q3", "no space goes after the year: write `2026Q3`"),
            ("2026 H3", "half must be H1 or H2"),
            (
                "2026-03-18T00:00",
                "a date has no time of day: write `2026-03-18`",
            ),
            ("2026-03-18 12:00", "a date has no time of day"),
            ("", "the date is empty"),
            ("   ", "the date is empty"),
            ("2026.5", "not a recognised date form"),
            ("soon", "not a recognised date form"),
            ("-2026", "not a recognised date form"),
            ("Q3-2026", "not a recognised date form"),
            ("H2  2026", "not a recognised date form"),
            ("Hello", "not a recognised date form"),
            ("2026H", "half must be H1 or H2"),
            ("2026Hx", "not a recognised date form"),
            ("2026/03", "not a recognised date form"),
            ("2026-03-", "not a recognised date form"),
            ("2026-03-18-01", "not a recognised date form"),
            ("2026é", "not a recognised date form"),
            ("é2026", "not a recognised date form"),
        ];
        for (input, fragment) in cases {
            let err = FuzzyDate::parse(input).expect_err(input);
            assert_eq!(err.input(), input.trim());
            assert!(
                err.message().contains(fragment),
                "{input:?}: {} lacks {fragment:?}",
                err.message()
            );
        }
    }

    #[test]
    fn error_text_has_message_then_hint() {
        let err = FuzzyDate::parse(" 2026H3 ").expect_err("bad half");
        assert_eq!(
            err.message(),
            "invalid date `2026H3`: half must be H1 or H2"
        );
        assert_eq!(err.reason(), "half must be H1 or H2");
        assert_eq!(
            DateError::hint(),
            "accepted forms: 2026, 2026H2 (also H2 2026, 2026-H2), \
             2026Q3 (also Q3 2026, 2026-Q3), 2026-03, 2026-03-18"
        );
        assert_eq!(
            DateError::hint(),
            format!("accepted forms: {ACCEPTED_FORMS}")
        );
        assert_eq!(
            err.to_string(),
            format!("{}; {}", err.message(), DateError::hint())
        );
    }

    #[test]
    fn intervals_follow_the_calendar() {
        let cases = [
            ("2026", day(2026, 1, 1), day(2026, 12, 31)),
            ("2026H1", day(2026, 1, 1), day(2026, 6, 30)),
            ("2026H2", day(2026, 7, 1), day(2026, 12, 31)),
            ("2024Q1", day(2024, 1, 1), day(2024, 3, 31)),
            ("2026Q2", day(2026, 4, 1), day(2026, 6, 30)),
            ("2026Q3", day(2026, 7, 1), day(2026, 9, 30)),
            ("2026Q4", day(2026, 10, 1), day(2026, 12, 31)),
            ("2024-02", day(2024, 2, 1), day(2024, 2, 29)),
            ("2023-02", day(2023, 2, 1), day(2023, 2, 28)),
            ("2000-02", day(2000, 2, 1), day(2000, 2, 29)),
            ("2100-02", day(2100, 2, 1), day(2100, 2, 28)),
            ("2026-04", day(2026, 4, 1), day(2026, 4, 30)),
            ("2026-12", day(2026, 12, 1), day(2026, 12, 31)),
            ("2026-03-18", day(2026, 3, 18), day(2026, 3, 18)),
        ];
        for (input, start, end) in cases {
            let date = parsed(input);
            assert_eq!(date.interval(), (start, end), "{input}");
            assert_eq!(date.start(), start, "{input}");
            assert_eq!(date.end(), end, "{input}");
        }
        assert!(FuzzyDate::parse("2100-02-29").is_err());
    }

    #[test]
    fn midpoint_rounds_down_to_whole_days() {
        assert_eq!(parsed("2027").midpoint(), day(2027, 7, 2));
        assert_eq!(parsed("2027H2").midpoint(), day(2027, 9, 30));
        assert_eq!(parsed("2026H1").midpoint(), day(2026, 4, 1));
        assert_eq!(parsed("2026Q3").midpoint(), day(2026, 8, 15));
        assert_eq!(parsed("2026-02").midpoint(), day(2026, 2, 14));
        assert_eq!(parsed("2026-03-18").midpoint(), day(2026, 3, 18));
    }

    #[test]
    fn precision_and_point_follow_the_variant() {
        let cases = [
            ("2026", Precision::Year, false),
            ("2026H2", Precision::Half, false),
            ("2026Q3", Precision::Quarter, false),
            ("2026-03", Precision::Month, true),
            ("2026-03-18", Precision::Day, true),
        ];
        for (input, precision, point) in cases {
            let date = parsed(input);
            assert_eq!(date.precision(), precision, "{input}");
            assert_eq!(date.is_point(), point, "{input}");
        }
        assert!(Precision::Year < Precision::Day);
        assert_eq!(Precision::Quarter.to_string(), "quarter");
    }

    #[test]
    fn dates_order_by_start_then_end() {
        let mut dates: Vec<FuzzyDate> = [
            "2027",
            "2026-01-01",
            "2026Q2",
            "2026",
            "2026H2",
            "2025-12-31",
            "2026-01",
            "2026H1",
            "2026Q1",
            "2026-07",
        ]
        .into_iter()
        .map(parsed)
        .collect();
        dates.sort();
        let canonical: Vec<String> = dates.iter().map(ToString::to_string).collect();
        assert_eq!(
            canonical,
            [
                "2025-12-31",
                "2026-01-01",
                "2026-01",
                "2026Q1",
                "2026H1",
                "2026",
                "2026Q2",
                "2026-07",
                "2026H2",
                "2027",
            ]
        );
        // Every spelling of one date is one value, equal in order too.
        assert_eq!(
            parsed("H2 2026").cmp(&parsed("2026-h2")),
            std::cmp::Ordering::Equal
        );
    }

    #[test]
    fn hand_built_out_of_range_values_clamp_and_keep_order_consistent_with_eq() {
        let odd = FuzzyDate::Half(2026, 7);
        assert_eq!(odd.interval(), parsed("2026H2").interval());
        assert_ne!(odd, FuzzyDate::Half(2026, 2));
        assert_ne!(
            odd.cmp(&FuzzyDate::Half(2026, 2)),
            std::cmp::Ordering::Equal
        );
        assert_eq!(FuzzyDate::Month(2026, 0).start(), day(2026, 1, 1));
        assert_eq!(FuzzyDate::Quarter(2026, 9).end(), day(2026, 12, 31));
        // A year chrono cannot hold still gives an interval instead of a panic.
        let (start, end) = FuzzyDate::Year(i32::MAX).interval();
        assert!(start <= end);
        assert_eq!(FuzzyDate::Year(i32::MAX).midpoint(), NaiveDate::MAX);
    }

    #[test]
    fn shifts_are_classified_with_signed_midpoint_days() {
        let cases = [
            ("2027", "2027H2", ShiftClass::Refined, 90),
            ("2026Q3", "2026", ShiftClass::Widened, -44),
            ("2026H1", "2026H2", ShiftClass::Slipped, 182),
            ("2026H2", "2026H1", ShiftClass::PulledIn, -182),
            ("2026", "2026-03-18", ShiftClass::Refined, -106),
            ("2026Q4", "2027Q1", ShiftClass::Slipped, 91),
            ("2026-03", "2026Q2", ShiftClass::Slipped, 61),
            ("2026H2", "2026Q2", ShiftClass::PulledIn, -137),
        ];
        for (old, new, class, days) in cases {
            let shift = parsed(old).shift_to(&parsed(new));
            assert_eq!(shift, Some(Shift { class, days }), "{old} -> {new}");
        }
    }

    #[test]
    fn equal_intervals_have_no_shift() {
        assert_eq!(parsed("2026H2").shift_to(&parsed("2026H2")), None);
        assert_eq!(parsed("H2 2026").shift_to(&parsed("2026H2")), None);
        assert_eq!(parsed("2026-03-18").shift_to(&parsed("2026-03-18")), None);
    }

    #[test]
    fn shift_class_names_and_months() {
        let names = [
            (ShiftClass::Refined, "refined"),
            (ShiftClass::Widened, "widened"),
            (ShiftClass::Slipped, "slipped"),
            (ShiftClass::PulledIn, "pulled_in"),
        ];
        for (class, name) in names {
            assert_eq!(class.as_str(), name);
            assert_eq!(class.to_string(), name);
            let json = serde_json::to_string(&class).expect("serialize class");
            assert_eq!(json, format!("\"{name}\""));
        }
        let slip = parsed("2026H1")
            .shift_to(&parsed("2026H2"))
            .expect("a shift");
        assert_eq!(slip.months().round(), 6.0);
        let pull = parsed("2026H2")
            .shift_to(&parsed("2026H1"))
            .expect("a shift");
        assert_eq!(pull.months().round(), -6.0);
        let a_year = Shift {
            class: ShiftClass::Slipped,
            days: 365,
        };
        assert!((a_year.months() - 11.99).abs() < 0.01);
    }
}
