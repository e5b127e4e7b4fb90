//! The append-only audit log. Each entry's hash covers its content and the previous
//! entry's hash, so any edit or deletion breaks the chain ([`verify_chain`]).

use crate::clock::now_millis;
use crate::db::{begin_serialised, locks};
use crate::entities::audit_log;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder, Set};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

/// The hash that precedes the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Serialises appends within this process (SQLite has one writer anyway); PostgreSQL
/// deployments with several processes also take a transaction-scoped advisory lock.
static APPEND: Mutex<()> = Mutex::const_new(());

/// What happened, by whom, to what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEvent {
    /// Who did it: `person:12`, `respondent`, `system:seed`.
    pub actor: String,
    /// A stable key: `questionnaire.published`, `consent.withdrawn`.
    pub action: String,
    /// What it was done to: `questionnaire:phq-9@1.0.0`.
    pub subject: String,
    /// Free detail, never answers nor secrets.
    pub detail: String,
    /// The institution the subject belongs to (whose admins may read the entry);
    /// `None` for platform events such as the built-in library.
    pub institution: Option<i32>,
}

fn entry_hash(prev_hash: &str, occurred_at: i64, event: &AuditEvent) -> String {
    let mut hasher = Sha256::new();
    // Length-prefixed fields: no separator inside a field can forge another split.
    // The institution is covered when present; entries from before it existed keep their hash.
    let institution = event.institution.map(|id| format!("institution:{id}"));
    let fields = [prev_hash, &occurred_at.to_string(), &event.actor, &event.action, &event.subject, &event.detail];
    for field in fields.into_iter().chain(institution.as_deref()) {
        hasher.update((field.len() as u64).to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// Appends one event to the chain.
pub async fn append(db: &DatabaseConnection, event: AuditEvent) -> Result<(), DbErr> {
    let _guard = APPEND.lock().await;
    // The last entry is read, then the next one written: on SQLite the transaction takes
    // the write lock up front (IMMEDIATE), or a write committed in between by another
    // service makes the upgrade fail at once with SQLITE_BUSY instead of waiting.
    let txn = begin_serialised(db, locks::AUDIT).await?;
    let last = audit_log::Entity::find().order_by_desc(audit_log::Column::Id).one(&txn).await?;
    let prev_hash = last.map(|entry| entry.hash).unwrap_or_else(|| GENESIS.to_string());
    let occurred_at = now_millis();
    let hash = entry_hash(&prev_hash, occurred_at, &event);
    audit_log::ActiveModel {
        occurred_at: Set(occurred_at),
        actor: Set(event.actor),
        action: Set(event.action),
        subject: Set(event.subject),
        detail: Set(event.detail),
        institution_id: Set(event.institution),
        prev_hash: Set(prev_hash),
        hash: Set(hash),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await
}

/// The first entry whose hash or link does not match, if any.
#[derive(Debug, PartialEq, Eq)]
pub struct BrokenEntry {
    /// Its id.
    pub id: i64,
    /// What is wrong.
    pub reason: &'static str,
}

/// Walks the whole chain; `Ok(None)` when intact.
pub async fn verify_chain<C: ConnectionTrait>(db: &C) -> Result<Option<BrokenEntry>, DbErr> {
    let entries = audit_log::Entity::find().order_by_asc(audit_log::Column::Id).all(db).await?;
    let mut prev = GENESIS.to_string();
    for entry in entries {
        if entry.prev_hash != prev {
            return Ok(Some(BrokenEntry { id: entry.id, reason: "link to the previous entry does not match" }));
        }
        let event = AuditEvent {
            actor: entry.actor.clone(),
            action: entry.action.clone(),
            subject: entry.subject.clone(),
            detail: entry.detail.clone(),
            institution: entry.institution_id,
        };
        if entry_hash(&entry.prev_hash, entry.occurred_at, &event) != entry.hash {
            return Ok(Some(BrokenEntry { id: entry.id, reason: "content does not match its hash" }));
        }
        prev = entry.hash;
    }
    Ok(None)
}
