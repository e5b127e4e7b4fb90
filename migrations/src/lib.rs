//! Boucle's database schema, as `sea-orm-migration` steps.
//!
//! Each step is one dated file with `up` and `down`, written once with sea-query's
//! backend-neutral builders so SQLite (the embedded default) and PostgreSQL (production)
//! get the same schema. The server runs [`Migrator`] at start-up; tests build their
//! databases from these migrations, never from entities.
//!
//! Conventions:
//! - Times are `BIGINT` milliseconds since the Unix epoch, UTC (`*_at` columns): exact,
//!   comparable and identical on both backends.
//! - Identity (people, contacts, invitations) lives in tables that answers never point
//!   to: a `response` row carries no person, so answers can be analysed without any
//!   way to join back to who gave them.
//! - Answers to closed items are stored as a compact little-endian `i32` blob per
//!   response (see `survey_defs::AnswerLayout`), so loading a campaign is a scan, not a
//!   JSON parse per item. Free texts sit in `response_text`.
//!
//! This crate must never hold data fixes or seed data: seeding lives in the server.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_initial;
mod m20261123_000002_respondents;
mod m20261123_000003_invitation_response_bigint;
mod m20261123_000004_staff_identity;
mod m20261123_000005_sign_in_failures;
mod m20261123_000006_mail;
mod m20261123_000007_projects;
mod m20261124_000008_suggestions;
mod m20261124_000009_co_design;
mod m20261124_000010_action_plans;
mod m20261124_000011_plan_views;

/// Every migration step, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_initial::Migration),
            Box::new(m20261123_000002_respondents::Migration),
            Box::new(m20261123_000003_invitation_response_bigint::Migration),
            Box::new(m20261123_000004_staff_identity::Migration),
            Box::new(m20261123_000005_sign_in_failures::Migration),
            Box::new(m20261123_000006_mail::Migration),
            Box::new(m20261123_000007_projects::Migration),
            Box::new(m20261124_000008_suggestions::Migration),
            Box::new(m20261124_000009_co_design::Migration),
            Box::new(m20261124_000010_action_plans::Migration),
            Box::new(m20261124_000011_plan_views::Migration),
        ]
    }
}
