//! Turns a positioned YAML tree into typed vendors, reporting every problem with its place.
//!
//! Decoding does not stop at the first problem: each field is read on its own, and an entry
//! with a bad field is reported and left out, so that one run of `check` shows everything.

use std::collections::VecDeque;

use crate::error::Diagnostic;
use crate::model::{Confidence, ENTRY_FIELDS, Entry, Kind, SnapshotMeta, Status, Vendor, closest};

use super::check::EntryPlaces;
use super::source::SourceFile;
use super::strict::{Marked, Marks};
use super::yaml::{self, Node, Pos, Value};
use crate::model::brief;

mod marks;
mod snapshot;
mod values;
mod vendor;

pub(in crate::store) use values::yaml_number;
pub use values::{is_slug, slugify};

const VENDOR_FIELDS: &[&str] = &["vendor", "name", "aliases", "sites", "entries"];
const SNAPSHOT_FIELDS: &[&str] = &["snapshot", "vendors"];
const SNAPSHOT_META_FIELDS: &[&str] = &["name", "taken", "note", "sources"];
/// What a snapshot file holds, for the hints of a snapshot that holds something else.
const SNAPSHOT_HINT: &str = "a snapshot has `snapshot:` (name, taken, note, sources) and `vendors:` (docs/format.md section 4)";

/// The two kinds of roadmap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Vendor,
    Snapshot,
}

/// What one file holds: a snapshot header when it is a snapshot, and its vendors.
#[derive(Debug, Default)]
pub struct Decoded {
    pub snapshot: Option<SnapshotMeta>,
    /// Each vendor with the place of its `vendor:` value, for checks across files.
    pub vendors: Vec<(Vendor, Pos)>,
    /// How many items the `entries` lists hold, valid or not.
    pub entries: usize,
    /// Read with `decode_marked` only: the vendors that have problems, with their valid
    /// entries, which `vendors` leaves out but the rules of `check --strict` still read.
    pub flawed: Vec<Vendor>,
    /// Read with `decode_marked` only: where the values of each entry stand, for each vendor
    /// of `vendors` and then of `flawed`.
    pub marks: Vec<Vec<Marks>>,
}

impl Decoded {
    /// Returns every vendor read, valid or not, with its marks, for the rules of `check
    /// --strict` (empty unless read with `decode_marked`).
    pub fn marked(&self) -> Vec<Marked<'_>> {
        let vendors = self.vendors.iter().map(|(v, _)| v).chain(&self.flawed);
        vendors
            .zip(&self.marks)
            .map(|(vendor, marks)| Marked { vendor, marks })
            .collect()
    }
}

/// Returns what the file holds; every problem found is pushed onto `diags`.
///
/// `stem` is the file stem that a vendor file's `vendor:`, or a snapshot's `name:`, must equal.
/// `expect` says which kind of file belongs here (`None`: whichever the content says).
pub fn decode(
    source: &SourceFile,
    stem: &str,
    expect: Option<FileKind>,
    diags: &mut Vec<Diagnostic>,
) -> Decoded {
    decode_as(source, stem, expect, false, diags)
}

/// Returns what the file holds like `decode`, and also where the values that the rules of
/// `check --strict` read stand, and the vendors that have problems (`Decoded::marked`). Only
/// `check` pays for that.
pub fn decode_marked(
    source: &SourceFile,
    stem: &str,
    expect: Option<FileKind>,
    diags: &mut Vec<Diagnostic>,
) -> Decoded {
    decode_as(source, stem, expect, true, diags)
}

