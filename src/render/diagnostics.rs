//! Diagnostics as people read them: `path:line:column: message`, the line, a caret, the hint.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::error::{Diagnostic, Severity};

use super::{Paint, display_width, plural, wrap_hanging, wrap_words};

/// How diagnostics are drawn: with colour or not, and the width their hints wrap to.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub paint: Paint,
    pub width: usize,
}

/// How many diagnostics a command shows unless asked for all: enough to work through, few
/// enough that a file with thousands of problems prints a page, not a book. The rest are
/// counted in one line. (`chipmap check --help` names this number.)
pub const SHOWN: usize = 50;

/// Writes the first `limit` diagnostics (all with `None`) like `write`, then one line counting
/// the others, if any, ending with `see_all` (how to see them all) when given.
pub fn write_capped(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    layout: Layout,
    limit: Option<usize>,
    see_all: Option<&str>,
) -> io::Result<()> {
    let shown = limit.unwrap_or(usize::MAX).min(diagnostics.len());
    write(out, &diagnostics[..shown], layout)?;
    let rest = diagnostics.len() - shown;
    if rest == 0 {
        return Ok(());
    }
    let see_all = see_all.map(|how| format!("; {how}")).unwrap_or_default();
    writeln!(out)?;
    let s = if rest == 1 { "" } else { "s" };
    writeln!(out, "… and {rest} more problem{s}, not shown{see_all}")
}

/// What `check` read and found, for the lines that close its report.
#[derive(Debug, Clone)]
pub struct CheckSummary<'a> {
    /// The data directory as shown to the user.
    pub data: &'a str,
    pub files: usize,
    pub snapshots: usize,
    pub entries: usize,
    pub problems: usize,
    pub warnings: usize,
    /// Whether the warnings were shown (`--strict`) or only counted.
    pub strict: bool,
    /// Temporary files interrupted runs left, as shown to the user.
    pub leftovers: &'a [String],
}

/// Writes `check`'s summary (`roadmaps: 16 files, 6 snapshots, 98 entries: no problems`) and
/// the leftover temporary files, if any, wrapped to `width`.
pub fn write_summary(out: &mut dyn Write, s: &CheckSummary, width: usize) -> io::Result<()> {
    let mut read = vec![plural(s.files, "file")];
    if s.snapshots > 0 {
        read.push(plural(s.snapshots, "snapshot"));
    }
    read.push(plural(s.entries, "entry"));
    let mut found = match s.problems {
        0 => "no problems".to_string(),
        n => plural(n, "problem"),
    };
    match (s.warnings, s.strict) {
        (0, _) => {}
        (w, true) => found.push_str(&format!(", {}", plural(w, "warning"))),
        (w, false) => found.push_str(&format!(" ({} with --strict)", plural(w, "warning"))),
    }
    let summary = format!("{}: {}: {found}", s.data, read.join(", "));
    for line in wrap_hanging(&summary, width, 2) {
        writeln!(out, "{line}")?;
    }
    if s.leftovers.is_empty() {
        return Ok(());
    }
    let note = format!(
        "note: {} left by interrupted chipmap runs, safe to delete (they are not data):",
        plural(s.leftovers.len(), "temporary file")
    );
    for line in wrap_hanging(&note, width, 2) {
        writeln!(out, "{line}")?;
    }
    for path in s.leftovers {
        writeln!(out, "  {path}")?;
    }
    Ok(())
}

/// Writes each diagnostic, as a compiler would, separated by blank lines. A hint goes after the
/// caret when the line stays within the width, else on lines of its own (`= ...`), wrapped.
pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic], layout: Layout) -> io::Result<()> {
    let paint = layout.paint;
    let bold = Style::new().bold();
    let red = AnsiColor::Red.on_default().bold();
    let blue = AnsiColor::Blue.on_default().bold();
    let cyan = AnsiColor::Cyan.on_default();
    let yellow = AnsiColor::Yellow.on_default().bold();
    for (i, d) in diagnostics.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        // A warning says so before its message; an error is what a diagnostic is by default.
        let (label, colour) = match d.severity {
            Severity::Error => ("", red),
            Severity::Warning => ("warning: ", yellow),
        };
        writeln!(
            out,
            "{}: {}",
            paint.paint(bold, &d.location()),
            paint.paint(colour, &format!("{label}{}", d.message))
        )?;
        if d.line == 0 {
            if let Some(hint) = &d.hint {
                write_hint(out, "  ", hint, layout)?;
            }
            continue;
        }
        let number = d.line.to_string();
        let gutter = " ".repeat(number.len());
        let bar = paint.paint(blue, "|");
        writeln!(out, "{gutter} {bar}")?;
        writeln!(out, "{} {bar} {}", paint.paint(blue, &number), d.line_text)?;
        // Pad with the line's own tabs, and by display width, so the caret lines up under
        // tabs, wide characters and control characters (as wide as the filter shows them).
        let pad: String = d
            .line_text
            .chars()
            .take(d.text_column.saturating_sub(1))
            .flat_map(|c| match c {
                '\t' => std::iter::repeat_n('\t', 1),
                c => std::iter::repeat_n(' ', super::display_width(c.encode_utf8(&mut [0; 4]))),
            })
            .collect();
        let underlined: String = d
            .line_text
            .chars()
            .skip(d.text_column.saturating_sub(1))
            .take(d.width)
            .collect();
        let carets = "^".repeat(super::display_width(&underlined).max(1));
        let caret_line = format!("{gutter} | {pad}{carets}");
        let beside = d
            .hint
            .as_deref()
            .filter(|h| display_width(&caret_line) + 1 + display_width(h) <= layout.width);
        let after = beside.map(|h| format!(" {h}")).unwrap_or_default();
        writeln!(
            out,
            "{gutter} {bar} {pad}{}{}",
            paint.paint(colour, &carets),
            paint.paint(cyan, &after)
        )?;
        if let (None, Some(hint)) = (beside, &d.hint) {
            write_hint(out, &format!("{gutter} "), hint, layout)?;
        }
    }
    Ok(())
}

