//! Staff and patient-partner sign-in: local passwords (Argon2id hashes), server-side
//! sessions, single-use sign-in links (account invitations, email links), pending
//! OpenID Connect sign-ins, and the link between a provider's subject and a person.
//! Every secret is stored as a SHA-256 hash; none of these tables is reachable from
//! answers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn person_fk(table: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_person_id"))
        .from(table, "person_id")
        .to("person", "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        manager.alter_table(Table::alter().table("person").add_column(string_null("password_hash")).to_owned()).await?;
        manager
            .alter_table(Table::alter().table("person").add_column(big_integer_null("disabled_at")).to_owned())
            .await?;

        // Audit entries name the institution whose admins may read them.
        manager
            .alter_table(Table::alter().table("audit_log").add_column(integer_null("institution_id")).to_owned())
            .await?;

        // A signed-in browser. `expires_at` is the absolute limit; `last_seen_at` drives
        // the idle limit; `ended_at` is set by sign-out (the cookie then answers 401).
        manager
            .create_table(
                Table::create()
                    .table("staff_session")
                    .col(string("token_hash").primary_key())
                    .col(integer("person_id"))
                    .col(string("csrf_token"))
                    .col(big_integer("created_at"))
                    .col(big_integer("last_seen_at"))
                    .col(big_integer("expires_at"))
                    .col(big_integer_null("ended_at"))
                    .foreign_key(&mut person_fk("staff_session"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_staff_session_person").table("staff_session").col("person_id").to_owned(),
            )
            .await?;

        // Single-use links: `invitation` (choose a password) and `email_link` (sign in).
        manager
            .create_table(
                Table::create()
                    .table("sign_in_token")
                    .col(string("token_hash").primary_key())
                    .col(integer("person_id"))
                    .col(string("purpose"))
                    .col(big_integer("created_at"))
                    .col(big_integer("expires_at"))
                    .col(big_integer_null("used_at"))
                    .foreign_key(&mut person_fk("sign_in_token"))
                    .to_owned(),
            )
            .await?;

        // An OpenID Connect sign-in between the redirect to the provider and its return:
        // keyed by the hash of a secret held in the browser's cookie, single use.
        manager
            .create_table(
                Table::create()
                    .table("oidc_attempt")
                    .col(string("attempt_hash").primary_key())
                    .col(text("pending"))
                    .col(big_integer("created_at"))
                    .col(big_integer("expires_at"))
                    .col(big_integer_null("used_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("external_identity")
                    .col(pk_auto("id"))
                    .col(string("issuer"))
                    .col(string("subject"))
                    .col(integer("person_id"))
                    .col(big_integer("created_at"))
                    .foreign_key(&mut person_fk("external_identity"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_external_identity_issuer_subject")
                    .table("external_identity")
                    .col("issuer")
                    .col("subject")
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["external_identity", "oidc_attempt", "sign_in_token", "staff_session"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table("audit_log").drop_column("institution_id").to_owned()).await?;
        manager.alter_table(Table::alter().table("person").drop_column("disabled_at").to_owned()).await?;
        manager.alter_table(Table::alter().table("person").drop_column("password_hash").to_owned()).await
    }
}
