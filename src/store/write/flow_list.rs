//! Edits of an `entries` list written in flow style, `entries: [{...}, {...}]`: an entry goes
//! in, or comes out, as one item with one comma, and the rest of the line stays as it was.

use std::ops::Range;

use yaml_edit::Sequence;

use super::splice::{Splice, range};

/// Returns the splice that inserts `rendered` into a flow list `[a, b]` after item `after`
/// (else after the last), separated as the list's first two items are (else `, `).
pub fn insert_flow_item(
    list: &Sequence,
    text: &str,
    after: Option<usize>,
    rendered: &str,
) -> Result<Splice, String> {
    let items: Vec<Range<usize>> = list.values().map(|v| range(v.byte_range())).collect();
    let anchor = after
        .and_then(|i| items.get(i))
        .or(items.last())
        .ok_or("the flow list has no item to place the new one beside")?;
    let separator = match items.as_slice() {
        [first, second, ..] if !text[first.end..second.start].contains('#') => {
            &text[first.end..second.start]
        }
        _ => ", ",
    };
    Ok(Splice::insert(anchor.end, format!("{separator}{rendered}")))
}

/// Returns the splice that removes item `index` of a flow list with one comma beside it (the
/// only item leaves `[]`).
pub fn remove_flow_item(list: &Sequence, index: usize) -> Result<Splice, String> {
    let items: Vec<Range<usize>> = list.values().map(|v| range(v.byte_range())).collect();
    let item = items.get(index).ok_or("no such entry")?;
    let cut = match (items.get(index + 1), index.checked_sub(1)) {
        (Some(next), _) => item.start..next.start,
        (None, Some(previous)) => items[previous].end..item.end,
        // The only item: the list becomes `[]`, without the spaces that stood around it.
        (None, None) => {
            let list = range(list.byte_range());
            (list.start + 1).min(item.start)..(list.end - 1).max(item.end)
        }
    };
    Ok(Splice {
        range: cut,
        with: String::new(),
    })
}
