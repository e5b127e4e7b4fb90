//! Publishing a draft as a version, decided together like any suggestion.
//!
//! A member proposes to publish the draft under an identifier and a version number,
//! saying why; the decision rule ([`super::decision`]) decides. On acceptance the
//! version is created in the same transaction as the decision: immutable (its content
//! hash comes from survey-defs), with its credits (how many co-designers of each role,
//! and the names of those who agreed to be named, also written into the definition's
//! provenance), its changelog (the suggestions accepted since the last publication) and
//! a link to the version it follows, against which its structural diff is computed.
//!
//! An identifier belongs to one institution: a project adapting a built-in instrument
//! (PHQ-9) publishes under a new identifier, records what it is based on, and does not
//! claim the validated wording any more.

use super::suggestions::{MAX_REASON, author_role, changes_of, check_text, rule_votes};
use super::{ProjectError, ProjectService, person_name};
use crate::catalog::{PublicationRecord, semver_key};
use crate::clock::iso_minute;
use crate::entities::{
    project, project_member, questionnaire, questionnaire_draft, questionnaire_version, suggestion, suggestion_vote,
};
use crate::identity::{Action, ProjectRole, SignedIn};
use app::catalog::{ChangelogEntry, Credits};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use survey_defs::{AuthorRole, CoAuthor, Questionnaire};

/// The newest version (by version number, whatever its status) of questionnaire `parent`.
pub(crate) async fn newest_version(
    db: &impl ConnectionTrait,
    parent: i32,
) -> Result<Option<questionnaire_version::Model>, DbErr> {
    Ok(questionnaire_version::Entity::find()
        .filter(questionnaire_version::Column::QuestionnaireId.eq(parent))
        .all(db)
        .await?
        .into_iter()
        .max_by_key(|v| semver_key(&v.version)))
}

