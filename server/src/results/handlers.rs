//! Downloads from a campaign's results page: each chart as an SVG file.

use app::i18n::Lang;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use crate::error::ApiError;
use crate::forms::cookies;
use crate::startup::AppState;
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
