//! `chipmap show KEY`: one entry in full.

use std::io::Write;

use chipmap::Error;
use chipmap::model::FindError;
use chipmap::render::entry;
use clap::{Args, ValueEnum};

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Show one entry: every field, every source.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// `vendor/id`, or a bare id, name or alias that matches one entry (any case).
    key: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs `chipmap show`.
pub fn run(args: ShowArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let loaded = context.load()?;
    let (vendor, found) = loaded.roadmap.find(&args.key).map_err(|e| match e {
        FindError::Ambiguous(keys) => Error::usage(
            format!("`{}` matches {} entries", args.key, keys.len()),
            Some(format!("name one of: {}", keys.join(", "))),
        ),
        FindError::NotFound(near) => Error::usage(
            format!("no entry `{}` in {}", args.key, context.data.display()),
            Some(if near.is_empty() {
                "`chipmap list` shows every key".to_string()
            } else {
                format!("did you mean: {}?", near.join(", "))
            }),
        ),
    })?;
    match args.format {
        Format::Text => entry::write(
            out,
            vendor,
            found,
            context.terminal_width.unwrap_or(100),
            context.stdout_paint,
        )?,
        Format::Json => entry::write_json(out, vendor, found)?,
    }
    Ok(Outcome::Success)
}
