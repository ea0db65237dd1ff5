//! Following entries through versions with the diff engine.

use std::sync::Arc;

use super::Histories;
use crate::model::{Vendor, VersionInfo};

/// Follows every entry through versions given one at a time, oldest first.
#[derive(Debug, Default)]
pub struct Follower {}

impl Follower {
    /// Returns a follower that has seen no version.
    pub fn new() -> Follower {
        Follower::default()
    }

    /// Takes the next version's vendors. A vendor the version before had as the same `Arc`
    /// (its file did not change) costs nothing.
    pub fn step(&mut self, vendors: &[Arc<Vendor>]) {
        let _ = vendors;
        todo!("lead")
    }

    /// Returns the histories, over `versions` (one per `step`, in order).
    pub fn finish(self, versions: Vec<VersionInfo>) -> Histories {
        let _ = versions;
        todo!("lead")
    }
}
