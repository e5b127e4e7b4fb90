//! Drafts and suggestions: a project's working copy of a questionnaire changes only
//! when a suggestion to reword one of its items is accepted by the decision rule
//! ([`super::decision`]). Every proposal, vote and decision is in the audit log.

use super::decision::{self, Outcome, Vote};
use super::{ProjectError, ProjectService};
use crate::db::{begin_serialised, locks};
use crate::entities::{
    person, project, project_member, questionnaire, questionnaire_draft, questionnaire_version, suggestion,
    suggestion_comment, suggestion_vote,
};
use crate::identity::{Action, Decision, ProjectRole, SignedIn, decide};
use crate::respondents::secrets;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use survey_defs::Questionnaire;

/// Longest suggested wording.
pub const MAX_WORDING: usize = 1000;
/// Longest rationale or reason.
pub const MAX_REASON: usize = 2000;

/// A suggestion as pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionView {
    /// Row.
    pub row: suggestion::Model,
    /// Author's name.
    pub author: String,
    /// The item's wording in that language when it was looked at.
    pub current_text: String,
    /// Votes: name, role, approve, reason.
    pub votes: Vec<(String, ProjectRole, bool, String)>,
    /// Where it stands.
    pub outcome: Outcome,
    /// Whether the viewer may vote on it (a voting member, not its author, not voted yet).
    pub can_vote: bool,
    /// Its thread: author, when (ms), text; oldest first.
    pub comments: Vec<(String, i64, String)>,
}

/// A draft as its page shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftView {
    /// The project.
    pub project: project::Model,
    /// The draft row.
    pub draft: questionnaire_draft::Model,
    /// The questionnaire as it stands.
    pub questionnaire: Questionnaire,
    /// May propose and vote.
    pub can_contribute: bool,
    /// Open suggestions first, then decided ones, newest first.
    pub suggestions: Vec<SuggestionView>,
    /// The published version it started from (slug and version), and what changed since.
    pub base: Option<(String, String, survey_defs::QuestionnaireDiff)>,
}

fn check_text(text: &str, max: usize) -> Option<String> {
    let text = text.trim().replace("\r\n", "\n");
    (!text.is_empty() && text.chars().count() <= max).then_some(text)
}

impl ProjectService {
    async fn draft_of(&self, project_id: i32, draft: &str) -> Result<questionnaire_draft::Model, ProjectError> {
        questionnaire_draft::Entity::find()
            .filter(questionnaire_draft::Column::PublicId.eq(draft))
            .filter(questionnaire_draft::Column::ProjectId.eq(project_id))
            .one(&self.db)
            .await?
            .ok_or(ProjectError::Refused(Decision::NotFound))
    }

