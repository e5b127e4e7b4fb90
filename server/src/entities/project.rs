//! An improvement project of an institution.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// In addresses: random, so projects cannot be counted or guessed.
    #[sea_orm(unique)]
    pub public_id: String,
    pub institution_id: i32,
    pub title: String,
    pub created_by: i32,
    pub created_at: i64,
    /// Jargon the readability check flags in this project, one term per line.
    #[sea_orm(column_type = "Text")]
    pub jargon: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
