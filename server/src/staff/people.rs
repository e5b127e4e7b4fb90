//! Form posts of the people pages (`/equipe/personnes`), for institution admins:
//! inviting someone with a role, changing or removing a role, disabling and
//! re-enabling an account, a new sign-in link. Each checks the origin and the
//! session's form token like every staff form; `identity::people` asks the policy and
//! keeps the invariants (a last admin stays, nobody disables themself) and writes the
//! audit log. POST-redirect-GET: a link issued is carried to the person's page by a
//! short-lived cookie, shown there once, never put in an address.

use super::handlers::{refused, staff_form};
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::forms::{Fields, field, lang_of, see_other, with_cookie};
use crate::identity::people::{AfterChange, Invitation, InviteOutcome, PeopleError};
use crate::startup::AppState;
use app::staff::NEW_LINK_COOKIE;
use axum::extract::{Form, Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use sea_orm::EntityTrait;

/// The cookie carrying a link just issued to the person's page (ten minutes at most;
/// the page clears it when it shows the link).
fn new_link_cookie(state: &AppState, person: i32, secret: &str) -> String {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    format!(
        "{NEW_LINK_COOKIE}={person}.{secret}; Path=/equipe/personnes; Max-Age=600; HttpOnly; SameSite=Strict{secure}"
    )
}

fn person_page(person: i32, lang: &str, query: &str) -> Response {
    see_other(format!("/equipe/personnes/{person}?lang={lang}&{query}"))
}

/// The answer to a refused change: the policy's status, or back to the page with the reason.
fn failure(err: PeopleError, lang: &str, back: String) -> Response {
    match err {
        PeopleError::Refused(decision) => refused(decision, lang),
        PeopleError::Db(err) => ApiError::Unavailable(err).into_response(),
        other => see_other(format!("{back}{}erreur={}", if back.contains('?') { '&' } else { '?' }, other.key())),
    }
}

/// Where to go once a role changed: the person's page while the admin still sees them.
fn after(change: AfterChange, person: i32, lang: &str, done: &str) -> Response {
    match change {
        AfterChange::PersonVisible => person_page(person, lang, &format!("fait={done}")),
        AfterChange::PersonGone => see_other(format!("/equipe/personnes?lang={lang}&fait={done}")),
        AfterChange::NoLongerAdmin => see_other(format!("/equipe?lang={lang}")),
    }
}

/// A numeric id from the path; anything else names nobody.
fn id(raw: &str) -> Option<i32> {
    raw.parse::<i32>().ok().filter(|id| *id > 0)
}

/// Emails an account link to the person, in the admin's page language; the admin also
/// sees it once, for when mail does not reach them.
async fn email_link(state: &AppState, person_id: i32, secret: &str, lang: &str) -> Result<(), Response> {
    let unavailable = |err: sea_orm::DbErr| crate::error::ApiError::Unavailable(err).into_response();
    let person = crate::entities::person::Entity::find_by_id(person_id).one(&state.db).await.map_err(unavailable)?;
    let Some((address, name)) =
        person.and_then(|p| Some((crate::mail::parse_address(p.email.as_deref()?).ok()?, p.display_name)))
    else {
        return Ok(());
    };
    let link = format!("{}/connexion/invitation/{secret}", state.public_url);
    let language = app::i18n::Lang::from_tag(lang).unwrap_or_default();
    let message = crate::mail::messages::account_invitation(address, language, &name, &link);
    crate::mail::enqueue(&state.db, message).await.map_err(unavailable)?;
    state.postman.ring();
    Ok(())
}

/// `POST /equipe/personnes`: gives a role in one of the admin's institutions to the
/// person with this email, creating the account if needed.
pub async fn invite(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let invitation = Invitation {
        email: field(&fields, "email").unwrap_or_default(),
        display_name: field(&fields, "name").unwrap_or_default(),
        institution: field(&fields, "institution").unwrap_or_default(),
        role: field(&fields, "role").unwrap_or_default(),
    };
    match state.staff.people().invite(&signed_in, invitation, now_millis()).await {
        Ok(invited) => {
            let done = match invited.outcome {
                InviteOutcome::NewAccount => "invited",
                InviteOutcome::RoleAdded => "role-added",
                InviteOutcome::AlreadyHeld => "role-held",
            };
            let response = person_page(invited.person_id, lang, &format!("fait={done}"));
            match invited.link_secret {
                Some(secret) => match email_link(&state, invited.person_id, &secret, lang).await {
                    Ok(()) => with_cookie(response, new_link_cookie(&state, invited.person_id, &secret)),
                    Err(response) => response,
                },
                None => response,
            }
        }
        Err(err) => failure(err, lang, format!("/equipe/personnes?lang={lang}")),
    }
}

/// `POST /equipe/personnes/{person}/roles/{membership}`: another role, same institution.
pub async fn change_role(
    State(state): State<AppState>,
    Path((person, membership)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let (Some(person), Some(membership)) = (id(&person), id(&membership)) else {
        return refused(crate::identity::Decision::NotFound, lang);
    };
    let role = field(&fields, "role").unwrap_or_default();
    match state.staff.people().change_role(&signed_in, person, membership, role).await {
        Ok(change) => after(change, person, lang, "role-changed"),
        Err(err) => failure(err, lang, format!("/equipe/personnes/{person}?lang={lang}")),
    }
}

/// `POST /equipe/personnes/{person}/roles/{membership}/retrait`: removes one role.
pub async fn remove_role(
    State(state): State<AppState>,
    Path((person, membership)): Path<(String, String)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let (Some(person), Some(membership)) = (id(&person), id(&membership)) else {
        return refused(crate::identity::Decision::NotFound, lang);
    };
    let confirmed = field(&fields, "confirm") == Some("yes");
    match state.staff.people().remove_role(&signed_in, person, membership, confirmed).await {
        Ok(change) => after(change, person, lang, "role-removed"),
        Err(err) => failure(err, lang, format!("/equipe/personnes/{person}?lang={lang}")),
    }
}

async fn set_disabled(state: AppState, person: String, headers: HeaderMap, fields: Fields, disabled: bool) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Some(person) = id(&person) else { return refused(crate::identity::Decision::NotFound, lang) };
    let confirmed = field(&fields, "confirm") == Some("yes");
    match state.staff.people().set_disabled(&signed_in, person, disabled, confirmed, now_millis()).await {
        Ok(()) => person_page(person, lang, if disabled { "fait=disabled" } else { "fait=enabled" }),
        Err(err) => failure(err, lang, format!("/equipe/personnes/{person}?lang={lang}")),
    }
}

/// `POST /equipe/personnes/{person}/desactivation`: no more sign-in; sessions end now.
pub async fn disable(
    State(state): State<AppState>,
    Path(person): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    set_disabled(state, person, headers, fields, true).await
}

/// `POST /equipe/personnes/{person}/reactivation`: the account signs in again.
pub async fn enable(
    State(state): State<AppState>,
    Path(person): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    set_disabled(state, person, headers, fields, false).await
}

/// `POST /equipe/personnes/{person}/lien`: a new single-use link to choose a password
/// (forgotten password, expired invitation); earlier unused links stop working.
pub async fn new_link(
    State(state): State<AppState>,
    Path(person): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let Some(person) = id(&person) else { return refused(crate::identity::Decision::NotFound, lang) };
    match state.staff.people().new_sign_in_link(&signed_in, person, now_millis()).await {
        Ok(secret) => match email_link(&state, person, &secret, lang).await {
            Ok(()) => with_cookie(person_page(person, lang, "fait=link"), new_link_cookie(&state, person, &secret)),
            Err(response) => response,
        },
        Err(err) => failure(err, lang, format!("/equipe/personnes/{person}?lang={lang}")),
    }
}
