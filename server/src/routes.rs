//! Every route of the server, in one place, each with the access rule its handler
//! enforces ([`Access`]). The rules are data: the access-matrix test walks every route,
//! every page and every server function and calls each as every kind of caller, so a
//! route cannot be added without a rule, and a rule the handler does not keep fails
//! the suite.
//!
//! Staff routes name the [`Need`] the handler asks the policy (`identity::policy`)
//! about, for the institution owning the object.

use crate::api;
use crate::respondents::handlers as respondents;
use crate::security::{HeaderPolicy, security_headers};
use crate::startup::AppState;
use app::shell;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};
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

/// What a staff route needs from the policy, for the object's institution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// `Action::SeeStaffHome`.
    StaffHome,
    /// `Action::SeeCampaigns`.
    SeeCampaigns,
    /// `Action::RunCampaigns`.
    RunCampaigns,
    /// `Action::IssueInvitations`.
    IssueInvitations,
    /// `Action::ReadAuditLog`.
    ReadAuditLog,
    /// `Action::SeeResults`.
    SeeResults,
    /// `Action::ExportAnswers`.
    ExportAnswers,
    /// `Action::ManagePeople`.
    ManagePeople,
    /// `Action::ExportIdentifyingData`.
    ExportIdentifyingData,
    /// `Action::StartProject`.
    StartProject,
    /// `Action::SeeProject` on the project named in the path.
    SeeProject,
    /// `Action::ContributeToProject` on the project named in the path.
    ContributeToProject,
    /// `Action::ManageProjectMembers` on the project named in the path.
    ManageProjectMembers,
}

impl Need {
    /// The policy action for an object of `institution` (and `project`, for project needs).
    pub fn action(self, institution: i32, project: i32) -> crate::identity::Action {
        use crate::identity::Action;
        match self {
            Need::StartProject => Action::StartProject { institution },
            Need::SeeProject => Action::SeeProject { institution, project },
            Need::ContributeToProject => Action::ContributeToProject { institution, project },
            Need::ManageProjectMembers => Action::ManageProjectMembers { institution, project },
            Need::StaffHome => Action::SeeStaffHome,
            Need::SeeCampaigns => Action::SeeCampaigns { institution },
            Need::RunCampaigns => Action::RunCampaigns { institution },
            Need::IssueInvitations => Action::IssueInvitations { institution },
            Need::ReadAuditLog => Action::ReadAuditLog { institution },
            Need::SeeResults => Action::SeeResults { institution },
            Need::ExportAnswers => Action::ExportAnswers { institution },
            Need::ManagePeople => Action::ManagePeople { institution },
            Need::ExportIdentifyingData => Action::ExportIdentifyingData { institution },
        }
    }
}

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Anyone: the library, public campaign pages, assets, health.
    Public,
    /// Anyone, as a step of signing in (forms carry a double-submit token).
    SignIn,
    /// A respondent holding a capability cookie or link; the handler checks it.
    Respondent,
    /// A signed-in person allowed by the policy.
    Staff(Need),
}

/// One route and its rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteRule {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The full path, with `{parameters}`.
    pub path: String,
    /// Who may call it.
    pub access: Access,
}

/// Builds a router and the list of its rules together, so neither exists without the other.
struct RouteTable {
    prefix: &'static str,
    router: Router<AppState>,
    rules: Vec<RouteRule>,
}

impl RouteTable {
    /// Routes to be nested under `prefix` (`""` for none).
    fn under(prefix: &'static str) -> Self {
        RouteTable { prefix, router: Router::new(), rules: Vec::new() }
    }

    fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Self {
        self.router = self.router.route(path, handler);
        self.rules.push(RouteRule { method, path: format!("{}{path}", self.prefix), access });
        self
    }
}

fn api_routes() -> RouteTable {
    RouteTable::under("/api/v1")
        .add("GET", "/questionnaires", Access::Public, get(api::questionnaires::list))
        .add("POST", "/questionnaires/validate", Access::Public, post(api::questionnaires::validate))
        .add("GET", "/questionnaires/{id}/versions/{version}", Access::Public, get(api::questionnaires::version))
        .add("POST", "/campaigns/{campaign}/responses", Access::Respondent, post(respondents::submit_json))
}

