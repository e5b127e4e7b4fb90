//! Improvement projects: a need statement written together, and members with a role in
//! the project. Knows nothing of HTTP; every access is asked of the policy
//! (`identity::policy`) with the caller's project roles.
//!
//! The need statement is append-only (`need_revision`): each save is a new revision
//! based on the one its author was reading. A save based on an outdated revision does
//! not replace the current text: it is kept as a conflict, shown to its author with
//! both texts, until they keep theirs (a new revision over the current one) or drop it.

pub mod action_status;
pub mod decision;
pub mod desk;
pub mod edits;
pub mod handlers;
pub mod loop_measures;
pub mod plan_handlers;
pub mod plans;
pub mod publishing;
pub mod suggestions;

use crate::audit::{self, AuditEvent};
use crate::db::{begin_serialised, locks};
use crate::entities::{institution, membership, need_revision, person, project, project_member};
use crate::identity::{Action, Decision, ProjectRole, SignedIn, decide};
use crate::respondents::secrets::public_id;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// Longest project title.
pub const MAX_TITLE: usize = 200;
/// Longest need statement.
pub const MAX_NEED: usize = 20_000;

/// Why a project operation was refused.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The policy says no (the decision says how to answer).
    #[error("refused: {0:?}")]
    Refused(Decision),
    /// The title is empty or too long.
    #[error("the title must have 1 to {MAX_TITLE} characters")]
    InvalidTitle,
    /// The need statement is too long.
    #[error("the need statement must have at most {MAX_NEED} characters")]
    InvalidNeed,
    /// The person is not among the institution's people.
    #[error("this person has no role in the project's institution")]
    NotInInstitution,
    /// The role is not a project role.
    #[error("unknown project role")]
    InvalidRole,
    /// The conflict is already settled, or is not the caller's (a form sent twice).
    #[error("no such conflict to settle")]
    NoSuchConflict,
    /// Removing or demoting this member would leave nobody to manage the members.
    #[error("a project keeps at least one professional or quality-team member")]
    LastLead,
    /// No published questionnaire by that name to start a draft from.
    #[error("no published questionnaire to start from")]
    UnknownSource,
    /// The stored draft does not parse: corruption, never user input.
    #[error("the stored draft does not parse")]
    CorruptDraft,
    /// The draft has no such item.
    #[error("the draft has no such item")]
    UnknownItem,
    /// The questionnaire is not written in that language.
    #[error("the questionnaire has no such language")]
    UnknownLanguage,
    /// The suggested wording is empty or too long.
    #[error("the wording must have 1 to 1000 characters")]
    InvalidWording,
    /// A rationale (or a rejection's reason) is required.
    #[error("say why (at most 2000 characters)")]
    MissingReason,
    /// The suggestion was already accepted or rejected.
    #[error("the suggestion is already decided")]
    AlreadyDecided,
    /// Authors do not vote on their own suggestion (proposing counts as approving).
    #[error("authors do not vote on their own suggestion")]
    OwnSuggestion,
    /// One vote per member.
    #[error("already voted")]
    AlreadyVoted,
    /// A comment must say something, at most 2000 characters.
    #[error("a comment has 1 to 2000 characters")]
    InvalidComment,
    /// The proposed change refers to something not in the draft, or would leave a mistake.
    #[error("the change cannot be made: {0}")]
    InvalidChange(survey_defs::ChangeError),
    /// A field of a change form cannot be read; the key names which, for the message.
    #[error("a field cannot be read: {0}")]
    BadField(&'static str),
    /// Nothing was changed in the form.
    #[error("the proposal changes nothing")]
    NoChange,
    /// The draft still has problems; the first ones are listed.
    #[error("the draft is not ready to publish: {}", .0.first().map(ToString::to_string).unwrap_or_default())]
    DraftIncomplete(Vec<survey_defs::Problem>),
    /// The identifier is malformed, or belongs to another institution's (or a built-in) questionnaire.
    #[error("this identifier cannot be used")]
    SlugTaken,
    /// The version is not `MAJOR.MINOR.PATCH`, or not above the newest published one.
    #[error("the version must be MAJOR.MINOR.PATCH and above the newest published one")]
    InvalidVersion,
    /// The jargon list has too many terms, or a term too long.
    #[error("the jargon list holds at most {MAX_JARGON_TERMS} terms of at most {MAX_JARGON_TERM} characters")]
    InvalidJargon,
    /// No such campaign of the institution, or it belongs to another project.
    #[error("no such campaign to link")]
    UnknownCampaign,
    /// A finding needs a statement (at most 2000 characters) and evidence from the campaign.
    #[error("a finding has a statement of 1 to 2000 characters and cites the campaign's questions or scores")]
    InvalidFinding,
    /// An action says what will be done, in 1 to 1000 characters.
    #[error("an action says what will be done, in 1 to 1000 characters")]
    InvalidAction,
    /// An action names who carries it, in 1 to 200 characters.
    #[error("an action names who carries it")]
    InvalidOwner,
    /// The due date is not a `YYYY-MM-DD` date.
    #[error("the due date must be a date")]
    InvalidDueDate,
    /// A plan without findings has nothing to publish.
    #[error("nothing to publish yet")]
    NothingToPublish,
    /// The status change is not allowed.
    #[error(transparent)]
    Transition(action_status::TransitionError),
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl ProjectError {
    /// Stable key, also the translation key of the message shown.
    pub fn key(&self) -> &'static str {
        match self {
            ProjectError::Refused(_) | ProjectError::Db(_) | ProjectError::CorruptDraft => "service-unavailable",
            ProjectError::UnknownSource => "draft-error-source",
            ProjectError::UnknownItem => "suggestion-error-item",
            ProjectError::UnknownLanguage => "suggestion-error-language",
            ProjectError::InvalidWording => "suggestion-error-wording",
            ProjectError::MissingReason => "suggestion-error-reason",
            ProjectError::AlreadyDecided => "suggestion-error-decided",
            ProjectError::OwnSuggestion => "suggestion-error-own",
            ProjectError::AlreadyVoted => "suggestion-error-voted",
            ProjectError::InvalidComment => "suggestion-error-comment",
            ProjectError::InvalidTitle => "project-error-title",
            ProjectError::InvalidNeed => "project-error-need",
            ProjectError::NotInInstitution => "project-error-person",
            ProjectError::InvalidRole => "project-error-role",
            ProjectError::LastLead => "project-error-last-lead",
            ProjectError::NoSuchConflict => "project-error-conflict-settled",
            ProjectError::InvalidChange(survey_defs::ChangeError::SectionNotEmpty(_)) => {
                "change-error-section-not-empty"
            }
            ProjectError::InvalidChange(survey_defs::ChangeError::LastSection) => "change-error-last-section",
            ProjectError::InvalidChange(survey_defs::ChangeError::InvalidLanguage(_)) => "change-error-language",
            ProjectError::InvalidChange(_) => "change-error-invalid",
            ProjectError::NoChange => "change-error-nothing",
            ProjectError::BadField(key) => key,
            ProjectError::DraftIncomplete(_) => "publish-error-incomplete",
            ProjectError::SlugTaken => "publish-error-slug",
            ProjectError::InvalidVersion => "publish-error-version",
            ProjectError::InvalidJargon => "jargon-error",
            ProjectError::UnknownCampaign => "plan-error-campaign",
            ProjectError::InvalidFinding => "plan-error-finding",
            ProjectError::InvalidAction => "plan-error-action",
            ProjectError::InvalidOwner => "plan-error-owner",
            ProjectError::InvalidDueDate => "plan-error-due",
            ProjectError::NothingToPublish => "plan-error-empty",
            ProjectError::Transition(action_status::TransitionError::NeedsCoDecision) => "plan-error-together",
            ProjectError::Transition(action_status::TransitionError::MissingReason) => "suggestion-error-reason",
            ProjectError::Transition(action_status::TransitionError::NotAllowed { .. }) => "plan-error-status",
        }
    }
}

