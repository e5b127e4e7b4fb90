//! `/equipe/projets/:project/campagnes/:campaign`: a campaign's findings and action
//! plan, written and decided together. Each finding cites the campaign's questions or
//! scores; each action has an owner, a due date and a status; adopting or rejecting an
//! action, and publishing the plan to respondents, follow the project's co-decision
//! rule. Plain forms; the server checks the policy and the rule on every post.

use super::{StaffBar, outcome_view, staff_page, title};
use crate::i18n::Lang;
use crate::projects::{
    ActionCard, FindingCard, LoopDashboard, LoopView, PlanPage, PublicationCard, VoteRow, load_loop_dashboard,
    load_plan,
};
use crate::shell::{PageTitle, href};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the last post did (`?fait=`), as shown.
const DONE: &[&str] = &[
    "finding",
    "action-proposed",
    "action-voted",
    "action-adopted",
    "action-declined",
    "action-moved",
    "plan-proposed",
    "plan-voted",
    "plan-adopted",
    "plan-declined",
];

/// Why the last post was refused (`?erreur=`), as shown.
const ERRORS: &[&str] = &[
    "plan-error-finding",
    "plan-error-action",
    "plan-error-owner",
    "plan-error-due",
    "plan-error-empty",
    "plan-error-together",
    "plan-error-status",
    "suggestion-error-reason",
    "suggestion-error-decided",
    "suggestion-error-own",
    "suggestion-error-voted",
    "form-expired",
];

/// The status of an action, in words.
pub(crate) fn status_label(status: &str, lang: Lang) -> String {
    lang.t(&format!("action-status-{}", status.replace('_', "-")))
}

#[component]
pub fn PlanPageView() -> impl IntoView {
    let (done, error) = use_query_map().with_untracked(|q| {
        (
            q.get("fait").filter(|k| DONE.contains(&k.as_str())).map(|k| format!("plan-done-{k}")),
            q.get("erreur").filter(|k| ERRORS.contains(&k.as_str())),
        )
    });
    let (project, campaign) = use_params_map()
        .with_untracked(|p| (p.get("project").unwrap_or_default(), p.get("campaign").unwrap_or_default()));
    staff_page(
        move || load_plan(project.clone(), campaign.clone()),
        move |page: PlanPage, lang| view! { <Plan page lang done=done.clone() error=error.clone()/> }.into_any(),
    )
}

/// `/equipe/projets/:project/campagnes/:campaign/feuille-de-route`: the plan as one
/// printable page for a quality committee: what, who, by when, where it stands.
#[component]
pub fn RoadmapPageView() -> impl IntoView {
    let (project, campaign) = use_params_map()
        .with_untracked(|p| (p.get("project").unwrap_or_default(), p.get("campaign").unwrap_or_default()));
    staff_page(
        move || load_plan(project.clone(), campaign.clone()),
        move |page: PlanPage, lang| view! { <Roadmap page lang/> }.into_any(),
    )
}

