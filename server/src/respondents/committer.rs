//! Group commit for complete submissions. Every acknowledged answer must be on disk
//! (SQLite `synchronous=FULL`, PostgreSQL `synchronous_commit=on`), so each commit
//! waits for a flush; committing submissions one by one caps a server at one flush per
//! submission. One task writes instead: it takes every submission waiting, writes
//! them in one transaction, flushes once, then answers each sender. Nobody is answered
//! before the commit that holds their row.

use crate::entities::{consent, response, response_access, response_text};
use sea_orm::{ActiveModelTrait, DatabaseConnection, DbErr, EntityTrait, Set, TransactionTrait, TryInsertResult};
use tokio::sync::{mpsc, oneshot};

/// The most submissions written in one transaction.
const MAX_BATCH: usize = 256;

/// A complete, checked submission ready to be written.
#[derive(Debug, Clone)]
pub struct NewResponse {
    /// Campaign row id.
    pub campaign_id: i32,
    /// Questionnaire version row id.
    pub version_id: i32,
    /// The client's idempotency key.
    pub idempotency_key: String,
    /// Language answered in.
    pub language: String,
    /// Consent text version agreed to.
    pub consent_version: String,
    /// Compact codes (`survey_defs::AnswerLayout`).
    pub codes: Vec<u8>,
    /// Free texts by item id.
    pub texts: Vec<(String, String)>,
    /// Hash of the return-link secret.
    pub return_hash: String,
    /// Submission time, ms since the epoch.
    pub now: i64,
}

/// What happened to one submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Committed {
    /// Written and flushed.
    Created,
    /// A response with this idempotency key already exists; nothing was written.
    KeyTaken,
}

type Job = (NewResponse, oneshot::Sender<Result<Committed, DbErr>>);

/// The handle submitters use; cheap to clone.
#[derive(Clone, Debug)]
pub struct Committer {
    jobs: mpsc::Sender<Job>,
}

impl Committer {
    /// Starts the writing task on the current Tokio runtime.
    pub fn start(db: DatabaseConnection) -> Committer {
        let (jobs, mut queue) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(async move {
            while let Some(first) = queue.recv().await {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let rows: Vec<&NewResponse> = batch.iter().map(|(row, _)| row).collect();
                match write(&db, &rows).await {
                    Ok(outcomes) => {
                        for ((_, reply), outcome) in batch.into_iter().zip(outcomes) {
                            let _ = reply.send(Ok(outcome));
                        }
                    }
                    // The batch was rolled back: write each alone, so one failure is
                    // reported to its own sender only.
                    Err(_) => {
                        for (row, reply) in batch {
                            let outcome = write(&db, &[&row]).await.map(|mut o| o.pop().unwrap_or(Committed::KeyTaken));
                            let _ = reply.send(outcome);
                        }
                    }
                }
            }
        });
        Committer { jobs }
    }

    /// Writes one submission; returns once it is committed (or refused).
    pub async fn commit(&self, row: NewResponse) -> Result<Committed, DbErr> {
        let (reply, answer) = oneshot::channel();
        self.jobs.send((row, reply)).await.map_err(|_| DbErr::Custom("the submission writer has stopped".into()))?;
        answer.await.map_err(|_| DbErr::Custom("the submission writer has stopped".into()))?
    }
}

async fn write(db: &DatabaseConnection, rows: &[&NewResponse]) -> Result<Vec<Committed>, DbErr> {
    let txn = db.begin().await?;
    let mut outcomes = Vec::with_capacity(rows.len());
    for row in rows {
        let inserted = response::Entity::insert(response::ActiveModel {
            campaign_id: Set(row.campaign_id),
            questionnaire_version_id: Set(row.version_id),
            idempotency_key: Set(row.idempotency_key.clone()),
            status: Set(response::SUBMITTED.to_string()),
            language: Set(row.language.clone()),
            codes: Set(row.codes.clone()),
            started_at: Set(row.now),
            updated_at: Set(row.now),
            submitted_at: Set(Some(row.now)),
            ..Default::default()
        })
        .on_conflict_do_nothing_on([response::Column::IdempotencyKey])
        .exec(&txn)
        .await?;
        let response_id = match inserted {
            TryInsertResult::Inserted(result) => result.last_insert_id,
            TryInsertResult::Conflicted | TryInsertResult::Empty => {
                outcomes.push(Committed::KeyTaken);
                continue;
            }
        };
        for (item_id, text) in &row.texts {
            response_text::ActiveModel {
                response_id: Set(response_id),
                item_id: Set(item_id.clone()),
                text: Set(text.clone()),
            }
            .insert(&txn)
            .await?;
        }
        consent::ActiveModel {
            campaign_id: Set(row.campaign_id),
            response_id: Set(Some(response_id)),
            text_version: Set(row.consent_version.clone()),
            language: Set(row.language.clone()),
            given_at: Set(row.now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        response_access::ActiveModel {
            token_hash: Set(row.return_hash.clone()),
            response_id: Set(response_id),
            kind: Set(response_access::RETURN.to_string()),
            created_at: Set(row.now),
            expires_at: Set(None),
        }
        .insert(&txn)
        .await?;
        outcomes.push(Committed::Created);
    }
    txn.commit().await?;
    Ok(outcomes)
}
