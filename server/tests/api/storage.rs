//! Storage guarantees: durability settings, idempotent seeding, the audit chain.

use crate::harness::TestApp;
use sea_orm::{ConnectionTrait, DatabaseBackend, EntityTrait, PaginatorTrait, Statement};
use server::entities::{audit_log, questionnaire_version};

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_full_sync() {
    let app = TestApp::spawn().await;
    if app.db.get_database_backend() != DatabaseBackend::Sqlite {
        return; // PostgreSQL's settings are checked by `check_durability` at start-up.
    }
    let journal = app
        .db
        .query_one_raw(Statement::from_string(DatabaseBackend::Sqlite, "PRAGMA journal_mode"))
        .await
        .expect("query")
        .expect("row");
    assert_eq!(journal.try_get_by_index::<String>(0).expect("text"), "wal");
    let sync = app
        .db
        .query_one_raw(Statement::from_string(DatabaseBackend::Sqlite, "PRAGMA synchronous"))
        .await
        .expect("query")
        .expect("row");
    assert_eq!(sync.try_get_by_index::<i64>(0).expect("int"), 2, "FULL");
    server::db::check_durability(&app.db).await.expect("durability accepted");
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let app = TestApp::spawn().await;
    let before = questionnaire_version::Entity::find().count(&app.db).await.expect("count");
    server::seed::seed_demo(&app.db).await.expect("second seed");
    let after = questionnaire_version::Entity::find().count(&app.db).await.expect("count");
    assert_eq!(before, 3);
    assert_eq!(after, before);
}

#[tokio::test]
async fn the_audit_chain_verifies_and_detects_tampering() {
    let app = TestApp::spawn().await;
    let entries = audit_log::Entity::find().count(&app.db).await.expect("count");
    assert_eq!(entries, 3, "one publication per built-in questionnaire");
    assert_eq!(server::audit::verify_chain(&app.db).await.expect("verify"), None);
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_string(backend, "UPDATE audit_log SET detail = 'forged' WHERE id = 2"))
        .await
        .expect("tamper");
    let broken = server::audit::verify_chain(&app.db).await.expect("verify").expect("broken");
    assert_eq!(broken.id, 2);
}

#[tokio::test]
async fn migrations_can_be_rolled_back_and_reapplied() {
    use migrations::{Migrator, MigratorTrait};
    let app = TestApp::spawn().await;
    Migrator::down(&app.db, None).await.expect("down");
    Migrator::up(&app.db, None).await.expect("up again");
}
