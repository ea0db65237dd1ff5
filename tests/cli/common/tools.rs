//! The programs outside cargo that some tests drive (Node with tests/js's packages, Chromium):
//! finding them, and the one rule for when one is missing: skip saying why, except in CI.

use std::path::{Path, PathBuf};

use super::repo_path;

/// Where Debian (and CI, which installs it with apt) puts Chromium; `CHROMIUM` overrides it.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Returns the first `name` on PATH that is a file, as a shell would find it.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// What a test runs under Node: the `node` program and the folder of the JS test scripts.
pub struct Node {
    pub program: PathBuf,
    pub scripts: PathBuf,
}

/// Returns Node, when it is on PATH and tests/js has `packages` installed (`npm ci`), or
/// says what is missing.
pub fn node(packages: &[&str]) -> Result<Node, String> {
    let program = on_path("node").ok_or("no `node` on PATH")?;
    let scripts = repo_path("tests/js");
    for package in packages {
        let manifest = scripts
            .join("node_modules")
            .join(package)
            .join("package.json");
        if !manifest.is_file() {
            return Err(format!(
                "the npm package `{package}` is not installed (run `npm ci` in tests/js)"
            ));
        }
    }
    Ok(Node { program, scripts })
}

/// Returns Chromium ($CHROMIUM, else /usr/bin/chromium), or says what is missing.
pub fn chromium() -> Result<PathBuf, String> {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CHROMIUM));
    if is_executable(&path) {
        Ok(path)
    } else {
        Err(format!(
            "no Chromium at {} (apt-get install chromium, or set CHROMIUM)",
            path.display()
        ))
    }
}

/// Returns what was found, or None after saying on stderr why `test` is skipped; in CI
/// (`CI=true`) a missing tool fails the test instead, so CI never passes by skipping.
pub fn or_skip<T>(test: &str, found: Result<T, String>) -> Option<T> {
    match found {
        Ok(found) => Some(found),
        Err(missing) if in_ci() => panic!("{test} cannot run in CI: {missing}"),
        Err(missing) => {
            say(&format!(
                "skipped {test}: {missing} (CI=true makes this a failure)"
            ));
            None
        }
    }
}

/// Writes `message` to stderr past the test harness's capture, so that a skip shows in the
/// output of `cargo test` and is not taken for a pass.
pub fn say(message: &str) {
    use std::io::Write;
    // eprintln! is captured (and shown only for failures); a write to the handle is not.
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Returns whether the tests run in CI, where nothing may be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}
