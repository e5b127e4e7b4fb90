//! A failed password sign-in for one account (a keyed hash of the email typed).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_failure")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `ServerKey::derive("sign-in-failure", email)`: never the address itself.
    pub account_key: String,
    pub failed_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
