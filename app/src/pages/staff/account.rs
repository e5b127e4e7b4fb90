//! Signing in: with a password, with the institution's provider, or by choosing a
//! password from an account invitation.

use crate::pages::set_cookie;
use crate::shell::PageTitle;
use crate::shell::{href, use_page};
use crate::staff::{load_account_invitation, load_sign_in_link, load_sign_in_options, safe_next};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/connexion`: email and password, and one button per configured provider.
#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_page().lang;
    let query = use_query_map();
    let (error, next, ended, wait, link_sent) = query.with_untracked(|q| {
        (
            q.get("erreur"),
            safe_next(q.get("suite").as_deref()).to_string(),
            q.get("fin").is_some(),
            q.get("attente").and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=60).contains(m)),
            q.get("lien").is_some_and(|v| v == "envoye"),
        )
    });
    let options = Resource::new(|| (), |_| load_sign_in_options());
    let title = match &error {
        Some(_) => format!("{} {} · Boucle", lang.t("error-title-prefix"), lang.t("signin-title")),
        None => format!("{} · Boucle", lang.t("signin-title")),
    };
    view! {
        <PageTitle text=title/>
        <h1>{lang.t("signin-title")}</h1>
        {ended.then(|| view! { <p class="notice" role="status">{lang.t("signout-done")}</p> })}
        {link_sent.then(|| view! { <p class="notice" role="status" id="link-sent">{lang.t("signin-link-sent")}</p> })}
        {error.map(|key| {
            // Only known keys are shown; anything else reads as a generic failure.
            let known = ["signin-bad-credentials", "signin-disabled", "signin-invalid-link", "signin-no-account",
                "signin-throttled", "signin-provider-failed", "signin-expired-attempt", "form-expired",
                "receipt-email-error-address"];
            let key = if known.contains(&key.as_str()) { key } else { "signin-provider-failed".to_string() };
            let text = match wait {
                Some(minutes) if key == "signin-throttled" => {
                    lang.t_args("signin-throttled-wait", &[("minutes", minutes.into())])
                }
                _ => lang.t(&key),
            };
            view! { <p class="error-summary" role="alert" tabindex="-1" id="signin-error">{text}</p> }
        })}
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    match options.await {
                        Ok(options) => {
                            set_cookie(&format!("boucle_form={}; Path=/; HttpOnly; SameSite=Strict", options.form_token));
                            view! {
                                {options.signed_in_as.map(|name| view! {
                                    <p class="notice">
                                        {lang.t_args("signin-already", &[("name", name.into())])} " "
                                        <a href=href("/equipe", lang)>{lang.t("staff-home-title")}</a>
                                    </p>
                                })}
                                <form method="post" action="/connexion" class="signin-form">
                                    <input type="hidden" name="form_token" value=options.form_token.clone()/>
                                    <input type="hidden" name="lang" value=lang.tag()/>
                                    <input type="hidden" name="suite" value=next.clone()/>
                                    <div class="field">
                                        <label for="email">{lang.t("signin-email")}</label>
                                        <input id="email" name="email" type="email" autocomplete="username" required/>
                                    </div>
                                    <div class="field">
                                        <label for="password">{lang.t("signin-password")}</label>
                                        <input id="password" name="password" type="password"
                                            autocomplete="current-password" required/>
                                    </div>
                                    <button type="submit">{lang.t("signin-submit")}</button>
                                </form>
                                {(!options.providers.is_empty()).then(|| view! {
                                    <h2>{lang.t("signin-with-provider")}</h2>
                                    <ul class="provider-list">
                                        {options.providers.into_iter().map(|p| view! {
                                            <li><a class="button button-secondary"
                                                href=format!("/connexion/oidc/{}?lang={}", p.id, lang.tag())>{p.label}</a></li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                <h2>{lang.t("signin-link-title")}</h2>
                                <p id="link-explain">{lang.t("signin-link-explain")}</p>
                                <form method="post" action="/connexion/lien" class="signin-form">
                                    <input type="hidden" name="form_token" value=options.form_token.clone()/>
                                    <input type="hidden" name="lang" value=lang.tag()/>
                                    <div class="field">
                                        <label for="link-email">{lang.t("signin-link-email")}</label>
                                        <input id="link-email" name="email" type="email" autocomplete="email"
                                            maxlength="254" required aria-describedby="link-explain"/>
                                    </div>
                                    <button type="submit" class="button-secondary">{lang.t("signin-link-submit")}</button>
                                </form>
                                <p class="hint">{lang.t("signin-no-account-help")}</p>
                            }
                            .into_any()
                        }
                        Err(_) => {
                            crate::pages::set_status(503);
                            view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// `/connexion/bienvenue`: an invited person chooses their password.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let lang = use_page().lang;
    let query = use_query_map();
    let error = query.with_untracked(|q| q.get("erreur"));
    let invitation = Resource::new(|| (), |_| load_account_invitation());
    view! {
        <PageTitle text=format!("{} · Boucle", lang.t("welcome-title"))/>
        <h1>{lang.t("welcome-title")}</h1>
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || {
                let error = error.clone();
                Suspend::new(async move {
                    match invitation.await {
                        Ok(Some(invitation)) => {
                            set_cookie(&format!("boucle_form={}; Path=/; HttpOnly; SameSite=Strict", invitation.form_token));
                            let known = ["password-too-short", "password-too-long", "password-too-common",
                                "password-mismatch", "form-expired"];
                            let error = error.filter(|key| known.contains(&key.as_str()));
                            view! {
                                <p>{lang.t_args("welcome-intro", &[("name", invitation.display_name.into())])}</p>
                                {error.map(|key| view! {
                                    <p class="error-summary" role="alert" tabindex="-1">{lang.t(&key)}</p>
                                })}
                                <form method="post" action="/connexion/bienvenue" class="signin-form">
                                    <input type="hidden" name="form_token" value=invitation.form_token/>
                                    <input type="hidden" name="lang" value=lang.tag()/>
                                    <input type="email" name="username" autocomplete="username"
                                        value=invitation.email hidden readonly/>
                                    <div class="field">
                                        <label for="password">{lang.t("welcome-password")}</label>
                                        <p class="hint" id="password-hint">{lang.t("welcome-password-hint")}</p>
                                        <input id="password" name="password" type="password" autocomplete="new-password"
                                            minlength="8" maxlength="128" required aria-describedby="password-hint"/>
                                    </div>
                                    <div class="field">
                                        <label for="password_confirm">{lang.t("welcome-password-confirm")}</label>
                                        <input id="password_confirm" name="password_confirm" type="password"
                                            autocomplete="new-password" required/>
                                    </div>
                                    <button type="submit">{lang.t("welcome-submit")}</button>
                                </form>
                            }
                            .into_any()
                        }
                        Ok(None) => {
                            crate::pages::set_status(404);
                            view! {
                                <p role="alert">{lang.t("signin-invalid-link")}</p>
                                <p><a href=href("/connexion", lang)>{lang.t("signin-title")}</a></p>
                            }
                            .into_any()
                        }
                        Err(_) => {
                            crate::pages::set_status(503);
                            view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// `/connexion/lien`: someone opened the sign-in link we emailed them; one click signs
/// them in (a mail scanner that opens the link does not).
#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let lang = use_page().lang;
    let link = Resource::new(|| (), |_| load_sign_in_link());
    view! {
        <PageTitle text=format!("{} · Boucle", lang.t("signin-link-use-title"))/>
        <h1>{lang.t("signin-link-use-title")}</h1>
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || {
                Suspend::new(async move {
                    match link.await {
                        Ok(Some(link)) => {
                            set_cookie(&format!("boucle_form={}; Path=/; HttpOnly; SameSite=Strict", link.form_token));
                            view! {
                                <p>{lang.t_args("signin-link-use-intro", &[("name", link.display_name.into())])}</p>
                                <form method="post" action="/connexion/lien/utiliser" class="signin-form">
                                    <input type="hidden" name="form_token" value=link.form_token/>
                                    <input type="hidden" name="lang" value=lang.tag()/>
                                    <button type="submit">{lang.t("signin-link-use-submit")}</button>
                                </form>
                            }
                            .into_any()
                        }
                        Ok(None) => {
                            crate::pages::set_status(404);
                            view! {
                                <p role="alert">{lang.t("signin-link-invalid")}</p>
                                <p><a href=href("/connexion", lang)>{lang.t("signin-link-ask-again")}</a></p>
                            }
                            .into_any()
                        }
                        Err(_) => {
                            crate::pages::set_status(503);
                            view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
