//! Drafts and suggestions: a project's working copy of a questionnaire changes only
//! when a suggestion (a list of `survey_defs::Change`, made together) is accepted by the
//! decision rule ([`super::decision`]); publishing is a suggestion too
//! ([`super::publishing`]). Every proposal, vote and decision is in the audit log.

use super::decision::{self, Outcome, Vote};
use super::{ProjectError, ProjectService, person_name};
use crate::db::{begin_serialised, locks};
use crate::entities::{
    draft_comment, project, project_member, questionnaire, questionnaire_draft, questionnaire_version, suggestion,
    suggestion_comment, suggestion_vote,
};
use crate::identity::{Action, Decision, ProjectRole, SignedIn, decide};
use crate::respondents::secrets;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use survey_defs::{Change, Questionnaire};

/// Longest suggested wording.
pub const MAX_WORDING: usize = 1000;
/// Longest rationale or reason.
pub const MAX_REASON: usize = 2000;

/// A suggestion as pages show it.
#[derive(Clone, Debug, PartialEq)]
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
    /// What it changes (empty for a publication).
    pub changes: Vec<Change>,
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
    /// Messages about its items: item id, author, when (ms), text; oldest first.
    pub item_comments: Vec<(String, String, i64, String)>,
    /// The identifier and version to publish it as, unless people choose others: the
    /// institution's own identifier with the next minor version, or a new identifier.
    pub publish_as: (String, String),
}

pub(crate) fn check_text(text: &str, max: usize) -> Option<String> {
    let text = text.trim().replace("\r\n", "\n");
    (!text.is_empty() && text.chars().count() <= max).then_some(text)
}

impl ProjectService {
    pub(crate) async fn draft_of(
        &self,
        project_id: i32,
        draft: &str,
    ) -> Result<questionnaire_draft::Model, ProjectError> {
        questionnaire_draft::Entity::find()
            .filter(questionnaire_draft::Column::PublicId.eq(draft))
            .filter(questionnaire_draft::Column::ProjectId.eq(project_id))
            .one(&self.db)
            .await?
            .ok_or(ProjectError::Refused(Decision::NotFound))
    }

