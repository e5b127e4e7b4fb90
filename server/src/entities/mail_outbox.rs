//! A message waiting for the SMTP server (deleted once accepted).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    /// Plain text; blanked when the message is given up (it holds a link).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// `sign_in_link`, `return_link`, `account_invitation`.
    pub purpose: String,
    pub created_at: i64,
    pub attempts: i32,
    pub next_attempt_at: i64,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub gave_up_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
