//! A response: answers only. Nothing here identifies the person who gave them.
use sea_orm::entity::prelude::*;

/// `status` while the respondent is still answering.
pub const IN_PROGRESS: &str = "in_progress";
/// `status` once submitted; the answers no longer change.
pub const SUBMITTED: &str = "submitted";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i32,
    pub questionnaire_version_id: i32,
    #[sea_orm(unique)]
    pub idempotency_key: String,
    pub status: String,
    pub language: String,
    /// Little-endian i32 per answerable item (`survey_defs::AnswerLayout`).
    pub codes: Vec<u8>,
    pub started_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
