//! The staff side as the UI sees it: signing in, the campaigns of one's institutions,
//! one campaign's figures and distribution, the audit log, and for admins the people
//! of their institutions. The data comes from the `StaffDesk` service the server
//! provides through context; the service reads the session cookie itself and applies
//! the access policy, so every answer here already says whether the caller may see it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where to go after signing in: a staff path only, so the sign-in form cannot be made
/// to send people to another site.
pub fn safe_next(next: Option<&str>) -> &str {
    next.filter(|n| n.starts_with("/equipe") && !n.contains("//") && !n.contains('\\')).unwrap_or("/equipe")
}

/// What a staff page gets: the data, or why not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StaffAnswer<T> {
    /// The caller may see it.
    Ready(T),
    /// No live session: sign in first.
    SignInRequired,
    /// Signed in, but the role does not allow it.
    Forbidden,
    /// Nothing by that name for this caller (also objects of other institutions).
    NotFound,
}

/// One role the signed-in person holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleHeld {
    /// Institution slug.
    pub institution: String,
    /// Institution name.
    pub institution_name: String,
    /// Role key (`admin`, `quality_team`, `professional`, `patient_partner`, `observer`).
    pub role: String,
}

/// The signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// Their name.
    pub display_name: String,
    /// Token to put in every form (CSRF defence).
    pub csrf_token: String,
    /// Their roles.
    pub roles: Vec<RoleHeld>,
    /// Institutions (slug, name) where they may create campaigns.
    pub can_run_campaigns_in: Vec<(String, String)>,
    /// Whether they may read an audit log (admin somewhere).
    pub can_read_audit: bool,
    /// Whether they may manage people somewhere (admin somewhere).
    pub can_manage_people: bool,
}

/// A campaign in a list: counts only, never answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRow {
    /// Public identifier.
    pub public_id: String,
    /// Title.
    pub title: String,
    /// Institution name.
    pub institution_name: String,
    /// Questionnaire title (French or first language).
    pub questionnaire_title: String,
    /// `open` or `closed`.
    pub status: String,
    /// Submitted responses.
    pub submitted: u64,
    /// Started, not yet submitted.
    pub in_progress: u64,
}

/// The staff home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHome {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Campaigns of every institution they hold a role in, newest first.
    pub campaigns: Vec<CampaignRow>,
}

/// One campaign, for the people who run it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDesk {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Counts.
    pub row: CampaignRow,
    /// Audience, as written.
    pub audience: String,
    /// Anonymous open link (`false`) or invitations only.
    pub invitations_only: bool,
    /// Smallest group any result is shown for.
    pub min_cell_size: u32,
    /// Languages offered.
    pub languages: Vec<String>,
    /// Closing date (ISO), if any.
    pub closes_on: Option<String>,
    /// Promised return of results (ISO).
    pub results_promised_on: Option<String>,
    /// Invitations issued, and used.
    pub invitations: (u64, u64),
    /// The open link, absolute (for posters and the QR code); `None` for invitation-only campaigns.
    pub open_link: Option<String>,
    /// May create invitations and close the campaign.
    pub can_run: bool,
    /// How many respondents left an address to hear about the results; only for those
    /// who may download identifying data (admins).
    pub contacts: Option<u64>,
}

/// What the new-campaign form offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCampaignOptions {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Published questionnaires (slug, title).
    pub questionnaires: Vec<(String, String)>,
}

/// One audit entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Entry number.
    pub id: i64,
    /// When (UTC, `YYYY-MM-DD HH:MM:SS`).
    pub occurred_at: String,
    /// Who.
    pub actor: String,
    /// What (stable key).
    pub action: String,
    /// To what.
    pub subject: String,
}

/// The audit log page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Matching entries, newest first (at most 200).
    pub entries: Vec<AuditRow>,
    /// Whether the whole chain verifies; `Some(id)` is the first broken entry.
    pub first_broken: Option<i64>,
}

/// Holds a sign-in link just issued, between the form post and the person's page that
/// shows it once (`{person id}.{secret}`); the page clears it.
pub const NEW_LINK_COOKIE: &str = "boucle_new_link";

