//! OpenID Connect relying party: one client per configured provider.

/// One configured provider (an institution's identity provider).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize)]
pub struct ProviderConfig {
    /// Slug used in URLs.
    pub id: String,
    /// Button text.
    pub label: String,
    /// Issuer URL.
    pub issuer: String,
    /// Client id.
    pub client_id: String,
    /// Client secret.
    pub client_secret: Option<String>,
    /// Slug of the Boucle institution whose staff sign in there.
    pub institution: String,
}

/// Who signed in, as the provider vouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    /// Provider id.
    pub provider: String,
    /// Issuer.
    pub issuer: String,
    /// Subject.
    pub subject: String,
    /// Email.
    pub email: Option<String>,
    /// Whether the provider verified the email.
    pub email_verified: bool,
    /// Name.
    pub name: Option<String>,
}
