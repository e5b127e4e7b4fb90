//! What a respondent typed so far, valid or not, and the last screen's problems.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "response_draft")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub response_id: i64,
    /// JSON object: item id → list of form values.
    #[sea_orm(column_type = "Text")]
    pub raw_answers: String,
    /// JSON list of `survey_defs::Problem`.
    #[sea_orm(column_type = "Text")]
    pub problems: String,
    pub problem_section: Option<String>,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
