//! When two versions hold the same vendor: sharing it between them, and the typed comparison
//! that decides whether the working data is a version of its own after HEAD.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Entry, Vendor};

/// Returns `new` with each vendor that equals `old`'s vendor of the same id replaced by
/// `old`'s `Arc`: a follower skips a vendor it has seen by pointer, never comparing it again.
pub(super) fn share(old: &[Arc<Vendor>], new: Vec<Arc<Vendor>>) -> Vec<Arc<Vendor>> {
    let by_id: HashMap<&str, &Arc<Vendor>> = old.iter().map(|v| (v.vendor.as_str(), v)).collect();
    new.into_iter()
        .map(|vendor| match by_id.get(vendor.vendor.as_str()) {
            Some(old) if Arc::ptr_eq(old, &vendor) || ***old == *vendor => Arc::clone(old),
            _ => vendor,
        })
        .collect()
}

/// Returns whether two roadmaps hold the same data: the same vendors by id, each with the same
/// fields and the same entries by id. Order alone is no difference.
pub(super) fn same_data(old: &[Arc<Vendor>], new: &[Arc<Vendor>]) -> bool {
    if old.len() != new.len() {
        return false;
    }
    let by_id: HashMap<&str, &Vendor> = old.iter().map(|v| (v.vendor.as_str(), &**v)).collect();
    new.iter().all(|vendor| {
        by_id
            .get(vendor.vendor.as_str())
            .is_some_and(|old| same_vendor(old, vendor))
    })
}

fn same_vendor(old: &Vendor, new: &Vendor) -> bool {
    if (&old.name, &old.aliases, &old.sites) != (&new.name, &new.aliases, &new.sites)
        || old.entries.len() != new.entries.len()
    {
        return false;
    }
    let by_id: HashMap<&str, &Entry> = old.entries.iter().map(|e| (e.id.as_str(), e)).collect();
    new.entries
        .iter()
        .all(|entry| by_id.get(entry.id.as_str()) == Some(&entry))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::{same_data, share};
    use crate::model::{Entry, FuzzyDate, Vendor};

    fn vendor(id: &str, entries: &[&str]) -> Arc<Vendor> {
        Arc::new(Vendor {
            vendor: id.into(),
            name: id.to_uppercase(),
            entries: entries.iter().map(|e| Entry::bare(e, e)).collect(),
            ..Vendor::default()
        })
    }

    #[test]
    fn an_equal_vendor_is_the_old_arc_and_a_changed_one_is_new() {
        let old = vec![vendor("a", &["x"]), vendor("b", &["y"])];
        let mut changed = (*vendor("b", &["y"])).clone();
        changed.entries[0].available = FuzzyDate::parse("2027").ok();
        let new = vec![vendor("b", &["y"]), vendor("a", &["x"]), Arc::new(changed)];
        let shared = share(&old, new);
        assert!(Arc::ptr_eq(&shared[0], &old[1]), "equal, by id not place");
        assert!(Arc::ptr_eq(&shared[1], &old[0]));
        assert!(!Arc::ptr_eq(&shared[2], &old[1]), "changed");
    }

    #[test]
    fn order_alone_is_no_difference_but_a_field_is() {
        let old = vec![vendor("a", &["x", "y"]), vendor("b", &[])];
        let reordered = vec![vendor("b", &[]), vendor("a", &["y", "x"])];
        assert!(same_data(&old, &reordered));
        assert!(!same_data(&old, &[vendor("a", &["x", "y"])]));
        assert!(!same_data(
            &old,
            &[vendor("a", &["x", "z"]), vendor("b", &[])]
        ));
        let mut renamed = (*vendor("b", &[])).clone();
        renamed.name = "Bee".into();
        assert!(!same_data(
            &old,
            &[vendor("a", &["x", "y"]), Arc::new(renamed)]
        ));
    }
}
