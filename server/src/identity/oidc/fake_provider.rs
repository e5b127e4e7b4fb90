//! A tiny OpenID provider for the tests, on 127.0.0.1:0: discovery document, key set and
//! token endpoint. The test decides which ID token the token endpoint hands out next
//! ([`FakeProvider::reply`]), signed with [`IdTokenSpec`] by openidconnect itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use openidconnect::core::{
    CoreHmacKey, CoreIdToken, CoreIdTokenClaims, CoreJsonWebKey, CoreJwsSigningAlgorithm, CoreRsaPrivateSigningKey,
};
use openidconnect::{JsonWebKeyId, PrivateSigningKey};
use serde_json::{Value, json};

use super::{PendingSignIn, ProviderConfig};

pub(super) const CLIENT_ID: &str = "boucle";
pub(super) const CLIENT_SECRET: &str = "client-secret-for-tests";
pub(super) const REDIRECT_URI: &str = "https://boucle.example/connexion/oidc/chu-test/retour";
pub(super) const SUBJECT: &str = "248289761001";

/// What the token endpoint answers next.
pub(super) enum TokenReply {
    /// 200 with an access token and this ID token.
    IdToken(String),
    /// 200 with an access token and no ID token.
    NoIdToken,
    /// 400 `invalid_grant`.
    Refuse,
}

/// One request the token endpoint received.
pub(super) struct TokenRequest {
    pub authorization: Option<String>,
    pub form: HashMap<String, String>,
}

struct Shared {
    issuer: String,
    declares_iss_parameter: bool,
    keys: Mutex<Vec<CoreJsonWebKey>>,
    reply: Mutex<TokenReply>,
    token_requests: Mutex<Vec<TokenRequest>>,
    discovery_hits: AtomicUsize,
    key_set_hits: AtomicUsize,
}

/// The running provider; stopped when dropped.
pub(super) struct FakeProvider {
    pub issuer: String,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeProvider {
    /// Serves key A as `k1`; does not declare RFC 9207 `iss` parameters.
    pub async fn start() -> Self {
        Self::start_with(false).await
    }

    pub async fn start_with(declares_iss_parameter: bool) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind loopback");
        let issuer = format!("http://{}", listener.local_addr().expect("local address"));
        let shared = Arc::new(Shared {
            issuer: issuer.clone(),
            declares_iss_parameter,
            keys: Mutex::new(vec![public_key(KEY_A_PEM, "k1")]),
            reply: Mutex::new(TokenReply::Refuse),
            token_requests: Mutex::new(Vec::new()),
            discovery_hits: AtomicUsize::new(0),
            key_set_hits: AtomicUsize::new(0),
        });
        let app = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(key_set))
            .route("/token", post(token))
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("fake provider serves");
        });
        Self { issuer, shared, server }
    }

    pub fn config(&self) -> ProviderConfig {
        ProviderConfig {
            id: "chu-test".to_owned(),
            label: "CHU de test".to_owned(),
            issuer: self.issuer.clone(),
            client_id: CLIENT_ID.to_owned(),
            client_secret: Some(CLIENT_SECRET.to_owned()),
            institution: "chu-test".to_owned(),
        }
    }

    /// Replaces the published key set.
    pub fn publish_keys(&self, keys: Vec<CoreJsonWebKey>) {
        *lock(&self.shared.keys) = keys;
    }

    pub fn reply(&self, reply: TokenReply) {
        *lock(&self.shared.reply) = reply;
    }

    pub fn discovery_hits(&self) -> usize {
        self.shared.discovery_hits.load(Ordering::SeqCst)
    }

    pub fn key_set_hits(&self) -> usize {
        self.shared.key_set_hits.load(Ordering::SeqCst)
    }

    pub fn token_requests(&self) -> Vec<TokenRequest> {
        std::mem::take(&mut *lock(&self.shared.token_requests))
    }
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        self.server.abort();
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn discovery(State(shared): State<Arc<Shared>>) -> Json<Value> {
    shared.discovery_hits.fetch_add(1, Ordering::SeqCst);
    let issuer = &shared.issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        // HS256 is advertised on purpose: the relying party must refuse it anyway.
        "id_token_signing_alg_values_supported": ["RS256", "HS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "code_challenge_methods_supported": ["S256"],
        "authorization_response_iss_parameter_supported": shared.declares_iss_parameter,
    }))
}

