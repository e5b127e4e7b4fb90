//! Improvement projects: where patient-partners and professionals work together. A
//! project belongs to an institution and has members, each with a role *in the
//! project* (a person may be a patient-partner in one project and an observer in
//! another, whatever their role in the institution). The shared diagnosis, the need
//! statement, is kept as an append-only list of revisions, so that two people writing
//! at once never overwrite each other silently: a revision written over an outdated one
//! is stored as a conflict, for its author to resolve.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("project")
                    .col(pk_auto("id"))
                    .col(string("public_id").unique_key())
                    .col(integer("institution_id"))
                    .col(string("title"))
                    .col(integer("created_by"))
                    .col(big_integer("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_project_institution_id")
                            .from("project", "institution_id")
                            .to("institution", "id")
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("project_member")
                    .col(pk_auto("id"))
                    .col(integer("project_id"))
                    .col(integer("person_id"))
                    .col(string("role"))
                    .col(big_integer("joined_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_project_member_project_id")
                            .from("project_member", "project_id")
                            .to("project", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_project_member_person_id")
                            .from("project_member", "person_id")
                            .to("person", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_project_member")
                    .table("project_member")
                    .col("project_id")
                    .col("person_id")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_project_member_person").table("project_member").col("person_id").to_owned(),
            )
            .await?;
        // `based_on` is the revision its author was looking at; `conflict_with` is set
        // when another revision had been written since (then this one is not current).
        manager
            .create_table(
                Table::create()
                    .table("need_revision")
                    .col(big_pk_auto("id"))
                    .col(integer("project_id"))
                    .col(text("body"))
                    .col(integer("author_id"))
                    .col(big_integer("written_at"))
                    .col(big_integer_null("based_on"))
                    .col(big_integer_null("conflict_with"))
                    .col(big_integer_null("resolved_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_need_revision_project_id")
                            .from("need_revision", "project_id")
                            .to("project", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_need_revision_project").table("need_revision").col("project_id").to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table("need_revision").to_owned()).await?;
        manager.drop_table(Table::drop().table("project_member").to_owned()).await?;
        manager.drop_table(Table::drop().table("project").to_owned()).await
    }
}
