//! Project form posts: starting a project, writing the need statement (and settling a
//! conflict), adding members and changing their roles. Each checks the origin and the
//! session's form token (`staff_form`), then the service asks the policy;
//! POST-redirect-GET throughout.

use super::{NeedSaved, ProjectError};
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::forms::{Fields, field, lang_of, see_other};
use crate::staff::handlers::{refused, staff_form};
use crate::startup::AppState;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

/// A JSON path (`sections[0].items[3]`) fit for a query string.
fn query_safe(path: &str) -> String {
    path.chars()
        .filter_map(|c| match c {
            '[' => Some("%5B".to_string()),
            ']' => Some("%5D".to_string()),
            c if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') => Some(c.to_string()),
            _ => None,
        })
        .collect()
}

pub(super) fn failure(err: ProjectError, lang: &str, back: &str) -> Response {
    // A change or publication refused for a problem in the questionnaire names the
    // problem (its code) and where it is (the item), so the page can say which.
    let problem = match &err {
        ProjectError::InvalidChange(survey_defs::ChangeError::Invalid(problems))
        | ProjectError::DraftIncomplete(problems) => {
            problems.first().map(|p| format!("&probleme={}&ou={}", p.code.key(), query_safe(&p.path)))
        }
        _ => None,
    };
    match err {
        ProjectError::Refused(decision) => refused(decision, lang),
        ProjectError::Db(err) => ApiError::Unavailable(err).into_response(),
        other => see_other(format!("{back}?lang={lang}&erreur={}{}", other.key(), problem.unwrap_or_default())),
    }
}

fn project_page(project: &str, lang: &str, rest: &str) -> Response {
    see_other(format!("/equipe/projets/{project}?lang={lang}&{rest}"))
}

/// `POST /equipe/projets`: starts a project in one of the caller's institutions.
pub async fn create(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let outcome = state
        .projects
        .create(
            &signed_in,
            field(&fields, "institution").unwrap_or_default(),
            field(&fields, "title").unwrap_or_default(),
            field(&fields, "need").unwrap_or_default(),
            now_millis(),
        )
        .await;
    match outcome {
        Ok(id) => project_page(&id, lang, "fait=created"),
        Err(err) => failure(err, lang, "/equipe/projets"),
    }
}

