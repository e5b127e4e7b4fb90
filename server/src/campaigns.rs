//! Campaign administration: create a campaign from a published questionnaire version,
//! issue single-use invitation tokens, close it early, count its responses. Used by
//! `boucle campaign …` until staff sign in on the web (identity issue); knows nothing
//! of HTTP.

use crate::clock::now_millis;
use crate::entities::{campaign, institution, invitation, questionnaire, questionnaire_version, response};
use crate::respondents::secrets::{hash_secret, public_id, random_secret};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, Set,
    TransactionTrait,
};

/// Why a campaign operation failed.
#[derive(Debug, thiserror::Error)]
pub enum CampaignError {
    /// No such institution.
    #[error("no institution '{0}'")]
    UnknownInstitution(String),
    /// No published version of that questionnaire.
    #[error("no published version of questionnaire '{0}'")]
    UnknownQuestionnaire(String),
    /// No such campaign.
    #[error("no campaign '{0}'")]
    UnknownCampaign(String),
    /// A value is out of bounds.
    #[error("{0}")]
    Invalid(String),
    /// A language the questionnaire or the interface does not speak.
    #[error("the language {0} is not offered by this questionnaire or by Boucle's interface")]
    UnsupportedLanguage(String),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What a new campaign needs.
#[derive(Clone, Debug)]
pub struct NewCampaign {
    /// Institution slug.
    pub institution: String,
    /// Questionnaire slug; its newest published version is used.
    pub questionnaire: String,
    /// Title shown to respondents.
    pub title: String,
    /// Who is invited.
    pub audience: String,
    /// `true`: answers only through single-use invitations (pseudonymous);
    /// `false`: an open link anyone may use (anonymous).
    pub invitations_only: bool,
    /// Smallest group for which any result is shown (at least 3).
    pub min_cell_size: u32,
    /// Closing time, ms since the epoch.
    pub closes_at: Option<i64>,
    /// Promised return of results and decisions, ms since the epoch.
    pub results_promised_at: i64,
    /// Languages offered, e.g. `["fr", "en"]`.
    pub languages: Vec<String>,
}

/// Response counts of a campaign (no answers).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CampaignCounts {
    /// Public identifier.
    pub public_id: String,
    /// `open` or `closed`.
    pub status: String,
    /// Submitted responses.
    pub submitted: u64,
    /// Responses started, not submitted.
    pub in_progress: u64,
    /// Invitations issued, and used.
    pub invitations: (u64, u64),
}

/// Campaign administration over the database.
#[derive(Clone)]
pub struct CampaignAdmin {
    db: DatabaseConnection,
}

impl CampaignAdmin {
    /// Administration over this database.
    pub fn new(db: DatabaseConnection) -> CampaignAdmin {
        CampaignAdmin { db }
    }

