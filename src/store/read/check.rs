//! The rules that span entries: unique ids, predecessors that exist and form no cycle, a date
//! on every entry, unique vendors. Each problem is placed at the field at fault.

use std::collections::HashMap;

use crate::model::closest;

use super::yaml::Pos;
use crate::model::brief;

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

/// How many candidate ids the did-you-mean hints of one vendor's unknown predecessors may
/// compare in all. Each search compares every id, so without a budget a file of unknown
/// predecessors costs the square of its size; with it, the first ones get a suggestion and
/// the rest the plain hint, and a small file (the usual case) gets one for every one.
const SUGGESTION_BUDGET: usize = 50_000;

/// Returns the problems among one vendor's entries, in file order. Every rule costs time
/// linear in the number of entries.
pub fn entries(vendor: &str, places: &[EntryPlaces]) -> Vec<Problem> {
    let vendor = brief(vendor);
    let mut problems = Vec::new();
    // The first entry of each id, which is the entry a predecessor names.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(places.len());
    for (i, place) in places.iter().enumerate() {
        first.entry(place.id.as_str()).or_insert(i);
    }
    let mut budget = SUGGESTION_BUDGET;
    for (i, place) in places.iter().enumerate() {
        let first_of_id = first[place.id.as_str()];
        if first_of_id != i {
            let earlier = &places[first_of_id];
            problems.push(Problem {
                pos: place.at,
                message: format!(
                    "duplicate id `{}`: line {} has it already",
                    brief(&place.id),
                    earlier.at.line
                ),
                hint: Some("ids are unique within a vendor; rename one of the two".into()),
            });
        }
        if !place.dated {
            problems.push(Problem {
                pos: place.at,
                message: format!(
                    "entry `{vendor}/{}` has neither `announced` nor `available`",
                    brief(&place.id)
                ),
                hint: Some(
                    "add at least one date; a year such as `available: 2027` is enough".into(),
                ),
            });
        }
        if let Some((predecessor, pos)) = &place.predecessor
            && !first.contains_key(predecessor.as_str())
        {
            let suggestion = if budget >= places.len() {
                budget -= places.len();
                let others = places.iter().filter(|p| p.id != place.id);
                closest(predecessor, others.map(|p| p.id.as_str()))
            } else {
                None
            };
            let hint = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("a predecessor is the id of another `{vendor}` entry"),
            };
            problems.push(Problem {
                pos: *pos,
                message: format!(
                    "predecessor `{}` is not an entry of `{vendor}`",
                    brief(predecessor)
                ),
                hint: Some(hint),
            });
        }
    }
    problems.extend(cycles(places, &first));
    problems
}

/// How many ids of a predecessor cycle its message names.
const CYCLE_SHOWN: usize = 8;

/// Returns one problem per predecessor cycle, placed at the first entry of the cycle in the file.
///
/// Each id has at most one predecessor, so following them from every entry in file order and
/// marking what was walked finds every cycle visiting each entry once: linear time. Only the
/// first entry of an id takes part; a repeated id is reported as a duplicate.
fn cycles(places: &[EntryPlaces], first: &HashMap<&str, usize>) -> Vec<Problem> {
    /// Where an entry stands in the walk: not reached, on the path being walked (at this
    /// index of it), or done.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnPath(usize),
        Done,
    }
    let next = |i: usize| {
        places[i]
            .predecessor
            .as_ref()
            .and_then(|(p, _)| first.get(p.as_str()).copied())
    };
    let mut marks = vec![Mark::New; places.len()];
    let mut problems = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for start in 0..places.len() {
        if marks[start] != Mark::New || first[places[start].id.as_str()] != start {
            continue;
        }
        path.clear();
        let mut at = Some(start);
        while let Some(i) = at {
            match marks[i] {
                Mark::New => {
                    marks[i] = Mark::OnPath(path.len());
                    path.push(i);
                    at = next(i);
                }
                Mark::OnPath(loop_at) => {
                    problems.push(cycle_problem(places, &path[loop_at..]));
                    break;
                }
                Mark::Done => break,
            }
        }
        for &i in &path {
            marks[i] = Mark::Done;
        }
    }
    // Cycles were found in the order their walks began; report them in file order.
    problems.sort_by_key(|p| (p.pos.line, p.pos.column));
    problems
}

