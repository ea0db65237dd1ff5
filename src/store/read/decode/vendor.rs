//! Reading a vendor: its fields, its entries, and the rules that span them.

use crate::model::{Vendor, brief};
use crate::store::read::check;
use crate::store::read::yaml::{Node, Pos, Value};

use super::{Reader, VENDOR_FIELDS, get};

impl Reader<'_, '_> {
    /// Returns the vendor `node` holds and the place of its `vendor:` value, if it has no
    /// problem; with `marking`, a vendor with problems is kept for `check --strict` instead.
    pub(super) fn vendor(&mut self, node: &Node, stem: Option<&str>) -> Option<(Vendor, Pos)> {
        let pairs = self.mapping(node, "a vendor")?;
        let before = self.diags.len();
        let fields = self.fields(pairs, VENDOR_FIELDS, "a vendor");
        let vendor_node = self.required(&fields, "vendor", node.pos, "the vendor");
        let vendor = vendor_node.and_then(|n| self.slug(n, "vendor"));
        let name = self
            .required(&fields, "name", node.pos, "the vendor")
            .and_then(|n| self.text(n, "name"));
        if let (Some(vendor), Some(stem), Some(at)) = (&vendor, stem, vendor_node)
            && vendor != stem
        {
            self.report(
                at.pos,
                format!(
                    "vendor `{}` does not match the file name `{stem}`",
                    brief(vendor)
                ),
                Some(format!(
                    "write `vendor: {stem}`, or rename the file to `{}.yaml`",
                    brief(vendor)
                )),
            );
        }
        let optional = |name: &str| get(&fields, name).filter(|n| !n.is_null());
        let aliases = optional("aliases")
            .and_then(|n| self.strings(n, "aliases"))
            .unwrap_or_default();
        let sites = optional("sites")
            .and_then(|n| self.strings(n, "sites"))
            .unwrap_or_default();
        let mut entries = Vec::new();
        let mut marks = Vec::new();
        let mut places = Vec::new();
        if let Some(list) = self.required(&fields, "entries", node.pos, "the vendor") {
            match &list.value {
                Value::Seq(items) => {
                    self.entries += items.len();
                    for item in items {
                        let entry = match item.value {
                            Value::Taken => {
                                self.taken.pop_front().and_then(|(entry, mut found)| {
                                    places.append(&mut found);
                                    entry
                                })
                            }
                            _ => self.entry(item, &mut places),
                        };
                        if let Some((entry, marked)) = entry {
                            entries.push(entry);
                            marks.extend(marked);
                        }
                    }
                }
                _ if list.is_null() => {}
                _ => self.report(
                    list.pos,
                    format!("`entries` must be a list, not {}", list.describe()),
                    None,
                ),
            }
        }
        let vendor_id = vendor.clone().unwrap_or_default();
        for problem in check::entries(&vendor_id, &places) {
            self.report(problem.pos, problem.message, problem.hint);
        }
        let done = self.diags.len() == before;
        let at = vendor_node.map_or(node.pos, |n| n.pos);
        let vendor = Vendor {
            vendor: vendor_id,
            name: name.unwrap_or_default(),
            aliases,
            sites,
            entries,
        };
        match (done, self.marking) {
            (true, marking) => {
                if marking {
                    self.marks.push(marks);
                }
                Some((vendor, at))
            }
            (false, true) => {
                self.flawed.push((vendor, marks));
                None
            }
            (false, false) => None,
        }
    }
}
