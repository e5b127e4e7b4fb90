//! Failed password sign-ins per account. After [`LIMIT`] failures for one email address
//! within [`WINDOW_MS`], every password attempt for that address is refused, the right
//! password included, until the oldest of those failures leaves the window. The limit
//! applies to addresses that belong to nobody exactly as to real accounts, so the
//! refusal says nothing about whether an account exists.
//!
//! Each attempt first *reserves* its place (a row, written before the password is
//! checked, in a transaction that serialises reservations), so that many attempts sent
//! at once still get [`LIMIT`] guesses, not one per request in flight. A failed attempt
//! keeps its row; a successful one deletes it with the failures before it.

use crate::db::{begin_serialised, locks};
use crate::entities::sign_in_failure;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

/// Failed attempts allowed per account within the window.
pub const LIMIT: usize = 5;
/// The window (15 minutes).
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

/// What an attempt may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reservation {
    /// Check the password; `position` is this attempt's rank among the failures in the
    /// window (the [`LIMIT`]-th one locks the account if it fails).
    Granted {
        /// The reserved row, counted as a failure unless [`forgive`]n.
        id: i64,
        /// 1 for the first attempt in the window.
        position: usize,
    },
    /// Refused without checking the password, until `until` (ms since the epoch).
    Locked {
        /// When the next attempt will be checked again.
        until: i64,
    },
}

/// Reserves an attempt for `account` at `now`, or says until when it is locked.
pub async fn reserve(db: &DatabaseConnection, account: &str, now: i64) -> Result<Reservation, DbErr> {
    let txn = begin_serialised(db, locks::SIGN_IN_FAILURES).await?;
    let window_start = now - WINDOW_MS;
    // Old failures of every account go as new attempts come: the table holds one window.
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::FailedAt.lte(window_start))
        .exec(&txn)
        .await?;
    let recent: Vec<i64> = sign_in_failure::Entity::find()
        .select_only()
        .column(sign_in_failure::Column::FailedAt)
        .filter(sign_in_failure::Column::AccountKey.eq(account))
        .filter(sign_in_failure::Column::FailedAt.gt(window_start))
        .order_by_desc(sign_in_failure::Column::FailedAt)
        .limit(LIMIT as u64)
        .into_tuple()
        .all(&txn)
        .await?;
    if recent.len() >= LIMIT {
        txn.commit().await?;
        // The lock lifts when fewer than LIMIT failures remain in the window: when the
        // oldest of the LIMIT most recent ones leaves it.
        let oldest_counted = recent.iter().copied().min().unwrap_or(now);
        return Ok(Reservation::Locked { until: oldest_counted + WINDOW_MS });
    }
    let row = sign_in_failure::ActiveModel {
        account_key: Set(account.to_string()),
        failed_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Reservation::Granted { id: row.id, position: recent.len() + 1 })
}

/// After a successful sign-in: the reservation and the failures before it are forgotten.
pub async fn forgive(db: &DatabaseConnection, account: &str, reservation: i64) -> Result<(), DbErr> {
    sign_in_failure::Entity::delete_many()
        .filter(sign_in_failure::Column::AccountKey.eq(account))
        .filter(sign_in_failure::Column::Id.lte(reservation))
        .exec(db)
        .await?;
    Ok(())
}
