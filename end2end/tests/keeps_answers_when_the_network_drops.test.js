// On a phone with JavaScript, a respondent's answers survive a reload and a dropped
// connection: the screen keeps them in the tab, and a submission made offline leaves
// as soon as the network is back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, launch, openPage, expectNoAxeViolations, screenshot } from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function hydrated(page) {
  // The island marks nothing visible; wait for the wasm to be fetched and idle time to pass.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

test('answers survive a reload and an offline submission waits for the network', async () => {
  const page = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE}/r/demo-sejour`);
  await page.getByRole('checkbox', { name: /J'ai lu ces informations/ }).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForURL(/\/q\/1/);
  await hydrated(page);

  const first = page.locator('input[type=radio]').first();
  await first.check();
  // A fresh navigation, not a reload: the browser's own form restoration plays no part.
  await page.goto(page.url());
  await hydrated(page);
  assert.equal(await first.isChecked(), true, 'the answer typed before the reload is back');

  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Continuer' }).click();
  const waiting = page.getByRole('status').filter({ hasText: 'Pas de réseau' });
  await waiting.waitFor({ state: 'visible' });
  assert.match(page.url(), /\/q\/1/);
  await expectNoAxeViolations(page, 'offline notice');
  await screenshot(page, 'offline-01-waiting');

  await page.context().setOffline(false);
  await page.waitForURL(/\/q\/2/);
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
});
