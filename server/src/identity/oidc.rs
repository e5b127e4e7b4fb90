//! OpenID Connect relying party: one client per configured provider (an institution's
//! identity provider), authorization code flow with PKCE S256, `state` and `nonce`.
//!
//! [`OidcProviders::begin`] gives the URL to send the browser to and a [`PendingSignIn`]
//! that the caller keeps server-side, single use, for at most [`PENDING_SIGN_IN_LIFETIME`];
//! [`OidcProviders::finish`] checks the callback against it, exchanges the code and
//! returns the [`VerifiedIdentity`] read from a validated ID token.
//!
//! Every token check is the `openidconnect` crate's (an ID token is never parsed by hand);
//! this module picks the strict settings (SECURITY.md, "Sign-in"):
//! - asymmetric signatures only: `alg: none` and HS256 are refused even when the provider
//!   advertises them (an HMAC keyed with the client secret or the public key proves nothing);
//! - the `iss` authorization response parameter (RFC 9207, mix-up defence) must name the
//!   provider the sign-in began with, and must be present when the provider says it sends it;
//! - `iat` must not be in the future (beyond [`CLOCK_SKEW`]); `exp`, `aud`, `iss`, `nonce`
//!   and the signature are checked by the crate;
//! - provider metadata and keys are fetched lazily and cached; the key set is fetched again
//!   once when an ID token names a key id it does not hold (key rotation, OIDC Core 10.1.1).
//!
//! This module has no database and no HTTP handlers, and must never log or display a token,
//! a code or a secret: `Debug` of [`ProviderConfig`], [`PendingSignIn`] and [`SignInStart`]
//! redacts them, and [`OidcError`]'s messages are for logs and carry none.

#[cfg(test)]
mod against_oidc_provider;
mod config;
mod error;
#[cfg(test)]
mod fake_provider;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthenticationFlow, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod,
    CoreGrantType, CoreIdToken, CoreIdTokenClaims, CoreIdTokenVerifier, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreJwsSigningAlgorithm, CoreResponseMode,
    CoreResponseType, CoreSubjectIdentifierType,
};
use openidconnect::{
    AdditionalProviderMetadata, AuthType, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, JsonWebKeySet, JwsSigningAlgorithm, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, ProviderMetadata, RedirectUrl, Scope, SignatureVerificationError,
    TokenResponse, reqwest,
};
use serde::{Deserialize, Serialize};

pub use config::ProviderConfig;
pub use error::{IdTokenProblem, OidcError};

/// How long a [`PendingSignIn`] may wait for its callback; past this the caller drops it.
pub const PENDING_SIGN_IN_LIFETIME: Duration = Duration::from_secs(10 * 60);

/// How far in the future an ID token's `iat` may be, for clocks that disagree a little.
pub const CLOCK_SKEW: Duration = Duration::from_secs(60);

/// How long one request to a provider (discovery, keys, token) may take.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// What [`OidcProviders::begin`] returns.
pub struct SignInStart {
    /// Where to redirect the browser: the provider's authorization endpoint with the request.
    pub authorize_url: String,
    /// What the caller keeps server-side until the callback (single use, short lifetime).
    pub pending: PendingSignIn,
}

impl fmt::Debug for SignInStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The query holds the state and the nonce.
        let endpoint = self.authorize_url.split('?').next().unwrap_or_default();
        f.debug_struct("SignInStart").field("authorize_url", &endpoint).field("pending", &self.pending).finish()
    }
}

/// A sign-in that was started and waits for its callback. Secret: whoever holds it can
/// finish the sign-in, so it stays server-side, is used once and expires.
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingSignIn {
    /// Id of the provider the sign-in began with.
    pub provider: String,
    /// The `state` sent to the provider, to be returned unchanged on the callback.
    pub state: String,
    /// The `nonce` the ID token must carry.
    pub nonce: String,
    /// The PKCE code verifier (RFC 7636) whose S256 challenge was sent.
    pub pkce_verifier: String,
    /// The redirect URI sent to the provider; the code exchange repeats it exactly.
    pub redirect_uri: String,
}

