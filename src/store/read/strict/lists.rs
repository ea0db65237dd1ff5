//! The rules of `check --strict` about an entry's lists: no sources at all, a source or an
//! alias listed twice, an alias that is the entry's name.

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;

use crate::model::{alias_is_name, alias_key, brief, source_key};

use super::{Placed, Problem, Scope};

/// Returns a warning at the id of an entry that cites no source.
pub(super) fn without_sources(placed: &Placed, scope: &Scope) -> Vec<Problem> {
    if !placed.entry.sources.is_empty() {
        return Vec::new();
    }
    vec![Problem {
        pos: placed.marks.id,
        message: format!(
            "entry `{}` has no sources",
            brief(&placed.entry.key(&scope.vendor.vendor))
        ),
        hint: Some("add `sources:` with the URL of each page its facts come from".into()),
    }]
}

/// Returns, for each item of `items` whose `key` an earlier one has, its index and the first
/// one's; in one pass, so a list of 100,000 items costs as little as it can.
fn repeats(items: &[String], key: fn(&str) -> String) -> Vec<(usize, usize)> {
    let mut first: HashMap<String, usize> = HashMap::with_capacity(items.len());
    let mut found = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match first.entry(key(item)) {
            Slot::Occupied(earlier) => found.push((i, *earlier.get())),
            Slot::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    found
}

/// Returns a warning at each alias listed twice (in any case) or written as the entry's name.
pub(super) fn repeated_aliases(placed: &Placed, _: &Scope) -> Vec<Problem> {
    let (entry, at) = (placed.entry, &placed.marks.aliases);
    let mut found = Vec::new();
    for (i, alias) in entry.aliases.iter().enumerate() {
        if alias_is_name(alias, &entry.name) {
            found.push(Problem {
                pos: at[i],
                message: format!("alias `{}` is the entry's name", brief(alias)),
                hint: Some("remove it: the name is matched already".into()),
            });
        }
    }
    for (i, earlier) in repeats(&entry.aliases, alias_key) {
        if !alias_is_name(&entry.aliases[i], &entry.name) {
            found.push(Problem {
                pos: at[i],
                message: format!(
                    "alias `{}` is listed twice (line {} has it)",
                    brief(&entry.aliases[i]),
                    at[earlier].line
                ),
                hint: Some("remove one of them; aliases match in any case".into()),
            });
        }
    }
    found
}

/// Returns a warning at each source listed twice (but for one trailing `/`).
pub(super) fn repeated_sources(placed: &Placed, _: &Scope) -> Vec<Problem> {
    let at = &placed.marks.sources;
    repeats(&placed.entry.sources, source_key)
        .into_iter()
        .map(|(i, earlier)| Problem {
            pos: at[i],
            message: format!(
                "source {} is listed twice (line {} has it)",
                brief(&placed.entry.sources[i]),
                at[earlier].line
            ),
            hint: Some("remove one of them".into()),
        })
        .collect()
}
