//! chipmap: the roadmaps of AI datacenter chips and HBM memory, as data you can check, list
//! and draw. Layers, each only using the ones below it:
//! - `model`: Roadmap, Vendor, Entry, their enums and `FuzzyDate` (plain data);
//! - `store`: files <-> Roadmap: finding, loading, checking, writing (the only I/O and YAML);
//! - `layout`: a Roadmap placed on a date axis as timeline rows (pure);
//! - `render`: computed values -> terminal text, tables, CSV, JSON, Markdown, diagnostics.

pub mod diff;
pub mod error;
pub mod layout;
pub mod model;
pub mod render;
pub mod store;

pub use error::{Diagnostic, Error, Result, Severity};
pub use model::{Entry, FuzzyDate, Roadmap, Vendor};
