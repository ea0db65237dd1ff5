//! The field-by-field comparison of two versions of one entry (docs/format.md sections 2 and 7).

use std::collections::{BTreeMap, HashSet};

use super::{FieldChange, FieldValue};
use crate::model::{Entry, FuzzyDate, ShiftClass, SpecValue};

/// Returns every field that differs from `old` to `new`, in the order of docs/format.md section 2.
///
/// Values that mean the same are not changes: dates, numbers and spec values compare by value,
/// `aliases` and `sources` as sets. `id` differs, and so appears, only for a rename.
pub(super) fn field_changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    let mut fields = Fields(Vec::new());
    fields.text("id", Some(&old.id), Some(&new.id));
    fields.text("name", Some(&old.name), Some(&new.name));
    fields.text("kind", Some(old.kind.as_str()), Some(new.kind.as_str()));
    fields.text("family", old.family.as_deref(), new.family.as_deref());
    fields.text(
        "status",
        Some(old.status.as_str()),
        Some(new.status.as_str()),
    );
    fields.text(
        "confidence",
        old.confidence.map(|c| c.as_str()),
        new.confidence.map(|c| c.as_str()),
    );
    fields.date("announced", old.announced, new.announced);
    fields.date("available", old.available, new.available);
    fields.text("process", old.process.as_deref(), new.process.as_deref());
    let (old_memory, new_memory) = (old.memory.as_ref(), new.memory.as_ref());
    fields.text(
        "memory.type",
        old_memory.and_then(|m| m.kind.as_deref()),
        new_memory.and_then(|m| m.kind.as_deref()),
    );
    fields.number(
        "memory.capacity_gb",
        old_memory.and_then(|m| m.capacity_gb),
        new_memory.and_then(|m| m.capacity_gb),
    );
    fields.number(
        "memory.bandwidth_tbs",
        old_memory.and_then(|m| m.bandwidth_tbs),
        new_memory.and_then(|m| m.bandwidth_tbs),
    );
    fields.text(
        "predecessor",
        old.predecessor.as_deref(),
        new.predecessor.as_deref(),
    );
    fields.set("aliases", &old.aliases, &new.aliases);
    fields.specs(&old.specs, &new.specs);
    fields.set("sources", &old.sources, &new.sources);
    fields.text("notes", old.notes.as_deref(), new.notes.as_deref());
    if old.status.has_shipped() {
        for field in &mut fields.0 {
            field.corrects = field
                .shift
                .is_some_and(|s| matches!(s.class, ShiftClass::Slipped | ShiftClass::PulledIn));
        }
    }
    fields.0
}

/// The changed fields found so far, in the order they were compared.
struct Fields(Vec<FieldChange>);

impl Fields {
    fn push(&mut self, path: &str, old: Option<FieldValue>, new: Option<FieldValue>) {
        self.0.push(FieldChange {
            path: path.to_string(),
            old,
            new,
            shift: None,
            corrects: false,
        });
    }

    /// Compares a string or an enum word.
    fn text(&mut self, path: &str, old: Option<&str>, new: Option<&str>) {
        if old != new {
            let value = |s: &str| FieldValue::Text(s.to_string());
            self.push(path, old.map(value), new.map(value));
        }
    }

    /// Compares a number by value (`80` and `80.0` are one number).
    fn number(&mut self, path: &str, old: Option<f64>, new: Option<f64>) {
        if old != new {
            self.push(
                path,
                old.map(FieldValue::Number),
                new.map(FieldValue::Number),
            );
        }
    }

    /// Compares a date by value; a date on both sides also carries how it moved.
    fn date(&mut self, path: &str, old: Option<FuzzyDate>, new: Option<FuzzyDate>) {
        if old != new {
            self.push(path, old.map(FieldValue::Date), new.map(FieldValue::Date));
            if let (Some(old), Some(new), Some(change)) = (old, new, self.0.last_mut()) {
                change.shift = old.shift_to(&new);
            }
        }
    }

    /// Compares two lists as sets; when they differ, reports both lists in full.
    fn set(&mut self, path: &str, old: &[String], new: &[String]) {
        if !same_set(old, new) {
            let value =
                |list: &[String]| (!list.is_empty()).then(|| FieldValue::List(list.to_vec()));
            self.push(path, value(old), value(new));
        }
    }

