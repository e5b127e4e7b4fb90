//! Staff form posts: signing in and out, accepting an account invitation, creating and
//! closing campaigns, issuing invitation links, and the campaign's poster code. Each
//! post checks its origin and a form token (the session's, or a double-submit token
//! before any session exists), then asks the policy; POST-redirect-GET throughout.

use super::{ACCOUNT_INVITATION_COOKIE, SIGN_IN_LINK_COOKIE, session_cookie_name};
use crate::audit::{self, AuditEvent};
use crate::campaigns::{CampaignAdmin, CampaignError, NewCampaign};
use crate::clock::now_millis;
use crate::error::ApiError;
use crate::forms::{Fields, cookies, field, lang_of, same_origin, see_other, with_cookie};
use crate::identity::{Action, Decision, IdentityError, SignedIn, decide};
use crate::respondents::cookies::{CONSENT_COOKIE, clear_cookie, cookie_value};
use crate::respondents::handlers::throttled;
use crate::respondents::secrets::constant_time_eq;
use crate::startup::AppState;
use app::i18n::Lang;
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::fmt::Write as _;
use std::net::SocketAddr;

/// The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS; it lives as long as
/// the session's absolute limit at most (the server enforces the limits anyway).
pub(crate) fn session_cookie(state: &AppState, secret: &str) -> String {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let max_age = crate::identity::service::ABSOLUTE_LIMIT_MS / 1000;
    format!(
        "{}={secret}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        session_cookie_name(state.secure_cookies)
    )
}

fn forbidden(lang: &str) -> Response {
    (StatusCode::FORBIDDEN, Lang::from_tag(lang).unwrap_or_default().t("form-expired")).into_response()
}

/// Forms sent before a session exists carry a double-submit token: the same random
/// value in a cookie and in a field.
fn pre_session_form_ok(headers: &HeaderMap, fields: &Fields) -> bool {
    let cookie_header = cookies(headers);
    let expected = cookie_value(&cookie_header, CONSENT_COOKIE).unwrap_or_default();
    same_origin(headers)
        && !expected.is_empty()
        && constant_time_eq(expected, field(fields, "form_token").unwrap_or(""))
}

/// The signed-in person behind a staff form, with origin and form token checked;
/// otherwise the response to send (sign-in page, or 403 for a forged form).
pub(crate) async fn staff_form(state: &AppState, headers: &HeaderMap, fields: &Fields) -> Result<SignedIn, Response> {
    let lang = lang_of(fields);
    let signed_in =
        state.staff.signed_in(&cookies(headers)).await.map_err(|e| ApiError::Unavailable(e).into_response())?;
    let Some(signed_in) = signed_in else {
        return Err(see_other(format!("/connexion?lang={lang}")));
    };
    if !same_origin(headers) || !constant_time_eq(&signed_in.csrf_token, field(fields, "csrf").unwrap_or("")) {
        tracing::warn!(target: "security", event = "staff_form_refused", person = signed_in.person_id);
        return Err(forbidden(lang));
    }
    Ok(signed_in)
}