/// A person with a role in the admin's institutions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    /// Id, in `/equipe/personnes/{id}`.
    pub id: i32,
    /// Name.
    pub display_name: String,
    /// Email address.
    pub email: String,
    /// Their roles in the admin's institutions only.
    pub roles: Vec<PersonRole>,
    /// `active`, `invited` or `disabled`.
    pub status: String,
    /// Last sign-in, UTC (`YYYY-MM-DD HH:MM`), if known.
    pub last_sign_in: Option<String>,
}

/// One role of a person, in one of the admin's institutions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRole {
    /// The membership's id, in form addresses.
    pub membership: i32,
    /// Institution name.
    pub institution_name: String,
    /// Role key.
    pub role: String,
}

/// The people page: everyone with a role in the admin's institutions, and the
/// invitation form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// By name.
    pub people: Vec<PersonRow>,
    /// Institutions (slug, name) where they may invite people.
    pub institutions: Vec<(String, String)>,
}

/// One person's page, for an admin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// The person.
    pub person: PersonRow,
    /// The admin themself: they may change their roles (not the last admin's) but not
    /// disable their own account.
    pub is_self: bool,
    /// The admin manages every institution the person belongs to, so may disable the
    /// account or issue it a sign-in link.
    pub manages_account: bool,
    /// A sign-in link issued just now, shown this once.
    pub new_link: Option<String>,
}

/// A configured sign-in provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderLink {
    /// Its id, in `/connexion/oidc/{id}`.
    pub id: String,
    /// Its button text.
    pub label: String,
}

/// The sign-in page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInOptions {
    /// Providers to offer.
    pub providers: Vec<ProviderLink>,
    /// Token for the sign-in form (double-submit, before any session exists).
    pub form_token: String,
    /// Already signed in as this person.
    pub signed_in_as: Option<String>,
}

/// The page where an invited person chooses a password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountInvitation {
    /// Their name.
    pub display_name: String,
    /// Their email address.
    pub email: String,
    /// Token for the form.
    pub form_token: String,
}

/// The page where someone uses a sign-in link they received by email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInLink {
    /// Whom the link signs in.
    pub display_name: String,
    /// Token for the form.
    pub form_token: String,
}

/// Domain services for staff pages. Implemented by `server`.
#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::catalog::service::ServiceError;

    /// Read access for staff pages; `cookies` is the request's `Cookie` header.
    #[async_trait::async_trait]
    pub trait StaffDesk: Send + Sync {
        /// The sign-in page.
        async fn sign_in_options(&self, cookies: &str) -> Result<SignInOptions, ServiceError>;
        /// The invitation this browser holds, if still valid.
        async fn account_invitation(&self, cookies: &str) -> Result<Option<AccountInvitation>, ServiceError>;
        /// The emailed sign-in link this browser holds, if still valid.
        async fn sign_in_link(&self, cookies: &str) -> Result<Option<SignInLink>, ServiceError>;
        /// The staff home page.
        async fn home(&self, cookies: &str) -> Result<StaffAnswer<StaffHome>, ServiceError>;
        /// One campaign.
        async fn campaign(&self, cookies: &str, public_id: &str) -> Result<StaffAnswer<CampaignDesk>, ServiceError>;
        /// The new-campaign form.
        async fn new_campaign(&self, cookies: &str) -> Result<StaffAnswer<NewCampaignOptions>, ServiceError>;
        /// The audit log, filtered by action key prefix.
        async fn audit(&self, cookies: &str, action: &str) -> Result<StaffAnswer<AuditPage>, ServiceError>;
        /// The people of the admin's institutions.
        async fn people(&self, cookies: &str) -> Result<StaffAnswer<PeoplePage>, ServiceError>;
        /// One person, as an admin of one of their institutions sees them.
        async fn person(&self, cookies: &str, person: i32) -> Result<StaffAnswer<PersonPage>, ServiceError>;
    }
}

#[cfg(feature = "ssr")]
fn desk() -> Result<std::sync::Arc<dyn service::StaffDesk>, ServerFnError> {
    use_context::<std::sync::Arc<dyn service::StaffDesk>>().ok_or_else(|| ServerFnError::new("staff desk not provided"))
}

