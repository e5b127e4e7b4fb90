//! Who staff and patient-partners are, and what they may do. Respondents never have an
//! account: their capability is a hashed token scoped to one response (`respondents`).
//!
//! - [`oidc`]: sign-in with each institution's OpenID Connect provider (authorization
//!   code flow with PKCE, state and nonce, ID token checked against the provider's keys).

pub mod oidc;
