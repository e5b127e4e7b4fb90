//! The staff side: sign-in (password, provider, account invitation), the campaigns of
//! one's institutions, one campaign's desk (counts, poster code, invitations, closing),
//! a new campaign, the audit log, and for admins the people of their institutions. Plain server-rendered forms, like the
//! respondent pages; the server's handlers check the session, the form token and the
//! access policy on every post.

mod account;
mod audit;
mod campaigns;
mod draft_editor;
mod people;
mod plan;
pub(crate) mod projects;
mod results;

pub use account::{SignInLinkPage, SignInPage, WelcomePage};
pub use audit::AuditLogPage;
pub use campaigns::{CampaignDeskPage, NewCampaignPage, StaffHomePage};
pub use people::{PeopleListPage, PersonDetailPage};
pub(crate) use plan::status_label;
pub use plan::{LoopDashboardPage, PlanPageView, RoadmapPageView};
pub use projects::{DraftDetailPage, ProjectDetailPage, ProjectListPage};
pub use results::CampaignResultsPage;

use crate::i18n::Lang;
use crate::pages::redirect;
use crate::shell::{href, use_page};
use crate::staff::{StaffAnswer, Viewer};
use leptos::prelude::*;
use std::future::Future;

/// Loads a staff page's data and renders it; sends anonymous visitors to the sign-in
/// page (and back here afterwards), and shows refusals with their status.
fn staff_page<T, Fut, F>(load: impl Fn() -> Fut + Send + Sync + 'static, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    Fut: Future<Output = Result<StaffAnswer<T>, ServerFnError>> + Send + 'static,
    F: Fn(T, Lang) -> AnyView + Clone + Send + Sync + 'static,
{
    let lang = use_page().lang;
    let here = leptos_router::hooks::use_location();
    let path = here.pathname.get_untracked();
    let data = Resource::new(|| (), move |_| load());
    view! {
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || {
                let render = render.clone();
                let path = path.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(StaffAnswer::Ready(value)) => render(value, lang),
                        Ok(StaffAnswer::SignInRequired) => {
                            redirect(&format!("/connexion?suite={}&lang={}", path, lang.tag()));
                            view! { <p><a href=href("/connexion", lang)>{lang.t("signin-title")}</a></p> }.into_any()
                        }
                        Ok(StaffAnswer::Forbidden) => view! {
                            <h1>{lang.t("staff-forbidden-title")}</h1>
                            <p role="alert">{lang.t("staff-forbidden-body")}</p>
                        }
                        .into_any(),
                        Ok(StaffAnswer::NotFound) => view! { <crate::pages::NotFoundPage/> }.into_any(),
                        Err(_) => {
                            crate::pages::set_status(503);
                            view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// A staff page's document title, marked when the last post was refused.
fn title(text: &str, error: bool, lang: Lang) -> String {
    if error { format!("{} {text} · Boucle", lang.t("error-title-prefix")) } else { format!("{text} · Boucle") }
}

/// The notice or the error of the last post (`?fait=` / `?erreur=`, already checked).
fn outcome_view(done: Option<String>, error: Option<String>, lang: Lang) -> impl IntoView {
    view! {
        {done.map(|key| view! { <p class="notice" role="status">{lang.t(&key)}</p> })}
        {error.map(|key| view! { <p class="error-summary" role="alert" tabindex="-1">{lang.t(&key)}</p> })}
    }
}

/// The bar above every staff page: who is signed in, where to go, sign-out.
#[component]
fn StaffBar(viewer: Viewer, lang: Lang) -> impl IntoView {
    let roles = viewer
        .roles
        .iter()
        .map(|r| format!("{} ({})", lang.t(&format!("role-{}", r.role.replace('_', "-"))), r.institution_name))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <nav class="staff-bar" aria-label=lang.t("staff-nav-label")>
            <p class="staff-who">
                {lang.t_args("staff-signed-in-as", &[("name", viewer.display_name.clone().into())])}
                <br/>
                <span class="card-meta">{roles}</span>
            </p>
            <ul class="staff-links">
                <li><a href=href("/equipe", lang)>{lang.t("staff-home-title")}</a></li>
                <li><a href=href("/equipe/projets", lang)>{lang.t("projects-title")}</a></li>
                <li><a href=href("/equipe/boucle", lang)>{lang.t("loop-dashboard-title")}</a></li>
                {viewer
                    .can_manage_people
                    .then(|| view! { <li><a href=href("/equipe/personnes", lang)>{lang.t("people-title")}</a></li> })}
                {viewer
                    .can_read_audit
                    .then(|| view! { <li><a href=href("/equipe/journal", lang)>{lang.t("audit-title")}</a></li> })}
            </ul>
            <form method="post" action="/deconnexion" class="inline-form">
                <input type="hidden" name="csrf" value=viewer.csrf_token.clone()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <button type="submit" class="button-secondary">{lang.t("signout")}</button>
            </form>
        </nav>
    }
}
