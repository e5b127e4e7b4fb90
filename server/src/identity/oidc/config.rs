//! What the `--oidc-providers` file says about each provider, and the checks it must pass.

use std::fmt;

use openidconnect::IssuerUrl;
use openidconnect::url::Host;
use serde::{Deserialize, Serialize};

use super::OidcError;

/// One configured provider (an institution's identity provider). Loaded from a JSON file
/// given by `--oidc-providers`: an array of these objects, see
/// [`OidcProviders::from_json`](super::OidcProviders::from_json).
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// Slug used in URLs (`/connexion/oidc/{id}`): `[a-z0-9-]`, 1 to 64 characters, unique.
    pub id: String,
    /// Button text, e.g. "CHU de Lille (AD)".
    pub label: String,
    /// Issuer URL, exactly as the provider writes it in its ID tokens; discovery is at
    /// `{issuer}/.well-known/openid-configuration`. `https`, or `http` on a loopback host.
    pub issuer: String,
    /// The client id Boucle is registered under at this provider.
    pub client_id: String,
    /// The client secret, if the provider registered Boucle as a confidential client.
    pub client_secret: Option<String>,
    /// Slug of the Boucle institution whose staff sign in there.
    pub institution: String,
}

impl fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "<redacted>"))
            .field("institution", &self.institution)
            .finish()
    }
}

pub(super) fn check_config(config: &ProviderConfig) -> Result<(), OidcError> {
    let invalid = |what: &str| Err(OidcError::InvalidConfig(format!("provider {:?}: {what}", config.id)));
    if !is_slug(&config.id) {
        return invalid("id must be 1 to 64 characters among a-z, 0-9 and -");
    }
    if !is_slug(&config.institution) {
        return invalid("institution must be an institution slug (a-z, 0-9 and -)");
    }
    if config.label.trim().is_empty() || config.client_id.is_empty() {
        return invalid("label and client_id must not be empty");
    }
    if config.client_secret.as_ref().is_some_and(String::is_empty) {
        return invalid("client_secret must be absent or not empty");
    }
    let Ok(issuer) = IssuerUrl::new(config.issuer.clone()) else {
        return invalid("issuer is not a URL");
    };
    let url = issuer.url();
    // OpenID Connect Discovery 1.0 section 2: https, no query, no fragment.
    if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
        return invalid("issuer must have no query, fragment or credentials");
    }
    let loopback = matches!(url.host(), Some(Host::Ipv4(ip)) if ip.is_loopback())
        || matches!(url.host(), Some(Host::Ipv6(ip)) if ip.is_loopback())
        || url.host_str() == Some("localhost");
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        _ => invalid("issuer must be https (http only on a loopback host)"),
    }
}

fn is_slug(text: &str) -> bool {
    (1..=64).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
