//! An address a respondent left to hear when their campaign's results come back.
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "return_contact")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i32,
    /// `ServerKey::derive("return-contact", return secret)`: found only by the link's holder.
    #[sea_orm(unique)]
    pub access_hash: String,
    pub email: String,
    /// The language they answered in, for the message.
    pub lang: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
