//! A project's working copy of a questionnaire, changed only by accepted suggestions.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questionnaire_draft")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    /// The questionnaire as canonical JSON (survey-defs).
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    pub based_on_version_id: Option<i32>,
    /// How many suggestions have changed it.
    pub revision: i32,
    pub created_by: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