/// Most terms a project's jargon list holds.
pub const MAX_JARGON_TERMS: usize = 200;
/// Longest term of a jargon list.
pub const MAX_JARGON_TERM: usize = 60;

/// A jargon list from its form: one term per line; blank lines and repeats (ignoring
/// case) dropped, order kept.
pub fn parse_jargon(text: &str) -> Result<Vec<String>, ProjectError> {
    let mut terms: Vec<String> = Vec::new();
    for line in text.lines() {
        let term = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if term.is_empty() || terms.iter().any(|t| t.to_lowercase() == term.to_lowercase()) {
            continue;
        }
        if term.chars().count() > MAX_JARGON_TERM || term.chars().any(char::is_control) {
            return Err(ProjectError::InvalidJargon);
        }
        terms.push(term);
    }
    if terms.len() > MAX_JARGON_TERMS {
        return Err(ProjectError::InvalidJargon);
    }
    Ok(terms)
}

/// The stored jargon list as terms.
pub fn jargon_terms(stored: &str) -> Vec<String> {
    stored.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
}

/// A project as its list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectSummary {
    /// In addresses.
    pub public_id: String,
    /// Title.
    pub title: String,
    /// Owning institution's name.
    pub institution_name: String,
    /// The caller's role in it, if they are a member.
    pub my_role: Option<ProjectRole>,
    /// How many members.
    pub members: usize,
}

