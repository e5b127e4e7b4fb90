// Closing the loop. A patient answers on a small phone; a professional and a
// patient-partner link the campaign to their project, write what they found, propose
// two actions, adopt one and reject the other with a reason, and publish the plan
// together. The patient's private link then opens on what was found and decided, with
// the reason for the rejection, with and without JavaScript; the plan page counts that
// view in its loop measures. 320 px, axe-core on every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';
import { waitForMail } from './mailbox.js';

const CAMPAIGN = (process.env.LOOP_CAMPAIGN ?? '').trim();
const INVITATION = (process.env.LOOP_INVITATION ?? '').trim();
const PASSWORD = 'une boucle qui se referme';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function check(page, label, shot) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await screenshot(page, shot);
}

test('a patient sees what was found and decided after answering', { timeout: 180_000 }, async () => {
  assert.match(CAMPAIGN, /^[a-z0-9]{16}$/, 'run.sh created the campaign');
  assert.match(INVITATION, /\/connexion\/invitation\//, 'run.sh created the professional');

  // The patient answers and keeps their private link; nothing is decided yet.
  const patient = await openPage(browser, { viewport: NARROW_PHONE });
  const answers = Object.fromEntries([...Array(9).keys()].map((i) => [`phq9_${i + 1}`, '0']));
  const sent = await patient.request.post(`${BASE}/api/v1/campaigns/${CAMPAIGN}/responses`, {
    headers: { 'idempotency-key': 'e2e-loop-patient-1' },
    data: { language: 'fr', consent_version: '1', answers },
  });
  assert.equal(sent.status(), 201, await sent.text());
  const secret = (await sent.json()).return_secret;
  await patient.goto(`${BASE}/retour/${secret}`);
  await patient.waitForURL(/\/mes-resultats$/);
  assert.equal(await patient.locator('#decisions').count(), 0, 'nothing published yet');

  // The professional starts a project, adds the patient-partner, links the campaign.
  const pro = await openPage(browser, { viewport: NARROW_PHONE });
  await pro.goto(`${BASE}${new URL(INVITATION, BASE).pathname}`);
  await pro.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await pro.getByLabel('Le même mot de passe, une seconde fois').fill(PASSWORD);
  await pro.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await pro.waitForURL(/\/equipe\?lang=fr$/);
  await pro.goto(`${BASE}/equipe/projets?lang=fr`);
  await pro.getByLabel('Titre du projet').fill('Le retour à domicile');
  await pro.getByRole('button', { name: 'Créer le projet' }).click();
  await pro.waitForURL(/fait=created/);
  await pro.getByLabel('Personne de l\'établissement').selectOption({ label: 'Yves Partenaire' });
  await pro.getByLabel('Rôle dans le projet').selectOption('patient_partner');
  await pro.getByRole('button', { name: 'Ajouter au projet' }).click();
  await pro.waitForURL(/fait=member-added/);
  await pro.getByLabel('Rattacher une campagne de l\'établissement').selectOption({ label: 'La boucle de bout en bout' });
  await pro.getByRole('button', { name: 'Rattacher', exact: true }).click();
  await pro.waitForURL(/fait=campaign-linked/);
  await pro.getByRole('link', { name: 'La boucle de bout en bout' }).click();
  await pro.waitForURL(/\/campagnes\//);
  const planUrl = pro.url().split('?')[0];

  // A finding citing a question, and two proposed actions.
  await pro.getByLabel('Ce que nous constatons, en mots simples').fill('Beaucoup de personnes dorment mal après leur sortie.');
  await pro.getByLabel(/Difficultés à s'endormir/).check();
  await pro.getByRole('button', { name: 'Ajouter le constat' }).click();
  await pro.waitForURL(/fait=finding/);
  for (const [what, owner] of [['Un appel infirmier le surlendemain de la sortie', 'Cadre de santé'],
    ['Une brochure sur le sommeil', 'Service qualité']]) {
    await pro.locator('#findings details.item-editor summary').first().click();
    await pro.getByLabel('Ce qui sera fait').fill(what);
    await pro.getByLabel('Qui s\'en charge').fill(owner);
    await pro.getByRole('button', { name: 'Proposer l\'action' }).click();
    await pro.waitForURL(/fait=action-proposed/);
  }
  await check(pro, 'plan with two proposed actions', 'loop-01-proposed');

  // The patient-partner signs in with an emailed link, adopts one, rejects the other.
  const yves = await openPage(browser, { viewport: NARROW_PHONE });
  await yves.goto(`${BASE}/connexion`);
  await yves.getByRole('textbox', { name: 'Envoyer le lien à cette adresse' }).fill('yves@demo.test');
  const asked = Date.now();
  await yves.getByRole('button', { name: 'Recevoir un lien' }).click();
  await yves.waitForURL(/lien=envoye/);
  const body = await waitForMail('yves@demo.test', /Bonjour Yves Partenaire/, asked);
  await yves.goto(body.match(/https?:\/\/\S+\/connexion\/lien\/[A-Za-z0-9_-]{43}/)[0]);
  await yves.getByRole('button', { name: 'Me connecter' }).click();
  await yves.waitForURL(/\/equipe/);
  await yves.goto(planUrl);
  const actions = yves.locator('#findings li.card li.card');
  await actions.nth(0).getByRole('button', { name: 'Approuver' }).click();
  await yves.waitForURL(/fait=action-adopted/);
  await actions.nth(1).getByLabel('Votre raison (obligatoire pour refuser)').fill('Les patients disent déjà recevoir trop de papiers.');
  await actions.nth(1).getByRole('button', { name: 'Refuser' }).click();
  await yves.waitForURL(/fait=action-declined/);
  await yves.getByRole('button', { name: 'Proposer de publier' }).click();
  await yves.waitForURL(/fait=plan-proposed/);
  await check(yves, 'plan waiting for publication', 'loop-02-publication');

  await pro.goto(planUrl);
  await pro.locator('#publication').getByRole('button', { name: 'Approuver' }).click();
  await pro.waitForURL(/fait=plan-adopted/);

  // The patient's link now opens on what was found and decided, with the reason.
  await patient.goto(`${BASE}/retour/${secret}`);
  await patient.waitForURL(/\/mes-resultats$/);
  const decisions = patient.locator('#decisions');
  assert.ok(await decisions.getByRole('heading', { name: 'Ce que nous avons constaté, ce que nous avons décidé' }).isVisible());
  assert.ok(await decisions.getByText('Beaucoup de personnes dorment mal après leur sortie.').isVisible());
  assert.ok(await decisions.getByText(/Un appel infirmier le surlendemain de la sortie/).isVisible());
  assert.ok(await decisions.getByText(/Une brochure sur le sommeil/).isVisible());
  assert.ok(await decisions.getByText(/Les patients disent déjà recevoir trop de papiers/).isVisible());
  await check(patient, 'return page with decisions', 'loop-03-return');
  const plain = await openPage(browser, { viewport: NARROW_PHONE, javaScriptEnabled: false });
  await plain.goto(`${BASE}/retour/${secret}`);
  await plain.waitForURL(/\/mes-resultats$/);
  assert.ok(await plain.locator('#decisions').getByText(/Les patients disent déjà recevoir trop de papiers/).isVisible());

  // The loop measures count that view.
  await pro.goto(planUrl);
  assert.ok(await pro.getByText('100 % des répondants ont ouvert les résultats et les décisions publiés.').isVisible());
  await check(pro, 'plan with its loop measures', 'loop-04-measures');
  await pro.getByRole('link', { name: 'Feuille de route imprimable' }).click();
  await pro.waitForURL(/feuille-de-route/);
  assert.ok(await pro.getByRole('cell', { name: 'Cadre de santé' }).isVisible());
  await check(pro, 'printable roadmap', 'loop-05-roadmap');
  await pro.goto(planUrl);
  await pro.getByRole('link', { name: 'La boucle', exact: true }).click();
  await pro.waitForURL(/\/equipe\/boucle/);
  assert.ok(await pro.getByRole('link', { name: 'La boucle de bout en bout' }).isVisible());
  assert.ok(await pro.getByRole('img', { name: /Part des répondants ayant lu le retour/ }).isVisible(), 'a chart with a name');
  await check(pro, 'the institution\'s loop dashboard', 'loop-06-dashboard');
  assert.deepEqual(pro.problems, []);
  assert.deepEqual(yves.problems, []);
  assert.deepEqual(patient.problems, []);
});
