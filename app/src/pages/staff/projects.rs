//! Improvement projects: the list of one's projects with a form to start one, and one
//! project's page: the need statement written together (with its history, and a
//! conflict screen when two people wrote at once), and the members with their roles in
//! the project. Plain forms; the server checks the policy on every post.

use super::{StaffBar, outcome_view, staff_page, title};
use crate::i18n::Lang;
use crate::projects::{NeedRevision, PROJECT_ROLES, ProjectPage, ProjectsPage, load_project, load_projects};
use crate::shell::{PageTitle, href};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the last post did (`?fait=`), as shown.
const DONE: [&str; 8] =
    ["created", "need", "unchanged", "conflict", "kept", "dropped", "member-added", "member-changed"];

/// Why the last post was refused (`?erreur=`), as shown.
const ERRORS: [&str; 7] = [
    "project-error-conflict-settled",
    "project-error-title",
    "project-error-need",
    "project-error-person",
    "project-error-role",
    "project-error-last-lead",
    "form-expired",
];

fn role_label(role: &str, lang: Lang) -> String {
    lang.t(&format!("project-role-{}", role.replace('_', "-")))
}

/// The outcome of the last post, if it is one this page knows.
fn outcome() -> (Option<String>, Option<String>) {
    use_query_map().with_untracked(|q| {
        (
            q.get("fait")
                .filter(|k| DONE.contains(&k.as_str()) || k == "member-removed")
                .map(|k| format!("project-done-{k}")),
            q.get("erreur").filter(|k| ERRORS.contains(&k.as_str())),
        )
    })
}

/// `/equipe/projets`: the viewer's projects, and a form to start one.
#[component]
pub fn ProjectListPage() -> impl IntoView {
    let (done, error) = outcome();
    staff_page(load_projects, move |page: ProjectsPage, lang| {
        view! { <ProjectList page lang done=done.clone() error=error.clone()/> }.into_any()
    })
}

