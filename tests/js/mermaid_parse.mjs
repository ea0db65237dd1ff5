// Parses Mermaid gantt charts with Mermaid's own parser and prints what Mermaid made of each
// chart: its title, sections and tasks, as one JSON array (one object per input) on stdout.
//
// Usage: node mermaid_parse.mjs [FILE...]   (no FILE: one chart on stdin)
//
// `mermaid.parse` alone proves little: the gantt grammar is lenient, so a chart can parse
// while a name ate the next task or turned into a comment. So each chart's diagram is built
// too (`mermaidAPI.getDiagramFromText`) and its database read back: every task's name as a
// reader would see it, its section, start and end (ISO days, end exclusive, as Mermaid keeps
// them), whether it is a milestone, and its tags. A chart that fails prints `{"error": ...}`
// and the script exits 1 after printing every chart.
//
// Names as displayed: Mermaid turns an entity (`#58;`) into a placeholder before it parses
// (encodeEntities), draws the task's text with it, serialises the SVG, then turns the
// placeholder into an HTML character reference (`&#58;`, decodeEntities) that the browser
// reads as the character. `displayed` below does the same steps, in jsdom.

import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const name of ["DOMParser", "Element", "HTMLElement", "SVGElement", "Node", "navigator"]) {
  if (!(name in globalThis)) {
    globalThis[name] = dom.window[name];
  }
}

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

/** Returns the text a browser shows for a task or section name Mermaid holds. */
function displayed(held) {
  const holder = document.createElement("span");
  holder.textContent = held; // what d3's .text() does
  const markup = holder.innerHTML // the SVG serialised
    .replace(/ﬂ°°/g, "&#")
    .replace(/ﬂ°/g, "&")
    .replace(/¶ß/g, ";"); // Mermaid's decodeEntities
  holder.innerHTML = markup; // the browser reads the SVG's markup
  return holder.textContent;
}

/** Returns a day as `YYYY-MM-DD` in local time, the way Mermaid (dayjs) read it. */
function day(date) {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    return null;
  }
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function inspect(text) {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db;
  const tasks = db.getTasks().map((t) => ({
    id: t.id,
    name: displayed(t.task.trim()),
    section: displayed(t.section),
    start: day(t.startTime),
    end: day(t.endTime),
    milestone: Boolean(t.milestone),
    tags: ["active", "done", "crit", "milestone", "vert"].filter((tag) => t[tag]),
  }));
  return {
    type: diagram.type,
    title: displayed(db.getDiagramTitle()),
    sections: db.getSections().map(displayed),
    tasks,
    dateFormat: db.getDateFormat(),
    axisFormat: db.getAxisFormat(),
    tickInterval: db.getTickInterval() ?? null,
    todayMarker: db.getTodayMarker(),
    inclusiveEndDates: db.endDatesAreInclusive(),
  };
}

const files = process.argv.slice(2);
const inputs = files.length > 0 ? files.map((f) => readFileSync(f, "utf8")) : [readFileSync(0, "utf8")];
const results = [];
let failed = false;
for (const text of inputs) {
  try {
    results.push(await inspect(text));
  } catch (error) {
    failed = true;
    results.push({ error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results, null, 1) + "\n");
process.exit(failed ? 1 : 0);
