// After answering on a small phone, a patient has their private link emailed to them and
// asks to be told when the results come back; from the link, they later delete their
// address. Once with JavaScript, once without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';
import { waitForMail } from './mailbox.js';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function answerAllZero(page) {
  await page.goto(`${BASE}/r/demo-phq-9`);
  await page.getByRole('checkbox', { name: /J'ai lu ces informations/ }).check();
  await page.getByRole('button', { name: 'Commencer' }).click();
  await page.waitForURL(/\/q\/1/);
  for (let i = 1; i <= 9; i++) await page.check(`#q-phq9_${i}-0`);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(/\/review/);
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.waitForURL(/\/merci/);
}

for (const javaScriptEnabled of [true, false]) {
  const prefix = javaScriptEnabled ? 'email-return' : 'email-return-nojs';
  const address = javaScriptEnabled ? 'patient.js@exemple.fr' : 'patient.nojs@exemple.fr';
  test(`a respondent gets their private link by email (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, { timeout: 90_000 }, async () => {
    const page = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled });
    const check = async (label) => {
      if (!javaScriptEnabled) return; // axe needs scripts; the JavaScript run checks the same pages
      await expectNoHorizontalScroll(page, label);
      await expectNoAxeViolations(page, label);
    };
    await answerAllZero(page);
    const shown = await page.locator('.return-link a').getAttribute('href');

    // A typo is named next to the field, and nothing is sent.
    const field = page.getByRole('textbox', { name: 'Votre adresse e-mail' });
    await field.fill('patient@exemple');
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.waitForURL(/email=invalide/);
    assert.ok(await page.getByText('Cette adresse e-mail n\'est pas valide').isVisible());
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await check('receipt, bad address');
    await screenshot(page, `${prefix}-01-bad-address`);

    await field.fill(address);
    await page.getByRole('checkbox', { name: /Me prévenir aussi par e-mail/ }).check();
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.waitForURL(/email=envoye-suivi/);
    assert.ok(await page.getByText('C\'est envoyé, et nous vous préviendrons').isVisible());
    await check('receipt, link sent');
    await screenshot(page, `${prefix}-02-sent`);

    const body = await waitForMail(address, /Merci d'avoir répondu/);
    const emailed = body.match(/https?:\/\/\S+\/retour\/[A-Za-z0-9_-]{43}/)?.[0];
    assert.ok(emailed?.endsWith(shown.split('/').at(-1)), 'the same private link');

    // Later, from the emailed link: the address is shown and can be deleted.
    const later = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled });
    await later.goto(emailed);
    await later.waitForURL(/\/mes-resultats$/);
    assert.ok(await later.getByText(`Nous gardons votre adresse ${address}`).isVisible());
    await later.getByRole('button', { name: 'Effacer mon adresse' }).click();
    await later.waitForURL(/adresse=effacee/);
    assert.ok(await later.getByText('Votre adresse est effacée').isVisible());
    assert.equal(await later.getByText(address).count(), 0);
    if (javaScriptEnabled) {
      await expectNoAxeViolations(later, 'return page, address deleted');
    }
    // Without JavaScript the browser refuses the module script; that is the point.
    if (javaScriptEnabled) assert.deepEqual(page.problems, []);
  });
}
