//! The rules of `check --strict`, each with the cases that must warn and the near misses that
//! must not, read from YAML as `check` reads it so that the places are real.

use chrono::NaiveDate;

use super::urls::{held, parse, site};
use super::{Today, diagnostics};
use crate::store::read::decode::{self, FileKind};
use crate::store::read::source::SourceFile;

/// Returns the warnings about the vendor files `files` (stem, entries as YAML) checked as one
/// roadmap on `today`, as `FILE:LINE:COLUMN: message`.
fn warnings(files: &[(&str, &str)], today: &str) -> Vec<String> {
    let day = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|(stem, body)| {
            let head = format!("vendor: {stem}\nname: {stem}\n");
            let text = match body.starts_with("entries:") {
                true => format!("{head}{body}"),
                false => format!("{head}sites: [{stem}.com]\nentries:\n{body}"),
            };
            (format!("{stem}.yaml"), text)
        })
        .collect();
    let decoded: Vec<_> = texts
        .iter()
        .map(|(path, text)| {
            let source = SourceFile { path, text };
            let mut problems = Vec::new();
            let stem = path.trim_end_matches(".yaml");
            let decoded =
                decode::decode_marked(&source, stem, Some(FileKind::Vendor), &mut problems);
            assert!(problems.is_empty(), "{problems:?}");
            (source, decoded)
        })
        .collect();
    let files: Vec<_> = decoded
        .iter()
        .map(|(source, d)| {
            let source = SourceFile {
                path: source.path,
                text: source.text,
            };
            (source, d.marked())
        })
        .collect();
    let today = Today {
        day,
        snapshot: false,
    };
    diagnostics(&files, Some(today))
        .into_iter()
        .map(|d| format!("{}:{}:{}: {}", d.path, d.line, d.column, d.message))
        .collect()
}

/// Returns the warnings about one vendor `v` whose entries are `entries`, on 2026-11-30.
fn one(entries: &str) -> Vec<String> {
    warnings(&[("v", entries)], "2026-11-30")
}

/// An entry of `v` with one source, dated and shipping: what no rule warns about.
const QUIET: &str = "  - {id: a, name: A, kind: gpu, status: shipping, available: 2024, sources: [https://x.com/a]}\n";

#[test]
fn the_quiet_entry_is_quiet_and_plain_decoding_marks_nothing() {
    assert_eq!(one(QUIET), Vec::<String>::new());
    let text = format!("vendor: v\nname: V\nentries:\n{QUIET}");
    let source = SourceFile {
        path: "v.yaml",
        text: &text,
    };
    let decoded = decode::decode(&source, "v", Some(FileKind::Vendor), &mut Vec::new());
    assert!(decoded.marks.is_empty() && decoded.marked().is_empty());
}

#[test]
fn an_entry_without_sources_was_not_warned_of() {
    let entries = "  - {id: a, name: A, kind: gpu, status: shipping, available: 2024}\n  - {id: b, name: B, kind: gpu, status: shipping, available: 2024, sources: []}\n  - {id: c, name: C, kind: gpu, status: shipping, available: 2024, sources: ~}\n";
    assert_eq!(
        one(entries),
        [
            "v.yaml:5:10: entry `v/a` has no sources",
            "v.yaml:6:10: entry `v/b` has no sources",
            "v.yaml:7:10: entry `v/c` has no sources",
        ]
    );
}

#[test]
fn a_source_that_is_no_http_url_was_not_warned_of() {
    let entries = "  - id: a\n    name: A\n    kind: gpu\n    status: shipping\n    available: 2024\n    sources:\n      - ftp://x.com/a\n      - NVIDIA press briefing\n      - https://\n      - https://exa mple.com/a\n      - x.com/a\n      - https://x.com/a\n      - HTTP://X.COM:8443/b?c=d#e\n      - https://user@x.com./c\n";
    assert_eq!(
        one(entries),
        [
            "v.yaml:11:9: source `ftp://x.com/a` is not an http(s) URL",
            "v.yaml:12:9: source `NVIDIA press briefing` is not an http(s) URL",
            "v.yaml:13:9: source `https://` is not an http(s) URL",
            "v.yaml:14:9: source `https://exa mple.com/a` is not an http(s) URL",
            "v.yaml:15:9: source `x.com/a` is not an http(s) URL",
        ]
    );
    assert_eq!(parse("HTTP://X.COM:8443/b?c").unwrap().host, "x.com");
}

