//! Mail: an outbox, and the addresses respondents leave to hear when results come back.
//!
//! `mail_outbox` holds a message from the moment it is decided (in the same transaction
//! as what caused it) until the SMTP server accepts it; the sender then deletes the row,
//! so no recipient address nor link outlives delivery. A message that keeps failing is
//! given up after its last attempt: its body (which holds a link) is blanked and the
//! row kept, with the last error, for the administrators to see.
//!
//! `return_contact` holds an address a respondent typed on their receipt to be told when
//! the campaign's results and decisions are published. It is apart from answers: it
//! names the campaign, and finds its owner only through a keyed hash of their private
//! return link, so nobody holding the database alone can join an address to a response.
//! The respondent deletes it from their return page; withdrawal deletes it too.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("mail_outbox")
                    .col(big_pk_auto("id"))
                    .col(string("recipient"))
                    .col(string("subject"))
                    .col(text("body"))
                    .col(string("purpose"))
                    .col(big_integer("created_at"))
                    .col(integer("attempts").default(0))
                    .col(big_integer("next_attempt_at"))
                    .col(text_null("last_error"))
                    .col(big_integer_null("gave_up_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mail_outbox_due")
                    .table("mail_outbox")
                    .col("gave_up_at")
                    .col("next_attempt_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("return_contact")
                    .col(big_pk_auto("id"))
                    .col(integer("campaign_id"))
                    .col(string("access_hash").unique_key())
                    .col(string("email"))
                    .col(string("lang"))
                    .col(big_integer("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_return_contact_campaign_id")
                            .from("return_contact", "campaign_id")
                            .to("campaign", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_return_contact_campaign")
                    .table("return_contact")
                    .col("campaign_id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("return_contact").to_owned()).await?;
        manager.drop_table(Table::drop().table("mail_outbox").to_owned()).await
    }
}