async fn key_set(State(shared): State<Arc<Shared>>) -> Json<Value> {
    shared.key_set_hits.fetch_add(1, Ordering::SeqCst);
    Json(json!({ "keys": *lock(&shared.keys) }))
}

async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let authorization = headers.get(header::AUTHORIZATION).and_then(|value| value.to_str().ok()).map(str::to_owned);
    lock(&shared.token_requests).push(TokenRequest { authorization, form });
    let tokens = json!({ "access_token": "access-token", "token_type": "Bearer", "expires_in": 300 });
    match &*lock(&shared.reply) {
        TokenReply::IdToken(id_token) => {
            let mut body = tokens;
            body["id_token"] = json!(id_token);
            Json(body).into_response()
        }
        TokenReply::NoIdToken => Json(tokens).into_response(),
        TokenReply::Refuse => {
            (StatusCode::BAD_REQUEST, Json(json!({ "error": "invalid_grant", "error_description": "code expired" })))
                .into_response()
        }
    }
}

/// The public half of a test key, as published in the key set.
pub(super) fn public_key(pem: &str, kid: &str) -> CoreJsonWebKey {
    signing_key(pem, kid).as_verification_key()
}

fn signing_key(pem: &str, kid: &str) -> CoreRsaPrivateSigningKey {
    CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new(kid.to_owned()))).expect("test key parses")
}

/// How an [`IdTokenSpec`] is signed.
pub(super) enum Signer {
    /// RS256 with this PEM key, naming this key id.
    Rsa(&'static str, &'static str),
    /// HS256 keyed with these bytes.
    Hmac(Vec<u8>),
    /// `alg: none`, empty signature.
    Unsigned,
}

/// The claims of an ID token and how to sign it; [`IdTokenSpec::valid`] then one change per test.
pub(super) struct IdTokenSpec {
    claims: Value,
    signer: Signer,
}

impl IdTokenSpec {
    /// What the provider would issue for this pending sign-in, signed by key A (`k1`).
    pub fn valid(provider: &FakeProvider, pending: &PendingSignIn) -> Self {
        let now = now_seconds();
        let claims = json!({
            "iss": provider.issuer,
            "aud": [CLIENT_ID],
            "sub": SUBJECT,
            "iat": now,
            "exp": now + 300,
            "nonce": pending.nonce,
            "email": "jeanne.martin@chu-test.example",
            "email_verified": true,
            "name": "Jeanne Martin",
        });
        Self { claims, signer: Signer::Rsa(KEY_A_PEM, "k1") }
    }

    pub fn claim(mut self, name: &str, value: Value) -> Self {
        self.claims[name] = value;
        self
    }

    pub fn without(mut self, name: &str) -> Self {
        if let Some(claims) = self.claims.as_object_mut() {
            claims.remove(name);
        }
        self
    }

    pub fn signed_by(mut self, signer: Signer) -> Self {
        self.signer = signer;
        self
    }

    pub fn sign(self) -> String {
        if let Signer::Unsigned = self.signer {
            let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
            let payload = URL_SAFE_NO_PAD.encode(self.claims.to_string());
            return format!("{header}.{payload}.");
        }
        let claims: CoreIdTokenClaims = serde_json::from_value(self.claims).expect("claims of an ID token");
        let token = match self.signer {
            Signer::Rsa(pem, kid) => CoreIdToken::new(
                claims,
                &signing_key(pem, kid),
                CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
                None,
                None,
            ),
            Signer::Hmac(secret) => {
                CoreIdToken::new(claims, &CoreHmacKey::new(secret), CoreJwsSigningAlgorithm::HmacSha256, None, None)
            }
            Signer::Unsigned => unreachable!("handled above"),
        };
        token.expect("signed").to_string()
    }
}

pub(super) fn now_seconds() -> i64 {
    crate::clock::now_millis() / 1000
}