/// Returns the problem of the cycle `members` (in predecessor order), told from its first
/// entry in the file and placed at that entry's predecessor.
fn cycle_problem(places: &[EntryPlaces], members: &[usize]) -> Problem {
    let head = members
        .iter()
        .enumerate()
        .min_by_key(|(_, i)| **i)
        .map_or(0, |(k, _)| k);
    let mut path: Vec<_> = members[head..]
        .iter()
        .chain(&members[..head])
        .map(|i| brief(&places[*i].id))
        .collect();
    path.push(path[0].clone());
    // A cycle of thousands of entries is named by its start and its length, not id by id.
    if path.len() > CYCLE_SHOWN + 1 {
        let more = path.len() - CYCLE_SHOWN - 1;
        path.truncate(CYCLE_SHOWN);
        path.push(format!("… ({more} more) … {}", path[0]).into());
    }
    let entry = &places[members[head]];
    Problem {
        pos: entry.predecessor.as_ref().map_or(entry.at, |(_, pos)| *pos),
        message: format!("predecessor cycle: {}", path.join(" -> ")),
        hint: Some("a predecessor is an earlier product; remove one link of the cycle".into()),
    }
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
    use super::{EntryPlaces, Pos, SUGGESTION_BUDGET, entries};

    fn place(id: &str, line: usize, predecessor: Option<&str>) -> EntryPlaces {
        let pos = Pos {
            line,
            column: 9,
            width: id.len(),
            offset: 0,
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
    fn a_long_cycle_is_named_by_its_start_and_length() {
        let n = 1000;
        let places: Vec<EntryPlaces> = (0..n)
            .map(|i| {
                let id = format!("e{i}");
                let pred = format!("e{}", (i + 1) % n);
                place(&id, 2 * i + 1, Some(&pred))
            })
            .collect();
        let problems = entries("v", &places);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].message,
            "predecessor cycle: e0 -> e1 -> e2 -> e3 -> e4 -> e5 -> e6 -> e7 -> … (992 more) … e0"
        );
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

    /// Returns `n` entries `e0`..: each the predecessor of the next, the first of the last
    /// too when `closed`.
    fn chain(n: usize, closed: bool) -> Vec<EntryPlaces> {
        let ids: Vec<String> = (0..n).map(|i| format!("e{i}")).collect();
        (0..n)
            .map(|i| {
                let predecessor = match i {
                    0 if closed => Some(ids[n - 1].as_str()),
                    0 => None,
                    i => Some(ids[i - 1].as_str()),
                };
                place(&ids[i], 2 * i + 1, predecessor)
            })
            .collect()
    }

    #[test]
    fn a_chain_of_twenty_thousand_is_no_cycle_and_closing_it_is_one() {
        assert_eq!(entries("v", &chain(20_000, false)), []);
        let problems = entries("v", &chain(20_000, true));
        assert_eq!(problems.len(), 1);
        let message = &problems[0].message;
        assert!(message.starts_with("predecessor cycle: e0 -> e19999 -> e19998 -> "));
        assert!(message.ends_with(" -> … (19992 more) … e0"), "{message}");
        assert_eq!(problems[0].pos.line, 2);
    }

    #[test]
    fn many_cycles_and_a_tail_into_one_are_each_reported_once_in_file_order() {
        // e0 leads into the cycle e1 <- e2 <- e1 without being on it; then 10,000 self-cycles.
        let mut places = vec![
            place("e0", 1, Some("e1")),
            place("e1", 3, Some("e2")),
            place("e2", 5, Some("e1")),
        ];
        places.extend((3..10_003).map(|i| {
            let id = format!("e{i}");
            place(&id, 2 * i + 1, Some(&id))
        }));
        let problems = entries("v", &places);
        assert_eq!(problems.len(), 10_001);
        assert_eq!(problems[0].message, "predecessor cycle: e1 -> e2 -> e1");
        assert_eq!(problems[1].message, "predecessor cycle: e3 -> e3");
        assert!(problems.windows(2).all(|w| w[0].pos.line < w[1].pos.line));
    }

    #[test]
    fn an_entry_repeating_an_id_is_not_a_link_of_a_cycle() {
        // The second `a` is reported as a duplicate; `b` names the first `a`, which ends the chain.
        let places = [
            place("a", 1, None),
            place("b", 3, Some("a")),
            place("a", 5, Some("b")),
        ];
        let problems = entries("v", &places);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["duplicate id `a`: line 1 has it already"]);
    }

    #[test]
    fn twenty_thousand_unknown_predecessors_are_each_reported_and_the_first_get_a_suggestion() {
        let places: Vec<EntryPlaces> = (0..20_000)
            .map(|i| place(&format!("e{i}"), 2 * i + 1, Some(&format!("e{i}x"))))
            .collect();
        let problems = entries("v", &places);
        assert_eq!(problems.len(), 20_000);
        assert!(problems.iter().enumerate().all(|(i, p)| {
            p.message == format!("predecessor `e{i}x` is not an entry of `v`")
                && p.pos.line == 2 * i + 2
        }));
        let suggested = problems
            .iter()
            .take_while(|p| {
                p.hint
                    .as_deref()
                    .is_some_and(|h| h.starts_with("did you mean"))
            })
            .count();
        assert_eq!(suggested, SUGGESTION_BUDGET / 20_000);
        assert_eq!(
            problems[suggested].hint.as_deref(),
            Some("a predecessor is the id of another `v` entry")
        );
        // A predecessor that comes later in the file is known all the same.
        let later = [place("a", 1, Some("b")), place("b", 3, None)];
        assert_eq!(entries("v", &later), []);
    }
}
