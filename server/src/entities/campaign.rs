//! A campaign: a published questionnaire version sent to a population.
use sea_orm::entity::prelude::*;

/// `status` while accepting answers.
pub const OPEN: &str = "open";
/// `status` once closed by staff.
pub const CLOSED: &str = "closed";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "campaign")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub institution_id: i32,
    pub questionnaire_version_id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub audience: String,
    pub status: String,
    pub anonymity: String,
    pub languages: String,
    pub min_cell_size: i32,
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
    pub results_promised_at: Option<i64>,
    pub created_at: i64,
    pub consent_version: String,
    /// The improvement project whose members write its findings and plan, if any.
    pub project_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
