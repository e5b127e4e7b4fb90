//! Each bad case ends in its own [`OidcError`] and nothing else, against a fake provider
//! on loopback (`fake_provider`).

use std::collections::HashMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use openidconnect::url::Url;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::fake_provider::{
    CLIENT_ID, CLIENT_SECRET, FakeProvider, IdTokenSpec, KEY_A_PEM, KEY_B_PEM, REDIRECT_URI, SUBJECT, Signer,
    TokenReply, now_seconds, public_key,
};
use super::*;

async fn start() -> (FakeProvider, OidcProviders) {
    let provider = FakeProvider::start().await;
    let providers = OidcProviders::new(vec![provider.config()]).expect("valid configuration");
    (provider, providers)
}

async fn begin(providers: &OidcProviders) -> PendingSignIn {
    providers.begin("chu-test", REDIRECT_URI).await.expect("sign-in starts").pending
}

/// Begins a sign-in, has the provider hand out the token that `token` builds, finishes it.
async fn sign_in_with(
    provider: &FakeProvider,
    providers: &OidcProviders,
    token: impl FnOnce(IdTokenSpec) -> IdTokenSpec,
) -> Result<VerifiedIdentity, OidcError> {
    let pending = begin(providers).await;
    provider.reply(TokenReply::IdToken(token(IdTokenSpec::valid(provider, &pending)).sign()));
    providers.finish(&pending, "the-code", &pending.state, None).await
}

fn refused_id_token(result: Result<VerifiedIdentity, OidcError>) -> IdTokenProblem {
    match result {
        Err(OidcError::InvalidIdToken(problem)) => problem,
        other => panic!("expected an ID token problem, got {other:?}"),
    }
}

#[tokio::test]
async fn happy_path_returns_the_identity_after_a_pkce_code_exchange() {
    let (provider, providers) = start().await;
    let start = providers.begin("chu-test", REDIRECT_URI).await.expect("sign-in starts");
    let pending = &start.pending;

    let url = Url::parse(&start.authorize_url).expect("authorize URL");
    assert_eq!(url.as_str().split('?').next(), Some(format!("{}/authorize", provider.issuer).as_str()));
    let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
    assert_eq!(query["response_type"], "code");
    assert_eq!(query["client_id"], CLIENT_ID);
    assert_eq!(query["redirect_uri"], REDIRECT_URI);
    assert_eq!(query["scope"], "openid email profile");
    assert_eq!(query["state"], pending.state);
    assert_eq!(query["nonce"], pending.nonce);
    assert_eq!(query["code_challenge_method"], "S256");
    assert_eq!(query["code_challenge"], URL_SAFE_NO_PAD.encode(Sha256::digest(&pending.pkce_verifier)));
    assert_eq!(pending.provider, "chu-test");
    assert_eq!(pending.redirect_uri, REDIRECT_URI);

    provider.reply(TokenReply::IdToken(IdTokenSpec::valid(&provider, pending).sign()));
    let identity =
        providers.finish(pending, "the-code", &pending.state, Some(&provider.issuer)).await.expect("signed in");
    assert_eq!(
        identity,
        VerifiedIdentity {
            provider: "chu-test".to_owned(),
            issuer: provider.issuer.clone(),
            subject: SUBJECT.to_owned(),
            email: Some("jeanne.martin@chu-test.example".to_owned()),
            email_verified: true,
            name: Some("Jeanne Martin".to_owned()),
        }
    );

    let requests = provider.token_requests();
    assert_eq!(requests.len(), 1);
    let form = &requests[0].form;
    assert_eq!(form["grant_type"], "authorization_code");
    assert_eq!(form["code"], "the-code");
    assert_eq!(form["code_verifier"], pending.pkce_verifier);
    assert_eq!(form["redirect_uri"], REDIRECT_URI);
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"));
    assert_eq!(requests[0].authorization, Some(format!("Basic {basic}")));

    // Metadata and keys are fetched once, then cached.
    sign_in_with(&provider, &providers, |token| token).await.expect("second sign-in");
    assert_eq!((provider.discovery_hits(), provider.key_set_hits()), (1, 1));
}

#[tokio::test]
async fn another_state_is_refused_before_the_code_is_exchanged() {
    let (provider, providers) = start().await;
    let pending = begin(&providers).await;
    provider.reply(TokenReply::IdToken(IdTokenSpec::valid(&provider, &pending).sign()));
    let other = begin(&providers).await;
    let result = providers.finish(&pending, "the-code", &other.state, None).await;
    assert!(matches!(result, Err(OidcError::StateMismatch)), "{result:?}");
    let result = providers.finish(&pending, "the-code", "", None).await;
    assert!(matches!(result, Err(OidcError::StateMismatch)), "{result:?}");
    assert!(provider.token_requests().is_empty());
}

#[tokio::test]
async fn iss_parameter_naming_another_issuer_is_refused() {
    let (provider, providers) = start().await;
    let pending = begin(&providers).await;
    provider.reply(TokenReply::IdToken(IdTokenSpec::valid(&provider, &pending).sign()));
    let result = providers.finish(&pending, "the-code", &pending.state, Some("https://idp.attacker.example")).await;
    assert!(matches!(result, Err(OidcError::IssuerMismatch)), "{result:?}");
    assert!(provider.token_requests().is_empty());
}

