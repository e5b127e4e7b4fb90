//! The foundation schema: institutions and people (identity), questionnaires and their
//! versions, campaigns, invitations, responses (answers), consents and the audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A foreign key from `table.column` to `target.id`.
fn fk(
    table: &'static str,
    column: &'static str,
    target: &'static str,
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_{column}"))
        .from(table, column)
        .to(target, "id")
        .on_delete(on_delete)
        .to_owned()
}

/// Tables in creation order; `down` drops them in reverse.
const TABLES: &[&str] = &[
    "institution",
    "person",
    "membership",
    "questionnaire",
    "questionnaire_version",
    "campaign",
    "invitation",
    "response",
    "response_text",
    "consent",
    "audit_log",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("institution")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("name"))
                    .col(big_integer("created_at"))
                    .to_owned(),
            )
            .await?;

        // Identity: who people are. Never joined from answers.
        manager
            .create_table(
                Table::create()
                    .table("person")
                    .col(pk_auto("id"))
                    .col(string("display_name"))
                    .col(string_null("email").unique_key())
                    .col(big_integer("created_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("membership")
                    .col(pk_auto("id"))
                    .col(integer("person_id"))
                    .col(integer("institution_id"))
                    // admin, quality_team, professional, patient_partner, observer
                    .col(string("role"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut fk("membership", "person_id", "person", ForeignKeyAction::Cascade))
                    .foreign_key(&mut fk("membership", "institution_id", "institution", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_membership_person_institution_role")
                    .table("membership")
                    .col("person_id")
                    .col("institution_id")
                    .col("role")
                    .unique()
                    .to_owned(),
            )
            .await?;

        // A questionnaire is the stable identity (slug) of a series of versions.
        // `institution_id` is null for Boucle's built-in library.
        manager
            .create_table(
                Table::create()
                    .table("questionnaire")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(integer_null("institution_id"))
                    .col(string("kind"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut fk("questionnaire", "institution_id", "institution", ForeignKeyAction::Restrict))
                    .to_owned(),
            )
            .await?;

        // A published version is immutable (the services refuse updates); drafts are not.
        manager
            .create_table(
                Table::create()
                    .table("questionnaire_version")
                    .col(pk_auto("id"))
                    .col(integer("questionnaire_id"))
                    .col(string("version"))
                    // draft, published
                    .col(string("status"))
                    .col(string("content_hash"))
                    .col(text("definition"))
                    .col(big_integer("created_at"))
                    .col(big_integer_null("published_at"))
                    .foreign_key(&mut fk(
                        "questionnaire_version",
                        "questionnaire_id",
                        "questionnaire",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_questionnaire_version")
                    .table("questionnaire_version")
                    .col("questionnaire_id")
                    .col("version")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_questionnaire_version_hash")
                    .table("questionnaire_version")
                    .col("content_hash")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("campaign")
                    .col(pk_auto("id"))
                    .col(integer("institution_id"))
                    .col(integer("questionnaire_version_id"))
                    // Public, unguessable identifier used in the open link.
                    .col(string_uniq("public_id"))
                    .col(string("title"))
                    .col(text("audience"))
                    // draft, open, closed
                    .col(string("status"))
                    // anonymous, pseudonymous
                    .col(string("anonymity"))
                    // Comma-separated language tags offered to respondents.
                    .col(string("languages"))
                    .col(integer("min_cell_size").default(5))
                    .col(big_integer_null("opens_at"))
                    .col(big_integer_null("closes_at"))
                    .col(big_integer_null("results_promised_at"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut fk("campaign", "institution_id", "institution", ForeignKeyAction::Restrict))
                    .foreign_key(&mut fk(
                        "campaign",
                        "questionnaire_version_id",
                        "questionnaire_version",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;

        // Respondent capability tokens: only their SHA-256 is stored.
        manager
            .create_table(
                Table::create()
                    .table("invitation")
                    .col(pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(string_uniq("token_hash"))
                    .col(boolean("single_use"))
                    .col(integer_null("response_id"))
                    .col(big_integer_null("used_at"))
                    .col(big_integer_null("expires_at"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut fk("invitation", "campaign_id", "campaign", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;

        // Answers. No person, no contact, no token: nothing here identifies anyone.
        manager
            .create_table(
                Table::create()
                    .table("response")
                    .col(big_pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(integer("questionnaire_version_id"))
                    // Client-generated: a retried submission finds its first row.
                    .col(string_uniq("idempotency_key"))
                    // in_progress, submitted
                    .col(string("status"))
                    .col(string("language"))
                    // Little-endian i32 per answerable item (survey_defs::AnswerLayout).
                    .col(blob("codes"))
                    .col(big_integer("started_at"))
                    .col(big_integer("updated_at"))
                    .col(big_integer_null("submitted_at"))
                    .foreign_key(&mut fk("response", "campaign_id", "campaign", ForeignKeyAction::Cascade))
                    .foreign_key(&mut fk(
                        "response",
                        "questionnaire_version_id",
                        "questionnaire_version",
                        ForeignKeyAction::Restrict,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_response_campaign_status")
                    .table("response")
                    .col("campaign_id")
                    .col("status")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("response_text")
                    .col(big_integer("response_id"))
                    .col(string("item_id"))
                    .col(text("text"))
                    .primary_key(Index::create().col("response_id").col("item_id"))
                    .foreign_key(&mut fk("response_text", "response_id", "response", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;

        // Consent is versioned and revocable: the exact text version and language shown.
        manager
            .create_table(
                Table::create()
                    .table("consent")
                    .col(pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(big_integer_null("response_id"))
                    .col(string("text_version"))
                    .col(string("language"))
                    .col(big_integer("given_at"))
                    .col(big_integer_null("withdrawn_at"))
                    .foreign_key(&mut fk("consent", "campaign_id", "campaign", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;

        // Append-only; each entry carries the hash of the previous one.
        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(big_pk_auto("id"))
                    .col(big_integer("occurred_at"))
                    .col(string("actor"))
                    .col(string("action"))
                    .col(string("subject"))
                    .col(text("detail"))
                    .col(string("prev_hash"))
                    .col(string("hash"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            manager.drop_table(Table::drop().table(*table).to_owned()).await?;
        }
        Ok(())
    }
}
