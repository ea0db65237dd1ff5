//! The entry filters shared by `timeline` and `list` (docs/format.md section 6).

use std::ffi::OsStr;
use std::marker::PhantomData;

use chipmap::Error;
use chipmap::model::{Filter, Kind, Roadmap, Status, Word};
use clap::Args;
use clap::builder::{PossibleValue, TypedValueParser};

/// Which entries to keep.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only this vendor (id, name or alias, any case); repeat for more.
    #[arg(long = "vendor", value_name = "VENDOR")]
    vendors: Vec<String>,
    /// Only entries of this kind.
    #[arg(long, value_parser = words::<Kind>(), value_name = "KIND")]
    kind: Option<Kind>,
    /// Only entries with this status.
    #[arg(long, value_parser = words::<Status>(), value_name = "STATUS")]
    status: Option<Status>,
    /// Only entries whose family contains this text (any case).
    #[arg(long, value_name = "FAMILY")]
    family: Option<String>,
    /// Only entries with this memory type (any case), such as HBM3E.
    #[arg(long, value_name = "TYPE")]
    memory: Option<String>,
}

impl FilterArgs {
    /// Returns the filter, or an error naming the vendors that do not exist.
    pub fn resolve(&self, roadmap: &Roadmap) -> Result<Filter, Error> {
        self.resolve_in(&[roadmap])
    }

    /// Returns the filter, or an error naming the vendors none of `roadmaps` has.
    pub fn resolve_in(&self, roadmaps: &[&Roadmap]) -> Result<Filter, Error> {
        let filter = Filter {
            vendors: self.vendors.clone(),
            kind: self.kind,
            status: self.status,
            family: self.family.clone(),
            memory: self.memory.clone(),
        };
        filter.resolved_in(roadmaps).map_err(|e| {
            let hint = match e.near.as_slice() {
                [] => format!("vendors: {}", e.known.join(", ")),
                near => format!("did you mean `{}`?", near.join("`, `")),
            };
            Error::usage(
                format!("no vendor `{}` in the roadmap", e.unknown.join("`, `")),
                Some(hint),
            )
        })
    }
}

/// Returns the parser of a closed set of words (`--kind`, `--status` ...): any case accepted,
/// and the words declared to clap, so that `--help` lists them and completion scripts offer
/// them.
pub(super) fn words<T: Word + Send + Sync + 'static>() -> WordParser<T> {
    WordParser(PhantomData)
}

/// The parser [`words`] returns.
#[derive(Clone)]
pub(super) struct WordParser<T>(PhantomData<T>);

impl<T: Word + Send + Sync + 'static> TypedValueParser for WordParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        // Through clap's parser of a function, for its message: invalid value 'x' for '--kind'.
        let parse: fn(&str) -> Result<T, String> = parse_word::<T>;
        parse.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::all()
                .iter()
                .map(|value| PossibleValue::new(value.word())),
        ))
    }
}

/// Returns the word a user typed, in any case, as its enum value (clap shows the hint).
fn parse_word<T: Word>(s: &str) -> Result<T, String> {
    T::typed(s).map_err(|e| e.hint())
}
