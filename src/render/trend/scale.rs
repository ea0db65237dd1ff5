//! The chart's two axes: a run of whole calendar periods (quarters, halves, years), each split
//! into the same number of cells, so that ticks fall evenly and a day falls in its period by
//! its share of that period's days.

use chrono::{Datelike, Days, NaiveDate};

/// A run of whole periods of `months` months, each `per` cells long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scale {
    /// The month index (`year * 12 + month0`) the first period starts at.
    start: i32,
    months: i32,
    per: usize,
    periods: usize,
}

/// Returns a day's month index: `year * 12 + month0`.
pub(super) fn month_index(day: NaiveDate) -> i32 {
    day.year() * 12 + day.month0() as i32
}

/// Returns the first day of a month index.
pub(super) fn month_start(index: i32) -> NaiveDate {
    let month = index.rem_euclid(12) as u32 + 1;
    NaiveDate::from_ymd_opt(index.div_euclid(12), month, 1).unwrap_or(NaiveDate::MIN)
}

/// Returns how many days a run of months holds.
fn days_between(from: i32, to: i32) -> i64 {
    month_start(to)
        .signed_duration_since(month_start(from))
        .num_days()
        .max(1)
}

impl Scale {
    /// Returns the scale of whole `months`-month periods from the one holding `low` to the
    /// one holding `high`, `per` cells each.
    fn over(low: NaiveDate, high: NaiveDate, months: i32, per: usize) -> Scale {
        let start = month_index(low).div_euclid(months) * months;
        let end = (month_index(high.max(low)).div_euclid(months) + 1) * months;
        Scale {
            start,
            months,
            per,
            periods: ((end - start) / months) as usize,
        }
    }

    /// Returns the across scale for version days `low..=high` in at most `columns` columns:
    /// quarters when each gets a column, else years (or longer), each as wide as fits. None
    /// when not even that fits.
    pub(super) fn across(low: NaiveDate, high: NaiveDate, columns: usize) -> Option<Scale> {
        [3, 12, 24, 60, 120].into_iter().find_map(|months| {
            let scale = Scale::over(low, high, months, 1);
            let per = columns / scale.periods.max(1);
            (per >= 1).then_some(Scale { per, ..scale })
        })
    }

    /// Returns the upward scale for promised days `low..=high` in at most 24 rows, as fine as
    /// fits: three or two a quarter, six or five a year (so a move of half a year shows as a
    /// jump), one a quarter, else one a half, a year or longer; at least 12 rows.
    pub(super) fn upward(low: NaiveDate, high: NaiveDate) -> Scale {
        const MOST: usize = 24;
        let choices = [
            (3, 3),
            (3, 2),
            (6, 3),
            (12, 5),
            (3, 1),
            (6, 1),
            (12, 1),
            (24, 1),
            (60, 1),
        ];
        let mut scale = choices
            .into_iter()
            .map(|(months, per)| Scale::over(low, high, months, per))
            .find(|s| s.cells() <= MOST)
            .unwrap_or_else(|| {
                let years = (high.year() - low.year()).max(1) as usize;
                Scale::over(low, high, 12 * years.div_ceil(MOST) as i32, 1)
            });
        while scale.cells() < 12 {
            scale.periods += 1;
        }
        scale
    }

    /// Returns how many cells the scale spans.
    pub(super) fn cells(&self) -> usize {
        self.per * self.periods
    }

    /// Returns how many cells a period takes.
    pub(super) fn per(&self) -> usize {
        self.per
    }

    /// Returns how many months a period holds.
    pub(super) fn months(&self) -> i32 {
        self.months
    }

    /// Returns the cell a day falls in, or None when it is outside the scale.
    pub(super) fn cell(&self, day: NaiveDate) -> Option<usize> {
        let offset = month_index(day) - self.start;
        let period = offset.div_euclid(self.months);
        if offset < 0 || period as usize >= self.periods {
            return None;
        }
        let from = self.start + period * self.months;
        let months = self.months as usize;
        let within = if months.is_multiple_of(self.per) {
            // A cell is a whole number of months: place by month, so no month straddles two.
            (offset - period * self.months) as usize / (months / self.per)
        } else {
            let into = day.signed_duration_since(month_start(from)).num_days();
            let len = days_between(from, from + self.months);
            (into * self.per as i64 / len) as usize
        };
        Some(period as usize * self.per + within.min(self.per - 1))
    }

    /// Returns the cell a day falls in, clamped to the scale's ends.
    pub(super) fn clamped(&self, day: NaiveDate) -> usize {
        self.cell(day).unwrap_or_else(|| {
            if month_index(day) < self.start {
                0
            } else {
                self.cells() - 1
            }
        })
    }

    /// Returns the day in the middle of a cell.
    pub(super) fn day_at(&self, cell: usize) -> NaiveDate {
        let (period, within) = (cell / self.per, cell % self.per);
        let from = self.start + period as i32 * self.months;
        let len = days_between(from, from + self.months) as u64;
        let into = (2 * within as u64 + 1) * len / (2 * self.per as u64);
        month_start(from)
            .checked_add_days(Days::new(into))
            .unwrap_or(NaiveDate::MAX)
    }

