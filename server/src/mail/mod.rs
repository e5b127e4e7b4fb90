//! Mail: sign-in links, account invitations and respondents' return links.
//!
//! A message is first written to the `mail_outbox` table, in the same transaction as
//! what caused it ([`enqueue`]), so a crash can delay a message but not lose one. The
//! [`Postman`] then delivers what is due, over SMTP or into a folder of `.eml` files
//! (the default on a machine without a mail server), deletes each row once the server
//! has accepted it, and retries transient failures with growing delays. Delivery is
//! at least once: a crash between the server's acceptance and the row's deletion sends
//! that message again after restart.
//!
//! Texts come from `app/locales` ([`messages`]); this module only carries them.

pub mod messages;

use crate::clock::now_millis;
use crate::entities::mail_outbox;
use crate::throttle::Quota;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox};
use lettre::{Address, AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Longest address accepted (RFC 5321's limit on a forward path).
pub const MAX_ADDRESS_LEN: usize = 254;

/// Attempts before a message is given up.
pub const MAX_ATTEMPTS: i32 = 8;

/// Messages handled per pass; the rest wait for the next one.
const BATCH: u64 = 20;

/// How long a message is reserved by the postman sending it, so that another server
/// process sharing the database does not send it too.
const LEASE_MS: i64 = 5 * 60_000;

/// How often the outbox is looked at when nobody rings.
const IDLE_PASS: Duration = Duration::from_secs(30);

/// How often messages may be asked for, so that nobody can use Boucle to flood an
/// inbox: per asking address, per recipient, and per link sent.
#[derive(Debug)]
pub struct MailQuotas {
    per_peer: Quota,
    per_recipient: Quota,
    per_link: Quota,
}

impl Default for MailQuotas {
    fn default() -> Self {
        MailQuotas {
            // Generous: a waiting room on the hospital's wifi shares one address.
            per_peer: Quota::new(60, Duration::from_secs(3600)),
            per_recipient: Quota::new(3, Duration::from_secs(3600)),
            per_link: Quota::new(3, Duration::from_secs(24 * 3600)),
        }
    }
}

impl MailQuotas {
    /// Takes one message for `peer` to `recipient`, about `link` (a hash naming what is
    /// sent); `false` once any of the three is spent.
    pub fn allow(&self, peer: IpAddr, recipient: &Address, link: Option<&str>) -> bool {
        let recipient = recipient.to_string().to_lowercase();
        self.per_peer.try_take(&peer.to_string())
            && self.per_recipient.try_take(&recipient)
            && link.is_none_or(|link| self.per_link.try_take(link))
    }
}

/// Why an address or the mail settings are refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MailError {
    /// The text typed is not an email address.
    #[error("not an email address: it needs a name, an @ and a domain, e.g. nom@exemple.fr")]
    InvalidAddress,
    /// The sender address in the settings is unusable.
    #[error("BOUCLE_MAIL_FROM is not a mailbox such as `Boucle <boucle@example.org>`: {0}")]
    InvalidSender(String),
    /// The SMTP URL in the settings is unusable.
    #[error("BOUCLE_SMTP_URL is not usable (smtp://user:password@host:587?tls=required): {0}")]
    InvalidSmtpUrl(String),
}

/// An email address typed by someone: trimmed, at most [`MAX_ADDRESS_LEN`] characters,
/// with a local part, an `@` and a domain (lettre's parser, which follows RFC 5321).
pub fn parse_address(text: &str) -> Result<Address, MailError> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_ADDRESS_LEN || text.chars().any(char::is_control) {
        return Err(MailError::InvalidAddress);
    }
    let address: Address = text.parse().map_err(|_| MailError::InvalidAddress)?;
    // A bare host (`nom@localhost`) is valid SMTP but never what a person means.
    if !address.domain().contains('.') {
        return Err(MailError::InvalidAddress);
    }
    Ok(address)
}

/// A message to send: already worded, in the recipient's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    /// The recipient.
    pub to: Address,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// What it is for, kept in the outbox: `sign_in_link`, `return_link`, `account_invitation`.
    pub purpose: &'static str,
}

