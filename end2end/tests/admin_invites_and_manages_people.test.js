// An institution's administrator follows the invitation the operator printed, then, on a
// phone, invites a nurse (the sign-in link is shown once), changes the nurse's role,
// disables the account (the nurse's session ends) and enables it again, cannot disable
// their own account nor demote themself as the last admin, and finally removes the
// nurse's role. The same forms work without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';

const INVITATION = (process.env.ADMIN_INVITATION ?? '').trim();
const PASSWORD = 'les patients partenaires décident aussi';
const NURSE_PASSWORD = 'une phrase pour le soin';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function choosePassword(page, link, password) {
  await page.goto(`${BASE}${new URL(link, BASE).pathname}`);
  await page.waitForURL(/\/connexion\/bienvenue$/);
  await page.getByLabel('Nouveau mot de passe').fill(password);
  await page.getByLabel('Le même mot de passe, une seconde fois').fill(password);
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await page.waitForURL(/\/equipe\?lang=fr$/);
}

async function checkPage(page, label, shot) {
  await expectNoAxeViolations(page, label);
  await expectNoHorizontalScroll(page, label);
  await screenshot(page, shot);
}

test('an admin invites a nurse, changes the role, disables and enables the account, then removes the role', { timeout: 120_000 }, async () => {
  assert.ok(INVITATION.includes('/connexion/invitation/'), 'run.sh printed an admin invitation');
  const page = await openPage(browser, { viewport: PHONE });
  await choosePassword(page, INVITATION, PASSWORD);
  assert.ok(await page.getByText('Connecté·e : Alice Admin').isVisible());

  await page.getByRole('link', { name: 'Gérer les personnes et leurs rôles' }).click();
  await page.waitForURL(/\/equipe\/personnes\?lang=fr$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Personnes');
  assert.ok(await page.getByRole('link', { name: 'Alice Admin' }).isVisible());
  await checkPage(page, 'people', 'people-01-list');

  // Invite: the link is shown once, on the nurse's page, never in the address bar.
  await page.getByLabel('Adresse e-mail').fill('infirmier@demo.test');
  await page.getByLabel('Nom et prénom').fill('Marc Infirmier');
  await page.getByLabel('Rôle', { exact: true }).selectOption('observer');
  await page.getByRole('button', { name: 'Inviter' }).click();
  await page.waitForURL(/\/equipe\/personnes\/\d+\?lang=fr&fait=invited$/);
  assert.ok(!page.url().includes('invitation'));
  const nursePage = page.url().split('?')[0];
  assert.ok(await page.getByText('La personne est invitée : son lien lui est envoyé par e-mail.').isVisible());
  const link = (await page.locator('.return-link').innerText()).trim();
  assert.match(link, /\/connexion\/invitation\/[A-Za-z0-9_-]{43}$/);
  await checkPage(page, 'a person, with the new link', 'people-02-invited');
  await page.reload();
  assert.equal(await page.locator('.return-link').count(), 0, 'the link is shown once');

  // The nurse follows it and signs in.
  const nurse = await openPage(browser, { viewport: PHONE });
  await choosePassword(nurse, link, NURSE_PASSWORD);
  assert.ok(await nurse.getByText('Connecté·e : Marc Infirmier').isVisible());

  await page.getByLabel('Rôle à Hôpital de démonstration', { exact: true }).selectOption('professional');
  await page.getByRole('button', { name: 'Changer le rôle' }).click();
  await page.waitForURL(/fait=role-changed/);
  assert.ok(await page.getByRole('heading', { name: 'professionnel de santé (Hôpital de démonstration)' }).isVisible());

  // Disabling needs the box ticked; then the nurse's session ends at once.
  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  await page.waitForURL(/erreur=people-error-confirm/);
  assert.match(await page.getByRole('alert').innerText(), /Cochez la case de confirmation/);
  await page.getByLabel(/Je confirme : les sessions de Marc Infirmier sont fermées/).check();
  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  await page.waitForURL(/fait=disabled/);
  assert.ok(await page.getByText('Le compte est désactivé et ses sessions sont fermées.').isVisible());
  await nurse.goto(`${BASE}/equipe`);
  await nurse.waitForURL(/\/connexion\?suite=\/equipe/);

  await page.getByRole('button', { name: 'Réactiver le compte' }).click();
  await page.waitForURL(/fait=enabled/);
  await nurse.getByLabel('Adresse e-mail').fill('infirmier@demo.test');
  await nurse.getByLabel('Mot de passe').fill(NURSE_PASSWORD);
  await nurse.getByRole('button', { name: 'Se connecter' }).click();
  await nurse.waitForURL(/\/equipe\?lang=fr$/);
  await nurse.close();

  // Their own account: no disabling, and the last admin stays an admin.
  await page.getByRole('link', { name: 'Toutes les personnes' }).click();
  await page.getByRole('link', { name: 'Alice Admin' }).click();
  await page.waitForURL(/\/equipe\/personnes\/\d+\?lang=fr$/);
  assert.ok(await page.getByText("C'est votre compte : vous ne pouvez pas le désactiver vous-même.").isVisible());
  assert.equal(await page.getByRole('button', { name: 'Désactiver le compte' }).count(), 0);
  await page.getByLabel('Rôle à Hôpital de démonstration', { exact: true }).selectOption('observer');
  await page.getByRole('button', { name: 'Changer le rôle' }).click();
  await page.waitForURL(/erreur=people-error-last-admin/);
  assert.match(await page.getByRole('alert').innerText(), /dernier administrateur/);
  await checkPage(page, 'own page with an error', 'people-03-last-admin');

  await page.goto(`${nursePage}?lang=fr`);
  await page.getByLabel(/Je confirme : Marc Infirmier n'aura plus ce rôle/).check();
  await page.getByRole('button', { name: 'Retirer ce rôle' }).click();
  await page.waitForURL(/\/equipe\/personnes\?lang=fr&fait=role-removed$/);
  assert.ok(await page.getByText('Le rôle est retiré.').isVisible());
  assert.equal(await page.getByRole('link', { name: 'Marc Infirmier' }).count(), 0);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/connexion\?lang=fr&fin=1/);
  assert.deepEqual(page.problems, []);
});

test('an admin invites someone without JavaScript', { timeout: 90_000 }, async () => {
  const page = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
  await page.goto(`${BASE}/equipe/personnes`);
  await page.waitForURL(/\/connexion\?suite=\/equipe\/personnes/);
  await page.getByLabel('Adresse e-mail').fill('admin@demo.test');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/equipe\/personnes\?lang=fr$/);

  await page.getByLabel('Adresse e-mail').fill('kine@demo.test');
  await page.getByLabel('Nom et prénom').fill('Léa Kiné');
  await page.getByLabel('Rôle', { exact: true }).selectOption('patient_partner');
  await page.getByRole('button', { name: 'Inviter' }).click();
  await page.waitForURL(/\/equipe\/personnes\/\d+\?lang=fr&fait=invited$/);
  assert.match(await page.locator('.return-link').innerText(), /\/connexion\/invitation\//);
  assert.ok(await page.getByRole('heading', { name: 'patient partenaire (Hôpital de démonstration)' }).isVisible());
  await screenshot(page, 'people-04-no-javascript');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/connexion\?lang=fr&fin=1/);
});