impl fmt::Debug for PendingSignIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingSignIn")
            .field("provider", &self.provider)
            .field("state", &"<redacted>")
            .field("nonce", &"<redacted>")
            .field("pkce_verifier", &"<redacted>")
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// Who signed in, as the provider asserts it in a validated ID token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// Id of the configured provider.
    pub provider: String,
    /// The ID token's `iss`: with `subject`, the stable identity of the person.
    pub issuer: String,
    /// The ID token's `sub`, unique and never reassigned within the issuer.
    pub subject: String,
    /// The `email` claim, if the provider sent one.
    pub email: Option<String>,
    /// The `email_verified` claim; false when absent.
    pub email_verified: bool,
    /// The `name` claim (default language), if the provider sent one.
    pub name: Option<String>,
}

/// Provider metadata (OpenID Connect Discovery) plus the one RFC 9207 field this module reads.
type Metadata = ProviderMetadata<
    IssParameterSupport,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

/// `authorization_response_iss_parameter_supported` (RFC 9207 section 3): when true, a
/// callback without `iss` is refused.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct IssParameterSupport {
    #[serde(default)]
    authorization_response_iss_parameter_supported: bool,
}

impl AdditionalProviderMetadata for IssParameterSupport {}

/// A client built from metadata: authorization endpoint set, token endpoint from discovery.
type ProviderClient =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The configured providers, each with its discovery metadata and keys once fetched.
pub struct OidcProviders {
    configs: Vec<ProviderConfig>,
    /// Parallel to `configs`; `None` until the first sign-in with that provider.
    discovered: Vec<RwLock<Option<Arc<Metadata>>>>,
    http: reqwest::Client,
}

impl OidcProviders {
    /// Checks the configuration (ids unique and `[a-z0-9-]+`, issuer URLs that parse, `http`
    /// only on loopback hosts, no empty field) and prepares the providers; nothing is
    /// fetched yet.
    pub fn new(configs: Vec<ProviderConfig>) -> Result<Self, OidcError> {
        for (index, config) in configs.iter().enumerate() {
            config::check_config(config)?;
            if configs[..index].iter().any(|earlier| earlier.id == config.id) {
                return Err(OidcError::InvalidConfig(format!("provider id {:?} appears twice", config.id)));
            }
        }
        let http = reqwest::Client::builder()
            // Never follow a redirect from a provider (SSRF; the openidconnect crate's advice).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .map_err(|err| OidcError::InvalidConfig(format!("cannot build the HTTP client: {err}")))?;
        let discovered = configs.iter().map(|_| RwLock::new(None)).collect();
        Ok(Self { configs, discovered, http })
    }

    /// Parses the `--oidc-providers` file (a JSON array of [`ProviderConfig`]), then [`Self::new`].
    pub fn from_json(text: &str) -> Result<Self, OidcError> {
        let configs = serde_json::from_str(text)
            .map_err(|err| OidcError::InvalidConfig(format!("providers file is not a list of providers: {err}")))?;
        Self::new(configs)
    }

    /// The configured providers, in file order (for the sign-in buttons).
    pub fn providers(&self) -> &[ProviderConfig] {
        &self.configs
    }

    /// Starts a sign-in: returns the URL to redirect the browser to and what must be kept
    /// server-side (single use, short lifetime). Scopes `openid email profile`, PKCE S256.
    pub async fn begin(&self, provider_id: &str, redirect_uri: &str) -> Result<SignInStart, OidcError> {
        let index = self.find(provider_id)?;
        let config = &self.configs[index];
        let redirect = parse_redirect_uri(redirect_uri)?;
        let metadata = self.metadata(index).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client(config, &metadata, redirect)
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(SignInStart {
            authorize_url: url.to_string(),
            pending: PendingSignIn {
                provider: config.id.clone(),
                state: state.into_secret(),
                nonce: nonce.secret().clone(),
                pkce_verifier: verifier.into_secret(),
                redirect_uri: redirect_uri.to_owned(),
            },
        })
    }

