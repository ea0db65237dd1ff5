//! The page around the sections: the document's head with its one stylesheet (the embedded
//! font declared once, for the page's text and its pictures alike), the header with what the
//! data is and a table of contents, and the footer. Written so it also parses as XML (void
//! elements closed, only XML's entities), which lets a test check it with an XML parser.

use std::fmt::Write as _;

use super::html::escape;
use super::{Report, Section, described};
use crate::render::plural;
use crate::render::svg::font::EMBEDDED_FAMILY;
use crate::render::svg::{self, GRID, INK, MUTED};

/// Returns the whole page.
pub fn page(report: &Report, sections: &[Section]) -> String {
    let mut out = String::new();
    let title = format!("Roadmap report, {}", report.today);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str("<meta name=\"generator\" content=\"chipmap\"/>\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>\n{}\n{}</style>", svg::font_faces(), style());
    out.push_str("</head>\n<body>\n");
    out.push_str(&header(report, &title, sections));
    out.push_str("<main>\n");
    for section in sections {
        let _ = writeln!(
            out,
            "<section id=\"{}\" class=\"part\">\n<h2>{}</h2>\n{}</section>",
            section.id,
            escape(&section.title),
            section.body
        );
    }
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer>Made by chipmap {} from the working data as of {}.</footer>",
        env!("CARGO_PKG_VERSION"),
        report.today
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// Returns the header: the title, what the data is and spans, and the table of contents.
fn header(report: &Report, title: &str, sections: &[Section]) -> String {
    let roadmap = report.roadmap;
    let spans = match report.histories.versions.as_slice() {
        [] => String::new(),
        [one] => format!(" It has one version, {}.", escape(&described(one))),
        [first, .., last] => format!(
            " Its history spans {}, from {} to {}.",
            plural(report.histories.versions.len(), "version"),
            escape(&described(first)),
            escape(&described(last))
        ),
    };
    let mut out = String::from("<header>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let _ = writeln!(
        out,
        "<p class=\"lede\">The working data as of <strong>{}</strong>: {} from {}.{spans}</p>",
        report.today,
        plural(roadmap.entry_count(), "entry"),
        plural(roadmap.vendors.len(), "vendor"),
    );
    out.push_str("<nav class=\"toc\" aria-label=\"Contents\">\n<ol>\n");
    for section in sections {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            section.id,
            escape(&section.title)
        );
    }
    out.push_str("</ol>\n</nav>\n</header>\n");
    out
}