fn form_routes() -> RouteTable {
    use crate::projects::handlers as projects;
    use crate::projects::plan_handlers as plans;
    use crate::staff::handlers as staff;
    use crate::staff::people;
    RouteTable::under("")
        .add("POST", "/r/{campaign}/consent", Access::Respondent, post(respondents::consent))
        .add("POST", "/r/{campaign}/q/{number}", Access::Respondent, post(respondents::save_section))
        .add("POST", "/r/{campaign}/submit", Access::Respondent, post(respondents::submit))
        .add("GET", "/retour/{secret}", Access::Respondent, get(respondents::open_return_link))
        .add("GET", "/i/{token}", Access::Respondent, get(respondents::open_invitation))
        .add("POST", "/mes-resultats/retrait", Access::Respondent, post(respondents::withdraw))
        .add("POST", "/r/{campaign}/lien-par-email", Access::Respondent, post(respondents::email_return_link))
        .add("POST", "/mes-resultats/adresse", Access::Respondent, post(respondents::forget_contact))
        .add("POST", "/connexion", Access::SignIn, post(staff::sign_in))
        .add("GET", "/connexion/invitation/{token}", Access::SignIn, get(staff::open_account_invitation))
        .add("POST", "/connexion/bienvenue", Access::SignIn, post(staff::accept_account_invitation))
        .add("POST", "/connexion/lien", Access::SignIn, post(staff::request_sign_in_link))
        .add("GET", "/connexion/lien/{token}", Access::SignIn, get(staff::open_sign_in_link))
        .add("POST", "/connexion/lien/utiliser", Access::SignIn, post(staff::use_sign_in_link))
        .add("GET", "/connexion/oidc/{provider}", Access::SignIn, get(crate::staff::provider_sign_in::start))
        .add("GET", "/connexion/oidc/{provider}/retour", Access::SignIn, get(crate::staff::provider_sign_in::finish))
        .add("POST", "/deconnexion", Access::Staff(Need::StaffHome), post(staff::sign_out))
        .add("POST", "/equipe/campagnes", Access::Staff(Need::RunCampaigns), post(staff::create_campaign))
        .add(
            "POST",
            "/equipe/campagnes/{campaign}/cloture",
            Access::Staff(Need::RunCampaigns),
            post(staff::close_campaign),
        )
        .add(
            "POST",
            "/equipe/campagnes/{campaign}/invitations",
            Access::Staff(Need::IssueInvitations),
            post(staff::issue_invitations),
        )
        .add("GET", "/equipe/campagnes/{campaign}/affiche.svg", Access::Staff(Need::SeeCampaigns), get(staff::poster))
        .add(
            "GET",
            "/equipe/campagnes/{campaign}/graphiques/{chart}",
            Access::Staff(Need::SeeResults),
            get(crate::results::handlers::chart),
        )
        .add(
            "GET",
            "/equipe/campagnes/{campaign}/reponses.csv",
            Access::Staff(Need::ExportAnswers),
            get(crate::results::handlers::answers_csv),
        )
        .add(
            "GET",
            "/equipe/campagnes/{campaign}/reponses.parquet",
            Access::Staff(Need::ExportAnswers),
            get(crate::results::handlers::answers_parquet),
        )
        .add(
            "GET",
            "/equipe/campagnes/{campaign}/dictionnaire.csv",
            Access::Staff(Need::SeeResults),
            get(crate::results::handlers::codebook_csv),
        )
        .add("POST", "/equipe/personnes", Access::Staff(Need::ManagePeople), post(people::invite))
        .add(
            "GET",
            "/equipe/personnes.csv",
            Access::Staff(Need::ExportIdentifyingData),
            get(crate::staff::exports::people_csv),
        )
        .add(
            "GET",
            "/equipe/campagnes/{campaign}/adresses.csv",
            Access::Staff(Need::ExportIdentifyingData),
            get(crate::staff::exports::contacts_csv),
        )
        .add(
            "POST",
            "/equipe/personnes/{person}/roles/{membership}",
            Access::Staff(Need::ManagePeople),
            post(people::change_role),
        )
        .add(
            "POST",
            "/equipe/personnes/{person}/roles/{membership}/retrait",
            Access::Staff(Need::ManagePeople),
            post(people::remove_role),
        )
        .add(
            "POST",
            "/equipe/personnes/{person}/desactivation",
            Access::Staff(Need::ManagePeople),
            post(people::disable),
        )
        .add("POST", "/equipe/personnes/{person}/reactivation", Access::Staff(Need::ManagePeople), post(people::enable))
        .add("POST", "/equipe/personnes/{person}/lien", Access::Staff(Need::ManagePeople), post(people::new_link))
        .add("POST", "/equipe/projets", Access::Staff(Need::StartProject), post(projects::create))
        .add(
            "POST",
            "/equipe/projets/{project}/besoin",
            Access::Staff(Need::ContributeToProject),
            post(projects::write_need),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/besoin/{revision}",
            Access::Staff(Need::ContributeToProject),
            post(projects::settle_conflict),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons",
            Access::Staff(Need::ContributeToProject),
            post(projects::start_draft),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/suggestions",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/questions",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_new_item),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/questions/{item}",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_item_edit),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/questions/{item}/commentaires",
            Access::Staff(Need::ContributeToProject),
            post(projects::comment_on_item),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/description",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_description),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/scores",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_scale_edit),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/sections",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_section_edit),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/langues",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_language),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/verification",
            Access::Staff(Need::ContributeToProject),
            post(projects::check_edit),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/brouillons/{draft}/publication",
            Access::Staff(Need::ContributeToProject),
            post(projects::propose_publication),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/mention",
            Access::Staff(Need::ContributeToProject),
            post(projects::credit_consent),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes",
            Access::Staff(Need::ManageProjectMembers),
            post(plans::link_campaign),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/constats",
            Access::Staff(Need::ContributeToProject),
            post(plans::add_finding),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/constats/{finding}/actions",
            Access::Staff(Need::ContributeToProject),
            post(plans::propose_action),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/actions/{action}/avis",
            Access::Staff(Need::ContributeToProject),
            post(plans::vote_on_action),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/actions/{action}/etat",
            Access::Staff(Need::ContributeToProject),
            post(plans::set_action_status),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/publication",
            Access::Staff(Need::ContributeToProject),
            post(plans::propose_plan_publication),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/campagnes/{campaign}/publication/{publication}/avis",
            Access::Staff(Need::ContributeToProject),
            post(plans::vote_on_plan_publication),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/jargon",
            Access::Staff(Need::ContributeToProject),
            post(projects::set_jargon),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/suggestions/{suggestion}",
            Access::Staff(Need::ContributeToProject),
            post(projects::vote),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/suggestions/{suggestion}/commentaires",
            Access::Staff(Need::ContributeToProject),
            post(projects::comment),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/membres",
            Access::Staff(Need::ManageProjectMembers),
            post(projects::add_member),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/membres/{member}",
            Access::Staff(Need::ManageProjectMembers),
            post(projects::change_member),
        )
        .add(
            "POST",
            "/equipe/projets/{project}/membres/{member}/retrait",
            Access::Staff(Need::ManageProjectMembers),
            post(projects::remove_member),
        )
}

