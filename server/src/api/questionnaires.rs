//! The questionnaire library over JSON: list, fetch a version, validate a definition.

use crate::catalog::CatalogError;
use crate::error::ApiError;
use crate::startup::AppState;
use app::catalog::CatalogEntry;
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use survey_defs::Questionnaire;

impl From<CatalogError> for ApiError {
    fn from(err: CatalogError) -> Self {
        match err {
            CatalogError::Db(db) => ApiError::Unavailable(db),
            corrupt @ CatalogError::Corrupt { .. } => ApiError::Internal(corrupt.to_string()),
        }
    }
}

/// `GET /api/v1/questionnaires`: the newest published version of each questionnaire.
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<CatalogEntry>>, ApiError> {
    let all = state.catalog.newest_published().await?;
    Ok(Json(all.iter().map(CatalogEntry::of).collect()))
}

/// `GET /api/v1/questionnaires/{id}/versions/{version}`: one published version.
pub async fn version(
    State(state): State<AppState>,
    Path((id, version)): Path<(String, String)>,
) -> Result<Json<Questionnaire>, ApiError> {
    state.catalog.find_published(&id, Some(&version)).await?.map(Json).ok_or(ApiError::NotFound)
}

/// The answer to a valid definition.
#[derive(Debug, Serialize)]
pub struct ValidDefinition {
    /// Always `true` (invalid definitions get a 422 problem document).
    pub valid: bool,
    /// Content hash of the canonical JSON: the version's identity across institutions.
    pub content_hash: String,
    /// Number of items, display items included.
    pub item_count: usize,
}

/// `POST /api/v1/questionnaires/validate`: every problem of a definition, with paths.
pub async fn validate(body: Result<Bytes, BytesRejection>) -> Result<(StatusCode, Json<ValidDefinition>), ApiError> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::BadRequest(rejection.body_text())
        }
    })?;
    let text =
        std::str::from_utf8(&body).map_err(|e| ApiError::BadRequest(format!("the body is not UTF-8 text: {e}")))?;
    let questionnaire = Questionnaire::from_json(text).map_err(|err| ApiError::Validation(err.problems))?;
    Ok((
        StatusCode::OK,
        Json(ValidDefinition {
            valid: true,
            content_hash: questionnaire.content_hash(),
            item_count: questionnaire.items().count(),
        }),
    ))
}
