//! The one place where errors become HTTP responses: `application/problem+json`
//! (RFC 9457) with a stable `type` key that the UI translates.
//!
//! Which error belongs to which layer: `survey_defs::DefinitionError` (a questionnaire
//! definition is invalid) and request-shape errors become [`ApiError::Validation`] or
//! [`ApiError::BadRequest`] (4xx, with every problem and its path); a missing object is
//! [`ApiError::NotFound`]; storage failures (`sea_orm::DbErr`) become
//! [`ApiError::Unavailable`] or [`ApiError::Internal`] (5xx with an opaque body, the
//! cause logged once here).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use survey_defs::Problem;

/// An error answered by the JSON API.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request body is well-formed but its content is invalid (422).
    #[error("validation failed")]
    Validation(Vec<Problem>),
    /// The request cannot be read at all: wrong content type, broken JSON (400).
    #[error("bad request: {0}")]
    BadRequest(String),
    /// No such object (404).
    #[error("not found")]
    NotFound,
    /// The request conflicts with the current state (409), with a stable key and title.
    #[error("conflict: {0}")]
    Conflict(&'static str, &'static str),
    /// The request body is larger than allowed (413).
    #[error("payload too large")]
    PayloadTooLarge,
    /// The database is unreachable (503).
    #[error("service unavailable")]
    Unavailable(#[source] sea_orm::DbErr),
    /// Anything else that is our fault (500).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(err: sea_orm::DbErr) -> Self {
        ApiError::Unavailable(err)
    }
}

/// The problem document.
#[derive(Debug, Serialize)]
pub struct ProblemDetails {
    /// Stable key, e.g. `validation_failed`; the UI translates it.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Short human summary in English.
    pub title: &'static str,
    /// HTTP status.
    pub status: u16,
    /// Longer explanation, never internal text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Every problem found, each with its path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Problem>,
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            ApiError::Validation(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed", "The content is invalid")
            }
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request", "The request cannot be read"),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            ApiError::Conflict(kind, title) => (StatusCode::CONFLICT, kind, title),
            ApiError::PayloadTooLarge => {
                (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "The request is too large")
            }
            ApiError::Unavailable(_) => {
                (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable", "The service is unavailable")
            }
            ApiError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "Something went wrong on our side")
            }
        }
    }
}

/// Builds a problem+json response.
pub fn problem_response(status: StatusCode, details: ProblemDetails) -> Response {
    let mut response = (status, Json(details)).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, kind, title) = self.parts();
        let (detail, errors) = match self {
            ApiError::Validation(problems) => (None, problems),
            ApiError::BadRequest(detail) => (Some(detail), Vec::new()),
            ApiError::Unavailable(cause) => {
                tracing::error!(error = %cause, "database unavailable");
                (None, Vec::new())
            }
            ApiError::Internal(cause) => {
                tracing::error!(error = %cause, "internal error");
                (None, Vec::new())
            }
            ApiError::NotFound | ApiError::PayloadTooLarge | ApiError::Conflict(..) => (None, Vec::new()),
        };
        problem_response(status, ProblemDetails { kind, title, status: status.as_u16(), detail, errors })
    }
}
