//! Hashes of the capabilities a respondent holds (resume and return links).
use sea_orm::entity::prelude::*;

/// The browser that is answering.
pub const RESUME: &str = "resume";
/// The private link to results and withdrawal.
pub const RETURN: &str = "return";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "response_access")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub response_id: i64,
    pub kind: String,
    pub created_at: i64,
    pub expires_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
