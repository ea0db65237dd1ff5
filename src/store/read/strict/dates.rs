//! The rules of `check --strict` about dates: a status that today contradicts, `announced`
//! after `available`, a chip available before its predecessor or before its memory.
//!
//! Dates are fuzzy (docs/format.md section 3), so two are in the wrong order only when no
//! day of the one can come before any day of the other: `announced: 2024-03` with
//! `available: 2024` is fine; `announced: 2025` with `available: 2024H1` is not.

use crate::model::{FuzzyDate, Kind, Status, alias_key, brief};

use super::{Placed, Problem, Scope};

/// Returns whether every day of `early` comes after every day of `late`: the two are surely
/// in the wrong order.
fn surely_after(early: FuzzyDate, late: FuzzyDate) -> bool {
    early.start() > late.end()
}

/// Returns a warning at the status of an entry `shipping` before its `available` date, or
/// still `announced` or `rumored` after it.
pub(super) fn status_against_today(placed: &Placed, scope: &Scope) -> Vec<Problem> {
    let (entry, pos) = (placed.entry, placed.marks.status);
    let (Some(today), Some(available)) = (scope.today, entry.available) else {
        return Vec::new();
    };
    let problem = match entry.status {
        Status::Shipping if available.start() > today.day => Problem {
            pos,
            message: format!(
                "status is `shipping`, but `available: {available}` starts after {}",
                today.said()
            ),
            hint: Some(
                "write the status the sources gave at that day (`announced`, `sampling`), or correct `available`"
                    .into(),
            ),
        },
        Status::Announced | Status::Rumored if available.end() < today.day => Problem {
            pos,
            message: format!(
                "status is still `{}`, but `available: {available}` ended before {}",
                entry.status.as_str(),
                today.said()
            ),
            hint: Some(
                "update the status (`shipping`, `sampling`, `cancelled`), or move `available` to the date now expected"
                    .into(),
            ),
        },
        _ => return Vec::new(),
    };
    vec![problem]
}

/// Returns a warning at `announced` when it is surely after `available`.
pub(super) fn announced_after_available(placed: &Placed, _: &Scope) -> Vec<Problem> {
    let entry = placed.entry;
    match (entry.announced, entry.available, placed.marks.announced) {
        (Some(announced), Some(available), Some(pos)) if surely_after(announced, available) => {
            vec![Problem {
                pos,
                message: format!(
                    "`announced: {announced}` is after `available: {available}`"
                ),
                hint: Some(
                    "correct one of the two: a product is announced before it is available, or when"
                        .into(),
                ),
            }]
        }
        _ => Vec::new(),
    }
}

/// Returns a warning at `available` when the entry's predecessor is surely available later.
pub(super) fn before_predecessor(placed: &Placed, scope: &Scope) -> Vec<Problem> {
    let entry = placed.entry;
    let predecessor = entry
        .predecessor
        .as_deref()
        .and_then(|id| scope.by_id.get(id));
    match (entry.available, predecessor, placed.marks.available) {
        (Some(available), Some(before), Some(pos)) => match before.available {
            Some(theirs) if surely_after(theirs, available) => vec![Problem {
                pos,
                message: format!(
                    "`available: {available}` is before its predecessor `{}` (available {theirs})",
                    brief(&before.id)
                ),
                hint: Some(
                    "correct one of the two dates, or make `predecessor:` name the product this one follows"
                        .into(),
                ),
            }],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Returns a warning at `memory.type` when it names a memory generation of the roadmap that
/// was surely available only after the chip.
pub(super) fn before_its_memory(placed: &Placed, scope: &Scope) -> Vec<Problem> {
    let entry = placed.entry;
    if entry.kind == Kind::Memory {
        // A memory entry is a generation (or a maker's part of one), not a chip that uses one.
        return Vec::new();
    }
    let kind = entry.memory.as_ref().and_then(|m| m.kind.as_deref());
    let (Some(kind), Some(available), Some(pos)) =
        (kind, entry.available, placed.marks.memory_type)
    else {
        return Vec::new();
    };
    match scope.generations.get(&alias_key(kind)) {
        Some((first, key)) if surely_after(*first, available) => vec![Problem {
            pos,
            message: format!(
                "memory `{}` is available from {first} ({}), after this chip's `available: {available}`",
                brief(kind),
                brief(key)
            ),
            hint: Some(
                "check the chip's date and memory type against its sources, and the date of that memory"
                    .into(),
            ),
        }],
        _ => Vec::new(),
    }
}