#[component]
fn ProjectList(page: ProjectsPage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let csrf = page.viewer.csrf_token.clone();
    let rows = page
        .projects
        .into_iter()
        .map(|p| {
            let role = p.my_role.as_deref().map(|r| role_label(r, lang)).unwrap_or_else(|| lang.t("project-not-member"));
            view! {
                <li class="card">
                    <h3><a href=href(&format!("/equipe/projets/{}", p.public_id), lang)>{p.title}</a></h3>
                    <p class="card-meta">
                        {p.institution_name} " · " {lang.t_args("project-members-count", &[("count", p.members.into())])}
                        " · " {role}
                    </p>
                </li>
            }
        })
        .collect_view();
    let can_start = !page.can_start_in.is_empty();
    view! {
        <PageTitle text=title(&lang.t("projects-title"), error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <h1>{lang.t("projects-title")}</h1>
        <p>{lang.t("projects-intro")}</p>
        {outcome_view(done, error, lang)}
        <ul class="card-list">{rows}</ul>
        {can_start.then(|| view! {
            <h2 id="new-project">{lang.t("project-new")}</h2>
            <form method="post" action="/equipe/projets" class="staff-form">
                <input type="hidden" name="csrf" value=csrf/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class="field">
                    <label for="institution">{lang.t("campaign-institution")}</label>
                    <select id="institution" name="institution">
                        {page.can_start_in.iter().map(|(slug, name)| view! {
                            <option value=slug.clone()>{name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="title">{lang.t("project-title-label")}</label>
                    <input id="title" name="title" type="text" maxlength="200" required/>
                </div>
                <div class="field">
                    <label for="need">{lang.t("project-need-label")}</label>
                    <p class="hint" id="need-hint">{lang.t("project-need-hint")}</p>
                    <textarea id="need" name="need" rows="6" maxlength="20000" aria-describedby="need-hint"></textarea>
                </div>
                <button type="submit">{lang.t("project-create")}</button>
            </form>
        })}
    }
}

/// `/equipe/projets/:project`: the need statement and the members.
#[component]
pub fn ProjectDetailPage() -> impl IntoView {
    let (done, error) = outcome();
    let project = use_params_map().with_untracked(|p| p.get("project").unwrap_or_default());
    staff_page(
        move || load_project(project.clone()),
        move |page: ProjectPage, lang| {
            view! { <ProjectDetail page lang done=done.clone() error=error.clone()/> }.into_any()
        },
    )
}

fn revision_meta(revision: &NeedRevision, lang: Lang) -> String {
    lang.t_args(
        "project-need-by",
        &[("name", revision.author.clone().into()), ("when", revision.written_at.clone().into())],
    )
}

#[component]
fn ProjectDetail(page: ProjectPage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let csrf = page.viewer.csrf_token.clone();
    let id = page.public_id.clone();
    let need_text = page.need.as_ref().map(|n| n.body.clone()).unwrap_or_default();
    let based_on = page.need.as_ref().map(|n| n.id.to_string()).unwrap_or_default();
    let my_role = page.my_role.as_deref().map(|r| role_label(r, lang)).unwrap_or_else(|| lang.t("project-not-member"));
    let conflicts = (!page.my_conflicts.is_empty()).then(|| {
        let current = page.need.clone();
        view! {
            <section id="conflicts" aria-labelledby="conflicts-heading" class="conflict">
                <h2 id="conflicts-heading">{lang.t("project-conflict-title")}</h2>
                <p>{lang.t("project-conflict-explain")}</p>
                {page.my_conflicts.iter().map(|mine| {
                    let current = current.clone();
                    view! {
                        <div class="conflict-pair">
                            <div>
                                <h3>{lang.t("project-conflict-yours")}</h3>
                                <p class="card-meta">{revision_meta(mine, lang)}</p>
                                <blockquote class="need-text">{mine.body.clone()}</blockquote>
                            </div>
                            {current.map(|theirs| view! {
                                <div>
                                    <h3>{lang.t("project-conflict-current")}</h3>
                                    <p class="card-meta">{revision_meta(&theirs, lang)}</p>
                                    <blockquote class="need-text">{theirs.body}</blockquote>
                                </div>
                            })}
                            <form method="post" action=format!("/equipe/projets/{id}/besoin/{}", mine.id) class="inline-form">
                                <input type="hidden" name="csrf" value=csrf.clone()/>
                                <input type="hidden" name="lang" value=lang.tag()/>
                                <button type="submit" name="keep" value="yes">{lang.t("project-conflict-keep-mine")}</button>
                                " "
                                <button type="submit" name="keep" value="no" class="button-secondary">
                                    {lang.t("project-conflict-keep-theirs")}
                                </button>
                            </form>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    });
    let history = (!page.history.is_empty()).then(|| view! {
        <details class="need-history">
            <summary>{lang.t_args("project-need-history", &[("count", page.history.len().into())])}</summary>
            <ol>
                {page.history.iter().map(|r| view! {
                    <li><p class="card-meta">{revision_meta(r, lang)}</p><blockquote class="need-text">{r.body.clone()}</blockquote></li>
                }).collect_view()}
            </ol>
        </details>
    });
    let members = page
        .members
        .iter()
        .map(|m| {
            let manage = page.can_manage_members.then(|| {
                let field_id = format!("role-{}", m.id);
                view! {
                    <form method="post" action=format!("/equipe/projets/{id}/membres/{}", m.id) class="inline-form">
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <label for=field_id.clone()>
                            {lang.t_args("project-role-of", &[("name", m.display_name.clone().into())])}
                        </label>
                        <select id=field_id name="role">
                            {PROJECT_ROLES.iter().map(|r| {
                                let selected = *r == m.role;
                                view! { <option value=*r selected=selected>{role_label(r, lang)}</option> }
                            }).collect_view()}
                        </select>
                        <button type="submit" class="button-secondary">{lang.t("project-role-submit")}</button>
                    </form>
                    <form method="post" action=format!("/equipe/projets/{id}/membres/{}/retrait", m.id) class="inline-form">
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <button type="submit" class="button-secondary">
                            {lang.t_args("project-remove-member", &[("name", m.display_name.clone().into())])}
                        </button>
                    </form>
                }
            });
            view! {
                <li class="card">
                    <h3>{m.display_name.clone()}</h3>
                    <p class="card-meta">{role_label(&m.role, lang)}</p>
                    {manage}
                </li>
            }
        })
        .collect_view();
    let add_member = (page.can_manage_members && !page.candidates.is_empty()).then(|| view! {
        <h3 id="add-member">{lang.t("project-add-member")}</h3>
        <form method="post" action=format!("/equipe/projets/{id}/membres") class="staff-form">
            <input type="hidden" name="csrf" value=csrf.clone()/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <div class="field">
                <label for="person">{lang.t("project-person-label")}</label>
                <select id="person" name="person">
                    {page.candidates.iter().map(|(person, name)| view! {
                        <option value=person.to_string()>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="new-role">{lang.t("project-role-label")}</label>
                <select id="new-role" name="role">
                    {PROJECT_ROLES.iter().map(|r| view! { <option value=*r>{role_label(r, lang)}</option> }).collect_view()}
                </select>
            </div>
            <button type="submit">{lang.t("project-add-member-submit")}</button>
        </form>
    });
    view! {
        <PageTitle text=title(&page.title, error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <p class="eyebrow">{page.institution_name.clone()} " · " {lang.t("project-your-role")} " " {my_role}</p>
        <h1>{page.title.clone()}</h1>
        {outcome_view(done, error, lang)}
        {conflicts}
        <section id="need" aria-labelledby="need-heading">
            <h2 id="need-heading">{lang.t("project-need-title")}</h2>
            {match page.need.clone() {
                Some(need) => view! {
                    <blockquote class="need-text">{need.body.clone()}</blockquote>
                    <p class="card-meta">{revision_meta(&need, lang)}</p>
                }.into_any(),
                None => view! { <p>{lang.t("project-need-empty")}</p> }.into_any(),
            }}
            {history}
            {page.can_contribute.then(|| view! {
                <form method="post" action=format!("/equipe/projets/{id}/besoin") class="staff-form">
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <input type="hidden" name="based_on" value=based_on/>
                    <div class="field">
                        <label for="need-edit">{lang.t("project-need-edit")}</label>
                        <p class="hint" id="need-edit-hint">{lang.t("project-need-edit-hint")}</p>
                        <textarea id="need-edit" name="need" rows="8" maxlength="20000"
                            aria-describedby="need-edit-hint">{need_text}</textarea>
                    </div>
                    <button type="submit">{lang.t("project-need-save")}</button>
                </form>
            })}
        </section>
        <section id="members" aria-labelledby="members-heading">
            <h2 id="members-heading">{lang.t("project-members-title")}</h2>
            <ul class="card-list">{members}</ul>
            {add_member}
        </section>
    }
}
