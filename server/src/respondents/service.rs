//! Respondent operations over the database. Knows nothing of HTTP.

use super::committer::{Committed, Committer, NewResponse};
use super::secrets::{ServerKey, hash_secret, random_secret};
use crate::audit::{self, AuditEvent};
use crate::clock::{iso_date, now_millis};
use crate::definitions::{DefinitionError, Definitions};
use crate::entities::{
    campaign, consent, institution, invitation, response, response_access, response_draft, response_text,
};
use crate::results::ResultsService;
use app::i18n::Lang;
use app::respondent::{CampaignInfo, CampaignStatus, Progress, ReturnView};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use std::collections::BTreeMap;
use std::sync::Arc;
use survey_defs::{Answers, EncodedAnswers, Problem, Questionnaire, RawAnswers};

mod contact;

pub use contact::EmailedLink;

/// How long a resume cookie lasts (the accessibility bar asks for at least 20 hours).
pub const RESUME_DAYS: u32 = 30;

/// Why a respondent operation failed.
#[derive(Debug, thiserror::Error)]
pub enum RespondentError {
    /// No such campaign.
    #[error("unknown campaign")]
    UnknownCampaign,
    /// The campaign does not accept answers now.
    #[error("the campaign is not open")]
    CampaignNotOpen,
    /// The browser holds no valid capability for this response.
    #[error("no response in progress for this browser")]
    NoResponse,
    /// The campaign takes answers only through invitations, and none was presented.
    #[error("an invitation is required")]
    InvitationRequired,
    /// The consent text version sent is not the campaign's current one.
    #[error("the consent text has changed")]
    StaleConsent,
    /// A retried submission whose answers differ from the first one.
    #[error("this idempotency key was used for other answers")]
    IdempotencyConflict,
    /// The answers are invalid (API submissions).
    #[error("the answers are invalid")]
    Invalid(Vec<Problem>),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// Everyone's results could not be counted.
    #[error(transparent)]
    Results(#[from] crate::results::ResultsError),
    /// A stored definition does not parse: corruption, never user input.
    #[error("stored questionnaire {0} is invalid")]
    Corrupt(i32),
}

/// What saving one screen led to.
#[derive(Debug, PartialEq)]
pub enum SectionOutcome {
    /// Saved; go to this screen index (`survey_defs::screens`), or the review when `None`.
    Saved { next: Option<usize> },
    /// Problems on this screen; everything typed is kept in the draft.
    Rejected,
}

/// What submitting led to.
#[derive(Debug, PartialEq)]
pub enum SubmitOutcome {
    /// Stored (now or earlier: submitting twice stores one response).
    Submitted,
    /// Something required is missing or wrong; the screen index to show.
    Incomplete { screen: usize },
}

/// The reply to an API submission; a retry with the same key gets the same reply.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubmittedReceipt {
    /// The idempotency key, echoed.
    pub idempotency_key: String,
    /// The private return link's secret (shown once to the respondent).
    pub return_secret: String,
    /// Whether this call stored the response (false for a retry).
    #[serde(skip)]
    pub created: bool,
}

/// A campaign as loaded for respondents.
pub(crate) struct LoadedCampaign {
    pub row: campaign::Model,
    pub info: CampaignInfo,
}

/// Respondent operations.
#[derive(Clone)]
pub struct RespondentService {
    db: DatabaseConnection,
    key: ServerKey,
    /// Parsed questionnaire versions.
    definitions: Arc<Definitions>,
    /// SQLite has one writer at a time; queueing writers here, in order, avoids its
    /// busy-wait retries, which made the slowest submissions wait hundreds of ms.
    writers: Arc<tokio::sync::Mutex<()>>,
    /// Writes complete submissions in groups, one flush per group.
    committer: Committer,
    /// Everyone's results, shown on the return page.
    results: Arc<ResultsService>,
}

