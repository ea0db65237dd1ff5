//! The report's entries: per vendor a table of every entry (name, key, kind and family,
//! status, dates, memory, process), its notes and its sources as links; each entry is
//! anchored at its key, so the other sections link to it.

use std::fmt::Write as _;

use super::Section;
use super::html::{Align, Table, attr, escape, source};
use crate::model::{Entry, Roadmap, format_number};
use crate::render::plural;
use crate::render::svg::status;

const HEADER: [&str; 7] = [
    "entry",
    "status",
    "announced",
    "available",
    "memory",
    "process",
    "notes and sources",
];

/// Returns the entries section: a list of the vendors, then a table per vendor.
pub fn section(roadmap: &Roadmap) -> Section {
    let mut body = String::new();
    if roadmap.vendors.is_empty() {
        body.push_str("<p>No entries.</p>\n");
    }
    body.push_str("<ul class=\"vendors-list\">\n");
    for vendor in &roadmap.vendors {
        let _ = writeln!(
            body,
            "<li><a href=\"#vendor-{}\">{}</a> <span class=\"note\">{}</span></li>",
            attr(&vendor.vendor),
            escape(&vendor.name),
            vendor.entries.len()
        );
    }
    body.push_str("</ul>\n");
    for vendor in &roadmap.vendors {
        let _ = writeln!(
            body,
            "<h3 id=\"vendor-{}\">{}<span class=\"count\">{}</span></h3>",
            attr(&vendor.vendor),
            escape(&vendor.name),
            plural(vendor.entries.len(), "entry")
        );
        let rows = vendor
            .entries
            .iter()
            .map(|e| row(&e.key(&vendor.vendor), e))
            .collect();
        let table = Table {
            header: HEADER.iter().map(|h| (*h).to_string()).collect(),
            align: vec![Align::Left; HEADER.len()],
            rows,
            class: "entries",
        };
        body.push_str(&table.html());
    }
    Section {
        id: "entries",
        title: "Every entry".into(),
        body,
    }
}

/// Returns an entry's cells, HTML.
fn row(key: &str, entry: &Entry) -> Vec<String> {
    let meta = [Some(entry.kind.as_str().to_string()), entry.family.clone()]
        .into_iter()
        .flatten()
        .map(|t| escape(&t))
        .collect::<Vec<_>>()
        .join(" · ");
    let name = format!(
        "<strong id=\"{}\">{}</strong><br/><span class=\"key\">{}</span><br/><span class=\"meta\">{meta}</span>",
        attr(key),
        escape(&entry.name),
        escape(key)
    );
    let state = format!(
        "<span class=\"status\" style=\"--dot:{}\">{}</span>",
        status::colour(entry.status),
        entry.status
    );
    let state = match entry.confidence {
        Some(confidence) => format!("{state}<br/><span class=\"meta\">{confidence}</span>"),
        None => state,
    };
    let date = |d: Option<crate::model::FuzzyDate>| {
        d.map_or_else(String::new, |d| format!("<span class=\"nowrap\">{d}</span>"))
    };
    let text = |t: &Option<String>| t.as_deref().map(escape).unwrap_or_default();
    vec![
        name,
        state,
        date(entry.announced),
        date(entry.available),
        memory(entry),
        text(&entry.process),
        notes(entry),
    ]
}

/// Returns the memory as `HBM3E 288GB`, with its bandwidth under it.
fn memory(entry: &Entry) -> String {
    let label = entry.memory_label().map(|l| escape(&l)).unwrap_or_default();
    let bandwidth = entry.memory.as_ref().and_then(|m| m.bandwidth_tbs);
    match bandwidth {
        Some(tbs) if label.is_empty() => format!("{} TB/s", format_number(tbs)),
        Some(tbs) => format!(
            "{label}<br/><span class=\"meta\">{} TB/s</span>",
            format_number(tbs)
        ),
        None => label,
    }
}

/// Returns the notes, then the sources as a numbered list of links.
fn notes(entry: &Entry) -> String {
    let mut out = String::new();
    if let Some(notes) = &entry.notes {
        out.push_str(&escape(notes));
    }
    if !entry.sources.is_empty() {
        out.push_str("<ol class=\"sources\">");
        for url in &entry.sources {
            let _ = write!(out, "<li>{}</li>", source(url));
        }
        out.push_str("</ol>");
    }
    out
}