fn other_routes() -> RouteTable {
    RouteTable::under("")
        .add("GET", "/healthz", Access::Public, get(api::health::healthz))
        .add("GET", "/style/boucle.css", Access::Public, get(stylesheet))
        .add("GET", "/favicon.svg", Access::Public, get(favicon))
}

/// The rule of a Leptos page, by its path.
pub fn page_access(path: &str) -> Access {
    match path {
        "/equipe" => Access::Staff(Need::StaffHome),
        "/equipe/campagnes/nouvelle" => Access::Staff(Need::RunCampaigns),
        "/equipe/journal" => Access::Staff(Need::ReadAuditLog),
        p if p.starts_with("/equipe/campagnes/") && p.ends_with("/resultats") => Access::Staff(Need::SeeResults),
        p if p == "/equipe/personnes" || p.starts_with("/equipe/personnes/") => Access::Staff(Need::ManagePeople),
        "/equipe/projets" => Access::Staff(Need::StaffHome),
        p if p.starts_with("/equipe/projets/") => Access::Staff(Need::SeeProject),
        p if p.starts_with("/equipe/") => Access::Staff(Need::SeeCampaigns),
        p if p.starts_with("/connexion") => Access::SignIn,
        p if p.starts_with("/r/") || p.starts_with("/mes-resultats") || p == "/lien-invalide" => Access::Respondent,
        _ => Access::Public,
    }
}

/// The rule of each server function (`/_sfn/...`); `None` for one without a rule,
/// which the access-matrix test refuses.
pub fn server_fn_access(path: &str) -> Option<Access> {
    let endpoint = path.strip_prefix("/_sfn/")?;
    Some(match endpoint {
        "library" | "questionnaire" | "questionnaire_history" => Access::Public,
        "respondent_state" | "return_view" => Access::Respondent,
        "sign_in_options" | "account_invitation" | "sign_in_link" => Access::SignIn,
        "staff_home" => Access::Staff(Need::StaffHome),
        "campaign_desk" => Access::Staff(Need::SeeCampaigns),
        "new_campaign_options" => Access::Staff(Need::RunCampaigns),
        "audit_page" => Access::Staff(Need::ReadAuditLog),
        "campaign_results" => Access::Staff(Need::SeeResults),
        "people_page" | "person_page" => Access::Staff(Need::ManagePeople),
        "projects_page" => Access::Staff(Need::StaffHome),
        "project_page" | "draft_page" | "plan_page" => Access::Staff(Need::SeeProject),
        "loop_dashboard" => Access::Staff(Need::SeeCampaigns),
        _ => return None,
    })
}

