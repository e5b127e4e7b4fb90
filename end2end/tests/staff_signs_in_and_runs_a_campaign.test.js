// A professional follows the invitation an administrator printed, chooses a password,
// creates a campaign on a phone, reads its poster code and closes it; then signs in
// again without JavaScript. A colleague signs in with the hospital's OpenID provider;
// a tampered return and an expired ID token leave nobody signed in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE, PHONE, launch, openPage, expectNoAxeViolations, expectNoHorizontalScroll, screenshot,
} from './support.js';

const OIDC = process.env.OIDC_URL;
const INVITATION = (process.env.STAFF_INVITATION ?? '').trim();
const PASSWORD = 'la boucle se referme enfin';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function path(link) {
  return new URL(link).pathname;
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/connexion\?lang=fr&fin=1/);
  assert.ok(await page.getByText('Vous êtes déconnecté·e.').isVisible());
}

test('an invited professional chooses a password, creates a campaign and closes it', { timeout: 90_000 }, async () => {
  assert.ok(INVITATION.includes('/connexion/invitation/'), 'run.sh printed an invitation');
  const page = await openPage(browser, { viewport: PHONE });
  await page.goto(`${BASE}${path(INVITATION)}`);
  await page.waitForURL(/\/connexion\/bienvenue$/);
  await expectNoAxeViolations(page, 'choose a password');
  await expectNoHorizontalScroll(page, 'choose a password');

  await page.getByLabel('Nouveau mot de passe').fill('motdepasse');
  await page.getByLabel('Le même mot de passe, une seconde fois').fill('motdepasse');
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await page.waitForURL(/erreur=password-too-common/);
  assert.match(await page.getByRole('alert').innerText(), /trop facile à deviner/);

  await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await page.getByLabel('Le même mot de passe, une seconde fois').fill(PASSWORD);
  await page.getByRole('button', { name: 'Enregistrer et me connecter' }).click();
  await page.waitForURL(/\/equipe\?lang=fr$/);
  assert.ok(await page.getByText('Connecté·e : Claire Soignante').isVisible());
  await expectNoAxeViolations(page, 'staff home');
  await expectNoHorizontalScroll(page, 'staff home');
  await screenshot(page, 'staff-01-home');

  await page.getByRole('link', { name: 'Nouvelle campagne' }).click();
  await page.waitForURL(/\/equipe\/campagnes\/nouvelle/);
  await expectNoAxeViolations(page, 'new campaign');
  await expectNoHorizontalScroll(page, 'new campaign');
  await page.getByLabel('Questionnaire publié').selectOption('gad-7');
  await page.getByLabel('Titre de la campagne').fill('Anxiété <b>en</b> consultation');
  await page.getByLabel('Public invité').fill('Les personnes vues en consultation en décembre');
  await page.getByLabel('Date de retour des résultats').fill('2027-03-01');
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await page.waitForURL(/\/equipe\/campagnes\/[a-z0-9]{16}\?lang=fr$/);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Anxiété <b>en</b> consultation');
  assert.ok(await page.getByRole('img', { name: 'Code QR du lien de la campagne' }).isVisible());
  await expectNoAxeViolations(page, 'campaign desk');
  await expectNoHorizontalScroll(page, 'campaign desk');
  await screenshot(page, 'staff-02-campaign');

  await page.getByRole('button', { name: 'Fermer la campagne' }).click();
  await page.waitForURL(/erreur=confirm-close-missing/);
  await page.getByLabel('Je confirme : plus aucune réponse ne sera acceptée.').check();
  await page.getByRole('button', { name: 'Fermer la campagne' }).click();
  await page.waitForURL(/ferme=1/);
  assert.ok(await page.getByText('La campagne est fermée.').isVisible());
  await signOut(page);
  assert.deepEqual(page.problems, []);
});

test('signs in with a password without JavaScript, and a wrong one is refused', { timeout: 90_000 }, async () => {
  const page = await openPage(browser, { viewport: PHONE, javaScriptEnabled: false });
  await page.goto(`${BASE}/equipe`);
  await page.waitForURL(/\/connexion\?suite=\/equipe/);
  await page.getByLabel('Adresse e-mail').fill('soignante@demo.test');
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/erreur=signin-bad-credentials/);
  assert.match(await page.getByRole('alert').innerText(), /Adresse e-mail ou mot de passe incorrect/);
  await page.getByLabel('Adresse e-mail').fill('soignante@demo.test');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/equipe\?lang=fr$/);
  assert.ok(await page.getByRole('link', { name: /Anxiété/ }).isVisible());
  await signOut(page);
});

async function startProviderSignIn(page, { checkPage = false } = {}) {
  await page.goto(`${BASE}/connexion`);
  if (checkPage) {
    await expectNoAxeViolations(page, 'sign-in');
    await expectNoHorizontalScroll(page, 'sign-in');
  }
  await page.getByRole('link', { name: "Compte de l'hôpital (test)" }).click();
  await page.waitForURL((url) => url.origin === new URL(OIDC).origin);
  await page.locator('input[name="login"]').fill('medecin@demo.test');
  await page.locator('input[name="password"]').fill('anything');
}

async function submitProviderForm(page) {
  await page.locator('button[type="submit"]').first().click();
}

test("a colleague signs in with the hospital's OpenID provider", { timeout: 90_000 }, async () => {
  const page = await openPage(browser, { viewport: PHONE });
  await startProviderSignIn(page, { checkPage: true });
  await submitProviderForm(page);
  await page.waitForURL(`${BASE}/equipe`);
  assert.ok(await page.getByText('Connecté·e : Paul Médecin').isVisible());
  await signOut(page);
});

test('a tampered return from the provider opens no session', { timeout: 90_000 }, async () => {
  const page = await openPage(browser, { viewport: PHONE });
  // Boucle's redirect to the provider is rewritten with another state, which the
  // provider then sends back: the state no longer matches the sign-in this browser began.
  await page.route('**/connexion/oidc/e2e?**', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    const headers = response.headers();
    const location = new URL(headers.location);
    location.searchParams.set('state', 'forged-state');
    await route.fulfill({ response, headers: { ...headers, location: location.toString() } });
  });
  await startProviderSignIn(page);
  await submitProviderForm(page);
  await page.waitForURL(/\/connexion\?lang=fr&erreur=signin-provider-failed/);
  assert.match(await page.getByRole('alert').innerText(), /n'a pas abouti/);
  await page.goto(`${BASE}/equipe`);
  await page.waitForURL(/\/connexion\?suite=\/equipe/);
});

test('an expired ID token opens no session', { timeout: 90_000 }, async () => {
  const page = await openPage(browser, { viewport: PHONE });
  const skew = (seconds) => fetch(`${OIDC}/__test/skew?seconds=${seconds}`, { method: 'POST' });
  assert.ok((await skew(-7200)).ok);
  try {
    await startProviderSignIn(page);
    await submitProviderForm(page);
    await page.waitForURL(/\/connexion\?lang=fr&erreur=signin-provider-failed/);
  } finally {
    await skew(0);
  }
  await page.goto(`${BASE}/equipe`);
  await page.waitForURL(/\/connexion\?suite=\/equipe/);
});
