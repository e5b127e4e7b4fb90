//! Failed password sign-ins per account, so that guessing one person's password is
//! slow whatever addresses the guesses come from. An attempted account is named by a
//! keyed hash of the email address typed (the server key's), never by the address
//! itself: the same row for an account that exists and for one that does not, and
//! nothing readable if someone typed a password in the email box. Rows older than the
//! window are deleted as new ones come.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("sign_in_failure")
                    .col(big_pk_auto("id"))
                    .col(string("account_key"))
                    .col(big_integer("failed_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_failure_account")
                    .table("sign_in_failure")
                    .col("account_key")
                    .col("failed_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sign_in_failure_failed_at")
                    .table("sign_in_failure")
                    .col("failed_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("sign_in_failure").to_owned()).await
    }
}
