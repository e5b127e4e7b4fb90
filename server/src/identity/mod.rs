//! Who staff and patient-partners are, and what they may do. Respondents never have an
//! account: their capability is a hashed token scoped to one response (`respondents`).
//!
//! - [`oidc`]: sign-in with each institution's OpenID Connect provider (authorization
//!   code flow with PKCE, state and nonce, ID token checked against the provider's keys).
//! - [`passwords`]: Argon2id hashes and the rules for new passwords.
//! - [`lockout`]: the limit on failed password sign-ins per account.
//! - [`service`]: people, roles, sessions (idle and absolute limits), invitations.
//! - [`people`]: admins managing the people of their institutions from the browser.
//! - [`policy`]: the one place that decides who may do what.

pub mod lockout;
pub mod oidc;
pub mod passwords;
pub mod people;
pub mod policy;
pub mod service;

pub use policy::{Action, Caller, Decision, Grant, ProjectGrant, ProjectRole, Role, decide};
pub use service::{IdentityError, IdentityService, SignedIn};
