//! One version of a questionnaire. Published versions are immutable.
use sea_orm::entity::prelude::*;

/// `status` of a version still being written.
pub const DRAFT: &str = "draft";
/// `status` of a version that respondents may answer; never changed again.
pub const PUBLISHED: &str = "published";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "questionnaire_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub questionnaire_id: i32,
    pub version: String,
    pub status: String,
    pub content_hash: String,
    /// Canonical JSON (RFC 8785) of the `survey_defs::Questionnaire`.
    #[sea_orm(column_type = "Text")]
    pub definition: String,
    pub created_at: i64,
    pub published_at: Option<i64>,
    /// The project that co-designed it, if any.
    pub project_id: Option<i32>,
    /// The version it follows, if any.
    pub previous_version_id: Option<i32>,
    /// JSON: the accepted suggestions since the previous version (`projects::Changelog`).
    #[sea_orm(column_type = "Text", nullable)]
    pub changelog: Option<String>,
    /// JSON: who co-designed it (`projects::Credits`).
    #[sea_orm(column_type = "Text", nullable)]
    pub credits: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::questionnaire::Entity",
        from = "Column::QuestionnaireId",
        to = "super::questionnaire::Column::Id"
    )]
    Questionnaire,
}

impl Related<super::questionnaire::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Questionnaire.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
