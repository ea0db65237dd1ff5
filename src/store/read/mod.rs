//! Reading: a file's bytes and text, the positioned YAML tree, decoding it into typed vendors,
//! the rules that span entries and those of `check --strict`, finding the data directory and
//! naming its paths, and loading it.

pub mod check;
pub mod datadir;
pub mod decode;
pub mod file;
#[cfg(test)]
pub(in crate::store) mod fuzz_props;
pub mod load;
pub mod source;
pub mod strict;
pub mod yaml;
