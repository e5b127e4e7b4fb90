//! HTTP for respondents: plain HTML form posts answered with POST-redirect-GET (so the
//! whole journey works without JavaScript and the back button never resubmits), the
//! return-link exchange (secret in, cookie set, redirect to a URL without it), and the
//! JSON submission API. Every post checks its origin and a form token.

use super::cookies::{
    CONSENT_COOKIE, INVITATION_COOKIE, RETURN_COOKIE, clear_cookie, cookie_value, resume_cookie_name, set_cookie,
};
use super::secrets::{constant_time_eq, random_secret};
use super::service::{RESUME_DAYS, RespondentError, RespondentService, SectionOutcome, SubmitOutcome};
use crate::error::ApiError;
use crate::forms::{Fields, cookies, field, lang_of, same_origin, see_other, with_cookie};
use crate::startup::AppState;
use app::catalog::service::ServiceError;
use app::i18n::Lang;
use app::respondent::{RespondentState, ReturnView};
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::net::SocketAddr;
use survey_defs::RawAnswers;

/// 403 for a forged or stale form, in the form's language; nothing was changed.
fn forbidden(lang: &str) -> Response {
    (StatusCode::FORBIDDEN, Lang::from_tag(lang).unwrap_or_default().t("form-expired")).into_response()
}

fn failure(err: RespondentError, campaign: &str, lang: &str) -> Response {
    match err {
        RespondentError::UnknownCampaign => StatusCode::NOT_FOUND.into_response(),
        RespondentError::CampaignNotOpen
        | RespondentError::StaleConsent
        | RespondentError::NoResponse
        | RespondentError::InvitationRequired => see_other(format!("/r/{campaign}?lang={lang}")),
        other => ApiError::from(other).into_response(),
    }
}

impl From<RespondentError> for ApiError {
    fn from(err: RespondentError) -> Self {
        match err {
            RespondentError::UnknownCampaign | RespondentError::NoResponse => ApiError::NotFound,
            RespondentError::CampaignNotOpen => {
                ApiError::Conflict("campaign_closed", "The campaign does not accept answers now")
            }
            RespondentError::StaleConsent => {
                ApiError::Conflict("consent_changed", "The consent text has changed; show it again")
            }
            RespondentError::InvitationRequired => {
                ApiError::Conflict("invitation_required", "This campaign takes answers only through invitations")
            }
            RespondentError::IdempotencyConflict => {
                ApiError::Conflict("idempotency_conflict", "This idempotency key was already used for other answers")
            }
            RespondentError::Invalid(problems) => ApiError::Validation(problems),
            RespondentError::Db(db) => ApiError::Unavailable(db),
            RespondentError::Results(err) => ApiError::Internal(err.to_string()),
            RespondentError::Corrupt(version) => {
                ApiError::Internal(format!("stored questionnaire version {version} is invalid"))
            }
        }
    }
}

/// `POST /r/{campaign}/consent`: records consent, opens a response, sets the resume cookie.
pub async fn consent(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let cookie_header = cookies(&headers);
    let expected = cookie_value(&cookie_header, CONSENT_COOKIE);
    let sent = field(&fields, "form_token");
    if !same_origin(&headers)
        || expected.is_none()
        || !constant_time_eq(expected.unwrap_or_default(), sent.unwrap_or_default())
    {
        return forbidden(lang);
    }
    if field(&fields, "consent") != Some("yes") {
        return see_other(format!("/r/{campaign}?lang={lang}&consent=missing#consent"));
    }
    let version = field(&fields, "consent_version").unwrap_or_default();
    let invitation = cookie_value(&cookie_header, INVITATION_COOKIE);
    match state.respondents.start(&campaign, lang, version, invitation).await {
        Ok(resume) => with_cookie(
            see_other(format!("/r/{campaign}/q/1?lang={lang}")),
            set_cookie(&resume_cookie_name(&campaign), &resume, RESUME_DAYS, state.secure_cookies),
        ),
        Err(err) => failure(err, &campaign, lang),
    }
}

fn resume_secret(headers: &HeaderMap, campaign: &str) -> Option<String> {
    cookie_value(&cookies(headers), &resume_cookie_name(campaign)).map(str::to_string)
}

fn check_form(state: &AppState, headers: &HeaderMap, fields: &Fields, resume: &str) -> bool {
    same_origin(headers)
        && constant_time_eq(&state.respondents.form_token(resume), field(fields, "form_token").unwrap_or_default())
}

/// `POST /r/{campaign}/q/{n}`: saves screen `n` (1-based, `survey_defs::screens`) and goes on, or back to it
/// with its problems and everything typed kept.
pub async fn save_section(
    State(state): State<AppState>,
    Path((campaign, number)): Path<(String, usize)>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let Some(resume) = resume_secret(&headers, &campaign) else {
        return see_other(format!("/r/{campaign}?lang={lang}"));
    };
    if !check_form(&state, &headers, &fields, &resume) {
        return forbidden(lang);
    }
    if let Some(refusal) = too_many_posts(&state, &resume, lang) {
        return refusal;
    }
    let index = number.saturating_sub(1);
    match state.respondents.save_screen(&campaign, &resume, index, &fields).await {
        Ok(SectionOutcome::Saved { next: Some(next) }) => {
            see_other(format!("/r/{campaign}/q/{}?lang={lang}", next + 1))
        }
        Ok(SectionOutcome::Saved { next: None }) => see_other(format!("/r/{campaign}/review?lang={lang}")),
        Ok(SectionOutcome::Rejected) => see_other(format!("/r/{campaign}/q/{number}?lang={lang}#error-summary")),
        Err(err) => failure(err, &campaign, lang),
    }
}

