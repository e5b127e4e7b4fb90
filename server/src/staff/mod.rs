//! The staff side: the [`StaffDeskService`] behind the staff pages (reads, each one
//! resolved to a session and checked by the policy) and, in [`handlers`] and
//! [`people`], the form posts that change things (create, close, invite, sign in and
//! out; people and their roles).

pub mod exports;
pub mod handlers;
pub mod people;
pub mod provider_sign_in;

use crate::audit::verify_chain;
use crate::campaigns::{CampaignAdmin, CampaignError};
use crate::catalog::DbCatalog;
use crate::clock::{iso_date, iso_datetime, now_millis};
use crate::entities::{audit_log, campaign, questionnaire_version};
use crate::identity::oidc::OidcProviders;
use crate::identity::people::{People, PeopleError, PersonView};
use crate::identity::{Action, Decision, IdentityService, Role, SignedIn, decide};
use crate::respondents::cookies::cookie_value;
use crate::respondents::handlers::consent_token;
use app::catalog::service::{QuestionnaireCatalog, ServiceError};
use app::staff::{
    AccountInvitation, AuditPage, AuditRow, CampaignDesk, CampaignRow, NEW_LINK_COOKIE, NewCampaignOptions, PeoplePage,
    PersonPage, PersonRole, PersonRow, ProviderLink, RoleHeld, SignInLink, SignInOptions, StaffAnswer, StaffHome,
    Viewer,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use std::sync::Arc;

/// Holds the staff session.
pub fn session_cookie_name(secure: bool) -> &'static str {
    // `__Host-` pins the cookie to this exact origin; browsers accept it only over HTTPS.
    if secure { "__Host-boucle_session" } else { "boucle_session" }
}

/// Holds an account invitation between opening its link and choosing a password.
pub const ACCOUNT_INVITATION_COOKIE: &str = "boucle_account_invite";

/// Holds an emailed sign-in link between opening it and clicking "sign me in".
pub const SIGN_IN_LINK_COOKIE: &str = "boucle_signin_link";

/// Holds the secret of an OpenID Connect sign-in under way.
pub const OIDC_ATTEMPT_COOKIE: &str = "boucle_oidc";

/// Reads behind the staff pages.
pub struct StaffDeskService {
    db: DatabaseConnection,
    identity: Arc<IdentityService>,
    people: People,
    catalog: Arc<DbCatalog>,
    oidc: Arc<OidcProviders>,
    public_url: String,
    secure_cookies: bool,
}

impl StaffDeskService {
    /// Every read of identifying data (names and addresses of people) is in the audit log.
    async fn audit_read(&self, who: &SignedIn, subject: String, institution: i32) -> Result<(), DbErr> {
        let event = crate::audit::AuditEvent {
            actor: who.actor(),
            action: "identifying_data.read".to_string(),
            subject,
            detail: String::new(),
            institution: Some(institution),
        };
        crate::audit::append(&self.db, event).await
    }
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    tracing::error!(error = %err, "staff desk failed");
    ServiceError::Unavailable
}

/// The institutions (slug, name) where the signed-in person may do `action`.
fn institutions_where(signed_in: &SignedIn, action: impl Fn(i32) -> Action) -> Vec<(String, String)> {
    let caller = signed_in.caller();
    let mut found = Vec::new();
    for grant in &signed_in.grants {
        let allowed = decide(&caller, action(grant.institution_id)).allowed();
        if allowed && !found.iter().any(|(slug, _): &(String, String)| slug == &grant.institution_slug) {
            found.push((grant.institution_slug.clone(), grant.institution_name.clone()));
        }
    }
    found
}

/// The signed-in person as staff pages show them.
pub(crate) fn viewer(signed_in: &SignedIn) -> Viewer {
    let can_run = institutions_where(signed_in, |institution| Action::RunCampaigns { institution });
    let can_manage = institutions_where(signed_in, |institution| Action::ManagePeople { institution });
    Viewer {
        display_name: signed_in.display_name.clone(),
        csrf_token: signed_in.csrf_token.clone(),
        roles: signed_in
            .grants
            .iter()
            .map(|g| RoleHeld {
                institution: g.institution_slug.clone(),
                institution_name: g.institution_name.clone(),
                role: g.role.key().to_string(),
            })
            .collect(),
        can_run_campaigns_in: can_run,
        can_read_audit: signed_in.grants.iter().any(|g| g.role == Role::Admin),
        can_manage_people: !can_manage.is_empty(),
    }
}

