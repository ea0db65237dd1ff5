//! The report's "what changed": the `Changes` the `diff` command computes, per vendor an item
//! per entry (added, removed, renamed, changed) and its fields, in the words `diff` uses
//! (render/diff words them once), as HTML.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::Section;
use super::html::{entry_anchor, escape};
use crate::diff::{ChangeKind, EntryChange, FieldChange, Run, WordDiff};
use crate::model::{Roadmap, ShiftClass};
use crate::render::diff::{
    SPACING, Shown, Words, by_vendor, describe_field, describe_group, shown, summary_parts,
    what_happened,
};

use super::Compared;

/// How the page writes what `diff` says: text escaped for HTML, and the arrow.
const HTML: Words = Words {
    data: escape,
    arrow: "→",
};

/// Returns the section of what changed between the two versions of `compared` (or says that
/// there is no version to compare with); a key of an entry in `roadmap` links to it.
pub fn section(compared: Option<Compared>, roadmap: &Roadmap) -> Section {
    let Some(Compared { changes, context }) = compared else {
        return Section {
            id: "changes",
            title: "What changed".into(),
            body: "<p>No snapshot to compare with: freeze one with <code>chipmap snapshot NAME</code>, \
                   and the next report says what changed since.</p>\n"
                .into(),
        };
    };
    let present: HashSet<String> = roadmap.entries().map(|(v, e)| e.key(&v.vendor)).collect();
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"note\">From {} to {}.</p>",
        escape(&context.old.describe()),
        escape(&context.new.describe())
    );
    let _ = writeln!(
        body,
        "<p><strong>Summary:</strong> {}.</p>",
        escape(&summary_parts(&changes.summary).join("; "))
    );
    for (vendor, list) in by_vendor(changes) {
        let _ = writeln!(body, "<h3>{}</h3>", escape(context.vendor_name(vendor)));
        body.push_str("<ul class=\"changes\">\n");
        for change in list {
            body.push_str(&entry(change, &present));
        }
        body.push_str("</ul>\n");
    }
    if changes.is_empty() {
        body.push_str("<p>No changes.</p>\n");
    }
    Section {
        id: "changes",
        title: format!("What changed since {}", context.old.label),
        body,
    }
}

/// Returns one entry's item: a tag for what happened, its name and key, then its fields.
fn entry(change: &EntryChange, present: &HashSet<String>) -> String {
    let (tag, what) = match change.change {
        ChangeKind::Added => ("added", rest(what_happened(change, HTML))),
        ChangeKind::Removed => ("removed", rest(what_happened(change, HTML))),
        ChangeKind::Modified => ("changed", String::new()),
        ChangeKind::Renamed => (
            "renamed",
            format!(
                "renamed from <code>{}</code>",
                escape(change.renamed_from.as_deref().unwrap_or("?"))
            ),
        ),
    };
    let key = if present.contains(&change.key) {
        format!(
            "<a class=\"key\" href=\"{}\">{}</a>",
            entry_anchor(&change.key),
            escape(&change.key)
        )
    } else {
        format!("<span class=\"key\">{}</span>", escape(&change.key))
    };
    let what = match what.is_empty() {
        true => String::new(),
        false => format!(": {what}"),
    };
    let mut out = format!(
        "<li><span class=\"tag {tag}\">{tag}</span> <strong>{}</strong> ({key}){what}",
        escape(&change.name)
    );
    let fields = shown(change);
    if !fields.is_empty() {
        out.push_str("\n<ul>\n");
        for line in fields {
            out.push_str(&field_line(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</li>\n");
    out
}

/// Returns what follows `added:` or `removed:` (the tag says which): where the entry stands.
fn rest(units: Vec<String>) -> String {
    units.into_iter().skip(1).collect::<Vec<_>>().join(" ")
}

/// Returns one field's line: a date's move (coloured by its way), a text's changed words,
/// a group of fields set or unset together, or the old and new values.
fn field_line(line: Shown) -> String {
    match line {
        Shown::Group { parent, fields } => format!(
            "<li><code>{}</code>: {}</li>\n",
            escape(parent),
            describe_group(parent, &fields, HTML).join(" ")
        ),
        Shown::Field(field) => {
            let path = format!("<code>{}</code>", escape(&field.path));
            match field.word_diff() {
                Some(WordDiff::Edited(runs)) => {
                    let runs: Vec<String> = runs.iter().map(run).collect();
                    format!("<li>{path}: {}</li>\n", runs.join(" "))
                }
                Some(WordDiff::Rewritten { old, new }) => format!(
                    "<li>{path}, rewritten: <del>{}</del> <ins>{}</ins></li>\n",
                    escape(&old),
                    escape(&new)
                ),
                Some(WordDiff::Spacing) => format!("<li>{path}: {SPACING}</li>\n"),
                None => format!("<li>{path}: {}</li>\n", moved(field)),
            }
        }
    }
}

/// Returns a field's change as `diff` words it; a date that slipped or was pulled in (not a
/// correction) marked so it can be told at a glance.
fn moved(field: &FieldChange) -> String {
    let text = describe_field(field, HTML);
    let class = match field.shift.map(|s| s.class) {
        _ if field.corrects => None,
        Some(ShiftClass::Slipped) => Some("moved-later"),
        Some(ShiftClass::PulledIn) => Some("moved-earlier"),
        _ => None,
    };
    match class {
        Some(class) => format!("<span class=\"{class}\">{text}</span>"),
        None => text,
    }
}

/// Returns a run of a text's word diff: kept words plain, removed ones struck, added ones
/// marked as inserted.
fn run(run: &Run) -> String {
    match run {
        Run::Kept(words) => escape(words),
        Run::Changed { old, new } => {
            let old = (!old.is_empty()).then(|| format!("<del>{}</del>", escape(old)));
            let new = (!new.is_empty()).then(|| format!("<ins>{}</ins>", escape(new)));
            let both: Vec<String> = [old, new].into_iter().flatten().collect();
            both.join(" ")
        }
    }
}
