//! What every command needs, resolved once from flags and environment: data, colour, today,
//! and the limits on reading files and waiting for the lock.

use std::fmt;
use std::io::{self, IsTerminal, StderrLock, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chipmap::render::Paint;
use chipmap::render::visible::Visible;
use chipmap::store::{self, DataDir, DirLock, Loaded};
use chrono::NaiveDate;
use clap::Args;

use super::ColorChoice;

/// The version an `--as-of` reference resolved to: its name and, for a snapshot, its day.
#[derive(Debug, Clone)]
pub struct AsOf {
    pub label: String,
    pub taken: Option<NaiveDate>,
}

impl AsOf {
    /// Returns the line that names the version: `as of NAME (taken DAY)`.
    pub fn caption(&self) -> String {
        chipmap::render::as_of_caption(&self.label, self.taken)
    }
}

/// The resolved settings a command runs with; commands read no environment themselves.
#[derive(Debug)]
pub struct Context {
    pub data: DataDir,
    /// How `data` was chosen, for `--verbose`.
    pub data_from: DataFrom,
    /// Colour for stdout and stderr, each decided for its own stream.
    pub stdout_paint: Paint,
    pub stderr_paint: Paint,
    /// The width that text for a person fits: `--width`, else the terminal's, else 100.
    pub width: usize,
    /// Whether `width` was asked for with `--width` (a terminal's is only what there is).
    pub width_asked: bool,
    pub today: NaiveDate,
    /// The crash-test hook of the write path (`CHIPMAP_FAULT`), passed to the store.
    pub fault: Option<String>,
    /// How long a change waits for another chipmap holding the data directory's lock.
    pub lock_timeout: Duration,
}

/// The narrowest `--width` accepted: below it no table or timeline is readable.
pub const MIN_WIDTH: usize = 40;

/// The width of text for a person when stdout is not a terminal and no `--width` is given.
const PIPE_WIDTH: usize = 100;

/// How the data directory was chosen (docs/format.md section 1), first match wins.
#[derive(Debug)]
pub enum DataFrom {
    /// `--data DIR`.
    Flag,
    /// The environment variable `CHIPMAP_DATA`.
    Env,
    /// Found from the current directory.
    Found(store::Found),
    /// None of those: the built-in dataset; the current directory searched, if readable.
    Builtin(Option<PathBuf>),
}

/// The global options that shape what every command reads and prints.
#[derive(Debug)]
pub struct Options {
    pub data: Option<PathBuf>,
    /// Whether `data` came from `CHIPMAP_DATA` rather than `--data`.
    pub data_from_env: bool,
    pub color: ColorChoice,
    pub today: Option<NaiveDate>,
    pub width: Option<usize>,
}

/// The environment variable that fixes the day taken as today (reproducible output, tests).
const TODAY_ENV: &str = "CHIPMAP_TODAY";

/// Returns the day `CHIPMAP_TODAY` names, if it is set, or an error that names the variable
/// and says what is wrong with its value, as for a date in a file.
pub fn today_from_env() -> chipmap::Result<Option<NaiveDate>> {
    let Some(value) = std::env::var_os(TODAY_ENV) else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    chipmap::model::FuzzyDate::parse_day(&text)
        .map(Some)
        .map_err(|e| {
            chipmap::Error::usage(
                format!("{TODAY_ENV}: {}", e.message()),
                Some(format!(
                    "set {TODAY_ENV} to a day such as 2026-11-30, or unset it to use the clock"
                )),
            )
        })
}

/// The global options that bound what chipmap reads and how long it waits (long help only).
#[derive(Debug, Args)]
pub struct Limits {
    /// The largest file chipmap reads, in MiB: a guard against reading a disk image or a
    /// runaway file as a roadmap.
    #[arg(
        long,
        global = true,
        env = store::MAX_FILE_ENV,
        value_name = "MIB",
        default_value_t = store::DEFAULT_MAX_FILE_MB,
        value_parser = mebibytes,
        hide_short_help = true
    )]
    max_file_mb: u64,
    /// How long a change waits for another chipmap changing the same data directory, in
    /// seconds, before it gives up with exit 2.
    #[arg(
        long,
        global = true,
        env = store::LOCK_TIMEOUT_ENV,
        value_name = "SECONDS",
        default_value_t = store::DEFAULT_LOCK_TIMEOUT.as_secs(),
        value_parser = seconds,
        hide_short_help = true
    )]
    lock_timeout: u64,
}

