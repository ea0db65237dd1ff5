//! Where each entry's points are drawn: at its version's column, or, where several entries'
//! points fall in one cell, side by side to its right in legend order, so every glyph shows.

use std::collections::{BTreeMap, HashMap};

/// Each entry's drawn point in each version, and how they were placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Points {
    /// Per entry, per version: the point's column and row, or None where it has none.
    pub at: Vec<Vec<Option<(usize, usize)>>>,
    /// Whether some point stands right of its version's column, beside another entry's.
    pub aside: bool,
    /// Whether every point found a free column to its right within the width.
    pub fits: bool,
}

/// Returns where to draw the points whose cells (version column, row) are `cells`, per entry
/// and version, in `width` columns: entries sharing a cell stand side by side, the first
/// (in legend order) at the version's column, each next one in the next column to the right
/// that no other entry's point holds. Where the width runs out, the nearest such column to
/// the left.
pub(super) fn place(cells: &[Vec<Option<(usize, usize)>>], width: usize) -> Points {
    // By row, then column, the entries with a point in that cell, in legend order.
    let mut shared: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (entry, versions) in cells.iter().enumerate() {
        for &(x, y) in versions.iter().flatten() {
            let here = shared.entry((y, x)).or_default();
            if !here.contains(&entry) {
                here.push(entry);
            }
        }
    }
    // Who is drawn in each cell so far: each shared cell's first entry, then those set aside.
    let mut drawn: HashMap<(usize, usize), usize> =
        shared.iter().map(|(&(y, x), e)| ((x, y), e[0])).collect();
    let mut moved: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
    let (mut aside, mut fits) = (false, true);
    for (&(y, x), entries) in &shared {
        let mut last = x;
        for &entry in &entries[1..] {
            // A cell with the entry's own point (a later version's) takes it as well.
            let free = |c: &usize| drawn.get(&(*c, y)).is_none_or(|e| *e == entry);
            let column = (last + 1..width).find(free).unwrap_or_else(|| {
                fits = false;
                (0..x).rev().find(free).unwrap_or(x)
            });
            drawn.insert((column, y), entry);
            moved.insert((entry, x, y), column);
            aside = true;
            last = column.max(last);
        }
    }
    let at = cells
        .iter()
        .enumerate()
        .map(|(entry, versions)| {
            versions
                .iter()
                .map(|cell| cell.map(|(x, y)| (moved.get(&(entry, x, y)).copied().unwrap_or(x), y)))
                .collect()
        })
        .collect();
    Points { at, aside, fits }
}

#[cfg(test)]
mod tests {
    use super::place;

    #[test]
    fn points_in_one_cell_stand_side_by_side_in_legend_order() {
        let cells = vec![
            vec![Some((2, 0)), Some((5, 1))],
            vec![Some((2, 0)), Some((5, 1))],
            vec![None, Some((5, 1))],
        ];
        let points = place(&cells, 10);
        assert_eq!(
            points.at,
            [
                vec![Some((2, 0)), Some((5, 1))],
                vec![Some((3, 0)), Some((6, 1))],
                vec![None, Some((7, 1))],
            ]
        );
        assert!(points.aside && points.fits);
    }

    #[test]
    fn a_point_aside_skips_the_next_versions_point() {
        let cells = vec![vec![Some((2, 0)), Some((3, 0))], vec![Some((2, 0)), None]];
        let points = place(&cells, 10);
        assert_eq!(points.at[1], [Some((4, 0)), None]);
    }

    #[test]
    fn a_point_aside_joins_its_own_point_in_the_next_version() {
        let cells = vec![vec![Some((2, 0)), None], vec![Some((2, 0)), Some((3, 0))]];
        let points = place(&cells, 10);
        assert_eq!(points.at[1], [Some((3, 0)), Some((3, 0))]);
    }

    #[test]
    fn at_the_right_edge_a_point_goes_left_and_says_it_did_not_fit() {
        let cells = vec![vec![Some((9, 0))], vec![Some((9, 0))]];
        let points = place(&cells, 10);
        assert_eq!(points.at[1], [Some((8, 0))]);
        assert!(!points.fits);
        let alone = place(&cells[..1], 10);
        assert!(!alone.aside && alone.fits);
    }
}
