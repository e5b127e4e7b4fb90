//! OpenID Connect relying party: one client per configured provider.