/// Whether `slug` may name a questionnaire: `[a-z0-9-]`, 1 to 64 characters.
fn valid_slug(slug: &str) -> bool {
    (1..=64).contains(&slug.len()) && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `version` is `MAJOR.MINOR.PATCH`.
fn valid_version(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 6 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The definition as it would be published under `slug` `version`, or why it cannot be.
async fn ready_to_publish(
    db: &impl ConnectionTrait,
    project: &project::Model,
    draft: &questionnaire_draft::Model,
    slug: &str,
    version: &str,
) -> Result<Questionnaire, ProjectError> {
    if !valid_slug(slug) {
        return Err(ProjectError::SlugTaken);
    }
    if !valid_version(version) {
        return Err(ProjectError::InvalidVersion);
    }
    let mut q = Questionnaire::from_draft_json(&draft.definition).ok_or(ProjectError::CorruptDraft)?;
    q.id = slug.to_string();
    q.version = version.to_string();
    if let Some(base_id) = draft.based_on_version_id
        && let Some(base) = questionnaire_version::Entity::find_by_id(base_id).one(db).await?
        && let Ok(base) = Questionnaire::from_json(&base.definition)
        && base.id != slug
    {
        // An adaptation: say what it comes from, and stop claiming the validated wording.
        if q.provenance.based_on.is_none() {
            q.provenance.based_on = Some(format!("{} {} ({})", base.title.get("fr"), base.version, base.id));
        }
        q.licence.wording_locked = false;
    }
    let problems = q.validate();
    if !problems.is_empty() {
        return Err(ProjectError::DraftIncomplete(problems));
    }
    if let Some(parent) = questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(slug)).one(db).await? {
        if parent.institution_id != Some(project.institution_id) {
            return Err(ProjectError::SlugTaken);
        }
        let newest = newest_version(db, parent.id).await?;
        if newest.is_some_and(|newest| semver_key(version) <= semver_key(&newest.version)) {
            return Err(ProjectError::InvalidVersion);
        }
    }
    Ok(q)
}

/// Who co-designs in the project now: members by role (observers excluded), and the
/// names of those who agreed to be named.
async fn credits(db: &impl ConnectionTrait, project: &project::Model) -> Result<Credits, DbErr> {
    let mut out = Credits { project: project.title.clone(), ..Credits::default() };
    let members = project_member::Entity::find()
        .filter(project_member::Column::ProjectId.eq(project.id))
        .order_by_asc(project_member::Column::Id)
        .all(db)
        .await?;
    for m in members {
        let Some(role) = ProjectRole::from_key(&m.role) else { continue };
        match role {
            ProjectRole::PatientPartner => out.patient_partners += 1,
            ProjectRole::Professional => out.professionals += 1,
            ProjectRole::QualityTeam => out.quality_team += 1,
            ProjectRole::Observer => continue,
        }
        if m.named_in_credits {
            out.named.push((person_name(db, m.person_id).await?, role.key().to_string()));
        }
    }
    Ok(out)
}

/// The suggestions accepted on `draft` since its last publication, oldest first.
async fn changelog(
    db: &impl ConnectionTrait,
    draft: &questionnaire_draft::Model,
) -> Result<Vec<ChangelogEntry>, DbErr> {
    let decided = suggestion::Entity::find()
        .filter(suggestion::Column::DraftId.eq(draft.id))
        .filter(suggestion::Column::Status.eq(suggestion::ACCEPTED))
        .order_by_asc(suggestion::Column::DecidedAt)
        .order_by_asc(suggestion::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for row in decided {
        if row.kind == suggestion::PUBLISH {
            out.clear();
            continue;
        }
        let votes =
            suggestion_vote::Entity::find().filter(suggestion_vote::Column::SuggestionId.eq(row.id)).all(db).await?;
        let approved_by =
            rule_votes(&votes).into_iter().filter(|v| v.approve).map(|v| v.role.key().to_string()).collect();
        out.push(ChangelogEntry {
            changes: changes_of(&row),
            rationale: row.rationale.clone(),
            proposed_by: author_role(db, draft.project_id, row.author_id).await?.key().to_string(),
            approved_by,
            decided_at: iso_minute(row.decided_at.unwrap_or(row.created_at)),
        });
    }
    Ok(out)
}

fn author_role_of(key: &str) -> Option<AuthorRole> {
    match ProjectRole::from_key(key)? {
        ProjectRole::PatientPartner => Some(AuthorRole::PatientPartner),
        ProjectRole::Professional => Some(AuthorRole::Professional),
        ProjectRole::QualityTeam => Some(AuthorRole::QualityTeam),
        ProjectRole::Observer => None,
    }
}

impl ProjectService {
    /// Proposes publishing a draft as `slug` `version`, with why. Checked now (the draft
    /// must be complete, the identifier free or the institution's own, the version above
    /// the newest), and again when the rule accepts it.
    #[allow(clippy::too_many_arguments)]
    pub async fn propose_publication(
        &self,
        who: &SignedIn,
        public_id: &str,
        draft: &str,
        slug: &str,
        version: &str,
        notes: &str,
        now: i64,
    ) -> Result<i64, ProjectError> {
        let found = self
            .allowed(who, public_id, |institution, project| Action::ContributeToProject { institution, project })
            .await?;
        let row = self.draft_of(found.id, draft).await?;
        let (slug, version) = (slug.trim(), version.trim());
        ready_to_publish(&self.db, &found, &row, slug, version).await?;
        let notes = check_text(notes, MAX_REASON).ok_or(ProjectError::MissingReason)?;
        let inserted = suggestion::ActiveModel {
            draft_id: Set(row.id),
            author_id: Set(who.person_id),
            item_id: Set(String::new()),
            language: Set(String::new()),
            new_text: Set(String::new()),
            rationale: Set(notes),
            status: Set(suggestion::OPEN.to_string()),
            created_at: Set(now),
            kind: Set(suggestion::PUBLISH.to_string()),
            publish_slug: Set(Some(slug.to_string())),
            publish_version: Set(Some(version.to_string())),
            ..Default::default()
        }
        .insert(&self.db)
        .await?;
        self.audit(who, "publication.proposed", &found, format!("suggestion:{} as {slug} {version}", inserted.id))
            .await?;
        Ok(inserted.id)
    }

    /// Publishes the draft as the accepted publication `row` asks, inside the deciding
    /// transaction. `Ok(Err(why))` when it can no longer be published (the draft or the
    /// library changed since it was proposed): the publication is then rejected with why.
    pub(crate) async fn publish(
        &self,
        txn: &impl ConnectionTrait,
        found: &project::Model,
        draft: &questionnaire_draft::Model,
        row: &suggestion::Model,
        now: i64,
    ) -> Result<Result<(), String>, DbErr> {
        let slug = row.publish_slug.clone().unwrap_or_default();
        let version = row.publish_version.clone().unwrap_or_default();
        let mut q = match ready_to_publish(txn, found, draft, &slug, &version).await {
            Ok(q) => q,
            Err(ProjectError::Db(err)) => return Err(err),
            Err(other) => return Ok(Err(other.to_string())),
        };
        let credits = credits(txn, found).await?;
        for (name, role) in &credits.named {
            if let Some(role) = author_role_of(role)
                && !q.provenance.co_authors.iter().any(|a| a.name == *name)
            {
                q.provenance.co_authors.push(CoAuthor { name: name.clone(), role });
            }
        }
        let record = PublicationRecord { notes: row.rationale.clone(), entries: changelog(txn, draft).await? };
        let parent = match questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(&slug)).one(txn).await? {
            Some(parent) => parent,
            None => {
                questionnaire::ActiveModel {
                    slug: Set(slug.clone()),
                    institution_id: Set(Some(found.institution_id)),
                    kind: Set(format!("{:?}", q.kind).to_lowercase()),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(txn)
                .await?
            }
        };
        let previous = newest_version(txn, parent.id).await?.map(|v| v.id).or(draft.based_on_version_id);
        let definition = q.to_canonical_json();
        let published = questionnaire_version::ActiveModel {
            questionnaire_id: Set(parent.id),
            version: Set(version.clone()),
            status: Set(questionnaire_version::PUBLISHED.to_string()),
            content_hash: Set(q.content_hash()),
            definition: Set(definition.clone()),
            created_at: Set(now),
            published_at: Set(Some(now)),
            project_id: Set(Some(found.id)),
            previous_version_id: Set(previous),
            changelog: Set(Some(serde_json::to_string(&record).unwrap_or_default())),
            credits: Set(Some(serde_json::to_string(&credits).unwrap_or_default())),
            ..Default::default()
        }
        .insert(txn)
        .await?;
        // The draft goes on from what was published: its next changes are measured
        // against this version, and its next publication follows it.
        questionnaire_draft::Entity::update_many()
            .col_expr(questionnaire_draft::Column::Definition, Expr::value(definition))
            .col_expr(questionnaire_draft::Column::BasedOnVersionId, Expr::value(published.id))
            .col_expr(questionnaire_draft::Column::UpdatedAt, Expr::value(now))
            .filter(questionnaire_draft::Column::Id.eq(draft.id))
            .exec(txn)
            .await?;
        Ok(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::{valid_slug, valid_version};

    #[test]
    fn identifiers_and_versions_are_checked() {
        assert!(valid_slug("phq-9-ch-demo") && !valid_slug("") && !valid_slug("PHQ 9") && !valid_slug(&"a".repeat(65)));
        assert!(valid_version("1.0.0") && valid_version("10.20.30"));
        assert!(!valid_version("1.0") && !valid_version("1.0.0-beta") && !valid_version("a.b.c") && !valid_version(""));
    }
}
