//! People, their roles, their sessions and their ways in: passwords, single-use sign-in
//! links, and identities confirmed by a provider. Knows nothing of HTTP; every time is
//! passed in (`now`, ms since the epoch) so limits are tested with an injected clock.

use super::lockout::{self, Reservation};
use super::oidc::{PENDING_SIGN_IN_LIFETIME, PendingSignIn, ProviderConfig, VerifiedIdentity};
use super::passwords::{self, PasswordProblem};
use super::policy::{Caller, Grant, ProjectGrant, ProjectRole, Role};
use crate::audit::{self, AuditEvent};
use crate::db::{begin_serialised, locks};
use crate::entities::{
    external_identity, institution, membership, oidc_attempt, person, project_member, sign_in_token, staff_session,
};
use crate::respondents::secrets::{ServerKey, hash_secret, random_secret};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, Set,
    TransactionTrait,
};

mod email_link;

pub use email_link::EMAIL_LINK_LIFETIME_MS;

/// A session ends after this long without a request.
pub const IDLE_LIMIT_MS: i64 = 30 * 60 * 1000;
/// A session ends this long after sign-in, whatever happens.
pub const ABSOLUTE_LIMIT_MS: i64 = 12 * 60 * 60 * 1000;
/// `last_seen_at` is written at most this often (a page view is not a write).
const TOUCH_EVERY_MS: i64 = 60 * 1000;
/// An account invitation link lasts a week.
pub const INVITATION_LIFETIME_MS: i64 = 7 * 24 * 60 * 60 * 1000;

/// Why an identity operation failed.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// Wrong email or password (never says which).
    #[error("unknown email or wrong password")]
    BadCredentials,
    /// The account is disabled.
    #[error("the account is disabled")]
    Disabled,
    /// Too many failed attempts for this email address lately (whether or not it is an
    /// account): password attempts are refused for `retry_after_ms` more.
    #[error("too many failed sign-ins for this account")]
    Locked {
        /// How long until the next attempt is checked.
        retry_after_ms: i64,
    },
    /// The new password breaks a rule.
    #[error(transparent)]
    Password(#[from] PasswordProblem),
    /// The link is unknown, used or expired.
    #[error("the sign-in link is unknown, used or expired")]
    InvalidLink,
    /// The provider confirmed someone Boucle does not know.
    #[error("no account matches this identity")]
    NoAccount,
    /// A value is out of bounds (command line).
    #[error("{0}")]
    Invalid(String),
    /// Hashing failed.
    #[error("password hashing failed")]
    Hashing,
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl IdentityError {
    /// Stable key, also the translation key of the message shown.
    pub fn key(&self) -> &'static str {
        match self {
            IdentityError::BadCredentials => "signin-bad-credentials",
            IdentityError::Disabled => "signin-disabled",
            IdentityError::Locked { .. } => "signin-throttled",
            IdentityError::Password(problem) => problem.key(),
            IdentityError::InvalidLink => "signin-invalid-link",
            IdentityError::NoAccount => "signin-no-account",
            IdentityError::Invalid(_) | IdentityError::Hashing | IdentityError::Db(_) => "service-unavailable",
        }
    }
}

/// A signed-in person, as every staff page and handler sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedIn {
    /// The person's id.
    pub person_id: i32,
    /// Their name.
    pub display_name: String,
    /// Their email address, if known.
    pub email: Option<String>,
    /// Token expected in every form this session sends.
    pub csrf_token: String,
    /// Their roles.
    pub grants: Vec<Grant>,
    /// Their roles in projects.
    pub projects: Vec<ProjectGrant>,
}

impl SignedIn {
    /// The caller for [`super::policy::decide`].
    pub fn caller(&self) -> Caller {
        Caller::Person { person_id: self.person_id, grants: self.grants.clone(), projects: self.projects.clone() }
    }

    /// How the audit log names them.
    pub fn actor(&self) -> String {
        format!("person:{}", self.person_id)
    }
}

/// A new session: the secret goes into the cookie, only its hash is stored.
#[derive(Clone, Debug)]
pub struct OpenedSession {
    /// The cookie value.
    pub secret: String,
}

/// What `boucle admin create-user` needs.
#[derive(Clone, Debug)]
pub struct NewPerson {
    /// Email address (sign-in name), stored lower-case.
    pub email: String,
    /// Name shown to colleagues.
    pub display_name: String,
    /// Institution slug.
    pub institution: String,
    /// Role in that institution.
    pub role: Role,
}

