//! One module per page. Pages fetch through server functions and render plain HTML.

mod home;
mod not_found;
mod questionnaire;
pub mod respond;

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
