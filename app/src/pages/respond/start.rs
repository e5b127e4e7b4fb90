use super::{campaign_path, set_cookie};
use crate::i18n::Lang;
use crate::questionnaire_view::text_in;
use crate::respondent::{CampaignStatus, RespondentState};
use crate::shell::PageTitle;
use crate::shell::use_page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The campaign's open link: who asks, why, how long, what happens to the answers,
/// when results come back, how to withdraw; then the consent form.
#[component]
pub fn CampaignStartPage() -> impl IntoView {
    let query = use_query_map();
    let consent_missing = query.with_untracked(|q| q.get("consent").is_some_and(|v| v == "missing"));
    super::campaign_page(move |state, lang| view! { <Welcome state lang consent_missing/> }.into_any())
}

#[component]
fn Welcome(state: RespondentState, lang: Lang, consent_missing: bool) -> impl IntoView {
    let campaign = state.campaign;
    let q = &campaign.questionnaire;
    let id = campaign.public_id.clone();
    let questions = q.answerable_items().count();
    let minutes = q.estimated_minutes.unwrap_or(((questions as u32) / 3).max(2));
    let why = text_in(&q.who_asks_and_why, lang);
    let intro = text_in(&q.introduction, lang);
    let promise = campaign
        .results_promised_on
        .clone()
        .map(|date| lang.t_args("start-results-promise", &[("date", lang.date(&date).into())]));
    let anonymity = if campaign.anonymous { lang.t("start-anonymous") } else { lang.t("start-pseudonymous") };
    let k = lang.t_args("start-small-groups", &[("k", campaign.min_cell_size.into())]);
    // Double-submit token for the consent form: the same value in a cookie and a field.
    set_cookie(&format!("boucle_form={}; Path=/; HttpOnly; SameSite=Strict", state.consent_token));
    let title = if consent_missing {
        format!("{} {}", lang.t("error-title-prefix"), campaign.title)
    } else {
        campaign.title.clone()
    };
    let action = match (&campaign.status, &state.progress) {
        (_, Some(progress)) if progress.submitted => view! {
            <p class="notice">{lang.t("start-already-submitted")}</p>
            <p><a class="button" href=campaign_path(&id, "/merci", lang)>{lang.t("start-see-receipt")}</a></p>
        }
        .into_any(),
        (CampaignStatus::Open, Some(_)) => view! {
            <p class="notice">{lang.t("start-already-started")}</p>
            <p><a class="button" href=campaign_path(&id, "/q/1", lang)>{lang.t("start-resume")}</a></p>
        }
        .into_any(),
        (CampaignStatus::Open, None) if !campaign.anonymous && !state.invited => {
            view! { <p class="notice" role="status">{lang.t("start-invitation-only")}</p> }.into_any()
        }
        (CampaignStatus::Open, None) => view! {
            <ConsentForm
                campaign=id.clone()
                token=state.consent_token.clone()
                version=campaign.consent_version.clone()
                lang
                missing=consent_missing
            />
        }
        .into_any(),
        (CampaignStatus::NotYetOpen, _) => {
            view! { <p class="notice" role="status">{lang.t("start-not-yet-open")}</p> }.into_any()
        }
        (CampaignStatus::Closed, _) => {
            view! { <p class="notice" role="status">{lang.t("start-closed")}</p> }.into_any()
        }
    };
    view! {
        <PageTitle text=title/>
        <p class="eyebrow">{lang.t_args("start-who-asks", &[("institution", campaign.institution.clone().into())])}</p>
        <h1>{campaign.title.clone()}</h1>
        <section aria-labelledby="why-heading">
            <h2 id="why-heading">{lang.t("start-why")}</h2>
            <p lang=why.lang>{why.text}</p>
            <p lang=intro.lang>{intro.text}</p>
        </section>
        <section aria-labelledby="time-heading">
            <h2 id="time-heading">{lang.t("start-time")}</h2>
            <p>{lang.t_args("start-time-detail", &[("questions", questions.into()), ("minutes", minutes.into())])}</p>
        </section>
        <section aria-labelledby="answers-heading">
            <h2 id="answers-heading">{lang.t("start-what-happens")}</h2>
            <p>{anonymity}</p>
            <p>{k}</p>
            {promise.map(|p| view! { <p>{p}</p> })}
            <p>{lang.t("start-withdraw")}</p>
        </section>
        {action}
    }
}

#[component]
fn ConsentForm(campaign: String, token: String, version: String, lang: Lang, missing: bool) -> impl IntoView {
    let action = format!("/r/{campaign}/consent");
    let declined = campaign_path(&campaign, "/declined", lang);
    view! {
        {missing.then(|| view! {
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                <h2>{lang.t("error-summary-title")}</h2>
                <ul><li><a href="#consent">{lang.t("start-consent-missing")}</a></li></ul>
            </div>
        })}
        <form method="post" action=action class="consent-form">
            <input type="hidden" name="form_token" value=token/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <input type="hidden" name="consent_version" value=version/>
            <fieldset class=if missing { "field field-invalid" } else { "field" }>
                <legend>{lang.t("start-consent-legend")}</legend>
                {missing.then(|| view! { <p class="field-error" id="error-consent">{lang.t("start-consent-missing")}</p> })}
                <label class="choice" for="consent">
                    <input
                        type="checkbox"
                        id="consent"
                        name="consent"
                        value="yes"
                        required=true
                        aria-invalid=missing.then_some("true")
                        aria-describedby=missing.then_some("error-consent")
                    />
                    <span>{lang.t("start-consent-label")}</span>
                </label>
            </fieldset>
            <button type="submit">{lang.t("start-begin")}</button>
        </form>
        <p><a href=declined>{lang.t("start-decline")}</a></p>
    }
}

/// An invitation link that opens nothing.
#[component]
pub fn InvalidInvitationPage() -> impl IntoView {
    crate::pages::set_status(404);
    let lang = use_page().lang;
    view! {
        <PageTitle text=lang.t("invitation-unknown-title")/>
        <h1>{lang.t("invitation-unknown-title")}</h1>
        <p>{lang.t("invitation-unknown-body")}</p>
    }
}

/// After "I do not want to answer": nothing was stored.
#[component]
pub fn DeclinedPage() -> impl IntoView {
    let lang = use_page().lang;
    view! {
        <PageTitle text=lang.t("declined-title")/>
        <h1>{lang.t("declined-title")}</h1>
        <p>{lang.t("declined-body")}</p>
    }
}
