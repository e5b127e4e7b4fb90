//! Improvement projects: the list of one's projects with a form to start one, and one
//! project's page: the need statement written together (with its history, and a
//! conflict screen when two people wrote at once), and the members with their roles in
//! the project. Plain forms; the server checks the policy on every post.

use super::draft_editor::{
    describe_form, hidden, item_editor, language_form, new_item_form, publish_form, scale_form, sections_form,
};
use super::{StaffBar, outcome_view, staff_page, title};
use crate::i18n::Lang;
use crate::islands::{ConditionalPreview, LiveCheck};
use crate::projects::change_text;
use crate::projects::{
    DraftItem, DraftPage, NeedRevision, PROJECT_ROLES, ProjectPage, ProjectsPage, SuggestionRow, load_draft,
    load_project, load_projects,
};
use crate::questionnaire_view::QuestionnaireForm;
use crate::shell::{PageTitle, href};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the last post did (`?fait=`), as shown.
const DONE: &[&str] = &[
    "campaign-linked",
    "jargon",
    "publication-proposed",
    "named",
    "unnamed",
    "commented",
    "created",
    "need",
    "unchanged",
    "conflict",
    "kept",
    "dropped",
    "member-added",
    "member-changed",
    "member-removed",
    "draft-started",
    "proposed",
    "voted",
    "accepted",
    "rejected",
];

