//! The rules of `check --strict` about what sources are: an http(s) URL, on the original site
//! rather than a mirror or proxy, and enough of them for `confidence: confirmed`.

use std::collections::BTreeSet;

use crate::model::{Confidence, brief};

use super::{Placed, Problem, Scope};

/// The parts of an http(s) URL that the rules read.
#[derive(Debug, PartialEq)]
pub(super) struct Url<'a> {
    /// The host, lowercased, without user, port or a final `.`.
    pub(super) host: String,
    /// What follows the host: the path, query and fragment.
    pub(super) rest: &'a str,
}

/// Returns the URL `source` is, if it is an http(s) URL with a host.
pub(super) fn parse(source: &str) -> Option<Url<'_>> {
    let s = source.trim();
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (scheme, after) = s.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, rest) = after.split_at(end);
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host_port.starts_with('[') && host_port.contains(']') {
        // An IPv6 address: a host, though no site of anyone's.
        let host = host_port[..=host_port.find(']')?].to_string();
        return Some(Url { host, rest });
    }
    let host = match host_port.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => host_port,
    };
    let host = host.strip_suffix('.').unwrap_or(host).to_lowercase();
    let label = |l: &str| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-');
    host.split('.').all(label).then_some(Url { host, rest })
}

/// Returns the site of a host: its registrable domain by the public suffix list
/// (`www.tweaktown.com` is `tweaktown.com`, `news.example.co.uk` is `example.co.uk`), or the
/// host itself when it has none (`localhost`, an address).
pub(super) fn site(host: &str) -> String {
    match psl::domain(host.as_bytes()) {
        Some(domain) => String::from_utf8_lossy(domain.as_bytes()).into_owned(),
        None => host.to_string(),
    }
}

/// Returns whether `host` is one of `sites` (a vendor's own domains) or below one of them.
fn first_party(host: &str, sites: &[String]) -> bool {
    sites.iter().any(|site| {
        let site = site.trim().trim_end_matches('/').to_lowercase();
        let site = site.split_once("://").map_or(site.as_str(), |(_, s)| s);
        let site = site.trim_end_matches('.');
        !site.is_empty()
            && (host == site
                || host
                    .strip_suffix(site)
                    .is_some_and(|above| above.ends_with('.')))
    })
}

/// Returns the other URL or host name a URL holds, if it does: the mark of a mirror or proxy
/// serving someone else's page under its own name. Each shape is one that such hosts use:
/// - a `www` label after the host's first (`blitz.nocrawl.www.anandtech.com`);
/// - a URL in the path or query, plain or percent-encoded (`?url=https%3A%2F%2Fx.com/a`);
/// - a path segment `http` or `https` followed by a host (`/https/www.site.com/...`);
/// - a host name starting `www.` after anything but a letter or digit (`/host-https-www.x.com/`);
/// - a path segment spelling a host with `-d-` for its dots, plain or in rot13 (`x-d-com`,
///   `gbzfuneqjner-d-dpbz`).
///
/// Ordinary article URLs hold none of these: `/index.html`, `/v1.2/`, `?utm_source=x`.
pub(super) fn held(url: &Url) -> Option<String> {
    let labels: Vec<&str> = url.host.split('.').collect();
    if let Some(i) = labels.iter().skip(1).position(|l| *l == "www") {
        return Some(labels[i + 1..].join("."));
    }
    let rest = url
        .rest
        .replace("%3A", ":")
        .replace("%3a", ":")
        .replace("%2F", "/")
        .replace("%2f", "/")
        .to_lowercase();
    for scheme in ["http:/", "https:/"] {
        if let Some(at) = rest.find(scheme) {
            let after = rest[at + scheme.len()..].trim_start_matches('/');
            let host = after.split(['/', '?', '#', '&']).next().unwrap_or_default();
            return Some(format!("{scheme}/{host}"));
        }
    }
    let path = rest.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').collect();
    let after_scheme = segments
        .windows(2)
        .find(|w| matches!(w[0], "http" | "https") && is_host(w[1]));
    if let Some(pair) = after_scheme {
        return Some(pair[1].to_string());
    }
    if let Some(host) = www_host(&rest) {
        return Some(host);
    }
    segments
        .iter()
        .find(|s| is_dashed_host(s))
        .map(|s| s.to_string())
}

