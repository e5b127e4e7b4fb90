//! What will be done about a finding, by whom, by when, and where it stands.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "planned_action")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub finding_id: i64,
    #[sea_orm(column_type = "Text")]
    pub what: String,
    pub owner: String,
    /// ISO date.
    pub due_on: Option<String>,
    /// An `ActionStatus` key.
    pub status: String,
    /// Why it was rejected or abandoned.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    pub author_id: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
