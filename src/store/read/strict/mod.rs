//! The rules of `check --strict` (docs/format.md section 2): data that is valid but doubtful,
//! each warning placed at the value at fault. The decoder marks where the values stand (only
//! for `check`); the rules run once a whole roadmap is read, since some span entries and
//! vendors. A new rule is one function in `RULES`.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::error::Diagnostic;
use crate::model::{Entry, FuzzyDate, Kind, Vendor, alias_key};

use super::check::Problem;
use super::source::SourceFile;
use super::yaml::Pos;

mod dates;
mod lists;
mod urls;

#[cfg(test)]
mod tests;

/// Where the values of one valid entry that the rules read stand in its file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    pub id: Pos,
    pub status: Pos,
    pub confidence: Option<Pos>,
    pub announced: Option<Pos>,
    pub available: Option<Pos>,
    pub memory_type: Option<Pos>,
    /// The place of each alias and source, as in the entry's lists.
    pub aliases: Vec<Pos>,
    pub sources: Vec<Pos>,
}

/// A vendor as the rules see it: its entries and, in the same order, their marks.
#[derive(Debug, Clone, Copy)]
pub struct Marked<'a> {
    pub vendor: &'a Vendor,
    pub marks: &'a [Marks],
}

/// The day the data is checked against: today, or in a snapshot its `taken` day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Today {
    pub day: NaiveDate,
    /// Whether `day` is a snapshot's `taken` day, which the messages say.
    pub snapshot: bool,
}

impl Today {
    /// Returns how a message names the day: `today (2026-11-30)`.
    fn said(&self) -> String {
        match self.snapshot {
            true => format!("the snapshot's `taken` day ({})", self.day),
            false => format!("today ({})", self.day),
        }
    }
}

/// One entry with where its values stand.
pub struct Placed<'e> {
    pub entry: &'e Entry,
    pub marks: &'e Marks,
}

/// What a rule knows besides the entry: the day, the entry's vendor and the whole roadmap.
pub struct Scope<'a> {
    /// `None` when the day is unknown (a snapshot whose header does not decode): the rules
    /// that compare dates with it stay quiet rather than guess.
    pub today: Option<Today>,
    pub vendor: &'a Vendor,
    /// The vendor's entries by id (the first of each id), which `predecessor` names.
    by_id: HashMap<&'a str, &'a Entry>,
    generations: &'a Generations,
}

/// The memory generations of a roadmap (entries of kind `memory`, of any vendor) by each word
/// that names one (id, name, alias, lowercased), with the earliest `available` of the entries
/// that word names and the key of that entry.
type Generations = HashMap<String, (FuzzyDate, String)>;

/// A rule of `check --strict`: the warnings it has about one entry.
type Rule = fn(&Placed, &Scope) -> Vec<Problem>;

/// The rules of `check --strict` (docs/format.md section 2); a new rule is one more function
/// here.
const RULES: &[Rule] = &[
    lists::without_sources,
    lists::repeated_aliases,
    lists::repeated_sources,
    urls::not_http,
    urls::on_a_mirror,
    urls::confirmed_on_one_site,
    dates::status_against_today,
    dates::announced_after_available,
    dates::before_predecessor,
    dates::before_its_memory,
];

/// Returns the warnings about the vendors of one roadmap, each with the index in `vendors` of
/// the vendor it is about, in the order of `vendors` and then of the file. Every rule costs
/// time linear in the size of the roadmap.
pub fn warnings(vendors: &[Marked], today: Option<Today>) -> Vec<(usize, Problem)> {
    let generations = generations(vendors);
    let mut found = Vec::new();
    for (index, marked) in vendors.iter().enumerate() {
        let mut by_id = HashMap::with_capacity(marked.vendor.entries.len());
        for entry in &marked.vendor.entries {
            by_id.entry(entry.id.as_str()).or_insert(entry);
        }
        let scope = Scope {
            today,
            vendor: marked.vendor,
            by_id,
            generations: &generations,
        };
        let mut problems: Vec<Problem> = Vec::new();
        for (entry, marks) in marked.vendor.entries.iter().zip(marked.marks) {
            let placed = Placed { entry, marks };
            problems.extend(RULES.iter().flat_map(|rule| rule(&placed, &scope)));
        }
        problems.sort_by_key(|p| (p.pos.line, p.pos.column));
        found.extend(problems.into_iter().map(|p| (index, p)));
    }
    found
}

/// Returns the warnings of `check --strict` about one roadmap read from `files` (each file's
/// text with the vendors it holds), in file order per file.
pub fn diagnostics(files: &[(SourceFile, Vec<Marked>)], today: Option<Today>) -> Vec<Diagnostic> {
    let vendors: Vec<Marked> = files.iter().flat_map(|(_, v)| v.iter().copied()).collect();
    let file_of: Vec<usize> = files
        .iter()
        .enumerate()
        .flat_map(|(i, (_, v))| std::iter::repeat_n(i, v.len()))
        .collect();
    let mut found: Vec<(usize, Problem)> = warnings(&vendors, today)
        .into_iter()
        .map(|(vendor, problem)| (file_of[vendor], problem))
        .collect();
    // A snapshot holds several vendors in one file: its warnings come in the file's order.
    found.sort_by_key(|(file, p)| (*file, p.pos.line, p.pos.column));
    found
        .into_iter()
        .map(|(file, p)| files[file].0.diag(p.pos, p.message, p.hint).warning())
        .collect()
}

/// Returns the memory generations of the roadmap.
fn generations(vendors: &[Marked]) -> Generations {
    let mut found: Generations = HashMap::new();
    for marked in vendors {
        let memories = marked
            .vendor
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Memory);
        for entry in memories {
            let Some(available) = entry.available else {
                continue;
            };
            let words = [&entry.id, &entry.name].into_iter().chain(&entry.aliases);
            for word in words {
                let slot = found
                    .entry(alias_key(word))
                    .or_insert_with(|| (available, entry.key(&marked.vendor.vendor)));
                if available < slot.0 {
                    *slot = (available, entry.key(&marked.vendor.vendor));
                }
            }
        }
    }
    found
}
