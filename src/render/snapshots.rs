//! `chipmap snapshot --list`: the snapshots by date, each with its note, fitted to a width.

use std::io::{self, Write};

use crate::store::Snapshot;

use super::table::grid::{Frame, Give, Grid};
use super::visible::shown;
use super::wrap_breaking;

/// Where a snapshot's note starts, under its row.
const NOTE_INDENT: usize = 4;

/// Writes one row per snapshot, in the order given: day, name and size fitted to `width`
/// (a long name wraps at a hyphen), the snapshot's note wrapped under it; nothing cut,
/// nothing wider than `width`.
pub fn write_list(out: &mut dyn Write, snapshots: &[Snapshot], width: usize) -> io::Result<()> {
    let give = |whole, priority| Give {
        whole,
        priority,
        spare: false,
    };
    let grid = Grid {
        header: Vec::new(),
        give: vec![give(true, 3), give(false, 2), give(true, 1)],
        rows: snapshots
            .iter()
            .map(|s| {
                let entries = s.roadmap.entry_count();
                vec![
                    s.meta.taken.to_string(),
                    shown(&s.meta.name).into_owned(),
                    format!("{entries:>4} entries"),
                ]
            })
            .collect(),
    };
    let (indent, gap) = (0, 2);
    let fitted = grid.fit(width, Frame::Plain { indent, gap });
    for (snapshot, row) in snapshots.iter().zip(&grid.rows) {
        grid.write_plain_row(out, &fitted, row, indent, gap)?;
        if let Some(note) = &snapshot.meta.note {
            for line in wrap_breaking(note, width.saturating_sub(NOTE_INDENT)) {
                writeln!(out, "{}{line}", " ".repeat(NOTE_INDENT))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::model::{Roadmap, SnapshotMeta};
    use crate::store::Snapshot;

    use super::write_list;

    fn snapshot(name: &str, note: Option<&str>) -> Snapshot {
        Snapshot {
            meta: SnapshotMeta {
                name: name.to_string(),
                taken: NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
                note: note.map(str::to_string),
                sources: Vec::new(),
            },
            shown: format!("snapshots/{name}.yaml"),
            roadmap: Roadmap::default(),
        }
    }

    #[test]
    fn a_long_name_wraps_in_its_column_and_the_note_goes_under_its_row() {
        let snapshots = [
            snapshot(
                "2026-03-16-gtc-keynote-and-analyst-day",
                Some("NVIDIA GTC 2026 keynote"),
            ),
            snapshot("short", None),
        ];
        let mut out = Vec::new();
        write_list(&mut out, &snapshots, 40).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "2026-03-16  2026-03-16-        0 entries\n\
             \x20           gtc-keynote-\n\
             \x20           and-analyst-\n\
             \x20           day\n\
             \x20   NVIDIA GTC 2026 keynote\n\
             2026-03-16  short              0 entries\n",
        );
    }
}
