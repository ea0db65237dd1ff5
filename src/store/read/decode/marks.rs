//! Where the values of a valid entry that the rules of `check --strict` read stand, taken
//! from its fields as the decoder found them.

use crate::store::read::strict::Marks;
use crate::store::read::yaml::{Node, Pos, Value};

use super::get;

/// Returns the marks of an entry from its fields; `at` (the entry) stands for a value the
/// entry lacks, which a valid entry only does for optional ones.
pub(super) fn of(fields: &[(&'static str, &Node)], at: Pos) -> Marks {
    let place = |name: &str| get(fields, name).filter(|n| !n.is_null()).map(|n| n.pos);
    let items = |name: &str| match get(fields, name).map(|n| &n.value) {
        Some(Value::Seq(items)) => items.iter().map(|i| i.pos).collect(),
        _ => Vec::new(),
    };
    let memory_type = match get(fields, "memory").map(|n| &n.value) {
        Some(Value::Map(pairs)) => pairs
            .iter()
            .find(|(k, v)| k.as_scalar() == Some("type") && !v.is_null())
            .map(|(_, v)| v.pos),
        _ => None,
    };
    Marks {
        id: place("id").unwrap_or(at),
        status: place("status").unwrap_or(at),
        confidence: place("confidence"),
        announced: place("announced"),
        available: place("available"),
        memory_type,
        aliases: items("aliases"),
        sources: items("sources"),
    }
}