fn decode_as(
    source: &SourceFile,
    stem: &str,
    expect: Option<FileKind>,
    marking: bool,
    diags: &mut Vec<Diagnostic>,
) -> Decoded {
    let first_new = diags.len();
    let mut reader = Reader {
        source,
        diags,
        taken: VecDeque::new(),
        entries: 0,
        marking,
        marks: Vec::new(),
        flawed: Vec::new(),
    };
    // Each entry is decoded as soon as the parser has read it, and its tree dropped: a large
    // file never holds the trees of all its entries at once.
    let parsed = yaml::parse_with(source.text, &mut |node| {
        let mut places = Vec::new();
        let entry = reader.entry(&node, &mut places);
        reader.taken.push_back((entry, places));
        Node {
            pos: node.pos,
            value: Value::Taken,
        }
    });
    let root = match parsed {
        Ok(Some(root)) => root,
        Ok(None) => {
            let hint = match expect {
                Some(FileKind::Snapshot) => SNAPSHOT_HINT,
                Some(FileKind::Vendor) | None => {
                    "a vendor file has `vendor:`, `name:` and `entries:` (docs/format.md section 2)"
                }
            };
            let start = Pos {
                line: 1,
                column: 1,
                width: 1,
                offset: 0,
            };
            reader.report(start, "the file is empty", Some(hint.into()));
            return Decoded::default();
        }
        Err(e) => {
            // Problems of entries read before the YAML broke would only distract: the syntax
            // error comes first.
            reader.diags.truncate(first_new);
            reader.diags.push(source.diag(e.pos, e.message, e.hint));
            return Decoded::default();
        }
    };
    let decoded =
        match reader.mapping(&root, "the file") {
            None => Decoded::default(),
            Some(pairs) => {
                let found = match pairs.iter().any(|(k, _)| k.as_scalar() == Some("snapshot")) {
                    true => FileKind::Snapshot,
                    false => FileKind::Vendor,
                };
                match expect {
                Some(FileKind::Snapshot) if found == FileKind::Vendor => reader.report(
                    root.pos,
                    "a file in snapshots/ must be a snapshot, but this has no `snapshot:` header",
                    Some(format!("{SNAPSHOT_HINT}; move a vendor file up to the data directory")),
                ),
                Some(FileKind::Vendor) if found == FileKind::Snapshot => reader.report(
                    root.pos,
                    "a snapshot among the vendor files",
                    Some("move it into the snapshots/ folder".into()),
                ),
                _ => {}
            }
                match found {
                    FileKind::Snapshot => reader.snapshot(pairs, stem),
                    FileKind::Vendor => Decoded {
                        snapshot: None,
                        vendors: reader.vendor(&root, Some(stem)).into_iter().collect(),
                        ..Decoded::default()
                    },
                }
            }
        };
    // Fields are read in a fixed order; report in the order of the file, as a reader scans it.
    reader.diags[first_new..].sort_by_key(|d| (d.line, d.column));
    // The valid vendors' marks first, as `Decoded::marked` reads them.
    let (flawed, flawed_marks): (Vec<Vendor>, Vec<Vec<Marks>>) = reader.flawed.into_iter().unzip();
    let mut marks = reader.marks;
    marks.extend(flawed_marks);
    Decoded {
        entries: reader.entries,
        flawed,
        marks,
        ..decoded
    }
}

/// A valid entry as read, with its marks when the reader marks them.
type Read = (Entry, Option<Marks>);

struct Reader<'s, 'a> {
    source: &'s SourceFile<'a>,
    diags: &'s mut Vec<Diagnostic>,
    /// Entries decoded while the file was parsed, in file order, with their places.
    taken: VecDeque<(Option<Read>, Vec<EntryPlaces>)>,
    /// Items of `entries` lists read so far, valid or not.
    entries: usize,
    /// Whether to mark the places `check --strict` reads (`decode_marked`).
    marking: bool,
    /// With `marking`: the marks of each valid vendor, and the vendors with problems with
    /// theirs.
    marks: Vec<Vec<Marks>>,
    flawed: Vec<(Vendor, Vec<Marks>)>,
}

impl Reader<'_, '_> {
    fn report(&mut self, pos: Pos, message: impl Into<String>, hint: Option<String>) {
        self.diags.push(self.source.diag(pos, message, hint));
    }