/// One member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberView {
    /// The membership's id (in form addresses).
    pub id: i32,
    /// The person.
    pub person_id: i32,
    /// Their name.
    pub display_name: String,
    /// Their role in the project.
    pub role: ProjectRole,
    /// They agreed to be named in the credits.
    pub named_in_credits: bool,
}

/// One revision of the need statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedView {
    /// Revision id.
    pub id: i64,
    /// Text.
    pub body: String,
    /// Who wrote it.
    pub author: String,
    /// When (ms since the epoch).
    pub written_at: i64,
}

/// Everything a project page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectView {
    /// The row.
    pub project: project::Model,
    /// Owning institution's name.
    pub institution_name: String,
    /// The caller's role, if a member.
    pub my_role: Option<ProjectRole>,
    /// May edit the need statement (and later propose changes).
    pub can_contribute: bool,
    /// May add, change and remove members.
    pub can_manage_members: bool,
    /// Members, by name.
    pub members: Vec<MemberView>,
    /// The current need statement, if any was written.
    pub need: Option<NeedView>,
    /// Earlier revisions, newest first.
    pub history: Vec<NeedView>,
    /// The caller's revisions written over an outdated text, not yet settled.
    pub my_conflicts: Vec<NeedView>,
    /// People of the institution who may be added (id, name), when the caller manages members.
    pub candidates: Vec<(i32, String)>,
}

/// What saving the need statement did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedSaved {
    /// It is the current text now.
    Current,
    /// Someone else saved meanwhile: kept as a conflict for its author to settle.
    Conflict(i64),
    /// Nothing changed (the same text as the current one).
    Unchanged,
}

/// Projects over the database.
#[derive(Clone)]
pub struct ProjectService {
    pub(crate) db: DatabaseConnection,
}

fn check_need(body: &str) -> Result<String, ProjectError> {
    let body = body.trim().replace("\r\n", "\n");
    if body.chars().count() > MAX_NEED {
        return Err(ProjectError::InvalidNeed);
    }
    Ok(body)
}

impl ProjectService {
    /// Over this database.
    pub fn new(db: DatabaseConnection) -> ProjectService {
        ProjectService { db }
    }

    pub(crate) async fn audit(
        &self,
        who: &SignedIn,
        action: &str,
        project: &project::Model,
        detail: String,
    ) -> Result<(), DbErr> {
        let event = AuditEvent {
            actor: who.actor(),
            action: action.to_string(),
            subject: format!("project:{}", project.public_id),
            detail,
            institution: Some(project.institution_id),
        };
        audit::append(&self.db, event).await
    }

