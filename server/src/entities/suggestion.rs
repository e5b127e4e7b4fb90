//! A proposed rewording of one item of a draft, with why.
use sea_orm::entity::prelude::*;

/// A change to the draft.
pub const CHANGE: &str = "change";
/// Publishing the draft as a version.
pub const PUBLISH: &str = "publish";
/// Waiting for votes.
pub const OPEN: &str = "open";
/// The decision rule accepted it; the draft changed.
pub const ACCEPTED: &str = "accepted";
/// A member rejected it, with a reason.
pub const REJECTED: &str = "rejected";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "suggestion")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub draft_id: i32,
    pub author_id: i32,
    pub item_id: String,
    pub language: String,
    #[sea_orm(column_type = "Text")]
    pub new_text: String,
    #[sea_orm(column_type = "Text")]
    pub rationale: String,
    pub status: String,
    pub created_at: i64,
    pub decided_at: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub decision_reason: Option<String>,
    /// [`CHANGE`] or [`PUBLISH`].
    pub kind: String,
    /// JSON list of `survey_defs::Change`, applied together; `None` on rewordings made
    /// before changes existed (described by `item_id`, `language`, `new_text`).
    #[sea_orm(column_type = "Text", nullable)]
    pub changes: Option<String>,
    /// For [`PUBLISH`]: the questionnaire slug to publish under.
    pub publish_slug: Option<String>,
    /// For [`PUBLISH`]: the version number to publish.
    pub publish_version: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
