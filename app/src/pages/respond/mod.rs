//! The respondent journey's pages: campaign welcome and consent, one screen at a time,
//! "check your answers", receipt with the private return link, and the return page.
//! Every page is complete HTML with plain forms; the server's handlers answer the
//! posts with redirects back to these pages (POST-redirect-GET).

mod answers;
mod receipt;
mod review;
mod screen;
mod start;
mod your_results;

pub use receipt::ReceiptPage;
pub use review::ReviewPage;
pub use screen::ScreenPage;
pub use start::{CampaignStartPage, DeclinedPage, InvalidInvitationPage};
pub use your_results::{WithdrawnPage, YourResultsPage};

use crate::i18n::Lang;
use crate::pages::{redirect, set_cookie};
use crate::respondent::{CampaignInfo, CampaignStatus, Progress, RespondentState, load_respondent_state};
use crate::shell::use_page;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use survey_defs::Problem;

/// Loads this browser's state in the campaign named in the path, then renders it;
/// an unknown campaign gets the 404 page, a storage failure a 503 message.
fn campaign_page<F>(render: F) -> impl IntoView
where
    F: Fn(RespondentState, Lang) -> AnyView + Clone + Send + Sync + 'static,
{
    let lang = use_page().lang;
    let params = use_params_map();
    let state = Resource::new(move || params.get().get("campaign").unwrap_or_default(), load_respondent_state);
    view! {
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match state.await {
                        Ok(Some(state)) => render(state, lang),
                        Ok(None) => view! { <crate::pages::NotFoundPage/> }.into_any(),
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

/// The campaign and progress of a respondent who may still answer; anyone else is
/// sent where they belong (the start page, or the receipt once submitted).
fn still_answering(state: RespondentState, lang: Lang) -> Option<(CampaignInfo, Progress)> {
    let id = state.campaign.public_id.clone();
    match state.progress {
        Some(progress) if progress.submitted => redirect(&campaign_path(&id, "/merci", lang)),
        Some(progress) if state.campaign.status == CampaignStatus::Open => return Some((state.campaign, progress)),
        _ => redirect(&campaign_path(&id, "", lang)),
    }
    None
}

/// The respondent-facing message for a problem with an answer.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    lang.t(&format!("problem-{}", problem.code.key().replace('_', "-")))
}

/// A campaign page's path with the language kept.
fn campaign_path(campaign: &str, rest: &str, lang: Lang) -> String {
    format!("/r/{campaign}{rest}?lang={}", lang.tag())
}
