//! People and their roles, for institution admins: everyone with a role in their
//! institutions, inviting someone, and one person's page (change or remove a role,
//! disable or re-enable the account, a new sign-in link shown once). Plain forms; the
//! server checks the policy and the invariants on every post.

use super::{StaffBar, outcome_view, staff_page, title};
use crate::i18n::Lang;
use crate::pages::set_cookie;
use crate::shell::{PageTitle, href};
use crate::staff::{NEW_LINK_COOKIE, PeoplePage, PersonPage, PersonRow, load_people_page, load_person_page};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Role keys, most powerful first, as the server knows them.
const ROLES: [&str; 5] = ["admin", "quality_team", "professional", "patient_partner", "observer"];

/// What the last post did (`?fait=`), as shown.
const DONE: [&str; 8] =
    ["invited", "role-added", "role-held", "role-changed", "role-removed", "disabled", "enabled", "link"];

/// Why the last post was refused (`?erreur=`), as shown.
const ERRORS: [&str; 9] = [
    "people-error-email",
    "people-error-name",
    "people-error-role",
    "people-error-last-admin",
    "people-error-own-account",
    "people-error-shared-account",
    "people-error-disabled",
    "people-error-confirm",
    "form-expired",
];

fn role_label(role: &str, lang: Lang) -> String {
    lang.t(&format!("role-{}", role.replace('_', "-")))
}

/// "professional (CHU de Lille)".
fn role_at(role: &str, institution: &str, lang: Lang) -> String {
    lang.t_args(
        "people-role-at",
        &[("role", role_label(role, lang).into()), ("institution", institution.to_string().into())],
    )
}

fn status_label(status: &str, lang: Lang) -> String {
    lang.t(&format!("people-status-{status}"))
}

/// The outcome of the last post, if it is one this page knows.
fn outcome() -> (Option<String>, Option<String>) {
    let query = use_query_map();
    query.with_untracked(|q| {
        (
            q.get("fait").filter(|k| DONE.contains(&k.as_str())).map(|k| format!("people-done-{k}")),
            q.get("erreur").filter(|k| ERRORS.contains(&k.as_str())),
        )
    })
}

/// `/equipe/personnes`: everyone with a role in the admin's institutions.
#[component]
pub fn PeopleListPage() -> impl IntoView {
    let (done, error) = outcome();
    staff_page(load_people_page, move |page: PeoplePage, lang| {
        view! { <PeopleList page lang done=done.clone() error=error.clone()/> }.into_any()
    })
}

