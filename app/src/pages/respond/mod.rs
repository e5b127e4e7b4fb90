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
use survey_defs::Problem;

/// Sends the browser elsewhere: a 302 with `Location` (server side). Unlike
/// `leptos_axum::redirect`, it does not depend on the `Accept` header: these pages are
/// only ever loaded as documents.
fn redirect(path: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(location)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(path))
    {
        options.insert_header(http::header::LOCATION, location);
        options.set_status(http::StatusCode::FOUND);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// Adds a `Set-Cookie` header to the page's response (server side only).
fn set_cookie(value: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(value))
    {
        options.append_header(http::header::SET_COOKIE, value);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = value;
}

/// The respondent-facing message for a problem with an answer.
pub fn problem_message(problem: &Problem, lang: Lang) -> String {
    lang.t(&format!("problem-{}", problem.code.key().replace('_', "-")))
}

/// A campaign page's path with the language kept.
fn campaign_path(campaign: &str, rest: &str, lang: Lang) -> String {
    format!("/r/{campaign}{rest}?lang={}", lang.tag())
}