/// Why the last post was refused (`?erreur=`), as shown.
const ERRORS: &[&str] = &[
    "plan-error-campaign",
    "jargon-error",
    "change-error-condition",
    "change-error-condition-item",
    "change-error-condition-value",
    "change-error-section",
    "change-error-section-not-empty",
    "change-error-last-section",
    "change-error-language",
    "change-error-invalid",
    "change-error-nothing",
    "change-error-option-value",
    "change-error-option-order",
    "change-error-options",
    "change-error-bounds",
    "change-error-type",
    "change-error-place",
    "change-error-bands",
    "change-error-method",
    "change-error-min-answered",
    "publish-error-incomplete",
    "publish-error-slug",
    "publish-error-version",
    "suggestion-error-comment",
    "draft-error-source",
    "suggestion-error-item",
    "suggestion-error-language",
    "suggestion-error-wording",
    "suggestion-error-reason",
    "suggestion-error-decided",
    "suggestion-error-own",
    "suggestion-error-voted",
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
            q.get("fait").filter(|k| DONE.contains(&k.as_str())).map(|k| format!("project-done-{k}")),
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
        <section id="drafts" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{lang.t("project-drafts-title")}</h2>
            {if page.drafts.is_empty() {
                view! { <p>{lang.t("project-drafts-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list">
                        {page.drafts.iter().map(|d| view! {
                            <li class="card">
                                <h3><a href=href(&format!("/equipe/projets/{id}/brouillons/{}", d.public_id), lang)>
                                    {d.title.clone()}</a></h3>
                                <p class="card-meta">
                                    {lang.t_args("draft-revision", &[("count", d.revision.into())])}
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {page.can_contribute.then(|| view! {
                <form method="post" action=format!("/equipe/projets/{id}/brouillons") class="staff-form">
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <div class="field">
                        <label for="source">{lang.t("draft-source-label")}</label>
                        <select id="source" name="source">
                            {page.sources.iter().map(|(slug, name)| view! {
                                <option value=slug.clone()>{name.clone()}</option>
                            }).collect_view()}
                            <option value="empty">{lang.t("draft-source-empty")}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="draft-title">{lang.t("draft-title-label")}</label>
                        <p class="hint" id="draft-title-hint">{lang.t("draft-title-hint")}</p>
                        <input id="draft-title" type="text" name="title" maxlength="200" aria-describedby="draft-title-hint"/>
                    </div>
                    <button type="submit">{lang.t("draft-start")}</button>
                </form>
            })}
        </section>
        {page.my_named.map(|named| view! {
            <section id="credits" aria-labelledby="credits-heading">
                <h2 id="credits-heading">{lang.t("credits-title")}</h2>
                <p>{if named { lang.t("credits-named") } else { lang.t("credits-not-named") }}</p>
                <form method="post" action=format!("/equipe/projets/{id}/mention") class="staff-form">
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <input type="hidden" name="named" value=if named { "no" } else { "yes" }/>
                    <button type="submit" class="button-secondary">
                        {if named { lang.t("credits-unname") } else { lang.t("credits-name") }}
                    </button>
                </form>
            </section>
        })}
        <section id="campaigns" aria-labelledby="campaigns-heading">
            <h2 id="campaigns-heading">{lang.t("project-campaigns-title")}</h2>
            <p class="hint">{lang.t("project-campaigns-help")}</p>
            {if page.campaigns.is_empty() {
                view! { <p>{lang.t("project-campaigns-none")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {page.campaigns.iter().map(|(campaign, name)| view! {
                            <li><a href=href(&format!("/equipe/projets/{id}/campagnes/{campaign}"), lang)>{name.clone()}</a></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!page.linkable_campaigns.is_empty()).then(|| view! {
                <form method="post" action=format!("/equipe/projets/{id}/campagnes") class="staff-form">
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <div class="field">
                        <label for="link-campaign">{lang.t("project-campaign-link-label")}</label>
                        <select id="link-campaign" name="campaign">
                            {page.linkable_campaigns.iter().map(|(campaign, name)| view! {
                                <option value=campaign.clone()>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button-secondary">{lang.t("project-campaign-link")}</button>
                </form>
            })}
        </section>
        {page.can_contribute.then(|| jargon_section(&page.jargon, &id, &csrf, lang))}
        <section id="members" aria-labelledby="members-heading">
            <h2 id="members-heading">{lang.t("project-members-title")}</h2>
            <ul class="card-list">{members}</ul>
            {add_member}
        </section>
    }
}

/// The project's own jargon list: words its readability checks flag, on top of each
/// language's defaults (shown folded, so that people see what is already flagged).
fn jargon_section(terms: &[String], project: &str, csrf: &str, lang: Lang) -> impl IntoView + use<> {
    let defaults = |list: &[&str]| list.join(", ");
    view! {
        <section id="jargon" aria-labelledby="jargon-heading">
            <h2 id="jargon-heading">{lang.t("jargon-title")}</h2>
            <p>{lang.t("jargon-help")}</p>
            <details>
                <summary>{lang.t("jargon-defaults")}</summary>
                <p lang="fr">{defaults(survey_defs::FRENCH_JARGON)}</p>
                <p lang="en">{defaults(survey_defs::ENGLISH_JARGON)}</p>
            </details>
            <form method="post" action=format!("/equipe/projets/{project}/jargon") class="staff-form">
                <input type="hidden" name="csrf" value=csrf.to_string()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class="field">
                    <label for="jargon-terms">{lang.t("jargon-label")}</label>
                    <p class="hint" id="jargon-hint">{lang.t("jargon-hint")}</p>
                    <textarea id="jargon-terms" name="jargon" rows="5" maxlength="13000"
                        aria-describedby="jargon-hint">{terms.join("\n")}</textarea>
                </div>
                <button type="submit" class="button-secondary">{lang.t("jargon-save")}</button>
            </form>
        </section>
    }
}

/// `/equipe/projets/:project/brouillons/:draft`: a draft's items, suggestions to reword
/// them, and the votes that decide.
#[component]
pub fn DraftDetailPage() -> impl IntoView {
    let (done, error) = outcome();
    let (project, draft) =
        use_params_map().with_untracked(|p| (p.get("project").unwrap_or_default(), p.get("draft").unwrap_or_default()));
    staff_page(
        move || load_draft(project.clone(), draft.clone()),
        move |page: DraftPage, lang| {
            view! { <DraftDetail page lang done=done.clone() error=error.clone()/> }.into_any()
        },
    )
}

/// The messages of a thread (author, when, text), oldest first.
fn thread_messages(comments: &[(String, String, String)], lang: Lang) -> impl IntoView + use<> {
    comments
        .iter()
        .map(|(author, when, body)| {
            view! {
                <li>
                    <p class="card-meta">{lang.t_args("suggestion-comment-by", &[("name", author.clone().into()), ("when", when.clone().into())])}</p>
                    <p class="need-text">{body.clone()}</p>
                </li>
            }
        })
        .collect_view()
}

fn suggestion_card(s: SuggestionRow, page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let csrf = page.viewer.csrf_token.clone();
    let action = format!("/equipe/projets/{}/suggestions/{}", page.project, s.id);
    let draft = page.draft.clone();
    let status = lang.t(&format!("suggestion-status-{}", s.status));
    let reason_id = format!("reason-{}", s.id);
    let comment_id = format!("comment-{}", s.id);
    let comment_action = format!("/equipe/projets/{}/suggestions/{}/commentaires", page.project, s.id);
    let can_comment = page.can_contribute;
    let thread = thread_messages(&s.comments, lang);
    let thread_title = lang.t_args("suggestion-thread", &[("count", s.comments.len().into())]);
    let single_reword = matches!(s.changes.as_slice(), [survey_defs::Change::Reword { .. }]);
    let heading = match &s.publish {
        Some((slug, version)) => view! {
            <h3>{lang.t_args("publication-title", &[("slug", slug.clone().into()), ("version", version.clone().into())])}</h3>
        }
        .into_any(),
        None if single_reword => view! {
            <h3>{lang.t_args("suggestion-title", &[("item", s.item_label.clone().into()), ("language", s.language.to_uppercase().into())])}</h3>
        }
        .into_any(),
        None => view! { <h3>{lang.t_args("suggestion-changes-title", &[("count", s.changes.len().into())])}</h3> }.into_any(),
    };
    let body = if single_reword {
        view! {
            <p>{lang.t("suggestion-now")}</p>
            <blockquote class="need-text">{s.current_text.clone()}</blockquote>
            <p>{lang.t("suggestion-proposed")}</p>
            <blockquote class="need-text">{s.new_text.clone()}</blockquote>
            <p class="hint">{readability_note(&s.new_text, &s.language, &page.jargon, lang)}</p>
        }
        .into_any()
    } else {
        let jargon = page.jargon.clone();
        view! {
            <ul>
                {s.changes.iter().map(|c| {
                    // New wording gets the same readability check as the draft's own.
                    let notes = proposed_texts(c)
                        .into_iter()
                        .map(|(l, t)| view! { <p class="hint" lang=lang.tag()>{l.to_uppercase()} " : " {readability_note(&t, &l, &jargon, lang)}</p> })
                        .collect_view();
                    view! { <li>{change_text(c, lang)} {notes}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let votes = s
        .votes
        .iter()
        .map(|v| {
            let verdict = if v.approve { lang.t("suggestion-approved-by") } else { lang.t("suggestion-rejected-by") };
            let reason = (!v.reason.is_empty()).then(|| format!(" : « {} »", v.reason));
            view! { <li>{verdict} " " {v.name.clone()} " (" {role_label(&v.role, lang)} ")" {reason}</li> }
        })
        .collect_view();
    view! {
        <li class="card" id=format!("suggestion-{}", s.id)>
            {heading}
            <p class="card-meta">{lang.t_args("suggestion-by", &[("name", s.author.clone().into())])} " · " {status}</p>
            {body}
            <p><strong>{lang.t("suggestion-why")}</strong> " " {s.rationale.clone()}</p>
            {s.decision_reason.clone().map(|r| view! { <p><strong>{lang.t("suggestion-decision-reason")}</strong> " " {r}</p> })}
            {(!s.votes.is_empty()).then(|| view! { <ul>{votes}</ul> })}
            {(!s.waiting_for.is_empty()).then(|| view! {
                <p class="hint">{s.waiting_for.iter().map(|k| lang.t(k)).collect::<Vec<_>>().join(" ")}</p>
            })}
            <details class="suggestion-thread" open=!s.comments.is_empty()>
                <summary>{thread_title}</summary>
                <ul>{thread}</ul>
                {can_comment.then(|| view! {
                    <form method="post" action=comment_action class="staff-form">
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <input type="hidden" name="draft" value=draft.clone()/>
                        <div class="field">
                            <label for=comment_id.clone()>{lang.t("suggestion-comment-label")}</label>
                            <textarea id=comment_id name="body" rows="2" maxlength="2000" required></textarea>
                        </div>
                        <button type="submit" class="button-secondary">{lang.t("suggestion-comment-submit")}</button>
                    </form>
                })}
            </details>
            {s.can_vote.then(|| view! {
                <form method="post" action=action class="staff-form">
                    <input type="hidden" name="csrf" value=csrf/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <input type="hidden" name="draft" value=draft/>
                    <div class="field">
                        <label for=reason_id.clone()>{lang.t("suggestion-reason-label")}</label>
                        <textarea id=reason_id name="reason" rows="2" maxlength="2000"></textarea>
                    </div>
                    <button type="submit" name="verdict" value="approve">{lang.t("suggestion-approve")}</button>
                    " "
                    <button type="submit" name="verdict" value="reject" class="button-secondary">{lang.t("suggestion-reject")}</button>
                </form>
            })}
        </li>
    }
}

/// The wording a change brings in (language, text): a rewording, or a new question's text.
fn proposed_texts(change: &survey_defs::Change) -> Vec<(String, String)> {
    match change {
        survey_defs::Change::Reword { language, text, .. } => vec![(language.clone(), text.clone())],
        survey_defs::Change::AddItem { item, .. } => {
            item.text.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect()
        }
        _ => Vec::new(),
    }
}

/// A text's readability in words, for everyone writing: score, longest sentence, and
/// what to improve (survey-defs' check, with the default jargon list of its language and
/// the project's own terms).
fn readability_note(text: &str, text_lang: &str, project_jargon: &[String], lang: Lang) -> String {
    use survey_defs::{Advice, ENGLISH_JARGON, FRENCH_JARGON, check_readability};
    let defaults = if text_lang == "fr" { FRENCH_JARGON } else { ENGLISH_JARGON };
    let jargon: Vec<&str> = defaults.iter().copied().chain(project_jargon.iter().map(String::as_str)).collect();
    let check = check_readability(text, text_lang, &jargon);
    let Some(score) = check.score else { return String::new() };
    let level = if score >= 60.0 {
        "readability-easy"
    } else if score >= 40.0 {
        "readability-medium"
    } else {
        "readability-hard"
    };
    let mut parts = vec![lang.t_args(
        "readability-score",
        &[
            ("score", format!("{score:.0}").into()),
            ("level", lang.t(level).into()),
            ("words", check.longest_sentence.into()),
        ],
    )];
    for advice in &check.advice {
        parts.push(match advice {
            Advice::LongSentence { sentence, words } => lang.t_args(
                "readability-long-sentence",
                &[("sentence", (sentence + 1).into()), ("words", (*words).into())],
            ),
            Advice::LongWords { words } => lang.t_args("readability-long-words", &[("words", words.join(", ").into())]),
            Advice::Jargon { terms } => lang.t_args("readability-jargon", &[("terms", terms.join(", ").into())]),
        });
    }
    parts.join(" ")
}

fn item_thread(item: &DraftItem, page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let id = format!("e-{}-comment", item.id);
    let action =
        format!("/equipe/projets/{}/brouillons/{}/questions/{}/commentaires", page.project, page.draft, item.id);
    let messages = thread_messages(&item.comments, lang);
    view! {
        <details class="suggestion-thread" open=!item.comments.is_empty()>
            <summary>{lang.t_args("item-thread", &[("count", item.comments.len().into())])}</summary>
            <ul>{messages}</ul>
            {page.can_contribute.then(|| view! {
                <form method="post" action=action class="staff-form">
                    {hidden(page, lang)}
                    <div class="field">
                        <label for=id.clone()>{lang.t("item-comment-label")}</label>
                        <textarea id=id name="body" rows="2" maxlength="2000" required></textarea>
                    </div>
                    <button type="submit" class="button-secondary">{lang.t("suggestion-comment-submit")}</button>
                </form>
            })}
        </details>
    }
}

#[component]
fn DraftDetail(page: DraftPage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let csrf = page.viewer.csrf_token.clone();
    let problem = use_query_map()
        .with_untracked(|q| q.get("probleme"))
        .filter(|c| c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    let suggestions = page.suggestions.clone().into_iter().map(|s| suggestion_card(s, &page, lang)).collect_view();
    let items = page
        .items
        .iter()
        .map(|item| {
            let texts = item
                .texts
                .iter()
                .map(|(l, t)| {
                    let advice = readability_note(t, l, &page.jargon, lang);
                    view! {
                        <p lang=l.clone()><span class="card-meta">{l.to_uppercase()} " "</span>{t.clone()}</p>
                        <p class="hint">{advice}</p>
                    }
                })
                .collect_view();
            let number = if item.number > 0 { format!("{}. ", item.number) } else { String::new() };
            let editor = page.can_contribute.then(|| item_editor(item, &page, lang).into_any());
            view! {
                <li class="card" id=format!("draft-item-{}", item.id)>
                    <h3>{number}<code>{item.id.clone()}</code></h3>
                    {texts}
                    {editor}
                    {item_thread(item, &page, lang)}
                </li>
            }
        })
        .collect_view();
    let scales = page.scales.iter().map(|s| scale_form(s, &page, lang)).collect_view();
    let propose = page.can_contribute.then(|| view! {
        <h2 id="propose">{lang.t("suggestion-new")}</h2>
        <p>{lang.t("suggestion-new-help")}</p>
        <form method="post" action=format!("/equipe/projets/{}/brouillons/{}/suggestions", page.project, page.draft) class="staff-form">
            <input type="hidden" name="csrf" value=csrf/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <div class="field">
                <label for="item">{lang.t("suggestion-item-label")}</label>
                <select id="item" name="item">
                    {page.items.iter().map(|i| {
                        let first = i.texts.first().map(|(_, t)| t.chars().take(60).collect::<String>()).unwrap_or_default();
                        let label = if i.number > 0 { format!("{}. {first}", i.number) } else { first };
                        view! { <option value=i.id.clone()>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="language">{lang.t("suggestion-language-label")}</label>
                <select id="language" name="language">
                    {page.languages.iter().map(|l| view! { <option value=l.clone()>{l.to_uppercase()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="text">{lang.t("suggestion-text-label")}</label>
                <textarea id="text" name="text" rows="3" maxlength="1000" required></textarea>
            </div>
            <div class="field">
                <label for="rationale">{lang.t("suggestion-rationale-label")}</label>
                <textarea id="rationale" name="rationale" rows="3" maxlength="2000" required></textarea>
            </div>
            <button type="submit">{lang.t("suggestion-submit")}</button>
        </form>
    });
    let preview = page.questionnaire.clone();
    view! {
        <PageTitle text=title(&page.title, error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <p class="eyebrow"><a href=href(&format!("/equipe/projets/{}", page.project), lang)>{page.project_title.clone()}</a></p>
        <h1>{page.title.clone()}</h1>
        <p>{lang.t_args("draft-revision", &[("count", page.revision.into())])} " " {lang.t("draft-rule")}</p>
        {outcome_view(done, error, lang)}
        <LiveCheck endpoint=format!("/equipe/projets/{}/brouillons/{}/verification", page.project, page.draft)>
            {page.can_contribute.then(|| describe_form(&page, lang).into_any())}
            {problem.map(|code| view! { <p class="error-message">{lang.t_args("problem-in-draft", &[("code", code.into())])}</p> })}
            {page.changes.clone().map(|changes| view! {
                <section id="changes" aria-labelledby="changes-heading">
                    <h2 id="changes-heading">{lang.t_args("draft-changes-title", &[("base", changes.base.clone().into())])}</h2>
                    {if changes.items.is_empty() {
                        view! { <p>{lang.t("draft-changes-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {changes.items.iter().map(|c| {
                                    let what = if c.reworded.is_empty() {
                                        lang.t("draft-change-other")
                                    } else {
                                        lang.t_args("draft-change-reworded", &[("languages", c.reworded.join(", ").to_uppercase().into())])
                                    };
                                    let comparable = if c.comparable { lang.t("draft-change-comparable") } else { lang.t("draft-change-not-comparable") };
                                    view! { <li>{lang.t_args("draft-change-item", &[("item", c.item_label.clone().into())])} " " {what} " " {comparable}</li> }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <p class="hint">{lang.t_args("draft-comparable", &[("count", changes.comparable.into()), ("total", changes.questions.into())])}</p>
                </section>
            })}
            <section id="suggestions" aria-labelledby="suggestions-heading">
                <h2 id="suggestions-heading">{lang.t("suggestions-title")}</h2>
                {if page.suggestions.is_empty() {
                    view! { <p>{lang.t("suggestions-empty")}</p> }.into_any()
                } else {
                    view! { <ul class="card-list">{suggestions}</ul> }.into_any()
                }}
            </section>
            {propose}
            <section id="items" aria-labelledby="items-heading">
                <h2 id="items-heading">{lang.t("draft-items-title")}</h2>
                <ol class="card-list">{items}</ol>
            </section>
            {page.can_contribute.then(|| new_item_form(&page, lang).into_any())}
            {page.can_contribute.then(|| sections_form(&page, lang).into_any())}
            {page.can_contribute.then(|| language_form(&page, lang).into_any())}
            <section id="scores" aria-labelledby="scores-heading">
                <h2 id="scores-heading">{lang.t("scales-title")}</h2>
                {if page.scales.is_empty() { Some(view! { <p>{lang.t("scales-none")}</p> }) } else { None }}
                {page.can_contribute.then_some(scales)}
            </section>
            {publish_form(&page, lang).into_any()}
        </LiveCheck>
        <section id="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{lang.t("draft-preview-title")}</h2>
            <p class="hint">{lang.t("draft-preview-help")}</p>
            <div class="phone-preview">
                <ConditionalPreview sections=preview.sections.clone()>
                    <QuestionnaireForm questionnaire=preview lang/>
                </ConditionalPreview>
            </div>
        </section>
    }
}
