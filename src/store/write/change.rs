//! `add`, `update` and `remove` as one recipe: read the vendor file, splice the change, check
//! the whole roadmap as it would be, then show it as a diff or write it atomically.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::{Entry, FindError, Roadmap, Vendor};

use super::atomic::write_atomic;
use super::edit::{self, Op};
use super::readback;
use super::repeats::without_repeats;
use super::scalar::Value;
use crate::store::read::datadir::{below_cwd, shown};
use crate::store::read::decode::is_slug;
use crate::store::read::file::read_file;
use crate::store::read::load::{DataDir, decode_vendor_text, load_data, vendor_file};

/// What a user asked to change.
#[derive(Debug, Clone)]
pub enum Request {
    /// A new entry; `vendor_name` creates the vendor file when it does not exist yet.
    Add {
        vendor: String,
        vendor_name: Option<String>,
        entry: Box<Entry>,
    },
    /// Field changes to the entry named by `key`; `rename` gives it a new id.
    Update {
        key: String,
        ops: Vec<Op>,
        rename: Option<String>,
    },
    Remove {
        key: String,
    },
}

/// A change worked out and checked, not yet written.
#[derive(Debug, Clone)]
pub struct Planned {
    pub path: PathBuf,
    /// The file's text before (`None`: the change creates the file).
    pub old: Option<String>,
    pub new: String,
    /// The key of the entry changed, and what happened to it, for the message.
    pub key: String,
    pub done: &'static str,
    /// What the change left out as asked for already (`source ... is already listed`), for
    /// stderr: adding what is there is a no-op, not a duplicate.
    pub notes: Vec<String>,
    /// Ids of the entries the change may alter; every other entry must come out equal.
    pub(in crate::store) touched: Vec<String>,
}

impl Planned {
    /// Returns the change as a unified diff of the file, named as the user would name it: a
    /// file below the current directory as `a/PATH` and `b/PATH` (as git does, for `patch
    /// -p1`), any other by its path as given, with no prefix (as `diff -u` does).
    pub fn diff(&self) -> String {
        let old = self.old.as_deref().unwrap_or("");
        let (old_name, new_name) = match below_cwd(&self.path) {
            Some(relative) => {
                let relative = relative.display();
                (format!("a/{relative}"), format!("b/{relative}"))
            }
            None => (shown(&self.path), shown(&self.path)),
        };
        let old_name = if self.old.is_some() {
            old_name
        } else {
            "/dev/null".into()
        };
        similar::TextDiff::from_lines(old, &self.new)
            .unified_diff()
            .context_radius(3)
            .header(&old_name, &new_name)
            .to_string()
    }

    /// Returns whether the change leaves the file as it was.
    pub fn is_noop(&self) -> bool {
        self.old.as_deref() == Some(self.new.as_str())
    }

    /// Writes the new text over the file, atomically; `fault` is the crash-test hook.
    pub fn write(&self, fault: Option<&str>) -> Result<()> {
        write_atomic(&self.path, self.new.as_bytes(), fault)
    }
}

/// Returns the change `request` makes to the data directory `dir`, checked as `check` would.
pub fn plan(dir: &Path, request: &Request) -> Result<Planned> {
    let roadmap = load_data(&DataDir::Path(dir.to_path_buf()))?.roadmap;
    let (request, notes) = &without_repeats(&roadmap, request)?;
    let mut planned = match request {
        Request::Add {
            vendor,
            vendor_name,
            entry,
        } => plan_add(dir, &roadmap, vendor, vendor_name.as_deref(), entry)?,
        Request::Update { key, ops, rename } => {
            plan_update(dir, &roadmap, key, ops, rename.as_deref())?
        }
        Request::Remove { key } => plan_remove(dir, &roadmap, key)?,
    };
    // Only the edited file changed: decode just its new text; the others were read above.
    let after = match decode_vendor_text(&planned.path, &planned.new) {
        Ok(vendor) => vendor,
        Err(Error::Invalid(found)) => return Err(Error::Refused(found)),
        Err(other) => return Err(other),
    };
    let before = roadmap.vendors.iter().find(|v| v.vendor == after.vendor);
    readback::untouched_stay_equal(before, &after, &planned)?;
    readback::asked_reads_back(&roadmap, request, &after, &planned)?;
    planned.notes = notes.clone();
    Ok(planned)
}

/// Returns the vendor a user's VENDOR argument names: its id, or its name or an alias as
/// `--vendor` takes them. A vendor argument names a vendor, never a path: this is the only way
/// from it to a file.
pub(super) fn vendor_named<'r>(roadmap: &'r Roadmap, wanted: &str) -> Result<Option<&'r Vendor>> {
    match roadmap.vendor(wanted) {
        Ok(vendor) => Ok(Some(vendor)),
        Err(FindError::NotFound(_)) => Ok(None),
        Err(FindError::Ambiguous(ids)) => Err(Error::usage(
            format!("`{wanted}` names {} vendors", ids.len()),
            Some(format!("give the id of one: {}", ids.join(", "))),
        )),
    }
}