#[cfg(feature = "ssr")]
fn cookies() -> String {
    crate::respondent::request_cookies()
}

/// Refusals carry their HTTP status, whether the answer goes to a page or straight to
/// a caller of the server function.
#[cfg(feature = "ssr")]
pub(crate) fn with_status<T>(answer: StaffAnswer<T>) -> StaffAnswer<T> {
    match answer {
        StaffAnswer::Ready(_) => {}
        StaffAnswer::SignInRequired => crate::pages::set_status(401),
        StaffAnswer::Forbidden => crate::pages::set_status(403),
        StaffAnswer::NotFound => crate::pages::set_status(404),
    }
    answer
}

#[cfg(feature = "ssr")]
fn failed(err: crate::catalog::service::ServiceError) -> ServerFnError {
    ServerFnError::new(err.to_string())
}

/// The sign-in page's data.
#[server(prefix = "/_sfn", endpoint = "sign_in_options")]
pub async fn load_sign_in_options() -> Result<SignInOptions, ServerFnError> {
    desk()?.sign_in_options(&cookies()).await.map_err(failed)
}

/// The account invitation this browser holds.
#[server(prefix = "/_sfn", endpoint = "account_invitation")]
pub async fn load_account_invitation() -> Result<Option<AccountInvitation>, ServerFnError> {
    desk()?.account_invitation(&cookies()).await.map_err(failed)
}

/// The emailed sign-in link this browser holds.
#[server(prefix = "/_sfn", endpoint = "sign_in_link")]
pub async fn load_sign_in_link() -> Result<Option<SignInLink>, ServerFnError> {
    desk()?.sign_in_link(&cookies()).await.map_err(failed)
}

/// The staff home page's data.
#[server(prefix = "/_sfn", endpoint = "staff_home")]
pub async fn load_staff_home() -> Result<StaffAnswer<StaffHome>, ServerFnError> {
    desk()?.home(&cookies()).await.map_err(failed).map(with_status)
}

/// One campaign's desk.
#[server(prefix = "/_sfn", endpoint = "campaign_desk")]
pub async fn load_campaign_desk(campaign: String) -> Result<StaffAnswer<CampaignDesk>, ServerFnError> {
    desk()?.campaign(&cookies(), &campaign).await.map_err(failed).map(with_status)
}

/// The new-campaign form's data.
#[server(prefix = "/_sfn", endpoint = "new_campaign_options")]
pub async fn load_new_campaign_options() -> Result<StaffAnswer<NewCampaignOptions>, ServerFnError> {
    desk()?.new_campaign(&cookies()).await.map_err(failed).map(with_status)
}

/// The audit log page's data.
#[server(prefix = "/_sfn", endpoint = "audit_page")]
pub async fn load_audit_page(action: String) -> Result<StaffAnswer<AuditPage>, ServerFnError> {
    desk()?.audit(&cookies(), &action).await.map_err(failed).map(with_status)
}

/// The people page's data.
#[server(prefix = "/_sfn", endpoint = "people_page")]
pub async fn load_people_page() -> Result<StaffAnswer<PeoplePage>, ServerFnError> {
    desk()?.people(&cookies()).await.map_err(failed).map(with_status)
}

/// One person's page.
#[server(prefix = "/_sfn", endpoint = "person_page")]
pub async fn load_person_page(person: i32) -> Result<StaffAnswer<PersonPage>, ServerFnError> {
    desk()?.person(&cookies(), person).await.map_err(failed).map(with_status)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn sign_in_only_leads_back_to_staff_pages() {
        assert_eq!(safe_next(Some("/equipe/campagnes/abc")), "/equipe/campagnes/abc");
        for elsewhere in [
            None,
            Some("https://evil.example"),
            Some("//evil.example"),
            Some("/equipe//evil"),
            Some("/equipe\\x"),
            Some("/r/x"),
        ] {
            assert_eq!(safe_next(elsewhere), "/equipe", "{elsewhere:?}");
        }
    }
}