/// `POST /r/{campaign}/submit`: stores the response once, then shows the receipt.
pub async fn submit(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let Some(resume) = resume_secret(&headers, &campaign) else {
        return see_other(format!("/r/{campaign}?lang={lang}"));
    };
    if !check_form(&state, &headers, &fields, &resume) {
        return forbidden(lang);
    }
    if let Some(refusal) = too_many_posts(&state, &resume, lang) {
        return refusal;
    }
    match state.respondents.submit(&campaign, &resume).await {
        Ok(SubmitOutcome::Submitted) => see_other(format!("/r/{campaign}/merci?lang={lang}")),
        Ok(SubmitOutcome::Incomplete { screen }) => {
            see_other(format!("/r/{campaign}/q/{}?lang={lang}#error-summary", screen + 1))
        }
        Err(err) => failure(err, &campaign, lang),
    }
}

/// 429 once a respondent's browser has sent more answer forms in a minute than a person
/// can (a script replaying its token); what was saved before stays saved.
fn too_many_posts(state: &AppState, resume: &str, lang: &str) -> Option<Response> {
    if state.answer_posts.try_take(&super::secrets::hash_secret(resume)) {
        return None;
    }
    tracing::warn!(target: "security", event = "answer_posts_throttled");
    let text = Lang::from_tag(lang).unwrap_or_default().t("too-many-posts");
    Some((StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "60")], text).into_response())
}

/// 429 for an address that has guessed too many capability links this minute.
pub(crate) fn throttled(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> Option<Response> {
    state.failed_lookups.is_blocked(peer.ip()).then(|| {
        tracing::warn!(target: "security", event = "token_throttled", peer = %peer.ip());
        let lang = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
            .unwrap_or_default();
        (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "60")], lang.t("too-many-attempts")).into_response()
    })
}

/// `GET /retour/{secret}`: the private return link. The secret is exchanged for a
/// cookie and the browser sent to a URL without it, so it stays out of history,
/// referrers and logs. Unknown secrets count towards the address's limit.
pub async fn open_return_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(secret): Path<String>,
) -> Response {
    if let Some(refusal) = throttled(&state, peer, &headers) {
        return refusal;
    }
    match state.respondents.return_link_valid(&secret).await {
        Ok(true) => with_cookie(
            see_other("/mes-resultats".to_string()),
            set_cookie(RETURN_COOKIE, &secret, 365, state.secure_cookies),
        ),
        Ok(false) => {
            state.failed_lookups.record(peer.ip());
            tracing::warn!(target: "security", event = "unknown_return_link", peer = %peer.ip());
            see_other("/mes-resultats".to_string())
        }
        Err(err) => ApiError::from(err).into_response(),
    }
}

/// `GET /i/{token}`: a single-use invitation link. Like the return link, the token is
/// exchanged for a cookie and the browser sent on to the campaign without it.
pub async fn open_invitation(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if let Some(refusal) = throttled(&state, peer, &headers) {
        return refusal;
    }
    match state.respondents.invitation_campaign(&token).await {
        Ok(Some(campaign)) => with_cookie(
            see_other(format!("/r/{campaign}")),
            set_cookie(INVITATION_COOKIE, &token, RESUME_DAYS, state.secure_cookies),
        ),
        Ok(None) => {
            state.failed_lookups.record(peer.ip());
            tracing::warn!(target: "security", event = "unknown_invitation", peer = %peer.ip());
            see_other("/lien-invalide".to_string())
        }
        Err(err) => ApiError::Unavailable(err).into_response(),
    }
}

/// The return secret behind a form of the return page, with its origin and form token
/// checked; otherwise the response to send (back to the page, or 403 for a forged form).
fn return_form(state: &AppState, headers: &HeaderMap, fields: &Fields) -> Result<String, Box<Response>> {
    let lang = lang_of(fields);
    let Some(secret) = cookie_value(&cookies(headers), RETURN_COOKIE).map(str::to_string) else {
        return Err(Box::new(see_other(format!("/mes-resultats?lang={lang}"))));
    };
    let token_ok = constant_time_eq(
        &state.respondents.return_form_token(&secret),
        field(fields, "form_token").unwrap_or_default(),
    );
    if !same_origin(headers) || !token_ok {
        return Err(Box::new(forbidden(lang)));
    }
    Ok(secret)
}