    /// The project and what the caller may do with it; `Refused` when the policy says no.
    pub(crate) async fn allowed(
        &self,
        who: &SignedIn,
        public_id: &str,
        action: impl Fn(i32, i32) -> Action,
    ) -> Result<project::Model, ProjectError> {
        let Some(found) = project::Entity::find().filter(project::Column::PublicId.eq(public_id)).one(&self.db).await?
        else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        match decide(&who.caller(), action(found.institution_id, found.id)) {
            Decision::Allow => Ok(found),
            other => Err(ProjectError::Refused(other)),
        }
    }

    /// Starts a project in `institution` (a slug the caller holds a role in); its
    /// creator joins it with the project role matching theirs. Returns the public id.
    pub async fn create(
        &self,
        who: &SignedIn,
        institution: &str,
        title: &str,
        need: &str,
        now: i64,
    ) -> Result<String, ProjectError> {
        let Some(grant) = who.grants.iter().find(|g| g.institution_slug == institution) else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        let decision = decide(&who.caller(), Action::StartProject { institution: grant.institution_id });
        if !decision.allowed() {
            return Err(ProjectError::Refused(decision));
        }
        let title = title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            return Err(ProjectError::InvalidTitle);
        }
        let need = check_need(need)?;
        // The creator's own role in the institution gives theirs in the project.
        let role = who
            .grants
            .iter()
            .filter(|g| g.institution_id == grant.institution_id)
            .map(|g| ProjectRole::for_institution_role(g.role))
            .min()
            .unwrap_or(ProjectRole::QualityTeam);
        let id = public_id();
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let row = project::ActiveModel {
            public_id: Set(id.clone()),
            institution_id: Set(grant.institution_id),
            title: Set(title.to_string()),
            created_by: Set(who.person_id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        project_member::ActiveModel {
            project_id: Set(row.id),
            person_id: Set(who.person_id),
            role: Set(role.key().to_string()),
            joined_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        if !need.is_empty() {
            insert_revision(&txn, row.id, &need, who.person_id, now, None, None).await?;
        }
        txn.commit().await?;
        self.audit(who, "project.created", &row, String::new()).await?;
        Ok(id)
    }

    /// The projects the caller belongs to, and those of the institutions they administer.
    pub async fn list(&self, who: &SignedIn) -> Result<Vec<ProjectSummary>, DbErr> {
        let mine: Vec<i32> = who.projects.iter().map(|p| p.project_id).collect();
        let administered: Vec<i32> =
            who.grants.iter().filter(|g| g.role == crate::identity::Role::Admin).map(|g| g.institution_id).collect();
        let rows = project::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(project::Column::Id.is_in(mine))
                    .add(project::Column::InstitutionId.is_in(administered)),
            )
            .order_by_desc(project::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let members = project_member::Entity::find()
                .filter(project_member::Column::ProjectId.eq(row.id))
                .all(&self.db)
                .await?
                .len();
            out.push(ProjectSummary {
                institution_name: institution_name(&self.db, row.institution_id).await?,
                my_role: who.projects.iter().find(|p| p.project_id == row.id).map(|p| p.role),
                public_id: row.public_id,
                title: row.title,
                members,
            });
        }
        Ok(out)
    }

    /// One project as the caller may see it.
    pub async fn view(&self, who: &SignedIn, public_id: &str) -> Result<ProjectView, ProjectError> {
        let found =
            self.allowed(who, public_id, |institution, project| Action::SeeProject { institution, project }).await?;
        let caller = who.caller();
        let can_contribute =
            decide(&caller, Action::ContributeToProject { institution: found.institution_id, project: found.id })
                .allowed();
        let can_manage_members =
            decide(&caller, Action::ManageProjectMembers { institution: found.institution_id, project: found.id })
                .allowed();
        let members = self.members(found.id).await?;
        let revisions = need_revision::Entity::find()
            .filter(need_revision::Column::ProjectId.eq(found.id))
            .order_by_desc(need_revision::Column::Id)
            .all(&self.db)
            .await?;
        let mut current = Vec::new();
        let mut my_conflicts = Vec::new();
        for revision in revisions {
            let view = NeedView {
                id: revision.id,
                author: person_name(&self.db, revision.author_id).await?,
                body: revision.body,
                written_at: revision.written_at,
            };
            if revision.conflict_with.is_none() {
                current.push(view);
            } else if revision.author_id == who.person_id && revision.resolved_at.is_none() {
                my_conflicts.push(view);
            }
        }
        let mut history = current.into_iter();
        let need = history.next();
        let candidates = if can_manage_members {
            let in_project: Vec<i32> = members.iter().map(|m| m.person_id).collect();
            let mut people = Vec::new();
            let ids: Vec<i32> = membership::Entity::find()
                .filter(membership::Column::InstitutionId.eq(found.institution_id))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|m| m.person_id)
                .filter(|id| !in_project.contains(id))
                .collect();
            for p in person::Entity::find()
                .filter(person::Column::Id.is_in(ids))
                .filter(person::Column::DisabledAt.is_null())
                .order_by_asc(person::Column::DisplayName)
                .all(&self.db)
                .await?
            {
                people.push((p.id, p.display_name));
            }
            people
        } else {
            Vec::new()
        };
        Ok(ProjectView {
            institution_name: institution_name(&self.db, found.institution_id).await?,
            my_role: who.projects.iter().find(|p| p.project_id == found.id).map(|p| p.role),
            project: found,
            can_contribute,
            can_manage_members,
            members,
            need,
            history: history.collect(),
            my_conflicts,
            candidates,
        })
    }

