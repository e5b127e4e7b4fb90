//! Closing the loop: findings and action plans, decided together and returned.
//!
//! - A campaign may belong to an improvement project (`campaign.project_id`): its
//!   members then write the campaign's findings and plan.
//! - `finding`: a statement in plain words and the evidence it cites (references to the
//!   campaign's questions and scores, JSON list such as `["item:phq9_1", "scale:phq9"]`).
//! - `planned_action`: what will be done about a finding, by whom, by when, and where it
//!   stands (`proposed`, `adopted`, `rejected`, `in_progress`, `done`, `abandoned`);
//!   a rejection or an abandonment keeps its reason.
//! - `action_event`: every status an action took, by whom, when and why.
//! - `plan_publication`: a proposal to publish the campaign's results and decisions to
//!   its respondents; `plan_vote` holds the votes on actions and on publications.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn cascade(name: &str, from: (&str, &str), to: (&str, &str)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0.to_string(), from.1.to_string())
        .to(to.0.to_string(), to.1.to_string())
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table("campaign").add_column(integer_null("project_id")).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table("finding")
                    .col(big_pk_auto("id"))
                    .col(integer("project_id"))
                    .col(integer("campaign_id"))
                    .col(text("statement"))
                    .col(text("evidence"))
                    .col(integer("author_id"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut cascade("fk_finding_project", ("finding", "project_id"), ("project", "id")))
                    .foreign_key(&mut cascade("fk_finding_campaign", ("finding", "campaign_id"), ("campaign", "id")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_finding_campaign").table("finding").col("campaign_id").to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("planned_action")
                    .col(big_pk_auto("id"))
                    .col(big_integer("finding_id"))
                    .col(text("what"))
                    .col(string("owner"))
                    .col(string_null("due_on"))
                    .col(string("status"))
                    .col(text_null("reason"))
                    .col(integer("author_id"))
                    .col(big_integer("created_at"))
                    .col(big_integer("updated_at"))
                    .foreign_key(&mut cascade(
                        "fk_planned_action_finding",
                        ("planned_action", "finding_id"),
                        ("finding", "id"),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_planned_action_finding").table("planned_action").col("finding_id").to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("action_event")
                    .col(big_pk_auto("id"))
                    .col(big_integer("action_id"))
                    .col(string("status"))
                    .col(text("reason"))
                    .col(integer("person_id"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut cascade(
                        "fk_action_event_action",
                        ("action_event", "action_id"),
                        ("planned_action", "id"),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("plan_publication")
                    .col(big_pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(integer("author_id"))
                    .col(string("status"))
                    .col(text_null("reason"))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("decided_at"))
                    .foreign_key(&mut cascade(
                        "fk_plan_publication_campaign",
                        ("plan_publication", "campaign_id"),
                        ("campaign", "id"),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("plan_vote")
                    .col(big_pk_auto("id"))
                    .col(string("subject_kind"))
                    .col(big_integer("subject_id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .col(string("verdict"))
                    .col(text("reason"))
                    .col(big_integer("created_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_plan_vote_once")
                    .table("plan_vote")
                    .col("subject_kind")
                    .col("subject_id")
                    .col("person_id")
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["plan_vote", "plan_publication", "action_event", "planned_action", "finding"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table("campaign").drop_column("project_id").to_owned()).await
    }
}