#[test]
fn repeated_aliases_and_sources_were_not_warned_of() {
    let entries = "  - id: b1\n    name: B1\n    kind: gpu\n    status: shipping\n    available: 2024\n    aliases: [b1, B1, Big, BIG]\n    sources:\n      - https://a.example/x\n      - https://a.example/y\n      - https://a.example/x/\n";
    assert_eq!(
        one(entries),
        [
            "v.yaml:10:19: alias `B1` is the entry's name",
            "v.yaml:10:28: alias `BIG` is listed twice (line 10 has it)",
            "v.yaml:14:9: source https://a.example/x/ is listed twice (line 12 has it)",
        ]
    );
}

#[test]
fn registrable_domains_are_the_sites() {
    assert_eq!(site("www.tweaktown.com"), "tweaktown.com");
    assert_eq!(site("news.example.co.uk"), "example.co.uk");
    assert_eq!(site("tweaktown.com"), "tweaktown.com");
    assert_eq!(site("localhost"), "localhost");
}

#[test]
fn confirmed_on_one_third_party_site_was_not_warned_of() {
    let entry = |confidence: &str, sources: &[&str]| {
        format!(
            "  - id: a\n    name: A\n    kind: gpu\n    status: shipping\n    confidence: {confidence}\n    available: 2024\n    sources: [{}]\n",
            sources.join(", ")
        )
    };
    let warned = "v.yaml:9:17: `confidence: confirmed` rests on one third-party site alone";
    // One site, however many of its pages or hosts.
    for sources in [
        &["https://www.tweaktown.com/a"][..],
        &["https://www.tweaktown.com/a", "https://tweaktown.com/b"],
        &[
            "https://news.example.co.uk/a",
            "https://www.example.co.uk/b",
        ],
        // Only a subdomain of a vendor's site is the vendor's: not a look-alike.
        &["https://notv.com/a"],
        &["https://v.com.evil.example/a"],
    ] {
        let found = one(&entry("confirmed", sources));
        assert_eq!(found.len(), 1, "{sources:?}: {found:?}");
        assert!(found[0].starts_with(warned), "{found:?}");
    }
    // Two independent sites, a first-party page, or no claim of `confirmed`.
    for (confidence, sources) in [
        (
            "confirmed",
            &[
                "https://www.tweaktown.com/a",
                "https://www.tomshardware.com/b",
            ][..],
        ),
        (
            "confirmed",
            &["https://x.example.co.uk/a", "https://y.example.com/b"],
        ),
        (
            "confirmed",
            &["https://www.tweaktown.com/a", "https://v.com/news"],
        ),
        ("confirmed", &["https://developer.v.com/docs"]),
        ("reported", &["https://www.tweaktown.com/a"]),
    ] {
        assert_eq!(
            one(&entry(confidence, sources)),
            Vec::<String>::new(),
            "{sources:?}"
        );
    }
    // A vendor without `sites` is told to list them.
    let bare = "entries:\n  - {id: a, name: A, kind: gpu, status: shipping, confidence: confirmed, available: 2024, sources: [https://v.com/a]}\n";
    let found = warnings(&[("v", bare)], "2026-11-30");
    assert_eq!(
        found,
        ["v.yaml:4:63: `confidence: confirmed` rests on one third-party site alone (v.com)"]
    );
}