#[tokio::test]
async fn missing_iss_parameter_is_refused_when_the_provider_declares_it() {
    let provider = FakeProvider::start_with(true).await;
    let providers = OidcProviders::new(vec![provider.config()]).expect("valid configuration");
    let pending = begin(&providers).await;
    provider.reply(TokenReply::IdToken(IdTokenSpec::valid(&provider, &pending).sign()));
    let result = providers.finish(&pending, "the-code", &pending.state, None).await;
    assert!(matches!(result, Err(OidcError::IssuerMismatch)), "{result:?}");
    providers.finish(&pending, "the-code", &pending.state, Some(&provider.issuer)).await.expect("with iss");
}

#[tokio::test]
async fn token_signed_by_another_key_is_refused() {
    let (provider, providers) = start().await;
    let result = sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Rsa(KEY_B_PEM, "k1"))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::BadSignature);
    // The key id is known: no reason to fetch the keys again.
    assert_eq!(provider.key_set_hits(), 1);
}

#[tokio::test]
async fn wrong_audience_is_refused() {
    let (provider, providers) = start().await;
    let result = sign_in_with(&provider, &providers, |token| token.claim("aud", json!(["another-client"]))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::WrongAudience);
    let result =
        sign_in_with(&provider, &providers, |token| token.claim("aud", json!([CLIENT_ID, "another-client"]))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::WrongAudience);
}

#[tokio::test]
async fn wrong_issuer_is_refused() {
    let (provider, providers) = start().await;
    let result =
        sign_in_with(&provider, &providers, |token| token.claim("iss", json!("https://idp.attacker.example"))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::WrongIssuer);
}

#[tokio::test]
async fn expired_token_is_refused() {
    let (provider, providers) = start().await;
    let now = now_seconds();
    let result = sign_in_with(&provider, &providers, |token| {
        token.claim("iat", json!(now - 7200)).claim("exp", json!(now - 3600))
    })
    .await;
    assert_eq!(refused_id_token(result), IdTokenProblem::Expired);
}

#[tokio::test]
async fn token_issued_in_the_future_is_refused() {
    let (provider, providers) = start().await;
    let now = now_seconds();
    let result = sign_in_with(&provider, &providers, |token| {
        token.claim("iat", json!(now + 3600)).claim("exp", json!(now + 7200))
    })
    .await;
    assert_eq!(refused_id_token(result), IdTokenProblem::IssuedInFuture);
}

#[tokio::test]
async fn wrong_or_missing_nonce_is_refused() {
    let (provider, providers) = start().await;
    let result = sign_in_with(&provider, &providers, |token| token.claim("nonce", json!("another-nonce"))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::WrongNonce);
    let result = sign_in_with(&provider, &providers, |token| token.without("nonce")).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::WrongNonce);
}

#[tokio::test]
async fn unsigned_token_is_refused() {
    let (provider, providers) = start().await;
    let result = sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Unsigned)).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::UnsupportedAlgorithm);
}

#[tokio::test]
async fn hs256_is_refused_with_the_client_secret_or_the_public_key_as_key() {
    // The provider advertises HS256; a client secret is configured: still refused.
    let (provider, providers) = start().await;
    let secret = CLIENT_SECRET.as_bytes().to_vec();
    let result = sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Hmac(secret))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::UnsupportedAlgorithm);
    let public = serde_json::to_vec(&public_key(KEY_A_PEM, "k1")).expect("JWK");
    let result = sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Hmac(public))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::UnsupportedAlgorithm);
}

#[tokio::test]
async fn unknown_key_id_fetches_the_keys_once_and_accepts_a_rotated_key() {
    let (provider, providers) = start().await;
    begin(&providers).await;
    assert_eq!(provider.key_set_hits(), 1);
    provider.publish_keys(vec![public_key(KEY_A_PEM, "k1"), public_key(KEY_B_PEM, "k2")]);
    sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Rsa(KEY_B_PEM, "k2")))
        .await
        .expect("rotated key accepted");
    assert_eq!(provider.key_set_hits(), 2);
    // The refreshed set is kept.
    sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Rsa(KEY_B_PEM, "k2"))).await.expect("again");
    assert_eq!(provider.key_set_hits(), 2);
}

#[tokio::test]
async fn unknown_key_id_missing_from_the_fresh_keys_fails_after_one_fetch() {
    let (provider, providers) = start().await;
    let result = sign_in_with(&provider, &providers, |token| token.signed_by(Signer::Rsa(KEY_B_PEM, "k2"))).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::BadSignature);
    assert_eq!(provider.key_set_hits(), 2);
}

