//! `chipmap add VENDOR --id ID --name NAME [fields]`: a new entry, where a person would put it.

use std::io::Write;

use chipmap::Error;
use chipmap::model::{Entry, Memory, SpecValue};
use chipmap::store::{Request, Value};
use clap::Args;

use super::change;
use super::fields::FieldArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Add an entry to a vendor's file (or start a vendor's file).
///
/// Add an entry to a vendor's file: after the last entry of its family, else at the end,
/// indented like its neighbours. Needs --kind, --status and a date.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The vendor: its id (the file stem), name or alias, such as nvidia or aws.
    vendor: String,
    /// The entry's id: lowercase letters, digits and `-`.
    #[arg(long)]
    id: String,
    /// The entry's display name.
    #[arg(long)]
    name: String,
    /// Create the vendor's file, with this display name, if it does not exist yet.
    #[arg(long, value_name = "NAME")]
    vendor_name: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
    /// Print the change as a diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `chipmap add`.
pub fn run(args: AddArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let f = args.fields;
    let (Some(kind), Some(status)) = (f.kind, f.status) else {
        return Err(Error::usage(
            "a new entry needs --kind and --status",
            Some("for example: --kind gpu --status announced".into()),
        )
        .into());
    };
    if f.announced.is_none() && f.available.is_none() {
        return Err(Error::usage(
            "a new entry needs --announced or --available",
            Some("a year is enough: --available 2027".into()),
        )
        .into());
    }
    let memory = Memory {
        kind: f.memory_type.clone(),
        capacity_gb: f.memory_gb,
        bandwidth_tbs: f.bandwidth_tbs,
    };
    let has_memory = memory != Memory::default();
    let entry = Entry {
        id: args.id,
        name: args.name,
        kind,
        family: f.family.clone(),
        status,
        confidence: f.confidence,
        announced: f.announced,
        available: f.available,
        process: f.process.clone(),
        memory: has_memory.then_some(memory),
        predecessor: f.predecessor.clone(),
        aliases: f.aliases.clone(),
        specs: f
            .specs
            .iter()
            .map(|(name, value)| (name.clone(), spec(value)))
            .collect(),
        sources: f.sources.clone(),
        notes: f.notes.clone(),
    };
    let request = Request::Add {
        vendor: args.vendor,
        vendor_name: args.vendor_name,
        entry: Box::new(entry),
    };
    change::run(&request, args.dry_run, context, out)
}

fn spec(value: &Value) -> SpecValue {
    match value {
        Value::Number(n) => SpecValue::Number(*n),
        Value::Bool(b) => SpecValue::Bool(*b),
        other => SpecValue::Text(match other {
            Value::Text(t) => t.clone(),
            _ => other.to_yaml(),
        }),
    }
}