    async fn members(&self, project_id: i32) -> Result<Vec<MemberView>, DbErr> {
        let rows = project_member::Entity::find()
            .filter(project_member::Column::ProjectId.eq(project_id))
            .all(&self.db)
            .await?;
        let mut members = Vec::with_capacity(rows.len());
        for row in rows {
            let Some(role) = ProjectRole::from_key(&row.role) else { continue };
            members.push(MemberView {
                id: row.id,
                person_id: row.person_id,
                display_name: person_name(&self.db, row.person_id).await?,
                role,
                named_in_credits: row.named_in_credits,
            });
        }
        members.sort_by(|a, b| a.display_name.cmp(&b.display_name));
        Ok(members)
    }

    /// Saves the need statement as the caller wrote it, starting from revision
    /// `based_on` (`None` when there was none).
    pub async fn write_need(
        &self,
        who: &SignedIn,
        public_id: &str,
        body: &str,
        based_on: Option<i64>,
        now: i64,
    ) -> Result<NeedSaved, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let body = check_need(body)?;
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let latest = need_revision::Entity::find()
            .filter(need_revision::Column::ProjectId.eq(found.id))
            .filter(need_revision::Column::ConflictWith.is_null())
            .order_by_desc(need_revision::Column::Id)
            .one(&txn)
            .await?;
        if latest.as_ref().is_some_and(|l| l.body == body) {
            return Ok(NeedSaved::Unchanged);
        }
        let latest_id = latest.map(|l| l.id);
        let outcome = if latest_id == based_on {
            insert_revision(&txn, found.id, &body, who.person_id, now, based_on, None).await?;
            NeedSaved::Current
        } else {
            let kept = insert_revision(&txn, found.id, &body, who.person_id, now, based_on, latest_id).await?;
            NeedSaved::Conflict(kept)
        };
        txn.commit().await?;
        let action = if outcome == NeedSaved::Current { "project.need_revised" } else { "project.need_conflict" };
        self.audit(who, action, &found, String::new()).await?;
        Ok(outcome)
    }

    /// Settles one of the caller's conflicting revisions: `keep` makes it the current
    /// text (over whatever is current now), otherwise it is dropped (kept, marked settled).
    pub async fn settle_conflict(
        &self,
        who: &SignedIn,
        public_id: &str,
        revision: i64,
        keep: bool,
        now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let Some(mine) = need_revision::Entity::find_by_id(revision)
            .filter(need_revision::Column::ProjectId.eq(found.id))
            .filter(need_revision::Column::AuthorId.eq(who.person_id))
            .filter(need_revision::Column::ConflictWith.is_not_null())
            .filter(need_revision::Column::ResolvedAt.is_null())
            .one(&txn)
            .await?
        else {
            return Err(ProjectError::NoSuchConflict);
        };
        need_revision::Entity::update_many()
            .col_expr(need_revision::Column::ResolvedAt, Expr::value(now))
            .filter(need_revision::Column::Id.eq(mine.id))
            .exec(&txn)
            .await?;
        if keep {
            let latest = need_revision::Entity::find()
                .filter(need_revision::Column::ProjectId.eq(found.id))
                .filter(need_revision::Column::ConflictWith.is_null())
                .order_by_desc(need_revision::Column::Id)
                .one(&txn)
                .await?
                .map(|l| l.id);
            insert_revision(&txn, found.id, &mine.body, who.person_id, now, latest, None).await?;
        }
        txn.commit().await?;
        let action = if keep { "project.need_revised" } else { "project.need_conflict_dropped" };
        self.audit(who, action, &found, String::new()).await?;
        Ok(())
    }

    /// Adds a person of the project's institution with a project role (`None`: nobody
    /// was chosen).
    pub async fn add_member(
        &self,
        who: &SignedIn,
        public_id: &str,
        person_id: Option<i32>,
        role: &str,
        now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ManageProjectMembers { institution, project })
            .await?;
        let person_id = person_id.ok_or(ProjectError::NotInInstitution)?;
        let role = ProjectRole::from_key(role).ok_or(ProjectError::InvalidRole)?;
        let in_institution = membership::Entity::find()
            .filter(membership::Column::InstitutionId.eq(found.institution_id))
            .filter(membership::Column::PersonId.eq(person_id))
            .one(&self.db)
            .await?
            .is_some();
        if !in_institution {
            return Err(ProjectError::NotInInstitution);
        }
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let existing = project_member::Entity::find()
            .filter(project_member::Column::ProjectId.eq(found.id))
            .filter(project_member::Column::PersonId.eq(person_id))
            .one(&txn)
            .await?;
        match existing {
            Some(member) => {
                project_member::Entity::update_many()
                    .col_expr(project_member::Column::Role, Expr::value(role.key()))
                    .filter(project_member::Column::Id.eq(member.id))
                    .exec(&txn)
                    .await?;
            }
            None => {
                project_member::ActiveModel {
                    project_id: Set(found.id),
                    person_id: Set(person_id),
                    role: Set(role.key().to_string()),
                    joined_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        txn.commit().await?;
        self.audit(who, "project.member_added", &found, format!("person:{person_id} as {}", role.key())).await?;
        Ok(())
    }

    /// Replaces the project's own jargon list, the words its readability checks flag on
    /// top of the language's defaults (one term per line); logged.
    pub async fn set_jargon(&self, who: &SignedIn, public_id: &str, text: &str) -> Result<(), ProjectError> {
        let terms = parse_jargon(text)?;
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        project::Entity::update_many()
            .col_expr(project::Column::Jargon, Expr::value(terms.join("\n")))
            .filter(project::Column::Id.eq(found.id))
            .exec(&self.db)
            .await?;
        self.audit(who, "project.jargon", &found, format!("{} terms", terms.len())).await?;
        Ok(())
    }

    /// The caller agrees (or no longer agrees) to be named in the credits of versions the
    /// project publishes from now on. Members who co-design only (observers are not
    /// credited); logged.
    pub async fn name_in_credits(
        &self,
        who: &SignedIn,
        public_id: &str,
        named: bool,
        _now: i64,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let changed = project_member::Entity::update_many()
            .col_expr(project_member::Column::NamedInCredits, Expr::value(named))
            .filter(project_member::Column::ProjectId.eq(found.id))
            .filter(project_member::Column::PersonId.eq(who.person_id))
            .exec(&self.db)
            .await?;
        if changed.rows_affected == 0 {
            return Err(ProjectError::Refused(Decision::Forbidden));
        }
        let detail = if named { "named in credits" } else { "not named in credits" };
        self.audit(who, "project.credit_consent", &found, detail.to_string()).await?;
        Ok(())
    }

    /// Changes a member's role (`Some`) or removes them (`None`). A project always
    /// keeps a professional or quality-team member, who can manage the others.
    pub async fn change_member(
        &self,
        who: &SignedIn,
        public_id: &str,
        member_id: i32,
        role: Option<&str>,
    ) -> Result<(), ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ManageProjectMembers { institution, project })
            .await?;
        let role = match role {
            Some(key) => Some(ProjectRole::from_key(key).ok_or(ProjectError::InvalidRole)?),
            None => None,
        };
        let txn = begin_serialised(&self.db, locks::PROJECTS).await?;
        let members =
            project_member::Entity::find().filter(project_member::Column::ProjectId.eq(found.id)).all(&txn).await?;
        let Some(member) = members.iter().find(|m| m.id == member_id) else {
            return Err(ProjectError::Refused(Decision::NotFound));
        };
        let leads_after = members
            .iter()
            .filter(|m| {
                let role_after = if m.id == member_id { role } else { ProjectRole::from_key(&m.role) };
                role_after.is_some_and(ProjectRole::leads)
            })
            .count();
        if leads_after == 0 {
            return Err(ProjectError::LastLead);
        }
        match role {
            Some(role) => {
                project_member::Entity::update_many()
                    .col_expr(project_member::Column::Role, Expr::value(role.key()))
                    .filter(project_member::Column::Id.eq(member_id))
                    .exec(&txn)
                    .await?;
            }
            None => {
                project_member::Entity::delete_by_id(member_id).exec(&txn).await?;
            }
        }
        txn.commit().await?;
        let (action, detail) = match role {
            Some(role) => ("project.member_role_changed", format!("person:{} to {}", member.person_id, role.key())),
            None => ("project.member_removed", format!("person:{}", member.person_id)),
        };
        self.audit(who, action, &found, detail).await?;
        Ok(())
    }
}

