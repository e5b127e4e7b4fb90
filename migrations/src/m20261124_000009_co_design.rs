//! Co-design beyond rewording, publishing together, and credit.
//!
//! - A suggestion carries a list of `survey_defs::Change` as JSON (`changes`), applied
//!   together; older rows without it are rewordings described by their `item_id`,
//!   `language` and `new_text`. A suggestion of `kind` `publish` asks to publish the
//!   draft as `publish_slug` `publish_version`, and is decided by the same rule.
//! - A version published from a project keeps its project, the version it follows, its
//!   changelog (the accepted suggestions, JSON) and its credits (how many co-designers of
//!   each role, and the names of those who agreed to be named, JSON).
//! - A member chooses whether their name appears in the credits (`named_in_credits`).
//! - A project keeps its own list of jargon to flag, one term per line.
//! - `draft_comment`: a thread per item of a draft, apart from suggestions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// SQLite alters one column per statement.
async fn add(manager: &SchemaManager<'_>, table: &str, column: &mut ColumnDef) -> Result<(), DbErr> {
    manager.alter_table(Table::alter().table(table.to_string()).add_column(column.to_owned()).to_owned()).await
}

async fn drop(manager: &SchemaManager<'_>, table: &str, column: &str) -> Result<(), DbErr> {
    manager.alter_table(Table::alter().table(table.to_string()).drop_column(column.to_string()).to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add(manager, "suggestion", string("kind").default("change")).await?;
        add(manager, "suggestion", &mut text_null("changes")).await?;
        add(manager, "suggestion", &mut string_null("publish_slug")).await?;
        add(manager, "suggestion", &mut string_null("publish_version")).await?;
        add(manager, "questionnaire_version", &mut integer_null("project_id")).await?;
        add(manager, "questionnaire_version", &mut integer_null("previous_version_id")).await?;
        add(manager, "questionnaire_version", &mut text_null("changelog")).await?;
        add(manager, "questionnaire_version", &mut text_null("credits")).await?;
        add(manager, "project_member", boolean("named_in_credits").default(false)).await?;
        add(manager, "project", text("jargon").default("")).await?;
        manager
            .create_table(
                Table::create()
                    .table("draft_comment")
                    .col(big_pk_auto("id"))
                    .col(integer("draft_id"))
                    .col(string("item_id"))
                    .col(integer("author_id"))
                    .col(text("body"))
                    .col(big_integer("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_draft_comment_draft_id")
                            .from("draft_comment", "draft_id")
                            .to("questionnaire_draft", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_draft_comment_draft").table("draft_comment").col("draft_id").to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("draft_comment").to_owned()).await?;
        drop(manager, "project", "jargon").await?;
        drop(manager, "project_member", "named_in_credits").await?;
        for column in ["credits", "changelog", "previous_version_id", "project_id"] {
            drop(manager, "questionnaire_version", column).await?;
        }
        for column in ["publish_version", "publish_slug", "changes", "kind"] {
            drop(manager, "suggestion", column).await?;
        }
        Ok(())
    }
}