/// Every axum route (not pages nor server functions) with its rule.
pub fn route_rules() -> Vec<RouteRule> {
    [api_routes(), form_routes(), other_routes()].into_iter().flat_map(|table| table.rules).collect()
}

/// Every page path with its rule.
pub fn page_rules() -> Vec<RouteRule> {
    generate_route_list(app::App)
        .iter()
        .map(|listing| {
            let path = listing.path().to_string();
            RouteRule { method: "GET", access: page_access(&path), path }
        })
        .collect()
}

/// A server function called with missing or unreadable arguments answers 500 in Leptos;
/// it is the caller's mistake, so the status becomes 400 (the body, `Args|…`, stays).
async fn server_fn_bad_arguments(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let is_server_fn = request.uri().path().starts_with("/_sfn/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if bytes.starts_with(b"Args|") || bytes.starts_with(b"Deserialization|") {
        parts.status = StatusCode::BAD_REQUEST;
    }
    axum::response::Response::from_parts(parts, axum::body::Body::from(bytes))
}

/// Respondent pages speak only their campaign's languages: for a GET of a campaign's
/// pages (`/r/{campaign}…`) or of the return page (whose campaign the return cookie
/// names), the languages offered go into the request for the page shell to choose from
/// and to offer in its switch (`app::shell::OfferedLanguages`).
async fn campaign_languages(
    axum::extract::State(state): axum::extract::State<AppState>,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.method() == http::Method::GET {
        let path = request.uri().path();
        let offered = if let Some(rest) = path.strip_prefix("/r/") {
            let campaign = rest.split('/').next().unwrap_or_default().to_string();
            state.respondents.offered_languages(&campaign).await.ok().flatten()
        } else if path.starts_with("/mes-resultats") {
            let cookies = crate::forms::cookies(request.headers());
            match crate::respondents::cookies::cookie_value(&cookies, crate::respondents::cookies::RETURN_COOKIE) {
                Some(secret) => state.respondents.offered_languages_for_return(secret).await.ok().flatten(),
                None => None,
            }
        } else {
            None
        };
        if let Some(offered) = offered {
            let languages = offered.iter().filter_map(|tag| app::i18n::Lang::from_tag(tag)).collect();
            request.extensions_mut().insert(app::shell::OfferedLanguages(languages));
        }
    }
    next.run(request).await
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let api = api_routes().router.fallback(api::not_found).layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    let forms = form_routes().router.layer(DefaultBodyLimit::max(MAX_FORM_BYTES));
    let catalog: Arc<dyn app::catalog::service::QuestionnaireCatalog> = state.catalog.clone();
    let respondent_service: Arc<dyn app::respondent::service::Respondents> = state.respondents.clone();
    let staff_desk: Arc<dyn app::staff::service::StaffDesk> = state.staff.clone();
    let results_desk: Arc<dyn app::results::service::ResultsDesk> =
        Arc::new(crate::results::ResultsDeskService { results: state.results.clone(), staff: state.staff.clone() });
    let project_desk: Arc<dyn app::projects::service::ProjectDesk> =
        Arc::new(crate::projects::desk::ProjectDeskService {
            staff: state.staff.clone(),
            projects: state.projects.clone(),
            catalog: state.catalog.clone(),
            definitions: state.results.definitions(),
        });
    let context = move || {
        provide_context(catalog.clone());
        provide_context(respondent_service.clone());
        provide_context(staff_desk.clone());
        provide_context(results_desk.clone());
        provide_context(project_desk.clone());
    };
    let options = state.leptos_options.clone();
    let headers = HeaderPolicy::for_public_url(&state.public_url);
    let pages = generate_route_list(app::App);
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);

    Router::new()
        .merge(other_routes().router)
        .nest("/api/v1", api)
        .merge(forms)
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
        .layer(axum::middleware::from_fn(server_fn_bad_arguments))
        .layer(axum::middleware::from_fn_with_state(state.clone(), campaign_languages))
        .layer(CompressionLayer::new().gzip(true))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(CatchPanicLayer::custom(|_| {
            crate::error::ApiError::Internal("a request handler panicked".into()).into_response()
        }))
        // Outermost, so that timeouts and caught panics get the headers too.
        .layer(axum::middleware::from_fn_with_state(headers, security_headers))
        .with_state(state)
}