    fn mapping<'n, 'y>(
        &mut self,
        node: &'n Node<'y>,
        what: &str,
    ) -> Option<&'n [(Node<'y>, Node<'y>)]> {
        match &node.value {
            Value::Map(pairs) => Some(pairs),
            _ => {
                self.report(
                    node.pos,
                    format!(
                        "{what} must be a mapping of `field: value`, not {}",
                        node.describe()
                    ),
                    None,
                );
                None
            }
        }
    }

    /// Returns the known fields of a mapping by name, reporting unknown and repeated ones.
    fn fields<'n, 'y>(
        &mut self,
        pairs: &'n [(Node<'y>, Node<'y>)],
        known: &[&'static str],
        what: &str,
    ) -> Vec<(&'static str, &'n Node<'y>)> {
        let mut out: Vec<(&'static str, &'n Node<'y>)> = Vec::with_capacity(pairs.len());
        for (key, value) in pairs {
            let key_text = key.as_scalar().unwrap_or_default();
            let name = brief(key_text);
            match known.iter().find(|k| **k == key_text) {
                Some(field) if out.iter().any(|(f, _)| f == field) => self.report(
                    key.pos,
                    format!("`{name}` appears twice in {what}"),
                    Some("keep one of them".into()),
                ),
                Some(field) => out.push((field, value)),
                None => {
                    let hint = match closest(key_text, known.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the fields of {what} are: {}", known.join(", ")),
                    };
                    self.report(
                        key.pos,
                        format!("unknown field `{name}` in {what}"),
                        Some(hint),
                    );
                }
            }
        }
        out
    }

    fn required<'n, 'y>(
        &mut self,
        fields: &[(&'static str, &'n Node<'y>)],
        name: &str,
        at: Pos,
        what: &str,
    ) -> Option<&'n Node<'y>> {
        let found = get(fields, name);
        if found.is_none() {
            self.report(
                at,
                format!("{what} has no `{name}`"),
                Some(format!("add `{name}:`")),
            );
        }
        found
    }

    /// Returns the entry `node` holds if it is valid, with its marks when `marking`.
    fn entry(&mut self, node: &Node, places: &mut Vec<EntryPlaces>) -> Option<Read> {
        let pairs = self.mapping(node, "an entry")?;
        let before = self.diags.len();
        let fields = self.fields(pairs, ENTRY_FIELDS, "an entry");
        let id_node = self.required(&fields, "id", node.pos, "the entry");
        let id = id_node.and_then(|n| self.slug(n, "id"));
        let name = self
            .required(&fields, "name", node.pos, "the entry")
            .and_then(|n| self.text(n, "name"));
        let kind = self
            .required(&fields, "kind", node.pos, "the entry")
            .and_then(|n| self.word::<Kind>(n, "kind"));
        let status = self
            .required(&fields, "status", node.pos, "the entry")
            .and_then(|n| self.word::<Status>(n, "status"));
        let optional = |name: &str| get(&fields, name).filter(|n| !n.is_null());
        let mut entry = Entry {
            id: id.clone().unwrap_or_default(),
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(Kind::Gpu),
            family: optional("family").and_then(|n| self.text(n, "family")),
            status: status.unwrap_or(Status::Announced),
            confidence: optional("confidence")
                .and_then(|n| self.word::<Confidence>(n, "confidence")),
            announced: optional("announced").and_then(|n| self.date(n, "announced")),
            available: optional("available").and_then(|n| self.date(n, "available")),
            process: optional("process").and_then(|n| self.text(n, "process")),
            memory: optional("memory").and_then(|n| self.memory(n)),
            predecessor: None,
            aliases: optional("aliases")
                .and_then(|n| self.strings(n, "aliases"))
                .unwrap_or_default(),
            specs: optional("specs")
                .and_then(|n| self.specs(n))
                .unwrap_or_default(),
            sources: optional("sources")
                .and_then(|n| self.strings(n, "sources"))
                .unwrap_or_default(),
            notes: optional("notes").and_then(|n| self.text(n, "notes")),
        };
        let predecessor =
            optional("predecessor").and_then(|n| Some((self.slug(n, "predecessor")?, n.pos)));
        entry.predecessor = predecessor.as_ref().map(|(p, _)| p.clone());
        if let (Some(id), Some(id_node)) = (id, id_node) {
            let dated_field = ["announced", "available"]
                .iter()
                .any(|f| optional(f).is_some());
            places.push(EntryPlaces {
                id,
                at: id_node.pos,
                predecessor,
                dated: dated_field,
            });
        }
        let valid = self.diags.len() == before;
        let marks = (valid && self.marking).then(|| marks::of(&fields, node.pos));
        valid.then_some((entry, marks))
    }
}

fn get<'n, 'y>(fields: &[(&'static str, &'n Node<'y>)], name: &str) -> Option<&'n Node<'y>> {
    fields.iter().find(|(f, _)| *f == name).map(|(_, n)| *n)
}