fn person_row(view: PersonView) -> PersonRow {
    PersonRow {
        id: view.id,
        display_name: view.display_name,
        email: view.email.unwrap_or_default(),
        roles: view
            .memberships
            .into_iter()
            .map(|m| PersonRole {
                membership: m.id,
                institution_name: m.institution_name,
                role: m.role.key().to_string(),
            })
            .collect(),
        status: view.status.key().to_string(),
        // To the minute: the seconds say nothing more to an admin.
        last_sign_in: view.last_sign_in.map(crate::clock::iso_minute),
    }
}

fn people_refusal<T>(err: PeopleError) -> Result<StaffAnswer<T>, ServiceError> {
    match err {
        PeopleError::Refused(decision) => Ok(refusal(decision)),
        other => Err(unavailable(other)),
    }
}

impl StaffDeskService {
    /// Over the given database and services.
    pub fn new(
        db: DatabaseConnection,
        identity: Arc<IdentityService>,
        catalog: Arc<DbCatalog>,
        oidc: Arc<OidcProviders>,
        public_url: String,
        secure_cookies: bool,
    ) -> Self {
        let people = People::new(db.clone(), (*identity).clone());
        StaffDeskService { db, identity, people, catalog, oidc, public_url, secure_cookies }
    }

    /// Managing people.
    pub fn people(&self) -> &People {
        &self.people
    }

    /// The live session named by the request's cookies.
    pub async fn signed_in(&self, cookies: &str) -> Result<Option<SignedIn>, DbErr> {
        match cookie_value(cookies, session_cookie_name(self.secure_cookies)) {
            Some(secret) => self.identity.resolve(secret, now_millis()).await,
            None => Ok(None),
        }
    }

    async fn row(&self, c: &campaign::Model, institution_name: &str) -> Result<CampaignRow, CampaignError> {
        let counts = CampaignAdmin::new(self.db.clone()).counts(&c.public_id).await?;
        let questionnaire_title = questionnaire_version::Entity::find_by_id(c.questionnaire_version_id)
            .one(&self.db)
            .await?
            .and_then(|v| serde_json::from_str::<survey_defs::Questionnaire>(&v.definition).ok())
            .map(|q| q.title.get("fr").to_string())
            .unwrap_or_default();
        let closed_by_date = c.closes_at.is_some_and(|at| at <= now_millis());
        Ok(CampaignRow {
            public_id: c.public_id.clone(),
            title: c.title.clone(),
            institution_name: institution_name.to_string(),
            questionnaire_title,
            status: if counts.status == campaign::OPEN && !closed_by_date { "open" } else { "closed" }.to_string(),
            submitted: counts.submitted,
            in_progress: counts.in_progress,
        })
    }

    /// The campaign and the caller's decision for `action` on it; other institutions'
    /// campaigns read as unknown.
    pub async fn campaign_for(
        &self,
        signed_in: &SignedIn,
        public_id: &str,
        action: impl Fn(i32) -> Action,
    ) -> Result<(Decision, Option<campaign::Model>), DbErr> {
        let found = campaign::Entity::find().filter(campaign::Column::PublicId.eq(public_id)).one(&self.db).await?;
        let Some(found) = found else { return Ok((Decision::NotFound, None)) };
        Ok((decide(&signed_in.caller(), action(found.institution_id)), Some(found)))
    }
}

/// A refused page.
pub(crate) fn refusal<T>(decision: Decision) -> StaffAnswer<T> {
    match decision {
        Decision::SignInRequired => StaffAnswer::SignInRequired,
        Decision::Forbidden => StaffAnswer::Forbidden,
        Decision::NotFound | Decision::Allow => StaffAnswer::NotFound,
    }
}