/// Returns `wanted` as the id of a vendor file to start, or why it cannot be one.
fn new_vendor_id<'w>(
    dir: &Path,
    roadmap: &Roadmap,
    wanted: &'w str,
    has_name: bool,
) -> Result<&'w str> {
    let ids = || roadmap.vendors.iter().map(|v| v.vendor.as_str());
    // An empty data directory has no vendors to list yet.
    let known = match ids().collect::<Vec<_>>().join(", ") {
        list if list.is_empty() => String::new(),
        list => format!("; vendors: {list}"),
    };
    // A near miss is the likelier intent: name it, and leave out the list of every vendor.
    let (near, known) = match roadmap.near_vendors(wanted).as_slice() {
        [] => (String::new(), known),
        near => (
            format!("did you mean `{}`? If not, ", near.join("`, `")),
            String::new(),
        ),
    };
    if !is_slug(wanted) {
        return Err(Error::usage(
            format!("`{wanted}` is not a vendor: give a vendor's id or name, not a path"),
            Some(format!(
                "{near}a new vendor's id is lowercase letters, digits and `-`{known}"
            )),
        ));
    }
    if !has_name {
        return Err(Error::usage(
            format!("no vendor `{wanted}` in {}", shown(dir)),
            Some(format!(
                "{near}to start its file, add --vendor-name NAME{known}"
            )),
        ));
    }
    Ok(wanted)
}

fn read(path: &Path) -> Result<String> {
    let bytes = read_file(path)?;
    String::from_utf8(bytes)
        .map_err(|_| Error::usage(format!("{} is not UTF-8 text", shown(path)), None))
}

fn edit_failed(path: &Path, why: String) -> Error {
    Error::usage(
        format!("cannot edit {}: {why}", shown(path)),
        Some("nothing was written; `chipmap check` shows whether the file is in order".into()),
    )
}

/// Returns the entry KEY names (docs/format.md section 6), or an error naming the candidates.
pub fn find<'r>(roadmap: &'r Roadmap, key: &str) -> Result<(&'r Vendor, &'r Entry)> {
    roadmap.find(key).map_err(|e| match e {
        FindError::Ambiguous(keys) => Error::usage(
            format!("`{key}` matches {} entries", keys.len()),
            Some(format!("name one of: {}", keys.join(", "))),
        ),
        FindError::NotFound(near) => Error::usage(
            format!("no entry `{key}`"),
            Some(if near.is_empty() {
                "`chipmap list` shows every key".to_string()
            } else {
                format!("did you mean: {}?", near.join(", "))
            }),
        ),
    })
}

fn plan_add(
    dir: &Path,
    roadmap: &Roadmap,
    wanted: &str,
    vendor_name: Option<&str>,
    entry: &Entry,
) -> Result<Planned> {
    let Some(existing) = vendor_named(roadmap, wanted)? else {
        let id = new_vendor_id(dir, roadmap, wanted, vendor_name.is_some())?;
        let name = vendor_name.unwrap_or_default();
        return Ok(Planned {
            path: dir.join(format!("{id}.yaml")),
            old: None,
            new: edit::new_vendor_file(id, name, entry),
            key: entry.key(id),
            done: "added",
            notes: Vec::new(),
            touched: vec![entry.id.clone()],
        });
    };
    let vendor = existing.vendor.as_str();
    let key = entry.key(vendor);
    let path = vendor_file(dir, vendor)
        .ok_or_else(|| Error::usage(format!("no file for vendor `{vendor}`"), None))?;
    if existing.entries.iter().any(|e| e.id == entry.id) {
        return Err(Error::usage(
            format!("`{key}` exists already"),
            Some(format!("change it with `chipmap update {key} ...`")),
        ));
    }
    // A new entry goes after the last entry of its family, else at the end.
    let after = entry.family.as_deref().and_then(|family| {
        existing.entries.iter().rposition(|e| {
            e.family
                .as_deref()
                .is_some_and(|f| f.eq_ignore_ascii_case(family))
        })
    });
    let old = read(&path)?;
    let new = edit::add(&old, entry, after).map_err(|why| edit_failed(&path, why))?;
    Ok(Planned {
        path,
        old: Some(old),
        new,
        key,
        done: "added",
        notes: Vec::new(),
        touched: vec![entry.id.clone()],
    })
}