pub(crate) fn refused(decision: Decision, lang: &str) -> Response {
    match decision {
        Decision::Allow => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        Decision::SignInRequired => see_other(format!("/connexion?lang={lang}")),
        Decision::Forbidden => {
            (StatusCode::FORBIDDEN, Lang::from_tag(lang).unwrap_or_default().t("staff-forbidden-body")).into_response()
        }
        Decision::NotFound => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Records what a signed-in person did to a campaign; the response to send if the log
/// cannot be written.
async fn audit_campaign(
    state: &AppState,
    signed_in: &SignedIn,
    action: &str,
    (public_id, institution_id): (&str, i32),
    detail: String,
) -> Result<(), Response> {
    let event = AuditEvent {
        actor: signed_in.actor(),
        action: action.to_string(),
        subject: format!("campaign:{public_id}"),
        detail,
        institution: Some(institution_id),
    };
    audit::append(&state.db, event).await.map_err(|err| ApiError::Unavailable(err).into_response())
}

/// `POST /connexion`: email and password.
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    if !pre_session_form_ok(&headers, &fields) {
        return forbidden(lang);
    }
    if let Some(wait) = state.failed_sign_ins.blocked_for(peer.ip()) {
        tracing::warn!(target: "security", event = "sign_in_throttled", peer = %peer.ip());
        return sign_in_throttled(lang, wait.as_millis().try_into().unwrap_or(i64::MAX));
    }
    let next = app::staff::safe_next(field(&fields, "suite"));
    let email = field(&fields, "email").unwrap_or_default();
    let password = field(&fields, "password").unwrap_or_default();
    match state.identity.sign_in_with_password(email, password, now_millis()).await {
        Ok(session) => with_cookie(see_other(format!("{next}?lang={lang}")), session_cookie(&state, &session.secret)),
        Err(IdentityError::Db(err)) => ApiError::Unavailable(err).into_response(),
        Err(err) => {
            state.failed_sign_ins.record(peer.ip());
            match err {
                IdentityError::Locked { retry_after_ms } => sign_in_throttled(lang, retry_after_ms),
                err => see_other(format!("/connexion?lang={lang}&erreur={}", err.key())),
            }
        }
    }
}

/// Back to the sign-in page with the one message for every limit (this address, or
/// this account whether it exists or not), the wait in whole minutes, and
/// `Retry-After` in seconds.
fn sign_in_throttled(lang: &str, wait_ms: i64) -> Response {
    let seconds = (wait_ms.max(1) + 999) / 1000;
    let minutes = (seconds + 59) / 60;
    let mut response = see_other(format!("/connexion?lang={lang}&erreur=signin-throttled&attente={minutes}"));
    if let Ok(value) = header::HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// `POST /deconnexion`: ends the session; its cookie is refused from now on.
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap, Form(fields): Form<Fields>) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let cookie_header = cookies(&headers);
    if let Some(secret) = cookie_value(&cookie_header, session_cookie_name(state.secure_cookies))
        && let Err(err) = state.identity.sign_out(secret, now_millis()).await
    {
        return ApiError::Unavailable(err).into_response();
    }
    tracing::info!(target: "security", event = "signed_out", person = signed_in.person_id);
    with_cookie(
        see_other(format!("/connexion?lang={lang}&fin=1")),
        clear_cookie(session_cookie_name(state.secure_cookies)),
    )
}

/// `GET /connexion/invitation/{token}`: an account invitation link. The token is
/// exchanged for a short-lived cookie and the browser sent to a URL without it.
pub async fn open_account_invitation(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if let Some(refusal) = throttled(&state, peer, &headers) {
        return refusal;
    }
    let holder = state.identity.invitation_holder(&token, now_millis()).await.map(|found| found.is_some());
    link_for_cookie(&state, peer, holder, (ACCOUNT_INVITATION_COOKIE, &token, 3600), "/connexion/bienvenue")
}

