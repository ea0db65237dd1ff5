//! Files <-> Roadmap: finding the data, loading and checking it, writing the embedded copy.
//! The only layer that touches the disk or YAML syntax.

mod check;
mod decode;
mod init;
mod load;
mod source;
mod yaml;

pub use decode::{is_slug, slugify};
pub use init::init;
pub use load::{CheckReport, DataDir, Loaded, check_data, find_roadmaps_dir, load_data, load_path};