async fn insert_revision(
    db: &impl ConnectionTrait,
    project_id: i32,
    body: &str,
    author: i32,
    now: i64,
    based_on: Option<i64>,
    conflict_with: Option<i64>,
) -> Result<i64, DbErr> {
    let row = need_revision::ActiveModel {
        project_id: Set(project_id),
        body: Set(body.to_string()),
        author_id: Set(author),
        written_at: Set(now),
        based_on: Set(based_on),
        conflict_with: Set(conflict_with),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// A person's display name (empty if they are gone).
pub(crate) async fn person_name(db: &impl ConnectionTrait, id: i32) -> Result<String, DbErr> {
    Ok(person::Entity::find_by_id(id).one(db).await?.map(|p| p.display_name).unwrap_or_default())
}

async fn institution_name(db: &DatabaseConnection, id: i32) -> Result<String, DbErr> {
    Ok(institution::Entity::find_by_id(id).one(db).await?.map(|i| i.name).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jargon_list_keeps_one_term_per_line_without_blanks_or_repeats() {
        let terms = parse_jargon("  Ambulatoire \n\nHDJ\nambulatoire\r\n  prise   en charge ").expect("valid");
        assert_eq!(terms, ["Ambulatoire", "HDJ", "prise en charge"]);
        assert_eq!(parse_jargon("").expect("empty list is valid"), Vec::<String>::new());
    }

    #[test]
    fn a_jargon_list_refuses_long_terms_and_too_many_terms() {
        assert!(matches!(parse_jargon(&"a".repeat(MAX_JARGON_TERM + 1)), Err(ProjectError::InvalidJargon)));
        let many: Vec<String> = (0..=MAX_JARGON_TERMS).map(|n| format!("terme{n}")).collect();
        assert!(matches!(parse_jargon(&many.join("\n")), Err(ProjectError::InvalidJargon)));
        assert_eq!(parse_jargon("tab\there").expect("tabs are whitespace"), ["tab here"]);
    }
}
