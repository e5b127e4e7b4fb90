// A real OpenID provider (oidc-provider, certified) for the end-to-end sign-in journeys.
// Test use only, on loopback only: any login with any password signs in.
//
// Environment:
//   OIDC_PORT           port on 127.0.0.1; the issuer is http://127.0.0.1:$OIDC_PORT
//   OIDC_CLIENT_ID      the one registered client (Boucle)
//   OIDC_CLIENT_SECRET  its secret (client_secret_basic); empty or unset: a public client
//   OIDC_REDIRECT_URI   its one redirect URI, compared exactly
//
// Run: OIDC_PORT=4011 OIDC_CLIENT_ID=boucle OIDC_CLIENT_SECRET=s OIDC_REDIRECT_URI=... \
//        node oidc/provider.mjs
// Ready when GET $issuer/.well-known/openid-configuration answers 200.
//
// Signing in (dev interactions): the provider shows a form with the fields `login` and
// `password` and a submit button; any values are accepted. The account's sub, email and name
// are the login, email_verified is true, all in the ID token. Consent is granted without asking (the client is
// first-party), so the browser comes back to OIDC_REDIRECT_URI right after the login form.
// PKCE (S256) is required; the `iss` parameter is sent on the callback (RFC 9207).
//
// Expired ID tokens, on demand:
//   curl -fsS -X POST "$issuer/__test/skew?seconds=-7200"   # the next ID tokens are expired
//   curl -fsS -X POST "$issuer/__test/skew?seconds=0"       # back to normal
// The skew applies only while the token endpoint runs (where ID tokens are made, in the code
// flow): Date.now() is shifted for that request alone (AsyncLocalStorage), so the login pages,
// cookies and codes keep the real clock. With -7200 and the default one-hour ID token
// lifetime, the token says iat = now - 2 h, exp = now - 1 h.

import { AsyncLocalStorage } from 'node:async_hooks';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const clientId = process.env.OIDC_CLIENT_ID;
const clientSecret = process.env.OIDC_CLIENT_SECRET || undefined;
const redirectUri = process.env.OIDC_REDIRECT_URI;
if (!Number.isInteger(port) || port <= 0 || !clientId || !redirectUri) {
  console.error('oidc/provider.mjs needs OIDC_PORT, OIDC_CLIENT_ID and OIDC_REDIRECT_URI');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const clock = new AsyncLocalStorage();
const realNow = Date.now.bind(Date);
Date.now = () => realNow() + (clock.getStore() ?? 0);
let skewMillis = 0;

// A fresh signing key each run: nothing to keep secret, nothing to rotate.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: `test-${Date.now()}`, alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      token_endpoint_auth_method: clientSecret ? 'client_secret_basic' : 'none',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the email and profile claims in the ID token too, as institutional providers (AD FS,
  // Entra ID, Keycloak) do; by default oidc-provider gives them only at the userinfo endpoint.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, login) {
    return {
      accountId: login,
      async claims() {
        return { sub: login, email: login, email_verified: true, name: login };
      },
    };
  },
  // First-party client: grant the requested scopes without a consent page.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

// Errors the provider answers with 500 are otherwise silent.
provider.on('server_error', (ctx, err) => console.error('oidc-provider server_error:', err));

const handle = provider.callback();
const server = createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname === '/__test/skew') {
    const seconds = Number(url.searchParams.get('seconds'));
    if (req.method !== 'POST' || !Number.isFinite(seconds)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('POST /__test/skew?seconds=N\n');
      return;
    }
    skewMillis = seconds * 1000;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ skew_seconds: seconds }));
    return;
  }
  if (url.pathname === '/token') {
    clock.run(skewMillis, () => handle(req, res));
    return;
  }
  handle(req, res);
});

server.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
// Nothing to save: stop at once, open keep-alive connections included.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