#[test]
fn a_source_on_a_mirror_or_proxy_was_not_warned_of() {
    let holds = |url: &str| held(&parse(url).expect(url));
    for (url, inside) in [
        (
            "https://quiet.felix2.workers.dev/https/www.nextplatform.com/2025/06/12/amd-plots/",
            "www.nextplatform.com",
        ),
        (
            "https://quiet.felix2.workers.dev:443/https/nextplatform.com/2025/06/12/amd-plots/",
            "nextplatform.com",
        ),
        (
            "https://www.vuink.com/post/x-d-com/pc-components/gpus/a",
            "x-d-com",
        ),
        (
            "https://vuink.com/post/gbzfuneqjner-d-dpbz/pc-components/gpus/a",
            "gbzfuneqjner-d-dpbz",
        ),
        (
            "http://blitz.nocrawl.www.anandtech.com/show/16250/a",
            "www.anandtech.com",
        ),
        (
            "https://file-hippo.netlify.app/host-https-www.tomshardware.com/pc-components/a",
            "www.tomshardware.com",
        ),
        (
            "https://proxy.example/go?url=https://www.site.com/a",
            "https://www.site.com",
        ),
        (
            "https://proxy.example/go?u=https%3A%2F%2Fsite.com%2Fa",
            "https://site.com",
        ),
    ] {
        assert_eq!(holds(url).as_deref(), Some(inside), "{url}");
    }
    for url in [
        "https://www.tweaktown.com/news/100151/nvidia-roadmap/index.html",
        "https://www.nextplatform.com/2023/08/22/x/?utm_source=pocket_saves",
        "https://analyticsindiamag.com/a/?utm_source=rss&utm_medium=rss&utm_campaign=intel-reveals",
        "https://docs.example.com/v1.2/guide/",
        "https://soylentnews.org/article.pl?sid=22/01/28/1013228&from=rss",
        "https://www.phoronix.com/scan.php?page=news_item&px=JEDEC-HBM3",
        "https://www.trendforce.com/news/?p=52238",
        "http://www3.anandtech.com/Show/Index/18915?cPage=2&all=False",
        "https://example.com/news/plan-d-telecom/",
        "https://example.com/2024/https-everywhere/",
        "https://example.com/about-www.html",
    ] {
        assert_eq!(holds(url), None, "{url}");
    }
    let entries = "  - id: a\n    name: A\n    kind: gpu\n    status: shipping\n    available: 2024\n    sources:\n      - https://www.tweaktown.com/news/100151/a/index.html\n      - https://quiet.felix2.workers.dev/https/www.x.com/a\n";
    assert_eq!(
        one(entries),
        [
            "v.yaml:12:9: source https://quiet.felix2.workers.dev/https/www.x.com/a is on a mirror or proxy: it holds `www.x.com`"
        ]
    );
}

#[test]
fn a_status_that_today_contradicts_was_not_warned_of() {
    let entry = |id: &str, status: &str, available: &str| {
        format!(
            "  - {{id: {id}, name: N, kind: gpu, status: {status}, available: {available}, sources: [https://x.com/a]}}\n"
        )
    };
    let entries = [
        entry("a", "shipping", "2027"),
        entry("b", "shipping", "2026-12"),
        entry("c", "announced", "2025"),
        entry("d", "rumored", "2026Q3"),
        // Near misses: started today or before; not ended yet; a status that may outlive it.
        entry("e", "shipping", "2026H2"),
        entry("f", "shipping", "2026-11-30"),
        entry("g", "announced", "2026"),
        entry("h", "announced", "2026-11-30"),
        entry("i", "sampling", "2025"),
        entry("j", "cancelled", "2025"),
    ]
    .concat();
    assert_eq!(
        one(&entries),
        [
            "v.yaml:5:41: status is `shipping`, but `available: 2027` starts after today (2026-11-30)",
            "v.yaml:6:41: status is `shipping`, but `available: 2026-12` starts after today (2026-11-30)",
            "v.yaml:7:41: status is still `announced`, but `available: 2025` ended before today (2026-11-30)",
            "v.yaml:8:41: status is still `rumored`, but `available: 2026Q3` ended before today (2026-11-30)",
        ]
    );
}

#[test]
fn announced_after_available_was_not_warned_of() {
    let entry = |id: &str, announced: &str, available: &str| {
        format!(
            "  - {{id: {id}, name: N, kind: gpu, status: shipping, announced: {announced}, available: {available}, sources: [https://x.com/a]}}\n"
        )
    };
    let entries = [
        entry("a", "2025", "2024H1"),
        entry("b", "2024-07-01", "2024-06-30"),
        // Near misses: intervals that overlap, or in order.
        entry("c", "2024-03", "2024"),
        entry("d", "2024", "2024-03"),
        entry("e", "2024-06-30", "2024-06-30"),
        entry("f", "2023", "2024"),
    ]
    .concat();
    assert_eq!(
        one(&entries),
        [
            "v.yaml:5:62: `announced: 2025` is after `available: 2024H1`",
            "v.yaml:6:62: `announced: 2024-07-01` is after `available: 2024-06-30`",
        ]
    );
}

