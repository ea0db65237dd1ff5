//! The report's entries: per vendor a table of every entry (name, key, kind and family,
//! status, dates, memory, process, and under them its notes and its sources as links); each
//! entry is anchored at its key, so the other sections link to it.

use std::fmt::Write as _;

use super::Section;
use super::html::{attr, escape, source};
use crate::model::{Entry, FuzzyDate, Roadmap, format_number};
use crate::render::plural;
use crate::render::svg::status;

/// The columns of an entry's first row; its notes and sources take a row under them.
const HEADER: [&str; 6] = [
    "entry",
    "status",
    "announced",
    "available",
    "memory",
    "process",
];

/// Returns the entries section: a list of the vendors, then a table per vendor.
pub fn section(roadmap: &Roadmap) -> Section {
    let mut body = String::new();
    if roadmap.vendors.is_empty() {
        body.push_str("<p>No entries.</p>\n");
    } else {
        body.push_str("<ul class=\"vendors-list\">\n");
    }
    for vendor in &roadmap.vendors {
        let _ = writeln!(
            body,
            "<li><a href=\"#vendor-{}\">{}</a> <span class=\"note\">{}</span></li>",
            attr(&vendor.vendor),
            escape(&vendor.name),
            vendor.entries.len()
        );
    }
    if !roadmap.vendors.is_empty() {
        body.push_str("</ul>\n");
    }
    for vendor in &roadmap.vendors {
        let _ = writeln!(
            body,
            "<h3 id=\"vendor-{}\">{}<span class=\"count\">{}</span></h3>",
            attr(&vendor.vendor),
            escape(&vendor.name),
            plural(vendor.entries.len(), "entry")
        );
        body.push_str("<div class=\"scroll\">\n<table class=\"entries\">\n<thead><tr>");
        for header in HEADER {
            let _ = write!(body, "<th>{header}</th>");
        }
        body.push_str("</tr></thead>\n");
        for entry in &vendor.entries {
            body.push_str(&rows(&entry.key(&vendor.vendor), entry));
        }
        body.push_str("</table>\n</div>\n");
    }
    Section {
        id: "entries",
        title: "Every entry".into(),
        body,
    }
}

/// Returns an entry as a `<tbody>` anchored at its key: its name, key, kind and family down
/// the left; its status, dates, memory and process across; its notes and sources below those.
/// Each cell carries its column's name, which a phone shows beside it (see the page's CSS).
fn rows(key: &str, entry: &Entry) -> String {
    let meta = [Some(entry.kind.as_str().to_string()), entry.family.clone()]
        .into_iter()
        .flatten()
        .map(|t| escape(&t))
        .collect::<Vec<_>>()
        .join(" · ");
    let about = notes(entry);
    let span = if about.is_empty() {
        ""
    } else {
        " rowspan=\"2\""
    };
    let mut out = format!(
        "<tbody id=\"{}\">\n<tr><td class=\"name\"{span}><strong>{}</strong><br/><span class=\"key\">{}</span><br/><span class=\"meta\">{meta}</span></td>",
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
        Some(confidence) => format!("{state} <span class=\"meta\">{confidence}</span>"),
        None => state,
    };
    let date = |d: Option<FuzzyDate>| d.map_or_else(String::new, |d| d.to_string());
    let text = |t: &Option<String>| t.as_deref().map(escape).unwrap_or_default();
    let cells = [
        state,
        date(entry.announced),
        date(entry.available),
        memory(entry),
        text(&entry.process),
    ];
    for (header, cell) in HEADER[1..].iter().zip(cells) {
        let _ = write!(out, "<td data-label=\"{header}\">{cell}</td>");
    }
    out.push_str("</tr>\n");
    if !about.is_empty() {
        let _ = writeln!(
            out,
            "<tr class=\"about\"><td colspan=\"{}\">{about}</td></tr>",
            HEADER.len() - 1
        );
    }
    out.push_str("</tbody>\n");
    out
}

/// Returns the memory as `HBM3E 288GB`, with its bandwidth under it.
fn memory(entry: &Entry) -> String {
    let label = entry.memory_label().map(|l| escape(&l)).unwrap_or_default();
    let bandwidth = entry.memory.as_ref().and_then(|m| m.bandwidth_tbs);
    match bandwidth {
        Some(tbs) if label.is_empty() => format!("{} TB/s", format_number(tbs)),
        Some(tbs) => format!(
            "{label} <span class=\"meta\">{} TB/s</span>",
            format_number(tbs)
        ),
        None => label,
    }
}

/// Returns the notes, then the sources as a numbered list of links.
fn notes(entry: &Entry) -> String {
    let mut out = String::new();
    if let Some(notes) = &entry.notes {
        let _ = write!(out, "<p class=\"notes\">{}</p>", escape(notes));
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
