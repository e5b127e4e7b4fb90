//! Plan form posts: linking a campaign to a project, writing findings, proposing and
//! deciding actions, moving them forward, and publishing the plan to respondents.
//! Each checks the origin and the session's form token, then the service asks the
//! policy and the co-decision rule; POST-redirect-GET back to the plan page.

use super::ProjectError;
use super::decision::Outcome;
use super::handlers::failure;
use crate::clock::now_millis;
use crate::forms::{Fields, field, lang_of, see_other};
use crate::staff::handlers::staff_form;
use crate::startup::AppState;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

fn plan_page(project: &str, campaign: &str) -> String {
    format!("/equipe/projets/{project}/campagnes/{campaign}")
}

/// Where a decision leaves things, for the page's message.
fn decided(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Accepted => "adopted",
        Outcome::Rejected => "declined",
        Outcome::Waiting { .. } => "voted",
    }
}

/// `POST /equipe/projets/{project}/campagnes`: links a campaign (field `campaign`).
pub async fn link_campaign(
    State(state): State<AppState>,
    Path(project): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let campaign = field(&fields, "campaign").unwrap_or_default();
    match state.projects.link_campaign(&signed_in, &project, campaign).await {
        Ok(()) => see_other(format!("/equipe/projets/{project}?lang={lang}&fait=campaign-linked#campaigns")),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/constats`: a finding (fields
/// `statement`, and `evidence` once per cited question or score).
pub async fn add_finding(
    State(state): State<AppState>,
    Path((project, campaign)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    let version = crate::entities::campaign::Entity::find()
        .filter(crate::entities::campaign::Column::PublicId.eq(campaign.as_str()))
        .one(&state.db)
        .await;
    let questionnaire = match version {
        Ok(Some(row)) => match state.results.definitions().get(row.questionnaire_version_id).await {
            Ok(q) => q,
            Err(_) => return failure(ProjectError::CorruptDraft, lang, &page),
        },
        Ok(None) => return failure(ProjectError::Refused(crate::identity::Decision::NotFound), lang, &page),
        Err(err) => return failure(ProjectError::Db(err), lang, &page),
    };
    let statement = field(&fields, "statement").unwrap_or_default();
    let evidence: Vec<String> = fields.iter().filter(|(k, _)| k == "evidence").map(|(_, v)| v.clone()).collect();
    match state
        .projects
        .add_finding(&signed_in, &project, &campaign, statement, evidence, &questionnaire, now_millis())
        .await
    {
        Ok(id) => see_other(format!("{page}?lang={lang}&fait=finding#finding-{id}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/constats/{finding}/actions`: an
/// action (fields `what`, `owner`, `due_on`).
pub async fn propose_action(
    State(state): State<AppState>,
    Path((project, campaign, finding)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    let Ok(finding) = finding.parse::<i64>() else {
        return failure(ProjectError::Refused(crate::identity::Decision::NotFound), lang, &page);
    };
    let (what, owner, due) = (
        field(&fields, "what").unwrap_or_default(),
        field(&fields, "owner").unwrap_or_default(),
        field(&fields, "due_on").unwrap_or_default(),
    );
    match state.projects.propose_action(&signed_in, &project, finding, what, owner, due, now_millis()).await {
        Ok(id) => see_other(format!("{page}?lang={lang}&fait=action-proposed#action-{id}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/actions/{action}/avis`: a vote
/// (`verdict` `approve` or `reject`, `reason`).
pub async fn vote_on_action(
    State(state): State<AppState>,
    Path((project, campaign, action)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    let Ok(action) = action.parse::<i64>() else {
        return failure(ProjectError::Refused(crate::identity::Decision::NotFound), lang, &page);
    };
    let approve = field(&fields, "verdict") == Some("approve");
    let reason = field(&fields, "reason").unwrap_or_default();
    match state.projects.vote_on_action(&signed_in, &project, action, approve, reason, now_millis()).await {
        Ok(outcome) => see_other(format!("{page}?lang={lang}&fait=action-{}#action-{action}", decided(outcome))),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/actions/{action}/etat`: moves an
/// action forward (`status`, and `reason` to abandon).
pub async fn set_action_status(
    State(state): State<AppState>,
    Path((project, campaign, action)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    let Ok(action) = action.parse::<i64>() else {
        return failure(ProjectError::Refused(crate::identity::Decision::NotFound), lang, &page);
    };
    let status = field(&fields, "status").unwrap_or_default();
    let reason = field(&fields, "reason").unwrap_or_default();
    match state.projects.set_action_status(&signed_in, &project, action, status, reason, now_millis()).await {
        Ok(()) => {
            state.postman.ring();
            see_other(format!("{page}?lang={lang}&fait=action-moved#action-{action}"))
        }
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/publication`: proposes
/// publishing the plan to the campaign's respondents.
pub async fn propose_plan_publication(
    State(state): State<AppState>,
    Path((project, campaign)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    match state.projects.propose_plan_publication(&signed_in, &project, &campaign, now_millis()).await {
        Ok(_) => see_other(format!("{page}?lang={lang}&fait=plan-proposed#publication")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/campagnes/{campaign}/publication/{publication}/avis`:
/// a vote on publishing the plan.
pub async fn vote_on_plan_publication(
    State(state): State<AppState>,
    Path((project, campaign, publication)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = plan_page(&project, &campaign);
    let Ok(publication) = publication.parse::<i64>() else {
        return failure(ProjectError::Refused(crate::identity::Decision::NotFound), lang, &page);
    };
    let approve = field(&fields, "verdict") == Some("approve");
    let reason = field(&fields, "reason").unwrap_or_default();
    match state.projects.vote_on_publication(&signed_in, &project, publication, approve, reason, now_millis()).await {
        Ok(outcome) => {
            state.postman.ring();
            see_other(format!("{page}?lang={lang}&fait=plan-{}#publication", decided(outcome)))
        }
        Err(err) => failure(err, lang, &page),
    }
}
