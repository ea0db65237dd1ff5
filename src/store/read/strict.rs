//! The rules of `check --strict` (docs/format.md section 2): data that is valid but doubtful,
//! each warning placed at the value at fault. A new rule is one function in `STRICT_RULES`.

use super::check::Problem;
use super::yaml::Pos;
use crate::model::{Entry, alias_is_name, brief, same_alias, same_source};

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

/// Returns, for each item of `items` equal (by `same`) to an earlier one, its index and the
/// earlier one's.
fn repeats(items: &[String], same: fn(&str, &str) -> bool) -> Vec<(usize, usize)> {
    // Lists are a handful of items: comparing each with those before it is cheap.
    (0..items.len())
        .filter_map(|i| (0..i).find(|&j| same(&items[j], &items[i])).map(|j| (i, j)))
        .collect()
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
    for (i, earlier) in repeats(&entry.aliases, same_alias) {
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
    repeats(&placed.entry.sources, same_source)
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
    use crate::model::{Entry, Kind, Status};
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
            id: "b1".into(),
            name: "B1".into(),
            kind: Kind::Gpu,
            family: None,
            status: Status::Announced,
            confidence: None,
            announced: None,
            available: None,
            process: None,
            memory: None,
            predecessor: None,
            aliases: ["b1", "B1", "Big", "BIG"].map(String::from).to_vec(),
            specs: Vec::new(),
            sources: [
                "https://a.example/x",
                "https://a.example/y",
                "https://a.example/x/",
            ]
            .map(String::from)
            .to_vec(),
            notes: None,
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
