//! What the respondent journey needs beyond the foundation: capability secrets
//! (resume and return links) kept apart from answers, drafts saved after every screen,
//! and the fact of consent refusals or withdrawals without any answer.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Capabilities a respondent holds: `resume` (the browser that is answering) and
        // `return` (the private link to results and withdrawal). Only SHA-256 hashes.
        manager
            .create_table(
                Table::create()
                    .table("response_access")
                    .col(string("token_hash").primary_key())
                    .col(big_integer("response_id"))
                    // resume, return
                    .col(string("kind"))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("expires_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_response_access_response_id")
                            .from("response_access", "response_id")
                            .to("response", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_response_access_response")
                    .table("response_access")
                    .col("response_id")
                    .to_owned(),
            )
            .await?;

        // The answers as typed so far, valid or not, and the problems of the last screen:
        // a rejected screen keeps everything the respondent wrote.
        manager
            .create_table(
                Table::create()
                    .table("response_draft")
                    .col(big_integer("response_id").primary_key())
                    .col(text("raw_answers"))
                    .col(text("problems"))
                    .col(string_null("problem_section"))
                    .col(big_integer("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_response_draft_response_id")
                            .from("response_draft", "response_id")
                            .to("response", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        // The consent text shown to respondents, versioned per campaign.
        manager
            .alter_table(Table::alter().table("campaign").add_column(string("consent_version").default("1")).to_owned())
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table("campaign").drop_column("consent_version").to_owned()).await?;
        manager.drop_table(Table::drop().table("response_draft").to_owned()).await?;
        manager.drop_table(Table::drop().table("response_access").to_owned()).await
    }
}