#[async_trait::async_trait]
impl app::staff::service::StaffDesk for StaffDeskService {
    async fn sign_in_options(&self, cookies: &str) -> Result<SignInOptions, ServiceError> {
        let signed_in = self.signed_in(cookies).await.map_err(unavailable)?;
        Ok(SignInOptions {
            providers: self
                .oidc
                .providers()
                .iter()
                .map(|p| ProviderLink { id: p.id.clone(), label: p.label.clone() })
                .collect(),
            form_token: consent_token(cookies),
            signed_in_as: signed_in.map(|s| s.display_name),
        })
    }

    async fn account_invitation(&self, cookies: &str) -> Result<Option<AccountInvitation>, ServiceError> {
        let Some(secret) = cookie_value(cookies, ACCOUNT_INVITATION_COOKIE) else { return Ok(None) };
        let holder = self.identity.invitation_holder(secret, now_millis()).await.map_err(unavailable)?;
        Ok(holder.map(|person| AccountInvitation {
            display_name: person.display_name,
            email: person.email.unwrap_or_default(),
            form_token: consent_token(cookies),
        }))
    }

    async fn sign_in_link(&self, cookies: &str) -> Result<Option<SignInLink>, ServiceError> {
        let Some(secret) = cookie_value(cookies, SIGN_IN_LINK_COOKIE) else { return Ok(None) };
        let holder = self.identity.sign_in_link_holder(secret, now_millis()).await.map_err(unavailable)?;
        Ok(holder.map(|person| SignInLink { display_name: person.display_name, form_token: consent_token(cookies) }))
    }

