//! The timeline's rows as one JSON value, for a spreadsheet or a script: the axis, the day
//! shown, and each row as laid out (the entries the other formats draw, in their order), with
//! the date shown, its interval and its precision.
//!
//! `vendor` is the vendor's id, as in `list --format json`, and `vendor_name` its name (the
//! lane's title). `end` is inclusive, as `FuzzyDate::interval` gives it. A row without a date
//! of the basis (listed only when no range was asked for) has `date`, `start`, `end` and
//! `precision` null. `outside` and `undated` count the entries left out or undated, as the
//! other formats' notes do.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::layout::Timeline;

#[derive(Serialize)]
struct Document<'a> {
    basis: &'static str,
    from: i32,
    to: i32,
    today: NaiveDate,
    as_of: Option<AsOf<'a>>,
    outside: usize,
    undated: usize,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct AsOf<'a> {
    #[serde(rename = "ref")]
    reference: &'a str,
    taken: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Row<'a> {
    key: &'a str,
    name: &'a str,
    vendor: &'a str,
    vendor_name: &'a str,
    status: &'static str,
    date: Option<String>,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    precision: Option<&'static str>,
}

/// Writes the timeline as pretty-printed JSON and a newline.
pub fn write(
    out: &mut dyn Write,
    t: &Timeline,
    as_of: Option<(&str, Option<NaiveDate>)>,
) -> io::Result<()> {
    let rows = t
        .lanes
        .iter()
        .flat_map(|lane| lane.rows.iter().map(move |row| (lane, row)))
        .map(|(lane, row)| Row {
            key: &row.key,
            name: &row.name,
            vendor: &lane.vendor,
            vendor_name: &lane.name,
            status: row.status.as_str(),
            date: row.date.map(|d| d.to_string()),
            start: row.date.map(|d| d.start()),
            end: row.date.map(|d| d.end()),
            precision: row.date.map(|d| d.precision().as_str()),
        })
        .collect();
    let document = Document {
        basis: t.basis.as_str(),
        from: t.from,
        to: t.to,
        today: t.today,
        as_of: as_of.map(|(reference, taken)| AsOf { reference, taken }),
        outside: t.outside,
        undated: t.undated,
        rows,
    };
    crate::render::json::write_pretty(out, &document)?;
    writeln!(out)
}
