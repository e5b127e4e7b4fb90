// A patient-partner who has no password asks for a sign-in link on a small phone,
// receives it by email, opens it and signs in with one click; the link then no longer
// works. Once with JavaScript, once without.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';
import { waitForMail } from './mailbox.js';

const EMAIL = 'partenaire@demo.test';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const javaScriptEnabled of [true, false]) {
  const prefix = javaScriptEnabled ? 'email-link' : 'email-link-nojs';
  test(`a patient-partner signs in with an emailed link (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, { timeout: 90_000 }, async () => {
    const page = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled });
    const check = async (label) => {
      if (!javaScriptEnabled) return; // axe needs scripts; the JavaScript run checks the same pages
      await expectNoHorizontalScroll(page, label);
      await expectNoAxeViolations(page, label);
    };
    await page.goto(`${BASE}/connexion`);
    await page.getByRole('textbox', { name: 'Envoyer le lien à cette adresse' }).fill(EMAIL);
    const asked = Date.now();
    await page.getByRole('button', { name: 'Recevoir un lien' }).click();
    await page.waitForURL(/lien=envoye/);
    assert.ok(await page.getByText('Si un compte existe pour cette adresse').isVisible());
    await check('sign-in page, link sent');
    await screenshot(page, `${prefix}-01-sent`);

    const body = await waitForMail(EMAIL, /Bonjour Léa Partenaire/, asked);
    const links = [...body.matchAll(/https?:\/\/\S+\/connexion\/lien\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0]);
    const link = links.at(-1);
    assert.ok(link, body);
    await page.goto(link);
    await page.waitForURL(/\/connexion\/lien$/);
    assert.ok(!page.url().includes(link.split('/').at(-1)), 'the secret leaves the address bar');
    assert.ok(await page.getByText('Vous allez vous connecter à Boucle en tant que Léa Partenaire.').isVisible());
    await check('sign-in link page');
    await screenshot(page, `${prefix}-02-confirm`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(/\/equipe/);
    assert.ok(await page.getByText('Léa Partenaire').first().isVisible());

    // Used once: opening it again signs nobody in.
    const other = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled });
    await other.goto(link);
    assert.ok(await other.getByText('Ce lien de connexion ne fonctionne plus').isVisible());
    assert.ok(await other.getByRole('link', { name: 'Demander un nouveau lien' }).isVisible());
    // Without JavaScript the browser refuses the module script; that is the point.
    if (javaScriptEnabled) assert.deepEqual(page.problems, []);
  });
}
