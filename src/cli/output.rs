//! Where a document goes: stdout, or `--output FILE`, written atomically. The one place that
//! decides it, for every command that writes a picture or a document.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chipmap::render::png::{self, PngError};
use chipmap::render::visible::Visible;
use clap::Args;

use super::context::Context;
use super::exit::Failure;

/// `--output FILE`, shared by the commands that write documents.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE (atomically: the old file or the new one, never a mix) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--scale`, for the pictures drawn to pixels.
#[derive(Debug, Args)]
pub struct ScaleArgs {
    /// Pixels per SVG unit of a PNG (default 1; 2 for a high-density screen or a slide).
    #[arg(long, value_name = "N", value_parser = scale)]
    scale: Option<f32>,
}

impl ScaleArgs {
    /// Returns the scale of a PNG; refuses `--scale` with another format, where it would
    /// silently do nothing.
    pub fn for_png(&self, png: bool) -> Result<f32, Failure> {
        match self.scale {
            Some(_) if !png => Err(chipmap::Error::usage(
                "--scale sets a PNG's resolution; it does nothing for this format",
                Some(
                    "add --format png, or leave out --scale (an SVG scales as it is shown)".into(),
                ),
            )
            .into()),
            scale => Ok(scale.unwrap_or(1.0)),
        }
    }
}

fn scale(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(n) if (0.1..=8.0).contains(&n) => Ok(n),
        Ok(_) => Err("a scale from 0.1 to 8".into()),
        Err(_) => Err(format!("`{text}` is not a number (a scale from 0.1 to 8)")),
    }
}

/// A finished document: text (which, like all output, passes the filter that shows control
/// characters), or the bytes of a binary format, named for messages (`PNG`).
pub enum Document {
    Text(String),
    Binary {
        bytes: Vec<u8>,
        format: &'static str,
    },
}

impl Document {
    /// Returns the text a renderer writes, as a document.
    pub fn written(
        render: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result<Document, Failure> {
        let mut bytes = Vec::new();
        render(&mut bytes)?;
        Ok(Document::Text(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Returns the PNG of one of chipmap's SVG pictures, drawn at `scale`.
    pub fn png(svg: &str, scale: f32) -> Result<Document, Failure> {
        let bytes = png::from_svg(svg, scale).map_err(|e| {
            let hint = matches!(e, PngError::TooLarge { .. }).then(|| {
                "try a smaller --scale, or draw fewer entries (--vendor, --from, --to)".into()
            });
            chipmap::Error::usage(e.to_string(), hint)
        })?;
        Ok(Document::Binary {
            bytes,
            format: "PNG",
        })
    }
}

/// Writes `document` to `output`, or to stdout (`out`, behind the output filter). A file gets
/// the very bytes stdout would (without colour); a binary document is refused on a terminal.
pub fn deliver(
    context: &Context,
    document: Document,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match (document, output) {
        (Document::Text(text), None) => Ok(out.write_all(text.as_bytes())?),
        (Document::Text(text), Some(path)) => {
            let mut shown = Vec::with_capacity(text.len());
            {
                let mut filter = Visible::new(&mut shown, false);
                filter.write_all(text.as_bytes())?;
                filter.finish()?;
            }
            write_file(context, path, &shown)
        }
        (Document::Binary { bytes, .. }, Some(path)) => write_file(context, path, &bytes),
        (Document::Binary { bytes, format }, None) => {
            if std::io::stdout().is_terminal() {
                return Err(chipmap::Error::usage(
                    format!("{format} is binary, and stdout is a terminal"),
                    Some(format!(
                        "give --output FILE, or send stdout to a file: > picture.{}",
                        format.to_lowercase()
                    )),
                )
                .into());
            }
            // The filter holds nothing (nothing was written to it): the bytes go around it.
            out.flush()?;
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            Ok(stdout.flush()?)
        }
    }
}

fn write_file(context: &Context, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    chipmap::store::write_atomic(path, bytes, context.fault.as_deref())?;
    context.note(format_args!(
        "wrote {} ({})",
        chipmap::store::shown(path),
        size(bytes.len())
    ));
    Ok(())
}

/// Returns a size as people read it: `812 bytes`, `84 KB`, `1.2 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}
