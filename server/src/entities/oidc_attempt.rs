//! An OpenID Connect sign-in waiting for the provider's answer.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_attempt")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub attempt_hash: String,
    /// `identity::oidc::PendingSignIn` as JSON (state, nonce, PKCE verifier).
    pub pending: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