    /// Returns the upward axis's labels, by cell: for quarters, each (`2027Q3`); when a year
    /// has at least four cells, each quarter that begins a cell (a label never names a cell
    /// that holds the quarter before); else each period (`2027H1`, `2027`).
    pub(super) fn labels(&self) -> Vec<(usize, String)> {
        let per_year = self.per * 12 / self.months as usize;
        if self.months == 3 || per_year < 4 {
            return self
                .ticks()
                .map(|(cell, day)| (cell, period_label(day, self.months)))
                .collect();
        }
        (0..self.periods as i32 * self.months / 3)
            .map(|q| month_start(self.start + 3 * q))
            .filter_map(|day| {
                let cell = self.cell(day)?;
                let before = day.pred_opt().and_then(|d| self.cell(d));
                (before != Some(cell)).then(|| (cell, period_label(day, 3)))
            })
            .collect()
    }

    /// Returns about how many days a cell holds.
    pub(super) fn cell_days(&self) -> i64 {
        i64::from(self.months) * 365 / 12 / self.per as i64
    }

    /// Returns how much a cell holds, in words: `a month`, `a quarter`, `73 days`.
    pub(super) fn cell_span(&self) -> String {
        match (self.months, self.per) {
            (3, 3) => "a month".into(),
            (3, 2) => "half a quarter".into(),
            (6, 3) | (12, 6) => "two months".into(),
            (3, 1) | (12, 4) => "a quarter".into(),
            (6, 1) => "a half-year".into(),
            (12, 1) => "a year".into(),
            (months, 1) if months.rem_euclid(12) == 0 => format!("{} years", months / 12),
            (months, per) => format!("about {} days", i64::from(months) * 365 / 12 / per as i64),
        }
    }

    /// Returns each period's first cell and first day, oldest first.
    pub(super) fn ticks(&self) -> impl Iterator<Item = (usize, NaiveDate)> + '_ {
        (0..self.periods).map(|p| {
            let from = self.start + p as i32 * self.months;
            (p * self.per, month_start(from))
        })
    }
}

/// Returns how the upward axis names the period starting on `day`: `2027Q3`, `2027H1`, `2027`.
pub(super) fn period_label(day: NaiveDate, months: i32) -> String {
    match months {
        3 => format!("{}Q{}", day.year(), day.month0() / 3 + 1),
        6 => format!("{}H{}", day.year(), day.month0() / 6 + 1),
        _ => day.year().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::Scale;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn three_rows_a_quarter_are_months() {
        let s = Scale::upward(day(2026, 1, 1), day(2027, 12, 31));
        assert_eq!((s.cells(), s.per(), s.months()), (24, 3, 3));
        assert_eq!(s.cell(day(2026, 1, 31)), Some(0));
        assert_eq!(s.cell(day(2026, 3, 1)), Some(2));
        assert_eq!(s.cell(day(2027, 7, 2)), Some(18));
        assert_eq!(s.cell(day(2028, 1, 1)), None);
        assert_eq!(s.cell(day(2025, 12, 31)), None);
    }

    #[test]
    fn six_years_go_one_row_a_quarter() {
        let s = Scale::upward(day(2024, 2, 1), day(2029, 11, 1));
        assert_eq!((s.cells(), s.per(), s.months()), (24, 1, 3));
        let labels: Vec<String> = s.labels().into_iter().map(|(_, l)| l).collect();
        assert_eq!(labels.first().map(String::as_str), Some("2024Q1"));
        assert_eq!(labels.last().map(String::as_str), Some("2029Q4"));
    }

    #[test]
    fn four_years_go_three_rows_a_half_labelled_by_quarter() {
        let s = Scale::upward(day(2025, 7, 2), day(2029, 4, 1));
        assert_eq!((s.cells(), s.per(), s.months()), (24, 3, 6));
        // 2026 and 2026H2 (their midpoints) are 90 days apart: they must not share a row.
        assert_ne!(s.cell(day(2026, 7, 2)), s.cell(day(2026, 9, 30)));
        let labels = s.labels();
        let first: Vec<(usize, &str)> = labels[..4].iter().map(|(c, l)| (*c, l.as_str())).collect();
        assert_eq!(
            first,
            [(0, "2025Q3"), (3, "2026Q1"), (6, "2026Q3"), (9, "2027Q1")]
        );
        assert_eq!(s.cell_span(), "two months");
    }

    #[test]
    fn a_short_span_still_gets_twelve_rows() {
        let s = Scale::upward(day(2026, 8, 1), day(2026, 8, 1));
        assert_eq!(s.cells(), 12);
    }

    #[test]
    fn columns_split_a_quarter_by_its_days() {
        let s = Scale::across(day(2024, 1, 1), day(2025, 12, 31), 72).unwrap();
        assert_eq!((s.cells(), s.per()), (72, 9));
        assert_eq!(s.cell(day(2024, 1, 1)), Some(0));
        assert_eq!(s.cell(day(2024, 3, 31)), Some(8));
        assert_eq!(s.cell(day(2024, 4, 1)), Some(9));
        assert_eq!(s.day_at(0), day(2024, 1, 6));
        assert_eq!(s.clamped(day(2030, 1, 1)), 71);
    }

    #[test]
    fn too_many_quarters_for_the_columns_go_by_year() {
        let s = Scale::across(day(2020, 1, 1), day(2029, 12, 31), 30).unwrap();
        assert_eq!((s.cells(), s.per(), s.months()), (30, 3, 12));
    }
}