/// A sign-in link opened: a known one is exchanged for an HttpOnly cookie under
/// `/connexion` lasting `max_age` seconds; an unknown one counts towards the address's
/// limit. Either way the browser goes to `page`, an address without the secret.
fn link_for_cookie(
    state: &AppState,
    peer: SocketAddr,
    known: Result<bool, sea_orm::DbErr>,
    (cookie_name, token, max_age): (&str, &str, i64),
    page: &str,
) -> Response {
    match known {
        Ok(true) => {
            let secure = if state.secure_cookies { "; Secure" } else { "" };
            let cookie =
                format!("{cookie_name}={token}; Path=/connexion; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
            with_cookie(see_other(page.to_string()), cookie)
        }
        Ok(false) => {
            state.failed_lookups.record(peer.ip());
            tracing::warn!(target: "security", event = "unknown_sign_in_link", cookie = cookie_name, peer = %peer.ip());
            see_other(page.to_string())
        }
        Err(err) => ApiError::Unavailable(err).into_response(),
    }
}

/// `POST /connexion/bienvenue`: the invited person's new password; signs them in.
pub async fn accept_account_invitation(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    if !pre_session_form_ok(&headers, &fields) {
        return forbidden(lang);
    }
    let cookie_header = cookies(&headers);
    let Some(secret) = cookie_value(&cookie_header, ACCOUNT_INVITATION_COOKIE) else {
        return see_other(format!("/connexion/bienvenue?lang={lang}"));
    };
    let password = field(&fields, "password").unwrap_or_default();
    if password != field(&fields, "password_confirm").unwrap_or_default() {
        return see_other(format!("/connexion/bienvenue?lang={lang}&erreur=password-mismatch"));
    }
    match state.identity.accept_invitation(secret, password, now_millis()).await {
        Ok(session) => {
            let response =
                with_cookie(see_other(format!("/equipe?lang={lang}")), session_cookie(&state, &session.secret));
            with_cookie(
                response,
                format!("{ACCOUNT_INVITATION_COOKIE}=; Path=/connexion; Max-Age=0; HttpOnly; SameSite=Lax"),
            )
        }
        Err(IdentityError::Db(err)) => ApiError::Unavailable(err).into_response(),
        Err(err) => see_other(format!("/connexion/bienvenue?lang={lang}&erreur={}", err.key())),
    }
}

/// `POST /connexion/lien`: emails a sign-in link to the address typed, if it is an
/// enabled account's. The answer is the same either way, so the form tells nobody
/// which addresses have accounts.
pub async fn request_sign_in_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    if !pre_session_form_ok(&headers, &fields) {
        return forbidden(lang);
    }
    // Where they were going is not carried through the mail: the link leads to the staff home.
    let back = format!("/connexion?lang={lang}");
    let Ok(address) = crate::mail::parse_address(field(&fields, "email").unwrap_or_default()) else {
        return see_other(format!("{back}&erreur=receipt-email-error-address#link-email"));
    };
    // Over the limit, the answer is the same as when a link is sent: nothing tells
    // whether the address has an account, nor that it is being flooded.
    if state.mail_quotas.allow(peer.ip(), &address, None) {
        let language = Lang::from_tag(lang).unwrap_or_default();
        match state.identity.send_sign_in_link(address.as_ref(), language, &state.public_url, now_millis()).await {
            Ok(true) => state.postman.ring(),
            Ok(false) => {}
            Err(IdentityError::Db(err)) => return ApiError::Unavailable(err).into_response(),
            Err(err) => return see_other(format!("{back}&erreur={}", err.key())),
        }
    } else {
        tracing::warn!(target: "security", event = "sign_in_link_throttled", peer = %peer.ip());
    }
    see_other(format!("{back}&lien=envoye#link-sent"))
}

/// `GET /connexion/lien/{token}`: an emailed sign-in link. The token is exchanged for
/// a short-lived cookie and the browser sent to a URL without it; signing in takes a
/// click there (`POST /connexion/lien/utiliser`).
pub async fn open_sign_in_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    if let Some(refusal) = throttled(&state, peer, &headers) {
        return refusal;
    }
    let holder = state.identity.sign_in_link_holder(&token, now_millis()).await.map(|found| found.is_some());
    let max_age = crate::identity::service::EMAIL_LINK_LIFETIME_MS / 1000;
    link_for_cookie(&state, peer, holder, (SIGN_IN_LINK_COOKIE, &token, max_age), "/connexion/lien")
}

/// `POST /connexion/lien/utiliser`: uses the emailed link this browser holds; signs in.
pub async fn use_sign_in_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    if !pre_session_form_ok(&headers, &fields) {
        return forbidden(lang);
    }
    let cookie_header = cookies(&headers);
    let Some(secret) = cookie_value(&cookie_header, SIGN_IN_LINK_COOKIE) else {
        return see_other(format!("/connexion/lien?lang={lang}"));
    };
    let spent = format!("{SIGN_IN_LINK_COOKIE}=; Path=/connexion; Max-Age=0; HttpOnly; SameSite=Lax");
    match state.identity.sign_in_with_link(secret, now_millis()).await {
        Ok(session) => {
            let response =
                with_cookie(see_other(format!("/equipe?lang={lang}")), session_cookie(&state, &session.secret));
            with_cookie(response, spent)
        }
        Err(IdentityError::Db(err)) => ApiError::Unavailable(err).into_response(),
        Err(_) => with_cookie(see_other(format!("/connexion/lien?lang={lang}")), spent),
    }
}

