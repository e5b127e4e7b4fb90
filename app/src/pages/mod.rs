//! One module per page. Pages fetch through server functions and render plain HTML.

mod home;
mod not_found;
mod questionnaire;
pub mod respond;
pub mod results_panels;
pub mod staff;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use questionnaire::QuestionnairePage;

use crate::i18n::Lang;
use survey_defs::QuestionnaireKind;

/// The label of a questionnaire kind, in the page language.
pub fn kind_label(kind: &QuestionnaireKind, lang: Lang) -> String {
    match kind {
        QuestionnaireKind::Prom => lang.t("kind-prom"),
        QuestionnaireKind::Prem => lang.t("kind-prem"),
        QuestionnaireKind::Other => lang.t("kind-other"),
    }
}

/// Sets the HTTP status of the page being rendered (server side only).
pub fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(code)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(status))
    {
        options.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Sends the browser elsewhere: a 302 with `Location` (server side). Unlike
/// `leptos_axum::redirect`, it does not depend on the `Accept` header: these pages are
/// only ever loaded as documents.
pub(crate) fn redirect(path: &str) {
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
pub(crate) fn set_cookie(value: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(value))
    {
        options.append_header(http::header::SET_COOKIE, value);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = value;
}
