//! The relying party against the real provider of the end-to-end suite
//! (`end2end/oidc/provider.mjs`, oidc-provider): ignored unless that provider runs.
//!
//! ```sh
//! cd end2end && export OIDC_PORT=4011 OIDC_CLIENT_ID=boucle OIDC_CLIENT_SECRET=secret \
//!   OIDC_REDIRECT_URI=http://127.0.0.1:9/connexion/oidc/e2e/retour
//! node oidc/provider.mjs &
//! cargo test -p server --lib identity::oidc::against_oidc_provider -- --ignored
//! ```

use std::collections::HashMap;

use super::*;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} must be set as for end2end/oidc/provider.mjs"))
}

/// Plays the browser: follows redirects, fills in the dev login form with `login`, and
/// returns the callback's query (code, state, iss).
async fn sign_in_at_provider(authorize_url: &str, redirect_uri: &str, login: &str) -> HashMap<String, String> {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("browser");
    let mut response = browser.get(authorize_url).send().await.expect("authorization request");
    for _ in 0..10 {
        let url = response.url().clone();
        if let Some(location) = response.headers().get("location") {
            let next = url.join(location.to_str().expect("location")).expect("absolute location");
            if next.as_str().starts_with(redirect_uri) {
                return next.query_pairs().into_owned().collect();
            }
            response = browser.get(next).send().await.expect("redirect followed");
            continue;
        }
        let page = response.text().await.expect("page");
        let action = page
            .split("action=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("no form at {url}: {page}"));
        // The dev interaction forms: login (any login, any password), then consent if asked.
        let fields: &[(&str, &str)] = if page.contains("name=\"login\"") {
            &[("prompt", "login"), ("login", login), ("password", "any")]
        } else {
            &[("prompt", "consent")]
        };
        response = browser.post(url.join(action).expect("form action")).form(fields).send().await.expect("form posted");
    }
    panic!("the provider never redirected back");
}

async fn sign_in(providers: &OidcProviders, login: &str) -> Result<VerifiedIdentity, OidcError> {
    let redirect_uri = env("OIDC_REDIRECT_URI");
    let start = providers.begin("e2e", &redirect_uri).await.expect("sign-in starts");
    let callback = sign_in_at_provider(&start.authorize_url, &redirect_uri, login).await;
    let pending = &start.pending;
    providers.finish(pending, &callback["code"], &callback["state"], callback.get("iss").map(String::as_str)).await
}

async fn skew(issuer: &str, seconds: i64) {
    let url = format!("{issuer}/__test/skew?seconds={seconds}");
    let response = reqwest::Client::new().post(url).send().await.expect("skew set");
    assert!(response.status().is_success());
}

#[tokio::test]
#[ignore = "needs end2end/oidc/provider.mjs running"]
async fn signs_in_and_refuses_an_expired_id_token() {
    let issuer = format!("http://127.0.0.1:{}", env("OIDC_PORT"));
    let secret = std::env::var("OIDC_CLIENT_SECRET").ok().filter(|secret| !secret.is_empty());
    let config = ProviderConfig {
        id: "e2e".to_owned(),
        label: "Test provider".to_owned(),
        issuer: issuer.clone(),
        client_id: env("OIDC_CLIENT_ID"),
        client_secret: secret,
        institution: "demo".to_owned(),
    };
    let providers = OidcProviders::new(vec![config]).expect("valid configuration");

    let identity = sign_in(&providers, "jeanne.martin@chu.example").await.expect("signed in");
    assert_eq!(identity.issuer, issuer);
    assert_eq!(identity.subject, "jeanne.martin@chu.example");
    assert_eq!(identity.email.as_deref(), Some("jeanne.martin@chu.example"));
    assert!(identity.email_verified);

    skew(&issuer, -7200).await;
    let expired = sign_in(&providers, "jeanne.martin@chu.example").await;
    skew(&issuer, 0).await;
    assert!(matches!(expired, Err(OidcError::InvalidIdToken(IdTokenProblem::Expired))), "{expired:?}");
}