/// `POST /equipe/projets/{project}/besoin`: a new revision of the need statement.
pub async fn write_need(
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
    let based_on = field(&fields, "based_on").and_then(|v| v.parse::<i64>().ok());
    let body = field(&fields, "need").unwrap_or_default();
    match state.projects.write_need(&signed_in, &project, body, based_on, now_millis()).await {
        Ok(NeedSaved::Current) => project_page(&project, lang, "fait=need#need"),
        Ok(NeedSaved::Unchanged) => project_page(&project, lang, "fait=unchanged#need"),
        Ok(NeedSaved::Conflict(_)) => project_page(&project, lang, "fait=conflict#conflicts"),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/besoin/{revision}`: keeps (`keep=yes`) or drops one
/// of the caller's conflicting revisions.
pub async fn settle_conflict(
    State(state): State<AppState>,
    Path((project, revision)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Ok(revision) = revision.parse::<i64>() else {
        return refused(crate::identity::Decision::NotFound, lang);
    };
    let keep = field(&fields, "keep") == Some("yes");
    match state.projects.settle_conflict(&signed_in, &project, revision, keep, now_millis()).await {
        Ok(()) => project_page(&project, lang, if keep { "fait=kept#need" } else { "fait=dropped#need" }),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/membres`: adds a person of the institution.
pub async fn add_member(
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
    // Checked by the service after the policy: a refused caller learns nothing from it.
    let person = field(&fields, "person").and_then(|v| v.parse::<i32>().ok());
    let role = field(&fields, "role").unwrap_or_default();
    match state.projects.add_member(&signed_in, &project, person, role, now_millis()).await {
        Ok(()) => project_page(&project, lang, "fait=member-added#members"),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/membres/{member}`: another role in the project.
pub async fn change_member(
    State(state): State<AppState>,
    Path((project, member)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    member_change(state, project, member, headers, fields, true).await
}

/// `POST /equipe/projets/{project}/membres/{member}/retrait`: leaves the project.
pub async fn remove_member(
    State(state): State<AppState>,
    Path((project, member)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    member_change(state, project, member, headers, fields, false).await
}

async fn member_change(
    state: AppState,
    project: String,
    member: String,
    headers: HeaderMap,
    fields: Fields,
    keep: bool,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Ok(member) = member.parse::<i32>() else { return refused(crate::identity::Decision::NotFound, lang) };
    let role = if keep { Some(field(&fields, "role").unwrap_or_default()) } else { None };
    match state.projects.change_member(&signed_in, &project, member, role).await {
        Ok(()) => project_page(
            &project,
            lang,
            if keep { "fait=member-changed#members" } else { "fait=member-removed#members" },
        ),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/brouillons`: a draft from a published questionnaire.
pub async fn start_draft(
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
    let source = field(&fields, "source").unwrap_or_default();
    let title = field(&fields, "title").unwrap_or_default();
    match state.projects.start_draft(&signed_in, &project, source, title, now_millis()).await {
        Ok(draft) => see_other(format!("/equipe/projets/{project}/brouillons/{draft}?lang={lang}&fait=draft-started")),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/suggestions`: proposes rewording an item.
pub async fn propose(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = format!("/equipe/projets/{project}/brouillons/{draft}");
    let outcome = state
        .projects
        .propose(
            &signed_in,
            &project,
            &draft,
            field(&fields, "item").unwrap_or_default(),
            field(&fields, "language").unwrap_or_default(),
            field(&fields, "text").unwrap_or_default(),
            field(&fields, "rationale").unwrap_or_default(),
            now_millis(),
        )
        .await;
    match outcome {
        Ok(id) => see_other(format!("{page}?lang={lang}&fait=proposed#suggestion-{id}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// A suggestion form's target: the suggestion id from the path, and the draft page to go
/// back to, which travels with the form (only a plain id is accepted).
fn suggestion_and_page(project: &str, suggestion: &str, fields: &Fields) -> Option<(i64, String)> {
    let suggestion = suggestion.parse::<i64>().ok()?;
    let draft: String =
        field(fields, "draft").unwrap_or_default().chars().filter(char::is_ascii_alphanumeric).collect();
    Some((suggestion, format!("/equipe/projets/{project}/brouillons/{draft}")))
}

/// `POST /equipe/projets/{project}/suggestions/{suggestion}/commentaires`: a message in
/// the suggestion's thread; back to the draft.
pub async fn comment(
    State(state): State<AppState>,
    Path((project, suggestion)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Some((suggestion, page)) = suggestion_and_page(&project, &suggestion, &fields) else {
        return refused(crate::identity::Decision::NotFound, lang);
    };
    let body = field(&fields, "body").unwrap_or_default();
    match state.projects.comment(&signed_in, &project, suggestion, body, now_millis()).await {
        Ok(()) => see_other(format!("{page}?lang={lang}&fait=commented#suggestion-{suggestion}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/suggestions/{suggestion}`: approves (`verdict=approve`)
/// or rejects with a reason; back to the draft.
pub async fn vote(
    State(state): State<AppState>,
    Path((project, suggestion)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Some((suggestion, page)) = suggestion_and_page(&project, &suggestion, &fields) else {
        return refused(crate::identity::Decision::NotFound, lang);
    };
    let approve = field(&fields, "verdict") == Some("approve");
    let reason = field(&fields, "reason").unwrap_or_default();
    match state.projects.vote(&signed_in, &project, suggestion, approve, reason, now_millis()).await {
        Ok(super::decision::Outcome::Accepted) => {
            see_other(format!("{page}?lang={lang}&fait=accepted#suggestion-{suggestion}"))
        }
        Ok(super::decision::Outcome::Rejected) => {
            see_other(format!("{page}?lang={lang}&fait=rejected#suggestion-{suggestion}"))
        }
        Ok(super::decision::Outcome::Waiting { .. }) => {
            see_other(format!("{page}?lang={lang}&fait=voted#suggestion-{suggestion}"))
        }
        Err(err) => failure(err, lang, &page),
    }
}

/// The posted changes for a draft, computed from the draft as it stands, proposed with
/// the form's `rationale`; back to the draft, at the new suggestion.
async fn propose_edit(
    state: AppState,
    (project, draft): (String, String),
    headers: HeaderMap,
    fields: Fields,
    changes_of: impl FnOnce(&survey_defs::Questionnaire, &Fields) -> Result<Vec<survey_defs::Change>, ProjectError>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = format!("/equipe/projets/{project}/brouillons/{draft}");
    let current = match state.projects.draft_questionnaire(&signed_in, &project, &draft).await {
        Ok(current) => current,
        Err(err) => return failure(err, lang, &page),
    };
    let changes = match changes_of(&current, &fields) {
        Ok(changes) => changes,
        Err(err) => return failure(err, lang, &page),
    };
    let rationale = field(&fields, "rationale").unwrap_or_default();
    match state.projects.propose_changes(&signed_in, &project, &draft, changes, rationale, now_millis()).await {
        Ok(id) => see_other(format!("{page}?lang={lang}&fait=proposed#suggestion-{id}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/questions/{item}`: proposes what the
/// question editor changed (wording, explanations, options, place, or removal).
pub async fn propose_item_edit(
    State(state): State<AppState>,
    Path((project, draft, item)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, |q, f| super::edits::item_edit(q, &item, f)).await
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/questions`: proposes a new question.
pub async fn propose_new_item(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, super::edits::new_item).await
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/scores`: proposes a score as the
/// form describes it (field `scale`: its id; a new id adds a score).
pub async fn propose_scale_edit(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, |q, f| {
        let id = field(f, "scale").unwrap_or_default().trim().to_string();
        super::edits::scale_edit(q, &id, f)
    })
    .await
}

/// Which editor form's fields these are, by the path its form posts to (`questions`,
/// `questions/{item}`, `scores`, `sections`, `description`, `langues`), read as changes.
fn changes_of_form(
    form: &str,
    q: &survey_defs::Questionnaire,
    fields: &Fields,
) -> Option<Result<Vec<survey_defs::Change>, ProjectError>> {
    use super::edits;
    Some(match form {
        "questions" => edits::new_item(q, fields),
        "scores" => edits::scale_edit(q, field(fields, "scale").unwrap_or_default().trim(), fields),
        "sections" => edits::section_edit(q, fields),
        "description" => edits::describe(q, fields),
        "langues" => edits::add_language(q, fields),
        other => edits::item_edit(q, other.strip_prefix("questions/")?, fields),
    })
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/verification`: what an editor
/// form would propose, checked as the person types (the draft page's `LiveCheck`
/// island sends the form's fields and `form`, the path it posts to). Nothing is saved.
/// The check itself succeeds either way (a 4xx would be logged by the browser as a
/// failure): 200 with `{"ok": true, "message": the changes in words}` (empty when
/// nothing changed yet) or `{"ok": false, "message": the problem named}`, in the page
/// language; the same checks as the proposal itself.
pub async fn check_edit(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    use axum::http::{StatusCode, header};
    let lang = app::i18n::Lang::from_tag(lang_of(&fields)).unwrap_or_default();
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let current = match state.projects.draft_questionnaire(&signed_in, &project, &draft).await {
        Ok(current) => current,
        Err(ProjectError::Refused(decision)) => return refused(decision, lang.tag()),
        Err(ProjectError::Db(err)) => return ApiError::Unavailable(err).into_response(),
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let form = field(&fields, "form").unwrap_or_default();
    let Some(changes) = changes_of_form(form, &current, &fields) else {
        return (StatusCode::BAD_REQUEST, "unknown editor form").into_response();
    };
    let text = |ok: bool, message: String| {
        let body = serde_json::json!({ "ok": ok, "message": message }).to_string();
        (StatusCode::OK, [(header::CONTENT_TYPE, "application/json"), (header::CACHE_CONTROL, "no-store")], body)
            .into_response()
    };
    let problem = |err: ProjectError| {
        let mut message = lang.t(err.key());
        if let ProjectError::InvalidChange(survey_defs::ChangeError::Invalid(problems)) = &err
            && let Some(first) = problems.first()
        {
            message.push(' ');
            message.push_str(&lang.t_args("problem-in-draft", &[("code", first.code.key().into())]));
        }
        text(false, message)
    };
    match changes {
        Err(err) => problem(err),
        Ok(changes) if changes.is_empty() => text(true, String::new()),
        Ok(changes) => match survey_defs::apply_to_draft(&current, &changes) {
            Err(err) => problem(ProjectError::InvalidChange(err)),
            Ok(_) => {
                let listed: Vec<String> = changes.iter().map(|c| app::projects::change_text(c, lang)).collect();
                text(true, lang.t_args("live-check-ok", &[("changes", listed.join(" ; ").into())]))
            }
        },
    }
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/sections`: proposes a new section,
/// or a section's new heading, condition or removal (field `section`: its id).
pub async fn propose_section_edit(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, super::edits::section_edit).await
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/langues`: proposes a new language.
pub async fn propose_language(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, super::edits::add_language).await
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/publication`: proposes publishing
/// the draft as `slug` `version`, with `notes`.
pub async fn propose_publication(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = format!("/equipe/projets/{project}/brouillons/{draft}");
    let outcome = state
        .projects
        .propose_publication(
            &signed_in,
            &project,
            &draft,
            field(&fields, "slug").unwrap_or_default(),
            field(&fields, "version").unwrap_or_default(),
            field(&fields, "notes").unwrap_or_default(),
            now_millis(),
        )
        .await;
    match outcome {
        Ok(id) => see_other(format!("{page}?lang={lang}&fait=publication-proposed#suggestion-{id}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/mention`: the caller agrees (`named=yes`) or no longer
/// agrees to be named in the credits of what the project publishes.
pub async fn credit_consent(
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
    let named = field(&fields, "named") == Some("yes");
    match state.projects.name_in_credits(&signed_in, &project, named, now_millis()).await {
        Ok(()) => project_page(&project, lang, if named { "fait=named#credits" } else { "fait=unnamed#credits" }),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/jargon`: replaces the project's jargon list.
pub async fn set_jargon(
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
    let text = field(&fields, "jargon").unwrap_or_default();
    match state.projects.set_jargon(&signed_in, &project, text).await {
        Ok(()) => project_page(&project, lang, "fait=jargon#jargon"),
        Err(err) => failure(err, lang, &format!("/equipe/projets/{project}")),
    }
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/questions/{item}/commentaires`: a
/// message about one question; back to it.
pub async fn comment_on_item(
    State(state): State<AppState>,
    Path((project, draft, item)): Path<(String, String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let page = format!("/equipe/projets/{project}/brouillons/{draft}");
    let body = field(&fields, "body").unwrap_or_default();
    match state.projects.comment_on_item(&signed_in, &project, &draft, &item, body, now_millis()).await {
        Ok(()) => see_other(format!("{page}?lang={lang}&fait=commented#draft-item-{item}")),
        Err(err) => failure(err, lang, &page),
    }
}

/// `POST /equipe/projets/{project}/brouillons/{draft}/description`: proposes a new title,
/// introduction and "who asks and why".
pub async fn propose_description(
    State(state): State<AppState>,
    Path((project, draft)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    propose_edit(state, (project, draft), headers, fields, super::edits::describe).await
}