/// `POST /equipe/campagnes`: creates a campaign in one of the caller's institutions.
pub async fn create_campaign(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let institution = field(&fields, "institution").unwrap_or_default();
    // The form offers only the caller's institutions: another one is not theirs to name.
    let Some(grant) = signed_in.grants.iter().find(|g| g.institution_slug == institution) else {
        return refused(Decision::NotFound, lang);
    };
    let decision = decide(&signed_in.caller(), Action::RunCampaigns { institution: grant.institution_id });
    if !decision.allowed() {
        return refused(decision, lang);
    }
    let back = |key: &str| see_other(format!("/equipe/campagnes/nouvelle?lang={lang}&erreur={key}"));
    let title = field(&fields, "title").unwrap_or_default().trim().to_string();
    let audience = field(&fields, "audience").unwrap_or_default().trim().to_string();
    if title.is_empty() || title.chars().count() > 200 || audience.is_empty() || audience.chars().count() > 1000 {
        return back("campaign-error-title");
    }
    let Some(min_cell_size) =
        field(&fields, "min_cell_size").and_then(|v| v.trim().parse::<u32>().ok()).filter(|k| (3..=1000).contains(k))
    else {
        return back("campaign-error-k");
    };
    let day = |name: &str| -> Result<Option<i64>, ()> {
        match field(&fields, name).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(text) => survey_defs::parse_iso_date(text).map(|days| Some(i64::from(days) * 86_400_000)).ok_or(()),
        }
    };
    let (Ok(closes_at), Ok(Some(results_at))) = (day("closes_on"), day("results_on")) else {
        return back("campaign-error-dates");
    };
    if closes_at.is_some_and(|close| close > results_at) {
        return back("campaign-error-dates");
    }
    let languages: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "languages")
        .filter_map(|(_, v)| Lang::from_tag(v))
        .map(|l| l.tag().to_string())
        .collect();
    if !languages.iter().any(|l| l == "fr") {
        return back("campaign-error-languages");
    }
    let new = NewCampaign {
        institution: grant.institution_slug.clone(),
        questionnaire: field(&fields, "questionnaire").unwrap_or_default().to_string(),
        title,
        audience,
        invitations_only: field(&fields, "distribution") == Some("invitations"),
        min_cell_size,
        // The closing date's whole day is included.
        closes_at: closes_at.map(|day| day + 86_400_000),
        results_promised_at: results_at,
        languages,
    };
    match CampaignAdmin::new(state.db.clone()).create(new).await {
        Ok(id) => {
            let created = (id.as_str(), grant.institution_id);
            if let Err(response) = audit_campaign(&state, &signed_in, "campaign.created", created, String::new()).await
            {
                return response;
            }
            see_other(format!("/equipe/campagnes/{id}?lang={lang}"))
        }
        Err(CampaignError::UnknownQuestionnaire(_) | CampaignError::UnknownInstitution(_)) => {
            back("campaign-error-questionnaire")
        }
        Err(CampaignError::Invalid(_)) => back("campaign-error-title"),
        Err(CampaignError::UnsupportedLanguage(_)) => back("campaign-error-languages"),
        Err(CampaignError::UnknownCampaign(_)) => StatusCode::NOT_FOUND.into_response(),
        Err(CampaignError::Db(err)) => ApiError::Unavailable(err).into_response(),
    }
}

/// The campaign a staff post is about, if the caller may do `action` on it.
async fn campaign_for_post(
    state: &AppState,
    signed_in: &SignedIn,
    campaign: &str,
    action: impl Fn(i32) -> Action,
    lang: &str,
) -> Result<crate::entities::campaign::Model, Response> {
    match state.staff.campaign_for(signed_in, campaign, action).await {
        Ok((Decision::Allow, Some(found))) => Ok(found),
        Ok((decision, _)) => Err(refused(decision, lang)),
        Err(err) => Err(ApiError::Unavailable(err).into_response()),
    }
}

