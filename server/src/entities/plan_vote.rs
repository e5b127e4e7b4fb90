//! One member's vote on an action (`subject_kind` `action`) or on publishing a plan
//! (`publication`), with the project role they held then.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_vote")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub subject_kind: String,
    pub subject_id: i64,
    pub person_id: i32,
    pub role: String,
    /// `approve` or `reject`.
    pub verdict: String,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
