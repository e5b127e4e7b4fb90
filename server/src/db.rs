//! Connecting to the database with settings that never lose an acknowledged answer,
//! and checking them back at start-up.
//!
//! SQLite: WAL journal with `synchronous=FULL` (with `NORMAL`, a power loss can drop
//! the last commits, see <https://www.sqlite.org/pragma.html#pragma_synchronous>),
//! foreign keys on, a busy timeout so concurrent writers wait instead of failing.
//! PostgreSQL: `fsync`, `synchronous_commit` and `full_page_writes` must be on.

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
};
use std::time::Duration;

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    /// Connecting or querying failed.
    #[error("database error: {0}")]
    Db(#[from] DbErr),
    /// The data directory for SQLite could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A durability setting is weaker than Boucle accepts.
    #[error(
        "refusing to start: {setting} is '{value}', Boucle needs '{needed}' so that acknowledged answers survive a crash"
    )]
    WeakDurability {
        /// The setting.
        setting: &'static str,
        /// What the database reports.
        value: String,
        /// What Boucle requires.
        needed: &'static str,
    },
}

/// Connects, checks durability settings, and applies pending migrations.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, DatabaseError> {
    let sqlite_dir = sqlite_file(url).and_then(|path| {
        let dir = std::path::Path::new(&path).parent()?.to_path_buf();
        (!dir.as_os_str().is_empty()).then_some(dir)
    });
    if let Some(dir) = sqlite_dir {
        std::fs::create_dir_all(&dir)
            .map_err(|source| DatabaseError::DataDir { path: dir.display().to_string(), source })?;
    }
    let mut options = ConnectOptions::new(url.to_string());
    options
        .max_connections(16)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .create_if_missing(true)
        });
    let db = Database::connect(options).await?;
    check_durability(&db).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// The file behind a `sqlite:` URL, if it is a file (not `:memory:`).
fn sqlite_file(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.contains(":memory:")).then(|| path.to_string())
}

async fn setting(db: &DatabaseConnection, sql: &str) -> Result<String, DatabaseError> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(backend, sql.to_string()))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(sql.to_string()))?;
    // SQLite answers pragmas with integers or text depending on the pragma.
    if let Ok(value) = row.try_get_by_index::<i64>(0) {
        return Ok(value.to_string());
    }
    Ok(row.try_get_by_index::<String>(0)?)
}

/// Reads the durability settings back and refuses weak ones.
pub async fn check_durability(db: &DatabaseConnection) -> Result<(), DatabaseError> {
    match db.get_database_backend() {
        DatabaseBackend::Sqlite => {
            let journal = setting(db, "PRAGMA journal_mode").await?;
            // An in-memory database (tests only) cannot use WAL; it has nothing to lose.
            if journal != "memory" {
                if journal.to_lowercase() != "wal" {
                    return Err(DatabaseError::WeakDurability {
                        setting: "journal_mode",
                        value: journal,
                        needed: "wal",
                    });
                }
                // 2 = FULL, 3 = EXTRA.
                let sync = setting(db, "PRAGMA synchronous").await?;
                if sync.parse::<i64>().unwrap_or(0) < 2 {
                    return Err(DatabaseError::WeakDurability { setting: "synchronous", value: sync, needed: "FULL" });
                }
            }
        }
        DatabaseBackend::Postgres => {
            for (name, needed) in [("fsync", "on"), ("full_page_writes", "on")] {
                let value = setting(db, &format!("SHOW {name}")).await?;
                if value != needed {
                    return Err(DatabaseError::WeakDurability { setting: name, value, needed });
                }
            }
            let commit = setting(db, "SHOW synchronous_commit").await?;
            if !matches!(commit.as_str(), "on" | "remote_write" | "remote_apply" | "local") {
                return Err(DatabaseError::WeakDurability {
                    setting: "synchronous_commit",
                    value: commit,
                    needed: "on",
                });
            }
        }
        _ => {}
    }
    Ok(())
}

/// Advisory lock keys of [`begin_serialised`], one per kind of read-then-write.
pub mod locks {
    /// Appending to the audit log's hash chain.
    pub const AUDIT: i64 = 727_368;
    /// Counting and recording failed sign-ins.
    pub const SIGN_IN_FAILURES: i64 = 727_369;
    /// Memberships and accounts (the last admin of an institution stays).
    pub const PEOPLE: i64 = 727_370;
    /// Projects: members (a project keeps a lead) and need-statement revisions.
    pub const PROJECTS: i64 = 727_371;
}

/// A transaction for a read-then-write that must not interleave with another of the
/// same kind: on SQLite it takes the write lock up front (`BEGIN IMMEDIATE`; a deferred
/// transaction would fail with SQLITE_BUSY when it upgrades), on PostgreSQL it also
/// takes the transaction-scoped advisory lock `lock` (see [`locks`]), which serialises
/// several Boucle processes too.
pub async fn begin_serialised(db: &DatabaseConnection, lock: i64) -> Result<DatabaseTransaction, DbErr> {
    let options = TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    let txn = db.begin_with_options(options).await?;
    if txn.get_database_backend() == DatabaseBackend::Postgres {
        txn.execute_raw(Statement::from_string(
            DatabaseBackend::Postgres,
            format!("SELECT pg_advisory_xact_lock({lock})"),
        ))
        .await?;
    }
    Ok(txn)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn sqlite_file_is_found_in_urls() {
        assert_eq!(sqlite_file("sqlite://./data/boucle.db?mode=rwc").as_deref(), Some("./data/boucle.db"));
        assert_eq!(sqlite_file("sqlite:/tmp/x.db").as_deref(), Some("/tmp/x.db"));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/boucle"), None);
    }
}
