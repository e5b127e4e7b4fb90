//! Campaigns for the people who run them: the list with counts, one campaign's desk,
//! and the form that creates one.

use super::{StaffBar, staff_page};
use crate::i18n::Lang;
use crate::qr::QrCode;
use crate::shell::PageTitle;
use crate::shell::href;
use crate::staff::{
    CampaignDesk, CampaignRow, NewCampaignOptions, StaffHome, load_campaign_desk, load_new_campaign_options,
    load_staff_home,
};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn status_label(status: &str, lang: Lang) -> String {
    lang.t(if status == "open" { "campaign-status-open" } else { "campaign-status-closed" })
}

/// `/equipe`: the campaigns of every institution the person holds a role in.
#[component]
pub fn StaffHomePage() -> impl IntoView {
    staff_page(load_staff_home, |home: StaffHome, lang| {
        let can_create = !home.viewer.can_run_campaigns_in.is_empty();
        let can_manage_people = home.viewer.can_manage_people;
        view! {
            <PageTitle text=format!("{} · Boucle", lang.t("staff-home-title"))/>
            <StaffBar viewer=home.viewer lang/>
            <h1>{lang.t("staff-home-title")}</h1>
            {can_create.then(|| view! {
                <p><a class="button" href=href("/equipe/campagnes/nouvelle", lang)>{lang.t("campaign-new")}</a></p>
            })}
            {can_manage_people.then(|| view! {
                <p><a href=href("/equipe/personnes", lang)>{lang.t("people-manage-link")}</a></p>
            })}
            {if home.campaigns.is_empty() {
                view! { <p>{lang.t("staff-no-campaigns")}</p> }.into_any()
            } else {
                view! { <CampaignTable rows=home.campaigns lang/> }.into_any()
            }}
        }
        .into_any()
    })
}