/// Test-only RSA key (`openssl genrsa 2048`, PKCS#1): the provider's signing key, kid `k1`.
pub(super) const KEY_A_PEM: &str = "\
-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEAp6k8kMmlFgkrbmZtCdm0ZYZF/TJ7Z/13prWLhqRzYXVTeK/Q
qpSo67oAcurWCcjcBh6A6WGxuISAbqvxVOgBc3gZY331fsbvb4kYThda94y6uEJD
z2Rbfbe3sXVkjLXRg3zkgx7hzLmbmtWItBa8Rc9GdTv4iXXcNcyVbXGGaLnKGnxM
a21/TSQMNmwYR5Nmowz1t1/jmK4Au6WD4tLMiFgHVg5b8XFFMDs4CqlLYaYPpFa7
DPhLX3fbKnYkaN3gpSYAKfLR7A01EB6C0uZtv+rAeieYydMg/2p3nBie1pIZUu05
qOWEBMYRwSFCtQHppXKigTwW13DAsS2bxKgT0QIDAQABAoIBAASmeUdTzHgov3Nj
tGUITIxfVcwgzRL0kQ/G68yLfabHnA3WJI3Cq0/EfDQzxsWFNHMX///ZJZaGWFCZ
hMtT1wx2mY+so/VE+8mmbg3mcG+6z8gCEILtV+tL//SUWrpbZakFuwnW/rDQuhvo
jc7e7ZBrIBtq0yku43F7j+517mIzr4IA0DBAFER9gdpJK5yiMYp9p3W8EByJw329
MkFj22MPTMl2xHkx4JBLfb/D4mHI8laVbml/QSZ4iyMFGfs6yAgLXyp7tMqKQ7tx
eWu7lUeUFHg0rQ5V2G+xNsSlcFQvDy2Mv0HiJawoqmip2a049l5xotBOiqbKaPTl
RcJU17ECgYEA2LxCTmGTYA4DrKyiCxbXJ9cFJ1rPuNwxV6Uv03SfcZmtbxa71eDH
Qu/SAbP0esXWq8XBK1oexLtoEubC9ti0n6OLgKMlJrfYXvOrUtV3APuKnYg3dGS+
3Af5652RuWZKh8V/RD0pL+oRt+skqLkvi6CexjKtXKaxOo25zi+6HVkCgYEAxgkD
JVt2aNKBUu11/QWq7vQj+s9o3GIo7k6XNVRyjOeZMCtjApEyFoHkDEyMKeiNo4Wc
JVghJ3nj07vDF4vmLjG/Od6hjJu/D67IMxgoaGno6gsXbtvi1XTUplmL7z6Uw8eI
rHxnFMqy3NXGMR933m/cPTVVYPX6CmiRvltrgzkCgYAMfMxVN8oF/si3ajrr6KT8
5qalXdYaEJXHNv1Kca2+HdygSe8Io6rXcHnpHzU23a9AtmQq20Zqj2GvtRwGnPXL
POEMyFmboXwV/HQikaoJpHSYHwES87sLcmoz6SA8Tmh86iQrClsVJ6ddsW6rSgAz
S03anZDfhbswZHoQJy/SAQKBgCmgm1iu8ST3mtejsrmNB3FTQHzoPFKXD6OIQaCk
L7AOvtSxSg6wFqdEhntPW+czSxKkcz4mWFHD/W/0d/3rGmd7bYbslWjJFFBnnQ2g
dl38ZUlNK4/SCMx10n1lNVUFAqBkwQYA4GoucYqaJR8OTlQjj1gObfQDwJuPf5NU
BDWBAoGAPSvZ8v7MGeTHQVzsf2N9bFpP2+BUFbOhD2Pkr11nBeZIdHddUYhX3jMB
vl8G3J+DzUdpD9GCE3fvjrfBxk7XUQMNCa3RxjBJmY/nZe+lXv5gKNb2Z1tDeHRT
GPlff7REqJoX0hb4b4l9k5V/y8owbwwO2cldJWrEKVwvgaNOr9Q=
-----END RSA PRIVATE KEY-----
";

