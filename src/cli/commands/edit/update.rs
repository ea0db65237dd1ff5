//! `chipmap update KEY [fields] [--set PATH=VALUE]... [--unset PATH]... [--rename NEW_ID]`.

use std::io::Write;

use chipmap::Error;
use chipmap::store::{Op, Request, Value, parse_set, parse_unset};
use clap::Args;

use super::change;
use super::fields::FieldArgs;
use crate::cli::context::Context;
use crate::cli::exit::{Failure, Outcome};

/// Change fields of an entry, keeping the file's comments and layout.
///
/// Only the entry's lines change: comments, blank lines and the rest of the file stay byte
/// for byte.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// `vendor/id`, or a bare id, name, alias or former id that matches one entry (any case).
    key: String,
    /// New display name.
    #[arg(long)]
    name: Option<String>,
    #[command(flatten)]
    fields: FieldArgs,
    /// Set a field (repeatable): available=2027H2, memory.capacity_gb=1024, specs.tdp_w=1000,
    /// status=cancelled, aliases=[A, B].
    #[arg(long = "set", value_parser = parse_set, value_name = "PATH=VALUE")]
    set: Vec<Op>,
    /// Remove a field (repeatable): notes, memory.bandwidth_tbs, specs.tdp_w.
    #[arg(long = "unset", value_parser = parse_unset, value_name = "PATH")]
    unset: Vec<Op>,
    /// Give the entry a new id; the old id is kept in its aliases (so `diff` sees a rename)
    /// and entries naming it as predecessor follow.
    #[arg(long, value_name = "NEW_ID")]
    rename: Option<String>,
    /// Print the change as a diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

/// Runs `chipmap update`.
pub fn run(args: UpdateArgs, context: &Context, out: &mut dyn Write) -> Result<Outcome, Failure> {
    let mut ops = Vec::new();
    if let Some(name) = args.name {
        ops.push(Op::Set(vec!["name".into()], Value::Text(name)));
    }
    ops.extend(args.fields.ops());
    ops.extend(args.set);
    ops.extend(args.unset);
    if ops.is_empty() && args.rename.is_none() {
        return Err(Error::usage(
            "nothing to change",
            Some("give field flags, --set PATH=VALUE, --unset PATH or --rename NEW_ID".into()),
        )
        .into());
    }
    let request = Request::Update {
        key: args.key,
        ops,
        rename: args.rename,
    };
    change::run(&request, args.dry_run, context, out)
}