    async fn home(&self, cookies: &str) -> Result<StaffAnswer<StaffHome>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let caller = signed_in.caller();
        let mut campaigns = Vec::new();
        let mut seen = Vec::new();
        for grant in &signed_in.grants {
            if seen.contains(&grant.institution_id)
                || !decide(&caller, Action::SeeCampaigns { institution: grant.institution_id }).allowed()
            {
                continue;
            }
            seen.push(grant.institution_id);
            let rows = campaign::Entity::find()
                .filter(campaign::Column::InstitutionId.eq(grant.institution_id))
                .order_by_desc(campaign::Column::CreatedAt)
                .all(&self.db)
                .await
                .map_err(unavailable)?;
            for c in rows {
                campaigns.push(self.row(&c, &grant.institution_name).await.map_err(unavailable)?);
            }
        }
        Ok(StaffAnswer::Ready(StaffHome { viewer: viewer(&signed_in), campaigns }))
    }

    async fn campaign(&self, cookies: &str, public_id: &str) -> Result<StaffAnswer<CampaignDesk>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let (decision, found) = self
            .campaign_for(&signed_in, public_id, |institution| Action::SeeCampaigns { institution })
            .await
            .map_err(unavailable)?;
        let (Decision::Allow, Some(c)) = (decision, found) else { return Ok(refusal(decision)) };
        let institution_name = signed_in
            .grants
            .iter()
            .find(|g| g.institution_id == c.institution_id)
            .map(|g| g.institution_name.clone())
            .unwrap_or_default();
        let row = self.row(&c, &institution_name).await.map_err(unavailable)?;
        let counts = CampaignAdmin::new(self.db.clone()).counts(&c.public_id).await.map_err(unavailable)?;
        let invitations_only = c.anonymity != "anonymous";
        let caller = signed_in.caller();
        Ok(StaffAnswer::Ready(CampaignDesk {
            viewer: viewer(&signed_in),
            row,
            audience: c.audience.clone(),
            invitations_only,
            min_cell_size: u32::try_from(c.min_cell_size).unwrap_or_default(),
            languages: c.languages.split(',').map(str::to_string).collect(),
            closes_on: iso_date(c.closes_at),
            results_promised_on: iso_date(c.results_promised_at),
            invitations: counts.invitations,
            open_link: (!invitations_only).then(|| format!("{}/r/{}", self.public_url, c.public_id)),
            can_run: decide(&caller, Action::RunCampaigns { institution: c.institution_id }).allowed(),
            contacts: if exports::may_export_identifying_data(&signed_in, c.institution_id) {
                Some(
                    crate::entities::return_contact::Entity::find()
                        .filter(crate::entities::return_contact::Column::CampaignId.eq(c.id))
                        .count(&self.db)
                        .await
                        .map_err(unavailable)?,
                )
            } else {
                None
            },
        }))
    }

    async fn new_campaign(&self, cookies: &str) -> Result<StaffAnswer<NewCampaignOptions>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let viewer = viewer(&signed_in);
        if viewer.can_run_campaigns_in.is_empty() {
            return Ok(StaffAnswer::Forbidden);
        }
        let questionnaires = self
            .catalog
            .list()
            .await?
            .into_iter()
            .map(|entry| (entry.id.clone(), format!("{} ({})", entry.title.get("fr"), entry.version)))
            .collect();
        Ok(StaffAnswer::Ready(NewCampaignOptions { viewer, questionnaires }))
    }

    async fn audit(&self, cookies: &str, action: &str) -> Result<StaffAnswer<AuditPage>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let caller = signed_in.caller();
        let readable: Vec<i32> = signed_in
            .grants
            .iter()
            .map(|g| g.institution_id)
            .filter(|&institution| decide(&caller, Action::ReadAuditLog { institution }).allowed())
            .collect();
        if readable.is_empty() {
            return Ok(StaffAnswer::Forbidden);
        }
        let mut query = audit_log::Entity::find().filter(audit_log::Column::InstitutionId.is_in(readable.clone()));
        let action = action.trim();
        if !action.is_empty() {
            query = query.filter(audit_log::Column::Action.starts_with(action));
        }
        let entries = query
            .order_by_desc(audit_log::Column::Id)
            .limit(200)
            .all(&self.db)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|e| AuditRow {
                id: e.id,
                occurred_at: iso_datetime(e.occurred_at),
                actor: e.actor,
                action: e.action,
                subject: e.subject,
            })
            .collect();
        let first_broken = verify_chain(&self.db).await.map_err(unavailable)?.map(|broken| broken.id);
        tracing::info!(target: "security", event = "audit_log_read", person = signed_in.person_id);
        Ok(StaffAnswer::Ready(AuditPage { viewer: viewer(&signed_in), entries, first_broken }))
    }

    async fn people(&self, cookies: &str) -> Result<StaffAnswer<PeoplePage>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let people = match self.people.list(&signed_in).await {
            Ok(people) => people,
            Err(err) => return people_refusal(err),
        };
        let institutions = institutions_where(&signed_in, |institution| Action::ManagePeople { institution });
        for grant in
            signed_in.grants.iter().filter(|g| institutions.iter().any(|(slug, _)| *slug == g.institution_slug))
        {
            self.audit_read(&signed_in, format!("people:institution:{}", grant.institution_id), grant.institution_id)
                .await
                .map_err(unavailable)?;
        }
        Ok(StaffAnswer::Ready(PeoplePage {
            viewer: viewer(&signed_in),
            people: people.into_iter().map(person_row).collect(),
            institutions: institutions_where(&signed_in, |institution| Action::ManagePeople { institution }),
        }))
    }

    async fn person(&self, cookies: &str, person: i32) -> Result<StaffAnswer<PersonPage>, ServiceError> {
        let Some(signed_in) = self.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let view = match self.people.person(&signed_in, person).await {
            Ok(view) => view,
            Err(err) => return people_refusal(err),
        };
        for institution in view.memberships.iter().map(|m| m.institution_id).collect::<std::collections::BTreeSet<_>>()
        {
            self.audit_read(&signed_in, format!("person:{person}"), institution).await.map_err(unavailable)?;
        }
        // A link issued by the last form post, for this person and still unused.
        let mut new_link = None;
        if let Some((id, secret)) = cookie_value(cookies, NEW_LINK_COOKIE).and_then(|v| v.split_once('.'))
            && id.parse::<i32>() == Ok(person)
        {
            let holder = self.identity.invitation_holder(secret, now_millis()).await.map_err(unavailable)?;
            if holder.is_some_and(|p| p.id == person) {
                new_link = Some(format!("{}/connexion/invitation/{secret}", self.public_url));
            }
        }
        Ok(StaffAnswer::Ready(PersonPage {
            viewer: viewer(&signed_in),
            is_self: view.is_self,
            manages_account: view.manages_account,
            person: person_row(view),
            new_link,
        }))
    }
}
