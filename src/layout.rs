//! Timeline rows placed on a date axis: which entries are drawn, where, in what order.
//! Pure: it knows nothing of terminals or glyphs; renderers map the years and dates to columns.

use chrono::{Datelike, NaiveDate};

use crate::model::{DateBasis, FuzzyDate, Roadmap, Status};

/// What to lay out: which date places an entry, the year range, and the day that is today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineSpec {
    pub basis: DateBasis,
    /// First year shown; by default the earliest year of a drawn date.
    pub from: Option<i32>,
    /// Last year shown (inclusive); by default the latest year of a drawn date.
    pub to: Option<i32>,
    pub today: NaiveDate,
}

/// The laid-out timeline: an axis from `from` to `to` (whole years) and one lane per vendor.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub basis: DateBasis,
    pub from: i32,
    pub to: i32,
    pub today: NaiveDate,
    pub lanes: Vec<Lane>,
    /// How many entries have no date of the chosen basis.
    pub undated: usize,
    /// Whether those are listed, undrawn, in their lanes: only when no range was asked for,
    /// since an entry without a date cannot be said to fall in one.
    pub undated_listed: bool,
    /// How many entries lie wholly outside `from..=to`.
    pub outside: usize,
}

/// One vendor's rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub vendor: String,
    pub name: String,
    pub rows: Vec<Row>,
}

/// One entry on the axis, drawn over its date's interval. Every accepted date lies within one
/// calendar year and the axis spans whole years, so a date is wholly on the axis or wholly off
/// it (then counted in `outside`). An entry without a date of the chosen basis has `date: None`
/// and is listed, undrawn, at the end of its lane when no range was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub key: String,
    pub name: String,
    pub status: Status,
    /// The date of the chosen basis, which places the row.
    pub date: Option<FuzzyDate>,
    /// Both dates, for a picture's tooltip.
    pub announced: Option<FuzzyDate>,
    pub available: Option<FuzzyDate>,
    pub memory: Option<String>,
    /// The first of the entry's sources: what the row rests on.
    pub source: Option<String>,
}

impl Timeline {
    /// Returns the number of rows over all lanes.
    pub fn row_count(&self) -> usize {
        self.lanes.iter().map(|l| l.rows.len()).sum()
    }

    /// Returns the axis's years as people write them: `2030`, or `2024–2027`.
    pub fn years(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}–{}", self.from, self.to)
        }
    }
}

/// Returns the roadmap laid out on a year axis; rows within a lane are in date order.
pub fn timeline(roadmap: &Roadmap, spec: &TimelineSpec) -> Timeline {
    let dates = || roadmap.entries().filter_map(|(_, e)| e.date(spec.basis));
    let first = dates().map(|d| d.start().year()).min();
    let last = dates().map(|d| d.end().year()).max();
    let this_year = spec.today.year();
    let from = spec.from.or(first).unwrap_or(this_year);
    let to = spec.to.or(last).unwrap_or(this_year).max(from);

    let undated_listed = spec.from.is_none() && spec.to.is_none();
    let mut lanes: Vec<Lane> = Vec::new();
    let (mut outside, mut undated) = (0, 0);
    for (vendor, entry) in roadmap.entries() {
        let date = entry.date(spec.basis);
        let (axis_start, axis_end) = (year_start(from), year_start(to + 1));
        if date.is_some_and(|d| d.end() < axis_start || d.start() >= axis_end) {
            outside += 1;
            continue;
        }
        if date.is_none() {
            undated += 1;
            if !undated_listed {
                continue;
            }
        }
        let row = Row {
            key: entry.key(&vendor.vendor),
            name: entry.name.clone(),
            status: entry.status,
            date,
            announced: entry.announced,
            available: entry.available,
            memory: entry.memory_label(),
            source: entry.sources.first().cloned(),
        };
        match lanes.iter_mut().find(|l| l.vendor == vendor.vendor) {
            Some(lane) => lane.rows.push(row),
            None => lanes.push(Lane {
                vendor: vendor.vendor.clone(),
                name: vendor.name.clone(),
                rows: vec![row],
            }),
        }
    }
    for lane in &mut lanes {
        // Dated rows in date order, then the undated ones (`None` sorts first, so flip it).
        lane.rows.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.name).cmp(&(b.date.is_none(), b.date, &b.name))
        });
    }
    Timeline {
        basis: spec.basis,
        from,
        to,
        today: spec.today,
        lanes,
        undated,
        undated_listed,
        outside,
    }
}

/// Returns January 1 of `year` (clamped to chrono's range, which no roadmap reaches).
pub fn year_start(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{TimelineSpec, timeline};
    use crate::model::{DateBasis, Entry, FuzzyDate, Roadmap, Vendor};

    fn entry(id: &str, available: Option<&str>) -> Entry {
        Entry {
            announced: Some(FuzzyDate::parse("2024").unwrap()),
            available: available.map(|d| FuzzyDate::parse(d).unwrap()),
            ..Entry::bare(id, &id.to_uppercase())
        }
    }

    fn spec(from: Option<i32>, to: Option<i32>) -> TimelineSpec {
        TimelineSpec {
            basis: DateBasis::Available,
            from,
            to,
            today: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
        }
    }

    fn roadmap() -> Roadmap {
        Roadmap {
            vendors: vec![Vendor {
                vendor: "v".into(),
                name: "V".into(),
                entries: vec![
                    entry("late", Some("2027H2")),
                    entry("early", Some("2025")),
                    entry("none", None),
                ],
                ..Vendor::default()
            }],
        }
    }

    #[test]
    fn rows_are_in_date_order_and_the_axis_spans_the_dates() {
        let t = timeline(&roadmap(), &spec(None, None));
        assert_eq!((t.from, t.to), (2025, 2027));
        let names: Vec<&str> = t.lanes[0].rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["EARLY", "LATE", "NONE"]);
        assert_eq!(t.undated, 1);
        assert_eq!(t.lanes[0].rows[2].date, None);
    }

    #[test]
    fn a_narrow_range_drops_what_lies_outside_it() {
        let t = timeline(&roadmap(), &spec(Some(2027), Some(2027)));
        assert_eq!(t.outside, 1, "2025 lies before 2027");
        assert_eq!(t.lanes[0].rows[0].name, "LATE");
        let t = timeline(&roadmap(), &spec(Some(2025), Some(2026)));
        assert_eq!(t.outside, 1, "2027H2 lies past 2026");
        let t = timeline(&roadmap(), &spec(Some(2025), Some(2027)));
        assert_eq!(t.outside, 0);
    }

    #[test]
    fn a_range_drew_the_undated_entries_it_cannot_place() {
        let t = timeline(&roadmap(), &spec(Some(2030), None));
        assert_eq!(t.row_count(), 0, "{t:?}");
        assert_eq!((t.undated, t.undated_listed), (1, false));
        let t = timeline(&roadmap(), &spec(None, Some(2027)));
        assert!(t.lanes[0].rows.iter().all(|r| r.date.is_some()), "{t:?}");
        let t = timeline(&roadmap(), &spec(None, None));
        assert_eq!((t.undated, t.undated_listed), (1, true));
    }
}
