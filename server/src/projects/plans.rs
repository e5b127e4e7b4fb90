//! Closing the loop: a campaign linked to a project gets findings (a statement citing
//! its evidence among the campaign's questions and scores) and, for each, actions with
//! an owner, a due date and a status. Adopting or rejecting an action, and publishing
//! the plan to respondents, follow the project's co-decision rule
//! ([`super::decision::outcome`]); other moves follow [`super::action_status`]. Every
//! status an action takes is kept (`action_event`), and everything is in the audit log.
//!
//! Respondents read the published plan from their return link ([`returned_plan`]): findings and decided actions only, never who
//! proposed or voted.

use super::action_status::{ActionStatus, TransitionError, check_transition};
use super::decision::{self, Outcome, Vote};
use super::loop_measures::{ActionFacts, LoopFacts, LoopMeasures, day_of, measure};
use super::suggestions::author_role;
use super::{ProjectError, ProjectService, person_name};
use crate::clock::{iso_date, iso_minute};
use crate::db::{begin_serialised, locks};
use crate::entities::{
    action_event, campaign, finding, plan_publication, plan_view, plan_vote, planned_action, project, response,
    return_contact,
};
use crate::identity::{Action, Decision, ProjectRole, SignedIn, decide};
use crate::mail::{Mail, enqueue, messages, parse_address};
use app::i18n::Lang;
use app::projects::{ActionCard, FindingCard, LoopView, PublicationCard, VoteRow};
use app::respondent::{ReturnedAction, ReturnedFinding, ReturnedPlan, SinceYouAnswered};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

/// Longest finding statement.
pub const MAX_STATEMENT: usize = 2000;
/// Longest action description.
pub const MAX_ACTION: usize = 1000;
/// Longest owner name.
pub const MAX_OWNER: usize = 200;
/// Longest reason.
const MAX_REASON: usize = 2000;

/// Vote subjects.
const ACTION: &str = "action";
const PUBLICATION: &str = "publication";

/// The rule's votes from stored ones.
fn rule_votes(votes: &[plan_vote::Model]) -> Vec<Vote> {
    votes
        .iter()
        .filter_map(|v| {
            Some(Vote { person: v.person_id, role: ProjectRole::from_key(&v.role)?, approve: v.verdict == "approve" })
        })
        .collect()
}

/// What a waiting decision still lacks, as translation keys (the suggestions' wording).
fn waiting_keys(outcome: Outcome) -> Vec<String> {
    let mut keys = Vec::new();
    if let Outcome::Waiting { needs_patient_partner, needs_professional, needs_someone_else } = outcome {
        if needs_patient_partner {
            keys.push("suggestion-needs-patient-partner".to_string());
        }
        if needs_professional {
            keys.push("suggestion-needs-professional".to_string());
        }
        if needs_someone_else && !needs_patient_partner && !needs_professional {
            keys.push("suggestion-needs-someone-else".to_string());
        }
    }
    keys
}

/// A text of 1 to `max` characters, trimmed.
fn bounded(text: &str, max: usize, err: ProjectError) -> Result<String, ProjectError> {
    let text = text.trim().replace("\r\n", "\n");
    if text.is_empty() || text.chars().count() > max { Err(err) } else { Ok(text) }
}

impl From<TransitionError> for ProjectError {
    fn from(err: TransitionError) -> Self {
        ProjectError::Transition(err)
    }
}

impl ProjectService {
    /// The caller's voting role in the project (observers do not vote).
    fn voting_role(who: &SignedIn, project: &project::Model) -> Result<ProjectRole, ProjectError> {
        who.projects
            .iter()
            .find(|p| p.project_id == project.id)
            .map(|p| p.role)
            .filter(|r| *r != ProjectRole::Observer)
            .ok_or(ProjectError::Refused(Decision::Forbidden))
    }

    /// The project's campaign `campaign` (by public id), if it is linked to it.
    async fn linked_campaign(&self, project: &project::Model, campaign: &str) -> Result<campaign::Model, ProjectError> {
        campaign::Entity::find()
            .filter(campaign::Column::PublicId.eq(campaign))
            .filter(campaign::Column::ProjectId.eq(project.id))
            .one(&self.db)
            .await?
            .ok_or(ProjectError::Refused(Decision::NotFound))
    }