    /// Finishes it on the callback: checks `returned_state` against the pending one
    /// (constant time), the `iss` parameter if present (RFC 9207 mix-up defence), exchanges
    /// the code with the PKCE verifier, validates the ID token (signature via JWKS, issuer,
    /// aud, exp, iat, nonce; alg none and HS256 rejected), and returns who signed in.
    pub async fn finish(
        &self,
        pending: &PendingSignIn,
        code: &str,
        returned_state: &str,
        returned_iss: Option<&str>,
    ) -> Result<VerifiedIdentity, OidcError> {
        let index = self.find(&pending.provider)?;
        let config = &self.configs[index];
        // `CsrfToken`'s equality compares SHA-256 digests (feature
        // `timing-resistant-secret-traits`), so timing says nothing about the expected state.
        if CsrfToken::new(returned_state.to_owned()) != CsrfToken::new(pending.state.clone()) {
            return Err(OidcError::StateMismatch);
        }
        let metadata = self.metadata(index).await?;
        check_iss_parameter(&metadata, returned_iss)?;
        let redirect = parse_redirect_uri(&pending.redirect_uri)?;
        let response = client(config, &metadata, redirect)
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|_| OidcError::unreachable(config, "discovery document names no token endpoint"))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|err| OidcError::from_token_request(config, err))?;
        let id_token = response.id_token().ok_or(OidcError::InvalidIdToken(IdTokenProblem::Missing))?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match verify_id_token(config, &metadata, id_token, &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                let metadata = self.refresh_keys(index, &metadata).await?;
                verify_id_token(config, &metadata, id_token, &nonce)
            }
            verified => verified,
        }
        .map_err(|err| OidcError::InvalidIdToken(IdTokenProblem::from_verification(&err)))?;
        let latest_issue = crate::clock::now_millis() / 1000 + CLOCK_SKEW.as_secs() as i64;
        if claims.issue_time().timestamp() > latest_issue {
            return Err(OidcError::InvalidIdToken(IdTokenProblem::IssuedInFuture));
        }
        Ok(VerifiedIdentity {
            provider: config.id.clone(),
            issuer: claims.issuer().to_string(),
            subject: claims.subject().to_string(),
            email: claims.email().map(|email| email.to_string()),
            email_verified: claims.email_verified().unwrap_or(false),
            name: claims.name().and_then(|name| name.get(None)).map(|name| name.to_string()),
        })
    }

    fn find(&self, provider_id: &str) -> Result<usize, OidcError> {
        self.configs
            .iter()
            .position(|config| config.id == provider_id)
            .ok_or_else(|| OidcError::UnknownProvider(provider_id.to_owned()))
    }

    /// The provider's metadata and keys, fetched on first use. A failed fetch is not
    /// cached: the next sign-in tries again.
    async fn metadata(&self, index: usize) -> Result<Arc<Metadata>, OidcError> {
        let cached = self.discovered[index].read().unwrap_or_else(PoisonError::into_inner).clone();
        if let Some(metadata) = cached {
            return Ok(metadata);
        }
        let config = &self.configs[index];
        let issuer = IssuerUrl::new(config.issuer.clone())
            .map_err(|err| OidcError::InvalidConfig(format!("issuer of {:?}: {err}", config.id)))?;
        // Fetches the discovery document, checks that it names this exact issuer, then the keys.
        let metadata = Metadata::discover_async(issuer, &self.http)
            .await
            .map_err(|err| OidcError::from_discovery(config, "discovery", &err))?;
        Ok(self.store(index, metadata))
    }

    /// Fetches the key set again (a key id the cached set does not hold was named).
    async fn refresh_keys(&self, index: usize, metadata: &Metadata) -> Result<Arc<Metadata>, OidcError> {
        let config = &self.configs[index];
        tracing::info!(provider = %config.id, "ID token names an unknown key id: fetching the provider's keys again");
        let keys = JsonWebKeySet::fetch_async(metadata.jwks_uri(), &self.http)
            .await
            .map_err(|err| OidcError::from_discovery(config, "key set", &err))?;
        Ok(self.store(index, metadata.clone().set_jwks(keys)))
    }

    fn store(&self, index: usize, metadata: Metadata) -> Arc<Metadata> {
        let metadata = Arc::new(metadata);
        *self.discovered[index].write().unwrap_or_else(PoisonError::into_inner) = Some(Arc::clone(&metadata));
        metadata
    }
}

