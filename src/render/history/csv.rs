//! `history --format csv`: one row per entry and field change (RFC 4180 quoting, by the `csv`
//! crate as `list` writes it).

use std::io::{self, Write};

use super::HistoryView;
use crate::diff::{EntryHistory, Event, FieldChange, FieldValue, Step};
use crate::render::diff::value_text;

/// The columns, in order.
const HEADER: [&str; 12] = [
    "key",
    "name",
    "version",
    "ref",
    "taken",
    "event",
    "path",
    "from",
    "to",
    "shift",
    "days",
    "sources_added",
];

/// Writes one row per entry and field change; a step without fields (a `dropped` or `back`)
/// is one row with an empty path. Each row carries the sources its version added.
pub fn write_csv(out: &mut dyn Write, view: &HistoryView) -> io::Result<()> {
    let mut csv = ::csv::Writer::from_writer(out);
    csv.write_record(HEADER)?;
    for entry in &view.entries {
        for step in &entry.steps {
            if step.fields.is_empty() {
                csv.write_record(row(view, entry, step, None))?;
            }
            for field in &step.fields {
                csv.write_record(row(view, entry, step, Some(field)))?;
            }
        }
    }
    csv.flush()
}

/// Returns the cells of one row, in [`HEADER`]'s order.
fn row(
    view: &HistoryView,
    entry: &EntryHistory,
    step: &Step,
    field: Option<&FieldChange>,
) -> [String; 12] {
    let version = view.version(step.version);
    let event = match step.event {
        Event::Changed => "changed",
        Event::Dropped => "dropped",
        Event::Back => "back",
    };
    let value = |v: Option<&Option<FieldValue>>| {
        v.and_then(Option::as_ref)
            .map(value_text)
            .unwrap_or_default()
    };
    let shift = field.and_then(|f| f.shift);
    [
        entry.key.clone(),
        entry.name.clone(),
        step.version.to_string(),
        version.name.clone(),
        version.taken.map(|d| d.to_string()).unwrap_or_default(),
        event.to_string(),
        field.map(|f| f.path.clone()).unwrap_or_default(),
        value(field.map(|f| &f.old)),
        value(field.map(|f| &f.new)),
        shift
            .map(|s| s.class.as_str().to_string())
            .unwrap_or_default(),
        shift.map(|s| s.days.to_string()).unwrap_or_default(),
        step.sources_added.join(" "),
    ]
}
