//! Results returned: to each respondent on their private return page, and to the people
//! who run and co-write a campaign on its results page, with downloads.
//!
//! [`tallies`] keeps each campaign's counts in memory, brought up to date incrementally;
//! [`present`] turns them into panels in the page's language; [`words`] formats figures;
//! [`handlers`] serves the downloads (charts as SVG, answers as CSV and Parquet).
//! Disclosure control is applied by `analytics` before anything reaches this module.

pub mod handlers;
pub mod present;
pub mod tallies;
pub mod words;

use std::sync::Arc;

use analytics::Disclosed;
use app::catalog::service::ServiceError;
use app::i18n::Lang;
use app::results::{CampaignResults, EveryoneResults, Panel};
use app::staff::StaffAnswer;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use survey_defs::{ColumnKind, Questionnaire, ScaleScore};

use crate::campaigns::CampaignAdmin;
use crate::definitions::{DefinitionError, Definitions};
use crate::entities::campaign;
use crate::identity::{Action, Decision, decide};
use crate::staff::{StaffDeskService, refusal, viewer};
use tallies::{CampaignTallies, TallyCache, TallyError};

/// Why results could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] DbErr),
    /// Counting failed.
    #[error(transparent)]
    Tally(#[from] TallyError),
    /// A stored questionnaire version could not be read.
    #[error(transparent)]
    Definition(#[from] DefinitionError),
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    tracing::error!(error = %err, "results failed");
    ServiceError::Unavailable
}

/// Computes and words campaign results.
pub struct ResultsService {
    db: DatabaseConnection,
    tallies: TallyCache,
    /// Parsed questionnaire versions.
    definitions: Arc<Definitions>,
}

/// The grouping "by campaign" in a results page's address (`?par=campagne`); item ids
/// are `[a-z0-9_-]` too, but a questionnaire with an item of that name still groups by
/// campaign first.
pub const BY_CAMPAIGN: &str = "campagne";

/// Whether respondents can be grouped by this item: one answer among options.
fn groups_by(questionnaire: &Questionnaire, item_id: &str) -> bool {
    let layout = questionnaire.answer_layout();
    layout
        .column_index(item_id)
        .and_then(|i| layout.columns.get(i))
        .is_some_and(|column| matches!(column.kind, ColumnKind::Choice { .. } | ColumnKind::YesNo))
}

impl ResultsService {
    /// Over `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { tallies: TallyCache::new(db.clone()), definitions: Arc::new(Definitions::new(db.clone())), db }
    }

    /// The questionnaire version `version_id`.
    pub async fn questionnaire(&self, version_id: i32) -> Result<Arc<Questionnaire>, ResultsError> {
        Ok(self.definitions.get(version_id).await?)
    }

    /// The parsed questionnaire versions, shared with the respondent service.
    pub fn definitions(&self) -> Arc<Definitions> {
        Arc::clone(&self.definitions)
    }

    /// Every submitted response of a campaign, for an export, with its questionnaire.
    pub async fn export_rows(
        &self,
        found: &campaign::Model,
    ) -> Result<(Arc<Questionnaire>, Vec<tallies::StoredRow>), ResultsError> {
        let questionnaire = self.questionnaire(found.questionnaire_version_id).await?;
        Ok((questionnaire, self.tallies.export_rows(found.id).await?))
    }

    /// Runs `read` on the campaign's current tallies.
    pub async fn with_tallies<R>(
        &self,
        found: &campaign::Model,
        by_item: Option<&str>,
        read: impl FnOnce(&CampaignTallies) -> R,
    ) -> Result<R, ResultsError> {
        let questionnaire = self.questionnaire(found.questionnaire_version_id).await?;
        Ok(self.tallies.read(found.id, questionnaire, by_item, read).await?)
    }

    /// What a respondent sees of everyone's answers, with their own scores placed.
    pub async fn everyone(
        &self,
        found: &campaign::Model,
        scores: &[ScaleScore],
        lang: Lang,
    ) -> Result<EveryoneResults, ResultsError> {
        let k = u32::try_from(found.min_cell_size).unwrap_or(5);
        self.with_tallies(found, None, |tallies| everyone(tallies, k, scores, lang)).await
    }

    /// The results page of campaign `public_id` for the caller signed in with `cookies`.
    pub async fn campaign_results(
        &self,
        staff: &StaffDeskService,
        cookies: &str,
        public_id: &str,
        lang: Lang,
        by: Option<String>,
    ) -> Result<StaffAnswer<CampaignResults>, ResultsError> {
        let Some(signed_in) = staff.signed_in(cookies).await? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let (decision, found) =
            staff.campaign_for(&signed_in, public_id, |institution| Action::SeeResults { institution }).await?;
        let (Decision::Allow, Some(found)) = (decision, found) else { return Ok(refusal(decision)) };
        let questionnaire = self.questionnaire(found.questionnaire_version_id).await?;
        let k = u32::try_from(found.min_cell_size).unwrap_or(5);
        // Other campaigns of the institution on the same questionnaire version compare
        // with this one, figure by figure.
        let siblings = campaign::Entity::find()
            .filter(campaign::Column::InstitutionId.eq(found.institution_id))
            .filter(campaign::Column::QuestionnaireVersionId.eq(found.questionnaire_version_id))
            .order_by_asc(campaign::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let by = by.filter(|id| groups_by(&questionnaire, id) || (id == BY_CAMPAIGN && siblings.len() > 1));
        let by_campaign = if by.as_deref() == Some(BY_CAMPAIGN) {
            let mut tallies = Vec::new();
            for sibling in &siblings {
                let tally = self.with_tallies(sibling, None, |t| t.overall.clone()).await?;
                tallies.push((sibling.title.clone(), tally));
            }
            // Each campaign promised its own minimum group size: the strictest applies.
            let strictest =
                siblings.iter().filter_map(|c| u32::try_from(c.min_cell_size).ok()).max().unwrap_or(k).max(k);
            analytics::GroupedTally::by_campaign(tallies).and_then(|grouped| grouped.breakdown(strictest)).ok()
        } else {
            None
        };
        let compare_label = (siblings.len() > 1).then(|| lang.t("results-breakdown-campaign"));
        let counts = CampaignAdmin::new(self.db.clone()).counts(&found.public_id).await.ok();
        let can_download_answers =
            decide(&signed_in.caller(), Action::ExportAnswers { institution: found.institution_id }).allowed();
        let page = self
            .with_tallies(&found, by.as_deref().filter(|b| *b != BY_CAMPAIGN), |tallies| {
                let q = &tallies.questionnaire;
                let report = tallies.overall.report(k);
                let co_evaluation = tallies.overall.co_evaluation(k);
                let breakdown = by_campaign
                    .or_else(|| by.as_ref().and_then(|id| tallies.by_item.get(id)).and_then(|g| g.breakdown(k).ok()))
                    .map(|b| present::breakdown_panels(q, &b, by.as_deref().unwrap_or_default(), lang))
                    .unwrap_or_default();
                let mut summary = vec![respondents_line(&report.respondents, lang)];
                if let (Some(counts), Disclosed::Shown(n)) = (&counts, &report.respondents)
                    && counts.invitations.0 > 0
                {
                    #[allow(clippy::cast_precision_loss)] // counts far below 2^53
                    let rate = 100.0 * *n as f64 / counts.invitations.0 as f64;
                    summary.push(lang.t_args(
                        "results-response-rate",
                        &[("pct", words::pct(lang, rate).into()), ("invited", counts.invitations.0.into())],
                    ));
                }
                CampaignResults {
                    viewer: viewer(&signed_in),
                    public_id: found.public_id.clone(),
                    title: found.title.clone(),
                    min_cell_size: k,
                    summary,
                    over_time: present::over_time(tallies, k, lang),
                    scales: {
                        let summaries = tallies.overall.scale_summaries();
                        let by_month = tallies.by_month.breakdown(k).ok();
                        report
                            .scales
                            .iter()
                            .flat_map(|s| {
                                let summary = summaries.iter().find(|x| x.scale_id == s.scale_id);
                                let trend =
                                    by_month.as_ref().and_then(|b| present::scale_trend_panel(q, b, &s.scale_id, lang));
                                [present::scale_panel(q, s, summary, k, lang, None), trend]
                            })
                            .flatten()
                            .collect()
                    },
                    items: present::item_panels(q, &report, lang, false),
                    breakdown_choices: compare_label
                        .map(|label| (BY_CAMPAIGN.to_string(), label))
                        .into_iter()
                        .chain(
                            q.answerable_items()
                                .filter(|item| groups_by(q, &item.id))
                                .map(|item| (item.id.clone(), words::question(item, lang).0)),
                        )
                        .collect(),
                    breakdown_by: by.clone(),
                    breakdown,
                    co_evaluation: present::co_evaluation_panels(q, &co_evaluation, lang),
                    can_download_answers,
                }
            })
            .await?;
        Ok(StaffAnswer::Ready(page))
    }
}

/// "23 people have answered so far" or "fewer than 5".
fn respondents_line(respondents: &Disclosed<u64>, lang: Lang) -> String {
    match respondents {
        Disclosed::Shown(n) => lang.t_args("results-respondents", &[("n", (*n).into())]),
        Disclosed::Suppressed { fewer_than } => lang.t_args("results-respondents-few", &[("k", (*fewer_than).into())]),
    }
}

/// What a respondent sees of everyone's answers.
fn everyone(tallies: &CampaignTallies, k: u32, scores: &[ScaleScore], lang: Lang) -> EveryoneResults {
    let q = &tallies.questionnaire;
    let report = tallies.overall.report(k);
    let enough = report.respondents.shown().is_some();
    let summaries = tallies.overall.scale_summaries();
    let scales: Vec<Panel> = report
        .scales
        .iter()
        .filter_map(|scale_report| {
            let mine = scores.iter().find(|s| s.scale_id == scale_report.scale_id).and_then(|s| s.value);
            let summary = summaries.iter().find(|s| s.scale_id == scale_report.scale_id);
            present::scale_panel(q, scale_report, summary, k, lang, mine.map(|score| present::OwnScore { score }))
        })
        .collect();
    EveryoneResults {
        respondents: respondents_line(&report.respondents, lang),
        enough,
        scales: if enough { scales } else { Vec::new() },
        items: if enough { present::item_panels(q, &report, lang, true) } else { Vec::new() },
    }
}

/// The results pages' service: results, for the caller's session.
pub struct ResultsDeskService {
    /// The results.
    pub results: Arc<ResultsService>,
    /// Sessions and campaign lookups.
    pub staff: Arc<StaffDeskService>,
}

#[async_trait::async_trait]
impl app::results::service::ResultsDesk for ResultsDeskService {
    async fn campaign_results(
        &self,
        cookies: &str,
        public_id: &str,
        lang: Lang,
        by: Option<String>,
    ) -> Result<StaffAnswer<CampaignResults>, ServiceError> {
        self.results.campaign_results(&self.staff, cookies, public_id, lang, by).await.map_err(unavailable)
    }
}
