//! A person's role in one project.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_member")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub person_id: i32,
    /// `patient_partner`, `professional`, `quality_team`, `observer`.
    pub role: String,
    pub joined_at: i64,
    /// The member agreed to be named in the credits of what the project publishes.
    pub named_in_credits: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