/// Writes a hint on lines of its own, `{lead}= ` then wrapped under its first word.
fn write_hint(out: &mut dyn Write, lead: &str, hint: &str, layout: Layout) -> io::Result<()> {
    let cyan = AnsiColor::Cyan.on_default();
    let indent = display_width(lead) + 2;
    for (i, line) in wrap_words(hint, layout.width.saturating_sub(indent).max(20))
        .iter()
        .enumerate()
    {
        let mark = if i == 0 { "= " } else { "  " };
        writeln!(out, "{lead}{mark}{}", layout.paint.paint(cyan, line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Layout;
    use super::{write, write_capped};
    use crate::error::{Diagnostic, Severity};
    use crate::render::Paint;

    const WIDE: Layout = Layout {
        paint: Paint { enabled: false },
        width: 200,
    };

    #[test]
    fn a_hint_too_long_for_the_width_ran_past_it_beside_the_caret() {
        let d = Diagnostic {
            path: "v.yaml".into(),
            line: 8,
            column: 16,
            width: 6,
            line_text: "    available: 2026H3".into(),
            text_column: 16,
            message: "`available`: invalid date `2026H3`: half must be H1 or H2".into(),
            hint: Some("accepted forms: 2026 (also CY2026), 2026H2 (also H2 2026, 2026-H2)".into()),
            severity: Severity::Error,
        };
        let mut out = Vec::new();
        let narrow = Layout {
            paint: Paint::default(),
            width: 40,
        };
        write(&mut out, &[d], narrow).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[3], "  |                ^^^^^^");
        assert_eq!(lines[4], "  = accepted forms: 2026 (also CY2026),");
        assert_eq!(lines[5], "    2026H2 (also H2 2026, 2026-H2)");
        assert!(lines[1..].iter().all(|l| l.len() <= 40), "{text}");
    }

    #[test]
    fn a_diagnostic_points_at_its_column() {
        let d = Diagnostic {
            path: "roadmaps/nvidia.yaml".into(),
            line: 14,
            column: 5,
            width: 8,
            line_text: "    availble: 2026H2".into(),
            text_column: 5,
            message: "unknown field `availble` in an entry".into(),
            hint: Some("did you mean `available`?".into()),
            severity: Severity::Error,
        };
        let mut out = Vec::new();
        write(&mut out, &[d], WIDE).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "roadmaps/nvidia.yaml:14:5: unknown field `availble` in an entry\n   |\n14 |     availble: 2026H2\n   |     ^^^^^^^^ did you mean `available`?\n"
        );
    }

    #[test]
    fn the_caret_lines_up_under_a_control_character_shown_visibly() {
        let d = Diagnostic {
            path: "a.yaml".into(),
            line: 1,
            column: 11,
            width: 1,
            line_text: "kind: \u{1b}[2Jx".into(),
            text_column: 11,
            message: "bad".into(),
            hint: None,
            severity: Severity::Error,
        };
        let mut raw = Vec::new();
        write(&mut raw, &[d], WIDE).unwrap();
        let mut shown = Vec::new();
        let mut filter = crate::render::visible::Visible::new(&mut shown, false);
        std::io::Write::write_all(&mut filter, &raw).unwrap();
        filter.finish().unwrap();
        drop(filter);
        let text = String::from_utf8(shown).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[2], r"1 | kind: \x1b[2Jx");
        assert_eq!(lines[3].find('^'), lines[2].rfind('x'), "{text}");
    }

    #[test]
    fn past_the_limit_one_line_counts_the_rest() {
        let d = Diagnostic::file("roadmaps/a.yaml", "bad", None);
        let all = vec![d; 5];
        let mut out = Vec::new();
        write_capped(&mut out, &all, WIDE, Some(2), Some("see all")).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "roadmaps/a.yaml: bad\n\nroadmaps/a.yaml: bad\n\n… and 3 more problems, not shown; see all\n"
        );
        let mut out = Vec::new();
        write_capped(&mut out, &all, WIDE, None, Some("see all")).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().matches("bad").count(), 5);
    }

    #[test]
    fn on_a_cut_line_the_caret_points_into_the_window() {
        let d = Diagnostic {
            path: "a.yaml".into(),
            line: 4,
            column: 90_000,
            width: 3,
            line_text: "…名: bad…".into(),
            text_column: 5,
            message: "m".into(),
            hint: None,
            severity: Severity::Error,
        };
        let mut out = Vec::new();
        write(&mut out, &[d], WIDE).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a.yaml:4:90000: m\n  |\n4 | …名: bad…\n  |      ^^^\n"
        );
    }
}