/// Writes `mail` to the outbox on `db` (a transaction, usually, with what caused it).
/// Ring the [`Postman`] after the commit for it to go at once.
pub async fn enqueue(db: &impl ConnectionTrait, mail: Mail) -> Result<(), DbErr> {
    let now = now_millis();
    mail_outbox::ActiveModel {
        recipient: Set(mail.to.to_string()),
        subject: Set(mail.subject),
        body: Set(mail.body),
        purpose: Set(mail.purpose.to_string()),
        created_at: Set(now),
        attempts: Set(0),
        next_attempt_at: Set(now),
        last_error: Set(None),
        gave_up_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    /// An SMTP server (`BOUCLE_SMTP_URL`).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// A folder of `.eml` files, when no SMTP server is configured.
    Folder(PathBuf, AsyncFileTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // The URL may hold a password: never printed.
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::Folder(path, _) => write!(f, "Transport::Folder({})", path.display()),
        }
    }
}

/// How a delivery attempt failed.
#[derive(Debug)]
enum Failure {
    /// Worth another try later (network, 4xx).
    Transient(String),
    /// The server refused it for good (5xx), or the message cannot be built.
    Permanent(String),
}

impl Transport {
    /// SMTP from a URL such as `smtp://user:password@host:587?tls=required` or
    /// `smtps://host:465`, with a 30-second timeout.
    pub fn smtp(url: &str) -> Result<Transport, MailError> {
        let builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            // lettre's message may echo the URL; keep only what kind of fault it is.
            .map_err(|err| {
                MailError::InvalidSmtpUrl(if err.is_client() { "bad URL".into() } else { err.to_string() })
            })?;
        Ok(Transport::Smtp(builder.timeout(Some(Duration::from_secs(30))).build()))
    }

    /// `.eml` files in `dir`, created if missing.
    pub fn folder(dir: PathBuf) -> std::io::Result<Transport> {
        std::fs::create_dir_all(&dir)?;
        let transport = AsyncFileTransport::<Tokio1Executor>::new(&dir);
        Ok(Transport::Folder(dir, transport))
    }

    async fn send(&self, message: Message) -> Result<(), Failure> {
        match self {
            Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|err| {
                if err.is_permanent() {
                    Failure::Permanent(err.to_string())
                } else {
                    Failure::Transient(err.to_string())
                }
            }),
            Transport::Folder(_, folder) => {
                folder.send(message).await.map(|_| ()).map_err(|err| Failure::Transient(err.to_string()))
            }
        }
    }
}

/// Delivers the outbox.
#[derive(Clone, Debug)]
pub struct Postman {
    db: DatabaseConnection,
    transport: Transport,
    from: Mailbox,
    bell: Arc<Notify>,
}

/// The delay before attempt `attempts + 1`: 1, 2, 4 … minutes, at most an hour.
pub fn retry_delay_ms(attempts: i32) -> i64 {
    let minutes = 1_i64 << attempts.clamp(0, 6);
    minutes.min(60) * 60_000
}

impl Postman {
    /// A postman sending as `from` (`Boucle <boucle@example.org>`).
    pub fn new(db: DatabaseConnection, transport: Transport, from: &str) -> Result<Postman, MailError> {
        let from: Mailbox =
            from.parse().map_err(|err: lettre::address::AddressError| MailError::InvalidSender(err.to_string()))?;
        Ok(Postman { db, transport, from, bell: Arc::new(Notify::new()) })
    }

    /// Where messages go.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// Asks for a pass now (after committing an [`enqueue`]).
    pub fn ring(&self) {
        self.bell.notify_one();
    }