#[component]
fn CampaignTable(rows: Vec<CampaignRow>, lang: Lang) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-labelledby="campaigns-caption" tabindex="0">
            <table class="data-table">
                <caption id="campaigns-caption">{lang.t("staff-campaigns-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t("campaign-title-label")}</th>
                        <th scope="col">{lang.t("campaign-status")}</th>
                        <th scope="col">{lang.t("campaign-submitted")}</th>
                        <th scope="col">{lang.t("campaign-in-progress")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">
                                <a href=href(&format!("/equipe/campagnes/{}", row.public_id), lang)>{row.title}</a>
                                <br/><span class="card-meta">{row.questionnaire_title} " · " {row.institution_name}</span>
                            </th>
                            <td>{status_label(&row.status, lang)}</td>
                            <td>{row.submitted}</td>
                            <td>{row.in_progress}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// `/equipe/campagnes/{id}`: counts, the open link and its poster code, invitations,
/// closing early.
#[component]
pub fn CampaignDeskPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let (closed_now, error) = query.with_untracked(|q| (q.get("ferme").is_some(), q.get("erreur")));
    let id = params.with_untracked(|p| p.get("campaign").unwrap_or_default());
    staff_page(
        move || load_campaign_desk(id.clone()),
        move |desk: CampaignDesk, lang| {
            let error = error
                .clone()
                .filter(|key| ["confirm-close-missing", "invitation-count", "form-expired"].contains(&key.as_str()));
            view! { <Desk desk lang closed_now error/> }.into_any()
        },
    )
}

#[component]
fn Desk(desk: CampaignDesk, lang: Lang, closed_now: bool, error: Option<String>) -> impl IntoView {
    let id = desk.row.public_id.clone();
    let csrf = desk.viewer.csrf_token.clone();
    let open = desk.row.status == "open";
    let title = desk.row.title.clone();
    let distribution =
        if desk.invitations_only { lang.t("campaign-invitations-only") } else { lang.t("campaign-open-link") };
    view! {
        <PageTitle text=format!("{title} · Boucle")/>
        <StaffBar viewer=desk.viewer.clone() lang/>
        <p class="eyebrow">{desk.row.institution_name.clone()} " · " {desk.row.questionnaire_title.clone()}</p>
        <h1>{title.clone()}</h1>
        {closed_now.then(|| view! { <p class="notice" role="status">{lang.t("campaign-closed-now")}</p> })}
        {error.map(|key| view! { <p class="error-summary" role="alert" tabindex="-1">{lang.t(&key)}</p> })}
        <dl class="facts">
            <dt>{lang.t("campaign-status")}</dt><dd>{status_label(&desk.row.status, lang)}</dd>
            <dt>{lang.t("campaign-submitted")}</dt><dd>{desk.row.submitted}</dd>
            <dt>{lang.t("campaign-in-progress")}</dt><dd>{desk.row.in_progress}</dd>
            <dt>{lang.t("campaign-audience")}</dt><dd>{desk.audience.clone()}</dd>
            <dt>{lang.t("campaign-distribution")}</dt><dd>{distribution}</dd>
            <dt>{lang.t("campaign-k")}</dt><dd>{desk.min_cell_size}</dd>
            <dt>{lang.t("campaign-languages")}</dt><dd>{desk.languages.join(", ").to_uppercase()}</dd>
            {desk.closes_on.clone().map(|d| view! { <dt>{lang.t("campaign-closes-on")}</dt><dd>{lang.date(&d)}</dd> })}
            {desk.results_promised_on.clone().map(|d| view! {
                <dt>{lang.t("campaign-results-on")}</dt><dd>{lang.date(&d)}</dd>
            })}
            {desk.invitations_only.then(|| view! {
                <dt>{lang.t("campaign-invitations")}</dt>
                <dd>{lang.t_args("campaign-invitations-count",
                    &[("issued", desk.invitations.0.into()), ("used", desk.invitations.1.into())])}</dd>
            })}
        </dl>
        <p><a class="button" href=href(&format!("/equipe/campagnes/{id}/resultats"), lang)>{lang.t("results-see")}</a></p>
        {desk.open_link.clone().map(|link| view! {
            <h2>{lang.t("campaign-open-link")}</h2>
            <p class="return-link">{link.clone()}</p>
            <QrCode text=link label=lang.t("campaign-qr-label")/>
            <p><a href=format!("/equipe/campagnes/{id}/affiche.svg") download=format!("boucle-{id}.svg")>
                {lang.t("campaign-qr-download")}</a></p>
        })}
        {desk.contacts.map(|count| view! {
            <h2>{lang.t("campaign-contacts-title")}</h2>
            <p>{lang.t_args("campaign-contacts-count", &[("count", count.into())])}</p>
            <p class="hint">{lang.t("campaign-contacts-help")}</p>
            <p><a href=format!("/equipe/campagnes/{id}/adresses.csv") download="">{lang.t("campaign-contacts-download")}</a></p>
        })}
        {(desk.can_run && open && desk.invitations_only).then(|| view! {
            <h2>{lang.t("campaign-invitations")}</h2>
            <p>{lang.t("campaign-invitations-help")}</p>
            <form method="post" action=format!("/equipe/campagnes/{id}/invitations")>
                <input type="hidden" name="csrf" value=csrf.clone()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class="field">
                    <label for="count">{lang.t("campaign-invitations-number")}</label>
                    <input id="count" name="count" type="number" min="1" max="5000" value="50" required inputmode="numeric"/>
                </div>
                <button type="submit">{lang.t("campaign-invitations-download")}</button>
            </form>
        })}
        {(desk.can_run && open).then(|| view! {
            <h2>{lang.t("campaign-close")}</h2>
            <form method="post" action=format!("/equipe/campagnes/{id}/cloture")>
                <input type="hidden" name="csrf" value=csrf.clone()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <p class="choice">
                    <input id="confirm" type="checkbox" name="confirm" value="yes"/>
                    <label for="confirm">{lang.t("campaign-close-confirm")}</label>
                </p>
                <button type="submit" class="button-danger">{lang.t("campaign-close")}</button>
            </form>
        })}
    }
}

/// `/equipe/campagnes/nouvelle`: a campaign from a published questionnaire.
#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let query = use_query_map();
    let error = query.with_untracked(|q| q.get("erreur"));
    staff_page(load_new_campaign_options, move |options: NewCampaignOptions, lang| {
        let known = [
            "campaign-error-title",
            "campaign-error-k",
            "campaign-error-dates",
            "campaign-error-languages",
            "campaign-error-questionnaire",
            "form-expired",
        ];
        let error = error.clone().filter(|key| known.contains(&key.as_str()));
        view! { <NewCampaignForm options lang error/> }.into_any()
    })
}

#[component]
fn NewCampaignForm(options: NewCampaignOptions, lang: Lang, error: Option<String>) -> impl IntoView {
    let csrf = options.viewer.csrf_token.clone();
    let institutions = options.viewer.can_run_campaigns_in.clone();
    let title = match &error {
        Some(_) => format!("{} {} · Boucle", lang.t("error-title-prefix"), lang.t("campaign-new")),
        None => format!("{} · Boucle", lang.t("campaign-new")),
    };
    view! {
        <PageTitle text=title/>
        <StaffBar viewer=options.viewer.clone() lang/>
        <h1>{lang.t("campaign-new")}</h1>
        {error.map(|key| view! { <p class="error-summary" role="alert" tabindex="-1">{lang.t(&key)}</p> })}
        <form method="post" action="/equipe/campagnes" class="staff-form">
            <input type="hidden" name="csrf" value=csrf/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <div class="field">
                <label for="institution">{lang.t("campaign-institution")}</label>
                <select id="institution" name="institution" required>
                    {institutions.into_iter().map(|(slug, name)| view! { <option value=slug>{name}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="questionnaire">{lang.t("campaign-questionnaire")}</label>
                <select id="questionnaire" name="questionnaire" required>
                    {options.questionnaires.into_iter().map(|(slug, title)| view! { <option value=slug>{title}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="title">{lang.t("campaign-title-label")}</label>
                <input id="title" name="title" type="text" maxlength="200" required/>
            </div>
            <div class="field">
                <label for="audience">{lang.t("campaign-audience")}</label>
                <p class="hint" id="audience-hint">{lang.t("campaign-audience-hint")}</p>
                <textarea id="audience" name="audience" rows="3" maxlength="1000" required
                    aria-describedby="audience-hint"></textarea>
            </div>
            <fieldset class="field">
                <legend>{lang.t("campaign-distribution")}</legend>
                <div class="choices">
                    <p class="choice">
                        <input id="dist-open" type="radio" name="distribution" value="open" checked/>
                        <label for="dist-open">{lang.t("campaign-open-link")}</label>
                    </p>
                    <p class="choice">
                        <input id="dist-inv" type="radio" name="distribution" value="invitations"/>
                        <label for="dist-inv">{lang.t("campaign-invitations-only")}</label>
                    </p>
                </div>
            </fieldset>
            <fieldset class="field">
                <legend>{lang.t("campaign-languages")}</legend>
                <div class="choices">
                    {Lang::ALL.into_iter().map(|l| {
                        let id = format!("lang-{}", l.tag());
                        view! {
                            <p class="choice">
                                <input id=id.clone() type="checkbox" name="languages" value=l.tag() checked/>
                                <label for=id>{l.tag().to_uppercase()}</label>
                            </p>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="field">
                <label for="min_cell_size">{lang.t("campaign-k")}</label>
                <p class="hint" id="k-hint">{lang.t("campaign-k-hint")}</p>
                <input id="min_cell_size" name="min_cell_size" type="number" min="3" max="1000" value="5" required
                    inputmode="numeric" aria-describedby="k-hint"/>
            </div>
            <div class="field">
                <label for="closes_on">{lang.t("campaign-closes-on")}</label>
                <input id="closes_on" name="closes_on" type="date"/>
            </div>
            <div class="field">
                <label for="results_on">{lang.t("campaign-results-on")}</label>
                <p class="hint" id="results-hint">{lang.t("campaign-results-hint")}</p>
                <input id="results_on" name="results_on" type="date" required aria-describedby="results-hint"/>
            </div>
            <button type="submit">{lang.t("campaign-create")}</button>
        </form>
    }
}
