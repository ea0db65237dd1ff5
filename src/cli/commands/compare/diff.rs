//! `chipmap diff [FROM [TO]]`: what changed between two versions of the roadmap.

use std::io::Write;

use chipmap::diff::{self, FieldSelection};
use chipmap::model::Roadmap;
use chipmap::render::diff::{self as render, DiffContext, Side};
use chipmap::store::{self, Resolved};
use chipmap::{Error, Result};
use clap::{Args, ValueEnum};

use crate::cli::commands::filters::FilterArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// What changed between two versions of the roadmap.
///
/// Entries added, removed, renamed;
/// dates that slipped or were pulled in; specs that changed. FROM defaults to the newest
/// snapshot, TO to `working`. A version is `working`, a snapshot name (or unique prefix), a
/// date (the newest snapshot taken by then), a path, or git:REV.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older version (default: the newest snapshot).
    from: Option<String>,
    /// The newer version (default: working).
    to: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    /// Report only changes of these fields (comma-separated or repeated): `available`,
    /// `memory` (all of it), `memory.capacity_gb`, `specs`, `specs.tdp_w`, `notes` ...
    #[arg(long, value_name = "PATHS", value_delimiter = ',')]
    fields: Vec<String>,
    /// Leave out changes of these fields (comma-separated or repeated), e.g. `notes,sources`;
    /// an entry with no other change disappears, from the output and from --exit-code.
    #[arg(long, value_name = "PATHS", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Output format: text, json (docs/format.md section 7), markdown (a report), unified (a line
    /// diff of both sides written as canonical YAML).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
    /// Exit with 1 when anything changed (0 when nothing did), as `diff` does.
    #[arg(long)]
    exit_code: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    Unified,
}

/// Runs `chipmap diff`.
pub fn run(args: DiffArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let to = args.to.unwrap_or_else(|| "working".to_string());
    // The two sides are independent: read and parse them at the same time.
    let (old, new) = std::thread::scope(|scope| {
        let old = scope.spawn(|| match &args.from {
            Some(from) => store::resolve(from, &context.data),
            None => store::resolve_newest(&context.data),
        });
        let new = store::resolve(&to, &context.data);
        (
            old.join()
                .unwrap_or_else(|_| Err(Error::usage("reading the old side failed", None))),
            new,
        )
    });
    let (old, new) = (old?, new?);
    let filter = args.filters.resolve_in(&[&old.roadmap, &new.roadmap])?;
    let selection = FieldSelection::new(&args.fields, &args.ignore, &[&old.roadmap, &new.roadmap])?;
    if args.format == Format::Unified && !selection.is_everything() {
        return Err(Error::usage(
            "--fields and --ignore choose the fields of a report; --format unified diffs whole files",
            Some("use --format text, json or markdown".into()),
        )
        .into());
    }
    let changes = diff::diff_filtered(&old.roadmap, &new.roadmap, &filter);
    let changes = changes.select(&selection);
    let ctx = diff_context(&old, &new);
    match args.format {
        Format::Text => {
            render::write_text(out, &changes, &ctx, context.width, context.stdout_paint)?
        }
        Format::Json => render::write_json(out, &changes, &ctx)?,
        Format::Markdown => render::write_markdown(out, &changes, &ctx)?,
        Format::Unified => write_unified(
            out,
            &filter.narrow_vendors(&old.roadmap),
            &filter.narrow_vendors(&new.roadmap),
            &ctx,
        )?,
    }
    Ok(if args.exit_code && !changes.is_empty() {
        Outcome::Found
    } else {
        Outcome::Success
    })
}

pub(in crate::cli::commands) fn diff_context(old: &Resolved, new: &Resolved) -> DiffContext {
    let mut vendor_names: Vec<(String, String)> = Vec::new();
    // The newer display name wins for a vendor on both sides.
    for vendor in new.roadmap.vendors.iter().chain(&old.roadmap.vendors) {
        if !vendor_names.iter().any(|(id, _)| *id == vendor.vendor) {
            vendor_names.push((vendor.vendor.clone(), vendor.name.clone()));
        }
    }
    DiffContext {
        old: Side {
            label: old.label.clone(),
            taken: old.taken,
        },
        new: Side {
            label: new.label.clone(),
            taken: new.taken,
        },
        vendor_names,
    }
}

/// Writes a unified line diff of both sides, each written as canonical YAML with vendors and
/// entries sorted by id, so that order alone shows no difference.
fn write_unified(
    out: &mut dyn Write,
    old: &Roadmap,
    new: &Roadmap,
    ctx: &DiffContext,
) -> std::io::Result<()> {
    let canonical = |roadmap: &Roadmap| {
        let mut sorted = roadmap.clone();
        sorted.vendors.sort_by(|a, b| a.vendor.cmp(&b.vendor));
        for vendor in &mut sorted.vendors {
            vendor.entries.sort_by(|a, b| a.id.cmp(&b.id));
        }
        store::roadmap_text(&sorted)
    };
    let (old_text, new_text) = (canonical(old), canonical(new));
    let diff = similar::TextDiff::from_lines(&old_text, &new_text);
    let header = (
        format!("a/{}", ctx.old.label),
        format!("b/{}", ctx.new.label),
    );
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .header(&header.0, &header.1)
    )
}
