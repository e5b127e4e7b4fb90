//! Sign-in by a link sent by email, for people who would rather not keep a password
//! (often patient-partners). The link works once, for [`EMAIL_LINK_LIFETIME_MS`]; its
//! page asks for a click before signing in, so that a mail scanner opening the link
//! does not use it up. Whether an address has an account is never revealed.

use super::{IdentityError, IdentityService, OpenedSession, normalise_email};
use crate::entities::{person, sign_in_token};
use crate::mail::{self, messages};
use crate::respondents::secrets::{hash_secret, random_secret};
use app::i18n::Lang;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

/// How long an emailed sign-in link works.
pub const EMAIL_LINK_LIFETIME_MS: i64 = 15 * 60 * 1000;

impl IdentityService {
    /// Writes a sign-in link for the enabled account with this address to the outbox
    /// (`public_url` starts the link); `false`, and nothing sent, when there is none.
    pub async fn send_sign_in_link(
        &self,
        email: &str,
        lang: Lang,
        public_url: &str,
        now: i64,
    ) -> Result<bool, IdentityError> {
        let email = normalise_email(email);
        let Some(person) = person::Entity::find().filter(person::Column::Email.eq(&email)).one(&self.db).await? else {
            tracing::info!(target: "security", event = "sign_in_link_unknown_address");
            return Ok(false);
        };
        let Ok(address) = mail::parse_address(&email) else { return Ok(false) };
        if person.disabled_at.is_some() {
            tracing::info!(target: "security", event = "sign_in_link_disabled_account", person = person.id);
            return Ok(false);
        }
        let secret = random_secret();
        let link = format!("{public_url}/connexion/lien/{secret}");
        let minutes = EMAIL_LINK_LIFETIME_MS / 60_000;
        let message = messages::sign_in_link(address, lang, &person.display_name, &link, minutes);
        let txn = self.db.begin().await?;
        sign_in_token::ActiveModel {
            token_hash: Set(hash_secret(&secret)),
            person_id: Set(person.id),
            purpose: Set(sign_in_token::EMAIL_LINK.to_string()),
            created_at: Set(now),
            expires_at: Set(now + EMAIL_LINK_LIFETIME_MS),
            used_at: Set(None),
        }
        .insert(&txn)
        .await?;
        mail::enqueue(&txn, message).await?;
        txn.commit().await?;
        let institution = self.first_institution(person.id).await?;
        self.audit(
            format!("person:{}", person.id),
            "account.sign_in_link_sent",
            format!("person:{}", person.id),
            institution,
        )
        .await?;
        Ok(true)
    }

    /// Who an unused, unexpired sign-in link is for, if their account is enabled
    /// (without using it).
    pub async fn sign_in_link_holder(&self, secret: &str, now: i64) -> Result<Option<person::Model>, sea_orm::DbErr> {
        Ok(self
            .token_holder(secret, sign_in_token::EMAIL_LINK, now)
            .await?
            .filter(|person| person.disabled_at.is_none()))
    }

    /// Uses a sign-in link and opens a session. It works once, even when two browsers
    /// race for it.
    pub async fn sign_in_with_link(&self, secret: &str, now: i64) -> Result<OpenedSession, IdentityError> {
        let holder = self.sign_in_link_holder(secret, now).await?.ok_or(IdentityError::InvalidLink)?;
        let used = sign_in_token::Entity::update_many()
            .col_expr(sign_in_token::Column::UsedAt, Expr::value(now))
            .filter(sign_in_token::Column::TokenHash.eq(hash_secret(secret)))
            .filter(sign_in_token::Column::UsedAt.is_null())
            .exec(&self.db)
            .await?;
        if used.rows_affected != 1 {
            return Err(IdentityError::InvalidLink);
        }
        self.open_session(holder.id, "email_link", now).await
    }
}
