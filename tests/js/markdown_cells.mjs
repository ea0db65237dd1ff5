// Reads a Markdown document with a real Markdown reader (marked, GitHub-flavoured, the one
// Mermaid itself uses) and prints its tables as a reader sees them: one JSON array of tables,
// each an array of rows (the header first), each row an array of cell texts as displayed
// (escapes and character references resolved, markup rendered, then its text taken).
//
// Usage: node markdown_cells.mjs [FILE]   (no FILE: the document on stdin)

import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { marked } from "marked";

const text = readFileSync(process.argv[2] ?? 0, "utf8");
const { document } = new JSDOM("").window;

/** Returns the text a browser shows for a cell's inline Markdown. */
function shown(cell) {
  const holder = document.createElement("div");
  holder.innerHTML = marked.parseInline(cell.text, { gfm: true });
  return holder.textContent;
}

const tables = marked
  .lexer(text, { gfm: true })
  .filter((token) => token.type === "table")
  .map((table) => [table.header, ...table.rows].map((row) => row.map(shown)));
process.stdout.write(JSON.stringify(tables, null, 1) + "\n");
