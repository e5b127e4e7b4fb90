//! The return link by email, and the address a respondent may leave to hear when
//! results come back: kept apart from answers (`return_contact`), found only through a
//! keyed hash of the return secret, deleted on request or with the response.

use super::{RespondentError, RespondentService};
use crate::audit::{self, AuditEvent};
use crate::clock::now_millis;
use crate::entities::{response, return_contact};
use crate::mail::{self, messages};
use app::i18n::Lang;
use lettre::Address;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

/// What emailing the return link did.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailedLink {
    /// Written to the outbox (and the address kept, when asked).
    Queued,
    /// This browser has not submitted a response in this campaign.
    NotSubmitted,
}

impl RespondentService {
    /// The key under which a return link's contact address is stored.
    fn contact_key(&self, return_secret: &str) -> String {
        self.key.derive("return-contact", return_secret)
    }

    /// Emails this browser's return link to `to`, in `lang`; with `keep_address`, also
    /// keeps the address (apart from the answers) to tell them when results are
    /// published. `public_url` starts the link.
    pub async fn email_return_link(
        &self,
        public_id: &str,
        resume_secret: &str,
        to: Address,
        keep_address: bool,
        lang: Lang,
        public_url: &str,
    ) -> Result<EmailedLink, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        let Some(submitted) =
            self.resumed(campaign.row.id, resume_secret).await?.filter(|r| r.status == response::SUBMITTED)
        else {
            return Ok(EmailedLink::NotSubmitted);
        };
        let secret = self.return_secret(&submitted.idempotency_key);
        let link = format!("{public_url}/retour/{secret}");
        let mail = messages::return_link(
            to.clone(),
            lang,
            &campaign.info.title,
            &link,
            campaign.info.results_promised_on.as_deref(),
        );
        let _turn = self.write_turn().await;
        let txn = self.db.begin().await?;
        mail::enqueue(&txn, mail).await?;
        if keep_address {
            keep_contact(&txn, campaign.row.id, &self.contact_key(&secret), &to, lang).await?;
        }
        txn.commit().await?;
        audit::append(
            &self.db,
            AuditEvent {
                actor: "respondent".to_string(),
                action: "return_link.emailed".to_string(),
                subject: format!("campaign:{public_id}"),
                detail: if keep_address { "address kept for results".to_string() } else { String::new() },
                institution: Some(campaign.row.institution_id),
            },
        )
        .await?;
        Ok(EmailedLink::Queued)
    }

    /// The address kept for this return link, if any.
    pub async fn contact_of(&self, return_secret: &str) -> Result<Option<String>, RespondentError> {
        Ok(return_contact::Entity::find()
            .filter(return_contact::Column::AccessHash.eq(self.contact_key(return_secret)))
            .one(&self.db)
            .await?
            .map(|contact| contact.email))
    }

    /// Deletes the address kept for this return link; `false` if there was none.
    pub async fn forget_contact(&self, return_secret: &str) -> Result<bool, RespondentError> {
        let Some(response) = self.by_access(return_secret, crate::entities::response_access::RETURN).await? else {
            return Ok(false);
        };
        let _turn = self.write_turn().await;
        let deleted = delete_contact(&self.db, &self.contact_key(return_secret)).await?;
        drop(_turn);
        if deleted {
            let institution = crate::entities::campaign::Entity::find_by_id(response.campaign_id)
                .one(&self.db)
                .await?
                .map(|c| (c.public_id, c.institution_id));
            audit::append(
                &self.db,
                AuditEvent {
                    actor: "respondent".to_string(),
                    action: "return_contact.deleted".to_string(),
                    subject: institution.as_ref().map(|(id, _)| format!("campaign:{id}")).unwrap_or_default(),
                    detail: String::new(),
                    institution: institution.map(|(_, id)| id),
                },
            )
            .await?;
        }
        Ok(deleted)
    }

    /// Deletes the contact of a return link inside a withdrawal's transaction.
    pub(super) async fn forget_contact_in(
        &self,
        txn: &impl ConnectionTrait,
        return_secret: &str,
    ) -> Result<(), RespondentError> {
        delete_contact(txn, &self.contact_key(return_secret)).await?;
        Ok(())
    }
}

async fn keep_contact(
    db: &impl ConnectionTrait,
    campaign_id: i32,
    key: &str,
    to: &Address,
    lang: Lang,
) -> Result<(), sea_orm::DbErr> {
    let row = return_contact::ActiveModel {
        campaign_id: Set(campaign_id),
        access_hash: Set(key.to_string()),
        email: Set(to.to_string()),
        lang: Set(lang.tag().to_string()),
        created_at: Set(now_millis()),
        ..Default::default()
    };
    // Typing another address replaces the one kept.
    return_contact::Entity::insert(row)
        .on_conflict(
            OnConflict::column(return_contact::Column::AccessHash)
                .update_columns([return_contact::Column::Email, return_contact::Column::Lang])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

async fn delete_contact(db: &impl ConnectionTrait, key: &str) -> Result<bool, sea_orm::DbErr> {
    let deleted =
        return_contact::Entity::delete_many().filter(return_contact::Column::AccessHash.eq(key)).exec(db).await?;
    Ok(deleted.rows_affected > 0)
}
