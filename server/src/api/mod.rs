//! JSON API handlers under `/api/v1`, a few lines each: read the request, call one
//! service, map the result. Routes are declared in [`crate::routes`].

pub mod health;
pub mod questionnaires;

use crate::error::ApiError;

/// Any unknown address under `/api`.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}
