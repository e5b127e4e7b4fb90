//! A finding of a campaign, written together by a project's members.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "finding")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i32,
    pub campaign_id: i32,
    #[sea_orm(column_type = "Text")]
    pub statement: String,
    /// JSON list of references: `item:{id}` or `scale:{id}`.
    #[sea_orm(column_type = "Text")]
    pub evidence: String,
    pub author_id: i32,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
