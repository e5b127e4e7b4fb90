// First contentful paint of respondent pages on a slow-3G profile, in Debian's Chromium.
// A benchmark, not a test: it prints figures for BENCHMARKS.md.
// Run: start boucle (scripts/run.sh), then `node end2end/bench/first-paint.mjs [base-url]`.
// Profile: Chrome DevTools' "Slow 3G" (400 ms RTT, 400 kbit/s down, 400 kbit/s up),
// 4x CPU slowdown, phone viewport, empty cache for each load.
import { launch, PHONE } from '../tests/support.js';

const base = process.argv[2] ?? process.env.BOUCLE_URL ?? 'http://127.0.0.1:3000';
const pages = ['/r/demo-phq-9', '/questionnaires/phq-9', '/'];
const runs = 5;

const browser = await launch();
for (const path of pages) {
  const paints = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 400, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    const fcp = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(null), 10000);
    }));
    if (fcp === null) throw new Error(`no first-contentful-paint entry for ${path}`);
    paints.push(fcp);
    bytes = transferred;
    await context.close();
  }
  paints.sort((a, b) => a - b);
  const median = paints[Math.floor(paints.length / 2)];
  console.log(`${path}: first contentful paint median ${median.toFixed(0)} ms (min ${paints[0].toFixed(0)}, max ${paints.at(-1).toFixed(0)}), ${bytes} bytes transferred by "load"`);
}
await browser.close();