#[component]
fn Roadmap(page: PlanPage, lang: Lang) -> impl IntoView {
    let rows = page
        .findings
        .iter()
        .flat_map(|f| f.actions.iter().map(move |a| (f, a)))
        .map(|(f, a)| {
            let due = if a.due_on.is_empty() { lang.t("action-no-due") } else { lang.date(&a.due_on) };
            view! {
                <tr>
                    <td>{a.what.clone()}<br/><span class="hint">{f.statement.clone()}</span></td>
                    <td>{a.owner.clone()}</td>
                    <td>{due}</td>
                    <td>{status_label(&a.status, lang)}{a.reason.clone().map(|r| view! { <br/><span class="hint">{r}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = page.findings.iter().all(|f| f.actions.is_empty());
    view! {
        <PageTitle text=lang.t_args("roadmap-title", &[("campaign", page.campaign_title.clone().into())])/>
        <p class="eyebrow no-print">
            <a href=href(&format!("/equipe/projets/{}/campagnes/{}", page.project, page.campaign), lang)>{lang.t("roadmap-back")}</a>
        </p>
        <h1>{lang.t_args("roadmap-title", &[("campaign", page.campaign_title.clone().into())])}</h1>
        <p>{page.project_title.clone()}</p>
        <p class="hint no-print">{lang.t("roadmap-print")}</p>
        {if empty {
            view! { <p>{lang.t("actions-none")}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" role="region" aria-labelledby="roadmap-caption" tabindex="0">
                    <table class="roadmap">
                        <caption id="roadmap-caption" class="visually-hidden">{lang.t("roadmap-caption")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{lang.t("roadmap-what")}</th>
                                <th scope="col">{lang.t("roadmap-who")}</th>
                                <th scope="col">{lang.t("roadmap-when")}</th>
                                <th scope="col">{lang.t("roadmap-status")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

/// `/equipe/boucle`: every campaign of the viewer's institutions and whether its loop
/// closes, as a table (the figures) and charts (the same figures, drawn).
#[component]
pub fn LoopDashboardPage() -> impl IntoView {
    let lang = crate::shell::use_page().lang;
    staff_page(
        move || load_loop_dashboard(lang.tag().to_string()),
        move |page: LoopDashboard, lang| view! { <Dashboard page lang/> }.into_any(),
    )
}

#[component]
fn Dashboard(page: LoopDashboard, lang: Lang) -> impl IntoView {
    let institutions = page
        .institutions
        .iter()
        .enumerate()
        .map(|(n, institution)| {
            let caption = format!("loop-caption-{n}");
            let labelled_by = caption.clone();
            let rows = institution
                .rows
                .iter()
                .map(|row| {
                    let m = &row.measures;
                    let title = match &row.plan_link {
                        Some(link) => view! { <a href=href(link, lang)>{row.title.clone()}</a> }.into_any(),
                        None => view! { <span>{row.title.clone()}</span> }.into_any(),
                    };
                    let opened = m.opened_percent.map_or_else(|| lang.t("loop-cell-none"), |p| format!("{p} %"));
                    let days = m.days_to_publication.map_or_else(|| lang.t("loop-cell-open"), |d| d.to_string());
                    let promised = m.promised_on.clone().map_or_else(|| lang.t("loop-cell-none"), |d| lang.date(&d));
                    view! {
                        <tr>
                            <th scope="row">{title}</th>
                            <td>{opened}</td>
                            <td class=if m.late { "late" } else { "" }>
                                {days} {m.late.then(|| view! { <br/><strong>{lang.t("loop-late")}</strong> })}
                            </td>
                            <td>{promised}</td>
                            <td>{format!("{} / {}", m.proposals_answered.0, m.proposals_answered.1)}</td>
                            <td>{format!("{} / {}", m.done_on_time.0, m.done_on_time.1)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let charts = institution
                .charts
                .iter()
                .map(|svg| view! { <div class="chart-svg" inner_html=svg.clone()></div> })
                .collect_view();
            view! {
                <section aria-labelledby=format!("loop-institution-{n}")>
                    <h2 id=format!("loop-institution-{n}")>{institution.name.clone()}</h2>
                    {if institution.rows.is_empty() {
                        view! { <p>{lang.t("loop-no-campaign")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
                                <table class="roadmap">
                                    <caption id=caption>{lang.t("loop-table-caption")}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{lang.t("loop-col-campaign")}</th>
                                            <th scope="col">{lang.t("loop-col-opened")}</th>
                                            <th scope="col">{lang.t("loop-col-days")}</th>
                                            <th scope="col">{lang.t("loop-col-promised")}</th>
                                            <th scope="col">{lang.t("loop-col-answered")}</th>
                                            <th scope="col">{lang.t("loop-col-on-time")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            </div>
                            {charts}
                        }.into_any()
                    }}
                </section>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=lang.t("loop-dashboard-title")/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <h1>{lang.t("loop-dashboard-title")}</h1>
        <p>{lang.t("loop-dashboard-help")}</p>
        {institutions}
    }
}

fn votes_list(votes: &[VoteRow], lang: Lang) -> impl IntoView + use<> {
    let items = votes
        .iter()
        .map(|v| {
            let verdict = if v.approve { lang.t("suggestion-approved-by") } else { lang.t("suggestion-rejected-by") };
            let role = lang.t(&format!("project-role-{}", v.role.replace('_', "-")));
            let reason = (!v.reason.is_empty()).then(|| format!(" : « {} »", v.reason));
            view! { <li>{verdict} " " {v.name.clone()} " (" {role} ")" {reason}</li> }
        })
        .collect_view();
    (!votes.is_empty()).then(|| view! { <ul>{items}</ul> })
}

/// The approve/reject form of an action or a publication.
fn vote_form(action: String, id: String, csrf: &str, lang: Lang) -> impl IntoView + use<> {
    let reason_id = format!("{id}-reason");
    view! {
        <form method="post" action=action class="staff-form">
            <input type="hidden" name="csrf" value=csrf.to_string()/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <div class="field">
                <label for=reason_id.clone()>{lang.t("suggestion-reason-label")}</label>
                <textarea id=reason_id name="reason" rows="2" maxlength="2000"></textarea>
            </div>
            <button type="submit" name="verdict" value="approve">{lang.t("suggestion-approve")}</button>
            " "
            <button type="submit" name="verdict" value="reject" class="button-secondary">{lang.t("suggestion-reject")}</button>
        </form>
    }
}

fn action_card(a: &ActionCard, page: &PlanPage, lang: Lang) -> impl IntoView + use<> {
    let base = format!("/equipe/projets/{}/campagnes/{}/actions/{}", page.project, page.campaign, a.id);
    let csrf = page.viewer.csrf_token.clone();
    let due = if a.due_on.is_empty() {
        lang.t("action-no-due")
    } else {
        lang.t_args("action-due", &[("date", a.due_on.clone().into())])
    };
    let history = a
        .history
        .iter()
        .map(|(status, who, when, why)| {
            let why = (!why.is_empty()).then(|| format!(" : « {why} »"));
            view! { <li>{status_label(status, lang)} " — " {who.clone()} ", " {when.clone()} {why}</li> }
        })
        .collect_view();
    let move_form = (!a.next.is_empty()).then(|| {
        let status_id = format!("action-{}-status", a.id);
        let reason_id = format!("action-{}-why", a.id);
        view! {
            <form method="post" action=format!("{base}/etat") class="staff-form">
                <input type="hidden" name="csrf" value=csrf.clone()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class="field">
                    <label for=status_id.clone()>{lang.t("action-move-label")}</label>
                    <select id=status_id name="status">
                        {a.next.iter().map(|s| view! { <option value=s.clone()>{status_label(s, lang)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=reason_id.clone()>{lang.t("action-move-reason")}</label>
                    <textarea id=reason_id name="reason" rows="2" maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button-secondary">{lang.t("action-move-submit")}</button>
            </form>
        }
    });
    view! {
        <li class="card" id=format!("action-{}", a.id)>
            <h4>{a.what.clone()}</h4>
            <p class="card-meta">
                {status_label(&a.status, lang)} " · " {lang.t_args("action-owner", &[("owner", a.owner.clone().into())])}
                " · " {due}
            </p>
            {a.reason.clone().map(|r| view! { <p><strong>{lang.t("action-reason")}</strong> " " {r}</p> })}
            <p class="hint">{lang.t_args("suggestion-by", &[("name", a.author.clone().into())])}</p>
            {votes_list(&a.votes, lang)}
            {(!a.waiting_for.is_empty()).then(|| view! {
                <p class="hint">{a.waiting_for.iter().map(|k| lang.t(k)).collect::<Vec<_>>().join(" ")}</p>
            })}
            {a.can_vote.then(|| vote_form(format!("{base}/avis"), format!("action-{}", a.id), &csrf, lang))}
            {move_form}
            <details>
                <summary>{lang.t("action-history")}</summary>
                <ul>{history}</ul>
            </details>
        </li>
    }
}

fn finding_card(f: &FindingCard, page: &PlanPage, lang: Lang) -> impl IntoView + use<> {
    let action = format!("/equipe/projets/{}/campagnes/{}/constats/{}/actions", page.project, page.campaign, f.id);
    let prefix = format!("f{}", f.id);
    let actions = f.actions.iter().map(|a| action_card(a, page, lang)).collect_view();
    let propose = page.can_contribute.then(|| {
        view! {
            <details class="item-editor">
                <summary>{lang.t("action-new")}</summary>
                <form method="post" action=action class="staff-form">
                    <input type="hidden" name="csrf" value=page.viewer.csrf_token.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <div class="field">
                        <label for=format!("{prefix}-what")>{lang.t("action-what")}</label>
                        <textarea id=format!("{prefix}-what") name="what" rows="2" maxlength="1000" required></textarea>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-owner")>{lang.t("action-owner-label")}</label>
                        <input id=format!("{prefix}-owner") type="text" name="owner" maxlength="200" required/>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-due")>{lang.t("action-due-label")}</label>
                        <input id=format!("{prefix}-due") type="date" name="due_on"/>
                    </div>
                    <button type="submit">{lang.t("action-propose")}</button>
                </form>
            </details>
        }
    });
    view! {
        <li class="card" id=format!("finding-{}", f.id)>
            <blockquote class="need-text">{f.statement.clone()}</blockquote>
            <p class="card-meta">{lang.t_args("finding-by", &[("name", f.author.clone().into()), ("date", f.created_on.clone().into())])}</p>
            {(!f.evidence.is_empty()).then(|| view! {
                <p><strong>{lang.t("finding-evidence")}</strong> " " {f.evidence.join(" ; ")}</p>
            })}
            <h3>{lang.t("actions-title")}</h3>
            {if f.actions.is_empty() {
                view! { <p>{lang.t("actions-none")}</p> }.into_any()
            } else {
                view! { <ol class="card-list">{actions}</ol> }.into_any()
            }}
            {propose}
        </li>
    }
}

fn publication_section(p: Option<&PublicationCard>, page: &PlanPage, lang: Lang) -> impl IntoView + use<> {
    let base = format!("/equipe/projets/{}/campagnes/{}/publication", page.project, page.campaign);
    let csrf = page.viewer.csrf_token.clone();
    let state = match p {
        None => view! { <p>{lang.t("plan-unpublished")}</p> }.into_any(),
        Some(p) => {
            let status = match p.status.as_str() {
                "published" => lang.t_args("plan-published", &[("date", p.decided_on.clone().into())]),
                "rejected" => lang.t("plan-publication-rejected"),
                _ => lang.t_args("plan-publication-open", &[("name", p.author.clone().into())]),
            };
            view! {
                <p>{status}</p>
                {p.reason.clone().map(|r| view! { <p><strong>{lang.t("suggestion-decision-reason")}</strong> " " {r}</p> })}
                {votes_list(&p.votes, lang)}
                {(!p.waiting_for.is_empty()).then(|| view! {
                    <p class="hint">{p.waiting_for.iter().map(|k| lang.t(k)).collect::<Vec<_>>().join(" ")}</p>
                })}
                {p.can_vote.then(|| vote_form(format!("{base}/{}/avis", p.id), "publication".to_string(), &csrf, lang))}
            }
            .into_any()
        }
    };
    let can_propose = page.can_contribute && !page.findings.is_empty() && p.is_none_or(|p| p.status != "open");
    view! {
        <section id="publication" aria-labelledby="publication-heading">
            <h2 id="publication-heading">{lang.t("plan-publication-title")}</h2>
            <p class="hint">{lang.t("plan-publication-help")}</p>
            {state}
            {can_propose.then(|| view! {
                <form method="post" action=base class="staff-form">
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <button type="submit">{lang.t("plan-publication-propose")}</button>
                </form>
            })}
        </section>
    }
}

/// Whether the loop closes: figures in words, lateness said in words too (not only in red).
fn loop_section(m: &LoopView, lang: Lang) -> impl IntoView + use<> {
    let opened = match m.opened_percent {
        Some(percent) => lang.t_args("loop-opened", &[("percent", percent.into())]),
        None => lang.t("loop-opened-none"),
    };
    let promised = m.promised_on.clone().map(|d| lang.t_args("loop-promised", &[("date", lang.date(&d).into())]));
    let delay = match m.days_to_publication {
        Some(days) => lang.t_args("loop-days", &[("days", days.into())]),
        None => lang.t("loop-days-open"),
    };
    let (answered, proposals) = m.proposals_answered;
    let (on_time, due) = m.done_on_time;
    view! {
        <section id="loop" aria-labelledby="loop-heading">
            <h2 id="loop-heading">{lang.t("loop-title")}</h2>
            <ul>
                <li>{opened}</li>
                <li class=if m.late { "late" } else { "" }>
                    {delay} {promised.map(|p| format!(" {p}"))}
                    {m.late.then(|| view! { " " <strong>{lang.t("loop-late")}</strong> })}
                </li>
                <li>{lang.t_args("loop-answered", &[("answered", answered.into()), ("proposals", proposals.into())])}</li>
                <li>{lang.t_args("loop-on-time", &[("done", on_time.into()), ("due", due.into())])}</li>
            </ul>
        </section>
    }
}

#[component]
fn Plan(page: PlanPage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let findings = page.findings.iter().map(|f| finding_card(f, &page, lang)).collect_view();
    let add_finding = page.can_contribute.then(|| {
        let choices = page
            .evidence_choices
            .iter()
            .enumerate()
            .map(|(n, (value, label))| {
                let id = format!("evidence-{n}");
                view! {
                    <div class="field checkbox">
                        <input id=id.clone() type="checkbox" name="evidence" value=value.clone()/>
                        <label for=id>{label.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <section id="new-finding" aria-labelledby="new-finding-heading">
                <h2 id="new-finding-heading">{lang.t("finding-new")}</h2>
                <form method="post" action=format!("/equipe/projets/{}/campagnes/{}/constats", page.project, page.campaign) class="staff-form">
                    <input type="hidden" name="csrf" value=page.viewer.csrf_token.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <div class="field">
                        <label for="statement">{lang.t("finding-statement")}</label>
                        <p class="hint" id="statement-hint">{lang.t("finding-statement-hint")}</p>
                        <textarea id="statement" name="statement" rows="3" maxlength="2000" aria-describedby="statement-hint" required></textarea>
                    </div>
                    <fieldset>
                        <legend>{lang.t("finding-evidence-legend")}</legend>
                        {choices}
                    </fieldset>
                    <button type="submit">{lang.t("finding-add")}</button>
                </form>
            </section>
        }
    });
    let publication = publication_section(page.publication.as_ref(), &page, lang).into_any();
    let measures = loop_section(&page.loop_view, lang).into_any();
    view! {
        <PageTitle text=title(&page.campaign_title, error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <p class="eyebrow"><a href=href(&format!("/equipe/projets/{}", page.project), lang)>{page.project_title.clone()}</a></p>
        <h1>{lang.t_args("plan-title", &[("campaign", page.campaign_title.clone().into())])}</h1>
        <p>{lang.t("plan-help")}</p>
        <p>
            <a href=href(&format!("/equipe/campagnes/{}/resultats", page.campaign), lang)>{lang.t("plan-results-link")}</a>
            " · "
            <a href=href(&format!("/equipe/projets/{}/campagnes/{}/feuille-de-route", page.project, page.campaign), lang)>
                {lang.t("roadmap-link")}
            </a>
        </p>
        {outcome_view(done, error, lang)}
        {measures}
        <section id="findings" aria-labelledby="findings-heading">
            <h2 id="findings-heading">{lang.t("findings-title")}</h2>
            {if page.findings.is_empty() {
                view! { <p>{lang.t("findings-none")}</p> }.into_any()
            } else {
                view! { <ol class="card-list">{findings}</ol> }.into_any()
            }}
        </section>
        {add_finding.map(IntoAny::into_any)}
        {publication}
    }
}
