//! The command line: parse argv, resolve it once into a Context, run one command, exit.

mod commands;
mod context;
mod exit;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};

use context::Context;

/// Track, check, list and draw the roadmaps of AI datacenter chips and HBM memory.
///
/// The data is one YAML file per vendor in a data directory: --data DIR, else $CHIPMAP_DATA,
/// else a `roadmaps` folder in the current directory or the nearest ancestor, else the
/// dataset built into chipmap (read-only; `chipmap init DIR` writes an editable copy).
#[derive(Debug, Parser)]
// Plain styles: clap's messages echo the arguments, and they are printed through the output
// filter, which would show clap's colour as escapes too (see exit::clap_error).
#[command(
    name = "chipmap",
    version,
    max_term_width = 100,
    styles = clap::builder::Styles::plain()
)]
struct Cli {
    /// The data directory (one YAML file per vendor).
    #[arg(long, global = true, env = "CHIPMAP_DATA", value_name = "DIR")]
    data: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Width in columns of text meant for a person (default: the terminal's, else 100).
    #[arg(
        long,
        global = true,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(context::MIN_WIDTH as i64..)
    )]
    width: Option<u16>,

    #[command(flatten)]
    limits: context::Limits,

    #[command(subcommand)]
    command: commands::Command,
}

/// `--color`: colour on a terminal (and never with NO_COLOR), always, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Returns the process exit code after running the command line `args`.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    exit::report_panics_visibly();
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return exit::clap_error(&e),
    };
    let today = context::today_from_env();
    let options = context::Options {
        data: cli.data,
        color: cli.color,
        today: today.as_ref().ok().copied().flatten(),
        width: cli.width.map(usize::from),
    };
    let context = Context::new(options, &cli.limits);
    let result = match today {
        Ok(_) => commands::run(cli.command, &context),
        Err(e) => Err(e.into()),
    };
    exit::finish(result, &context)
}
