//! Single-use sign-in links, stored as hashes.
use sea_orm::entity::prelude::*;

/// An account invitation: the holder chooses a password (or links a provider).
pub const INVITATION: &str = "invitation";
/// A sign-in link sent by email: signs the holder in once.
pub const EMAIL_LINK: &str = "email_link";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_token")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub person_id: i32,
    pub purpose: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
