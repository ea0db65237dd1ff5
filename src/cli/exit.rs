//! The one place that turns a command's outcome into an exit code and prints its errors.
//!
//! Exit codes: 0 success; 1 "found something" (`check` found problems); 2 bad usage or input
//! (unknown flag, unreadable or invalid file, unknown key, refused change). A closed pipe on
//! stdout (`chipmap list | head`) ends quietly with 0.

use std::io::{self, Write};
use std::process::ExitCode;

use anstyle::AnsiColor;
use chipmap::Error;
use chipmap::render::visible::Visible;
use chipmap::render::{diagnostics, plural};

use super::context::Context;

/// Why a command stopped early: the library refused, or stdout could not be written.
#[derive(Debug)]
pub enum Failure {
    Lib(Error),
    Output(io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Lib(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

/// A command's verdict when it ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success,
    Found,
}

/// Returns the exit code for a command's result, printing any error to stderr.
pub fn finish(result: Result<Outcome, Failure>, context: &Context) -> ExitCode {
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Found) => ExitCode::from(1),
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failure) => {
            let mut err = context.stderr();
            // Nothing sensible remains to be done if stderr itself is closed.
            let _ = report(&mut err, &failure, context).and_then(|()| err.finish());
            ExitCode::from(2)
        }
    }
}

fn report(err: &mut dyn Write, failure: &Failure, context: &Context) -> io::Result<()> {
    let paint = context.stderr_paint;
    let label = paint.paint(AnsiColor::Red.on_default().bold(), "error");
    let hint_style = AnsiColor::Cyan.on_default();
    match failure {
        Failure::Lib(Error::Invalid(found)) => {
            let see_all = "`chipmap check --all` shows them all";
            diagnostics::write_capped(
                err,
                found,
                context.diagnostics_layout(paint),
                Some(diagnostics::SHOWN),
                Some(see_all),
            )?;
            writeln!(err)?;
            writeln!(
                err,
                "{label}: {} in the roadmap data of {}; nothing was done",
                plural(found.len(), "problem"),
                context.data.display()
            )?;
            writeln!(
                err,
                "  = {}",
                paint.paint(
                    hint_style,
                    "fix them (`chipmap check --all` lists them all), then run the command again"
                )
            )
        }
        Failure::Lib(Error::Refused(found)) => {
            diagnostics::write_capped(
                err,
                found,
                context.diagnostics_layout(paint),
                Some(diagnostics::SHOWN),
                None,
            )?;
            writeln!(err)?;
            writeln!(
                err,
                "{label}: the change would leave {} (shown in the file as it would be); nothing was written",
                plural(found.len(), "problem")
            )
        }
        Failure::Lib(Error::Usage { message, hint }) => {
            writeln!(err, "{label}: {message}")?;
            match hint {
                Some(hint) => writeln!(err, "  = {}", paint.paint(hint_style, hint)),
                None => Ok(()),
            }
        }
        Failure::Lib(e @ Error::Io { .. }) => writeln!(err, "{label}: {e}"),
        Failure::Output(e) => writeln!(err, "{label}: cannot write the output: {e}"),
    }
}

/// Makes a panic's message go through the output filter like every other message: it may
/// quote a value from a data file. Backtraces as `RUST_BACKTRACE` asks, as by default.
pub fn report_panics_visibly() {
    std::panic::set_hook(Box::new(|info| {
        let mut err = Visible::new(io::stderr().lock(), false);
        let backtrace = std::backtrace::Backtrace::capture();
        let _ = writeln!(err, "chipmap panicked, which is a bug: {info}");
        if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
            let _ = writeln!(err, "{backtrace}");
        }
        let _ = err.finish();
    }));
}

/// Returns the exit code for an argument error, after printing it (help: 0, else 2).
///
/// clap's message echoes the arguments, which may hold escape sequences, so it is printed
/// through the output filter, without colour (clap's styles are plain: the filter could not
/// tell clap's colour from the arguments'). Help and `--version` go to stdout the same way.
pub fn clap_error(e: &clap::Error) -> ExitCode {
    // `ansi()` keeps the arguments' bytes as they are (plain styles add none), so the filter
    // shows them; the plain `to_string()` would silently strip them.
    let text = e.render().ansi().to_string();
    // Nothing sensible remains to be done if the stream itself is closed.
    if e.use_stderr() {
        let _ = print_plain(io::stderr().lock(), &text);
        ExitCode::from(2)
    } else {
        let _ = print_plain(io::stdout().lock(), &text);
        ExitCode::SUCCESS
    }
}

/// Writes `text` to `stream` through the output filter, without colour.
fn print_plain(stream: impl Write, text: &str) -> io::Result<()> {
    let mut out = Visible::new(stream, false);
    out.write_all(text.as_bytes())?;
    out.finish()
}