fn plan_update(
    dir: &Path,
    roadmap: &Roadmap,
    key: &str,
    ops: &[Op],
    rename: Option<&str>,
) -> Result<Planned> {
    let (vendor, entry) = find(roadmap, key)?;
    let path = vendor_file(dir, &vendor.vendor)
        .ok_or_else(|| Error::usage(format!("no file for vendor `{}`", vendor.vendor), None))?;
    let old = read(&path)?;
    let mut new = edit::update(&old, &entry.id, ops).map_err(|why| edit_failed(&path, why))?;
    let mut key = entry.key(&vendor.vendor);
    let mut touched = vec![entry.id.clone()];
    if let Some(new_id) = rename.filter(|n| *n != entry.id) {
        if vendor.entries.iter().any(|e| e.id == new_id) {
            return Err(Error::usage(
                format!("`{}/{new_id}` exists already", vendor.vendor),
                None,
            ));
        }
        // The alias first: each op finds the entry by its id, which the last op changes.
        let mut renaming = Vec::new();
        if readback::keeps_old_id(entry, ops) {
            renaming.push(Op::Append("aliases".into(), entry.id.clone()));
        }
        renaming.push(Op::Set(vec!["id".into()], Value::Text(new_id.to_string())));
        new = edit::update(&new, &entry.id, &renaming).map_err(|why| edit_failed(&path, why))?;
        // Entries that name the old id as predecessor follow it to the new one.
        for follower in vendor
            .entries
            .iter()
            .filter(|e| e.predecessor.as_deref() == Some(entry.id.as_str()))
        {
            let op = Op::Set(vec!["predecessor".into()], Value::Text(new_id.to_string()));
            new = edit::update(&new, &follower.id, &[op]).map_err(|why| edit_failed(&path, why))?;
            touched.push(follower.id.clone());
        }
        touched.push(new_id.to_string());
        key = format!("{}/{new_id}", vendor.vendor);
    }
    Ok(Planned {
        path,
        old: Some(old),
        new,
        key,
        done: "updated",
        notes: Vec::new(),
        touched,
    })
}

fn plan_remove(dir: &Path, roadmap: &Roadmap, key: &str) -> Result<Planned> {
    let (vendor, entry) = find(roadmap, key)?;
    let key = entry.key(&vendor.vendor);
    let followers: Vec<String> = vendor
        .entries
        .iter()
        .filter(|e| e.predecessor.as_deref() == Some(entry.id.as_str()))
        .map(|e| e.key(&vendor.vendor))
        .collect();
    if !followers.is_empty() {
        return Err(Error::usage(
            format!("`{key}` is the predecessor of {}", followers.join(", ")),
            Some("change or unset their predecessor first (`chipmap update KEY --unset predecessor`)".into()),
        ));
    }
    let path = vendor_file(dir, &vendor.vendor)
        .ok_or_else(|| Error::usage(format!("no file for vendor `{}`", vendor.vendor), None))?;
    let old = read(&path)?;
    let new = edit::remove(&old, &entry.id).map_err(|why| edit_failed(&path, why))?;
    Ok(Planned {
        path,
        old: Some(old),
        new,
        key,
        done: "removed",
        notes: Vec::new(),
        touched: vec![entry.id.clone()],
    })
}

#[cfg(test)]
mod tests {
    use super::{Op, Request, Value, plan};
    use crate::store::read::load::{DataDir, decode_vendor_text, load_data};
    use crate::store::write::readback::asked_reads_back;

    #[test]
    fn an_edit_that_would_not_read_back_as_asked_is_refused_as_a_chipmap_bug() {
        let dir = tempfile::tempdir().unwrap();
        let text = "vendor: acme\nname: Acme\nentries:\n  - id: a1\n    name: A1\n    kind: gpu\n    status: announced\n    available: 2027\n    notes: 'old'\n";
        std::fs::write(dir.path().join("acme.yaml"), text).unwrap();
        let request = Request::Update {
            key: "acme/a1".into(),
            ops: vec![Op::Set(
                vec!["notes".into()],
                Value::Text("first\nsecond".into()),
            )],
            rename: None,
        };
        let planned = plan(dir.path(), &request).unwrap();
        let roadmap = load_data(&DataDir::Path(dir.path().to_path_buf()))
            .unwrap()
            .roadmap;
        let mut after = decode_vendor_text(&planned.path, &planned.new).unwrap();
        assert!(asked_reads_back(&roadmap, &request, &after, &planned).is_ok());
        // What a single-quoted rewrite used to store: the line break folded to a space.
        after.entries[0].notes = Some("first second".into());
        let err = asked_reads_back(&roadmap, &request, &after, &planned).unwrap_err();
        assert!(format!("{err:?}").contains("bug in chipmap"), "{err:?}");
    }
}