#[tokio::test]
async fn refused_code_missing_and_unreadable_id_tokens() {
    let (provider, providers) = start().await;
    let pending = begin(&providers).await;
    provider.reply(TokenReply::Refuse);
    let result = providers.finish(&pending, "the-code", &pending.state, None).await;
    assert!(matches!(&result, Err(OidcError::CodeRejected { error, .. }) if error.starts_with("invalid_grant")));
    provider.reply(TokenReply::NoIdToken);
    let result = providers.finish(&pending, "the-code", &pending.state, None).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::Missing);
    provider.reply(TokenReply::IdToken("not.a-jwt".to_owned()));
    let result = providers.finish(&pending, "the-code", &pending.state, None).await;
    assert_eq!(refused_id_token(result), IdTokenProblem::Malformed);
}

#[tokio::test]
async fn unreachable_provider_and_unknown_provider() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let issuer = format!("http://{}", closed.local_addr().expect("address"));
    drop(closed);
    let config = ProviderConfig { issuer, ..FakeProvider::start().await.config() };
    let providers = OidcProviders::new(vec![config]).expect("valid configuration");
    let result = providers.begin("chu-test", REDIRECT_URI).await;
    assert!(matches!(result, Err(OidcError::ProviderUnreachable { .. })), "{result:?}");
    let result = providers.begin("elsewhere", REDIRECT_URI).await;
    assert!(matches!(result, Err(OidcError::UnknownProvider(_))), "{result:?}");
}

#[tokio::test]
async fn configuration_is_checked() {
    let good = FakeProvider::start().await.config();
    let https = ProviderConfig { issuer: "https://login.chu-lille.example/adfs".to_owned(), ..good.clone() };
    assert!(OidcProviders::new(vec![good.clone(), ProviderConfig { id: "lille".to_owned(), ..https.clone() }]).is_ok());
    let bad = [
        vec![good.clone(), good.clone()],
        vec![ProviderConfig { id: "CHU Lille".to_owned(), ..good.clone() }],
        vec![ProviderConfig { id: String::new(), ..good.clone() }],
        vec![ProviderConfig { issuer: "http://login.chu-lille.example".to_owned(), ..good.clone() }],
        vec![ProviderConfig { issuer: "not a url".to_owned(), ..good.clone() }],
        vec![ProviderConfig { issuer: "https://idp.example/?tenant=1".to_owned(), ..good.clone() }],
        vec![ProviderConfig { client_secret: Some(String::new()), ..good.clone() }],
        vec![ProviderConfig { institution: String::new(), ..good.clone() }],
    ];
    for configs in bad {
        let result = OidcProviders::new(configs.clone());
        assert!(matches!(result, Err(OidcError::InvalidConfig(_))), "{configs:?} accepted");
    }
    let file = r#"[{"id": "lille", "label": "CHU de Lille", "issuer": "https://idp.example", "client_id": "b",
        "client_secret": null, "institution": "chu-lille"}]"#;
    assert_eq!(OidcProviders::from_json(file).expect("parsed").providers()[0].label, "CHU de Lille");
    let typo = file.replace("client_secret", "client_secrte");
    assert!(matches!(OidcProviders::from_json(&typo), Err(OidcError::InvalidConfig(_))));
    let providers = OidcProviders::new(vec![good]).expect("valid");
    let result = providers.begin("chu-test", "/relative").await;
    assert!(matches!(result, Err(OidcError::InvalidConfig(_))), "{result:?}");
}

#[tokio::test]
async fn debug_output_holds_no_secret() {
    let (provider, providers) = start().await;
    let start = providers.begin("chu-test", REDIRECT_URI).await.expect("sign-in starts");
    let pending = &start.pending;
    let printed = format!("{start:?} {:?}", provider.config());
    for secret in [&pending.state, &pending.nonce, &pending.pkce_verifier, &CLIENT_SECRET.to_owned()] {
        assert!(!printed.contains(secret.as_str()), "{printed}");
    }
}

#[test]
fn error_keys_are_stable_and_distinct() {
    let problems = [
        IdTokenProblem::BadSignature,
        IdTokenProblem::WrongAudience,
        IdTokenProblem::WrongIssuer,
        IdTokenProblem::Expired,
        IdTokenProblem::IssuedInFuture,
        IdTokenProblem::WrongNonce,
        IdTokenProblem::UnsupportedAlgorithm,
        IdTokenProblem::Missing,
        IdTokenProblem::Malformed,
    ];
    let mut keys: Vec<&str> = problems.iter().map(|problem| OidcError::InvalidIdToken(*problem).key()).collect();
    keys.extend([
        OidcError::UnknownProvider(String::new()).key(),
        OidcError::InvalidConfig(String::new()).key(),
        OidcError::ProviderUnreachable { provider: String::new(), detail: String::new() }.key(),
        OidcError::StateMismatch.key(),
        OidcError::IssuerMismatch.key(),
        OidcError::CodeRejected { provider: String::new(), error: String::new() }.key(),
    ]);
    assert_eq!(keys.len(), keys.iter().collect::<std::collections::HashSet<_>>().len());
    assert!(
        keys.iter().all(
            |key| key.starts_with("oidc.") && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_')
        )
    );
    assert_eq!(OidcError::InvalidIdToken(IdTokenProblem::Expired).key(), "oidc.id_token.expired");
}