    /// Compares the specs one name at a time, over the union of names sorted.
    fn specs(&mut self, old: &[(String, SpecValue)], new: &[(String, SpecValue)]) {
        if old == new {
            return;
        }
        type Sides<'a> = (Option<&'a SpecValue>, Option<&'a SpecValue>);
        let mut union: BTreeMap<&str, Sides<'_>> = BTreeMap::new();
        for (name, value) in old {
            union.entry(name).or_default().0.get_or_insert(value);
        }
        for (name, value) in new {
            union.entry(name).or_default().1.get_or_insert(value);
        }
        for (name, (old, new)) in union {
            if old != new {
                self.push(
                    &format!("specs.{name}"),
                    old.map(spec_value),
                    new.map(spec_value),
                );
            }
        }
    }
}

/// Returns whether two lists hold the same strings, ignoring order and duplicates.
fn same_set(old: &[String], new: &[String]) -> bool {
    old == new
        || old.iter().map(String::as_str).collect::<HashSet<_>>()
            == new.iter().map(String::as_str).collect::<HashSet<_>>()
}

fn spec_value(value: &SpecValue) -> FieldValue {
    match value {
        SpecValue::Number(n) => FieldValue::Number(*n),
        SpecValue::Bool(b) => FieldValue::Bool(*b),
        SpecValue::Text(t) => FieldValue::Text(t.clone()),
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::field_changes;
    use crate::diff::{FieldChange, FieldValue};
    use crate::model::{
        Confidence, Entry, FuzzyDate, Kind, Memory, Shift, ShiftClass, SpecValue, Status,
    };

    /// Returns the date a string spells; panics on a bad one.
    pub(in crate::diff) fn date(s: &str) -> FuzzyDate {
        FuzzyDate::parse(s).expect("a valid date")
    }

    /// Returns a GPU entry, announced, available in 2026, with nothing else set.
    pub(in crate::diff) fn entry(id: &str, name: &str) -> Entry {
        Entry {
            available: Some(date("2026")),
            ..Entry::bare(id, name)
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn text(s: &str) -> Option<FieldValue> {
        Some(FieldValue::Text(s.to_string()))
    }

    fn paths(fields: &[FieldChange]) -> Vec<&str> {
        fields.iter().map(|f| f.path.as_str()).collect()
    }

    /// Returns the shift of `available` moving from `old` to `new`.
    fn available_shift(old: &str, new: &str) -> Option<Shift> {
        let mut before = entry("x", "X");
        before.available = Some(date(old));
        let mut after = before.clone();
        after.available = Some(date(new));
        let fields = field_changes(&before, &after);
        assert_eq!(paths(&fields), ["available"]);
        assert_eq!(fields[0].old, Some(FieldValue::Date(date(old))));
        assert_eq!(fields[0].new, Some(FieldValue::Date(date(new))));
        fields[0].shift
    }

    #[test]
    fn each_shift_class_with_its_days() {
        let shift = |class, days| Some(Shift { class, days });
        assert_eq!(
            available_shift("2027", "2027H2"),
            shift(ShiftClass::Refined, 90)
        );
        assert_eq!(
            available_shift("2026Q3", "2026"),
            shift(ShiftClass::Widened, -44)
        );
        assert_eq!(
            available_shift("2026H1", "2026H2"),
            shift(ShiftClass::Slipped, 182)
        );
        assert_eq!(
            available_shift("2027Q2", "2027Q1"),
            shift(ShiftClass::PulledIn, -91)
        );
    }

    #[test]
    fn a_date_on_one_side_only_has_no_shift() {
        let old = entry("x", "X");
        let mut new = old.clone();
        new.announced = Some(date("2025-03-18"));
        new.available = None;
        let fields = field_changes(&old, &new);
        assert_eq!(paths(&fields), ["announced", "available"]);
        assert_eq!(fields[0].old, None);
        assert_eq!(fields[1].new, None);
        assert!(fields.iter().all(|f| f.shift.is_none()));
    }

    #[test]
    fn values_that_mean_the_same_are_not_changes() {
        let mut old = entry("x", "X");
        old.available = Some(date("H2 2026"));
        old.memory = Some(Memory {
            kind: Some("HBM3E".into()),
            capacity_gb: Some(80.0),
            bandwidth_tbs: None,
        });
        old.specs = vec![
            ("tdp_w".into(), SpecValue::Number(700.0)),
            ("fp8".into(), SpecValue::Bool(true)),
        ];
        old.aliases = strings(&["GH100", "gh-100"]);
        old.sources = strings(&["https://a", "https://b"]);
        let mut new = old.clone();
        new.available = Some(date("2026H2"));
        // `80` in one file, `80.0` in the other: both load as one number.
        new.memory.as_mut().expect("memory").capacity_gb = Some(f64::from(80_u8));
        new.specs.reverse();
        new.aliases = strings(&["gh-100", "GH100", "GH100"]);
        new.sources = strings(&["https://b", "https://a"]);
        assert_eq!(field_changes(&old, &new), []);
    }

    #[test]
    fn status_and_text_fields_change_as_words() {
        let old = entry("x", "X");
        let mut new = old.clone();
        new.status = Status::Cancelled;
        new.kind = Kind::Accelerator;
        new.confidence = Some(Confidence::Reported);
        new.notes = Some("dropped".into());
        let fields = field_changes(&old, &new);
        assert_eq!(paths(&fields), ["kind", "status", "confidence", "notes"]);
        assert_eq!(
            (&fields[1].old, &fields[1].new),
            (&text("announced"), &text("cancelled"))
        );
        assert_eq!((&fields[2].old, &fields[2].new), (&None, &text("reported")));
    }

    #[test]
    fn memory_and_specs_are_compared_by_nested_path() {
        let mut old = entry("x", "X");
        old.memory = Some(Memory {
            kind: Some("HBM3E".into()),
            capacity_gb: Some(576.0),
            bandwidth_tbs: Some(8.0),
        });
        old.specs = vec![
            ("tdp_w".into(), SpecValue::Number(1000.0)),
            ("nvlink".into(), SpecValue::Text("5".into())),
        ];
        let mut new = old.clone();
        new.memory = Some(Memory {
            kind: Some("HBM4".into()),
            capacity_gb: Some(1024.0),
            bandwidth_tbs: None,
        });
        new.specs = vec![
            ("tdp_w".into(), SpecValue::Number(1400.0)),
            ("fp4_pflops".into(), SpecValue::Number(15.5)),
        ];
        let fields = field_changes(&old, &new);
        let expected = [
            "memory.type",
            "memory.capacity_gb",
            "memory.bandwidth_tbs",
            "specs.fp4_pflops",
            "specs.nvlink",
            "specs.tdp_w",
        ];
        assert_eq!(paths(&fields), expected);
        assert_eq!(fields[1].new, Some(FieldValue::Number(1024.0)));
        assert_eq!(
            (&fields[2].old, &fields[2].new),
            (&Some(FieldValue::Number(8.0)), &None)
        );
        assert_eq!(
            (&fields[3].old, &fields[3].new),
            (&None, &Some(FieldValue::Number(15.5)))
        );
        assert_eq!((&fields[4].old, &fields[4].new), (&text("5"), &None));
        assert_eq!(fields[5].old, Some(FieldValue::Number(1000.0)));

        let mut gone = old.clone();
        gone.memory = None;
        let fields = field_changes(&old, &gone);
        assert_eq!(paths(&fields), expected[..3]);
        assert!(fields.iter().all(|f| f.new.is_none()));
    }

    #[test]
    fn lists_that_differ_are_reported_in_full() {
        let mut old = entry("x", "X");
        old.aliases = strings(&["GH100"]);
        old.sources = strings(&["https://a", "https://b"]);
        let mut new = old.clone();
        new.aliases = Vec::new();
        new.sources = strings(&["https://b", "https://c", "https://a"]);
        let fields = field_changes(&old, &new);
        assert_eq!(paths(&fields), ["aliases", "sources"]);
        assert_eq!(fields[0].old, Some(FieldValue::List(strings(&["GH100"]))));
        assert_eq!(fields[0].new, None);
        let all = strings(&["https://b", "https://c", "https://a"]);
        assert_eq!(fields[1].new, Some(FieldValue::List(all)));
    }

    #[test]
    fn fields_come_in_the_order_of_the_format() {
        let old = entry("a", "A");
        let mut new = entry("b", "B");
        new.family = Some("Rubin".into());
        new.announced = Some(date("2025"));
        new.available = Some(date("2027"));
        new.process = Some("TSMC N3P".into());
        new.memory = Some(Memory {
            kind: Some("HBM4".into()),
            ..Memory::default()
        });
        new.predecessor = Some("z".into());
        new.aliases = strings(&["a"]);
        new.specs = vec![("tdp_w".into(), SpecValue::Number(1.0))];
        new.sources = strings(&["https://s"]);
        new.notes = Some("n".into());
        let expected = [
            "id",
            "name",
            "family",
            "announced",
            "available",
            "process",
            "memory.type",
            "predecessor",
            "aliases",
            "specs.tdp_w",
            "sources",
            "notes",
        ];
        assert_eq!(paths(&field_changes(&old, &new)), expected);
    }
}
