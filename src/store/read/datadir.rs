//! Which data directory a command uses (docs/format.md section 1): the directory found from
//! the current one, and how a path in it is named to the user.

use std::path::{Component, Path, PathBuf};

/// The marker file `chipmap init` writes: a folder holding it is a data directory.
pub const MARKER: &str = ".chipmap";

/// What the marker file says; chipmap reads only its name, never its content.
pub(in crate::store) const MARKER_TEXT: &str = "# This folder is a chipmap data directory: chipmap run here or below uses it.\n# chipmap only looks for this file's name; what it says is not read.\n";

/// Where the roadmap comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataDir {
    /// A directory on disk, as given or found.
    Path(PathBuf),
    /// The dataset embedded at build time (read-only).
    Embedded,
}

impl DataDir {
    /// Returns how to name the data in messages: its path as the user would see it.
    pub fn display(&self) -> String {
        match self {
            DataDir::Path(p) => shown(p),
            DataDir::Embedded => "<embedded>".to_string(),
        }
    }
}

/// Why a folder found from the current directory is a data directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// It holds the marker file `chipmap init` writes.
    Marker,
    /// It is named `roadmaps`.
    Named,
    /// It is the `roadmaps` folder of the folder searched.
    Child,
}

/// A data directory found from a starting folder: the directory, the ancestor of the start
/// where it was found (the directory itself, or its parent for `Why::Child`), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub dir: PathBuf,
    pub at: PathBuf,
    pub why: Why,
}

impl Found {
    /// Returns why the folder is data, in words: `/x/mydata holds .chipmap`.
    pub fn reason(&self) -> String {
        let at = self.at.display();
        match self.why {
            Why::Marker => format!("{at} holds {MARKER}"),
            Why::Named => format!("{at} is named roadmaps"),
            Why::Child => format!("{at} holds a roadmaps folder"),
        }
    }
}

/// Returns the nearest data directory of `start` and its ancestors, as git finds `.git`:
/// the first folder, going up, that holds `.chipmap`, is named `roadmaps`, or holds a
/// `roadmaps` folder (then that folder). A folder that is data itself wins over its
/// `roadmaps` child, and the nearest folder wins over any above it. Paths are `start`'s
/// ancestors (absolute when `start` is), but `start`'s own `roadmaps` folder is spelled
/// `roadmaps`, as a user would name it from there.
pub fn find_data_dir(start: &Path) -> Option<Found> {
    start.ancestors().find_map(|at| {
        let found = |dir: PathBuf, why| {
            Some(Found {
                dir,
                at: at.to_path_buf(),
                why,
            })
        };
        if at.join(MARKER).is_file() {
            found(at.to_path_buf(), Why::Marker)
        } else if at.file_name().is_some_and(|n| n == "roadmaps") && at.is_dir() {
            found(at.to_path_buf(), Why::Named)
        } else if at.join("roadmaps").is_dir() {
            let dir = if at == start {
                PathBuf::from("roadmaps")
            } else {
                at.join("roadmaps")
            };
            found(dir, Why::Child)
        } else {
            None
        }
    })
}

/// Returns `path` as the user would name it: relative to the current directory when it is
/// below it (`roadmaps/amd.yaml`, also for an absolute path there), else as given.
pub fn shown(path: &Path) -> String {
    match below_cwd(path) {
        Some(relative) => one_line(&relative.display().to_string()),
        None => one_line(&path.display().to_string()),
    }
}

/// Returns a file name with the line breaks and tabs it may hold written as `\n`, `\r`,
/// `\t`: the output filter lets them through as layout, and a name must stay on its line
/// (`path:line:column` is read by editors). Other control characters the filter shows.
pub fn one_line(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Returns `path` relative to the current directory if it names something strictly below
/// it, without `.` parts; `None` for anything else (the current directory itself, a path
/// through `..`, a path elsewhere).
pub fn below_cwd(path: &Path) -> Option<PathBuf> {
    let cwd = if path.is_absolute() {
        Some(std::env::current_dir().ok()?)
    } else {
        None
    };
    below(path, cwd.as_deref())
}

/// Returns `path` relative to `cwd` (the current directory, needed for an absolute path) if
/// it lies strictly below it. `..` is never resolved: through a symlink it could lead anywhere.
fn below(path: &Path, cwd: Option<&Path>) -> Option<PathBuf> {
    let rest = match cwd {
        Some(cwd) => path.strip_prefix(cwd).ok()?,
        None => path,
    };
    let mut relative = PathBuf::new();
    for part in rest.components() {
        match part {
            Component::Normal(name) => relative.push(name),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!relative.as_os_str().is_empty()).then_some(relative)
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{Found, MARKER, Why, below, find_data_dir};

    #[test]
    fn a_path_below_the_current_directory_is_named_relative_to_it() {
        let cwd = Some(Path::new("/home/me"));
        let cases = [
            ("/home/me/chips/amd.yaml", cwd, Some("chips/amd.yaml")),
            ("/home/me/./chips/amd.yaml", cwd, Some("chips/amd.yaml")),
            ("/home/me", cwd, None),
            ("/home/meme/amd.yaml", cwd, None),
            ("/home/me/../you/amd.yaml", cwd, None),
            ("./roadmaps/amd.yaml", None, Some("roadmaps/amd.yaml")),
            ("roadmaps/../x.yaml", None, None),
            (".", None, None),
            ("../roadmaps/amd.yaml", None, None),
        ];
        for (path, cwd, expected) in cases {
            assert_eq!(
                below(Path::new(path), cwd),
                expected.map(PathBuf::from),
                "{path}"
            );
        }
    }

    #[test]
    fn the_nearest_data_directory_wins_and_a_data_folder_beats_its_roadmaps_child() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path();
        for dir in [
            "a/roadmaps",
            "a/b/roadmaps/snapshots",
            "a/b/c/d",
            "a/m/roadmaps",
        ] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        std::fs::write(root.join("a/m").join(MARKER), "").unwrap();
        let find = |start: &str| {
            let Found { dir, at, why } = find_data_dir(&root.join(start)).unwrap();
            let rel = |p: PathBuf| match p.strip_prefix(root) {
                Ok(below) => below.display().to_string(),
                Err(_) => format!("{start}/{}", p.display()),
            };
            (rel(dir), rel(at), why)
        };
        let s = String::from;
        assert_eq!(find("a/b/c/d"), (s("a/b/roadmaps"), s("a/b"), Why::Child));
        assert_eq!(
            find("a/b/roadmaps/snapshots"),
            (s("a/b/roadmaps"), s("a/b/roadmaps"), Why::Named)
        );
        assert_eq!(find("a"), (s("a/roadmaps"), s("a"), Why::Child));
        let own = find_data_dir(&root.join("a")).unwrap().dir;
        assert_eq!(
            own,
            PathBuf::from("roadmaps"),
            "the start's own folder, as named there"
        );
        assert_eq!(find("a/m"), (s("a/m"), s("a/m"), Why::Marker));
        assert_eq!(
            find("a/m/roadmaps"),
            (s("a/m/roadmaps"), s("a/m/roadmaps"), Why::Named)
        );
    }
}
