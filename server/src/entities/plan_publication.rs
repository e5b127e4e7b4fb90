//! A proposal to publish a campaign's results and decisions to its respondents.
use sea_orm::entity::prelude::*;

/// Waiting for votes.
pub const OPEN: &str = "open";
/// Decided together: respondents see the plan.
pub const PUBLISHED: &str = "published";
/// Rejected by a member, with the reason.
pub const REJECTED: &str = "rejected";

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_publication")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i32,
    pub author_id: i32,
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    pub created_at: i64,
    pub decided_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
