//! Unit tests of `FuzzyDate`: spellings, rejections, intervals, order, shifts.

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
fn analysts_shorthand_reads_as_the_canonical_date() {
    let cases = [
        ("1H27", "2027H1"),
        ("2h27", "2027H2"),
        ("2H 2026", "2026H2"),
        ("2H'26", "2026H2"),
        ("H2'26", "2026H2"),
        ("H2 '26", "2026H2"),
        ("H2 26", "2026H2"),
        ("3Q26", "2026Q3"),
        ("3Q 2026", "2026Q3"),
        ("Q3'26", "2026Q3"),
        ("q4 '27", "2027Q4"),
        ("CY2026", "2026"),
        ("cy26", "2026"),
        ("CY 2026", "2026"),
    ];
    for (input, canonical) in cases {
        let date = FuzzyDate::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(date.to_string(), canonical, "{input}");
    }
}

#[test]
fn fiscal_years_and_broken_shorthand_are_refused_with_the_reason() {
    let cases = [
        ("FY27", "a fiscal year is not a calendar period"),
        ("fy2027", "a fiscal year is not a calendar period"),
        ("Q3 FY27", "a fiscal year is not a calendar period"),
        ("1HFY27", "a fiscal year is not a calendar period"),
        ("3H26", "half must be H1 or H2"),
        ("5Q26", "quarter must be Q1 to Q4"),
        ("1H2", "year must have two or four digits"),
        ("1H 202", "year must have two or four digits"),
        ("CY", "year must have two or four digits"),
        ("CY20266", "year must have two or four digits"),
        ("Q3'2", "year must have two or four digits"),
    ];
    for (input, fragment) in cases {
        let err = FuzzyDate::parse(input).expect_err(input);
        assert!(
            err.message().contains(fragment),
            "{input:?}: {} lacks {fragment:?}",
            err.message()
        );
    }
}

#[test]
fn a_typed_day_gets_the_same_precise_messages_as_a_date_in_a_file() {
    assert_eq!(FuzzyDate::parse_day(" 2027-02-28 "), Ok(day(2027, 2, 28)));
    let cases = [
        ("2027-02-29", "(February 2027 has 28 days)"),
        ("2026-13-01", "month must be 01 to 12"),
        (
            "2026H2",
            "a day is needed here (YYYY-MM-DD, as in 2026-07-01), not a half-year",
        ),
        ("2026-03", "not a month"),
        ("garbage", "not a recognised date form"),
    ];
    for (input, fragment) in cases {
        let err = FuzzyDate::parse_day(input).expect_err(input);
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
        "accepted forms: 2026 (also CY2026), 2026H2 (also H2 2026, 2026-H2, 2H26, H2'26), \
         2026Q3 (also Q3 2026, 2026-Q3, 3Q26, Q3'26), 2026-03, 2026-03-18"
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

#[test]
fn a_ten_megabyte_date_is_quoted_by_its_start() {
    let input = format!("2027{}", "x".repeat(10_000_000));
    let err = FuzzyDate::parse(&input).expect_err("not a date");
    assert_eq!(
        err.message(),
        format!(
            "invalid date `2027{}…`: not a recognised date form",
            "x".repeat(56)
        )
    );
}
