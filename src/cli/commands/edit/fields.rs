//! The field flags of `add` and `update`, one per field of docs/format.md section 2.

use chipmap::model::{Confidence, FuzzyDate, Kind, Status};
use chipmap::store::{Op, Value, parse_set, positive};
use clap::Args;

use crate::cli::commands::filters::words;

/// Values for an entry's fields.
#[derive(Debug, Clone, Args)]
pub struct FieldArgs {
    /// gpu, accelerator, apu, cpu, memory, interconnect or system.
    #[arg(long, value_parser = words::<Kind>())]
    pub kind: Option<Kind>,
    /// Architecture or generation name, such as Blackwell.
    #[arg(long)]
    pub family: Option<String>,
    /// rumored, announced, sampling, shipping, cancelled or discontinued.
    #[arg(long, value_parser = words::<Status>())]
    pub status: Option<Status>,
    /// confirmed (vendor said so), reported (press, analysts) or unverified.
    #[arg(long, value_parser = words::<Confidence>())]
    pub confidence: Option<Confidence>,
    /// Announcement date: 2026, 2026H2, 2026Q3, 2026-03 or 2026-03-18.
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub announced: Option<FuzzyDate>,
    /// Availability date: 2026, 2026H2, 2026Q3, 2026-03 or 2026-03-18.
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub available: Option<FuzzyDate>,
    /// Process node, free text (TSMC 4NP).
    #[arg(long)]
    pub process: Option<String>,
    /// Memory type, such as HBM3E.
    #[arg(long, value_name = "TYPE")]
    pub memory_type: Option<String>,
    /// Memory capacity in GB.
    #[arg(long, value_parser = positive, value_name = "GB")]
    pub memory_gb: Option<f64>,
    /// Memory bandwidth in TB/s.
    #[arg(long, value_parser = positive, value_name = "TBS")]
    pub bandwidth_tbs: Option<f64>,
    /// Id of the entry this one follows (same vendor).
    #[arg(long, value_name = "ID")]
    pub predecessor: Option<String>,
    /// Another name (repeatable); added to the entry's aliases.
    #[arg(long = "alias", value_name = "NAME")]
    pub aliases: Vec<String>,
    /// A source URL (repeatable); added to the entry's sources.
    #[arg(long = "source", value_name = "URL")]
    pub sources: Vec<String>,
    /// Free text.
    #[arg(long)]
    pub notes: Option<String>,
    /// A figure under specs (repeatable): NAME=VALUE, such as tdp_w=1000.
    #[arg(long = "spec", value_parser = spec, value_name = "NAME=VALUE")]
    pub specs: Vec<(String, Value)>,
}

fn date(s: &str) -> Result<FuzzyDate, String> {
    FuzzyDate::parse(s).map_err(|e| e.to_string())
}

/// Returns the day a flag names (`--taken`), with the messages a date in a file gets.
pub fn day(s: &str) -> Result<chrono::NaiveDate, String> {
    FuzzyDate::parse_day(s).map_err(|e| e.message())
}

/// Returns `--spec NAME=VALUE` read by the same rules as `--set specs.NAME=VALUE`.
fn spec(s: &str) -> Result<(String, Value), String> {
    if !s.contains('=') {
        return Err(format!("`{s}` is not NAME=VALUE, such as tdp_w=1000"));
    }
    match parse_set(&format!("specs.{s}"))? {
        Op::Set(path, value) => Ok((path[1..].join("."), value)),
        _ => Err(format!("`{s}` is not NAME=VALUE, such as tdp_w=1000")),
    }
}

impl FieldArgs {
    /// Returns the edits these flags make to an existing entry, in docs/format.md order.
    pub fn ops(&self) -> Vec<Op> {
        let set = |path: &str, value: Value| {
            Op::Set(path.split('.').map(str::to_string).collect(), value)
        };
        let text = |s: &Option<String>| s.clone().map(Value::Text);
        let fields = [
            ("kind", self.kind.map(|k| Value::Text(k.to_string()))),
            ("family", text(&self.family)),
            ("status", self.status.map(|s| Value::Text(s.to_string()))),
            (
                "confidence",
                self.confidence.map(|c| Value::Text(c.to_string())),
            ),
            ("announced", self.announced.map(Value::Date)),
            ("available", self.available.map(Value::Date)),
            ("process", text(&self.process)),
            ("memory.type", text(&self.memory_type)),
            ("memory.capacity_gb", self.memory_gb.map(Value::Number)),
            (
                "memory.bandwidth_tbs",
                self.bandwidth_tbs.map(Value::Number),
            ),
            ("predecessor", text(&self.predecessor)),
            ("notes", text(&self.notes)),
        ];
        let mut ops: Vec<Op> = fields
            .into_iter()
            .filter_map(|(path, v)| v.map(|v| set(path, v)))
            .collect();
        ops.extend(
            self.aliases
                .iter()
                .map(|a| Op::Append("aliases".into(), a.clone())),
        );
        ops.extend(
            self.sources
                .iter()
                .map(|s| Op::Append("sources".into(), s.clone())),
        );
        ops.extend(
            self.specs
                .iter()
                .map(|(name, v)| set(&format!("specs.{name}"), v.clone())),
        );
        ops
    }
}
