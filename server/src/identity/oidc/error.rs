//! Why a sign-in with a provider failed. `Display` is English for logs and never holds a
//! token, a code or a secret; the UI translates [`OidcError::key`].

use std::error::Error;

use openidconnect::core::{CoreErrorResponseType, CoreIdToken};
use openidconnect::{
    ClaimsVerificationError, DiscoveryError, RequestTokenError, SignatureVerificationError, StandardErrorResponse,
};

use super::ProviderConfig;

/// A sign-in that cannot go on. At the HTTP edge: `InvalidConfig` is a fault of ours (5xx),
/// `ProviderUnreachable` a fault of the provider's (502/503), the rest a failed sign-in (4xx).
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// No provider is configured under this id.
    #[error("no OpenID Connect provider is configured with id {0:?}")]
    UnknownProvider(String),
    /// The providers file, or a redirect URI given by the caller, is unusable.
    #[error("invalid OpenID Connect configuration: {0}")]
    InvalidConfig(String),
    /// Discovery, the key set or the token endpoint could not be reached, or answered
    /// something unusable.
    #[error("OpenID Connect provider {provider:?} failed: {detail}")]
    ProviderUnreachable {
        /// Provider id.
        provider: String,
        /// What went wrong, for logs.
        detail: String,
    },
    /// The callback's `state` is not the pending sign-in's (forged or mixed-up callback).
    #[error("the callback's state does not match the pending sign-in")]
    StateMismatch,
    /// The callback's `iss` names another issuer than the one the sign-in began with, or is
    /// missing although the provider declares that it sends it (RFC 9207).
    #[error("the callback's iss parameter does not name the provider the sign-in began with")]
    IssuerMismatch,
    /// The token endpoint refused the code (expired, reused, wrong verifier or client).
    #[error("OpenID Connect provider {provider:?} refused the authorization code: {error}")]
    CodeRejected {
        /// Provider id.
        provider: String,
        /// The OAuth error code and description the provider gave.
        error: String,
    },
    /// The ID token is missing or fails a check.
    #[error("ID token refused: {0}")]
    InvalidIdToken(IdTokenProblem),
}

/// Which check an ID token failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdTokenProblem {
    /// The signature does not verify with the provider's keys (even after fetching them again
    /// for an unknown key id).
    BadSignature,
    /// `aud` does not contain our client id, or contains an audience we do not trust.
    WrongAudience,
    /// `iss` is not the provider's issuer.
    WrongIssuer,
    /// `exp` is past.
    Expired,
    /// `iat` is in the future (beyond the allowed clock skew).
    IssuedInFuture,
    /// `nonce` is not the pending sign-in's.
    WrongNonce,
    /// Unsigned (`alg: none`), or an algorithm we refuse (HMAC such as HS256) or do not know.
    UnsupportedAlgorithm,
    /// The token response has no ID token.
    Missing,
    /// The ID token cannot be read, or uses a feature we do not support (JWE, `crit`).
    Malformed,
}

impl OidcError {
    /// Stable key for `application/problem+json` and translations, e.g. `oidc.state_mismatch`.
    pub fn key(&self) -> &'static str {
        match self {
            OidcError::UnknownProvider(_) => "oidc.unknown_provider",
            OidcError::InvalidConfig(_) => "oidc.invalid_config",
            OidcError::ProviderUnreachable { .. } => "oidc.provider_unreachable",
            OidcError::StateMismatch => "oidc.state_mismatch",
            OidcError::IssuerMismatch => "oidc.issuer_mismatch",
            OidcError::CodeRejected { .. } => "oidc.code_rejected",
            OidcError::InvalidIdToken(problem) => problem.key(),
        }
    }

    pub(super) fn unreachable(config: &ProviderConfig, detail: impl Into<String>) -> Self {
        OidcError::ProviderUnreachable { provider: config.id.clone(), detail: detail.into() }
    }

    pub(super) fn from_discovery<RE: Error + 'static>(
        config: &ProviderConfig,
        what: &str,
        err: &DiscoveryError<RE>,
    ) -> Self {
        let detail = match err {
            // The path only: serde's message may quote the document.
            DiscoveryError::Parse(parse) => format!("unreadable {what} at `{}`", parse.path()),
            DiscoveryError::Request(request) => format!("{what}: {}", with_causes(request)),
            DiscoveryError::Response(_, _, message) => format!("{what}: {message}"),
            other => format!("{what}: {other}"),
        };
        Self::unreachable(config, detail)
    }

    pub(super) fn from_token_request<RE: Error + 'static>(
        config: &ProviderConfig,
        err: RequestTokenError<RE, StandardErrorResponse<CoreErrorResponseType>>,
    ) -> Self {
        match err {
            RequestTokenError::ServerResponse(response) => OidcError::CodeRejected {
                provider: config.id.clone(),
                error: match response.error_description() {
                    Some(description) => format!("{} ({description})", response.error()),
                    None => response.error().to_string(),
                },
            },
            // The body holds the access token: only its shape is looked at, never logged.
            RequestTokenError::Parse(_, body) if id_token_is_malformed(&body) => {
                OidcError::InvalidIdToken(IdTokenProblem::Malformed)
            }
            RequestTokenError::Parse(parse, _) => {
                Self::unreachable(config, format!("unreadable token response at `{}`", parse.path()))
            }
            RequestTokenError::Request(request) => {
                Self::unreachable(config, format!("token endpoint: {}", with_causes(&request)))
            }
            RequestTokenError::Other(message) => Self::unreachable(config, format!("token endpoint: {message}")),
        }
    }
}

