// Opens a file in headless Chromium as a person would see it, and reports what happened.
//
//   node tests/js/browser.mjs FILE --screenshot OUT.png [--width W] [--count SELECTOR]...
//
// Prints one JSON object: {console, errors, requests, counts, width, height, scroll_width}:
// - console: the console's errors and warnings, as {type, text};
// - errors: uncaught exceptions of the page;
// - requests: every request for anything but FILE itself or a data: URL (a page that needs
//   nothing from outside makes none);
// - counts: how many elements match each --count selector;
// - width, height: the size of the screenshot (the whole page, W wide), in CSS pixels;
// - scroll_width: how wide the page lays itself out (more than W: it scrolls sideways).
// Exits non-zero only when the browser cannot run; judging the report is the caller's job.
// Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM): playwright-core never downloads one.

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';

function usage(message) {
  console.error(`browser.mjs: ${message}`);
  console.error('usage: node browser.mjs FILE --screenshot OUT.png [--width W] [--count SELECTOR]...');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { file: null, screenshot: null, width: 1600, selectors: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--screenshot') args.screenshot = value();
    else if (arg === '--width') args.width = Number.parseInt(value(), 10);
    else if (arg === '--count') args.selectors.push(value());
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else if (args.file === null) args.file = arg;
    else usage(`one FILE only, not also ${arg}`);
  }
  if (args.file === null) usage('no FILE');
  if (args.screenshot === null) usage('no --screenshot');
  if (!(args.width > 0)) usage('--width must be a positive number');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const url = pathToFileURL(resolve(args.file)).href;
const report = { console: [], errors: [], requests: [], counts: {}, width: 0, height: 0, scroll_width: 0 };

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: args.width, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      report.console.push({ type: message.type(), text: message.text() });
    }
  });
  page.on('pageerror', (error) => report.errors.push(String(error)));
  page.on('request', (request) => {
    const asked = request.url();
    if (asked !== url && !asked.startsWith('data:')) report.requests.push(asked);
  });
  await page.goto(url, { waitUntil: 'load' });
  // An SVG document has no document.fonts in every engine: wait only where there is one.
  await page.evaluate(() => (document.fonts ? document.fonts.ready.then(() => true) : true));
  // The whole of what is drawn, as tall as it is. Playwright's fullPage cannot measure an SVG
  // opened on its own (it has no body, and the capture waits forever), so the window is made
  // that tall instead, for every kind of page alike.
  const height = await page.evaluate(() => {
    const root = document.documentElement;
    // An SVG's scroll height is at least the window's: its own box says how tall it is.
    const tall = root.tagName.toLowerCase() === 'svg' ? root.getBoundingClientRect().height : root.scrollHeight;
    return Math.ceil(tall);
  });
  // Chromium's limit for one capture is 16384 pixels each way.
  // How wide the page lays itself out: wider than the window means the reader scrolls the
  // whole page sideways (measured before the window is made tall).
  report.scroll_width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: args.width, height: Math.min(Math.max(height, 1), 16384) });
  await page.screenshot({ path: args.screenshot });
  report.width = page.viewportSize().width;
  report.height = page.viewportSize().height;
  for (const selector of args.selectors) {
    report.counts[selector] = await page.locator(selector).count();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
