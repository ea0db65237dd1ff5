//! A file opened in headless Chromium by tests/js/browser.mjs, as a person would see it: what
//! the console said, what the page asked the network for, how many elements match, and a
//! screenshot kept in target/browser/ to look at.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::{repo_path, tools};

/// The width of the browser window, in CSS pixels: the timeline's own width.
pub const WIDTH: u32 = 1600;

/// What the browser saw of one page.
#[derive(Debug)]
pub struct Opened {
    /// The console's errors and warnings, as `type: text`.
    pub console: Vec<String>,
    /// Uncaught exceptions of the page.
    pub errors: Vec<String>,
    /// Every URL asked for that is not the page itself or a data: URL.
    pub requests: Vec<String>,
    /// How many elements match each selector asked for.
    pub counts: BTreeMap<String, u64>,
    /// The screenshot of the whole page, in target/browser/.
    pub screenshot: PathBuf,
    pub width: u32,
    pub height: u32,
    /// How wide the page laid itself out in that window (wider: it scrolls sideways).
    pub scroll_width: u32,
}

/// Returns what Chromium saw of `file` at [`WIDTH`], counting `selectors`, or None when Node,
/// playwright-core or Chromium is missing and the test is skipped (never in CI).
pub fn open(file: &Path, selectors: &[&str]) -> Option<Opened> {
    open_at(file, WIDTH, selectors)
}

/// Returns what Chromium saw of `file` in a window `width` pixels wide (see [`open`]).
pub fn open_at(file: &Path, width: u32, selectors: &[&str]) -> Option<Opened> {
    let test = format!("opening {} in a browser", file.display());
    let node = tools::or_skip(&test, tools::node(&["playwright-core"]))?;
    let chromium = tools::or_skip(&test, tools::chromium())?;
    let stem = file.file_stem().expect("a file name").to_string_lossy();
    let screenshot = screenshot_dir().join(if width == WIDTH {
        format!("{stem}.png")
    } else {
        format!("{stem}-{width}.png")
    });
    let mut harness = Command::new(&node.program);
    harness
        .arg(node.scripts.join("browser.mjs"))
        .arg(file)
        .arg("--screenshot")
        .arg(&screenshot)
        .args(["--width", &width.to_string()])
        .env("CHROMIUM", chromium);
    for selector in selectors {
        harness.args(["--count", selector]);
    }
    let out = harness.output().expect("node runs");
    assert!(
        out.status.success(),
        "the browser harness failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "the harness printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    Some(Opened::from_report(&report, screenshot))
}

impl Opened {
    fn from_report(report: &Value, screenshot: PathBuf) -> Opened {
        let strings = |key: &str| -> Vec<String> {
            report[key]
                .as_array()
                .unwrap_or_else(|| panic!("no {key} in {report}"))
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => format!("{}: {}", other["type"], other["text"]),
                })
                .collect()
        };
        let number = |v: &Value| v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"));
        let counts = report["counts"]
            .as_object()
            .unwrap_or_else(|| panic!("no counts in {report}"))
            .iter()
            .map(|(selector, n)| (selector.clone(), number(n)))
            .collect();
        Opened {
            console: strings("console"),
            errors: strings("errors"),
            requests: strings("requests"),
            counts,
            screenshot,
            width: number(&report["width"]) as u32,
            height: number(&report["height"]) as u32,
            scroll_width: number(&report["scroll_width"]) as u32,
        }
    }

    /// Returns how many elements matched `selector` (which must have been asked for).
    pub fn count(&self, selector: &str) -> u64 {
        *self
            .counts
            .get(selector)
            .unwrap_or_else(|| panic!("{selector} was not counted"))
    }

    /// Fails unless the page said nothing in the console, threw nothing and asked the
    /// network for nothing.
    pub fn assert_quiet(&self) {
        assert!(self.console.is_empty(), "console: {:#?}", self.console);
        assert!(self.errors.is_empty(), "page errors: {:#?}", self.errors);
        assert!(
            self.requests.is_empty(),
            "network requests: {:#?}",
            self.requests
        );
    }

    /// Fails unless the screenshot shows a drawing: more than one colour, and at least
    /// `min_ink` (a share, 0 to 1) of its pixels not white.
    pub fn assert_drawn(&self, min_ink: f64) {
        let (width, height, pixels) = decode(&self.screenshot);
        assert_eq!(
            (width, height),
            (self.width, self.height),
            "{}: not the size of the page",
            self.screenshot.display()
        );
        let first = pixels[0];
        assert!(
            pixels.iter().any(|p| *p != first),
            "{} is one colour",
            self.screenshot.display()
        );
        let ink = pixels.iter().filter(|p| **p != [255, 255, 255]).count();
        let share = ink as f64 / pixels.len() as f64;
        assert!(
            share >= min_ink,
            "{}: only {:.1}% of the pixels are not white",
            self.screenshot.display(),
            share * 100.0
        );
    }
}

/// Returns the folder the screenshots go to: target/browser/, a stable place to look at.
fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_path("target"));
    let dir = target.join("browser");
    fs::create_dir_all(&dir).expect("create target/browser");
    dir
}

/// Returns a PNG's size and its pixels as RGB.
fn decode(path: &Path) -> (u32, u32, Vec<[u8; 3]>) {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut buffer).expect("a frame");
    let channels = frame.color_type.samples();
    let pixels = buffer[..frame.buffer_size()]
        .chunks(channels)
        .map(|p| match channels {
            1 | 2 => [p[0], p[0], p[0]],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    (frame.width, frame.height, pixels)
}
