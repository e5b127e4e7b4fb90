//! A signed-in browser, found by the hash of its cookie.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_session")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub person_id: i32,
    /// Put in every form of this session and checked on every state change.
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// Absolute limit.
    pub expires_at: i64,
    /// Sign-out.
    pub ended_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
