// Draws a Mermaid chart in Chromium the way a browser shows it, and says what it drew.
//
// Usage: node render_mermaid.mjs CHART.mmd [OUT.png]
//
// A page made in a temporary folder loads the `mermaid` package's own bundle from
// node_modules (file://, nothing from the network: any other request is refused and counted)
// and renders the chart; playwright-core drives Debian's Chromium (CHROMIUM, else
// /usr/bin/chromium). With OUT.png, the chart is saved as a screenshot. Prints one JSON
// object: whether it rendered, the console errors, the refused requests, and what the
// drawing holds (task bars and milestones, their labels as shown, the section titles).
// Exits 1 when the chart did not render or the page logged an error.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";

const [chartFile, pngFile] = process.argv.slice(2);
if (!chartFile) {
  process.stderr.write("usage: node render_mermaid.mjs CHART.mmd [OUT.png]\n");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const bundle = pathToFileURL(join(here, "node_modules/mermaid/dist/mermaid.min.js")).href;
const chart = readFileSync(chartFile, "utf8");

const folder = mkdtempSync(join(tmpdir(), "chipmap-mermaid-"));
const page = join(folder, "chart.html");
// The chart goes in as text (textContent), never as markup: the page is a reader's, not ours.
writeFileSync(
  page,
  `<!doctype html>
<html><head><meta charset="utf-8"><title>chart</title>
<style>body { margin: 0; background: #fff; font-family: sans-serif; } #chart { width: 1400px; padding: 16px; }</style>
<script src="${bundle}"></script></head>
<body><div id="chart"></div>
<script>
window.drawn = (async () => {
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  const { svg } = await mermaid.render("gantt", window.chartText);
  document.getElementById("chart").innerHTML = svg;
  return true;
})();
</script></body></html>`,
);

const browser = await launchChromium();
const report = { rendered: false, errors: [], refused: [], tasks: [], sections: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1432, height: 800 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  await tab.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) {
      return route.continue();
    }
    report.refused.push(url);
    return route.abort();
  });
  tab.on("console", (message) => {
    if (message.type() === "error") {
      report.errors.push(message.text());
    }
  });
  tab.on("pageerror", (error) => report.errors.push(String(error)));
  await tab.addInitScript((text) => {
    window.chartText = text;
  }, chart);
  await tab.goto(pathToFileURL(page).href);
  try {
    report.rendered = await tab.evaluate(() => window.drawn);
  } catch (error) {
    report.errors.push(String(error?.message ?? error));
  }
  if (report.rendered) {
    Object.assign(
      report,
      await tab.evaluate(() => {
        const svg = document.querySelector("#chart svg");
        const texts = (selector) => [...svg.querySelectorAll(selector)].map((t) => t.textContent);
        return {
          tasks: [...svg.querySelectorAll("rect.task")].map((r) => ({
            id: r.id.replace(/^gantt-/, ""),
            milestone: r.classList.contains("milestone"),
            width: Number(r.getAttribute("width")),
          })),
          labels: texts("text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft"),
          sections: texts("text.sectionTitle"),
          ticks: texts(".grid .tick text"),
          width: svg.getBoundingClientRect().width,
          height: svg.getBoundingClientRect().height,
        };
      }),
    );
    if (pngFile) {
      await tab.locator("#chart").screenshot({ path: pngFile });
    }
  }
} finally {
  await browser.close();
  rmSync(folder, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report, null, 1) + "\n");
process.exit(report.rendered && report.errors.length === 0 ? 0 : 1);
