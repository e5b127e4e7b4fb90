//! Downloads of identifying data, for admins only (`Action::ExportIdentifyingData`):
//! the people of their institutions, and the addresses respondents left to hear about a
//! campaign's results. Each download is written to the audit log before it is sent;
//! nothing here ever joins an address to answers.

use crate::audit::{self, AuditEvent};
use crate::clock::iso_date;
use crate::entities::return_contact;
use crate::error::ApiError;
use crate::forms::cookies;
use crate::identity::{Action, Decision, SignedIn, decide};
use crate::results::handlers::{attachment, campaign_allowed};
use crate::startup::AppState;
use analytics::csv_record;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

const CSV: &str = "text/csv; charset=utf-8";

async fn log_export(
    state: &AppState,
    who: &SignedIn,
    subject: String,
    rows: usize,
    institution: i32,
) -> Result<(), Response> {
    let event = AuditEvent {
        actor: who.actor(),
        action: "identifying_data.exported".to_string(),
        subject,
        detail: format!("{rows} rows"),
        institution: Some(institution),
    };
    audit::append(&state.db, event).await.map_err(|err| ApiError::Unavailable(err).into_response())
}

/// `GET /equipe/personnes.csv`: the people of every institution the caller administers,
/// one row per role: name, email, institution, role, account status, last sign-in date.
pub async fn people_csv(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let signed_in = match state.staff.signed_in(&cookies(&headers)).await {
        Ok(Some(signed_in)) => signed_in,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(err) => return ApiError::Unavailable(err).into_response(),
    };
    let caller = signed_in.caller();
    let institutions: Vec<i32> = signed_in
        .grants
        .iter()
        .map(|g| g.institution_id)
        .filter(|&id| decide(&caller, Action::ExportIdentifyingData { institution: id }).allowed())
        .collect();
    if institutions.is_empty() {
        return StatusCode::FORBIDDEN.into_response();
    }
    let people = match state.staff.people().list(&signed_in).await {
        Ok(people) => people,
        Err(err) => return ApiError::Internal(err.to_string()).into_response(),
    };
    let mut out = String::new();
    csv_record(&mut out, ["name", "email", "institution", "role", "account", "last_sign_in"]);
    let mut rows = 0;
    for person in &people {
        for membership in person.memberships.iter().filter(|m| institutions.contains(&m.institution_id)) {
            let last = person.last_sign_in.and_then(|at| iso_date(Some(at))).unwrap_or_default();
            csv_record(
                &mut out,
                [
                    person.display_name.as_str(),
                    person.email.as_deref().unwrap_or_default(),
                    membership.institution_name.as_str(),
                    membership.role.key(),
                    person.status.key(),
                    last.as_str(),
                ],
            );
            rows += 1;
        }
    }
    for &institution in &institutions {
        if let Err(response) =
            log_export(&state, &signed_in, format!("people:institution:{institution}"), rows, institution).await
        {
            return response;
        }
    }
    attachment(CSV, "personnes.csv".to_string(), out)
}

/// `GET /equipe/campagnes/{campaign}/adresses.csv`: the addresses respondents left to be
/// told when this campaign's results and decisions are published (email, language, the
/// date they left it). Never linked to answers.
pub async fn contacts_csv(State(state): State<AppState>, Path(campaign): Path<String>, headers: HeaderMap) -> Response {
    let (signed_in, found) = match campaign_allowed(&state, &headers, &campaign, |institution| {
        Action::ExportIdentifyingData { institution }
    })
    .await
    {
        Ok(allowed) => allowed,
        Err(response) => return response,
    };
    let contacts = match return_contact::Entity::find()
        .filter(return_contact::Column::CampaignId.eq(found.id))
        .order_by_asc(return_contact::Column::Email)
        .all(&state.db)
        .await
    {
        Ok(contacts) => contacts,
        Err(err) => return ApiError::Unavailable(err).into_response(),
    };
    if let Err(response) = log_export(
        &state,
        &signed_in,
        format!("campaign:{}:contacts", found.public_id),
        contacts.len(),
        found.institution_id,
    )
    .await
    {
        return response;
    }
    let mut out = String::new();
    csv_record(&mut out, ["email", "language", "left_on"]);
    for contact in &contacts {
        let day = iso_date(Some(contact.created_at)).unwrap_or_default();
        csv_record(&mut out, [contact.email.as_str(), contact.lang.as_str(), day.as_str()]);
    }
    attachment(CSV, format!("{}-adresses.csv", found.public_id), out)
}

/// The decision for a page that shows whether these downloads are offered.
pub fn may_export_identifying_data(signed_in: &SignedIn, institution: i32) -> bool {
    decide(&signed_in.caller(), Action::ExportIdentifyingData { institution }) == Decision::Allow
}
