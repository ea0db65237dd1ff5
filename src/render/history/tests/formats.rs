//! Markdown, CSV and JSON.
