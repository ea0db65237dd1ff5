// Starts Debian's Chromium headless for the tests, the one way both browser scripts do it:
// $CHROMIUM or /usr/bin/chromium (playwright-core never downloads a browser), with the flags
// that keep it off the network of its own accord (no background fetches, updates or sync),
// which a closed network would refuse and which the tests would count as requests.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