#[test]
fn an_entry_available_before_its_predecessor_was_not_warned_of() {
    let entry = |id: &str, available: &str, predecessor: &str| {
        format!(
            "  - {{id: {id}, name: N, kind: gpu, status: shipping, available: {available}, predecessor: {predecessor}, sources: [https://x.com/a]}}\n"
        )
    };
    let entries = [
        "  - {id: old, name: Old, kind: gpu, status: shipping, available: 2025, sources: [https://x.com/a]}\n".to_string(),
        entry("early", "2024", "old"),
        // Near misses: overlapping, later, or a predecessor without a date.
        entry("overlap", "2025H1", "old"),
        entry("later", "2026", "old"),
        "  - {id: undated, name: U, kind: gpu, status: shipping, announced: 2020, sources: [https://x.com/a]}\n".to_string(),
        entry("after-undated", "2019", "undated"),
    ]
    .concat();
    assert_eq!(
        one(&entries),
        ["v.yaml:6:66: `available: 2024` is before its predecessor `old` (available 2025)"]
    );
}

#[test]
fn a_chip_before_its_memory_generation_was_not_warned_of() {
    // The generations live in other vendors' files; the earliest entry that matches dates one.
    let hbm = "  - {id: hbm4, name: HBM4, kind: memory, status: shipping, available: 2026, sources: [https://x.com/a]}\n  - {id: hbm3e, name: HBM3E, kind: memory, status: shipping, available: 2024, aliases: [HBM3 Gen2], sources: [https://x.com/a]}\n";
    let maker = "  - {id: hbm4-12hi, name: HBM4 12-Hi, kind: memory, status: shipping, available: 2025H2, aliases: [hbm4], sources: [https://x.com/a]}\n";
    let chip = |id: &str, available: &str, memory: &str| {
        format!(
            "  - {{id: {id}, name: N, kind: gpu, status: shipping, available: {available}, memory: {{type: {memory}}}, sources: [https://x.com/a]}}\n"
        )
    };
    let chips = [
        chip("early", "2025H1", "HBM4"),
        chip("alias", "2023", "hbm3 gen2"),
        // Near misses: within the earliest generation's interval, later, or no such generation.
        chip("ok", "2025Q4", "hbm4"),
        chip("later", "2027", "HBM4"),
        chip("unknown", "2020", "LPDDR5X"),
    ]
    .concat();
    let found = warnings(
        &[("hbm", hbm), ("maker", maker), ("v", &chips)],
        // A day when every chip has started shipping, so no status is out of date.
        "2030-01-01",
    );
    assert_eq!(
        found,
        [
            "v.yaml:5:89: memory `HBM4` is available from 2025H2 (maker/hbm4-12hi), after this chip's `available: 2025H1`",
            "v.yaml:6:87: memory `hbm3 gen2` is available from 2024 (hbm/hbm3e), after this chip's `available: 2023`",
        ]
    );
    // A memory entry is a generation, not a chip that uses one.
    let part = "  - {id: p, name: P, kind: memory, status: shipping, available: 2020, memory: {type: HBM4}, sources: [https://x.com/a]}\n";
    assert_eq!(
        warnings(&[("hbm", hbm), ("v", part)], "2026-11-30"),
        Vec::<String>::new()
    );
}

#[test]
fn warnings_come_in_file_order_and_a_vendor_with_problems_is_still_warned_of() {
    // An unknown vendor field makes the vendor one with problems; a bad entry is left out.
    let text = "vendor: v\nname: V\nhomepage: v.com\nentries:\n  - {id: b, name: B, kind: gpu, status: shipping, available: 2024}\n  - {id: a, name: A, kind: gpu, status: shiping, available: 2024}\n  - {id: c, name: C, kind: gpu, status: shipping, available: 2024, sources: [x]}\n";
    let source = SourceFile {
        path: "v.yaml",
        text,
    };
    let mut problems = Vec::new();
    let decoded = decode::decode_marked(&source, "v", Some(FileKind::Vendor), &mut problems);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(decoded.vendors.is_empty() && decoded.flawed.len() == 1);
    let today = Today {
        day: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        snapshot: true,
    };
    let found: Vec<(usize, String)> = diagnostics(&[(source, decoded.marked())], Some(today))
        .into_iter()
        .map(|d| (d.line, d.message))
        .collect();
    assert_eq!(
        found,
        [
            (5, "entry `v/b` has no sources".to_string()),
            (7, "source `x` is not an http(s) URL".to_string()),
        ]
    );
}
