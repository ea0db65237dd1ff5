//! The rules that span entries: unique ids, predecessors that exist and form no cycle, a date
//! on every entry, unique vendors. Each problem is placed at the field at fault.

use std::collections::HashMap;

use crate::model::closest;

use super::yaml::Pos;

/// Where an entry's id (and predecessor) stand, as the decoder found them.
#[derive(Debug, Clone)]
pub struct EntryPlaces {
    pub id: String,
    pub at: Pos,
    pub predecessor: Option<(String, Pos)>,
    /// Whether the entry has `announced` or `available`.
    pub dated: bool,
}

/// One broken rule and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub pos: Pos,
    pub message: String,
    pub hint: Option<String>,
}

/// Returns the problems among one vendor's entries, in file order.
pub fn entries(vendor: &str, places: &[EntryPlaces]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut first: HashMap<&str, &EntryPlaces> = HashMap::with_capacity(places.len());
    for place in places {
        if let Some(earlier) = first.get(place.id.as_str()) {
            problems.push(Problem {
                pos: place.at,
                message: format!(
                    "duplicate id `{}`: line {} has it already",
                    place.id, earlier.at.line
                ),
                hint: Some("ids are unique within a vendor; rename one of the two".into()),
            });
        } else {
            first.insert(&place.id, place);
        }
        if !place.dated {
            problems.push(Problem {
                pos: place.at,
                message: format!(
                    "entry `{vendor}/{}` has neither `announced` nor `available`",
                    place.id
                ),
                hint: Some(
                    "add at least one date; a year such as `available: 2027` is enough".into(),
                ),
            });
        }
        if let Some((predecessor, pos)) = &place.predecessor
            && !first.contains_key(predecessor.as_str())
            && !places.iter().any(|p| p.id == *predecessor)
        {
            let others = places.iter().filter(|p| p.id != place.id);
            let hint = match closest(predecessor, others.map(|p| p.id.as_str())) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("a predecessor is the id of another `{vendor}` entry"),
            };
            problems.push(Problem {
                pos: *pos,
                message: format!("predecessor `{predecessor}` is not an entry of `{vendor}`"),
                hint: Some(hint),
            });
        }
    }
    problems.extend(cycles(places, &first));
    problems
}

/// Returns one problem per predecessor cycle, placed at the first entry of the cycle in the file.
fn cycles(places: &[EntryPlaces], by_id: &HashMap<&str, &EntryPlaces>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut reported: Vec<&str> = Vec::new();
    for start in places {
        let mut chain: Vec<&str> = vec![&start.id];
        let mut current = start;
        while let Some(next) = current
            .predecessor
            .as_ref()
            .and_then(|(p, _)| by_id.get(p.as_str()))
        {
            if let Some(loop_at) = chain.iter().position(|id| *id == next.id) {
                let cycle = &chain[loop_at..];
                if loop_at == 0 && !cycle.iter().any(|id| reported.contains(id)) {
                    reported.extend(cycle.iter().copied());
                    let mut path: Vec<&str> = cycle.to_vec();
                    path.push(cycle[0]);
                    let pos = start.predecessor.as_ref().map_or(start.at, |(_, pos)| *pos);
                    problems.push(Problem {
                        pos,
                        message: format!("predecessor cycle: {}", path.join(" -> ")),
                        hint: Some(
                            "a predecessor is an earlier product; remove one link of the cycle"
                                .into(),
                        ),
                    });
                }
                break;
            }
            chain.push(&next.id);
            current = next;
        }
    }
    problems
}

/// Returns a problem for every vendor id that an earlier vendor already has.
pub fn vendor_ids<'a>(vendors: impl Iterator<Item = (&'a str, Pos)>) -> Vec<Problem> {
    let mut seen: HashMap<&str, Pos> = HashMap::new();
    let mut problems = Vec::new();
    for (id, pos) in vendors {
        match seen.get(id) {
            Some(earlier) => problems.push(Problem {
                pos,
                message: format!(
                    "duplicate vendor `{id}`: line {} has it already",
                    earlier.line
                ),
                hint: Some("each vendor appears once".into()),
            }),
            None => {
                seen.insert(id, pos);
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::{EntryPlaces, Pos, entries};

    fn place(id: &str, line: usize, predecessor: Option<&str>) -> EntryPlaces {
        let pos = Pos {
            line,
            column: 9,
            width: id.len(),
        };
        EntryPlaces {
            id: id.into(),
            at: pos,
            predecessor: predecessor.map(|p| {
                (
                    p.to_string(),
                    Pos {
                        line: line + 1,
                        ..pos
                    },
                )
            }),
            dated: true,
        }
    }

    #[test]
    fn a_cycle_is_reported_once_at_its_first_entry() {
        let places = [
            place("a", 1, Some("c")),
            place("b", 3, Some("a")),
            place("c", 5, Some("b")),
        ];
        let problems = entries("v", &places);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].message, "predecessor cycle: a -> c -> b -> a");
        assert_eq!(problems[0].pos.line, 2);
    }

    #[test]
    fn self_predecessor_is_a_cycle_and_chains_are_fine() {
        let problems = entries("v", &[place("a", 1, Some("a"))]);
        assert_eq!(problems[0].message, "predecessor cycle: a -> a");
        assert!(entries("v", &[place("a", 1, None), place("b", 3, Some("a"))]).is_empty());
    }

    #[test]
    fn unknown_predecessor_suggests_a_close_id() {
        let problems = entries(
            "nvidia",
            &[place("h100", 1, None), place("h200", 3, Some("h10"))],
        );
        assert_eq!(
            problems[0].message,
            "predecessor `h10` is not an entry of `nvidia`"
        );
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean `h100`?"));
    }
}
