use super::{campaign_path, redirect};
use crate::i18n::Lang;
use crate::respondent::RespondentState;
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// After submitting: thanks, the private return link, and what happens next.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let outcome = use_query_map().with_untracked(|q| q.get("email"));
    super::campaign_page(move |state, lang| receipt(state, lang, outcome.clone()))
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

fn receipt(state: RespondentState, lang: Lang, email_outcome: Option<String>) -> AnyView {
    let campaign = state.campaign;
    let id = campaign.public_id.clone();
    let Some(progress) = state.progress.filter(|p| p.return_secret.is_some()) else {
        redirect(&campaign_path(&id, "", lang));
        return ().into_any();
    };
    let secret = progress.return_secret.clone().unwrap_or_default();
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
        <EmailLinkForm campaign=id form_token=progress.form_token lang outcome=email_outcome/>
        <h2>{lang.t("receipt-next-title")}</h2>
        {promise.map(|p| view! { <p>{p}</p> })}
        <p>{lang.t_args("start-small-groups", &[("k", campaign.min_cell_size.into())])}</p>
        <p>{lang.t("start-withdraw")}</p>
    }
    .into_any()
}

/// The optional form that emails the return link, with what the last attempt did.
#[component]
fn EmailLinkForm(campaign: String, form_token: String, lang: Lang, outcome: Option<String>) -> impl IntoView {
    let (notice, error) = match outcome.as_deref() {
        Some("envoye") => (Some(lang.t("receipt-email-sent")), None),
        Some("envoye-suivi") => (Some(lang.t("receipt-email-sent-notify")), None),
        Some("invalide") => (None, Some(lang.t("receipt-email-error-address"))),
        Some("limite") => (None, Some(lang.t("receipt-email-error-limit"))),
        _ => (None, None),
    };
    let invalid = error.is_some();
    let described_by = if invalid { "email-hint email-error" } else { "email-hint" };
    view! {
        <section id="email" aria-labelledby="email-heading" class="email-link">
            <h2 id="email-heading">{lang.t("receipt-email-title")}</h2>
            <p>{lang.t("receipt-email-explain")}</p>
            {notice.map(|text| view! { <p class="notice" role="status">{text}</p> })}
            <form method="post" action=format!("/r/{campaign}/lien-par-email")>
                <input type="hidden" name="form_token" value=form_token/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class=if invalid { "field field-invalid" } else { "field" }>
                    <label for="email-address">{lang.t("receipt-email-label")}</label>
                    <p class="hint" id="email-hint">{lang.t("receipt-email-hint")}</p>
                    {error.map(|text| view! { <p class="field-error" id="email-error" role="alert">{text}</p> })}
                    <input id="email-address" name="email" type="email" autocomplete="email" inputmode="email"
                        maxlength="254" required aria-describedby=described_by
                        aria-invalid=invalid.then_some("true")/>
                </div>
                <label class="choice" for="keep-address">
                    <input type="checkbox" id="keep-address" name="keep_address" value="yes"/>
                    <span>{lang.t("receipt-email-notify")}</span>
                </label>
                <button type="submit" class="button-secondary">{lang.t("receipt-email-submit")}</button>
            </form>
        </section>
    }
}
