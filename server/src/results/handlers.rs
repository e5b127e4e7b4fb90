//! Downloads from a campaign's results page: each chart as an SVG file, the
//! de-identified answers (CSV) and their codebook.

use app::i18n::Lang;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use crate::audit::{self, AuditEvent};
use crate::clock::iso_week;
use crate::entities::campaign;
use crate::error::ApiError;
use crate::forms::cookies;
use crate::identity::{Action, Decision, SignedIn};
use crate::startup::AppState;
use analytics::ExportRow;
use app::staff::StaffAnswer;

fn lang_param(query: &HashMap<String, String>) -> Lang {
    query.get("lang").and_then(|l| Lang::from_tag(l)).unwrap_or_default()
}

fn refused<T>(answer: &StaffAnswer<T>) -> Option<Response> {
    match answer {
        StaffAnswer::Ready(_) => None,
        StaffAnswer::SignInRequired => Some(StatusCode::UNAUTHORIZED.into_response()),
        StaffAnswer::Forbidden => Some(StatusCode::FORBIDDEN.into_response()),
        StaffAnswer::NotFound => Some(StatusCode::NOT_FOUND.into_response()),
    }
}

/// `GET /equipe/campagnes/{campaign}/graphiques/{chart}`: one chart of the results page
/// (`{chart}` is its id, `.svg` optional), in `?lang=`, grouped by `?par=` if given.
pub async fn chart(
    State(state): State<AppState>,
    Path((campaign, chart)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let lang = lang_param(&query);
    let by = query.get("par").cloned();
    let answer = match state.results.campaign_results(&state.staff, &cookies(&headers), &campaign, lang, by).await {
        Ok(answer) => answer,
        Err(err) => return ApiError::Internal(err.to_string()).into_response(),
    };
    if let Some(response) = refused(&answer) {
        return response;
    }
    let StaffAnswer::Ready(page) = answer else { return StatusCode::NOT_FOUND.into_response() };
    let wanted = chart.strip_suffix(".svg").unwrap_or(&chart);
    let found = page
        .over_time
        .iter()
        .chain(page.scales.iter().chain(&page.items).chain(&page.breakdown).filter_map(|p| p.chart.as_ref()))
        .find(|c| c.id == wanted);
    match found {
        Some(found) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}-{}.svg\"", page.public_id, found.id)),
                (header::CACHE_CONTROL, "private, no-cache".to_string()),
            ],
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", found.svg),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The signed-in caller and the campaign, when `action` is allowed on it; otherwise the
/// response to send (401, 403, 404).
pub(crate) async fn campaign_allowed(
    state: &AppState,
    headers: &HeaderMap,
    campaign: &str,
    action: impl Fn(i32) -> Action,
) -> Result<(SignedIn, campaign::Model), Response> {
    let signed_in = match state.staff.signed_in(&cookies(headers)).await {
        Ok(Some(signed_in)) => signed_in,
        Ok(None) => return Err(StatusCode::UNAUTHORIZED.into_response()),
        Err(err) => return Err(ApiError::Unavailable(err).into_response()),
    };
    match state.staff.campaign_for(&signed_in, campaign, action).await {
        Ok((Decision::Allow, Some(found))) => Ok((signed_in, found)),
        Ok((Decision::Forbidden, _)) => Err(StatusCode::FORBIDDEN.into_response()),
        Ok((Decision::SignInRequired, _)) => Err(StatusCode::UNAUTHORIZED.into_response()),
        Ok(_) => Err(StatusCode::NOT_FOUND.into_response()),
        Err(err) => Err(ApiError::Unavailable(err).into_response()),
    }
}

pub(crate) fn attachment(content_type: &str, filename: String, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
            // Row-level data: never kept by a browser or proxy cache.
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// The formats the de-identified answers download in.
#[derive(Clone, Copy)]
enum AnswersFormat {
    Csv,
    Parquet,
}

/// `GET /equipe/campagnes/{campaign}/reponses.csv`: the campaign's de-identified answers,
/// one row per response (no identity, no free text, submission dated by ISO week only),
/// for those allowed to export answers. Each download is written to the audit log first.
pub async fn answers_csv(state: State<AppState>, campaign: Path<String>, headers: HeaderMap) -> Response {
    answers(state, campaign, headers, AnswersFormat::Csv).await
}

/// `GET /equipe/campagnes/{campaign}/reponses.parquet`: the same table as Parquet.
pub async fn answers_parquet(state: State<AppState>, campaign: Path<String>, headers: HeaderMap) -> Response {
    answers(state, campaign, headers, AnswersFormat::Parquet).await
}

async fn answers(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    format: AnswersFormat,
) -> Response {
    let (signed_in, found) = match campaign_allowed(&state, &headers, &campaign, |institution| Action::ExportAnswers {
        institution,
    })
    .await
    {
        Ok(allowed) => allowed,
        Err(response) => return response,
    };
    let (questionnaire, rows) = match state.results.export_rows(&found).await {
        Ok(loaded) => loaded,
        Err(err) => return ApiError::Internal(err.to_string()).into_response(),
    };
    let periods: Vec<String> =
        rows.iter().map(|r| iso_week(r.submitted_at.unwrap_or_default()).unwrap_or_default()).collect();
    let export = rows.iter().zip(&periods).map(|(row, period)| ExportRow {
        campaign: &found.title,
        period,
        language: &row.language,
        codes: &row.codes,
    });
    let (body, content_type, extension) = match format {
        AnswersFormat::Csv => {
            (analytics::answers_csv(&questionnaire, export).map(String::into_bytes), "text/csv; charset=utf-8", "csv")
        }
        AnswersFormat::Parquet => {
            (analytics::answers_parquet(&questionnaire, export), "application/vnd.apache.parquet", "parquet")
        }
    };
    let body = match body {
        Ok(body) => body,
        Err(err) => return ApiError::Internal(err.to_string()).into_response(),
    };
    let event = AuditEvent {
        actor: format!("person:{}", signed_in.person_id),
        action: "answers.exported".to_string(),
        subject: format!("campaign:{}", found.public_id),
        detail: format!("{extension}, {} rows", rows.len()),
        institution: Some(found.institution_id),
    };
    if let Err(err) = audit::append(&state.db, event).await {
        return ApiError::Unavailable(err).into_response();
    }
    attachment(content_type, format!("reponses-{}.{extension}", found.public_id), body)
}

/// `GET /equipe/campagnes/{campaign}/dictionnaire.csv?lang=`: the codebook of the answers
/// export (one row per column, code and label), in the page's language.
pub async fn codebook_csv(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let (_, found) =
        match campaign_allowed(&state, &headers, &campaign, |institution| Action::SeeResults { institution }).await {
            Ok(allowed) => allowed,
            Err(response) => return response,
        };
    match state.results.questionnaire(found.questionnaire_version_id).await {
        Ok(questionnaire) => attachment(
            "text/csv; charset=utf-8",
            format!("dictionnaire-{}.csv", found.public_id),
            analytics::codebook_csv(&questionnaire, lang_param(&query).tag()),
        ),
        Err(err) => ApiError::Internal(err.to_string()).into_response(),
    }
}
