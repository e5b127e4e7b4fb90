// A patient answering the hospital-stay questionnaire on a small phone is told about a
// mistake as they leave the field, in the same words and place as after sending, and
// the message goes once it is fixed. Without JavaScript the server says the same on send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Answers every screen with its first options until the free-text question shows. */
async function reachTheLastScreen(page) {
  await page.goto(`${BASE}/r/demo-sejour`);
  await page.getByRole('checkbox', { name: /J'ai lu ces informations/ }).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForURL(/\/q\/1/);
  for (let screen = 0; screen < 12 && await page.locator('#q-ameliorer').count() === 0; screen++) {
    const groups = page.locator('fieldset.choice-group');
    for (let i = 0; i < await groups.count(); i++) {
      await groups.nth(i).locator('input[type=radio]').first().check();
    }
    const before = page.url();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.waitForURL((url) => url.href !== before);
  }
  assert.equal(await page.locator('#q-ameliorer').count(), 1, 'the free-text question is on screen');
}

test('a mistake is named as the person leaves the field, and goes once fixed', { timeout: 120_000 }, async () => {
  const page = await openPage(browser, { viewport: NARROW_PHONE });
  await reachTheLastScreen(page);
  // Wait for the islands: the check runs in WebAssembly.
  await page.waitForFunction(() => !document.querySelector('leptos-island[data-hydrated="false"]'), null, { timeout: 20_000 })
    .catch(() => {});
  await page.waitForLoadState('networkidle');
  const screenUrl = page.url();
  // A pasted text longer than the limit (some keyboards ignore maxlength).
  await page.locator('#q-ameliorer').evaluate((field) => field.removeAttribute('maxlength'));
  await page.locator('#q-ameliorer').fill('x'.repeat(2001));
  await page.locator('#q-recommandation-10, input[name=recommandation]').first().focus();
  const error = page.locator('#error-ameliorer');
  await error.waitFor({ timeout: 10_000 });
  assert.equal(await error.innerText(), 'Ce texte est trop long : raccourcissez-le.');
  assert.equal(await page.getAttribute('#q-ameliorer', 'aria-invalid'), 'true');
  assert.match(await page.getAttribute('#q-ameliorer', 'aria-describedby'), /error-ameliorer/);
  assert.equal(page.url(), screenUrl, 'no page load');
  await expectNoAxeViolations(page, 'screen with a live error');
  await expectNoHorizontalScroll(page, 'screen with a live error');
  await screenshot(page, 'live-01-error');

  await page.locator('#q-ameliorer').fill('Un numéro à appeler la nuit.');
  await page.locator('input[name=recommandation]').first().focus();
  await error.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(await page.getAttribute('#q-ameliorer', 'aria-invalid'), null);
  assert.deepEqual(page.problems, []);
});
