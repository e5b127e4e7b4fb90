//! The reads behind the project pages ([`app::projects::service::ProjectDesk`]).

use super::{NeedView, ProjectError, ProjectService};
use crate::clock::iso_datetime;
use crate::identity::{Action, decide};
use crate::staff::{StaffDeskService, refusal, viewer};
use app::catalog::service::ServiceError;
use app::projects::{NeedRevision, ProjectMember, ProjectPage, ProjectRow, ProjectsPage};
use app::staff::StaffAnswer;
use std::sync::Arc;

/// Project pages for the signed-in person.
pub struct ProjectDeskService {
    /// Sessions.
    pub staff: Arc<StaffDeskService>,
    /// Projects.
    pub projects: Arc<ProjectService>,
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    tracing::error!(error = %err, "project desk failed");
    ServiceError::Unavailable
}

fn revision(view: NeedView) -> NeedRevision {
    // Minutes are enough to tell revisions apart for people; seconds are in the audit log.
    let mut written_at = iso_datetime(view.written_at);
    written_at.truncate(16);
    NeedRevision { id: view.id, body: view.body, author: view.author, written_at }
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
        }))
    }
}