/// An email address as stored and compared: trimmed, lower-case.
pub(crate) fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The identity service.
#[derive(Clone)]
pub struct IdentityService {
    db: DatabaseConnection,
    /// Names the accounts in the failed sign-ins table (see [`lockout`]).
    failure_key: ServerKey,
}

impl IdentityService {
    /// Over the given database. Failed sign-ins are counted under a key of this
    /// instance only; the server gives its own key ([`IdentityService::with_server_key`])
    /// so that every process, and the next start, counts under the same one.
    pub fn new(db: DatabaseConnection) -> Self {
        let mut bytes = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut bytes);
        IdentityService { db, failure_key: ServerKey::from_bytes(bytes) }
    }

    /// Counts failed sign-ins under the server's key.
    pub fn with_server_key(mut self, key: &ServerKey) -> Self {
        self.failure_key = key.clone();
        self
    }

    /// The name of an email address in the failed sign-ins table.
    fn account_key(&self, normalised_email: &str) -> String {
        self.failure_key.derive("sign-in-failure", normalised_email)
    }

    async fn audit(&self, actor: String, action: &str, subject: String, institution: Option<i32>) -> Result<(), DbErr> {
        let event = AuditEvent { actor, action: action.to_string(), subject, detail: String::new(), institution };
        audit::append(&self.db, event).await
    }

    /// The institutions a person belongs to, for audit entries about them.
    async fn first_institution(&self, person_id: i32) -> Result<Option<i32>, DbErr> {
        Ok(membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .order_by_asc(membership::Column::Id)
            .one(&self.db)
            .await?
            .map(|m| m.institution_id))
    }

    /// A person's roles in projects.
    pub async fn project_grants(&self, person_id: i32) -> Result<Vec<ProjectGrant>, DbErr> {
        Ok(project_member::Entity::find()
            .filter(project_member::Column::PersonId.eq(person_id))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|m| Some(ProjectGrant { project_id: m.project_id, role: ProjectRole::from_key(&m.role)? }))
            .collect())
    }

    /// A person's roles, with their institutions.
    pub async fn grants(&self, person_id: i32) -> Result<Vec<Grant>, DbErr> {
        let memberships = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .order_by_asc(membership::Column::Id)
            .all(&self.db)
            .await?;
        let mut grants = Vec::with_capacity(memberships.len());
        for m in memberships {
            let (Some(role), Some(inst)) =
                (Role::from_key(&m.role), institution::Entity::find_by_id(m.institution_id).one(&self.db).await?)
            else {
                continue;
            };
            grants.push(Grant {
                institution_id: inst.id,
                institution_slug: inst.slug,
                institution_name: inst.name,
                role,
            });
        }
        Ok(grants)
    }

    /// Creates a person with one role (or adds the role to an existing person with that email).
    pub async fn create_person(&self, new: NewPerson, actor: &str, now: i64) -> Result<i32, IdentityError> {
        let email = normalise_email(&new.email);
        if !email.contains('@') || email.len() > 254 {
            return Err(IdentityError::Invalid(format!("'{}' is not an email address", new.email)));
        }
        let name = new.display_name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(IdentityError::Invalid("the name must have 1 to 200 characters".into()));
        }
        let Some(inst) =
            institution::Entity::find().filter(institution::Column::Slug.eq(&new.institution)).one(&self.db).await?
        else {
            return Err(IdentityError::Invalid(format!("no institution '{}'", new.institution)));
        };
        // Read, then written: serialised with the other changes to people.
        let txn = begin_serialised(&self.db, locks::PEOPLE).await?;
        let existing = person::Entity::find().filter(person::Column::Email.eq(&email)).one(&txn).await?;
        let person_id = match existing {
            Some(p) => p.id,
            None => {
                person::ActiveModel {
                    display_name: Set(name.to_string()),
                    email: Set(Some(email.clone())),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let held = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .filter(membership::Column::InstitutionId.eq(inst.id))
            .filter(membership::Column::Role.eq(new.role.key()))
            .one(&txn)
            .await?;
        if held.is_none() {
            membership::ActiveModel {
                person_id: Set(person_id),
                institution_id: Set(inst.id),
                role: Set(new.role.key().to_string()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        self.audit(actor.to_string(), "role.granted", format!("person:{person_id} {}", new.role.key()), Some(inst.id))
            .await?;
        Ok(person_id)
    }

    /// A single-use link with which the person chooses a password (shown once).
    pub async fn issue_invitation(&self, person_id: i32, actor: &str, now: i64) -> Result<String, IdentityError> {
        let secret = random_secret();
        sign_in_token::ActiveModel {
            token_hash: Set(hash_secret(&secret)),
            person_id: Set(person_id),
            purpose: Set(sign_in_token::INVITATION.to_string()),
            created_at: Set(now),
            expires_at: Set(now + INVITATION_LIFETIME_MS),
            used_at: Set(None),
        }
        .insert(&self.db)
        .await?;
        let institution = self.first_institution(person_id).await?;
        self.audit(actor.to_string(), "account.invitation_issued", format!("person:{person_id}"), institution).await?;
        Ok(secret)
    }

    /// Who an unused, unexpired invitation is for (without using it).
    pub async fn invitation_holder(&self, secret: &str, now: i64) -> Result<Option<person::Model>, DbErr> {
        self.token_holder(secret, sign_in_token::INVITATION, now).await
    }

    /// Who an unused, unexpired single-use link of this purpose is for.
    async fn token_holder(&self, secret: &str, purpose: &str, now: i64) -> Result<Option<person::Model>, DbErr> {
        let Some(token) = sign_in_token::Entity::find_by_id(hash_secret(secret)).one(&self.db).await? else {
            return Ok(None);
        };
        if token.purpose != purpose || token.used_at.is_some() || token.expires_at <= now {
            return Ok(None);
        }
        person::Entity::find_by_id(token.person_id).one(&self.db).await
    }

    /// Uses the invitation: sets the password and opens a session. The link works once,
    /// even when two browsers race for it.
    pub async fn accept_invitation(
        &self,
        secret: &str,
        password: &str,
        now: i64,
    ) -> Result<OpenedSession, IdentityError> {
        let holder = self.invitation_holder(secret, now).await?.ok_or(IdentityError::InvalidLink)?;
        passwords::check_new_password(password, holder.email.as_deref())?;
        let hash = hash_in_background(password.to_string()).await?;
        let txn = self.db.begin().await?;
        let used = sign_in_token::Entity::update_many()
            .col_expr(sign_in_token::Column::UsedAt, Expr::value(now))
            .filter(sign_in_token::Column::TokenHash.eq(hash_secret(secret)))
            .filter(sign_in_token::Column::UsedAt.is_null())
            .exec(&txn)
            .await?;
        if used.rows_affected != 1 {
            return Err(IdentityError::InvalidLink);
        }
        person::Entity::update_many()
            .col_expr(person::Column::PasswordHash, Expr::value(hash))
            .filter(person::Column::Id.eq(holder.id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        let institution = self.first_institution(holder.id).await?;
        self.audit(
            format!("person:{}", holder.id),
            "account.password_set",
            format!("person:{}", holder.id),
            institution,
        )
        .await?;
        self.open_session(holder.id, "password_set", now).await
    }

    /// Signs in with email and password. After [`lockout::LIMIT`] failures for one
    /// address within [`lockout::WINDOW_MS`], attempts are refused unchecked
    /// ([`IdentityError::Locked`]) until the window has moved on.
    pub async fn sign_in_with_password(
        &self,
        email: &str,
        password: &str,
        now: i64,
    ) -> Result<OpenedSession, IdentityError> {
        let email = normalise_email(email);
        let account = self.account_key(&email);
        let found = person::Entity::find().filter(person::Column::Email.eq(&email)).one(&self.db).await?;
        let (reservation, position) = match lockout::reserve(&self.db, &account, now).await? {
            Reservation::Granted { id, position } => (id, position),
            Reservation::Locked { until } => {
                tracing::warn!(target: "security", event = "sign_in_locked_out", method = "password");
                self.audit_lockout(found.as_ref(), "session.sign_in_refused", "account locked".to_string()).await?;
                return Err(IdentityError::Locked { retry_after_ms: until - now });
            }
        };
        let stored = found.as_ref().and_then(|p| p.password_hash.clone());
        let ok = verify_in_background(password.to_string(), stored).await?;
        match found.as_ref().filter(|_| ok) {
            Some(person) if person.disabled_at.is_none() => {
                lockout::forgive(&self.db, &account, reservation).await?;
                self.open_session(person.id, "password", now).await
            }
            verified => {
                let err = if verified.is_some() {
                    IdentityError::Disabled
                } else {
                    // The attempted address is not logged: it may be a password typed in the wrong box.
                    tracing::warn!(target: "security", event = "sign_in_failed", method = "password");
                    IdentityError::BadCredentials
                };
                if position == lockout::LIMIT {
                    let detail = format!(
                        "{} failed attempts within {} minutes: password attempts refused for up to {} minutes",
                        lockout::LIMIT,
                        lockout::WINDOW_MS / 60_000,
                        lockout::WINDOW_MS / 60_000,
                    );
                    self.audit_lockout(found.as_ref(), "account.sign_in_locked", detail).await?;
                }
                Err(err)
            }
        }
    }

    /// An audit entry about an account under the failed sign-ins limit: the person and
    /// their institution when the address is theirs, `account:unknown` otherwise.
    async fn audit_lockout(&self, person: Option<&person::Model>, action: &str, detail: String) -> Result<(), DbErr> {
        let (subject, institution) = match person {
            Some(p) => (format!("person:{}", p.id), self.first_institution(p.id).await?),
            None => ("account:unknown".to_string(), None),
        };
        let event =
            AuditEvent { actor: "anonymous".to_string(), action: action.to_string(), subject, detail, institution };
        audit::append(&self.db, event).await
    }

    /// Signs in someone a provider vouched for: the provider's subject linked before, or
    /// else an account with the same verified email in the provider's institution (the
    /// link is then remembered). Nobody is created: an admin adds people first.
    pub async fn sign_in_with_provider(
        &self,
        provider: &ProviderConfig,
        identity: &VerifiedIdentity,
        now: i64,
    ) -> Result<OpenedSession, IdentityError> {
        let linked = external_identity::Entity::find()
            .filter(external_identity::Column::Issuer.eq(&identity.issuer))
            .filter(external_identity::Column::Subject.eq(&identity.subject))
            .one(&self.db)
            .await?;
        let person_id = match linked {
            Some(link) => link.person_id,
            None => {
                let person_id = self.person_for_provider_email(provider, identity).await?;
                external_identity::ActiveModel {
                    issuer: Set(identity.issuer.clone()),
                    subject: Set(identity.subject.clone()),
                    person_id: Set(person_id),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&self.db)
                .await?;
                person_id
            }
        };
        let person = person::Entity::find_by_id(person_id).one(&self.db).await?.ok_or(IdentityError::NoAccount)?;
        if person.disabled_at.is_some() {
            return Err(IdentityError::Disabled);
        }
        self.open_session(person_id, &format!("oidc:{}", provider.id), now).await
    }

    async fn person_for_provider_email(
        &self,
        provider: &ProviderConfig,
        identity: &VerifiedIdentity,
    ) -> Result<i32, IdentityError> {
        let email = match &identity.email {
            Some(email) if identity.email_verified => normalise_email(email),
            _ => return Err(IdentityError::NoAccount),
        };
        let person = person::Entity::find()
            .filter(person::Column::Email.eq(email))
            .one(&self.db)
            .await?
            .ok_or(IdentityError::NoAccount)?;
        let member_there =
            self.grants(person.id).await?.iter().any(|grant| grant.institution_slug == provider.institution);
        if member_there { Ok(person.id) } else { Err(IdentityError::NoAccount) }
    }

    /// Opens a new session (a new id at every sign-in: no fixation).
    async fn open_session(&self, person_id: i32, method: &str, now: i64) -> Result<OpenedSession, IdentityError> {
        let secret = random_secret();
        staff_session::ActiveModel {
            token_hash: Set(hash_secret(&secret)),
            person_id: Set(person_id),
            csrf_token: Set(random_secret()),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(now + ABSOLUTE_LIMIT_MS),
            ended_at: Set(None),
        }
        .insert(&self.db)
        .await?;
        let institution = self.first_institution(person_id).await?;
        tracing::info!(target: "security", event = "signed_in", person = person_id, method);
        self.audit(format!("person:{person_id}"), "session.signed_in", method.to_string(), institution).await?;
        Ok(OpenedSession { secret })
    }

    /// The person behind a session cookie, if the session is still alive.
    pub async fn resolve(&self, secret: &str, now: i64) -> Result<Option<SignedIn>, DbErr> {
        let Some(session) = staff_session::Entity::find_by_id(hash_secret(secret)).one(&self.db).await? else {
            return Ok(None);
        };
        if session.ended_at.is_some() || session.expires_at <= now || session.last_seen_at + IDLE_LIMIT_MS <= now {
            return Ok(None);
        }
        let Some(person) = person::Entity::find_by_id(session.person_id).one(&self.db).await? else {
            return Ok(None);
        };
        if person.disabled_at.is_some() {
            return Ok(None);
        }
        if now - session.last_seen_at >= TOUCH_EVERY_MS {
            staff_session::Entity::update_many()
                .col_expr(staff_session::Column::LastSeenAt, Expr::value(now))
                .filter(staff_session::Column::TokenHash.eq(&session.token_hash))
                .exec(&self.db)
                .await?;
        }
        Ok(Some(SignedIn {
            person_id: person.id,
            display_name: person.display_name,
            email: person.email,
            csrf_token: session.csrf_token,
            grants: self.grants(person.id).await?,
            projects: self.project_grants(person.id).await?,
        }))
    }

    /// Keeps a provider sign-in under way; returns the secret for the browser's cookie.
    pub async fn keep_pending_sign_in(&self, pending: &PendingSignIn, now: i64) -> Result<String, DbErr> {
        let secret = random_secret();
        let lifetime = i64::try_from(PENDING_SIGN_IN_LIFETIME.as_millis()).unwrap_or(i64::MAX);
        let pending = serde_json::to_string(pending).map_err(|e| DbErr::Custom(e.to_string()))?;
        // Old attempts go as new ones come: the table only ever holds the last few minutes.
        oidc_attempt::Entity::delete_many().filter(oidc_attempt::Column::ExpiresAt.lte(now)).exec(&self.db).await?;
        oidc_attempt::ActiveModel {
            attempt_hash: Set(hash_secret(&secret)),
            pending: Set(pending),
            created_at: Set(now),
            expires_at: Set(now + lifetime),
            used_at: Set(None),
        }
        .insert(&self.db)
        .await?;
        Ok(secret)
    }

    /// Takes the provider sign-in this browser started, once: a second use, an unknown
    /// secret or an expired attempt gives `None`.
    pub async fn take_pending_sign_in(&self, secret: &str, now: i64) -> Result<Option<PendingSignIn>, DbErr> {
        let hash = hash_secret(secret);
        let taken = oidc_attempt::Entity::update_many()
            .col_expr(oidc_attempt::Column::UsedAt, Expr::value(now))
            .filter(oidc_attempt::Column::AttemptHash.eq(&hash))
            .filter(oidc_attempt::Column::UsedAt.is_null())
            .filter(oidc_attempt::Column::ExpiresAt.gt(now))
            .exec(&self.db)
            .await?;
        if taken.rows_affected != 1 {
            return Ok(None);
        }
        let Some(row) = oidc_attempt::Entity::find_by_id(hash).one(&self.db).await? else { return Ok(None) };
        Ok(serde_json::from_str(&row.pending).ok())
    }

    /// Records a failed sign-in in the audit log (no address, no secret).
    pub async fn record_failed_sign_in(&self, method: &str, reason: &str) -> Result<(), DbErr> {
        let event = AuditEvent {
            actor: "anonymous".to_string(),
            action: "session.sign_in_failed".to_string(),
            subject: method.to_string(),
            detail: reason.to_string(),
            institution: None,
        };
        audit::append(&self.db, event).await
    }

    /// Ends a session (sign-out): the cookie is refused from now on.
    pub async fn sign_out(&self, secret: &str, now: i64) -> Result<(), DbErr> {
        let hash = hash_secret(secret);
        let Some(session) = staff_session::Entity::find_by_id(hash.clone()).one(&self.db).await? else {
            return Ok(());
        };
        staff_session::Entity::update_many()
            .col_expr(staff_session::Column::EndedAt, Expr::value(now))
            .filter(staff_session::Column::TokenHash.eq(hash))
            .filter(staff_session::Column::EndedAt.is_null())
            .exec(&self.db)
            .await?;
        let institution = self.first_institution(session.person_id).await?;
        self.audit(format!("person:{}", session.person_id), "session.signed_out", String::new(), institution).await
    }
}

async fn hash_in_background(password: String) -> Result<String, IdentityError> {
    tokio::task::spawn_blocking(move || passwords::hash_password(&password))
        .await
        .map_err(|_| IdentityError::Hashing)?
        .map_err(|_| IdentityError::Hashing)
}

async fn verify_in_background(password: String, stored: Option<String>) -> Result<bool, IdentityError> {
    tokio::task::spawn_blocking(move || passwords::verify_password(&password, stored.as_deref()))
        .await
        .map_err(|_| IdentityError::Hashing)
}