    /// Starts a draft from the newest published version of questionnaire `source`.
    pub async fn start_draft(
        &self,
        who: &SignedIn,
        public_id: &str,
        source: &str,
        now: i64,
    ) -> Result<String, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let parent = questionnaire::Entity::find()
            .filter(questionnaire::Column::Slug.eq(source))
            .one(&self.db)
            .await?
            .ok_or(ProjectError::UnknownSource)?;
        let version = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
            .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED))
            .order_by_desc(questionnaire_version::Column::Id)
            .one(&self.db)
            .await?
            .ok_or(ProjectError::UnknownSource)?;
        let id = secrets::public_id();
        questionnaire_draft::ActiveModel {
            project_id: Set(found.id),
            public_id: Set(id.clone()),
            definition: Set(version.definition),
            based_on_version_id: Set(Some(version.id)),
            revision: Set(0),
            created_by: Set(who.person_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "project.draft_started", &found, format!("draft:{id} from {source} {}", version.version))
            .await?;
        Ok(id)
    }

    /// The drafts of a project (public id, title in French, revision).
    pub async fn drafts(&self, project_id: i32) -> Result<Vec<(String, String, i32)>, sea_orm::DbErr> {
        let rows = questionnaire_draft::Entity::find()
            .filter(questionnaire_draft::Column::ProjectId.eq(project_id))
            .order_by_asc(questionnaire_draft::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|d| {
                let title =
                    Questionnaire::from_json(&d.definition).map(|q| q.title.get("fr").to_string()).unwrap_or_default();
                (d.public_id, title, d.revision)
            })
            .collect())
    }

    /// One draft with its suggestions.
    pub async fn draft_view(&self, who: &SignedIn, public_id: &str, draft: &str) -> Result<DraftView, ProjectError> {
        let found =
            self.allowed(who, public_id, |institution, project| Action::SeeProject { institution, project }).await?;
        let row = self.draft_of(found.id, draft).await?;
        let questionnaire = Questionnaire::from_json(&row.definition).map_err(|_| ProjectError::CorruptDraft)?;
        let can_contribute =
            decide(&who.caller(), Action::ContributeToProject { institution: found.institution_id, project: found.id })
                .allowed();
        let mut suggestions = Vec::new();
        let rows = suggestion::Entity::find()
            .filter(suggestion::Column::DraftId.eq(row.id))
            .order_by_desc(suggestion::Column::Id)
            .all(&self.db)
            .await?;
        for s in rows {
            suggestions.push(self.suggestion_view(who, (&found, &questionnaire), s, can_contribute).await?);
        }
        suggestions.sort_by_key(|s| s.row.status != suggestion::OPEN);
        let mut base = None;
        if let Some(version_id) = row.based_on_version_id
            && let Some(version) = questionnaire_version::Entity::find_by_id(version_id).one(&self.db).await?
            && let Ok(published) = Questionnaire::from_json(&version.definition)
        {
            let changes = survey_defs::diff(&published, &questionnaire);
            base = Some((published.id.clone(), version.version.clone(), changes));
        }
        Ok(DraftView { project: found, draft: row, questionnaire, can_contribute, suggestions, base })
    }

    async fn votes(&self, suggestion_id: i64) -> Result<Vec<suggestion_vote::Model>, sea_orm::DbErr> {
        suggestion_vote::Entity::find()
            .filter(suggestion_vote::Column::SuggestionId.eq(suggestion_id))
            .order_by_asc(suggestion_vote::Column::Id)
            .all(&self.db)
            .await
    }

    async fn suggestion_view(
        &self,
        who: &SignedIn,
        (project, questionnaire): (&project::Model, &Questionnaire),
        row: suggestion::Model,
        can_contribute: bool,
    ) -> Result<SuggestionView, sea_orm::DbErr> {
        let votes = self.votes(row.id).await?;
        let project_id = project.id;
        let author_role = author_role(&self.db, project_id, row.author_id).await?;
        let outcome = match row.status.as_str() {
            suggestion::ACCEPTED => Outcome::Accepted,
            suggestion::REJECTED => Outcome::Rejected,
            _ => decision::outcome((row.author_id, author_role), &rule_votes(&votes)),
        };
        let mut named = Vec::new();
        for v in &votes {
            let name = person::Entity::find_by_id(v.person_id).one(&self.db).await?.map(|p| p.display_name);
            if let Some(role) = ProjectRole::from_key(&v.role) {
                named.push((name.unwrap_or_default(), role, v.verdict == "approve", v.reason.clone()));
            }
        }
        let my_role = who.projects.iter().find(|p| p.project_id == project_id).map(|p| p.role);
        let can_vote = can_contribute
            && row.status == suggestion::OPEN
            && row.author_id != who.person_id
            && my_role.is_some_and(|r| r != ProjectRole::Observer)
            && !votes.iter().any(|v| v.person_id == who.person_id);
        let current_text = questionnaire
            .item(&row.item_id)
            .and_then(|item| item.text.get_exact(&row.language).map(str::to_string))
            .unwrap_or_default();
        let author = person::Entity::find_by_id(row.author_id).one(&self.db).await?.map(|p| p.display_name);
        let mut comments = Vec::new();
        for c in suggestion_comment::Entity::find()
            .filter(suggestion_comment::Column::SuggestionId.eq(row.id))
            .order_by_asc(suggestion_comment::Column::Id)
            .all(&self.db)
            .await?
        {
            let name = person::Entity::find_by_id(c.author_id).one(&self.db).await?.map(|p| p.display_name);
            comments.push((name.unwrap_or_default(), c.created_at, c.body));
        }
        Ok(SuggestionView {
            row,
            author: author.unwrap_or_default(),
            current_text,
            votes: named,
            outcome,
            can_vote,
            comments,
        })
    }

    /// Proposes rewording item `item_id` of a draft in `language`, with why.
    #[allow(clippy::too_many_arguments)]
    pub async fn propose(
        &self,
        who: &SignedIn,
        public_id: &str,
        draft: &str,
        item_id: &str,
        language: &str,
        new_text: &str,
        rationale: &str,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let row = self.draft_of(found.id, draft).await?;
        let questionnaire = Questionnaire::from_json(&row.definition).map_err(|_| ProjectError::CorruptDraft)?;
        if questionnaire.item(item_id).is_none() {
            return Err(ProjectError::UnknownItem);
        }
        if !questionnaire.languages.iter().any(|l| l == language) {
            return Err(ProjectError::UnknownLanguage);
        }
        let new_text = check_text(new_text, MAX_WORDING).ok_or(ProjectError::InvalidWording)?;
        let rationale = check_text(rationale, MAX_REASON).ok_or(ProjectError::MissingReason)?;
        let inserted = suggestion::ActiveModel {
            draft_id: Set(row.id),
            author_id: Set(who.person_id),
            item_id: Set(item_id.to_string()),
            language: Set(language.to_string()),
            new_text: Set(new_text),
            rationale: Set(rationale),
            status: Set(suggestion::OPEN.to_string()),
            created_at: Set(now),
            decided_at: Set(None),
            decision_reason: Set(None),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "suggestion.proposed", &found, format!("suggestion:{} on {item_id} ({language})", inserted.id))
            .await?;
        Ok(inserted.id)
    }

    /// A member's vote; when the rule is met, the draft changes (accepted) or the
    /// suggestion closes with the reason given (rejected).
    pub async fn vote(
        &self,
        who: &SignedIn,
        public_id: &str,
        suggestion_id: i64,
        approve: bool,
        reason: &str,
        now: i64,
    ) -> Result<Outcome, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let role = who
            .projects
            .iter()
            .find(|p| p.project_id == found.id)
            .map(|p| p.role)
            .filter(|r| *r != ProjectRole::Observer)
            .ok_or(ProjectError::Refused(Decision::Forbidden))?;
        let reason = reason.trim();
        if !approve && reason.is_empty() {
            return Err(ProjectError::MissingReason);
        }
        if reason.chars().count() > MAX_REASON {
            return Err(ProjectError::MissingReason);
        }
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let Some(row) = suggestion::Entity::find_by_id(suggestion_id).one(&txn).await? else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        let Some(draft) = questionnaire_draft::Entity::find_by_id(row.draft_id)
            .filter(questionnaire_draft::Column::ProjectId.eq(found.id))
            .one(&txn)
            .await?
        else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        if row.status != suggestion::OPEN {
            return Err(ProjectError::AlreadyDecided);
        }
        if row.author_id == who.person_id {
            return Err(ProjectError::OwnSuggestion);
        }
        let votes =
            suggestion_vote::Entity::find().filter(suggestion_vote::Column::SuggestionId.eq(row.id)).all(&txn).await?;
        if votes.iter().any(|v| v.person_id == who.person_id) {
            return Err(ProjectError::AlreadyVoted);
        }
        let vote = suggestion_vote::ActiveModel {
            suggestion_id: Set(row.id),
            person_id: Set(who.person_id),
            role: Set(role.key().to_string()),
            verdict: Set(if approve { "approve" } else { "reject" }.to_string()),
            reason: Set(reason.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut all = rule_votes(&votes);
        all.extend(rule_votes(std::slice::from_ref(&vote)));
        let author_role = author_role(&txn, found.id, row.author_id).await?;
        let mut outcome = decision::outcome((row.author_id, author_role), &all);
        let mut decided_reason = (!approve).then(|| reason.to_string());
        if outcome == Outcome::Accepted {
            match reword(&draft.definition, &row) {
                Ok(definition) => {
                    questionnaire_draft::Entity::update_many()
                        .col_expr(questionnaire_draft::Column::Definition, Expr::value(definition))
                        .col_expr(questionnaire_draft::Column::Revision, Expr::value(draft.revision + 1))
                        .col_expr(questionnaire_draft::Column::UpdatedAt, Expr::value(now))
                        .filter(questionnaire_draft::Column::Id.eq(draft.id))
                        .exec(&txn)
                        .await?;
                }
                Err(why) => {
                    outcome = Outcome::Rejected;
                    decided_reason = Some(why);
                }
            }
        }
        if matches!(outcome, Outcome::Accepted | Outcome::Rejected) {
            let status = if outcome == Outcome::Accepted { suggestion::ACCEPTED } else { suggestion::REJECTED };
            suggestion::Entity::update_many()
                .col_expr(suggestion::Column::Status, Expr::value(status))
                .col_expr(suggestion::Column::DecidedAt, Expr::value(now))
                .col_expr(suggestion::Column::DecisionReason, Expr::value(decided_reason))
                .filter(suggestion::Column::Id.eq(row.id))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        let verdict = if approve { "approve" } else { "reject" };
        self.audit(who, "suggestion.voted", &found, format!("suggestion:{} {verdict}", row.id)).await?;
        match outcome {
            Outcome::Accepted => {
                self.audit(
                    who,
                    "suggestion.accepted",
                    &found,
                    format!("suggestion:{} draft:{}", row.id, draft.public_id),
                )
                .await?
            }
            Outcome::Rejected => {
                self.audit(who, "suggestion.rejected", &found, format!("suggestion:{}", row.id)).await?
            }
            Outcome::Waiting { .. } => {}
        }
        Ok(outcome)
    }
}

impl ProjectService {
    /// Adds a message to a suggestion's thread (members who write in the project).
    pub async fn comment(
        &self,
        who: &SignedIn,
        public_id: &str,
        suggestion_id: i64,
        body: &str,
        now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let body = check_text(body, MAX_REASON).ok_or(ProjectError::InvalidComment)?;
        let belongs = match suggestion::Entity::find_by_id(suggestion_id).one(&self.db).await? {
            Some(row) => questionnaire_draft::Entity::find_by_id(row.draft_id)
                .one(&self.db)
                .await?
                .is_some_and(|d| d.project_id == found.id),
            None => false,
        };
        if !belongs {
            return Err(ProjectError::Refused(Decision::NotFound));
        }
        suggestion_comment::ActiveModel {
            suggestion_id: Set(suggestion_id),
            author_id: Set(who.person_id),
            body: Set(body),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "suggestion.commented", &found, format!("suggestion:{suggestion_id}")).await?;
        Ok(())
    }
}

/// The author's role in the project, for the rule; a member who left no longer counts.
async fn author_role(db: &impl ConnectionTrait, project_id: i32, author: i32) -> Result<ProjectRole, sea_orm::DbErr> {
    Ok(project_member::Entity::find()
        .filter(project_member::Column::ProjectId.eq(project_id))
        .filter(project_member::Column::PersonId.eq(author))
        .one(db)
        .await?
        .and_then(|m| ProjectRole::from_key(&m.role))
        .unwrap_or(ProjectRole::Observer))
}

fn rule_votes(votes: &[suggestion_vote::Model]) -> Vec<Vote> {
    votes
        .iter()
        .filter_map(|v| {
            Some(Vote { person: v.person_id, role: ProjectRole::from_key(&v.role)?, approve: v.verdict == "approve" })
        })
        .collect()
}

/// The draft with the suggested wording applied, checked by survey-defs; the reason
/// otherwise (the item went away, or the result no longer validates).
fn reword(definition: &str, row: &suggestion::Model) -> Result<String, String> {
    let mut questionnaire = Questionnaire::from_json(definition).map_err(|e| e.to_string())?;
    let item = questionnaire
        .sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.id == row.item_id)
        .ok_or_else(|| format!("the item {} is no longer in the draft", row.item_id))?;
    item.text.set(&row.language, &row.new_text);
    let problems = questionnaire.validate();
    if let Some(problem) = problems.first() {
        return Err(format!("the reworded draft is not valid: {problem}"));
    }
    Ok(questionnaire.to_canonical_json())
}
