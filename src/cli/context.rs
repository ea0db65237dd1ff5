//! What every command needs, resolved once from flags and environment: data, colour, today.

use std::fmt;
use std::io::{self, IsTerminal, StderrLock, Write};
use std::path::{Path, PathBuf};

use chipmap::render::Paint;
use chipmap::render::visible::Visible;
use chipmap::store::{self, DataDir, Loaded};
use chrono::NaiveDate;

use super::ColorChoice;

/// The resolved settings a command runs with; commands read no environment themselves.
#[derive(Debug)]
pub struct Context {
    pub data: DataDir,
    /// Colour for stdout and stderr, each decided for its own stream.
    pub stdout_paint: Paint,
    pub stderr_paint: Paint,
    /// The terminal's width when stdout is a terminal.
    pub terminal_width: Option<usize>,
    pub today: NaiveDate,
    /// The crash-test hook of the write path (`CHIPMAP_FAULT`), passed to the store.
    pub fault: Option<String>,
}

impl Context {
    /// Returns the context for the given global options and the process environment.
    pub fn new(data: Option<PathBuf>, color: ColorChoice, today: Option<NaiveDate>) -> Context {
        let data = match data {
            Some(dir) => DataDir::Path(dir),
            None => std::env::current_dir()
                .ok()
                .and_then(|cwd| store::find_roadmaps_dir(&cwd))
                .map_or(DataDir::Embedded, DataDir::Path),
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let paint = |is_terminal: bool| Paint {
            enabled: match color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => is_terminal && !no_color,
            },
        };
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let terminal_width = stdout_is_terminal
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0));
        Context {
            data,
            stdout_paint: paint(stdout_is_terminal),
            stderr_paint: paint(std::io::stderr().is_terminal()),
            terminal_width,
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            fault: std::env::var(store::FAULT_ENV).ok(),
        }
    }

    /// Returns stderr behind the output filter, which shows the data's control characters.
    pub fn stderr(&self) -> Visible<StderrLock<'static>> {
        Visible::new(io::stderr().lock(), self.stderr_paint.enabled)
    }

    /// Prints `message` and a newline to stderr, through the output filter.
    pub fn note(&self, message: fmt::Arguments) {
        let mut err = self.stderr();
        // A message about work already done: a closed stderr must not undo or fail it.
        let _ = writeln!(err, "{message}").and_then(|()| err.finish());
    }

    /// Returns the data directory to change, refusing the read-only built-in dataset.
    pub fn writable_dir(&self) -> chipmap::Result<&Path> {
        match &self.data {
            DataDir::Path(dir) => Ok(dir),
            DataDir::Embedded => Err(chipmap::Error::usage(
                "no roadmap directory here, and the built-in dataset is read-only",
                Some("run `chipmap init roadmaps` to make an editable copy, then run this there (or give --data DIR)".into()),
            )),
        }
    }

    /// Returns the roadmap as of `reference` (FORMAT.md section 5), else the working data.
    pub fn roadmap_as_of(&self, reference: Option<&str>) -> chipmap::Result<chipmap::Roadmap> {
        match reference {
            Some(reference) => Ok(store::resolve(reference, &self.data)?.roadmap),
            None => Ok(self.load()?.roadmap),
        }
    }

    /// Returns the roadmap of the data directory, refusing data that does not pass `check`.
    pub fn load(&self) -> chipmap::Result<Loaded> {
        store::load_data(&self.data)
    }
}