/// `POST /equipe/campagnes/{campaign}/cloture`: closes the campaign now.
pub async fn close_campaign(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let found = match campaign_for_post(
        &state,
        &signed_in,
        &campaign,
        |institution| Action::RunCampaigns { institution },
        lang,
    )
    .await
    {
        Ok(found) => found,
        Err(response) => return response,
    };
    if field(&fields, "confirm") != Some("yes") {
        return see_other(format!("/equipe/campagnes/{campaign}?lang={lang}&erreur=confirm-close-missing"));
    }
    if let Err(err) = CampaignAdmin::new(state.db.clone()).close(&found.public_id).await {
        return campaign_failure(err);
    }
    if let Err(response) =
        audit_campaign(&state, &signed_in, "campaign.closed", (&found.public_id, found.institution_id), String::new())
            .await
    {
        return response;
    }
    see_other(format!("/equipe/campagnes/{campaign}?lang={lang}&ferme=1"))
}

fn campaign_failure(err: CampaignError) -> Response {
    match err {
        CampaignError::Db(err) => ApiError::Unavailable(err).into_response(),
        CampaignError::UnknownCampaign(_)
        | CampaignError::UnknownInstitution(_)
        | CampaignError::UnknownQuestionnaire(_) => StatusCode::NOT_FOUND.into_response(),
        CampaignError::Invalid(message) => ApiError::BadRequest(message).into_response(),
        CampaignError::UnsupportedLanguage(language) => {
            ApiError::BadRequest(format!("unsupported language {language}")).into_response()
        }
    }
}

/// `POST /equipe/campagnes/{campaign}/invitations`: issues single-use links and answers
/// with them as a CSV download, the only time they are ever shown.
pub async fn issue_invitations(
    State(state): State<AppState>,
    Path(campaign): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let lang = lang_of(&fields);
    let signed_in = match staff_form(&state, &headers, &fields).await {
        Ok(signed_in) => signed_in,
        Err(response) => return response,
    };
    let found = match campaign_for_post(
        &state,
        &signed_in,
        &campaign,
        |institution| Action::IssueInvitations { institution },
        lang,
    )
    .await
    {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(count) =
        field(&fields, "count").and_then(|v| v.trim().parse::<u32>().ok()).filter(|n| (1..=5000).contains(n))
    else {
        return see_other(format!("/equipe/campagnes/{campaign}?lang={lang}&erreur=invitation-count"));
    };
    let tokens = match CampaignAdmin::new(state.db.clone()).invite(&found.public_id, count).await {
        Ok(tokens) => tokens,
        Err(err) => return campaign_failure(err),
    };
    if let Err(response) = audit_campaign(
        &state,
        &signed_in,
        "campaign.invitations_issued",
        (&found.public_id, found.institution_id),
        count.to_string(),
    )
    .await
    {
        return response;
    }
    // Links start with "http": no cell can be read as a spreadsheet formula.
    let mut csv = String::from("number,link\r\n");
    for (n, token) in tokens.iter().enumerate() {
        let _ = write!(csv, "{},{}/i/{token}\r\n", n + 1, state.public_url);
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"invitations-{}.csv\"", found.public_id)),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        csv,
    )
        .into_response()
}

/// `GET /equipe/campagnes/{campaign}/affiche.svg`: the open link's QR code, to print.
pub async fn poster(State(state): State<AppState>, Path(campaign): Path<String>, headers: HeaderMap) -> Response {
    let signed_in = match state.staff.signed_in(&cookies(&headers)).await {
        Ok(Some(signed_in)) => signed_in,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(err) => return ApiError::Unavailable(err).into_response(),
    };
    let found = match campaign_for_post(
        &state,
        &signed_in,
        &campaign,
        |institution| Action::SeeCampaigns { institution },
        "fr",
    )
    .await
    {
        Ok(found) => found,
        Err(response) => return response,
    };
    if found.anonymity != "anonymous" {
        return StatusCode::NOT_FOUND.into_response();
    }
    let link = format!("{}/r/{}", state.public_url, found.public_id);
    match app::qr::qr_svg(&link) {
        Some(svg) => (
            [
                (header::CONTENT_TYPE, "image/svg+xml".to_string()),
                (header::CONTENT_DISPOSITION, format!("attachment; filename=\"boucle-{}.svg\"", found.public_id)),
            ],
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}"),
        )
            .into_response(),
        None => ApiError::Internal("the QR code could not be drawn".into()).into_response(),
    }
}
