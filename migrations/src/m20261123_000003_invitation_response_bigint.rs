//! `invitation.response_id` must hold a `response.id`, which is a BIGINT. SQLite's
//! INTEGER is already 64-bit (and cannot change a column's type), so only PostgreSQL
//! needs the change.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .alter_table(
                Table::alter()
                    .table("invitation")
                    .modify_column(ColumnDef::new("response_id").big_integer().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        manager
            .alter_table(
                Table::alter()
                    .table("invitation")
                    .modify_column(ColumnDef::new("response_id").integer().null())
                    .to_owned(),
            )
            .await
    }
}
