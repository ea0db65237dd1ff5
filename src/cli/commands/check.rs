//! `chipmap check`: every problem in the data directory and its snapshots.

use std::io::Write;

use chipmap::render::diagnostics;
use chipmap::store;
use clap::Args;

use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Validate every vendor file and snapshot: report all problems with file, line and column;
/// exit 0 when clean, 1 when any problem is found.
#[derive(Debug, Args)]
pub struct CheckArgs {}

/// Runs `chipmap check`.
pub fn run(_args: CheckArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let report = store::check_data(&context.data)?;
    diagnostics::write(out, &report.diagnostics, context.stdout_paint)?;
    let n = report.diagnostics.len();
    if n > 0 {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}: {} files, {} entries: {}",
        context.data.display(),
        report.files,
        report.entries,
        match n {
            0 => "no problems".to_string(),
            1 => "1 problem".to_string(),
            n => format!("{n} problems"),
        }
    )?;
    Ok(if n == 0 {
        Outcome::Success
    } else {
        Outcome::Found
    })
}