/// Test-only RSA key: another key (an attacker's, or the provider's next one after rotation).
pub(super) const KEY_B_PEM: &str = "\
-----BEGIN RSA PRIVATE KEY-----
MIIEogIBAAKCAQEA2uj5J3mG7khjyoFCH5pv9oeM/NzjdY4Gj+SCC01tFgCCnBBc
4oDELdO9EsS5y7dNDvuLAOue8Ve6EUL064Av28avpbngfayg6aRqPaPc6SQydhiy
fndnow5PerFBB7VjVHIGybCJQWo3a6TeIYsPaJfulRjwX1CxxZz7HUhRGg4Gwub0
mjyevPy2rR1TnH7t3Q4RKq14n0+ErbhdQVT6nDGHMjDrj6R0d+fslSsjkVL/NHkg
7Z35D7Oz/gg13eXWuaKKZWUH8m4We5L5rHdD4DofqHXFuKZJMYWbBLN6oI/3zCVG
PEunYM/z9NBK9wO7orX1pb9JQeyFxQuTPoVlTwIDAQABAoIBAF924dDZKoKXhw00
uUVW8CSukEllerw1J59wo1WSelPx/QNaD2enh+YERJv+tpekZDJ4d/H6zuGoxDfq
3ywkRrqtNsQq/z9PHQ1G6h3fa+MwKeFee9iy8bsl7nsu+ZEHBT46S8OA/RpN28VR
rJ0sK5gNSbozmf+3DQ+Eme33L4cQcBzHVN0KMKwfaiA1zcjlR0tXbV0+TJHcaX0n
/Z+a0MaDAGAgW2TzwSuwfFYejCnr8tRXDnKoV6jPgH8/jGwqixlFIBabW09CmWtH
PN/ycdNHI9VIMtX7t4yt8w9mz298W5siLu7vrznkHWV7857j/tRD54wuGdPDF0ka
CoVbguECgYEA+RMn9T1EjRj2FocSdB84YZMf8BfkynIoveGrzD7BIYDts2fE/q3A
wPdrEwRa6Uw06R5gq2eiXNrMfQDejgAGf+LF0pywgp/mTNHToxI5R/Hj9fC4hKlC
QdeUabMcXdTwNxN66JKIhh6WjDHuI2W34wVr1ceqyLnW7swf4O7PtYsCgYEA4P8c
5CpZy7eWfucE+qjaMtp6EmnHxLYnWwthx4KOQVuUmK4lT2auJzxBA8j3wz2zKkFu
mnvaoGNqxKIVmCPkXKUzaZti2UhfpySHQ57MbOKcnHmcbvlC33hGrv7hLpT8fK+o
BLmTR0uU4j9FP5ViXgpLIR7qkFn2v9DjNVglr80CgYBZJCj11SKWmOth7p+FHbNR
AJW6mOKSLb81DfItW/xE4F6yCZ5wQ4ErzqDsom9i9ZouIGgakDGEp+3tgwUjrxCk
bmW8VcW6Sj3jGmlzAE+t1v1uBOQU3nrPE7eTCL5LOq1qGLexStg/n+zjae8/jeT9
A/CvBxGxWwl4V2fFWdLOtwKBgALr7SEdV6soiCC/uTXUCXlNkvY4P2rTfrFU9YEU
teotWUGeSUe9qpdB1gpJisYTQAdVcC07XHxmrhU9kZA3Lxjw4DkH1oHBydQuyj7b
igYD70qs3ZYnUHH8ataM4rmrH5gy47ij/ECZv6YscibANtXHxm/4qc0UDfsxqDGi
ImMlAoGAUOwEoo1BB3hG1a649vVPPIJ+Xxe7k4vtm79JIel4M8vL+z7SkBSuMtOe
HilziH2M35Y7ivIyXpe7MD/q2JWJUtsT/cFsuhL4cbeLClPKUqfJQJlIx1hjx6+Y
gAFDYQ64R6iyj1z81ptZ883Ltm2GuH1jsUi/82qLXeI+bcRbIIA=
-----END RSA PRIVATE KEY-----
";