    /// Creates an open campaign; returns its public identifier.
    pub async fn create(&self, new: NewCampaign) -> Result<String, CampaignError> {
        if new.min_cell_size < 3 {
            return Err(CampaignError::Invalid(
                "the minimum cell size must be at least 3 (with 2, \"fewer than 2\" reveals exactly one person)".into(),
            ));
        }
        if new.title.trim().is_empty() || new.title.chars().count() > 200 {
            return Err(CampaignError::Invalid("the title must have 1 to 200 characters".into()));
        }
        if new.languages.is_empty() || !new.languages.iter().any(|l| l == "fr") {
            return Err(CampaignError::Invalid("the languages must include fr".into()));
        }
        let institution = institution::Entity::find()
            .filter(institution::Column::Slug.eq(new.institution.as_str()))
            .one(&self.db)
            .await?
            .ok_or_else(|| CampaignError::UnknownInstitution(new.institution.clone()))?;
        let parent = questionnaire::Entity::find()
            .filter(questionnaire::Column::Slug.eq(new.questionnaire.as_str()))
            .one(&self.db)
            .await?
            .ok_or_else(|| CampaignError::UnknownQuestionnaire(new.questionnaire.clone()))?;
        let version = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
            .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED))
            .all(&self.db)
            .await?
            .into_iter()
            .max_by_key(|v| v.version.split('.').map(|p| p.parse::<u64>().unwrap_or(0)).collect::<Vec<_>>())
            .ok_or_else(|| CampaignError::UnknownQuestionnaire(new.questionnaire.clone()))?;
        // Respondents can be offered only what both the questionnaire and the interface
        // speak: a page half in one language and half in another helps nobody.
        let questionnaire_languages =
            survey_defs::Questionnaire::from_json(&version.definition)
                .map(|q| q.languages)
                .map_err(|_| CampaignError::Invalid("the questionnaire version does not parse".into()))?;
        if let Some(missing) = new.languages.iter().find(|l| {
            app::i18n::Lang::from_tag(l).is_none_or(|lang| lang.tag() != l.as_str())
                || !questionnaire_languages.contains(l)
        }) {
            return Err(CampaignError::UnsupportedLanguage(missing.clone()));
        }
        let id = public_id();
        campaign::ActiveModel {
            institution_id: Set(institution.id),
            questionnaire_version_id: Set(version.id),
            public_id: Set(id.clone()),
            title: Set(new.title),
            audience: Set(new.audience),
            status: Set(campaign::OPEN.to_string()),
            anonymity: Set(if new.invitations_only { "pseudonymous" } else { "anonymous" }.to_string()),
            languages: Set(new.languages.join(",")),
            min_cell_size: Set(i32::try_from(new.min_cell_size).unwrap_or(i32::MAX)),
            opens_at: Set(None),
            closes_at: Set(new.closes_at),
            results_promised_at: Set(Some(new.results_promised_at)),
            created_at: Set(now_millis()),
            consent_version: Set("1".to_string()),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        Ok(id)
    }

    /// The campaign with this public identifier.
    pub async fn find(&self, public_id: &str) -> Result<campaign::Model, CampaignError> {
        campaign::Entity::find()
            .filter(campaign::Column::PublicId.eq(public_id))
            .one(&self.db)
            .await?
            .ok_or_else(|| CampaignError::UnknownCampaign(public_id.to_string()))
    }

    /// Issues `count` single-use invitation tokens; they are returned once and only
    /// their hashes are kept.
    pub async fn invite(&self, public_id: &str, count: u32) -> Result<Vec<String>, CampaignError> {
        if !(1..=100_000).contains(&count) {
            return Err(CampaignError::Invalid("issue between 1 and 100,000 invitations at a time".into()));
        }
        let campaign = self.find(public_id).await?;
        let now = now_millis();
        let tokens: Vec<String> = (0..count).map(|_| random_secret()).collect();
        let txn = self.db.begin().await?;
        for chunk in tokens.chunks(500) {
            invitation::Entity::insert_many(chunk.iter().map(|token| invitation::ActiveModel {
                campaign_id: Set(campaign.id),
                token_hash: Set(hash_secret(token)),
                single_use: Set(true),
                created_at: Set(now),
                ..Default::default()
            }))
            .exec(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(tokens)
    }

    /// Closes a campaign now: no new answers are accepted.
    pub async fn close(&self, public_id: &str) -> Result<(), CampaignError> {
        let campaign = self.find(public_id).await?;
        let mut active: campaign::ActiveModel = campaign.into();
        active.status = Set(campaign::CLOSED.to_string());
        active.update(&self.db).await?;
        Ok(())
    }

    /// Counts only: no answer, no identity.
    pub async fn counts(&self, public_id: &str) -> Result<CampaignCounts, CampaignError> {
        let campaign = self.find(public_id).await?;
        let count = |status: &'static str| {
            response::Entity::find()
                .filter(response::Column::CampaignId.eq(campaign.id))
                .filter(response::Column::Status.eq(status))
                .count(&self.db)
        };
        let submitted = count(response::SUBMITTED).await?;
        let in_progress = count(response::IN_PROGRESS).await?;
        let issued =
            invitation::Entity::find().filter(invitation::Column::CampaignId.eq(campaign.id)).count(&self.db).await?;
        let used = invitation::Entity::find()
            .filter(invitation::Column::CampaignId.eq(campaign.id))
            .filter(invitation::Column::ResponseId.is_not_null())
            .count(&self.db)
            .await?;
        Ok(CampaignCounts {
            public_id: campaign.public_id,
            status: campaign.status,
            submitted,
            in_progress,
            invitations: (issued, used),
        })
    }
}
