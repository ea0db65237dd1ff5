//! `diff` as a Markdown report: a heading, the summary, then per vendor a bullet per entry.
//! Everything from the data goes through `markdown::escape`, so it renders as its own words;
//! changed words are whole runs, `~~old words~~ **new words**`.

use std::io::{self, Write};

use super::{
    DiffContext, SPACING, Shown, Words, by_vendor, describe_field, describe_group, shown,
    summary_parts, what_happened,
};
use crate::diff::{ChangeKind, Changes, FieldChange, Run, WordDiff};
use crate::render::markdown::escape;

pub(crate) const MARKDOWN: Words = Words {
    data: escape,
    arrow: "→",
};

/// Writes a Markdown report: a heading, the summary, then per vendor a bullet per entry.
pub fn write_markdown(out: &mut dyn Write, changes: &Changes, ctx: &DiffContext) -> io::Result<()> {
    writeln!(
        out,
        "## Roadmap changes: {} → {}",
        escape(&ctx.old.describe()),
        escape(&ctx.new.describe())
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "**Summary:** {}.",
        summary_parts(&changes.summary).join("; ")
    )?;
    for (vendor, list) in by_vendor(changes) {
        writeln!(out)?;
        writeln!(out, "### {}", escape(ctx.vendor_name(vendor)))?;
        writeln!(out)?;
        for change in list {
            let what = match change.change {
                ChangeKind::Modified => "changed".to_string(),
                ChangeKind::Renamed => format!(
                    "renamed from {}",
                    code(change.renamed_from.as_deref().unwrap_or("?"))
                ),
                _ => what_happened(change, MARKDOWN).join(" "),
            };
            writeln!(
                out,
                "- **{}** ({}): {what}",
                escape(&change.name),
                code(&change.key)
            )?;
            write_shown(out, shown(change))?;
        }
    }
    if changes.is_empty() {
        writeln!(out)?;
        writeln!(out, "No changes.")?;
    }
    Ok(())
}

/// Writes one field as a nested bullet; a rewritten text as two more, before and after.
/// Writes one bullet per field, or per group of `memory` or `specs` fields set or unset together.
pub(crate) fn write_shown(out: &mut dyn Write, fields: Vec<Shown<'_>>) -> io::Result<()> {
    for shown in fields {
        match shown {
            Shown::Field(field) => write_field(out, field)?,
            Shown::Group { parent, fields } => writeln!(
                out,
                "  - {}: {}",
                code(parent),
                describe_group(parent, &fields, MARKDOWN).join(" ")
            )?,
        }
    }
    Ok(())
}

pub(crate) fn write_field(out: &mut dyn Write, field: &FieldChange) -> io::Result<()> {
    let path = code(&field.path);
    match field.word_diff() {
        Some(WordDiff::Edited(runs)) => {
            let runs: Vec<String> = runs.iter().map(run).collect();
            writeln!(out, "  - {path}: {}", runs.join(" "))
        }
        Some(WordDiff::Rewritten { old, new }) => {
            writeln!(out, "  - {path}, rewritten:")?;
            writeln!(out, "    - before: ~~{}~~", escape(&old))?;
            writeln!(out, "    - after: {}", escape(&new))
        }
        Some(WordDiff::Spacing) => writeln!(out, "  - {path}: {SPACING}"),
        None => writeln!(out, "  - {path}: {}", describe_field(field, MARKDOWN)),
    }
}

/// Returns a run as Markdown: kept words plain, removed ones struck through, added ones bold,
/// each run marked once as a whole.
fn run(run: &Run) -> String {
    match run {
        Run::Kept(words) => escape(words),
        Run::Changed { old, new } => {
            let old = (!old.is_empty()).then(|| format!("~~{}~~", escape(old)));
            let new = (!new.is_empty()).then(|| format!("**{}**", escape(new)));
            let both: Vec<String> = [old, new].into_iter().flatten().collect();
            both.join(" ")
        }
    }
}

/// Returns `text` as inline code, or escaped text when it holds a backtick or a line break
/// (a key is a slug, but a spec name or a path may hold anything).
pub(crate) fn code(text: &str) -> String {
    if text.contains(['`', '\n', '\r']) || text.is_empty() {
        escape(text)
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests {
    use super::{code, run};
    use crate::diff::Run;

    #[test]
    fn a_changed_run_was_bold_word_by_word() {
        let changed = Run::Changed {
            old: "~1kW".into(),
            new: "2023 in *San* Jose".into(),
        };
        assert_eq!(run(&changed), r"~~\~1kW~~ **2023 in \*San\* Jose**");
        let added = Run::Changed {
            old: String::new(),
            new: "x|y".into(),
        };
        assert_eq!(run(&added), r"**x\|y**");
    }

    #[test]
    fn a_backtick_in_a_spec_name_broke_its_code_span() {
        assert_eq!(code("specs.tdp_w"), "`specs.tdp_w`");
        assert_eq!(code("specs.a`b"), r"specs.a\`b");
    }
}
