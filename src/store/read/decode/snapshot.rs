//! Reading a snapshot file: its `snapshot:` header and the vendors it holds.

use crate::model::brief;
use crate::model::{FuzzyDate, SnapshotMeta, Vendor};
use crate::store::read::check;
use crate::store::read::yaml::{Node, Pos, Value};

use super::{Decoded, Reader, SNAPSHOT_FIELDS, SNAPSHOT_META_FIELDS, get};

impl Reader<'_, '_> {
    pub(super) fn snapshot(&mut self, pairs: &[(Node, Node)], stem: &str) -> Decoded {
        let fields = self.fields(pairs, SNAPSHOT_FIELDS, "a snapshot");
        let meta = get(&fields, "snapshot").and_then(|n| self.snapshot_meta(n, stem));
        let mut vendors: Vec<(Vendor, Pos)> = Vec::new();
        // Vendor ids as written, valid or not, so a repeat is reported even beside other problems.
        let mut ids: Vec<(&str, Pos)> = Vec::new();
        match get(&fields, "vendors").map(|n| &n.value) {
            Some(Value::Seq(items)) => {
                for item in items {
                    if let Value::Map(pairs) = &item.value {
                        let id = pairs.iter().find(|(k, _)| k.as_scalar() == Some("vendor"));
                        if let Some((_, value)) = id {
                            ids.extend(value.as_scalar().map(|s| (s, value.pos)));
                        }
                    }
                    vendors.extend(self.vendor(item, None));
                }
            }
            Some(_) | None => {
                let at = pairs.first().map_or(Pos::default(), |(k, _)| k.pos);
                self.report(at, "a snapshot needs a `vendors:` list", None);
            }
        }
        for problem in check::vendor_ids(ids.into_iter()) {
            self.report(problem.pos, problem.message, problem.hint);
        }
        Decoded {
            snapshot: meta,
            vendors,
            ..Decoded::default()
        }
    }

    fn snapshot_meta(&mut self, node: &Node, stem: &str) -> Option<SnapshotMeta> {
        let pairs = self.mapping(node, "`snapshot`")?;
        let before = self.diags.len();
        let fields = self.fields(pairs, SNAPSHOT_META_FIELDS, "`snapshot`");
        let name_node = self.required(&fields, "name", node.pos, "the snapshot");
        let name = name_node.and_then(|n| self.slug(n, "name"));
        if let (Some(name), Some(at)) = (&name, name_node)
            && name != stem
        {
            self.report(
                at.pos,
                format!(
                    "snapshot name `{}` does not match the file name `{stem}`",
                    brief(name)
                ),
                Some(format!(
                    "write `name: {stem}`, or rename the file to `{}.yaml`",
                    brief(name)
                )),
            );
        }
        let taken = self
            .required(&fields, "taken", node.pos, "the snapshot")
            .and_then(|n| {
                let date = self.date(n, "taken")?;
                match date {
                    FuzzyDate::Day(day) => Some(day),
                    _ => {
                        self.report(
                            n.pos,
                            format!("`taken` must be a day such as 2025-03-18, not `{date}`"),
                            None,
                        );
                        None
                    }
                }
            });
        let note = get(&fields, "note")
            .filter(|n| !n.is_null())
            .and_then(|n| self.text(n, "note"));
        let sources = get(&fields, "sources")
            .filter(|n| !n.is_null())
            .and_then(|n| self.strings(n, "sources"));
        let meta = SnapshotMeta {
            name: name?,
            taken: taken?,
            note,
            sources: sources.unwrap_or_default(),
        };
        (self.diags.len() == before).then_some(meta)
    }
}