impl IdTokenProblem {
    /// Stable key, e.g. `oidc.id_token.expired`.
    pub fn key(self) -> &'static str {
        match self {
            IdTokenProblem::BadSignature => "oidc.id_token.bad_signature",
            IdTokenProblem::WrongAudience => "oidc.id_token.wrong_audience",
            IdTokenProblem::WrongIssuer => "oidc.id_token.wrong_issuer",
            IdTokenProblem::Expired => "oidc.id_token.expired",
            IdTokenProblem::IssuedInFuture => "oidc.id_token.issued_in_future",
            IdTokenProblem::WrongNonce => "oidc.id_token.wrong_nonce",
            IdTokenProblem::UnsupportedAlgorithm => "oidc.id_token.unsupported_algorithm",
            IdTokenProblem::Missing => "oidc.id_token.missing",
            IdTokenProblem::Malformed => "oidc.id_token.malformed",
        }
    }

    pub(super) fn from_verification(err: &ClaimsVerificationError) -> Self {
        use SignatureVerificationError as Signature;
        match err {
            ClaimsVerificationError::Expired(_) => IdTokenProblem::Expired,
            ClaimsVerificationError::InvalidAudience(_) => IdTokenProblem::WrongAudience,
            ClaimsVerificationError::InvalidIssuer(_) => IdTokenProblem::WrongIssuer,
            ClaimsVerificationError::InvalidNonce(_) => IdTokenProblem::WrongNonce,
            ClaimsVerificationError::SignatureVerification(
                Signature::NoSignature | Signature::DisallowedAlg(_) | Signature::UnsupportedAlg(_),
            ) => IdTokenProblem::UnsupportedAlgorithm,
            ClaimsVerificationError::SignatureVerification(_) => IdTokenProblem::BadSignature,
            _ => IdTokenProblem::Malformed,
        }
    }
}

impl std::fmt::Display for IdTokenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            IdTokenProblem::BadSignature => "signature does not verify with the provider's keys",
            IdTokenProblem::WrongAudience => "audience is not this client",
            IdTokenProblem::WrongIssuer => "issuer is not the provider's",
            IdTokenProblem::Expired => "expired",
            IdTokenProblem::IssuedInFuture => "issued in the future",
            IdTokenProblem::WrongNonce => "nonce is not the pending sign-in's",
            IdTokenProblem::UnsupportedAlgorithm => "unsigned or signed with a refused algorithm",
            IdTokenProblem::Missing => "the token response has none",
            IdTokenProblem::Malformed => "unreadable or uses an unsupported feature",
        })
    }
}

/// True when the token response carries an `id_token` that is not a readable JWT, so that
/// a broken ID token is reported as such and not as a broken provider.
fn id_token_is_malformed(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|mut response| response.get_mut("id_token").map(serde_json::Value::take))
        .is_some_and(|id_token| serde_json::from_value::<CoreIdToken>(id_token).is_err())
}

/// `err: cause: cause…`, for errors whose own message is vague ("Request failed").
fn with_causes(err: &(dyn Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}
