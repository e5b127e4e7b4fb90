// A patient answers PHQ-9 on a phone from the campaign's open link: reads who asks and
// why, agrees, makes a mistake, leaves midway, comes back, answers the follow-up
// question, checks the answers, sends them, keeps the private link, opens it, and
// withdraws. Once with JavaScript, once without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PHONE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function answerScreenOne(page, values) {
  for (const [index, value] of values.entries()) {
    if (value !== null) await page.check(`#q-phq9_${index + 1}-${value}`);
  }
  await page.getByRole('button', { name: 'Continuer' }).click();
}

async function journey({ javaScriptEnabled, viewport, prefix }) {
  const page = await openPage(browser, { viewport, javaScriptEnabled });
  const check = async (label) => {
    // Scripts cannot run in a page without JavaScript: measure the same page in a tab that has them.
    const target = javaScriptEnabled ? page : await openPage(browser, { viewport });
    if (!javaScriptEnabled) await target.goto(page.url());
    if (!javaScriptEnabled && label.includes('error')) return; // the error state lives in this browser's draft
    await expectNoHorizontalScroll(target, label);
    await expectNoAxeViolations(target, label);
  };

  await page.goto(`${BASE}/r/demo-phq-9`);
  assert.match(await page.locator('h1').textContent(), /moral/);
  await check(`${prefix} welcome`);
  await screenshot(page, `${prefix}-01-welcome`);

  // Starting without ticking the consent box goes nowhere: the box is required (the
  // server refuses it too, with its own message, for browsers that do not check).
  await page.getByRole('button', { name: 'Commencer' }).click();
  assert.match(page.url(), /\/r\/demo-phq-9$/);
  await page.getByRole('checkbox', { name: /J'ai lu ces informations/ }).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForURL(/\/q\/1/);
  assert.match(await page.locator('.step').textContent(), /Étape 1 sur/);
  await check(`${prefix} screen 1`);

  // A mistake: three questions left out. Everything typed stays, the errors are named.
  await answerScreenOne(page, ['1', '0', '2', null, null, null, '0', '1', '0']);
  await page.waitForURL(/error-summary/);
  assert.match(await page.title(), /^Erreur :/);
  assert.equal(await page.locator('.error-summary li').count(), 3);
  assert.equal(await page.isChecked('#q-phq9_3-2'), true);
  assert.equal(await page.getAttribute('#q-phq9_4-0', 'aria-invalid'), 'true');
  await check(`${prefix} screen 1 with errors`);
  await screenshot(page, `${prefix}-02-errors`);

  // Leave midway, come back through the same link: the answers are there.
  await page.goto(`${BASE}/r/demo-phq-9`);
  await page.getByRole('link', { name: /Reprendre/ }).click();
  await page.waitForURL(/\/q\/1/);
  assert.equal(await page.isChecked('#q-phq9_3-2'), true);
  await answerScreenOne(page, [null, null, null, '1', '0', '0', null, null, null]);

  // Some answers above "never": the follow-up question comes on its own screen.
  await page.waitForURL(/\/q\/2/);
  await check(`${prefix} follow-up`);
  await page.getByRole('radio', { name: 'Assez difficile' }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/review/);
  assert.ok(await page.getByText('Assez difficile').isVisible());
  await check(`${prefix} review`);
  await screenshot(page, `${prefix}-03-review`);

  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.waitForURL(/\/merci/);
  const link = await page.locator('.return-link a').getAttribute('href');
  assert.match(link, /\/retour\/[A-Za-z0-9_-]{43}$/);
  await check(`${prefix} receipt`);
  await screenshot(page, `${prefix}-04-receipt`);

  // The private link: own answers and score, then withdrawal.
  await page.goto(link);
  await page.waitForURL(/\/mes-resultats$/);
  assert.ok(!page.url().includes('/retour/'), 'the secret left the address bar');
  assert.match(await page.locator('.score-value').first().textContent(), /5/);
  await check(`${prefix} your results`);
  await screenshot(page, `${prefix}-05-results`);
  await page.getByRole('checkbox', { name: 'Je veux effacer mes réponses' }).check();
  await page.getByRole('button', { name: 'Effacer mes réponses' }).click();
  await page.waitForURL(/retire/);
  assert.match(await page.locator('h1').textContent(), /effacées/);
  await check(`${prefix} withdrawn`);
  if (javaScriptEnabled) assert.deepEqual(page.problems, []);
}

test('a patient answers PHQ-9 on a phone, resumes, submits and withdraws', async () => {
  await journey({ javaScriptEnabled: true, viewport: PHONE, prefix: 'phq9-js' });
});

test('the same journey works with JavaScript turned off at 320 px', async () => {
  await journey({ javaScriptEnabled: false, viewport: NARROW_PHONE, prefix: 'phq9-nojs' });
});
