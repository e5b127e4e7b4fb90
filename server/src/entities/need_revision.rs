//! One revision of a project's need statement (append-only).
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "need_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i32,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub author_id: i32,
    pub written_at: i64,
    /// The revision its author started from (`None` for the first).
    pub based_on: Option<i64>,
    /// Set when another revision had been written since `based_on`: not current.
    pub conflict_with: Option<i64>,
    /// When its author settled the conflict (kept theirs again, or dropped it).
    pub resolved_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