    /// Links one of the institution's campaigns to the project, so that its members
    /// write its findings and plan. Leads (professionals, quality team) only; logged.
    pub async fn link_campaign(&self, who: &SignedIn, public_id: &str, campaign: &str) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ManageProjectMembers { institution, project })
            .await?;
        let Some(row) = campaign::Entity::find()
            .filter(campaign::Column::PublicId.eq(campaign))
            .filter(campaign::Column::InstitutionId.eq(found.institution_id))
            .one(&self.db)
            .await?
        else {
            return Err(ProjectError::UnknownCampaign);
        };
        if row.project_id.is_some_and(|p| p != found.id) {
            return Err(ProjectError::UnknownCampaign);
        }
        campaign::Entity::update_many()
            .col_expr(campaign::Column::ProjectId, Expr::value(found.id))
            .filter(campaign::Column::Id.eq(row.id))
            .exec(&self.db)
            .await?;
        self.audit(who, "project.campaign_linked", &found, format!("campaign:{}", row.public_id)).await?;
        Ok(())
    }

    /// The project's campaigns (public id, title), and the institution's others that
    /// may be linked (only for those who may link them).
    pub async fn campaigns_of(
        &self,
        found: &project::Model,
        can_link: bool,
    ) -> Result<(Vec<(String, String)>, Vec<(String, String)>), ProjectError> {
        let rows = campaign::Entity::find()
            .filter(campaign::Column::InstitutionId.eq(found.institution_id))
            .order_by_desc(campaign::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let (mine, others): (Vec<_>, Vec<_>) = rows.into_iter().partition(|c| c.project_id == Some(found.id));
        let pair = |c: campaign::Model| (c.public_id, c.title);
        let linkable = if can_link {
            others.into_iter().filter(|c| c.project_id.is_none()).map(pair).collect()
        } else {
            Vec::new()
        };
        Ok((mine.into_iter().map(pair).collect(), linkable))
    }

    /// Writes a finding of a linked campaign: a statement and its evidence (`item:{id}`
    /// or `scale:{id}` of the campaign's questionnaire). Voting members; logged.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_finding(
        &self,
        who: &SignedIn,
        public_id: &str,
        campaign: &str,
        statement: &str,
        evidence: Vec<String>,
        questionnaire: &survey_defs::Questionnaire,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        Self::voting_role(who, &found)?;
        let row = self.linked_campaign(&found, campaign).await?;
        let statement = bounded(statement, MAX_STATEMENT, ProjectError::InvalidFinding)?;
        for reference in &evidence {
            let known = match reference.split_once(':') {
                Some(("item", id)) => questionnaire.item(id).is_some(),
                Some(("scale", id)) => questionnaire.scale(id).is_some(),
                _ => false,
            };
            if !known {
                return Err(ProjectError::InvalidFinding);
            }
        }
        let evidence = serde_json::to_string(&evidence).map_err(|_| ProjectError::InvalidFinding)?;
        let saved = finding::ActiveModel {
            project_id: Set(found.id),
            campaign_id: Set(row.id),
            statement: Set(statement),
            evidence: Set(evidence),
            author_id: Set(who.person_id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "plan.finding_added", &found, format!("campaign:{} finding:{}", row.public_id, saved.id))
            .await?;
        Ok(saved.id)
    }

    /// The finding `id` of the project.
    async fn finding_of(&self, found: &project::Model, id: i64) -> Result<finding::Model, ProjectError> {
        finding::Entity::find_by_id(id)
            .filter(finding::Column::ProjectId.eq(found.id))
            .one(&self.db)
            .await?
            .ok_or(ProjectError::Refused(Decision::NotFound))
    }

    /// Proposes an action for a finding: what, who carries it, by when (ISO date, or
    /// none). It waits for the co-decision; proposing counts as approving.
    #[allow(clippy::too_many_arguments)]
    pub async fn propose_action(
        &self,
        who: &SignedIn,
        public_id: &str,
        finding_id: i64,
        what: &str,
        owner: &str,
        due_on: &str,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        Self::voting_role(who, &found)?;
        let finding = self.finding_of(&found, finding_id).await?;
        let what = bounded(what, MAX_ACTION, ProjectError::InvalidAction)?;
        let owner = bounded(owner, MAX_OWNER, ProjectError::InvalidOwner)?;
        let due_on = match due_on.trim() {
            "" => None,
            date if survey_defs::parse_iso_date(date).is_some() => Some(date.to_string()),
            _ => return Err(ProjectError::InvalidDueDate),
        };
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let saved = planned_action::ActiveModel {
            finding_id: Set(finding.id),
            what: Set(what),
            owner: Set(owner),
            due_on: Set(due_on),
            status: Set(ActionStatus::Proposed.key().to_string()),
            reason: Set(None),
            author_id: Set(who.person_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record_event(&txn, saved.id, ActionStatus::Proposed, "", who.person_id, now).await?;
        txn.commit().await?;
        self.audit(who, "plan.action_proposed", &found, format!("finding:{} action:{}", finding.id, saved.id)).await?;
        Ok(saved.id)
    }

    /// A member's vote on a proposed action; the rule adopts or rejects it (a
    /// rejection needs a reason, and keeps it).
    pub async fn vote_on_action(
        &self,
        who: &SignedIn,
        public_id: &str,
        action_id: i64,
        approve: bool,
        reason: &str,
        now: i64,
    ) -> Result<Outcome, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let role = Self::voting_role(who, &found)?;
        let reason = check_reason(approve, reason)?;
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let Some(action) = planned_action::Entity::find_by_id(action_id).one(&txn).await? else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        self.finding_of(&found, action.finding_id).await?;
        if action.status != ActionStatus::Proposed.key() {
            return Err(ProjectError::AlreadyDecided);
        }
        let outcome =
            cast_vote(&txn, &found, (ACTION, action.id, action.author_id), who, role, approve, &reason, now).await?;
        let decided = match outcome {
            Outcome::Accepted => Some(ActionStatus::Adopted),
            Outcome::Rejected => Some(ActionStatus::Rejected),
            Outcome::Waiting { .. } => None,
        };
        if let Some(status) = decided {
            check_transition(ActionStatus::Proposed, status, &reason, true)?;
            set_status(&txn, &action, status, &reason, who.person_id, now).await?;
        }
        txn.commit().await?;
        let verdict = if approve { "approve" } else { "reject" };
        self.audit(who, "plan.action_vote", &found, format!("action:{action_id} {verdict}")).await?;
        Ok(outcome)
    }

    /// Moves an adopted action forward by hand: in progress, done, or abandoned (with
    /// a reason). Voting members; logged.
    pub async fn set_action_status(
        &self,
        who: &SignedIn,
        public_id: &str,
        action_id: i64,
        to: &str,
        reason: &str,
        now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        Self::voting_role(who, &found)?;
        let to = ActionStatus::from_key(to).ok_or(ProjectError::Transition(TransitionError::NotAllowed {
            from: ActionStatus::Proposed,
            to: ActionStatus::Proposed,
        }))?;
        if reason.chars().count() > MAX_REASON {
            return Err(ProjectError::MissingReason);
        }
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let Some(action) = planned_action::Entity::find_by_id(action_id).one(&txn).await? else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        self.finding_of(&found, action.finding_id).await?;
        let from = ActionStatus::from_key(&action.status).ok_or(ProjectError::CorruptDraft)?;
        check_transition(from, to, reason, false)?;
        set_status(&txn, &action, to, reason.trim(), who.person_id, now).await?;
        if to == ActionStatus::Done {
            // Those who left an address hear of it once the plan is theirs to read.
            let finding = self.finding_of(&found, action.finding_id).await?;
            let published = plan_publication::Entity::find()
                .filter(plan_publication::Column::CampaignId.eq(finding.campaign_id))
                .filter(plan_publication::Column::Status.eq(plan_publication::PUBLISHED))
                .one(&txn)
                .await?;
            let campaign = campaign::Entity::find_by_id(finding.campaign_id).one(&txn).await?;
            if let (Some(_), Some(campaign)) = (published, campaign) {
                let what = action.what.clone();
                tell_respondents(&txn, campaign.id, |to, lang| messages::action_done(to, lang, &campaign.title, &what))
                    .await?;
            }
        }
        txn.commit().await?;
        self.audit(who, "plan.action_status", &found, format!("action:{action_id} {}", to.key())).await?;
        Ok(())
    }

    /// Proposes publishing the campaign's results and decisions to its respondents.
    /// There must be a finding, and no other proposal waiting.
    pub async fn propose_plan_publication(
        &self,
        who: &SignedIn,
        public_id: &str,
        campaign: &str,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        Self::voting_role(who, &found)?;
        let row = self.linked_campaign(&found, campaign).await?;
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let findings = finding::Entity::find().filter(finding::Column::CampaignId.eq(row.id)).all(&txn).await?;
        if findings.is_empty() {
            return Err(ProjectError::NothingToPublish);
        }
        let waiting = plan_publication::Entity::find()
            .filter(plan_publication::Column::CampaignId.eq(row.id))
            .filter(plan_publication::Column::Status.eq(plan_publication::OPEN))
            .one(&txn)
            .await?;
        if waiting.is_some() {
            return Err(ProjectError::AlreadyDecided);
        }
        let saved = plan_publication::ActiveModel {
            campaign_id: Set(row.id),
            author_id: Set(who.person_id),
            status: Set(plan_publication::OPEN.to_string()),
            reason: Set(None),
            created_at: Set(now),
            decided_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        self.audit(who, "plan.publication_proposed", &found, format!("campaign:{}", row.public_id)).await?;
        Ok(saved.id)
    }

    /// A member's vote on publishing the plan; the rule publishes it or rejects it.
    pub async fn vote_on_publication(
        &self,
        who: &SignedIn,
        public_id: &str,
        publication_id: i64,
        approve: bool,
        reason: &str,
        now: i64,
    ) -> Result<Outcome, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let role = Self::voting_role(who, &found)?;
        let reason = check_reason(approve, reason)?;
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let Some(publication) = plan_publication::Entity::find_by_id(publication_id).one(&txn).await? else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        let Some(row) = campaign::Entity::find_by_id(publication.campaign_id)
            .filter(campaign::Column::ProjectId.eq(found.id))
            .one(&txn)
            .await?
        else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        if publication.status != plan_publication::OPEN {
            return Err(ProjectError::AlreadyDecided);
        }
        let subject = (PUBLICATION, publication.id, publication.author_id);
        let outcome = cast_vote(&txn, &found, subject, who, role, approve, &reason, now).await?;
        let status = match outcome {
            Outcome::Accepted => Some(plan_publication::PUBLISHED),
            Outcome::Rejected => Some(plan_publication::REJECTED),
            Outcome::Waiting { .. } => None,
        };
        if outcome == Outcome::Accepted {
            tell_respondents(&txn, row.id, |to, lang| messages::plan_published(to, lang, &row.title)).await?;
        }
        if let Some(status) = status {
            plan_publication::Entity::update_many()
                .col_expr(plan_publication::Column::Status, Expr::value(status))
                .col_expr(plan_publication::Column::DecidedAt, Expr::value(now))
                .col_expr(plan_publication::Column::Reason, Expr::value((!approve).then(|| reason.clone())))
                .filter(plan_publication::Column::Id.eq(publication.id))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        let verdict = if approve { "approve" } else { "reject" };
        self.audit(who, "plan.publication_vote", &found, format!("campaign:{} {verdict}", row.public_id)).await?;
        Ok(outcome)
    }

    /// The plan page of a linked campaign: findings, their actions with votes and
    /// history, and the publication's state.
    pub async fn plan_page(
        &self,
        who: &SignedIn,
        public_id: &str,
        campaign: &str,
        questionnaire: &survey_defs::Questionnaire,
    ) -> Result<PlanPageParts, ProjectError> {
        let found =
            self.allowed(who, public_id, |institution, project| Action::SeeProject { institution, project }).await?;
        let row = self.linked_campaign(&found, campaign).await?;
        let caller = who.caller();
        let can_contribute =
            decide(&caller, Action::ContributeToProject { institution: found.institution_id, project: found.id })
                .allowed()
                && Self::voting_role(who, &found).is_ok();
        let label = |reference: &str| evidence_label(questionnaire, reference);
        let findings = finding::Entity::find()
            .filter(finding::Column::CampaignId.eq(row.id))
            .order_by_asc(finding::Column::Id)
            .all(&self.db)
            .await?;
        let mut cards = Vec::with_capacity(findings.len());
        for f in findings {
            let actions = planned_action::Entity::find()
                .filter(planned_action::Column::FindingId.eq(f.id))
                .order_by_asc(planned_action::Column::Id)
                .all(&self.db)
                .await?;
            let mut action_cards = Vec::with_capacity(actions.len());
            for a in actions {
                let votes = self.votes_of(ACTION, a.id).await?;
                let status = ActionStatus::from_key(&a.status).unwrap_or(ActionStatus::Proposed);
                let author_role = author_role(&self.db, found.id, a.author_id).await?;
                let outcome = decision::outcome((a.author_id, author_role), &rule_votes(&votes));
                let can_vote = can_contribute
                    && status == ActionStatus::Proposed
                    && a.author_id != who.person_id
                    && !votes.iter().any(|v| v.person_id == who.person_id);
                let events = action_event::Entity::find()
                    .filter(action_event::Column::ActionId.eq(a.id))
                    .order_by_asc(action_event::Column::Id)
                    .all(&self.db)
                    .await?;
                let mut history = Vec::with_capacity(events.len());
                for e in events {
                    history.push((
                        e.status,
                        person_name(&self.db, e.person_id).await?,
                        iso_minute(e.created_at),
                        e.reason,
                    ));
                }
                action_cards.push(ActionCard {
                    id: a.id,
                    what: a.what,
                    owner: a.owner,
                    due_on: a.due_on.unwrap_or_default(),
                    status: a.status,
                    reason: a.reason,
                    author: person_name(&self.db, a.author_id).await?,
                    votes: self.vote_rows(&votes).await?,
                    waiting_for: if status == ActionStatus::Proposed { waiting_keys(outcome) } else { Vec::new() },
                    can_vote,
                    next: if can_contribute {
                        status.next_by_hand().iter().map(|s| s.key().to_string()).collect()
                    } else {
                        Vec::new()
                    },
                    history,
                });
            }
            let evidence: Vec<String> = serde_json::from_str::<Vec<String>>(&f.evidence).unwrap_or_default();
            cards.push(FindingCard {
                id: f.id,
                statement: f.statement,
                evidence: evidence.iter().map(|r| label(r)).collect(),
                author: person_name(&self.db, f.author_id).await?,
                created_on: iso_date(Some(f.created_at)).unwrap_or_default(),
                actions: action_cards,
            });
        }
        let publication = plan_publication::Entity::find()
            .filter(plan_publication::Column::CampaignId.eq(row.id))
            .order_by_desc(plan_publication::Column::Id)
            .one(&self.db)
            .await?;
        let publication = match publication {
            None => None,
            Some(p) => {
                let votes = self.votes_of(PUBLICATION, p.id).await?;
                let author_role = author_role(&self.db, found.id, p.author_id).await?;
                let outcome = decision::outcome((p.author_id, author_role), &rule_votes(&votes));
                Some(PublicationCard {
                    id: p.id,
                    can_vote: can_contribute
                        && p.status == plan_publication::OPEN
                        && p.author_id != who.person_id
                        && !votes.iter().any(|v| v.person_id == who.person_id),
                    waiting_for: if p.status == plan_publication::OPEN { waiting_keys(outcome) } else { Vec::new() },
                    status: p.status,
                    reason: p.reason,
                    author: person_name(&self.db, p.author_id).await?,
                    decided_on: iso_date(p.decided_at).unwrap_or_default(),
                    votes: self.vote_rows(&votes).await?,
                })
            }
        };
        let mut evidence_choices: Vec<(String, String)> = questionnaire
            .answerable_items()
            .map(|i| (format!("item:{}", i.id), label(&format!("item:{}", i.id))))
            .collect();
        evidence_choices.extend(
            questionnaire.scales.iter().map(|s| (format!("scale:{}", s.id), label(&format!("scale:{}", s.id)))),
        );
        let measures = loop_measures(&self.db, &row, crate::clock::now_millis()).await?;
        let loop_view = loop_view(&measures, row.results_promised_at);
        Ok(PlanPageParts {
            loop_view,
            project_title: found.title,
            campaign_title: row.title,
            can_contribute,
            evidence_choices,
            findings: cards,
            publication,
        })
    }

    async fn votes_of(&self, kind: &str, id: i64) -> Result<Vec<plan_vote::Model>, ProjectError> {
        Ok(plan_vote::Entity::find()
            .filter(plan_vote::Column::SubjectKind.eq(kind))
            .filter(plan_vote::Column::SubjectId.eq(id))
            .order_by_asc(plan_vote::Column::Id)
            .all(&self.db)
            .await?)
    }

    async fn vote_rows(&self, votes: &[plan_vote::Model]) -> Result<Vec<VoteRow>, ProjectError> {
        let mut rows = Vec::with_capacity(votes.len());
        for v in votes {
            rows.push(VoteRow {
                name: person_name(&self.db, v.person_id).await?,
                role: v.role.clone(),
                approve: v.verdict == "approve",
                reason: v.reason.clone(),
            });
        }
        Ok(rows)
    }
}

/// The plan respondents of `campaign_id` see once it is published: findings, and
/// their actions once decided (adopted and what followed, or rejected with the
/// reason). `None` until a publication is accepted.
/// `answered_at` (ms) is when this respondent answered: what changed since is counted.
pub async fn returned_plan(
    db: &impl ConnectionTrait,
    campaign_id: i32,
    questionnaire: &survey_defs::Questionnaire,
    answered_at: i64,
) -> Result<Option<ReturnedPlan>, sea_orm::DbErr> {
    let Some(published) = plan_publication::Entity::find()
        .filter(plan_publication::Column::CampaignId.eq(campaign_id))
        .filter(plan_publication::Column::Status.eq(plan_publication::PUBLISHED))
        .order_by_asc(plan_publication::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let findings = finding::Entity::find()
        .filter(finding::Column::CampaignId.eq(campaign_id))
        .order_by_asc(finding::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(findings.len());
    let mut changes = SinceYouAnswered::default();
    for f in findings {
        let actions = planned_action::Entity::find()
            .filter(planned_action::Column::FindingId.eq(f.id))
            .filter(planned_action::Column::Status.ne(ActionStatus::Proposed.key()))
            .order_by_asc(planned_action::Column::Id)
            .all(db)
            .await?;
        for a in &actions {
            let since = action_event::Entity::find()
                .filter(action_event::Column::ActionId.eq(a.id))
                .filter(action_event::Column::CreatedAt.gt(answered_at))
                .all(db)
                .await?;
            for event in since {
                match ActionStatus::from_key(&event.status) {
                    Some(ActionStatus::Adopted) => changes.adopted += 1,
                    Some(ActionStatus::Done) => changes.done += 1,
                    Some(ActionStatus::Rejected) => changes.rejected += 1,
                    _ => {}
                }
            }
        }
        let evidence: Vec<String> = serde_json::from_str::<Vec<String>>(&f.evidence).unwrap_or_default();
        out.push(ReturnedFinding {
            statement: f.statement,
            evidence: evidence.iter().map(|r| evidence_label(questionnaire, r)).collect(),
            actions: actions
                .into_iter()
                .map(|a| ReturnedAction {
                    what: a.what,
                    owner: a.owner,
                    due_on: a.due_on.unwrap_or_default(),
                    status: a.status,
                    reason: a.reason,
                })
                .collect(),
        });
    }
    Ok(Some(ReturnedPlan {
        published_on: iso_date(published.decided_at).unwrap_or_default(),
        findings: out,
        since_you_answered: changes,
    }))
}
/// The plan page's content, before the desk adds the viewer.
pub struct PlanPageParts {
    /// Whether the loop closes.
    pub loop_view: LoopView,
    /// Project title.
    pub project_title: String,
    /// Campaign title.
    pub campaign_title: String,
    /// May write findings, propose, vote and move actions.
    pub can_contribute: bool,
    /// Questions and scores a finding may cite (reference, label).
    pub evidence_choices: Vec<(String, String)>,
    /// Findings with their actions.
    pub findings: Vec<FindingCard>,
    /// The latest publication proposal.
    pub publication: Option<PublicationCard>,
}

/// A reference's label: the question's number and French wording, or the score's title.
fn evidence_label(q: &survey_defs::Questionnaire, reference: &str) -> String {
    match reference.split_once(':') {
        Some(("item", id)) => {
            let number = q.answerable_items().position(|i| i.id == id).map(|n| n + 1);
            match (q.item(id), number) {
                (Some(item), Some(n)) => format!("{n}. {}", item.text.get("fr")),
                _ => id.to_string(),
            }
        }
        Some(("scale", id)) => q.scale(id).map(|s| s.title.get("fr").to_string()).unwrap_or_else(|| id.to_string()),
        _ => reference.to_string(),
    }
}

/// The measures as pages show them.
pub fn loop_view(measures: &LoopMeasures, promised_at: Option<i64>) -> LoopView {
    LoopView {
        opened_percent: measures.opened_share.map(|share| (share * 100.0).round() as u32),
        days_to_publication: measures.days_to_publication,
        late: measures.late,
        promised_on: iso_date(promised_at),
        proposals_answered: measures.proposals_answered,
        done_on_time: measures.done_on_time,
    }
}

/// The loop measures of every campaign of the institutions where `who` may see
/// campaigns: (institution name, campaigns newest first as (title, plan link, measures)).
#[allow(clippy::type_complexity)]
pub async fn institution_loops(
    db: &impl ConnectionTrait,
    who: &SignedIn,
    now: i64,
) -> Result<Vec<(String, Vec<(String, Option<String>, LoopMeasures, Option<i64>)>)>, DbErr> {
    let caller = who.caller();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for grant in &who.grants {
        if seen.contains(&grant.institution_id)
            || !decide(&caller, Action::SeeCampaigns { institution: grant.institution_id }).allowed()
        {
            continue;
        }
        seen.push(grant.institution_id);
        let campaigns = campaign::Entity::find()
            .filter(campaign::Column::InstitutionId.eq(grant.institution_id))
            .order_by_desc(campaign::Column::CreatedAt)
            .all(db)
            .await?;
        let mut rows = Vec::with_capacity(campaigns.len());
        for row in campaigns {
            let link = match row.project_id {
                Some(id) => project::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .map(|p| format!("/equipe/projets/{}/campagnes/{}", p.public_id, row.public_id)),
                None => None,
            };
            let measures = loop_measures(db, &row, now).await?;
            rows.push((row.title, link, measures, row.results_promised_at));
        }
        out.push((grant.institution_name.clone(), rows));
    }
    Ok(out)
}

/// Notes that a response's return page was opened with the plan published (once per
/// response), for the share of respondents who read what came back.
pub async fn record_plan_view(
    db: &impl ConnectionTrait,
    campaign_id: i32,
    response_id: i64,
    now: i64,
) -> Result<(), DbErr> {
    let row = plan_view::ActiveModel {
        campaign_id: Set(campaign_id),
        response_id: Set(response_id),
        first_seen_at: Set(now),
        ..Default::default()
    };
    let conflict =
        OnConflict::columns([plan_view::Column::CampaignId, plan_view::Column::ResponseId]).do_nothing().to_owned();
    match plan_view::Entity::insert(row).on_conflict(conflict).exec(db).await {
        Ok(_) | Err(DbErr::RecordNotInserted) => Ok(()),
        Err(err) => Err(err),
    }
}

/// The loop measures of a campaign, from what is stored.
pub async fn loop_measures(db: &impl ConnectionTrait, row: &campaign::Model, now: i64) -> Result<LoopMeasures, DbErr> {
    let responses = response::Entity::find().filter(response::Column::CampaignId.eq(row.id)).count(db).await?;
    let opened = plan_view::Entity::find().filter(plan_view::Column::CampaignId.eq(row.id)).count(db).await?;
    let published_at = plan_publication::Entity::find()
        .filter(plan_publication::Column::CampaignId.eq(row.id))
        .filter(plan_publication::Column::Status.eq(plan_publication::PUBLISHED))
        .order_by_asc(plan_publication::Column::Id)
        .one(db)
        .await?
        .and_then(|p| p.decided_at);
    // Closed by staff, or past its scheduled end.
    let closed_at = match row.closes_at {
        Some(at) if at <= now => Some(at),
        _ if row.status == campaign::CLOSED => Some(row.closes_at.unwrap_or(now).min(now)),
        _ => None,
    };
    let finding_ids: Vec<i64> = finding::Entity::find()
        .filter(finding::Column::CampaignId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.id)
        .collect();
    let actions =
        planned_action::Entity::find().filter(planned_action::Column::FindingId.is_in(finding_ids)).all(db).await?;
    let mut facts = Vec::with_capacity(actions.len());
    for a in actions {
        let done_day = action_event::Entity::find()
            .filter(action_event::Column::ActionId.eq(a.id))
            .filter(action_event::Column::Status.eq(ActionStatus::Done.key()))
            .one(db)
            .await?
            .map(|e| day_of(e.created_at));
        facts.push(ActionFacts {
            due_day: a.due_on.as_deref().and_then(survey_defs::parse_iso_date).map(i64::from),
            status: a.status,
            done_day,
        });
    }
    Ok(measure(&LoopFacts {
        responses,
        opened_after_publication: opened,
        closed_at,
        promised_at: row.results_promised_at,
        published_at,
        now,
        actions: facts,
    }))
}

/// Queues a message for every address the campaign's respondents left (kept apart
/// from their answers, in the language they answered in); the outbox delivers it, with
/// retries, once the transaction commits.
async fn tell_respondents(
    txn: &DatabaseTransaction,
    campaign_id: i32,
    mail_for: impl Fn(lettre::Address, Lang) -> Mail,
) -> Result<usize, sea_orm::DbErr> {
    let contacts =
        return_contact::Entity::find().filter(return_contact::Column::CampaignId.eq(campaign_id)).all(txn).await?;
    let mut queued = 0;
    for contact in contacts {
        let Ok(to) = parse_address(&contact.email) else { continue };
        enqueue(txn, mail_for(to, Lang::from_tag(&contact.lang).unwrap_or_default())).await?;
        queued += 1;
    }
    Ok(queued)
}

fn check_reason(approve: bool, reason: &str) -> Result<String, ProjectError> {
    let reason = reason.trim();
    if (!approve && reason.is_empty()) || reason.chars().count() > MAX_REASON {
        return Err(ProjectError::MissingReason);
    }
    Ok(reason.to_string())
}

/// Records a vote and says where the subject stands. Authors do not vote on their own
/// proposal (proposing counts as approving); one vote per member.
#[allow(clippy::too_many_arguments)]
async fn cast_vote(
    txn: &DatabaseTransaction,
    found: &project::Model,
    (kind, subject, author): (&str, i64, i32),
    who: &SignedIn,
    role: ProjectRole,
    approve: bool,
    reason: &str,
    now: i64,
) -> Result<Outcome, ProjectError> {
    if author == who.person_id {
        return Err(ProjectError::OwnSuggestion);
    }
    let votes = plan_vote::Entity::find()
        .filter(plan_vote::Column::SubjectKind.eq(kind))
        .filter(plan_vote::Column::SubjectId.eq(subject))
        .all(txn)
        .await?;
    if votes.iter().any(|v| v.person_id == who.person_id) {
        return Err(ProjectError::AlreadyVoted);
    }
    let vote = plan_vote::ActiveModel {
        subject_kind: Set(kind.to_string()),
        subject_id: Set(subject),
        person_id: Set(who.person_id),
        role: Set(role.key().to_string()),
        verdict: Set(if approve { "approve" } else { "reject" }.to_string()),
        reason: Set(reason.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let mut all = rule_votes(&votes);
    all.extend(rule_votes(std::slice::from_ref(&vote)));
    let author_role = author_role(txn, found.id, author).await?;
    Ok(decision::outcome((author, author_role), &all))
}

async fn record_event(
    db: &impl ConnectionTrait,
    action: i64,
    status: ActionStatus,
    reason: &str,
    person: i32,
    now: i64,
) -> Result<(), sea_orm::DbErr> {
    action_event::ActiveModel {
        action_id: Set(action),
        status: Set(status.key().to_string()),
        reason: Set(reason.to_string()),
        person_id: Set(person),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

async fn set_status(
    txn: &DatabaseTransaction,
    action: &planned_action::Model,
    status: ActionStatus,
    reason: &str,
    person: i32,
    now: i64,
) -> Result<(), sea_orm::DbErr> {
    let kept_reason = status.needs_reason().then(|| reason.to_string());
    planned_action::Entity::update_many()
        .col_expr(planned_action::Column::Status, Expr::value(status.key()))
        .col_expr(planned_action::Column::Reason, Expr::value(kept_reason))
        .col_expr(planned_action::Column::UpdatedAt, Expr::value(now))
        .filter(planned_action::Column::Id.eq(action.id))
        .exec(txn)
        .await?;
    record_event(txn, action.id, status, reason, person, now).await
}
