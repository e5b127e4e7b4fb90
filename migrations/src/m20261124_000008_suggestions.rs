//! Questionnaire drafts of a project, and suggestions to change them, decided together.
//!
//! A draft is a working copy of a questionnaire (started from a published version) that
//! changes only through accepted suggestions; `revision` counts them. A suggestion
//! names the item and the language it rewords, the new text and why; members vote on
//! it (`suggestion_vote`, one vote per person, with the project role they held), and the
//! project's decision rule accepts or rejects it. Rejected suggestions stay, with their
//! reason.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("questionnaire_draft")
                    .col(pk_auto("id"))
                    .col(integer("project_id"))
                    .col(string("public_id").unique_key())
                    .col(text("definition"))
                    .col(integer_null("based_on_version_id"))
                    .col(integer("revision").default(0))
                    .col(integer("created_by"))
                    .col(big_integer("created_at"))
                    .col(big_integer("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_questionnaire_draft_project_id")
                            .from("questionnaire_draft", "project_id")
                            .to("project", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("suggestion")
                    .col(big_pk_auto("id"))
                    .col(integer("draft_id"))
                    .col(integer("author_id"))
                    .col(string("item_id"))
                    .col(string("language"))
                    .col(text("new_text"))
                    .col(text("rationale"))
                    .col(string("status"))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("decided_at"))
                    .col(text_null("decision_reason"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_suggestion_draft_id")
                            .from("suggestion", "draft_id")
                            .to("questionnaire_draft", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_suggestion_draft").table("suggestion").col("draft_id").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("suggestion_vote")
                    .col(big_pk_auto("id"))
                    .col(big_integer("suggestion_id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .col(string("verdict"))
                    .col(text("reason"))
                    .col(big_integer("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_suggestion_vote_suggestion_id")
                            .from("suggestion_vote", "suggestion_id")
                            .to("suggestion", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_suggestion_vote")
                    .table("suggestion_vote")
                    .col("suggestion_id")
                    .col("person_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        // The thread of each suggestion: members discuss before they decide.
        manager
            .create_table(
                Table::create()
                    .table("suggestion_comment")
                    .col(big_pk_auto("id"))
                    .col(big_integer("suggestion_id"))
                    .col(integer("author_id"))
                    .col(text("body"))
                    .col(big_integer("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_suggestion_comment_suggestion_id")
                            .from("suggestion_comment", "suggestion_id")
                            .to("suggestion", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("suggestion_comment").to_owned()).await?;
        manager.drop_table(Table::drop().table("suggestion_vote").to_owned()).await?;
        manager.drop_table(Table::drop().table("suggestion").to_owned()).await?;
        manager.drop_table(Table::drop().table("questionnaire_draft").to_owned()).await
    }
}
