use crate::shell::PageTitle;
use crate::shell::{href, use_page};
use leptos::prelude::*;

/// Shown for any unknown address, with a 404 status.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    super::set_status(404);
    let lang = use_page().lang;
    view! {
        <PageTitle text=lang.t("not-found-title")/>
        <h1>{lang.t("not-found-title")}</h1>
        <p>{lang.t("not-found-body")}</p>
        <p><a href=href("/", lang)>{lang.t("back-to-library")}</a></p>
    }
}