/// `POST /mes-resultats/retrait`: withdraws the response of this browser's return link.
pub async fn withdraw(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    let lang = lang_of(&fields);
    let secret = match return_form(&state, &headers, &fields) {
        Ok(secret) => secret,
        Err(response) => return *response,
    };
    if field(&fields, "confirm") != Some("yes") {
        return see_other(format!("/mes-resultats?lang={lang}&confirm=missing#withdraw"));
    }
    match state.respondents.withdraw(&secret).await {
        Ok(_) => with_cookie(see_other(format!("/mes-resultats/retire?lang={lang}")), clear_cookie(RETURN_COOKIE)),
        Err(err) => ApiError::from(err).into_response(),
    }
}

/// `POST /r/{campaign}/lien-par-email`: emails the receipt's return link to the
/// address typed, and keeps the address apart from the answers if asked. Back to the
/// receipt with what happened; a bad address is named there.
pub async fn email_return_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let Some(resume) = resume_secret(&headers, &campaign) else {
        return see_other(format!("/r/{campaign}?lang={lang}"));
    };
    if !check_form(&state, &headers, &fields, &resume) {
        return forbidden(lang);
    }
    let back = |outcome: &str| see_other(format!("/r/{campaign}/merci?lang={lang}&email={outcome}#email"));
    let Ok(address) = crate::mail::parse_address(field(&fields, "email").unwrap_or_default()) else {
        return back("invalide");
    };
    if !state.mail_quotas.allow(peer.ip(), &address, Some(&super::secrets::hash_secret(&resume))) {
        tracing::warn!(target: "security", event = "return_link_mail_throttled", peer = %peer.ip());
        return back("limite");
    }
    let keep = field(&fields, "keep_address") == Some("yes");
    let language = Lang::from_tag(lang).unwrap_or_default();
    match state.respondents.email_return_link(&campaign, &resume, address, keep, language, &state.public_url).await {
        Ok(super::EmailedLink::Queued) => {
            state.postman.ring();
            back(if keep { "envoye-suivi" } else { "envoye" })
        }
        Ok(super::EmailedLink::NotSubmitted) => see_other(format!("/r/{campaign}?lang={lang}")),
        Err(err) => failure(err, &campaign, lang),
    }
}

/// `POST /mes-resultats/adresse`: deletes the address kept for this return link.
pub async fn forget_contact(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    let lang = lang_of(&fields);
    let secret = match return_form(&state, &headers, &fields) {
        Ok(secret) => secret,
        Err(response) => return *response,
    };
    match state.respondents.forget_contact(&secret).await {
        Ok(_) => see_other(format!("/mes-resultats?lang={lang}&adresse=effacee#contact")),
        Err(err) => ApiError::from(err).into_response(),
    }
}

/// Body of `POST /api/v1/campaigns/{campaign}/responses`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionBody {
    /// Language the respondent answered in.
    pub language: String,
    /// The consent text version the respondent agreed to.
    pub consent_version: String,
    /// Answers by item id.
    pub answers: RawAnswers,
}

/// `POST /api/v1/campaigns/{campaign}/responses` with an `Idempotency-Key` header:
/// a complete response in one call; a retry with the same key gets the same reply.
pub async fn submit_json(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    body: Result<Json<SubmissionBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .filter(|k| {
            (16..=128).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .ok_or_else(|| {
            ApiError::BadRequest(
                "an Idempotency-Key header of 16 to 128 letters, digits, '-' or '_' is required".into(),
            )
        })?
        .to_string();
    let Json(body) = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        _ => ApiError::BadRequest(rejection.body_text()),
    })?;
    let lang = Lang::from_tag(&body.language).unwrap_or_default().tag();
    let receipt =
        state.respondents.submit_complete(&campaign, &key, lang, &body.consent_version, &body.answers).await?;
    let status = if receipt.created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(receipt)).into_response())
}

/// A fresh consent-form token: the cookie's value if the browser has one.
pub fn consent_token(cookie_header: &str) -> String {
    cookie_value(cookie_header, CONSENT_COOKIE).map(str::to_string).unwrap_or_else(random_secret)
}

fn unavailable(err: RespondentError) -> ServiceError {
    tracing::error!(error = %err, "respondent service failed");
    ServiceError::Unavailable
}

#[async_trait::async_trait]
impl app::respondent::service::Respondents for RespondentService {
    async fn state(&self, campaign: &str, cookie_header: &str) -> Result<Option<RespondentState>, ServiceError> {
        let Some(loaded) = self.campaign(campaign).await.map_err(unavailable)? else {
            return Ok(None);
        };
        let progress = match cookie_value(cookie_header, &resume_cookie_name(campaign)) {
            Some(resume) => self.progress(loaded.row.id, resume).await.map_err(|e| unavailable(e.into()))?,
            None => None,
        };
        let invited = cookie_value(cookie_header, INVITATION_COOKIE).is_some();
        Ok(Some(RespondentState {
            campaign: loaded.info,
            progress,
            consent_token: consent_token(cookie_header),
            invited,
        }))
    }

    async fn return_view(&self, cookie_header: &str, lang: Lang) -> Result<Option<ReturnView>, ServiceError> {
        match cookie_value(cookie_header, RETURN_COOKIE) {
            Some(secret) => RespondentService::return_view(self, secret, lang).await.map_err(unavailable),
            None => Ok(None),
        }
    }
}
