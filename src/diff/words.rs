//! Word diffs of prose (docs/format.md section 7): which runs of words were kept and which
//! changed, and when a text was rewritten rather than edited. Renderers only draw the result.

use similar::{Algorithm, DiffTag};

use super::{FieldChange, FieldValue};

/// A text with more words than this on either side is prose and changes word by word;
/// shorter text (`HBM4 -> HBM4E`, a status) reads best as old -> new.
const PROSE_WORDS: usize = 3;

/// How a prose field changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordDiff {
    /// Edited in place: runs of kept words and runs of changed words, in reading order.
    Edited(Vec<Run>),
    /// Mostly rewritten (fewer than half of the old words kept): the two texts whole, their
    /// white space made single spaces.
    Rewritten { old: String, new: String },
    /// Only white space changed (a line break, a doubled space): the words are the same.
    Spacing,
}

/// One run of a word diff. Words are joined by single spaces; white space alone is never a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    /// Words both sides have.
    Kept(String),
    /// Adjacent words that changed: the old ones removed, the new ones put in their place
    /// (either side may be empty, never both).
    Changed { old: String, new: String },
}

impl FieldChange {
    /// Returns the word diff of a text field that holds prose on both sides, else `None`.
    pub fn word_diff(&self) -> Option<WordDiff> {
        match (&self.old, &self.new) {
            (Some(FieldValue::Text(old)), Some(FieldValue::Text(new))) => {
                let (old, new): (Vec<&str>, Vec<&str>) = (
                    old.split_whitespace().collect(),
                    new.split_whitespace().collect(),
                );
                (old.len().max(new.len()) > PROSE_WORDS).then(|| diff_words(&old, &new))
            }
            _ => None,
        }
    }
}

/// Returns the runs from `old` to `new` words, or `Rewritten` when fewer than half of the old
/// words are kept: past that, interleaved runs are harder to read than the two texts.
pub fn diff_words(old: &[&str], new: &[&str]) -> WordDiff {
    let mut runs: Vec<Run> = Vec::new();
    let mut kept = 0;
    for op in similar::capture_diff_slices(Algorithm::Patience, old, new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            kept += old_range.len();
            runs.push(Run::Kept(old[old_range].join(" ")));
            continue;
        }
        // A delete next to an insert is one change: `[-old words-] {+new words+}`.
        let (gone, came) = (&old[old_range], &new[new_range]);
        match runs.last_mut() {
            Some(Run::Changed { old, new }) => {
                append(old, gone);
                append(new, came);
            }
            _ => runs.push(Run::Changed {
                old: gone.join(" "),
                new: came.join(" "),
            }),
        }
    }
    if kept == old.len() && kept == new.len() {
        return WordDiff::Spacing;
    }
    if kept * 2 < old.len() {
        return WordDiff::Rewritten {
            old: old.join(" "),
            new: new.join(" "),
        };
    }
    WordDiff::Edited(runs)
}

fn append(text: &mut String, words: &[&str]) {
    for word in words {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::{Run, WordDiff, diff_words};
    use crate::diff::{FieldChange, FieldValue};

    fn words(old: &str, new: &str) -> WordDiff {
        let (old, new): (Vec<&str>, Vec<&str>) = (
            old.split_whitespace().collect(),
            new.split_whitespace().collect(),
        );
        diff_words(&old, &new)
    }

    fn kept(s: &str) -> Run {
        Run::Kept(s.into())
    }

    fn changed(old: &str, new: &str) -> Run {
        Run::Changed {
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn adjacent_changed_words_were_marked_one_by_one() {
        assert_eq!(
            words(
                "Taped out in 2023. Ships with HBM3E.",
                "Taped out in 2023 in San  Jose. Ships with HBM3E."
            ),
            WordDiff::Edited(vec![
                kept("Taped out in"),
                changed("2023.", "2023 in San Jose."),
                kept("Ships with HBM3E."),
            ])
        );
        assert_eq!(
            words("ships in 2026 with HBM4", "ships in 2027 with HBM4E"),
            WordDiff::Edited(vec![
                kept("ships in"),
                changed("2026", "2027"),
                kept("with"),
                changed("HBM4", "HBM4E"),
            ])
        );
        assert_eq!(
            words("one two three four", "one two three four five"),
            WordDiff::Edited(vec![kept("one two three four"), changed("", "five")])
        );
    }

    #[test]
    fn a_mostly_rewritten_note_was_interleaved_word_by_word() {
        let old = "Computex 2024: a Blackwell refresh for 2025 with more HBM3E than B200's 192GB.";
        let new = "Blackwell Ultra. 12-high HBM3E (8 stacks x 36GB); ~1.4kW; ~1.5x B200 dense FP4.";
        assert_eq!(
            words(old, new),
            WordDiff::Rewritten {
                old: old.into(),
                new: new.into()
            }
        );
        // Half the old words kept is still an edit.
        assert!(matches!(words("a b c d", "a b x y"), WordDiff::Edited(_)));
    }

    #[test]
    fn the_same_words_spaced_otherwise_are_spacing() {
        assert_eq!(words("a b  c d", "a\nb c d"), WordDiff::Spacing);
    }

    #[test]
    fn short_values_and_non_text_are_no_word_diff() {
        let field = |old: &str, new: &str| FieldChange {
            path: "process".into(),
            old: Some(FieldValue::Text(old.into())),
            new: Some(FieldValue::Text(new.into())),
            shift: None,
            corrects: false,
        };
        assert_eq!(field("TSMC N3", "TSMC N3P").word_diff(), None);
        assert!(
            field("TSMC 3nm", "TSMC 3nm (N3P per reports)")
                .word_diff()
                .is_some()
        );
        let mut added = field("", "one two three four five");
        added.old = None;
        assert_eq!(added.word_diff(), None);
    }
}