fn status_of(row: &campaign::Model, now: i64) -> CampaignStatus {
    if row.status == campaign::CLOSED || row.closes_at.is_some_and(|at| now >= at) {
        CampaignStatus::Closed
    } else if row.opens_at.is_some_and(|at| now < at) {
        CampaignStatus::NotYetOpen
    } else {
        CampaignStatus::Open
    }
}

impl RespondentService {
    /// The service over this database, with the server key. Starts the submission
    /// writer, so it must be called within a Tokio runtime.
    pub fn new(db: DatabaseConnection, key: ServerKey, results: Arc<ResultsService>) -> RespondentService {
        RespondentService {
            key,
            definitions: results.definitions(),
            results,
            writers: Arc::new(tokio::sync::Mutex::new(())),
            committer: Committer::start(db.clone()),
            db,
        }
    }

    /// Waits for this process's turn to write, on SQLite only (PostgreSQL has row locks).
    async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.db.get_database_backend() {
            sea_orm::DatabaseBackend::Sqlite => Some(self.writers.lock().await),
            _ => None,
        }
    }

    /// The token respondents' forms carry, derived from their resume secret.
    pub fn form_token(&self, resume_secret: &str) -> String {
        self.key.derive("form", resume_secret)
    }

    fn return_secret(&self, idempotency_key: &str) -> String {
        self.key.derive("return", idempotency_key)
    }

    async fn definition(&self, version_id: i32) -> Result<Arc<Questionnaire>, RespondentError> {
        self.definitions.get(version_id).await.map_err(|err| match err {
            DefinitionError::Db(db) => RespondentError::Db(db),
            DefinitionError::Corrupt(id) => RespondentError::Corrupt(id),
        })
    }

    /// A campaign as respondents see it.
    pub(crate) async fn campaign(&self, public_id: &str) -> Result<Option<LoadedCampaign>, RespondentError> {
        match campaign::Entity::find().filter(campaign::Column::PublicId.eq(public_id)).one(&self.db).await? {
            Some(row) => self.loaded(row).await.map(Some),
            None => Ok(None),
        }
    }

    /// A campaign row with what respondents are told about it.
    async fn loaded(&self, row: campaign::Model) -> Result<LoadedCampaign, RespondentError> {
        let questionnaire = self.definition(row.questionnaire_version_id).await?;
        let institution = institution::Entity::find_by_id(row.institution_id)
            .one(&self.db)
            .await?
            .map(|i| i.name)
            .unwrap_or_default();
        let info = CampaignInfo {
            public_id: row.public_id.clone(),
            title: row.title.clone(),
            institution,
            audience: row.audience.clone(),
            status: status_of(&row, now_millis()),
            anonymous: row.anonymity == "anonymous",
            min_cell_size: u32::try_from(row.min_cell_size).unwrap_or(5),
            results_promised_on: iso_date(row.results_promised_at),
            closes_on: iso_date(row.closes_at),
            consent_version: row.consent_version.clone(),
            questionnaire: (*questionnaire).clone(),
        };
        Ok(LoadedCampaign { row, info })
    }

    /// The response this resume secret opens, in this campaign.
    pub(crate) async fn resumed(
        &self,
        campaign_id: i32,
        resume_secret: &str,
    ) -> Result<Option<response::Model>, DbErr> {
        self.by_access(resume_secret, response_access::RESUME)
            .await
            .map(|found| found.filter(|r| r.campaign_id == campaign_id))
    }

    async fn by_access(&self, secret: &str, kind: &str) -> Result<Option<response::Model>, DbErr> {
        let Some(access) = response_access::Entity::find_by_id(hash_secret(secret)).one(&self.db).await? else {
            return Ok(None);
        };
        if access.kind != kind || access.expires_at.is_some_and(|at| at < now_millis()) {
            return Ok(None);
        }
        response::Entity::find_by_id(access.response_id).one(&self.db).await
    }

    /// This browser's progress in a campaign.
    pub(crate) async fn progress(&self, campaign_id: i32, resume_secret: &str) -> Result<Option<Progress>, DbErr> {
        let Some(response) = self.resumed(campaign_id, resume_secret).await? else {
            return Ok(None);
        };
        let draft = response_draft::Entity::find_by_id(response.id).one(&self.db).await?;
        let (raw_answers, problems, problem_screen) = match draft {
            Some(d) => (
                serde_json::from_str(&d.raw_answers).unwrap_or_default(),
                serde_json::from_str(&d.problems).unwrap_or_default(),
                d.problem_section.and_then(|s| s.parse().ok()),
            ),
            None => (BTreeMap::new(), Vec::new(), None),
        };
        let submitted = response.status == response::SUBMITTED;
        Ok(Some(Progress {
            raw_answers,
            problems,
            problem_screen,
            submitted,
            form_token: self.form_token(resume_secret),
            return_secret: submitted.then(|| self.return_secret(&response.idempotency_key)),
        }))
    }

    /// Records consent and opens a response; returns the resume secret for the cookie.
    ///
    /// With an invitation token, the token itself becomes the resume secret and is
    /// bound to the one response it may ever open: a second use (another device, a
    /// double tap, 50 at once) resumes that response instead of opening another.
    pub async fn start(
        &self,
        public_id: &str,
        language: &str,
        consent_version: &str,
        invitation_token: Option<&str>,
    ) -> Result<String, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        if campaign.info.status != CampaignStatus::Open {
            return Err(RespondentError::CampaignNotOpen);
        }
        if consent_version != campaign.row.consent_version {
            return Err(RespondentError::StaleConsent);
        }
        // The consent is recorded in the language it was shown in: one the campaign offers.
        let offered = offered_in(&campaign.row);
        let language = if offered.iter().any(|l| l == language) { language } else { offered[0].as_str() };
        let questionnaire = self.definition(campaign.row.questionnaire_version_id).await?;
        let layout = questionnaire.answer_layout();
        let empty = EncodedAnswers::codes_to_bytes(&layout.encode(&Answers::new()).codes);
        let invitation = match invitation_token {
            Some(token) => Some(
                invitation::Entity::find()
                    .filter(invitation::Column::TokenHash.eq(hash_secret(token)))
                    .filter(invitation::Column::CampaignId.eq(campaign.row.id))
                    .one(&self.db)
                    .await?
                    .ok_or(RespondentError::InvitationRequired)?,
            ),
            None if !campaign.info.anonymous => return Err(RespondentError::InvitationRequired),
            None => None,
        };
        let resume = invitation_token.map_or_else(random_secret, str::to_string);
        if invitation.as_ref().is_some_and(|i| i.response_id.is_some()) {
            return Ok(resume);
        }
        let now = now_millis();
        let _turn = self.write_turn().await;
        let txn = self.db.begin().await?;
        let created = response::ActiveModel {
            campaign_id: Set(campaign.row.id),
            questionnaire_version_id: Set(campaign.row.questionnaire_version_id),
            idempotency_key: Set(random_secret()),
            status: Set(response::IN_PROGRESS.to_string()),
            language: Set(language.to_string()),
            codes: Set(empty),
            started_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if let Some(invitation) = &invitation {
            // Only the first use binds the token; a concurrent second use finds it taken.
            let bound = invitation::Entity::update_many()
                .col_expr(invitation::Column::ResponseId, sea_orm::sea_query::Expr::value(created.id))
                .col_expr(invitation::Column::UsedAt, sea_orm::sea_query::Expr::value(now))
                .filter(invitation::Column::Id.eq(invitation.id))
                .filter(invitation::Column::ResponseId.is_null())
                .exec(&txn)
                .await?;
            if bound.rows_affected == 0 {
                txn.rollback().await?;
                return Ok(resume);
            }
        }
        consent::ActiveModel {
            campaign_id: Set(campaign.row.id),
            response_id: Set(Some(created.id)),
            text_version: Set(consent_version.to_string()),
            language: Set(language.to_string()),
            given_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        response_access::ActiveModel {
            token_hash: Set(hash_secret(&resume)),
            response_id: Set(created.id),
            kind: Set(response_access::RESUME.to_string()),
            created_at: Set(now),
            expires_at: Set(invitation.is_none().then_some(now + i64::from(RESUME_DAYS) * 86_400_000)),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(resume)
    }

    /// The campaign an invitation token opens, if it is one.
    pub async fn invitation_campaign(&self, token: &str) -> Result<Option<String>, DbErr> {
        let Some(found) = invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(hash_secret(token)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        Ok(campaign::Entity::find_by_id(found.campaign_id).one(&self.db).await?.map(|c| c.public_id))
    }

    /// Saves one screen: merges what the form sent for the screen's items into the
    /// draft and checks them; problems are stored with the draft so nothing is lost.
    pub async fn save_screen(
        &self,
        public_id: &str,
        resume_secret: &str,
        screen_index: usize,
        pairs: &[(String, String)],
    ) -> Result<SectionOutcome, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        if campaign.info.status != CampaignStatus::Open {
            return Err(RespondentError::CampaignNotOpen);
        }
        let response = self
            .resumed(campaign.row.id, resume_secret)
            .await?
            .filter(|r| r.status == response::IN_PROGRESS)
            .ok_or(RespondentError::NoResponse)?;
        let questionnaire = &campaign.info.questionnaire;
        let screens = survey_defs::screens(questionnaire);
        let screen = screens.get(screen_index).ok_or(RespondentError::NoResponse)?;
        let on_screen: Vec<&str> = screen.item_ids(questionnaire).collect();
        let mut draft = self.draft_values(response.id).await?;
        // A screen replaces its own items: an unticked box or a cleared field is sent as
        // nothing, and must clear the earlier answer.
        for id in &on_screen {
            draft.remove(*id);
        }
        for (item_id, values) in survey_defs::form_values(questionnaire, pairs) {
            if on_screen.contains(&item_id.as_str()) {
                draft.insert(item_id, values);
            }
        }
        let raw = survey_defs::raw_from_form(questionnaire, &draft);
        let check = survey_defs::check_response(questionnaire, &raw);
        let problems: Vec<Problem> =
            check.problems.into_iter().filter(|p| concerns(p, on_screen.iter().copied())).collect();
        let outcome = if problems.is_empty() {
            SectionOutcome::Saved {
                next: survey_defs::next_visible_screen(questionnaire, &check.answers, Some(screen_index)),
            }
        } else {
            SectionOutcome::Rejected
        };
        let problem_screen = (!problems.is_empty()).then(|| screen_index.to_string());
        self.store_draft(response.id, &draft, &problems, problem_screen).await?;
        Ok(outcome)
    }

    async fn draft_values(&self, response_id: i64) -> Result<BTreeMap<String, Vec<String>>, DbErr> {
        Ok(response_draft::Entity::find_by_id(response_id)
            .one(&self.db)
            .await?
            .and_then(|d| serde_json::from_str(&d.raw_answers).ok())
            .unwrap_or_default())
    }

    async fn store_draft(
        &self,
        response_id: i64,
        draft: &BTreeMap<String, Vec<String>>,
        problems: &[Problem],
        problem_section: Option<String>,
    ) -> Result<(), DbErr> {
        let row = response_draft::ActiveModel {
            response_id: Set(response_id),
            raw_answers: Set(serde_json::to_string(draft).unwrap_or_else(|_| "{}".to_string())),
            problems: Set(serde_json::to_string(problems).unwrap_or_else(|_| "[]".to_string())),
            problem_section: Set(problem_section),
            updated_at: Set(now_millis()),
        };
        let _turn = self.write_turn().await;
        response_draft::Entity::insert(row)
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(response_draft::Column::ResponseId)
                    .update_columns([
                        response_draft::Column::RawAnswers,
                        response_draft::Column::Problems,
                        response_draft::Column::ProblemSection,
                        response_draft::Column::UpdatedAt,
                    ])
                    .to_owned(),
            )
            .exec(&self.db)
            .await?;
        Ok(())
    }

    /// Submits the draft: checks everything, stores the answers compactly, exactly once.
    pub async fn submit(&self, public_id: &str, resume_secret: &str) -> Result<SubmitOutcome, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        let response = self.resumed(campaign.row.id, resume_secret).await?.ok_or(RespondentError::NoResponse)?;
        if response.status == response::SUBMITTED {
            return Ok(SubmitOutcome::Submitted);
        }
        if campaign.info.status != CampaignStatus::Open {
            return Err(RespondentError::CampaignNotOpen);
        }
        let questionnaire = &campaign.info.questionnaire;
        let draft = self.draft_values(response.id).await?;
        let raw = survey_defs::raw_from_form(questionnaire, &draft);
        let check = survey_defs::check_response(questionnaire, &raw);
        if !check.problems.is_empty() {
            let screen = first_screen_with_problem(questionnaire, &check.problems);
            let problems: Vec<Problem> = {
                let screens = survey_defs::screens(questionnaire);
                let ids: Vec<&str> =
                    screens.get(screen).map(|s| s.item_ids(questionnaire).collect()).unwrap_or_default();
                check.problems.into_iter().filter(|p| concerns(p, ids.iter().copied())).collect()
            };
            self.store_draft(response.id, &draft, &problems, Some(screen.to_string())).await?;
            return Ok(SubmitOutcome::Incomplete { screen });
        }
        self.store_answers(&response, questionnaire, &check.answers).await?;
        Ok(SubmitOutcome::Submitted)
    }

    /// Writes the answers and marks the response submitted, in one transaction. Only an
    /// in-progress row changes, so two concurrent submits store one response.
    async fn store_answers(
        &self,
        response: &response::Model,
        questionnaire: &Questionnaire,
        answers: &Answers,
    ) -> Result<bool, RespondentError> {
        let encoded = questionnaire.answer_layout().encode(answers);
        let now = now_millis();
        let _turn = self.write_turn().await;
        let txn = self.db.begin().await?;
        let updated = response::Entity::update_many()
            .col_expr(response::Column::Status, sea_orm::sea_query::Expr::value(response::SUBMITTED))
            .col_expr(
                response::Column::Codes,
                sea_orm::sea_query::Expr::value(EncodedAnswers::codes_to_bytes(&encoded.codes)),
            )
            .col_expr(response::Column::SubmittedAt, sea_orm::sea_query::Expr::value(now))
            .col_expr(response::Column::UpdatedAt, sea_orm::sea_query::Expr::value(now))
            .filter(response::Column::Id.eq(response.id))
            .filter(response::Column::Status.eq(response::IN_PROGRESS))
            .exec(&txn)
            .await?;
        if updated.rows_affected == 0 {
            txn.rollback().await?;
            return Ok(false);
        }
        for (item_id, text) in encoded.texts {
            response_text::ActiveModel { response_id: Set(response.id), item_id: Set(item_id), text: Set(text) }
                .insert(&txn)
                .await?;
        }
        response_draft::Entity::delete_by_id(response.id).exec(&txn).await?;
        response_access::ActiveModel {
            token_hash: Set(hash_secret(&self.return_secret(&response.idempotency_key))),
            response_id: Set(response.id),
            kind: Set(response_access::RETURN.to_string()),
            created_at: Set(now),
            expires_at: Set(None),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(true)
    }

    /// The return secret of this browser's submitted response (to show on the receipt).
    pub async fn return_secret_for(
        &self,
        public_id: &str,
        resume_secret: &str,
    ) -> Result<Option<String>, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        Ok(self
            .resumed(campaign.row.id, resume_secret)
            .await?
            .filter(|r| r.status == response::SUBMITTED)
            .map(|r| self.return_secret(&r.idempotency_key)))
    }

    /// A complete submission in one call (the JSON API): consent, answers, exactly once
    /// per idempotency key.
    pub async fn submit_complete(
        &self,
        public_id: &str,
        idempotency_key: &str,
        language: &str,
        consent_version: &str,
        raw: &RawAnswers,
    ) -> Result<SubmittedReceipt, RespondentError> {
        let campaign = self.campaign(public_id).await?.ok_or(RespondentError::UnknownCampaign)?;
        let questionnaire = &campaign.info.questionnaire;
        let check = survey_defs::check_response(questionnaire, raw);
        if !check.problems.is_empty() {
            return Err(RespondentError::Invalid(check.problems));
        }
        let encoded = questionnaire.answer_layout().encode(&check.answers);
        let codes = EncodedAnswers::codes_to_bytes(&encoded.codes);
        let receipt = |created| SubmittedReceipt {
            idempotency_key: idempotency_key.to_string(),
            return_secret: self.return_secret(idempotency_key),
            created,
        };
        if let Some(existing) = self.by_idempotency_key(idempotency_key).await? {
            return if existing.campaign_id == campaign.row.id && existing.codes == codes {
                Ok(receipt(false))
            } else {
                Err(RespondentError::IdempotencyConflict)
            };
        }
        if campaign.info.status != CampaignStatus::Open {
            return Err(RespondentError::CampaignNotOpen);
        }
        if consent_version != campaign.row.consent_version {
            return Err(RespondentError::StaleConsent);
        }
        let row = NewResponse {
            campaign_id: campaign.row.id,
            version_id: campaign.row.questionnaire_version_id,
            idempotency_key: idempotency_key.to_string(),
            language: language.to_string(),
            consent_version: consent_version.to_string(),
            codes: codes.clone(),
            texts: encoded.texts,
            return_hash: hash_secret(&self.return_secret(idempotency_key)),
            now: now_millis(),
        };
        match self.committer.commit(row).await? {
            Committed::Created => Ok(receipt(true)),
            // A concurrent retry with the same key got there first: answer as a retry.
            Committed::KeyTaken => match self.by_idempotency_key(idempotency_key).await? {
                Some(existing) if existing.campaign_id == campaign.row.id && existing.codes == codes => {
                    Ok(receipt(false))
                }
                _ => Err(RespondentError::IdempotencyConflict),
            },
        }
    }

    async fn by_idempotency_key(&self, key: &str) -> Result<Option<response::Model>, DbErr> {
        response::Entity::find().filter(response::Column::IdempotencyKey.eq(key)).one(&self.db).await
    }

    /// The languages respondents are offered on the pages of campaign `public_id`, French
    /// first; `None` for an unknown campaign.
    pub async fn offered_languages(&self, public_id: &str) -> Result<Option<Vec<String>>, DbErr> {
        Ok(campaign::Entity::find()
            .filter(campaign::Column::PublicId.eq(public_id))
            .one(&self.db)
            .await?
            .map(|row| offered_in(&row)))
    }

    /// The languages offered by the campaign of the response a return link opens.
    pub async fn offered_languages_for_return(&self, return_secret: &str) -> Result<Option<Vec<String>>, DbErr> {
        let Some(response) = self.by_access(return_secret, response_access::RETURN).await? else {
            return Ok(None);
        };
        Ok(campaign::Entity::find_by_id(response.campaign_id).one(&self.db).await?.map(|row| offered_in(&row)))
    }

    /// Whether `return_secret` opens a response's return page.
    pub async fn return_link_valid(&self, return_secret: &str) -> Result<bool, RespondentError> {
        Ok(self.by_access(return_secret, response_access::RETURN).await?.is_some())
    }

    /// What the private return link shows.
    pub async fn return_view(&self, return_secret: &str, lang: Lang) -> Result<Option<ReturnView>, RespondentError> {
        let Some(response) = self.by_access(return_secret, response_access::RETURN).await? else {
            return Ok(None);
        };
        let Some(row) = campaign::Entity::find_by_id(response.campaign_id).one(&self.db).await? else {
            return Ok(None);
        };
        let loaded = self.loaded(row.clone()).await?;
        let questionnaire = &loaded.info.questionnaire;
        let layout = questionnaire.answer_layout();
        let codes = EncodedAnswers::codes_from_bytes(&response.codes)
            .map_err(|_| RespondentError::Corrupt(response.questionnaire_version_id))?;
        let texts = response_text::Entity::find()
            .filter(response_text::Column::ResponseId.eq(response.id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| (t.item_id, t.text))
            .collect();
        let answers = layout.decode(&EncodedAnswers { codes, texts });
        let scores = survey_defs::score_all(questionnaire, &answers);
        let everyone = self.results.everyone(&row, &scores, lang).await?;
        let plan = crate::projects::plans::returned_plan(
            &self.db,
            row.id,
            questionnaire,
            response.submitted_at.unwrap_or_default(),
        )
        .await?;
        if plan.is_some() {
            crate::projects::plans::record_plan_view(&self.db, row.id, response.id, crate::clock::now_millis()).await?;
        }
        Ok(Some(ReturnView {
            plan,
            everyone,
            campaign: loaded.info,
            answers,
            scores,
            submitted_on: iso_date(response.submitted_at).unwrap_or_default(),
            form_token: self.key.derive("form", return_secret),
            contact_email: self.contact_of(return_secret).await?,
        }))
    }

    /// The form token of a return-link page.
    pub fn return_form_token(&self, return_secret: &str) -> String {
        self.key.derive("form", return_secret)
    }

    /// Withdraws a response: deletes its answers and capabilities, marks the consent
    /// withdrawn, and records only the fact in the audit log.
    pub async fn withdraw(&self, return_secret: &str) -> Result<bool, RespondentError> {
        let Some(response) = self.by_access(return_secret, response_access::RETURN).await? else {
            return Ok(false);
        };
        let (campaign_public_id, institution_id) = campaign::Entity::find_by_id(response.campaign_id)
            .one(&self.db)
            .await?
            .map(|c| (c.public_id, Some(c.institution_id)))
            .unwrap_or_default();
        let now = now_millis();
        let _turn = self.write_turn().await;
        let txn = self.db.begin().await?;
        consent::Entity::update_many()
            .col_expr(consent::Column::WithdrawnAt, sea_orm::sea_query::Expr::value(now))
            .col_expr(consent::Column::ResponseId, sea_orm::sea_query::Expr::value(Option::<i64>::None))
            .filter(consent::Column::ResponseId.eq(response.id))
            .exec(&txn)
            .await?;
        response_text::Entity::delete_many()
            .filter(response_text::Column::ResponseId.eq(response.id))
            .exec(&txn)
            .await?;
        response_draft::Entity::delete_by_id(response.id).exec(&txn).await?;
        response_access::Entity::delete_many()
            .filter(response_access::Column::ResponseId.eq(response.id))
            .exec(&txn)
            .await?;
        response::Entity::delete_by_id(response.id).exec(&txn).await?;
        self.forget_contact_in(&txn, return_secret).await?;
        txn.commit().await?;
        audit::append(
            &self.db,
            AuditEvent {
                actor: "respondent".to_string(),
                action: "response.withdrawn".to_string(),
                subject: format!("campaign:{campaign_public_id}"),
                detail: String::new(),
                institution: institution_id,
            },
        )
        .await?;
        Ok(true)
    }
}

/// The languages a campaign offers respondents, French first; never empty.
fn offered_in(row: &campaign::Model) -> Vec<String> {
    let mut offered: Vec<String> =
        row.languages.split(',').map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    if offered.is_empty() {
        offered.push("fr".to_string());
    }
    if let Some(at) = offered.iter().position(|l| l == "fr") {
        offered[..=at].rotate_right(1);
    }
    offered
}

/// Whether a problem (its path starts with an item id) concerns one of these items.
fn concerns<'a>(problem: &Problem, mut item_ids: impl Iterator<Item = &'a str>) -> bool {
    item_ids.any(|id| problem.path == id || problem.path.strip_prefix(id).is_some_and(|rest| rest.starts_with('.')))
}

/// The index of the first screen holding a problem.
fn first_screen_with_problem(questionnaire: &Questionnaire, problems: &[Problem]) -> usize {
    survey_defs::screens(questionnaire)
        .iter()
        .position(|screen| problems.iter().any(|p| concerns(p, screen.item_ids(questionnaire))))
        .unwrap_or(0)
}
