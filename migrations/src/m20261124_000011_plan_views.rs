//! Which responses' return pages were opened once the campaign's plan was published:
//! one row per response (no person, no time beyond the first view), for the loop
//! measure "share of respondents who opened returned results".

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("plan_view")
                    .col(big_pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(big_integer("response_id"))
                    .col(big_integer("first_seen_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_plan_view_campaign")
                            .from("plan_view", "campaign_id")
                            .to("campaign", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_plan_view_response")
                    .table("plan_view")
                    .col("campaign_id")
                    .col("response_id")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("plan_view").to_owned()).await
    }
}