/// Returns the page's stylesheet: a fluid column, tables that scroll in their own box, and
/// print rules (no backgrounds, the sources' addresses printed, no section torn awkwardly).
fn style() -> String {
    let css = r#"
:root{--ink:%INK%;--muted:%MUTED%;--grid:%GRID%;--faint:#f6f8fa;--link:#0550ae}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 '%FAMILY%',Inter,system-ui,sans-serif;font-variant-numeric:tabular-nums}
header,main,footer{max-width:1148px;margin:0 auto;padding:0 24px}
header{padding-top:28px;padding-bottom:8px;border-bottom:1px solid var(--grid)}
h1{font-size:28px;line-height:1.2;margin:0 0 8px;font-weight:600}
h2{font-size:22px;line-height:1.25;margin:0 0 12px;font-weight:600}
h3{font-size:17px;line-height:1.3;margin:24px 0 8px;font-weight:600}
h3 .count{font-weight:400;font-size:14px;color:var(--muted);margin-left:6px}
p{margin:8px 0}
.lede{color:var(--muted);max-width:72ch;margin:0 0 12px}
.lede strong{color:var(--ink)}
.toc ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px 20px}
.toc a{font-weight:600}
a{color:var(--link);text-decoration:none}
a:hover{text-decoration:underline}
.part{padding:28px 0 8px;border-bottom:1px solid var(--grid)}
.note{color:var(--muted);font-size:14px}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
figure{margin:0}
.picture svg{display:block;width:100%;height:auto;min-width:720px}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(420px,100%),1fr));gap:16px}
.chart figcaption{font-weight:600;margin:0 0 4px}
.chart svg{display:block;width:100%;height:auto}
figcaption{color:var(--muted);font-size:14px;margin-top:8px;max-width:80ch}
table{border-collapse:collapse;font-size:14px;line-height:1.4;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;padding:6px 12px 6px 0;border-bottom:1px solid var(--grid)}
th{font-weight:600;color:var(--muted);font-size:13px;white-space:nowrap;border-bottom:1.5px solid var(--ink)}
td:last-child,th:last-child{padding-right:0}
.num{text-align:right;white-space:nowrap}
tbody tr:hover{background:var(--faint)}
code,.key{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
.key{color:var(--muted);white-space:nowrap}
a.key{color:var(--link)}
.nowrap{white-space:nowrap}
.vendors-list{list-style:none;padding:0;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
.status{white-space:nowrap}
.status::before{content:"";display:inline-block;width:.7em;height:.7em;border-radius:50%;margin-right:.4em;background:var(--dot);vertical-align:baseline}
table.slips-entries td{white-space:nowrap}
table.slips-vendors th{white-space:normal}
table.slips-vendors td:first-child{min-width:9em}
table.entries{width:100%;min-width:720px;table-layout:fixed}
table.entries th:nth-child(1){width:21%}
table.entries th:nth-child(2){width:15%}
table.entries th:nth-child(3),table.entries th:nth-child(4){width:12%}
table.entries th:nth-child(5){width:22%}
table.entries .key{white-space:normal;overflow-wrap:anywhere}
table.entries td:nth-child(3),table.entries td:nth-child(4){white-space:nowrap}
table.entries tr:first-child td{border-bottom:0}
table.entries td.name,table.entries tr.about td{border-bottom:1px solid var(--grid)}
table.entries tr.about td{padding-top:0}
table.entries tbody:hover{background:var(--faint)}
table.entries tbody tr:hover{background:none}
.meta{color:var(--muted);font-size:13px}
.notes{margin:0}
.sources{margin:4px 0 0;padding-left:1.3em;font-size:13px}
.scroll-hint{display:none}
.sources li{overflow-wrap:anywhere}
.changes{padding-left:1.2em;margin:4px 0}
.changes>li{margin:6px 0}
.changes ul{padding-left:1.2em;margin:2px 0;color:var(--ink)}
.tag{display:inline-block;font-size:12px;font-weight:600;line-height:1.5;padding:0 6px;border-radius:4px;border:1px solid currentColor;margin-right:4px}
.tag.added{color:#1a7f37}.tag.removed{color:#cf222e}.tag.renamed{color:#8250df}.tag.changed{color:var(--muted)}
.moved-later{color:#a40e26}.moved-earlier{color:#116329}
del{color:#a40e26}ins{color:#116329;text-decoration:none;font-weight:600}
footer{color:var(--muted);font-size:13px;padding-top:16px;padding-bottom:32px}
@media screen and (max-width:760px){
.scroll-hint{display:block}
header,main,footer{padding-left:14px;padding-right:14px}
h1{font-size:23px}
h2{font-size:20px}
table.entries{min-width:0}
table.entries thead{display:none}
table.entries,table.entries tbody,table.entries tr,table.entries td{display:block;width:auto}
table.entries tbody{padding:10px 0;border-bottom:1px solid var(--grid)}
table.entries td,table.entries td.name,table.entries tr.about td{border:0;padding:1px 0}
table.entries td:empty{display:none}
table.entries td[data-label]{position:relative;padding-left:6.5em}
table.entries td[data-label]::before{content:attr(data-label);position:absolute;left:0;color:var(--muted);font-size:13px;line-height:1.6}
table.entries td.name{margin-bottom:4px}
table.entries tr.about td{margin-top:6px}
}
@media print{
@page{margin:14mm 12mm}
body{font-size:10pt;color:#000}
header,main,footer{max-width:none;padding:0}
.toc{display:none}
.part{border:0;padding-top:14pt}
.part+.part{break-before:auto}
h2,h3{break-after:avoid}
tr,li,figcaption{break-inside:avoid}
.scroll{overflow:visible}
.picture svg{min-width:0;width:100%}
.multiples{display:block}
.chart{break-inside:avoid;margin-bottom:10pt}
table.entries{min-width:0}
table.entries tbody{break-inside:avoid}
table.slips-entries td,th{white-space:normal}
tbody tr:hover{background:none}
a{color:#000}
a.src{font-size:0}
a.src::after{content:attr(href);font-size:8pt;color:#000;overflow-wrap:anywhere}
.tag{border-color:#000}
}
"#;
    css.trim_start()
        .replace("%FAMILY%", EMBEDDED_FAMILY)
        .replace("%INK%", INK)
        .replace("%MUTED%", MUTED)
        .replace("%GRID%", GRID)
}

#[cfg(test)]
mod tests {
    use super::style;

    #[test]
    fn the_stylesheet_holds_no_character_that_would_end_it_in_xml() {
        // `<` or `&` in the CSS would make the page fail to parse as XML (tests parse it so).
        let css = style();
        assert!(!css.contains(['<', '&']), "{css}");
    }
}