    fn message(&self, row: &mail_outbox::Model) -> Result<Message, String> {
        let to: Mailbox = row.recipient.parse().map_err(|e: lettre::address::AddressError| e.to_string())?;
        let body = Body::new_with_encoding(row.body.clone(), ContentTransferEncoding::QuotedPrintable)
            .map_err(|_| "the body cannot be encoded".to_string())?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())
    }

    /// One pass: sends what is due; returns how many messages the server accepted.
    pub async fn deliver_due(&self) -> Result<usize, DbErr> {
        let now = now_millis();
        let due = mail_outbox::Entity::find()
            .filter(mail_outbox::Column::GaveUpAt.is_null())
            .filter(mail_outbox::Column::NextAttemptAt.lte(now))
            .order_by_asc(mail_outbox::Column::Id)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        let mut delivered = 0;
        for row in due {
            // Reserve the row; another process that reserved it first wins.
            let reserved = mail_outbox::Entity::update_many()
                .col_expr(mail_outbox::Column::NextAttemptAt, Expr::value(now + LEASE_MS))
                .filter(mail_outbox::Column::Id.eq(row.id))
                .filter(mail_outbox::Column::NextAttemptAt.eq(row.next_attempt_at))
                .exec(&self.db)
                .await?;
            if reserved.rows_affected != 1 {
                continue;
            }
            let outcome = match self.message(&row) {
                Ok(message) => self.transport.send(message).await,
                Err(reason) => Err(Failure::Permanent(reason)),
            };
            match outcome {
                Ok(()) => {
                    mail_outbox::Entity::delete_by_id(row.id).exec(&self.db).await?;
                    tracing::info!(target: "mail", purpose = %row.purpose, id = row.id, "mail delivered");
                    delivered += 1;
                }
                Err(failure) => self.failed(row, failure).await?,
            }
        }
        Ok(delivered)
    }

    async fn failed(&self, row: mail_outbox::Model, failure: Failure) -> Result<(), DbErr> {
        let now = now_millis();
        let attempts = row.attempts + 1;
        let (reason, give_up) = match failure {
            Failure::Permanent(reason) => (reason, true),
            Failure::Transient(reason) => (reason, attempts >= MAX_ATTEMPTS),
        };
        tracing::warn!(target: "mail", purpose = %row.purpose, id = row.id, attempts, give_up, %reason, "mail not delivered");
        let mut update = mail_outbox::ActiveModel {
            id: Set(row.id),
            attempts: Set(attempts),
            last_error: Set(Some(reason.chars().take(500).collect())),
            next_attempt_at: Set(now + retry_delay_ms(attempts - 1)),
            ..Default::default()
        };
        if give_up {
            // The body holds a link: not kept once nobody will send it.
            update.body = Set(String::new());
            update.gave_up_at = Set(Some(now));
        }
        update.update(&self.db).await?;
        Ok(())
    }

    /// Delivers until `stop` completes: a pass when rung, and every 30 seconds anyway
    /// (retries, and messages written by another process).
    pub async fn run(self, stop: impl std::future::Future<Output = ()>) {
        tokio::pin!(stop);
        loop {
            if let Err(err) = self.deliver_due().await {
                tracing::warn!(target: "mail", error = %err, "the outbox could not be read");
            }
            tokio::select! {
                () = self.bell.notified() => {}
                () = tokio::time::sleep(IDLE_PASS) => {}
                () = &mut stop => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_people_type_are_checked() {
        assert!(parse_address(" marie.dupont@exemple.fr ").is_ok());
        assert!(parse_address("jean+boucle@chu-lille.fr").is_ok());
        for bad in [
            "",
            "marie",
            "marie@",
            "@exemple.fr",
            "marie@localhost",
            "a b@exemple.fr",
            "marie@exemple.fr\r\nBcc: x@y.fr",
        ] {
            assert_eq!(parse_address(bad), Err(MailError::InvalidAddress), "{bad:?}");
        }
        let long = format!("{}@exemple.fr", "a".repeat(250));
        assert_eq!(parse_address(&long), Err(MailError::InvalidAddress));
    }

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(retry_delay_ms(0), 60_000);
        assert_eq!(retry_delay_ms(1), 120_000);
        assert_eq!(retry_delay_ms(5), 32 * 60_000);
        assert_eq!(retry_delay_ms(6), 60 * 60_000);
        assert_eq!(retry_delay_ms(40), 60 * 60_000);
    }

    #[test]
    fn a_bad_sender_or_smtp_url_is_named() {
        assert!(matches!(Transport::smtp("ftp://x"), Err(MailError::InvalidSmtpUrl(_))));
        assert!(Transport::smtp("smtp://127.0.0.1:2525").is_ok());
    }
}
