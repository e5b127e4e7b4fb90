// A professional starts an improvement project and adds a patient-partner; both rewrite
// the need statement at the same time on their phones. The second save does not
// overwrite the first: its author sees both versions and chooses. Then the
// patient-partner proposes a plainer wording of a PHQ-9 question in a draft, the
// professional approves, and the draft changes; the preview follows PHQ-9's condition
// as the professional clicks. Léa agrees to be named, proposes publishing, Marc
// approves, and the public page credits them with the changelog. 320 px, axe-core on
// every page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, NARROW_PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';
import { waitForMail } from './mailbox.js';

const INVITATION = (process.env.PROJECT_INVITATION ?? '').trim();
const PASSWORD = 'un projet écrit avec les patients';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function check(page, label, shot) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await screenshot(page, shot);
}

test('a professional and a patient-partner write the need together', { timeout: 180_000 }, async () => {
  assert.match(INVITATION, /\/connexion\/invitation\//, 'run.sh created the professional');
  const pro = await openPage(browser, { viewport: NARROW_PHONE });
  await pro.goto(`${BASE}${new URL(INVITATION, BASE).pathname}`);
  await pro.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await pro.getByLabel('Le même mot de passe, une seconde fois').fill(PASSWORD);
  await pro.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await pro.waitForURL(/\/equipe\?lang=fr$/);

  await pro.getByRole('link', { name: 'Projets' }).click();
  await pro.waitForURL(/\/equipe\/projets/);
  await pro.getByLabel('Titre du projet').fill('Sortie de chirurgie ambulatoire');
  await pro.getByLabel(/Le besoin, écrit ensemble/).fill('Les patients rentrent chez eux sans savoir qui appeler.');
  await check(pro, 'projects list', 'project-01-new');
  await pro.getByRole('button', { name: 'Créer le projet' }).click();
  await pro.waitForURL(/fait=created/);
  assert.ok(await pro.getByText('Les patients rentrent chez eux sans savoir qui appeler.').first().isVisible());

  await pro.getByLabel('Personne de l\'établissement').selectOption({ label: 'Léa Partenaire' });
  await pro.getByLabel('Rôle dans le projet').selectOption('patient_partner');
  await pro.getByRole('button', { name: 'Ajouter au projet' }).click();
  await pro.waitForURL(/fait=member-added/);
  assert.ok(await pro.getByRole('heading', { name: 'Léa Partenaire' }).isVisible());
  await check(pro, 'project page', 'project-02-members');
  const projectUrl = pro.url().split('?')[0];

  // Léa signs in with a link sent by email and opens the project.
  const lea = await openPage(browser, { viewport: NARROW_PHONE });
  await lea.goto(`${BASE}/connexion`);
  await lea.getByRole('textbox', { name: 'Envoyer le lien à cette adresse' }).fill('partenaire@demo.test');
  const asked = Date.now();
  await lea.getByRole('button', { name: 'Recevoir un lien' }).click();
  await lea.waitForURL(/lien=envoye/);
  const body = await waitForMail('partenaire@demo.test', /Bonjour Léa Partenaire/, asked);
  await lea.goto(body.match(/https?:\/\/\S+\/connexion\/lien\/[A-Za-z0-9_-]{43}/)[0]);
  await lea.getByRole('button', { name: 'Me connecter' }).click();
  await lea.waitForURL(/\/equipe/);
  await lea.goto(projectUrl);
  assert.ok(await lea.getByText('Votre rôle : patient partenaire').isVisible());

  // Both rewrite it from the same version; Léa saves first.
  await pro.goto(projectUrl);
  await pro.getByLabel('Réécrire le besoin').fill('Après la chirurgie, les patients ne savent pas qui joindre.');
  await lea.getByLabel('Réécrire le besoin').fill('Nous rentrons le soir même et personne ne répond la nuit.');
  await lea.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await lea.waitForURL(/fait=need/);
  await pro.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await pro.waitForURL(/fait=conflict/);
  assert.ok(await pro.getByRole('heading', { name: 'Quelqu\'un a modifié le besoin pendant que vous écriviez' }).isVisible());
  assert.ok(await pro.getByText('Après la chirurgie, les patients ne savent pas qui joindre.').isVisible());
  assert.ok(await pro.getByText('Nous rentrons le soir même et personne ne répond la nuit.').first().isVisible());
  await check(pro, 'project page with a conflict', 'project-03-conflict');
  await pro.getByRole('button', { name: 'Garder la version actuelle' }).click();
  await pro.waitForURL(/fait=dropped/);
  assert.equal(await pro.locator('#conflicts').count(), 0);
  assert.ok(await pro.locator('#need blockquote').first().innerText()
    .then((text) => text.includes('personne ne répond la nuit')));

  // Léa starts a draft from PHQ-9 and proposes a plainer wording; Marc approves it.
  await lea.goto(projectUrl);
  await lea.getByLabel('Partir d\'un questionnaire publié').selectOption('phq-9');
  await lea.getByRole('button', { name: 'Commencer un brouillon' }).click();
  await lea.waitForURL(/fait=draft-started/);
  const draftUrl = lea.url().split('?')[0];
  // The rewording form (each question also has its own editor with the same labels).
  const reword = lea.locator('form', { has: lea.locator('#text') });
  await reword.getByLabel('Question à reformuler').selectOption('phq9_1');
  await reword.getByLabel('Nouvelle formulation').fill('Avez-vous eu peu envie de faire les choses ?');
  await reword.getByLabel('Pourquoi ce changement ?').fill('« Intérêt » et « plaisir » disent deux choses : une seule question à la fois.');
  await reword.getByRole('button', { name: 'Proposer', exact: true }).click();
  await lea.waitForURL(/fait=proposed/);
  assert.ok(await lea.getByText('Il manque l\'accord d\'un professionnel ou de l\'équipe qualité.').isVisible());
  await check(lea, 'draft with an open suggestion', 'project-04-suggestion');

  await pro.goto(draftUrl);
  await pro.getByRole('button', { name: 'Approuver' }).click();
  await pro.waitForURL(/fait=accepted/);
  assert.ok(await pro.getByText('La suggestion est acceptée : le brouillon a changé.').isVisible());
  assert.ok(await pro.getByText('1 suggestion acceptée.').isVisible());
  // The question's wording as shown (its editor, folded, holds the same text in a field).
  const wording = pro.locator('#items li.card > p[lang="fr"]', { hasText: 'Avez-vous eu peu envie de faire les choses ?' });
  assert.ok(await wording.isVisible());
  assert.ok(await pro.getByRole('heading', { name: 'Ce qui a changé depuis phq-9 1.0.0' }).isVisible());
  assert.ok(await pro.getByText('9 questions sur 10 gardent des réponses comparables').isVisible());
  await check(pro, 'draft after the decision', 'project-05-accepted');

  // The preview follows the questionnaire's condition: the last question shows once an
  // answer above "Jamais" is given, as it would for a patient.
  const lastQuestion = pro.locator('#preview #item-phq9_10');
  await lastQuestion.waitFor({ state: 'hidden' });
  await pro.locator('#preview #item-phq9_1 input[type="radio"]').nth(1).check();
  await lastQuestion.waitFor({ state: 'visible' });
  await pro.locator('#preview #item-phq9_1 input[type="radio"]').nth(0).check();
  await lastQuestion.waitFor({ state: 'hidden' });

  // The editor checks a proposal as it is typed, before anything is sent.
  const editor = pro.locator('#draft-item-phq9_2 details.item-editor');
  await editor.locator('summary').click();
  await editor.getByLabel('Afficher', { exact: true }).selectOption('equals');
  await editor.getByLabel('Question dont dépend l\'affichage').selectOption('phq9_1');
  await editor.getByLabel('Valeur', { exact: true }).fill('Souvent');
  await editor.locator('.live-check', { hasText: 'La valeur ne correspond pas à la question choisie' }).waitFor();
  await editor.getByLabel('Valeur', { exact: true }).fill('Plusieurs jours');
  await editor.locator('.live-check', { hasText: /Votre proposition : Question phq9_2 : affichée si la réponse à phq9_1/ }).waitFor();
  await check(pro, 'an editor checked as one types', 'project-06-live-check');

  // Léa agrees to be named, then proposes publishing the adapted questionnaire.
  await lea.goto(projectUrl);
  await lea.getByRole('button', { name: 'Faire figurer mon nom' }).click();
  await lea.waitForURL(/fait=named/);
  await lea.goto(draftUrl);
  const publish = lea.locator('#publish form');
  await publish.getByLabel('Identifiant du questionnaire').fill('phq-9-ambulatoire');
  await publish.getByLabel('Numéro de version').fill('1.0.0');
  await publish.getByLabel('Pourquoi publier maintenant').fill('Pour la campagne de printemps en chirurgie ambulatoire.');
  await publish.getByRole('button', { name: 'Proposer de publier' }).click();
  await lea.waitForURL(/fait=publication-proposed/);
  assert.ok(await lea.getByRole('heading', { name: 'Publier comme phq-9-ambulatoire 1.0.0' }).isVisible());
  await check(lea, 'draft with a proposed publication', 'project-07-publication');

  await pro.goto(draftUrl);
  await pro.getByRole('button', { name: 'Approuver' }).click();
  await pro.waitForURL(/fait=accepted/);

  // The public page credits them and says what changed, and why.
  await lea.goto(`${BASE}/questionnaires/phq-9-ambulatoire?lang=fr`);
  const history = lea.locator('#history');
  assert.ok(await history.getByText('Conçu avec un patient partenaire et un professionnel').isVisible());
  assert.ok(await history.getByText(/Avec : .*Léa Partenaire/).isVisible());
  assert.ok(await history.getByText('Pour la campagne de printemps en chirurgie ambulatoire.').isVisible());
  assert.ok(await history.getByText(/Avez-vous eu peu envie de faire les choses/).first().isVisible());
  assert.ok(await history.getByText(/une seule question à la fois/).isVisible());
  await check(lea, 'published questionnaire with its credits', 'project-08-public');
  assert.deepEqual(pro.problems, []);
  assert.deepEqual(lea.problems, []);
});
