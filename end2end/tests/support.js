// Shared helpers for the journeys: Debian's Chromium, phone and desktop viewports,
// axe-core checks, screenshots, and checks axe-core does not make (reflow at 320 px).
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.BOUCLE_URL ?? 'http://127.0.0.1:3000';
export const PHONE = { width: 360, height: 740 };
export const NARROW_PHONE = { width: 320, height: 640 };
export const DESKTOP = { width: 1280, height: 900 };
const SHOTS = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** A fresh page; collects console errors and failed requests so tests can assert none. */
export async function openPage(browser, { viewport = PHONE, javaScriptEnabled = true, locale = 'fr-FR' } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled, locale, isMobile: viewport.width < 500 });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  // A request the page itself gave up by navigating away (net::ERR_ABORTED) is not a fault.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') page.problems.push(`request failed: ${req.url()}`);
  });
  return page;
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) and fails on any violation. */
export async function expectNoAxeViolations(page, label) {
  // Evaluated through the DevTools protocol, so the page's CSP is left as it is.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `axe-core violations on ${label}`);
}

/** No horizontal scrolling (WCAG 1.4.10 reflow). */
export async function expectNoHorizontalScroll(page, label) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${label}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}
