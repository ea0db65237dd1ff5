//! Fuzzy roadmap dates (docs/format.md section 3): parsing, canonical form, intervals, order and shifts.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod parse;
mod shorthand;

use parse::{months_interval, parse_trimmed, year_range_reason};

// A macro rather than a plain const so the same literal can also be glued into the hint with
// `concat!`, which only takes literals; `DateError::hint` must hand out a `&'static str`.
macro_rules! accepted_forms {
    () => {
        "2026 (also CY2026), 2026H2 (also H2 2026, 2026-H2, 2H26, H2'26), \
         2026Q3 (also Q3 2026, 2026-Q3, 3Q26, Q3'26), 2026-03, 2026-03-18"
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

/// How a date moved between two versions of an entry (docs/format.md section 3).
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
            // Only what a message quotes: a 1 GB value is not copied whole.
            input: super::brief(input).into_owned(),
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

    /// Returns whether the input looks like no date form at all (rather than a date with a
    /// part out of range), so a caller may read it as something else.
    pub fn is_unrecognised(&self) -> bool {
        self.reason == NOT_RECOGNISED
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
    /// Accepts exactly the forms of docs/format.md section 3 (see [`ACCEPTED_FORMS`]) after trimming
    /// surrounding whitespace. The `H` and `Q` letters are accepted in either case (`2026h2`,
    /// `q3 2026`) because that is a harmless typo; output is always the uppercase canonical
    /// form. The prefix forms take exactly one space (`H2 2026`); a space after the year
    /// (`2026 H2`) is rejected with a message naming the canonical spelling, because the table
    /// does not list it and accepting it would invite `2026 - H2` and friends.
    pub fn parse(s: &str) -> Result<FuzzyDate, DateError> {
        let text = s.trim();
        parse_trimmed(text).map_err(|reason| DateError::new(text, reason))
    }

    /// Returns the day `s` spells, for an input that must name one day (a snapshot's `taken`,
    /// today): every date message of [`FuzzyDate::parse`], and a coarser date is refused
    /// with what it is (`2026H2` is a half-year).
    pub fn parse_day(s: &str) -> Result<NaiveDate, DateError> {
        let text = s.trim();
        match FuzzyDate::parse(text)? {
            FuzzyDate::Day(day) => Ok(day),
            coarser => Err(DateError::new(
                text,
                format!(
                    "a day is needed here (YYYY-MM-DD, as in {}), not a {}",
                    coarser.start(),
                    match coarser.precision() {
                        Precision::Half => "half-year",
                        precision => precision.as_str(),
                    }
                ),
            )),
        }
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
mod tests;