/// Returns a size limit in MiB, at least 1, or an error naming both ways of giving it.
fn mebibytes(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(mb) if mb > 0 => Ok(mb),
        _ => Err(format!(
            "expected a whole number of MiB, at least 1 (--max-file-mb or {})",
            store::MAX_FILE_ENV
        )),
    }
}

/// Returns a timeout in whole seconds (0: do not wait), or an error naming both ways of giving it.
fn seconds(text: &str) -> Result<u64, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "expected a whole number of seconds (--lock-timeout or {})",
            store::LOCK_TIMEOUT_ENV
        )
    })
}

impl Context {
    /// Returns the context for the given global options and the process environment.
    pub fn new(options: Options, limits: &Limits) -> Context {
        let Options {
            data,
            data_from_env,
            color,
            today,
            width,
        } = options;
        // The one process-wide setting of the store: every file it reads obeys it.
        store::set_max_file_mb(limits.max_file_mb);
        let (data, data_from) = match data {
            Some(dir) if data_from_env => (DataDir::Path(dir), DataFrom::Env),
            Some(dir) => (DataDir::Path(dir), DataFrom::Flag),
            None => {
                let cwd = std::env::current_dir().ok();
                match cwd.as_deref().and_then(store::find_data_dir) {
                    Some(found) => (DataDir::Path(found.dir.clone()), DataFrom::Found(found)),
                    None => (DataDir::Embedded, DataFrom::Builtin(cwd)),
                }
            }
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
        let width_asked = width.is_some();
        let width = width
            .or_else(|| {
                stdout_is_terminal
                    .then(terminal_size::terminal_size)
                    .flatten()
                    .map(|(w, _)| usize::from(w.0))
            })
            .unwrap_or(PIPE_WIDTH)
            .max(MIN_WIDTH);
        Context {
            data,
            data_from,
            stdout_paint: paint(stdout_is_terminal),
            stderr_paint: paint(std::io::stderr().is_terminal()),
            width,
            width_asked,
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            fault: std::env::var(store::FAULT_ENV).ok(),
            lock_timeout: Duration::from_secs(limits.lock_timeout),
        }
    }

    /// Says on stderr which data directory the command uses and how it was chosen
    /// (`--verbose`).
    pub fn say_data(&self) {
        let why = match &self.data_from {
            DataFrom::Flag => "from --data".to_string(),
            DataFrom::Env => "from CHIPMAP_DATA".to_string(),
            DataFrom::Found(found) => {
                format!("found from the current directory: {}", found.reason())
            }
            DataFrom::Builtin(cwd) => {
                let searched = cwd
                    .as_deref()
                    .map(|cwd| format!(" in {} or above it", cwd.display()))
                    .unwrap_or_default();
                return self.note(format_args!(
                    "data directory: the built-in dataset (read-only): no --data, no CHIPMAP_DATA, and no data directory{searched}"
                ));
            }
        };
        self.note(format_args!(
            "data directory: {} ({why})",
            self.data.display()
        ));
    }

    /// Returns how diagnostics are drawn on a stream painted with `paint`, at the width.
    pub fn diagnostics_layout(&self, paint: Paint) -> chipmap::render::diagnostics::Layout {
        chipmap::render::diagnostics::Layout {
            paint,
            width: self.width,
        }
    }

    /// Returns the lock of the data directory `dir`, saying on stderr when it has to wait.
    pub fn lock(&self, dir: &Path) -> chipmap::Result<DirLock> {
        DirLock::acquire(dir, self.lock_timeout, &mut |path| {
            self.note(format_args!(
                "waiting for another chipmap to finish (it holds {}; giving up after {} s)",
                store::shown(path),
                self.lock_timeout.as_secs()
            ));
        })
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

    /// Returns the roadmap as of `reference` (docs/format.md section 5) with the version it
    /// resolved to, so the output can name it; else the working data and no version.
    pub fn roadmap_as_of(
        &self,
        reference: Option<&str>,
    ) -> chipmap::Result<(chipmap::Roadmap, Option<AsOf>)> {
        match reference {
            Some(reference) => {
                let resolved = store::resolve(reference, &self.data)?;
                let as_of = AsOf {
                    label: resolved.label,
                    taken: resolved.taken,
                };
                Ok((resolved.roadmap, Some(as_of)))
            }
            None => Ok((self.load()?.roadmap, None)),
        }
    }

    /// Returns the roadmap of the data directory, refusing data that does not pass `check`.
    pub fn load(&self) -> chipmap::Result<Loaded> {
        store::load_data(&self.data)
    }
}
