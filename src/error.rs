//! The library's errors, and the located `Diagnostic` that every problem in a user's file becomes.

use std::fmt;
use std::path::PathBuf;

/// How bad a diagnostic is: an error fails `check`; a warning (doubtful but valid data)
/// fails only `check --strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One problem at one place in one file, with the line it is on and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user should see it (relative when it was given relative).
    pub path: String,
    /// 1-based line; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
    /// The offending line as shown, without its line break: the whole line, or on a long line
    /// a window of it around the column, with `…` where it was cut.
    pub line_text: String,
    /// The 1-based column in `line_text` (in characters) where the caret goes: `column` unless
    /// the line was cut.
    pub text_column: usize,
    pub message: String,
    pub hint: Option<String>,
    pub severity: Severity,
}

impl Diagnostic {
    /// Returns a diagnostic about a whole file, which has no line to point at.
    pub fn file(path: impl Into<String>, message: impl Into<String>, hint: Option<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: 0,
            column: 0,
            width: 0,
            line_text: String::new(),
            text_column: 0,
            message: message.into(),
            hint,
            severity: Severity::Error,
        }
    }

    /// Returns the diagnostic as a warning.
    pub fn warning(self) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// Returns `path:line:column` (or the bare path for a whole-file problem).
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.path.clone()
        } else {
            format!("{}:{}:{}", self.path, self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

/// Everything the library can fail with; the binary maps each to an exit code in one place.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data (or the data a change would produce) does not pass `check`.
    #[error("{} problem{} in the roadmap data", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Invalid(Vec<Diagnostic>),
    /// A change that would leave the data failing `check`; nothing was written.
    #[error("the change would leave {} problem{}", .0.len(), if .0.len() == 1 { "" } else { "s" })]
    Refused(Vec<Diagnostic>),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A request that cannot be carried out as asked (unknown key, existing target ...).
    #[error("{message}")]
    Usage {
        message: String,
        hint: Option<String>,
    },
}

impl Error {
    /// Returns a usage error with an optional hint.
    pub fn usage(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Usage {
            message: message.into(),
            hint,
        }
    }

    /// Returns an I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
