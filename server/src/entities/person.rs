//! A person who signs in: staff or patient-partner. Respondents are never persons.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub display_name: String,
    #[sea_orm(unique)]
    pub email: Option<String>,
    pub created_at: i64,
    /// Argon2id PHC string; `None` for people who sign in only through a provider or links.
    pub password_hash: Option<String>,
    /// Set when the account is disabled: no sign-in, sessions refused.
    pub disabled_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
