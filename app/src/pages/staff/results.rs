//! `/equipe/campagnes/{id}/resultats`: a campaign's results for the people who run and
//! co-wrote it: responses over time, each scale and item, figures by subgroup, how the
//! questionnaire itself worked (co-evaluation), and downloads. Every figure comes
//! disclosure-controlled from the server.

use super::{StaffBar, staff_page};
use crate::i18n::Lang;
use crate::pages::results_panels::{ChartFigure, ChartLink, PanelView};
use crate::results::{CampaignResults, load_campaign_results};
use crate::shell::{PageTitle, href};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

/// The results page.
#[component]
pub fn CampaignResultsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = params.with_untracked(|p| p.get("campaign").unwrap_or_default());
    let by = query.with_untracked(|q| q.get("par").filter(|v| !v.is_empty()));
    let lang = crate::shell::use_page().lang;
    staff_page(
        move || load_campaign_results(id.clone(), lang.tag().to_string(), by.clone()),
        |results: CampaignResults, lang| view! { <Results results lang/> }.into_any(),
    )
}

#[component]
fn Results(results: CampaignResults, lang: Lang) -> impl IntoView {
    let id = results.public_id.clone();
    let by = results.breakdown_by.clone();
    let chart_link: ChartLink = {
        let id = id.clone();
        let by = by.clone();
        Arc::new(move |chart: &str| {
            let by = by.as_ref().map(|b| format!("&par={b}")).unwrap_or_default();
            format!("/equipe/campagnes/{id}/graphiques/{chart}.svg?lang={}{by}", lang.tag())
        })
    };
    let download_label = lang.t("results-download-chart");
    let panels = |panels: Vec<crate::results::Panel>, level: u8| {
        let chart_link = chart_link.clone();
        let download_label = download_label.clone();
        panels
            .into_iter()
            .map(move |panel| {
                view! { <PanelView panel level download=chart_link.clone() download_label=download_label.clone()/> }
            })
            .collect_view()
    };
    let over_time = results.over_time.clone().map(|chart| {
        let href = chart_link(&chart.id);
        view! { <ChartFigure chart download=Some(href) download_label=download_label.clone()/> }
    });
    let title = results.title.clone();
    let choices = results.breakdown_choices.clone();
    let has_scales = !results.scales.is_empty();
    view! {
        <PageTitle text=format!("{} · {title} · Boucle", lang.t("results-page-title"))/>
        <StaffBar viewer=results.viewer.clone() lang/>
        <p class="eyebrow"><a href=href(&format!("/equipe/campagnes/{id}"), lang)>{title.clone()}</a></p>
        <h1>{lang.t("results-page-title")}</h1>
        <p>{lang.t_args("start-small-groups", &[("k", results.min_cell_size.into())])}</p>
        <nav aria-label=lang.t("results-contents")>
            <ul class="inline-links">
                <li><a href="#over-time">{lang.t("results-over-time")}</a></li>
                {has_scales.then(|| view! { <li><a href="#scales">{lang.t("results-scales")}</a></li> })}
                <li><a href="#items">{lang.t("results-items")}</a></li>
                <li><a href="#breakdown">{lang.t("results-breakdown")}</a></li>
                <li><a href="#co-evaluation">{lang.t("results-co-evaluation")}</a></li>
                <li><a href="#downloads">{lang.t("results-downloads")}</a></li>
            </ul>
        </nav>
        <section id="over-time" aria-labelledby="over-time-heading">
            <h2 id="over-time-heading">{lang.t("results-over-time")}</h2>
            {results.summary.iter().map(|line| view! { <p>{line.clone()}</p> }).collect_view()}
            {over_time}
        </section>
        {has_scales.then(|| view! {
            <section id="scales" aria-labelledby="scales-heading">
                <h2 id="scales-heading">{lang.t("results-scales")}</h2>
                {panels(results.scales.clone(), 3)}
            </section>
        })}
        <section id="items" aria-labelledby="items-heading">
            <h2 id="items-heading">{lang.t("results-items")}</h2>
            {panels(results.items.clone(), 3)}
        </section>
        <section id="breakdown" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading">{lang.t("results-breakdown")}</h2>
            {if choices.is_empty() {
                view! { <p>{lang.t("results-breakdown-none")}</p> }.into_any()
            } else {
                view! {
                    <form method="get" action=format!("/equipe/campagnes/{id}/resultats#breakdown") class="inline-form">
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <div class="field">
                            <label for="par">{lang.t("results-breakdown-by")}</label>
                            <select id="par" name="par">
                                <option value="">{lang.t("results-breakdown-choose")}</option>
                                {choices.into_iter().map(|(item, question)| {
                                    let selected = by.as_deref() == Some(item.as_str());
                                    view! { <option value=item selected=selected>{question}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit">{lang.t("results-breakdown-show")}</button>
                    </form>
                }.into_any()
            }}
            {panels(results.breakdown.clone(), 3)}
        </section>
        <section id="co-evaluation" aria-labelledby="co-evaluation-heading">
            <h2 id="co-evaluation-heading">{lang.t("results-co-evaluation")}</h2>
            <p>{lang.t("results-co-evaluation-intro")}</p>
            {panels(results.co_evaluation.clone(), 3)}
        </section>
        <section id="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{lang.t("results-downloads")}</h2>
            {if results.can_download_answers {
                view! {
                    <p>{lang.t("results-downloads-intro")}</p>
                    <ul>
                        <li><a href=format!("/equipe/campagnes/{id}/reponses.csv") download="">{lang.t("results-download-csv")}</a></li>
                        <li><a href=format!("/equipe/campagnes/{id}/dictionnaire.csv?lang={}", lang.tag()) download="">{lang.t("results-download-codebook")}</a></li>
                        <li><a href=format!("/equipe/campagnes/{id}/reponses.parquet") download="">{lang.t("results-download-parquet")}</a></li>
                    </ul>
                }.into_any()
            } else {
                view! { <p>{lang.t("results-downloads-not-allowed")}</p> }.into_any()
            }}
        </section>
    }
}