/// Returns whether `text` is a host name: labels of letters, digits and `-`, at least two,
/// the last one a known top-level domain (`index.html` is not one).
fn is_host(text: &str) -> bool {
    let text = text.split(':').next().unwrap_or_default();
    let labels: Vec<&str> = text.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && psl::suffix(text.as_bytes()).is_some_and(|s| s.is_known())
}

/// Returns the first host name `www.X.Y` in `text` that starts after anything but a letter or
/// a digit.
fn www_host(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(found) = text[from..].find("www.") {
        let at = from + found;
        from = at + 4;
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let run: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
            .collect();
        let run = run.trim_end_matches(['.', '-']);
        if run.split('.').count() >= 3 && is_host(run) {
            return Some(run.to_string());
        }
    }
    None
}

/// Returns whether a path segment spells a host name with `-d-` for its dots, as some
/// mirrors write one, its last part a common top-level domain in plain or rot13 letters
/// (`x-d-com`, `gbzfuneqjner-d-dpbz`): a slug such as `plan-d-telecom` is not one.
fn is_dashed_host(segment: &str) -> bool {
    const ENDS: [&str; 6] = ["com", "net", "org", "pbz", "arg", "bet"];
    let mut parts = segment.split("-d-");
    let (Some(first), Some(last)) = (parts.next(), segment.rsplit("-d-").next()) else {
        return false;
    };
    let last = last
        .strip_prefix('d')
        .filter(|l| ENDS.contains(l))
        .unwrap_or(last);
    parts.next().is_some()
        && !first.is_empty()
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && ENDS.contains(&last)
}

/// Returns a warning at each source that is not an http(s) URL.
pub(super) fn not_http(placed: &Placed, _: &Scope) -> Vec<Problem> {
    let sources = placed.entry.sources.iter().zip(&placed.marks.sources);
    sources
        .filter(|(source, _)| parse(source).is_none())
        .map(|(source, pos)| Problem {
            pos: *pos,
            message: format!("source `{}` is not an http(s) URL", brief(source.trim())),
            hint: Some("write the web address of the page, starting with `https://`".into()),
        })
        .collect()
}

/// Returns a warning at each source on a mirror or proxy host (`held`).
pub(super) fn on_a_mirror(placed: &Placed, _: &Scope) -> Vec<Problem> {
    let sources = placed.entry.sources.iter().zip(&placed.marks.sources);
    sources
        .filter_map(|(source, pos)| {
            let holds = held(&parse(source)?)?;
            Some(Problem {
                pos: *pos,
                message: format!(
                    "source {} is on a mirror or proxy: it holds `{}`",
                    brief(source.trim()),
                    brief(&holds)
                ),
                hint: Some("cite the original article's URL instead of a copy of it".into()),
            })
        })
        .collect()
}

/// Returns a warning at `confidence: confirmed` when the entry's URLs are all on one site and
/// none is the vendor's own (a host in its `sites`).
pub(super) fn confirmed_on_one_site(placed: &Placed, scope: &Scope) -> Vec<Problem> {
    if placed.entry.confidence != Some(Confidence::Confirmed) {
        return Vec::new();
    }
    let hosts: Vec<String> = placed
        .entry
        .sources
        .iter()
        .filter_map(|s| parse(s).map(|u| u.host))
        .collect();
    // With no URL at all, the source rules have said it already.
    if hosts.is_empty() || hosts.iter().any(|h| first_party(h, &scope.vendor.sites)) {
        return Vec::new();
    }
    let sites: BTreeSet<String> = hosts.iter().map(|h| site(h)).collect();
    if sites.len() >= 2 {
        return Vec::new();
    }
    let one = sites.into_iter().next().unwrap_or_default();
    let own = match scope.vendor.sites.as_slice() {
        [] => "the vendor's own page (and list its domains in the vendor's `sites:`)".to_string(),
        sites => format!("a page on {}", sites.join(" or ")),
    };
    vec![Problem {
        pos: placed.marks.confidence.unwrap_or(placed.marks.id),
        message: format!(
            "`confidence: confirmed` rests on one third-party site alone ({})",
            brief(&one)
        ),
        hint: Some(format!(
            "cite {own} or a second independent site, or write `confidence: reported`"
        )),
    }]
}
