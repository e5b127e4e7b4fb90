// A person on a phone opens the library, reads a questionnaire as respondents will see
// it, and switches to English; then the same with JavaScript turned off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, DESKTOP, NARROW_PHONE, PHONE, launch, openPage, expectNoAxeViolations,
  expectNoHorizontalScroll, screenshot,
} from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('opens PHQ-9 from the library on a phone and switches to English', async () => {
  const page = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await expectNoAxeViolations(page, 'home (fr)');
  await expectNoHorizontalScroll(page, 'home');
  await screenshot(page, 'phone-01-library-fr');

  await page.getByRole('link', { name: /PHQ-9/ }).click();
  await page.waitForURL(/\/questionnaires\/phq-9/);
  assert.equal(await page.locator('fieldset').count(), 10);
  await page.getByRole('radio', { name: 'Jamais' }).first().check();
  await expectNoAxeViolations(page, 'PHQ-9 (fr)');
  await expectNoHorizontalScroll(page, 'PHQ-9');
  await screenshot(page, 'phone-02-phq9-fr');

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(await page.getByRole('radio', { name: 'Not at all' }).first().isVisible());
  await expectNoAxeViolations(page, 'PHQ-9 (en)');
  await screenshot(page, 'phone-03-phq9-en');
  assert.deepEqual(page.problems, []);
});

test('easy-read wording switches in place once the island is hydrated', async () => {
  const page = await openPage(browser, { viewport: PHONE });
  const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/app_bg.wasm') && r.ok());
  await page.goto(`${BASE}/questionnaires/prem-sejour`);
  await wasm;
  const scope = page.locator('.easy-read-scope');
  const toggle = page.getByRole('button', { name: 'Texte facile à lire' });
  assert.equal(await scope.getAttribute('data-easy-read'), 'off');
  // The island hydrates on idle: retry the click until the in-place switch happens.
  const url = page.url();
  await assertEventually(async () => {
    await toggle.click();
    return (await scope.getAttribute('data-easy-read')) === 'on';
  });
  assert.equal(page.url(), url, 'no reload: the island switched the wording in place');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await expectNoAxeViolations(page, 'PREM easy-read on');
  await screenshot(page, 'phone-04-prem-easy-read');
  assert.deepEqual(page.problems, []);
});

async function assertEventually(check, { tries = 40, delayMs = 250 } = {}) {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  assert.fail('condition never became true');
}

test('without JavaScript, the same pages work with plain links and forms', async () => {
  const page = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled: false });
  await page.goto(`${BASE}/questionnaires/prem-sejour`);
  await page.getByRole('button', { name: 'Texte facile à lire' }).click();
  await page.waitForURL(/easy=1/);
  assert.equal(await page.locator('.easy-read-scope').getAttribute('data-easy-read'), 'on');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL(/lang=en/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(page.url(), /easy=1/, 'the easy-read choice survives the language switch');
  await screenshot(page, 'narrow-05-prem-en-nojs');
  // Scripts cannot run in a page without JavaScript, so the checks that need them
  // (axe-core, layout measures) run on the same server-rendered page in a second tab.
  const checked = await openPage(browser, { viewport: NARROW_PHONE });
  await checked.goto(page.url());
  await expectNoHorizontalScroll(checked, 'PREM (en, easy-read) at 320 px');
  await expectNoAxeViolations(checked, 'PREM (en, easy-read) at 320 px');
});

test('the library reads well on a desktop screen', async () => {
  const page = await openPage(browser, { viewport: DESKTOP });
  await page.goto(`${BASE}/?lang=en`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Questionnaire library');
  await expectNoAxeViolations(page, 'home (en, desktop)');
  await screenshot(page, 'desktop-01-library-en');
});
