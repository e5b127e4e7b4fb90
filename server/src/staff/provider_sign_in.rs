//! Signing in with an institution's OpenID Connect provider: the redirect to the
//! provider, and its return. The pending sign-in (state, nonce, PKCE verifier) stays in
//! the database, found through a secret in this browser's cookie, so a callback only
//! completes in the browser that started it, once, within ten minutes.

use super::OIDC_ATTEMPT_COOKIE;
use super::handlers::session_cookie;
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::forms::{cookies, see_other, with_cookie};
use crate::identity::IdentityError;
use crate::identity::oidc::OidcError;
use crate::respondents::cookies::cookie_value;
use crate::startup::AppState;
use app::i18n::Lang;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

fn attempt_cookie(state: &AppState, value: &str, max_age: u32) -> String {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    format!("{OIDC_ATTEMPT_COOKIE}={value}; Path=/connexion/oidc; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}")
}

/// The language kept through the round trip (the provider's pages have their own).
#[derive(Debug, Default, Deserialize)]
pub struct StartQuery {
    lang: Option<String>,
}

fn callback_uri(state: &AppState, provider: &str) -> String {
    format!("{}/connexion/oidc/{provider}/retour", state.public_url)
}

fn back_to_sign_in(key: &str, lang: &str) -> Response {
    see_other(format!("/connexion?lang={lang}&erreur={key}"))
}

/// `GET /connexion/oidc/{provider}`: sends the browser to the provider.
pub async fn start(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    Query(query): Query<StartQuery>,
) -> Response {
    let lang = Lang::from_tag(query.lang.as_deref().unwrap_or("fr")).unwrap_or_default().tag();
    let start = match state.oidc.begin(&provider, &callback_uri(&state, &provider)).await {
        Ok(start) => start,
        Err(OidcError::UnknownProvider(_)) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(target: "security", event = "oidc_start_failed", provider = %provider, error = %err);
            return back_to_sign_in("signin-provider-failed", lang);
        }
    };
    match state.identity.keep_pending_sign_in(&start.pending, now_millis()).await {
        Ok(secret) => {
            let lifetime = crate::identity::oidc::PENDING_SIGN_IN_LIFETIME.as_secs();
            let cookie = attempt_cookie(&state, &secret, u32::try_from(lifetime).unwrap_or(600));
            with_cookie(see_other(start.authorize_url), cookie)
        }
        Err(err) => ApiError::Unavailable(err).into_response(),
    }
}

/// What the provider sends back.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    error: Option<String>,
}

/// `GET /connexion/oidc/{provider}/retour`: checks the provider's answer and opens a session.
pub async fn finish(
    State(state): State<AppState>,
    Path(provider): Path<String>,
    Query(callback): Query<Callback>,
    headers: HeaderMap,
) -> Response {
    let lang = "fr";
    let cookie_header = cookies(&headers);
    let clear = attempt_cookie(&state, "", 0);
    let fail = |key: &str| with_cookie(back_to_sign_in(key, lang), clear.clone());
    let Some(secret) = cookie_value(&cookie_header, OIDC_ATTEMPT_COOKIE) else {
        return fail("signin-expired-attempt");
    };
    let pending = match state.identity.take_pending_sign_in(secret, now_millis()).await {
        Ok(Some(pending)) if pending.provider == provider => pending,
        Ok(_) => return fail("signin-expired-attempt"),
        Err(err) => return ApiError::Unavailable(err).into_response(),
    };
    let outcome = match (&callback.error, &callback.code, &callback.state) {
        (None, Some(code), Some(returned_state)) => {
            state.oidc.finish(&pending, code, returned_state, callback.iss.as_deref()).await.map_err(|e| e.key())
        }
        // The person cancelled at the provider, or the provider refused.
        _ => Err("oidc.no_code"),
    };
    let identity = match outcome {
        Ok(identity) => identity,
        Err(reason) => {
            tracing::warn!(target: "security", event = "sign_in_failed", method = "oidc", provider = %provider, reason);
            if let Err(err) = state.identity.record_failed_sign_in(&format!("oidc:{provider}"), reason).await {
                return ApiError::Unavailable(err).into_response();
            }
            return fail("signin-provider-failed");
        }
    };
    let Some(config) = state.oidc.providers().iter().find(|p| p.id == provider) else {
        return fail("signin-provider-failed");
    };
    match state.identity.sign_in_with_provider(config, &identity, now_millis()).await {
        Ok(session) => {
            with_cookie(with_cookie(see_other("/equipe".to_string()), session_cookie(&state, &session.secret)), clear)
        }
        Err(IdentityError::Db(err)) => ApiError::Unavailable(err).into_response(),
        Err(err) => {
            tracing::warn!(target: "security", event = "sign_in_failed", method = "oidc", provider = %provider, reason = err.key());
            if let Err(db) = state.identity.record_failed_sign_in(&format!("oidc:{provider}"), err.key()).await {
                return ApiError::Unavailable(db).into_response();
            }
            fail(err.key())
        }
    }
}
