use super::answers::answer_text;
use crate::i18n::Lang;
use crate::pages::results_panels::PanelView;
use crate::questionnaire_view::text_in;
use crate::respondent::{ReturnView, load_return_view};
use crate::shell::PageTitle;
use crate::shell::use_page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The private return page: the respondent's own answers and scores, when results
/// come back, and withdrawal.
#[component]
pub fn YourResultsPage() -> impl IntoView {
    let lang = use_page().lang;
    let query = use_query_map();
    let confirm_missing = query.with_untracked(|q| q.get("confirm").is_some_and(|v| v == "missing"));
    let contact_forgotten = query.with_untracked(|q| q.get("adresse").is_some_and(|v| v == "effacee"));
    let view_data = Resource::new(|| (), move |_| load_return_view(lang.tag().to_string()));
    view! {
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(Some(data)) => {
                        view! { <YourResults data lang confirm_missing contact_forgotten/> }.into_any()
                    }
                    Ok(None) => {
                        crate::pages::set_status(404);
                        view! {
                            <PageTitle text=lang.t("return-unknown-title")/>
                            <h1>{lang.t("return-unknown-title")}</h1>
                            <p>{lang.t("return-unknown-body")}</p>
                        }
                        .into_any()
                    }
                    Err(_) => {
                        crate::pages::set_status(503);
                        view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn YourResults(data: ReturnView, lang: Lang, confirm_missing: bool, contact_forgotten: bool) -> impl IntoView {
    let campaign = data.campaign;
    let everyone = data.everyone;
    let q = &campaign.questionnaire;
    let answers = q
        .answerable_items()
        .filter_map(|item| {
            let answer = data.answers.get(&item.id)?;
            let question = text_in(&item.text, lang);
            Some(view! {
                <div class="review-row">
                    <dt lang=question.lang>{question.text}</dt>
                    <dd>{answer_text(item, answer, lang)}</dd>
                </div>
            })
        })
        .collect_view();
    let scores = data
        .scores
        .iter()
        .filter_map(|score| {
            let scale = q.scales.iter().find(|s| s.id == score.scale_id)?;
            let title = text_in(&scale.title, lang);
            let value = score.value.map_or_else(
                || lang.t("return-score-missing"),
                |v| if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v:.1}") },
            );
            let band = score.band.and_then(|b| scale.bands.get(b)).map(|b| text_in(&b.label, lang).text);
            let caveat = scale.caveat.as_ref().map(|c| text_in(c, lang));
            Some(view! {
                <div class="score">
                    <h3 lang=title.lang>{title.text}</h3>
                    <p class="score-value">{lang.t("return-your-score")} " " <strong>{value}</strong></p>
                    {band.map(|b| view! { <p>{lang.t("return-band")} " " <strong>{b}</strong></p> })}
                    {caveat.map(|c| view! { <p class="caveat" lang=c.lang>{c.text}</p> })}
                </div>
            })
        })
        .collect_view();
    // What was found and decided comes first once the project published it.
    let plan = data.plan.map(|plan| {
        let findings = plan
            .findings
            .into_iter()
            .map(|f| {
                let actions = f
                    .actions
                    .into_iter()
                    .map(|a| {
                        let due = (!a.due_on.is_empty())
                            .then(|| lang.t_args("action-due", &[("date", lang.date(&a.due_on).into())]));
                        view! {
                            <li>
                                <strong>{crate::pages::staff::status_label(&a.status, lang)}</strong> " : " {a.what}
                                <br/><span class="hint">{lang.t_args("action-owner", &[("owner", a.owner.into())])} {due.map(|d| format!(" · {d}"))}</span>
                                {a.reason.map(|r| view! { <br/><span>{lang.t("action-reason")} " " {r}</span> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="card">
                        <p>{f.statement}</p>
                        {(!f.evidence.is_empty()).then(|| view! {
                            <p class="hint">{lang.t("finding-evidence")} " " {f.evidence.join(" ; ")}</p>
                        })}
                        <ul>{actions}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section id="decisions" aria-labelledby="decisions-heading">
                <h2 id="decisions-heading">{lang.t("return-decisions-title")}</h2>
                <p>{lang.t_args("return-decisions-published", &[("date", lang.date(&plan.published_on).into())])}</p>
                <p>{lang.t_args("return-since-you-answered", &[
                    ("adopted", plan.since_you_answered.adopted.into()),
                    ("done", plan.since_you_answered.done.into()),
                    ("rejected", plan.since_you_answered.rejected.into()),
                ])}</p>
                <ol class="card-list">{findings}</ol>
            </section>
        }
    });
    let promise = campaign
        .results_promised_on
        .clone()
        .map(|date| lang.t_args("start-results-promise", &[("date", lang.date(&date).into())]));
    let title = if confirm_missing {
        format!("{} {}", lang.t("error-title-prefix"), lang.t("return-title"))
    } else {
        lang.t("return-title")
    };
    view! {
        <PageTitle text=title/>
        <p class="eyebrow">{campaign.title.clone()}</p>
        <h1>{lang.t("return-title")}</h1>
        <p>{lang.t_args("return-submitted-on", &[("date", lang.date(&data.submitted_on).into())])}</p>
        {plan}
        {(!data.scores.is_empty()).then(|| view! { <h2>{lang.t("return-scores-title")}</h2> })}
        {scores}
        <section id="everyone" aria-labelledby="everyone-heading">
            <h2 id="everyone-heading">{lang.t("return-everyone-title")}</h2>
            <p>{everyone.respondents.clone()}</p>
            {if everyone.enough {
                view! { <p>{lang.t("return-everyone-updates")}</p> }.into_any()
            } else {
                view! { <p>{lang.t_args("return-everyone-not-yet", &[("k", campaign.min_cell_size.into())])}</p> }.into_any()
            }}
            <p>{lang.t_args("start-small-groups", &[("k", campaign.min_cell_size.into())])}</p>
            {promise.map(|p| view! { <p>{p}</p> })}
            {everyone.scales.into_iter().map(|panel| view! { <PanelView panel level=3/> }).collect_view()}
            {(!everyone.items.is_empty()).then(|| view! {
                <details class="everyone-items">
                    <summary>{lang.t("return-everyone-items")}</summary>
                    {everyone.items.into_iter().map(|panel| view! { <PanelView panel level=3/> }).collect_view()}
                </details>
            })}
        </section>
        {(data.contact_email.is_some() || contact_forgotten).then(|| view! {
            <section id="contact" aria-labelledby="contact-heading">
                <h2 id="contact-heading">{lang.t("return-contact-title")}</h2>
                {contact_forgotten.then(|| view! { <p class="notice" role="status">{lang.t("return-contact-forgotten")}</p> })}
                {data.contact_email.clone().map(|email| view! {
                    <p>{lang.t_args("return-contact-kept", &[("email", email.into())])}</p>
                    <form method="post" action="/mes-resultats/adresse">
                        <input type="hidden" name="form_token" value=data.form_token.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <button type="submit" class="button-secondary">{lang.t("return-contact-forget")}</button>
                    </form>
                })}
            </section>
        })}
        <h2>{lang.t("return-answers-title")}</h2>
        <dl class="review-list">{answers}</dl>
        <section id="withdraw" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">{lang.t("return-withdraw-title")}</h2>
            <p>{lang.t("return-withdraw-explain")}</p>
            {confirm_missing.then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                    <h2>{lang.t("error-summary-title")}</h2>
                    <ul><li><a href="#confirm">{lang.t("return-withdraw-confirm-missing")}</a></li></ul>
                </div>
            })}
            <form method="post" action="/mes-resultats/retrait">
                <input type="hidden" name="form_token" value=data.form_token/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <label class="choice" for="confirm">
                    <input
                        type="checkbox"
                        id="confirm"
                        name="confirm"
                        value="yes"
                        aria-invalid=confirm_missing.then_some("true")
                    />
                    <span>{lang.t("return-withdraw-confirm")}</span>
                </label>
                <button type="submit" class="button-danger">{lang.t("return-withdraw-button")}</button>
            </form>
        </section>
    }
}

/// After withdrawal.
#[component]
pub fn WithdrawnPage() -> impl IntoView {
    let lang = use_page().lang;
    view! {
        <PageTitle text=lang.t("withdrawn-title")/>
        <h1>{lang.t("withdrawn-title")}</h1>
        <p>{lang.t("withdrawn-body")}</p>
    }
}
