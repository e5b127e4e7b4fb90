//! The append-only audit log; each entry carries the hash of the previous one.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: i64,
    pub actor: String,
    pub action: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    /// The institution whose admins may read the entry.
    pub institution_id: Option<i32>,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
