//! The reads behind the project pages ([`app::projects::service::ProjectDesk`]).

use super::decision::Outcome;
use super::{NeedView, ProjectError, ProjectService};
use crate::clock::iso_minute;
use crate::identity::{Action, decide};
use crate::staff::{StaffDeskService, refusal, viewer};
use app::catalog::service::{QuestionnaireCatalog, ServiceError};
use app::projects::{
    DraftChange, DraftChanges, DraftItem, DraftPage, DraftRow, NeedRevision, ProjectMember, ProjectPage, ProjectRow,
    ProjectsPage, SuggestionRow, VoteRow,
};
use app::staff::StaffAnswer;
use std::sync::Arc;

/// Project pages for the signed-in person.
pub struct ProjectDeskService {
    /// Sessions.
    pub staff: Arc<StaffDeskService>,
    /// Projects.
    pub projects: Arc<ProjectService>,
    /// The questionnaire library (what drafts start from).
    pub catalog: Arc<crate::catalog::DbCatalog>,
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    tracing::error!(error = %err, "project desk failed");
    ServiceError::Unavailable
}

fn revision(view: NeedView) -> NeedRevision {
    NeedRevision { id: view.id, body: view.body, author: view.author, written_at: iso_minute(view.written_at) }
}

#[async_trait::async_trait]
impl app::projects::service::ProjectDesk for ProjectDeskService {
    async fn projects(&self, cookies: &str) -> Result<StaffAnswer<ProjectsPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let caller = signed_in.caller();
        let mut can_start_in: Vec<(String, String)> = Vec::new();
        for g in &signed_in.grants {
            if decide(&caller, Action::StartProject { institution: g.institution_id }).allowed()
                && !can_start_in.iter().any(|(slug, _)| *slug == g.institution_slug)
            {
                can_start_in.push((g.institution_slug.clone(), g.institution_name.clone()));
            }
        }
        let projects = self
            .projects
            .list(&signed_in)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|p| ProjectRow {
                public_id: p.public_id,
                title: p.title,
                institution_name: p.institution_name,
                my_role: p.my_role.map(|r| r.key().to_string()),
                members: p.members,
            })
            .collect();
        Ok(StaffAnswer::Ready(ProjectsPage { viewer: viewer(&signed_in), projects, can_start_in }))
    }

    async fn project(&self, cookies: &str, public_id: &str) -> Result<StaffAnswer<ProjectPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let view = match self.projects.view(&signed_in, public_id).await {
            Ok(view) => view,
            Err(ProjectError::Refused(decision)) => return Ok(refusal(decision)),
            Err(err) => return Err(unavailable(err)),
        };
        let drafts = self
            .projects
            .drafts(view.project.id)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|(public_id, title, revision)| DraftRow { public_id, title, revision })
            .collect();
        let sources = self
            .catalog
            .list()
            .await?
            .into_iter()
            .map(|entry| (entry.id.clone(), format!("{} ({})", entry.title.get("fr"), entry.version)))
            .collect();
        Ok(StaffAnswer::Ready(ProjectPage {
            viewer: viewer(&signed_in),
            public_id: view.project.public_id,
            title: view.project.title,
            institution_name: view.institution_name,
            my_role: view.my_role.map(|r| r.key().to_string()),
            can_contribute: view.can_contribute,
            can_manage_members: view.can_manage_members,
            members: view
                .members
                .into_iter()
                .map(|m| ProjectMember { id: m.id, display_name: m.display_name, role: m.role.key().to_string() })
                .collect(),
            need: view.need.map(revision),
            history: view.history.into_iter().map(revision).collect(),
            my_conflicts: view.my_conflicts.into_iter().map(revision).collect(),
            candidates: view.candidates,
            drafts,
            sources,
        }))
    }

    async fn draft(&self, cookies: &str, project: &str, draft: &str) -> Result<StaffAnswer<DraftPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let view = match self.projects.draft_view(&signed_in, project, draft).await {
            Ok(view) => view,
            Err(ProjectError::Refused(decision)) => return Ok(refusal(decision)),
            Err(err) => return Err(unavailable(err)),
        };
        let q = &view.questionnaire;
        let mut number = 0;
        let items: Vec<DraftItem> = q
            .items()
            .map(|item| {
                let shown = if item.kind.is_answerable() {
                    number += 1;
                    number
                } else {
                    0
                };
                DraftItem {
                    id: item.id.clone(),
                    number: shown,
                    texts: q
                        .languages
                        .iter()
                        .map(|l| (l.clone(), item.text.get_exact(l).unwrap_or_default().to_string()))
                        .collect(),
                }
            })
            .collect();
        let label = |id: &str| {
            items
                .iter()
                .find(|i| i.id == id)
                .map(|i| if i.number > 0 { format!("{} ({id})", i.number) } else { id.to_string() })
                .unwrap_or_else(|| id.to_string())
        };
        let suggestions = view
            .suggestions
            .into_iter()
            .map(|s| {
                let mut waiting_for = Vec::new();
                if let Outcome::Waiting { needs_patient_partner, needs_professional, needs_someone_else } = s.outcome {
                    if needs_patient_partner {
                        waiting_for.push("suggestion-needs-patient-partner".to_string());
                    }
                    if needs_professional {
                        waiting_for.push("suggestion-needs-professional".to_string());
                    }
                    if needs_someone_else && !needs_patient_partner && !needs_professional {
                        waiting_for.push("suggestion-needs-someone-else".to_string());
                    }
                }
                SuggestionRow {
                    id: s.row.id,
                    item_label: label(&s.row.item_id),
                    language: s.row.language.clone(),
                    current_text: s.current_text,
                    new_text: s.row.new_text.clone(),
                    rationale: s.row.rationale.clone(),
                    author: s.author,
                    status: s.row.status.clone(),
                    decision_reason: s.row.decision_reason.clone(),
                    votes: s
                        .votes
                        .into_iter()
                        .map(|(name, role, approve, reason)| VoteRow {
                            name,
                            role: role.key().to_string(),
                            approve,
                            reason,
                        })
                        .collect(),
                    waiting_for,
                    can_vote: s.can_vote,
                    comments: s.comments.into_iter().map(|(author, at, body)| (author, iso_minute(at), body)).collect(),
                }
            })
            .collect();
        Ok(StaffAnswer::Ready(DraftPage {
            viewer: viewer(&signed_in),
            project: view.project.public_id,
            project_title: view.project.title,
            draft: view.draft.public_id,
            title: q.title.get("fr").to_string(),
            revision: view.draft.revision,
            languages: q.languages.clone(),
            can_contribute: view.can_contribute,
            changes: view.base.map(|(slug, version, diff)| DraftChanges {
                base: format!("{slug} {version}"),
                items: diff
                    .items_changed
                    .iter()
                    .map(|c| DraftChange {
                        item_label: label(&c.item),
                        reworded: c.reworded.clone(),
                        comparable: c.keeps_meaning(),
                    })
                    .collect(),
                comparable: diff.comparable_items.len(),
                questions: q.answerable_items().count(),
            }),
            items,
            suggestions,
        }))
    }
}
