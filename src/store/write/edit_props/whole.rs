//! Property: what chipmap writes whole (a snapshot, a vendor file, a new entry, each side of
//! `diff --format unified`) reads back, by chipmap's own decoder and by libyaml, as exactly
//! the roadmap it was written from, however hostile its text and spec keys.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::model::{Roadmap, SnapshotMeta, Vendor};
use crate::store::read::decode::{Decoded, FileKind, decode};
use crate::store::read::source::SourceFile;
use crate::store::write::edit;
use crate::store::write::emit::{entry_flow, snapshot_text, vendor_text};
use crate::store::write::scalar::text_to_yaml;

use super::config;
use super::hostile::{hostile, hostile_entry, hostile_roadmap, hostile_vendor};
use super::second;

/// Returns what chipmap's decoder (the one `check` uses) reads from `text`, or its problems.
pub(super) fn chipmap_reads(
    text: &str,
    stem: &str,
    kind: FileKind,
) -> Result<Decoded, TestCaseError> {
    let source = SourceFile {
        path: "generated.yaml",
        text,
    };
    let mut problems = Vec::new();
    let decoded = decode(&source, stem, Some(kind), &mut problems);
    if problems.is_empty() {
        return Ok(decoded);
    }
    Err(TestCaseError::fail(format!(
        "chipmap refuses what it wrote: {problems:?}\n{text}"
    )))
}

fn vendor_reads_back(text: &str, want: &Vendor) -> Result<(), TestCaseError> {
    let decoded = chipmap_reads(text, &want.vendor, FileKind::Vendor)?;
    let got: Vec<&Vendor> = decoded.vendors.iter().map(|(v, _)| v).collect();
    prop_assert_eq!(got, vec![want], "chipmap reads it differently:\n{}", text);
    second::agrees(text, &second::vendor(want))
        .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))
}

fn meta() -> impl Strategy<Value = SnapshotMeta> {
    (
        "[a-z0-9-]{1,12}",
        proptest::option::of(hostile()),
        proptest::collection::vec(hostile(), 0..3),
    )
        .prop_map(|(name, note, sources)| SnapshotMeta {
            name,
            taken: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            note,
            sources,
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_snapshot_reads_back_as_the_roadmap_it_froze(meta in meta(), roadmap in hostile_roadmap()) {
        let text = snapshot_text(&meta, &roadmap);
        let decoded = chipmap_reads(&text, &meta.name, FileKind::Snapshot)?;
        prop_assert_eq!(decoded.snapshot.as_ref(), Some(&meta), "{}", text);
        let vendors: Vec<Vendor> = decoded.vendors.into_iter().map(|(v, _)| v).collect();
        prop_assert_eq!(&Roadmap { vendors }, &roadmap, "{}", text);
        second::agrees(&text, &second::snapshot(&meta, &roadmap))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    }

    #[test]
    fn a_vendor_file_reads_back_as_its_vendor(vendor in hostile_vendor()) {
        vendor_reads_back(&vendor_text(&vendor), &vendor)?;
    }

    #[test]
    fn an_added_entry_reads_back_as_asked(vendor in hostile_vendor(), entry in hostile_entry()) {
        let mut entry = entry;
        entry.id = "added-entry".into();
        entry.predecessor = vendor.entries.first().map(|e| e.id.clone());
        let mut want = vendor.clone();
        want.entries.push(entry.clone());
        let text = edit::add(&vendor_text(&vendor), &entry, None)
            .map_err(|e| TestCaseError::fail(format!("add failed: {e}")))?;
        vendor_reads_back(&text, &want)?;
        let first = Vendor { entries: vec![entry.clone()], ..vendor.clone() };
        let mut alone = first.clone();
        alone.entries[0].predecessor = None;
        let new = edit::new_vendor_file(&vendor.vendor, &vendor.name, &alone.entries[0]);
        vendor_reads_back(&new, &alone)?;
        // The same in a file whose entries are one flow list, `entries: [{...}, {...}]`.
        if !vendor.entries.is_empty() {
            let items: Vec<String> = vendor.entries.iter().map(entry_flow).collect();
            let flow = format!(
                "vendor: {}\nname: {}\nentries: [{}]\n",
                text_to_yaml(&vendor.vendor),
                text_to_yaml(&vendor.name),
                items.join(",\n  ")
            );
            vendor_reads_back(&flow, &vendor)?;
            let text = edit::add(&flow, &entry, None)
                .map_err(|e| TestCaseError::fail(format!("add failed: {e}")))?;
            vendor_reads_back(&text, &want)?;
        }
    }
}