#[component]
fn PeopleList(page: PeoplePage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let csrf = page.viewer.csrf_token.clone();
    // People are cards rather than table rows: five columns do not fit a phone.
    view! {
        <PageTitle text=title(&lang.t("people-title"), error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <h1>{lang.t("people-title")}</h1>
        <p><a href="/equipe/personnes.csv" download="">{lang.t("people-download")}</a></p>
        {outcome_view(done, error, lang)}
        <h2 id="people-list">{lang.t("people-caption")}</h2>
        <ul class="card-list" aria-labelledby="people-list">
            {page.people.into_iter().map(|person| view! { <PersonCard person lang/> }).collect_view()}
        </ul>
        <h2 id="invite">{lang.t("people-invite-title")}</h2>
        <p>{lang.t("people-invite-help")}</p>
        <form method="post" action="/equipe/personnes" class="staff-form" aria-labelledby="invite">
            <input type="hidden" name="csrf" value=csrf/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <div class="field">
                <label for="email">{lang.t("people-email")}</label>
                <input id="email" name="email" type="email" autocomplete="off" maxlength="254" required/>
            </div>
            <div class="field">
                <label for="name">{lang.t("people-invite-name")}</label>
                <p class="hint" id="name-hint">{lang.t("people-invite-name-hint")}</p>
                <input id="name" name="name" type="text" autocomplete="off" maxlength="200"
                    aria-describedby="name-hint"/>
            </div>
            <div class="field">
                <label for="institution">{lang.t("campaign-institution")}</label>
                <select id="institution" name="institution" required>
                    {page.institutions.into_iter()
                        .map(|(slug, name)| view! { <option value=slug>{name}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="role">{lang.t("people-invite-role")}</label>
                <select id="role" name="role" required>
                    {ROLES.into_iter()
                        .map(|role| view! { <option value=role selected={role == "professional"}>{role_label(role, lang)}</option> })
                        .collect_view()}
                </select>
            </div>
            <button type="submit">{lang.t("people-invite-submit")}</button>
        </form>
    }
}

#[component]
fn PersonCard(person: PersonRow, lang: Lang) -> impl IntoView {
    let roles = person.roles.iter().map(|r| role_at(&r.role, &r.institution_name, lang)).collect::<Vec<_>>().join(", ");
    view! {
        <li class="card">
            <h3 class="card-title">
                <a href=href(&format!("/equipe/personnes/{}", person.id), lang)>{person.display_name}</a>
            </h3>
            <p class="card-meta">{person.email}</p>
            <dl class="facts">
                <dt>{lang.t("people-roles")}</dt><dd>{roles}</dd>
                <dt>{lang.t("people-status")}</dt><dd>{status_label(&person.status, lang)}</dd>
                <dt>{lang.t("people-last-sign-in")}</dt>
                <dd>{person.last_sign_in.unwrap_or_else(|| lang.t("people-never"))}</dd>
            </dl>
        </li>
    }
}

/// `/equipe/personnes/{person}`: one person's roles and account.
#[component]
pub fn PersonDetailPage() -> impl IntoView {
    let params = use_params_map();
    // Not a number: nobody (the server answers 404 for person 0).
    let person = params.with_untracked(|p| p.get("person").and_then(|id| id.parse::<i32>().ok()).unwrap_or(0));
    let (done, error) = outcome();
    staff_page(
        move || load_person_page(person),
        move |page: PersonPage, lang| {
            if page.new_link.is_some() {
                // Shown once: the cookie that carried it here goes.
                set_cookie(&format!(
                    "{NEW_LINK_COOKIE}=; Path=/equipe/personnes; Max-Age=0; HttpOnly; SameSite=Strict"
                ));
            }
            view! { <PersonDetail page lang done=done.clone() error=error.clone()/> }.into_any()
        },
    )
}

#[component]
fn PersonDetail(page: PersonPage, lang: Lang, done: Option<String>, error: Option<String>) -> impl IntoView {
    let csrf = page.viewer.csrf_token.clone();
    let person = page.person;
    let id = person.id;
    let name = person.display_name.clone();
    let disabled = person.status == "disabled";
    let roles = person.roles.clone();
    view! {
        <PageTitle text=title(&name, error.is_some(), lang)/>
        <StaffBar viewer=page.viewer.clone() lang/>
        <p><a class="back-link" href=href("/equipe/personnes", lang)>{lang.t("people-back")}</a></p>
        <h1>{name.clone()} {page.is_self.then(|| format!(" {}", lang.t("people-you")))}</h1>
        {outcome_view(done, error, lang)}
        {page.new_link.map(|link| view! {
            <section aria-labelledby="new-link">
                <h2 id="new-link">{lang.t("people-link-title")}</h2>
                <p class="return-link">{link}</p>
                <p class="hint">{lang.t("people-link-help")}</p>
            </section>
        })}
        <dl class="facts">
            <dt>{lang.t("people-email")}</dt><dd>{person.email.clone()}</dd>
            <dt>{lang.t("people-status")}</dt><dd>{status_label(&person.status, lang)}</dd>
            <dt>{lang.t("people-last-sign-in")}</dt>
            <dd>{person.last_sign_in.clone().unwrap_or_else(|| lang.t("people-never"))}</dd>
        </dl>
        <h2>{lang.t("people-roles")}</h2>
        {roles.into_iter().map(|held| {
            let m = held.membership;
            let select_id = format!("role-{m}");
            let confirm_id = format!("confirm-remove-{m}");
            let heading_id = format!("membership-{m}");
            let labelled_by = heading_id.clone();
            let institution = held.institution_name.clone();
            let current = held.role.clone();
            view! {
                <section aria-labelledby=labelled_by class="card">
                    <h3 id=heading_id class="card-title">
                        {role_at(&held.role, &held.institution_name, lang)}
                    </h3>
                    <form method="post" action=format!("/equipe/personnes/{id}/roles/{m}")>
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <div class="field">
                            <label for=select_id.clone()>
                                {lang.t_args("people-role-in", &[("institution", institution.clone().into())])}
                            </label>
                            <select id=select_id name="role">
                                {ROLES.into_iter().map(|role| view! {
                                    <option value=role selected={role == current}>{role_label(role, lang)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="button-secondary">{lang.t("people-role-submit")}</button>
                    </form>
                    <form method="post" action=format!("/equipe/personnes/{id}/roles/{m}/retrait")>
                        <input type="hidden" name="csrf" value=csrf.clone()/>
                        <input type="hidden" name="lang" value=lang.tag()/>
                        <p class="choice">
                            <input id=confirm_id.clone() type="checkbox" name="confirm" value="yes"/>
                            <label for=confirm_id>
                                {lang.t_args("people-remove-confirm",
                                    &[("name", name.clone().into()), ("institution", institution.into())])}
                            </label>
                        </p>
                        <button type="submit" class="button-danger">{lang.t("people-remove-submit")}</button>
                    </form>
                </section>
            }
        }).collect_view()}
        <h2>{lang.t("people-account")}</h2>
        {if page.is_self {
            view! { <p>{lang.t("people-own-account-note")}</p> }.into_any()
        } else if !page.manages_account {
            view! { <p>{lang.t("people-shared-account-note")}</p> }.into_any()
        } else if disabled {
            view! {
                <form method="post" action=format!("/equipe/personnes/{id}/reactivation")>
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <button type="submit">{lang.t("people-enable-submit")}</button>
                </form>
            }.into_any()
        } else {
            view! {
                <form method="post" action=format!("/equipe/personnes/{id}/lien")>
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <p class="hint" id="new-link-hint">{lang.t("people-link-new-help")}</p>
                    <button type="submit" class="button-secondary" aria-describedby="new-link-hint">
                        {lang.t("people-link-new")}
                    </button>
                </form>
                <form method="post" action=format!("/equipe/personnes/{id}/desactivation")>
                    <input type="hidden" name="csrf" value=csrf.clone()/>
                    <input type="hidden" name="lang" value=lang.tag()/>
                    <p class="choice">
                        <input id="confirm-disable" type="checkbox" name="confirm" value="yes"/>
                        <label for="confirm-disable">
                            {lang.t_args("people-disable-confirm", &[("name", name.clone().into())])}
                        </label>
                    </p>
                    <button type="submit" class="button-danger">{lang.t("people-disable-submit")}</button>
                </form>
            }.into_any()
        }}
    }
}
