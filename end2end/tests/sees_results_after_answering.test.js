// A patient who answered PHQ-9 opens their private link on a small phone: their own score
// and its band at once, everyone's results only once five people have answered, and
// then where they sit. A quality-team member opens the campaign's results, groups them
// by an answer, and downloads a chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PHONE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';

const CAMPAIGN = (process.env.RESULTS_CAMPAIGN ?? '').trim();
const INVITATION = (process.env.RESULTS_INVITATION ?? '').trim();
const PASSWORD = 'des résultats rendus aux patients';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function submit(page, key, values) {
  const answers = Object.fromEntries(values.map((v, i) => [`phq9_${i + 1}`, String(v)]));
  const sent = await page.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/responses`, {
    headers: { 'idempotency-key': key },
    data: { language: 'fr', consent_version: '1', answers },
  });
  assert.equal(sent.status(), 201, await sent.text());
  return (await sent.json()).return_secret;
}

test('a respondent sees their score at once and everyone\'s results from five responses', { timeout: 90_000 }, async () => {
  assert.match(CAMPAIGN, /^[a-z0-9]{16}$/, 'run.sh created the campaign');
  const page = await openPage(browser, { viewport: NARROW_PHONE });
  // Totals 0, 3, 12, 27, then this respondent's 9 ("Légère").
  for (const [i, values] of [[0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 0],
    [2, 2, 2, 2, 1, 1, 1, 1, 0], [3, 3, 3, 3, 3, 3, 3, 3, 3]].entries()) {
    await submit(page, `e2e-results-other-${i}`, values);
  }
  const secret = await submit(page, 'e2e-results-mine', [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  await page.goto(`${BASE}/retour/${secret}`);
  await page.waitForURL(/\/mes-resultats$/);
  assert.equal(await page.locator('.score-value strong').first().innerText(), '9');
  assert.ok(await page.getByText('Légère', { exact: true }).first().isVisible());
  // Five responses: everyone's results appear.
  assert.ok(await page.getByText('5 personnes ont répondu pour l\'instant.').isVisible());
  assert.ok(await page.getByRole('img', { name: /Score PHQ-9/ }).first().isVisible(), 'a chart with a name');
  assert.match(await page.locator('#everyone svg').first().innerHTML(), /Vous : 9/, 'their place on the histogram');
  await expectNoAxeViolations(page, 'return page with everyone\'s results');
  await expectNoHorizontalScroll(page, 'return page with everyone\'s results');
  await screenshot(page, 'results-01-return-page');

  // The same page without JavaScript is the same page.
  const plain = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled: false });
  await plain.goto(`${BASE}/retour/${secret}`);
  await plain.waitForURL(/\/mes-resultats$/);
  assert.ok(await plain.getByText('5 personnes ont répondu pour l\'instant.').isVisible());
  await plain.getByText('Voir les réponses de tous, question par question').click();
  assert.ok(await plain.getByRole('heading', { name: 'Peu d\'intérêt ou de plaisir à faire les choses' }).first().isVisible());
  assert.deepEqual(page.problems, []);
});

test('the quality team reads the results, groups them and downloads a chart', { timeout: 90_000 }, async () => {
  assert.ok(INVITATION.includes('/connexion/invitation/'), 'run.sh printed an invitation');
  const page = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE}${new URL(INVITATION).pathname}`);
  await page.waitForURL(/\/connexion\/bienvenue$/);
  await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await page.getByLabel('Le même mot de passe, une seconde fois').fill(PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await page.waitForURL(/\/equipe\?lang=fr$/);
  await page.goto(`${BASE}/equipe/campagnes/${CAMPAIGN}?lang=fr`);
  await page.getByRole('link', { name: 'Voir les résultats' }).click();
  await page.waitForURL(/\/resultats/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Résultats');
  assert.ok(await page.getByText(/^\d+ personnes ont répondu pour l'instant\.$/).first().isVisible());
  assert.ok(await page.getByText(/Alpha de Cronbach/).first().isVisible());
  await expectNoAxeViolations(page, 'results page');
  await expectNoHorizontalScroll(page, 'results page');
  await screenshot(page, 'results-02-team');

  await page.getByLabel('Grouper les répondants selon leur réponse à').selectOption('phq9_1');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.waitForURL(/par=phq9_1/);
  assert.ok(await page.getByRole('heading', { name: 'Taille des groupes' }).isVisible());
  await expectNoAxeViolations(page, 'results by group');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#over-time').getByRole('link', { name: 'Télécharger ce graphique (SVG)' }).click(),
  ]);
  const svg = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(svg).toString('utf8');
  assert.match(text, /^<\?xml/);
  assert.match(text, /<title>Réponses au fil du temps<\/title>/);

  // De-identified answers: one row per response, no timestamp, scores computed.
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Réponses (CSV)' }).click(),
  ]);
  const csv = Buffer.concat(await (await csvDownload.createReadStream()).toArray()).toString('utf8');
  const lines = csv.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(0, 4), ['row', 'campaign', 'period', 'language']);
  assert.equal(lines.length, 6, 'a header and the five responses');
  const total = header.indexOf('phq9_total');
  const scores = lines.slice(1).map((l) => Number(l.split(',')[total])).sort((a, b) => a - b);
  assert.deepEqual(scores, [0, 3, 9, 12, 27]);
  assert.deepEqual(page.problems, []);
});
