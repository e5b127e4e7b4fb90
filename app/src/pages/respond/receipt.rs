use super::{campaign_path, redirect};
use crate::i18n::Lang;
use crate::respondent::RespondentState;
use crate::shell::PageTitle;
use leptos::prelude::*;

/// After submitting: thanks, the private return link, and what happens next.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    super::campaign_page(receipt)
}

/// The address this page was asked for, to write full links (`http://host`).
fn site_origin() -> String {
    #[cfg(feature = "ssr")]
    {
        let host = use_context::<http::request::Parts>()
            .and_then(|p| p.headers.get(http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string))
            .unwrap_or_default();
        let scheme = if host.starts_with("localhost") || host.starts_with("127.") { "http" } else { "https" };
        format!("{scheme}://{host}")
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

fn receipt(state: RespondentState, lang: Lang) -> AnyView {
    let campaign = state.campaign;
    let id = campaign.public_id.clone();
    let Some(secret) = state.progress.as_ref().and_then(|p| p.return_secret.clone()) else {
        redirect(&campaign_path(&id, "", lang));
        return ().into_any();
    };
    let link = format!("{}/retour/{secret}", site_origin());
    let promise = campaign
        .results_promised_on
        .clone()
        .map(|date| lang.t_args("start-results-promise", &[("date", lang.date(&date).into())]));
    view! {
        <PageTitle text=format!("{} · {}", lang.t("receipt-title"), campaign.title)/>
        <div class="panel-success">
            <h1>{lang.t("receipt-title")}</h1>
            <p>{lang.t("receipt-body")}</p>
        </div>
        <h2>{lang.t("receipt-link-title")}</h2>
        <p>{lang.t("receipt-link-explain")}</p>
        <p class="return-link"><a href=link.clone()>{link.clone()}</a></p>
        <crate::qr::QrCode text=link.clone() label=lang.t("receipt-qr-label")/>
        <p class="hint">{lang.t("receipt-link-keep")}</p>
        <h2>{lang.t("receipt-next-title")}</h2>
        {promise.map(|p| view! { <p>{p}</p> })}
        <p>{lang.t_args("start-small-groups", &[("k", campaign.min_cell_size.into())])}</p>
        <p>{lang.t("start-withdraw")}</p>
    }
    .into_any()
}
