//! `GET /healthz`: the server is up and its database answers.

use crate::error::ApiError;
use crate::startup::AppState;
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

/// 200 when the database answers a ping, 503 problem+json otherwise.
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    state.db.ping().await?;
    Ok(Json(json!({ "status": "ok", "database": "ok" })))
}
