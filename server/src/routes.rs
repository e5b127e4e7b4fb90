//! Every route of the server, in one place.
//!
//! | route | who | what |
//! |---|---|---|
//! | `GET /healthz` | anyone | liveness and database check |
//! | `GET /api/v1/questionnaires` | anyone | published library |
//! | `GET /api/v1/questionnaires/{id}/versions/{version}` | anyone | one published version |
//! | `POST /api/v1/questionnaires/validate` | anyone | problems of a definition |
//! | `GET /style/boucle.css`, `/favicon.svg`, `/pkg/*` | anyone | static assets |
//! | `POST /api/v1/campaigns/{campaign}/responses` | respondent (open link) | a complete response, idempotent |
//! | `POST /r/{campaign}/consent` | respondent | consent given: opens a response, sets the resume cookie |
//! | `POST /r/{campaign}/q/{n}` | respondent holding the resume cookie | saves screen `n` |
//! | `POST /r/{campaign}/submit` | respondent holding the resume cookie | submits once |
//! | `GET /retour/{secret}` | holder of a return link | exchanges the secret for a cookie |
//! | `GET /i/{token}` | holder of an invitation | exchanges the token for a cookie |
//! | `POST /mes-resultats/retrait` | holder of the return cookie | withdraws the response |
//! | `POST /_sfn/*` | anyone | Leptos server functions (read-only) |
//! | every other `GET` | anyone | Leptos pages (404 page for unknown paths) |

use crate::api;
use crate::respondents::handlers as respondents;
use crate::security::security_headers;
use crate::startup::AppState;
use app::shell;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, file_and_error_handler_with_context, generate_route_list};
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Largest JSON body the API reads (a big questionnaire definition is ~100 KB).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Largest form a respondent sends (long texts are at most 10,000 characters each).
pub const MAX_FORM_BYTES: usize = 256 * 1024;

const STYLESHEET: &str = include_str!("../../style/boucle.css");
const FAVICON: &str = include_str!("../../style/favicon.svg");

async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], STYLESHEET)
}

async fn favicon() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")], FAVICON)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/questionnaires", get(api::questionnaires::list))
        .route("/questionnaires/validate", post(api::questionnaires::validate))
        .route("/questionnaires/{id}/versions/{version}", get(api::questionnaires::version))
        .route("/campaigns/{campaign}/responses", post(respondents::submit_json))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));

    let catalog: Arc<dyn app::catalog::service::QuestionnaireCatalog> = state.catalog.clone();
    let respondent_service: Arc<dyn app::respondent::service::Respondents> = state.respondents.clone();
    let context = move || {
        provide_context(catalog.clone());
        provide_context(respondent_service.clone());
    };
    let forms = Router::new()
        .route("/r/{campaign}/consent", post(respondents::consent))
        .route("/r/{campaign}/q/{number}", post(respondents::save_section))
        .route("/r/{campaign}/submit", post(respondents::submit))
        .route("/retour/{secret}", get(respondents::open_return_link))
        .route("/i/{token}", get(respondents::open_invitation))
        .route("/mes-resultats/retrait", post(respondents::withdraw))
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES));
    let options = state.leptos_options.clone();
    let pages = generate_route_list(app::App);
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);

    Router::new()
        .route("/healthz", get(api::health::healthz))
        .nest("/api/v1", api)
        .merge(forms)
        .route("/style/boucle.css", get(stylesheet))
        .route("/favicon.svg", get(favicon))
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=3600"),
                ))
                .service(ServeDir::new(pkg_dir).precompressed_gzip()),
        )
        .leptos_routes_with_context(&state, pages, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn(security_headers))
        .layer(CompressionLayer::new().gzip(true))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(CatchPanicLayer::custom(|_| {
            crate::error::ApiError::Internal("a request handler panicked".into()).into_response()
        }))
        .with_state(state)
}
