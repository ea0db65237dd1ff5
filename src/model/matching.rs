//! How a word a user typed names a vendor or an entry (docs/format.md section 6), and when two
//! list values are the same: the one set of rules behind KEY, VENDOR, `--vendor`, renames in
//! `diff` and duplicate aliases and sources.

use super::{Entry, Roadmap, Vendor};

/// Returns a name lowercased without spaces, hyphens and underscores: `Rubin-Ultra` ->
/// `rubinultra`. Two names with the same loose form are the same name; so `b200-ultra` (an id)
/// is `B200 Ultra` (a name), which is how `diff` sees a rename and KEY finds a former id.
pub fn loose(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Returns whether two aliases are the same alias: equal ignoring case.
pub fn same_alias(a: &str, b: &str) -> bool {
    alias_key(a) == alias_key(b)
}

/// Returns what makes an alias the alias it is (two aliases with one key are the same).
pub fn alias_key(alias: &str) -> String {
    alias.trim().to_lowercase()
}

/// Returns whether an alias is the entry's name as written, and so adds nothing. Only as
/// written: `b1` of an entry named `B1` is the former id a rename keeps.
pub fn alias_is_name(alias: &str, name: &str) -> bool {
    alias.trim() == name.trim()
}

/// Returns whether two sources are the same source: equal but for one trailing `/`, which
/// web servers treat as the same page (`https://x.com/a/` is `https://x.com/a`).
pub fn same_source(a: &str, b: &str) -> bool {
    source_key(a) == source_key(b)
}

/// Returns what makes a source the source it is (two sources with one key are the same).
pub fn source_key(source: &str) -> String {
    let s = source.trim();
    s.strip_suffix('/').unwrap_or(s).to_string()
}

impl Entry {
    /// Returns why adding `item` to the list `field` (`aliases`, `sources`) would add nothing:
    /// the value is listed already (an alias in any case, a source but for a trailing `/`), or
    /// an alias is the entry's name as written. (`b1` of an entry named `B1` is kept: it is
    /// how a rename records the old id.)
    pub fn repeats(&self, field: &str, item: &str) -> Option<String> {
        match field {
            "aliases" if alias_is_name(item, &self.name) => {
                Some(format!("alias `{item}` is the entry's name"))
            }
            "aliases" if self.aliases.iter().any(|a| same_alias(a, item)) => {
                Some(format!("alias `{item}` is already listed"))
            }
            "sources" if self.sources.iter().any(|s| same_source(s, item)) => {
                Some(format!("source {item} is already listed"))
            }
            _ => None,
        }
    }

    /// Returns the words the entry answers to as a KEY: its id, its name and its aliases.
    fn names(&self) -> impl Iterator<Item = &str> {
        [self.id.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

impl Vendor {
    /// Returns whether `wanted` names the vendor: its id, its name or one of its aliases,
    /// ignoring case, spaces, hyphens and underscores (`aws`, `Moore Threads`, `sk hynix`).
    pub fn answers_to(&self, wanted: &str) -> bool {
        let wanted = loose(wanted);
        !wanted.is_empty() && self.names().any(|n| loose(n) == wanted)
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        [self.vendor.as_str(), self.name.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

/// Why a lookup found no single vendor or entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// Nothing matched; the keys (or vendor ids) closest to what was asked, if any.
    NotFound(Vec<String>),
    /// More than one matched; their keys (or vendor ids).
    Ambiguous(Vec<String>),
}

/// How far the did-you-mean of a miss looks: a word longer than this gets no suggestion (the
/// edit distance costs the product of the two lengths).
const LONGEST_GUESSED: usize = 64;

/// Returns the one item of the first tier that matches any, the tiers tried in order;
/// `Err(Ambiguous)` when that tier matches several, `Ok(None)` when none matches at all.
fn first_tier<T: Copy>(
    items: &[T],
    tiers: &[&dyn Fn(T) -> bool],
    label: impl Fn(T) -> String,
) -> Result<Option<T>, FindError> {
    for tier in tiers {
        let found: Vec<T> = items.iter().copied().filter(|i| tier(*i)).collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Ok(Some(*one)),
            many => {
                return Err(FindError::Ambiguous(
                    many.iter().map(|i| label(*i)).collect(),
                ));
            }
        }
    }
    Ok(None)
}

/// Returns up to five labels whose words are closest to `wanted` (a prefix counts as close).
fn near<T: Copy>(
    wanted: &str,
    items: impl Iterator<Item = T>,
    words: impl Fn(T) -> Vec<String>,
    label: impl Fn(T) -> String,
) -> Vec<String> {
    let lower = wanted.trim().to_lowercase();
    if lower.is_empty() || lower.len() > LONGEST_GUESSED {
        return Vec::new();
    }
    // One edit in a short word, a third of a longer one: `aws` is not `amd`.
    let limit = 1.max(lower.chars().count() / 3);
    let mut scored: Vec<(usize, String)> = items
        .filter_map(|item| {
            let distance = words(item)
                .into_iter()
                .filter(|w| w.len() <= 2 * LONGEST_GUESSED)
                .map(|w| {
                    let w = w.to_lowercase();
                    if w.starts_with(&lower) || loose(&w).starts_with(&loose(&lower)) {
                        0
                    } else {
                        strsim::damerau_levenshtein(&lower, &w)
                    }
                })
                .min()?;
            (distance <= limit).then(|| (distance, label(item)))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(5).map(|(_, l)| l).collect()
}

impl Roadmap {
    /// Returns the vendor `wanted` names: its id exactly, else the one vendor whose id, name or
    /// alias `wanted` is, ignoring case, spaces, hyphens and underscores.
    pub fn vendor(&self, wanted: &str) -> Result<&Vendor, FindError> {
        let vendors: Vec<&Vendor> = self.vendors.iter().collect();
        let wanted = wanted.trim();
        let exact = |v: &Vendor| v.vendor == wanted;
        let answers = |v: &Vendor| v.answers_to(wanted);
        match first_tier(&vendors, &[&exact, &answers], |v| v.vendor.clone())? {
            Some(vendor) => Ok(vendor),
            None => Err(FindError::NotFound(self.near_vendors(wanted))),
        }
    }

    /// Returns the ids of the vendors whose id, name or alias is closest to `wanted`.
    pub fn near_vendors(&self, wanted: &str) -> Vec<String> {
        near(
            wanted,
            self.vendors.iter(),
            |v| v.names().map(str::to_string).collect(),
            |v| v.vendor.clone(),
        )
    }

    /// Returns the entry a KEY names (docs/format.md section 6): `vendor/id`, or a bare id,
    /// name, alias or former id that matches exactly one entry.
    ///
    /// The first rule that matches any entry decides: the id as written; then an id, name or
    /// alias ignoring case; then one equal in its loose form (so `b200-ultra`, an id B300 had,
    /// finds the entry listing `B200 Ultra`, as `diff` follows the rename). In `vendor/id` the
    /// vendor is named as `--vendor` takes it, and the id by the same rules among its entries.
    pub fn find(&self, key: &str) -> Result<(&Vendor, &Entry), FindError> {
        let wanted = key.trim();
        let (vendors, id): (Vec<&Vendor>, &str) = match wanted.split_once('/') {
            Some((vendor, id)) => match self.vendor(vendor) {
                Ok(vendor) => (vec![vendor], id.trim()),
                Err(FindError::Ambiguous(ids)) => return Err(FindError::Ambiguous(ids)),
                Err(FindError::NotFound(_)) => (Vec::new(), id.trim()),
            },
            None => (self.vendors.iter().collect(), wanted),
        };
        let entries: Vec<(&Vendor, &Entry)> = vendors
            .iter()
            .flat_map(|v| v.entries.iter().map(move |e| (*v, e)))
            .collect();
        let lower = id.to_lowercase();
        let slug = loose(id);
        let exact = |(_, e): (&Vendor, &Entry)| e.id == id;
        let any_case = |(_, e): (&Vendor, &Entry)| e.names().any(|n| n.to_lowercase() == lower);
        let loosely =
            |(_, e): (&Vendor, &Entry)| !slug.is_empty() && e.names().any(|n| loose(n) == slug);
        let label = |(v, e): (&Vendor, &Entry)| e.key(&v.vendor);
        match first_tier(&entries, &[&exact, &any_case, &loosely], label)? {
            Some(found) => Ok(found),
            None => Err(FindError::NotFound(near(
                wanted,
                self.entries(),
                |(v, e)| {
                    let mut words: Vec<String> = e.names().map(str::to_string).collect();
                    words.push(e.key(&v.vendor));
                    words
                },
                label,
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FindError;
    use crate::model::{Entry, Roadmap, Vendor};

    fn entry(id: &str, name: &str, aliases: &[&str]) -> Entry {
        Entry {
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            ..Entry::bare(id, name)
        }
    }

    fn roadmap() -> Roadmap {
        let nvidia = Vendor {
            vendor: "nvidia".into(),
            name: "NVIDIA".into(),
            entries: vec![
                entry("b300", "B300", &["B200 Ultra", "Blackwell Ultra"]),
                entry("gb300", "GB300", &[]),
            ],
            ..Vendor::default()
        };
        let amazon = Vendor {
            vendor: "amazon".into(),
            name: "Amazon Web Services".into(),
            aliases: vec!["AWS".into()],
            entries: vec![entry("trainium3", "Trainium3", &["Trn3", "GB300"])],
            ..Vendor::default()
        };
        Roadmap {
            vendors: vec![nvidia, amazon],
        }
    }

    fn key(found: Result<(&Vendor, &Entry), FindError>) -> Result<String, FindError> {
        found.map(|(v, e)| e.key(&v.vendor))
    }

    #[test]
    fn a_former_id_found_no_entry() {
        let roadmap = roadmap();
        for asked in [
            "b200-ultra",
            "blackwell-ultra",
            "nvidia/b200-ultra",
            "NVIDIA/B300",
        ] {
            assert_eq!(
                key(roadmap.find(asked)),
                Ok("nvidia/b300".into()),
                "{asked}"
            );
        }
        assert_eq!(key(roadmap.find("aws/trn3")), Ok("amazon/trainium3".into()));
    }

    #[test]
    fn an_exact_id_wins_over_an_alias_and_a_tie_lists_both() {
        let roadmap = roadmap();
        // `gb300` is nvidia's id and an amazon alias: the id as written decides.
        assert_eq!(key(roadmap.find("gb300")), Ok("nvidia/gb300".into()));
        assert_eq!(
            key(roadmap.find("GB300")),
            Err(FindError::Ambiguous(vec![
                "nvidia/gb300".into(),
                "amazon/trainium3".into()
            ]))
        );
    }

    #[test]
    fn a_huge_key_got_a_quadratic_suggestion_search() {
        let roadmap = roadmap();
        let huge = "x".repeat(1_000_000);
        assert_eq!(roadmap.find(&huge), Err(FindError::NotFound(Vec::new())));
        assert_eq!(
            roadmap.find("blackwel-ultra"),
            Err(FindError::NotFound(vec!["nvidia/b300".into()]))
        );
    }

    #[test]
    fn a_vendor_alias_named_no_vendor() {
        let roadmap = roadmap();
        assert_eq!(
            roadmap.vendor("aws").map(|v| v.vendor.as_str()),
            Ok("amazon")
        );
        assert_eq!(
            roadmap
                .vendor("amazon web-services")
                .map(|v| v.vendor.as_str()),
            Ok("amazon")
        );
        assert_eq!(roadmap.near_vendors("nvdia"), ["nvidia"]);
    }
}