    /// Starts a draft: `source` is `empty` (a blank questionnaire titled `title`), a
    /// published questionnaire's slug (its newest version: a built-in instrument, or any
    /// in the library), or `slug@version` (an earlier version, such as one the project
    /// published before).
    pub async fn start_draft(
        &self,
        who: &SignedIn,
        public_id: &str,
        source: &str,
        title: &str,
        now: i64,
    ) -> Result<String, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let (definition, based_on, described) = if source == "empty" {
            let title = check_text(title, super::MAX_TITLE).ok_or(ProjectError::InvalidTitle)?;
            let slug = slug_of(&title);
            let title = survey_defs::LocalizedText::new().with("fr", &title);
            let draft = survey_defs::empty_draft(&slug, &title, &["en".to_string()]);
            (draft.to_canonical_json(), None, "empty".to_string())
        } else {
            let (slug, version) = match source.split_once('@') {
                Some((slug, version)) => (slug, Some(version)),
                None => (source, None),
            };
            let parent = questionnaire::Entity::find()
                .filter(questionnaire::Column::Slug.eq(slug))
                .one(&self.db)
                .await?
                .ok_or(ProjectError::UnknownSource)?;
            let mut query = questionnaire_version::Entity::find()
                .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
                .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED));
            if let Some(version) = version {
                query = query.filter(questionnaire_version::Column::Version.eq(version));
            }
            let chosen = query
                .all(&self.db)
                .await?
                .into_iter()
                .max_by_key(|v| crate::catalog::semver_key(&v.version))
                .ok_or(ProjectError::UnknownSource)?;
            let described = format!("{slug} {}", chosen.version);
            (chosen.definition, Some(chosen.id), described)
        };
        let id = secrets::public_id();
        questionnaire_draft::ActiveModel {
            project_id: Set(found.id),
            public_id: Set(id.clone()),
            definition: Set(definition),
            based_on_version_id: Set(based_on),
            revision: Set(0),
            created_by: Set(who.person_id),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "project.draft_started", &found, format!("draft:{id} from {described}")).await?;
        Ok(id)
    }

    /// The draft as it stands, for a member who may change it.
    pub async fn draft_questionnaire(
        &self,
        who: &SignedIn,
        public_id: &str,
        draft: &str,
    ) -> Result<Questionnaire, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let row = self.draft_of(found.id, draft).await?;
        Questionnaire::from_draft_json(&row.definition).ok_or(ProjectError::CorruptDraft)
    }

    /// Versions the project published (slug, version, French title), newest first: a
    /// draft may start again from any of them.
    pub async fn own_versions(&self, project_id: i32) -> Result<Vec<(String, String, String)>, sea_orm::DbErr> {
        let rows = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::ProjectId.eq(project_id))
            .order_by_desc(questionnaire_version::Column::Id)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|v| {
                let q = Questionnaire::from_json(&v.definition).ok()?;
                Some((q.id.clone(), v.version, q.title.get("fr").to_string()))
            })
            .collect())
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
                let title = Questionnaire::from_draft_json(&d.definition)
                    .map(|q| q.title.get("fr").to_string())
                    .unwrap_or_default();
                (d.public_id, title, d.revision)
            })
            .collect())
    }

    /// One draft with its suggestions.
    pub async fn draft_view(&self, who: &SignedIn, public_id: &str, draft: &str) -> Result<DraftView, ProjectError> {
        let found =
            self.allowed(who, public_id, |institution, project| Action::SeeProject { institution, project }).await?;
        let row = self.draft_of(found.id, draft).await?;
        let questionnaire = Questionnaire::from_draft_json(&row.definition).ok_or(ProjectError::CorruptDraft)?;
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
        let mut item_comments = Vec::new();
        for c in draft_comment::Entity::find()
            .filter(draft_comment::Column::DraftId.eq(row.id))
            .order_by_asc(draft_comment::Column::Id)
            .all(&self.db)
            .await?
        {
            item_comments.push((c.item_id, person_name(&self.db, c.author_id).await?, c.created_at, c.body));
        }
        let publish_as = self.publish_as(&found, &questionnaire).await?;
        Ok(DraftView {
            project: found,
            draft: row,
            questionnaire,
            can_contribute,
            suggestions,
            base,
            item_comments,
            publish_as,
        })
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
            if let Some(role) = ProjectRole::from_key(&v.role) {
                named.push((person_name(&self.db, v.person_id).await?, role, v.verdict == "approve", v.reason.clone()));
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
        let author = person_name(&self.db, row.author_id).await?;
        let mut comments = Vec::new();
        for c in suggestion_comment::Entity::find()
            .filter(suggestion_comment::Column::SuggestionId.eq(row.id))
            .order_by_asc(suggestion_comment::Column::Id)
            .all(&self.db)
            .await?
        {
            comments.push((person_name(&self.db, c.author_id).await?, c.created_at, c.body));
        }
        let changes = changes_of(&row);
        Ok(SuggestionView { row, author, current_text, votes: named, outcome, can_vote, comments, changes })
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
        // The policy first: a caller it refuses learns nothing from the form's content.
        self.allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let text = check_text(new_text, MAX_WORDING).ok_or(ProjectError::InvalidWording)?;
        let change = Change::Reword { item: item_id.to_string(), language: language.to_string(), text };
        self.propose_changes(who, public_id, draft, vec![change], rationale, now).await
    }

    /// Proposes changes to a draft, made together if accepted, with why. They are tried
    /// on the draft as it stands, so a proposal that could never apply is refused now.
    pub async fn propose_changes(
        &self,
        who: &SignedIn,
        public_id: &str,
        draft: &str,
        changes: Vec<Change>,
        rationale: &str,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let row = self.draft_of(found.id, draft).await?;
        let questionnaire = Questionnaire::from_draft_json(&row.definition).ok_or(ProjectError::CorruptDraft)?;
        if changes.is_empty() {
            return Err(ProjectError::NoChange);
        }
        let rationale = check_text(rationale, MAX_REASON).ok_or(ProjectError::MissingReason)?;
        let next = survey_defs::apply_to_draft(&questionnaire, &changes).map_err(|e| match e {
            survey_defs::ChangeError::UnknownItem(_) => ProjectError::UnknownItem,
            survey_defs::ChangeError::UnknownLanguage(_) => ProjectError::UnknownLanguage,
            other => ProjectError::InvalidChange(other),
        })?;
        if next == questionnaire {
            return Err(ProjectError::NoChange);
        }
        let (item_id, language, new_text) = match changes.first() {
            Some(Change::Reword { item, language, text }) => (item.clone(), language.clone(), text.clone()),
            Some(other) => {
                (other.item().or(other.scale()).unwrap_or_default().to_string(), String::new(), String::new())
            }
            None => (String::new(), String::new(), String::new()),
        };
        let inserted = suggestion::ActiveModel {
            draft_id: Set(row.id),
            author_id: Set(who.person_id),
            item_id: Set(item_id.clone()),
            language: Set(language),
            new_text: Set(new_text),
            rationale: Set(rationale),
            status: Set(suggestion::OPEN.to_string()),
            created_at: Set(now),
            decided_at: Set(None),
            decision_reason: Set(None),
            kind: Set(suggestion::CHANGE.to_string()),
            changes: Set(Some(serde_json::to_string(&changes).unwrap_or_default())),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        let kinds: Vec<&str> = changes.iter().map(Change::kind).collect();
        self.audit(
            who,
            "suggestion.proposed",
            &found,
            format!("suggestion:{} {} on {item_id}", inserted.id, kinds.join("+")),
        )
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
        if outcome == Outcome::Accepted && row.kind == suggestion::PUBLISH {
            if let Err(why) = self.publish(&txn, &found, &draft, &row, now).await? {
                outcome = Outcome::Rejected;
                decided_reason = Some(why);
            }
        } else if outcome == Outcome::Accepted {
            match apply_suggestion(&draft.definition, &row) {
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
            Outcome::Accepted if row.kind == suggestion::PUBLISH => {
                let slug = row.publish_slug.clone().unwrap_or_default();
                let version = row.publish_version.clone().unwrap_or_default();
                self.audit(
                    who,
                    "questionnaire.published",
                    &found,
                    format!("suggestion:{} draft:{} as {slug} {version}", row.id, draft.public_id),
                )
                .await?
            }
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

impl ProjectService {
    /// What a draft would be published as by default: under its own identifier with the
    /// next minor version when that identifier is the institution's; otherwise (a copy of
    /// a built-in or another institution's questionnaire) a new identifier.
    async fn publish_as(
        &self,
        project: &project::Model,
        q: &Questionnaire,
    ) -> Result<(String, String), sea_orm::DbErr> {
        let existing =
            questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(&q.id)).one(&self.db).await?;
        match existing {
            None => Ok((q.id.clone(), "1.0.0".to_string())),
            Some(parent) if parent.institution_id == Some(project.institution_id) => {
                let newest = super::publishing::newest_version(&self.db, parent.id)
                    .await?
                    .map(|v| crate::catalog::semver_key(&v.version))
                    .unwrap_or_default();
                let major = newest.first().copied().unwrap_or(1);
                let minor = newest.get(1).copied().unwrap_or(0) + 1;
                Ok((q.id.clone(), format!("{major}.{minor}.0")))
            }
            Some(_) => {
                let mut slug = format!("{}-{}", q.id, slug_of(&project.title));
                slug.truncate(64);
                Ok((slug.trim_end_matches('-').to_string(), "1.0.0".to_string()))
            }
        }
    }

    /// Adds a message to the thread of one item of a draft (members who write in the project).
    pub async fn comment_on_item(
        &self,
        who: &SignedIn,
        public_id: &str,
        draft: &str,
        item_id: &str,
        body: &str,
        now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let row = self.draft_of(found.id, draft).await?;
        let body = check_text(body, MAX_REASON).ok_or(ProjectError::InvalidComment)?;
        let questionnaire = Questionnaire::from_draft_json(&row.definition).ok_or(ProjectError::CorruptDraft)?;
        if questionnaire.item(item_id).is_none() {
            return Err(ProjectError::UnknownItem);
        }
        draft_comment::ActiveModel {
            draft_id: Set(row.id),
            item_id: Set(item_id.to_string()),
            author_id: Set(who.person_id),
            body: Set(body),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "draft.item_commented", &found, format!("draft:{draft} item:{item_id}")).await?;
        Ok(())
    }
}

/// The author's role in the project, for the rule; a member who left no longer counts.
pub(crate) async fn author_role(
    db: &impl ConnectionTrait,
    project_id: i32,
    author: i32,
) -> Result<ProjectRole, sea_orm::DbErr> {
    Ok(project_member::Entity::find()
        .filter(project_member::Column::ProjectId.eq(project_id))
        .filter(project_member::Column::PersonId.eq(author))
        .one(db)
        .await?
        .and_then(|m| ProjectRole::from_key(&m.role))
        .unwrap_or(ProjectRole::Observer))
}

pub(crate) fn rule_votes(votes: &[suggestion_vote::Model]) -> Vec<Vote> {
    votes
        .iter()
        .filter_map(|v| {
            Some(Vote { person: v.person_id, role: ProjectRole::from_key(&v.role)?, approve: v.verdict == "approve" })
        })
        .collect()
}

/// What a suggestion changes: its stored list, or the rewording older rows describe.
pub fn changes_of(row: &suggestion::Model) -> Vec<Change> {
    match &row.changes {
        Some(json) => serde_json::from_str(json).unwrap_or_default(),
        None if row.kind == suggestion::CHANGE => vec![Change::Reword {
            item: row.item_id.clone(),
            language: row.language.clone(),
            text: row.new_text.clone(),
        }],
        None => Vec::new(),
    }
}

/// The draft with the suggestion's changes made, checked by survey-defs; the reason
/// otherwise (something it changes went away, or the result holds a mistake).
fn apply_suggestion(definition: &str, row: &suggestion::Model) -> Result<String, String> {
    let questionnaire = Questionnaire::from_draft_json(definition).ok_or("the stored draft does not parse")?;
    let changes = changes_of(row);
    if changes.is_empty() {
        return Err("the suggestion holds no change".to_string());
    }
    survey_defs::apply_to_draft(&questionnaire, &changes).map(|q| q.to_canonical_json()).map_err(|e| e.to_string())
}

/// A questionnaire identifier from a title: lowercase ASCII letters and digits joined by
/// dashes, accents dropped (`"Ma sortie d'hôpital"` → `ma-sortie-d-hopital`).
pub fn slug_of(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(48).collect();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "questionnaire".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    #[test]
    fn titles_become_identifiers() {
        assert_eq!(super::slug_of("Ma sortie d'hôpital"), "ma-sortie-d-hopital");
        assert_eq!(super::slug_of("  !!! "), "questionnaire");
        assert!(super::slug_of(&"é".repeat(200)).len() <= 48);
    }
}
