//! A version of the roadmap in a history (docs/format.md section 8): a snapshot, a git commit,
//! or the working data.

use chrono::NaiveDate;
use serde::Serialize;

/// One version of the roadmap, as a history names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionInfo {
    /// How references name it: a snapshot's name, `git:SHORTHASH`, or `working`.
    #[serde(rename = "ref")]
    pub name: String,
    /// When the roadmap stood so: a snapshot's `taken`, a commit's date; `None` for `working`.
    pub taken: Option<NaiveDate>,
    /// What it is: a commit's subject, a snapshot's note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

impl VersionInfo {
    /// Returns the working data's version.
    pub fn working() -> VersionInfo {
        VersionInfo {
            name: "working".into(),
            taken: None,
            subject: None,
        }
    }

    /// Returns the day the version stood for, `today` for the working data.
    pub fn day(&self, today: NaiveDate) -> NaiveDate {
        self.taken.unwrap_or(today)
    }
}
