//! The rules of `check --strict` (docs/format.md section 2): data that is valid but doubtful,
//! each warning placed at the value at fault. A new rule is one function in `STRICT_RULES`.

use super::check::Problem;
use super::yaml::Pos;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;

use crate::model::{Entry, alias_is_name, alias_key, brief, source_key};

/// A valid entry with where its values stand, for the rules of `check --strict`.
pub struct Placed<'e> {
    pub entry: &'e Entry,
    /// The place of each alias and source, as in `entry`'s lists.
    pub aliases: Vec<Pos>,
    pub sources: Vec<Pos>,
}

/// A rule of `check --strict`: the warnings it has about one entry.
type StrictRule = fn(&Placed) -> Vec<Problem>;

/// The rules of `check --strict` (docs/format.md section 2); a new rule is one more function
/// here.
const STRICT_RULES: &[StrictRule] = &[repeated_aliases, repeated_sources];

/// Returns the warnings of `check --strict` about one entry, in file order.
pub fn strict(placed: &Placed) -> Vec<Problem> {
    let mut found: Vec<Problem> = STRICT_RULES.iter().flat_map(|rule| rule(placed)).collect();
    found.sort_by_key(|p| (p.pos.line, p.pos.column));
    found
}

/// Returns whether the entry has anything for the rules to find: most entries have not, and
/// they are checked at every load, so this costs no allocation for them.
pub fn worth_checking(entry: &Entry) -> bool {
    entry.aliases.len() > 1
        || entry.sources.len() > 1
        || entry.aliases.iter().any(|a| alias_is_name(a, &entry.name))
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

fn repeated_aliases(placed: &Placed) -> Vec<Problem> {
    let entry = placed.entry;
    let mut found = Vec::new();
    for (i, alias) in entry.aliases.iter().enumerate() {
        if alias_is_name(alias, &entry.name) {
            found.push(Problem {
                pos: placed.aliases[i],
                message: format!("alias `{}` is the entry's name", brief(alias)),
                hint: Some("remove it: the name is matched already".into()),
            });
        }
    }
    for (i, earlier) in repeats(&entry.aliases, alias_key) {
        if !alias_is_name(&entry.aliases[i], &entry.name) {
            found.push(Problem {
                pos: placed.aliases[i],
                message: format!(
                    "alias `{}` is listed twice (line {} has it)",
                    brief(&entry.aliases[i]),
                    placed.aliases[earlier].line
                ),
                hint: Some("remove one of them; aliases match in any case".into()),
            });
        }
    }
    found
}

fn repeated_sources(placed: &Placed) -> Vec<Problem> {
    repeats(&placed.entry.sources, source_key)
        .into_iter()
        .map(|(i, earlier)| Problem {
            pos: placed.sources[i],
            message: format!(
                "source {} is listed twice (line {} has it)",
                brief(&placed.entry.sources[i]),
                placed.sources[earlier].line
            ),
            hint: Some("remove one of them".into()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Placed, strict};
    use crate::model::Entry;
    use crate::store::read::yaml::Pos;

    fn at(line: usize) -> Pos {
        Pos {
            line,
            column: 5,
            width: 1,
            offset: 0,
        }
    }

    #[test]
    fn repeated_aliases_and_sources_were_not_warned_of() {
        let entry = Entry {
            aliases: ["b1", "B1", "Big", "BIG"].map(String::from).to_vec(),
            sources: [
                "https://a.example/x",
                "https://a.example/y",
                "https://a.example/x/",
            ]
            .map(String::from)
            .to_vec(),
            ..Entry::bare("b1", "B1")
        };
        let placed = Placed {
            entry: &entry,
            aliases: vec![at(10), at(11), at(12), at(13)],
            sources: vec![at(20), at(21), at(22)],
        };
        let found: Vec<(usize, String)> = strict(&placed)
            .into_iter()
            .map(|p| (p.pos.line, p.message))
            .collect();
        assert_eq!(
            found,
            [
                (11, "alias `B1` is the entry's name".to_string()),
                (
                    13,
                    "alias `BIG` is listed twice (line 12 has it)".to_string()
                ),
                (
                    22,
                    "source https://a.example/x/ is listed twice (line 20 has it)".to_string()
                ),
            ]
        );
    }
}