fn parse_redirect_uri(redirect_uri: &str) -> Result<RedirectUrl, OidcError> {
    let redirect = RedirectUrl::new(redirect_uri.to_owned())
        .map_err(|err| OidcError::InvalidConfig(format!("redirect URI is not a URL: {err}")))?;
    // RFC 6749 section 3.1.2: the redirection endpoint URI must not include a fragment.
    if redirect.url().fragment().is_some() {
        return Err(OidcError::InvalidConfig("redirect URI has a fragment".to_owned()));
    }
    Ok(redirect)
}

fn client(config: &ProviderConfig, metadata: &Metadata, redirect: RedirectUrl) -> ProviderClient {
    let secret = config.client_secret.clone().map(ClientSecret::new);
    let client = CoreClient::from_provider_metadata(metadata.clone(), ClientId::new(config.client_id.clone()), secret)
        .set_redirect_uri(redirect);
    // client_secret_basic is the default (OIDC Discovery); use the body only when it is all
    // the provider accepts.
    let methods = metadata.token_endpoint_auth_methods_supported();
    let body_only = methods.is_some_and(|methods| {
        !methods.contains(&CoreClientAuthMethod::ClientSecretBasic)
            && methods.contains(&CoreClientAuthMethod::ClientSecretPost)
    });
    if body_only { client.set_auth_type(AuthType::RequestBody) } else { client }
}

/// RFC 9207 section 2.4: the `iss` parameter, when sent, must be the issuer the request went
/// to; when the provider declares that it sends it, its absence is refused as well.
fn check_iss_parameter(metadata: &Metadata, returned_iss: Option<&str>) -> Result<(), OidcError> {
    match returned_iss {
        Some(iss) if iss == metadata.issuer().as_str() => Ok(()),
        Some(_) => Err(OidcError::IssuerMismatch),
        None if metadata.additional_metadata().authorization_response_iss_parameter_supported => {
            Err(OidcError::IssuerMismatch)
        }
        None => Ok(()),
    }
}

/// The crate's verification with a verifier for a public client: it never tries an HMAC
/// (keyed by the client secret), and only the asymmetric algorithms the provider advertises
/// (RS256 if none) are allowed.
fn verify_id_token<'t>(
    config: &ProviderConfig,
    metadata: &Metadata,
    id_token: &'t CoreIdToken,
    nonce: &Nonce,
) -> Result<&'t CoreIdTokenClaims, ClaimsVerificationError> {
    let mut algorithms: Vec<CoreJwsSigningAlgorithm> = metadata
        .id_token_signing_alg_values_supported()
        .iter()
        .filter(|alg| !alg.uses_shared_secret())
        .cloned()
        .collect();
    if algorithms.is_empty() {
        algorithms.push(CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256);
    }
    let verifier = CoreIdTokenVerifier::new_public_client(
        ClientId::new(config.client_id.clone()),
        metadata.issuer().clone(),
        metadata.jwks().clone(),
    )
    .set_allowed_algs(algorithms);
    id_token.claims(&verifier, nonce)
}
