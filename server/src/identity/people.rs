//! Managing people from the browser, for institution admins: who holds a role in their
//! institutions, inviting someone with a role, changing or removing a role, disabling
//! and re-enabling an account, a new sign-in link. Knows nothing of HTTP; every time is
//! passed in.
//!
//! Every operation asks the policy ([`Action::ManagePeople`]) for the institution it
//! touches. A person is visible to an admin through their roles in the admin's
//! institutions only; one with no role there does not exist for them (404). What acts
//! on the whole account (disabling it, a link that sets its password) also reaches the
//! person's roles elsewhere, so it needs the admin to manage *every* institution the
//! person belongs to: otherwise an admin of one hospital could take over, through a
//! password link, the account of another hospital's admin.
//!
//! Invariants, kept inside serialised transactions so that two admins acting at once
//! cannot break them: an institution keeps at least one enabled admin, and nobody
//! disables their own account.

use super::policy::{Action, Caller, Decision, Role, decide};
use super::service::{IdentityError, IdentityService, SignedIn, normalise_email};
use crate::audit::{self, AuditEvent};
use crate::db::{begin_serialised, locks};
use crate::entities::{external_identity, institution, membership, person, sign_in_token, staff_session};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, BTreeSet};

/// Why a change was refused.
#[derive(Debug, thiserror::Error)]
pub enum PeopleError {
    /// The policy's answer: not an admin there (403) or not theirs to see (404).
    #[error("refused by the policy: {0:?}")]
    Refused(Decision),
    /// The institution would have no enabled admin left.
    #[error("the last admin of an institution stays an admin")]
    LastAdmin,
    /// An admin does not disable their own account (nor send themself a password link).
    #[error("this is the admin's own account")]
    OwnAccount,
    /// The person also holds roles in institutions this admin does not manage.
    #[error("the account is shared with an institution this admin does not manage")]
    SharedAccount,
    /// A sign-in link for a disabled account would open nothing.
    #[error("the account is disabled")]
    AccountDisabled,
    /// Not an email address.
    #[error("not an email address")]
    InvalidEmail,
    /// The name is empty or too long.
    #[error("the name must have 1 to 200 characters")]
    InvalidName,
    /// Not one of the roles.
    #[error("unknown role")]
    InvalidRole,
    /// A confirmation box was left unticked.
    #[error("not confirmed")]
    NotConfirmed,
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl PeopleError {
    /// Stable key, also the translation key of the message shown.
    pub fn key(&self) -> &'static str {
        match self {
            PeopleError::Refused(_) | PeopleError::Db(_) => "service-unavailable",
            PeopleError::LastAdmin => "people-error-last-admin",
            PeopleError::OwnAccount => "people-error-own-account",
            PeopleError::SharedAccount => "people-error-shared-account",
            PeopleError::AccountDisabled => "people-error-disabled",
            PeopleError::InvalidEmail => "people-error-email",
            PeopleError::InvalidName => "people-error-name",
            PeopleError::InvalidRole => "people-error-role",
            PeopleError::NotConfirmed => "people-error-confirm",
        }
    }
}

impl From<IdentityError> for PeopleError {
    fn from(err: IdentityError) -> Self {
        match err {
            IdentityError::Db(db) => PeopleError::Db(db),
            other => PeopleError::Db(DbErr::Custom(other.to_string())),
        }
    }
}

/// Where an account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccountStatus {
    /// Has signed in, or can (a password, or a provider's identity).
    Active,
    /// Invited, has not chosen a password yet.
    Invited,
    /// Disabled: no sign-in, sessions ended.
    Disabled,
}

impl AccountStatus {
    /// Stable and translated key.
    pub fn key(self) -> &'static str {
        match self {
            AccountStatus::Active => "active",
            AccountStatus::Invited => "invited",
            AccountStatus::Disabled => "disabled",
        }
    }
}

/// One role of a person, in an institution the admin manages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MembershipView {
    /// The membership's id (in form addresses).
    pub id: i32,
    /// Institution id.
    pub institution_id: i32,
    /// Institution name.
    pub institution_name: String,
    /// The role.
    pub role: Role,
}

/// A person as an admin sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonView {
    /// Id.
    pub id: i32,
    /// Name.
    pub display_name: String,
    /// Email address.
    pub email: Option<String>,
    /// Account status.
    pub status: AccountStatus,
    /// Last sign-in (session opened), ms since the epoch, if any is known.
    pub last_sign_in: Option<i64>,
    /// Their roles in the admin's institutions (never the others).
    pub memberships: Vec<MembershipView>,
    /// Whether the admin manages every institution the person belongs to.
    pub manages_account: bool,
    /// Whether this is the admin themself.
    pub is_self: bool,
}

/// What an invitation did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invited {
    /// The person (new or existing).
    pub person_id: i32,
    /// A new account, a role added to an existing one, or a role already held.
    pub outcome: InviteOutcome,
    /// The single-use link secret, when one was issued (shown once).
    pub link_secret: Option<String>,
}

/// See [`Invited`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteOutcome {
    /// Someone new: an account was created.
    NewAccount,
    /// An existing account got the role.
    RoleAdded,
    /// The person held this role there already.
    AlreadyHeld,
}

/// An invitation as the form sends it.
#[derive(Clone, Debug)]
pub struct Invitation<'a> {
    /// Email address.
    pub email: &'a str,
    /// Name, for a new account.
    pub display_name: &'a str,
    /// Institution slug (one of the admin's).
    pub institution: &'a str,
    /// Role key.
    pub role: &'a str,
}

/// What a change to a role leaves the admin able to see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterChange {
    /// The person's page is still theirs to see.
    PersonVisible,
    /// The person holds no more role in the admin's institutions.
    PersonGone,
    /// The admin manages no institution any more (they removed their own admin role).
    NoLongerAdmin,
}

/// The people service.
#[derive(Clone)]
pub struct People {
    db: DatabaseConnection,
    identity: IdentityService,
}

/// The institutions where `actor` may manage people.
fn managed(actor: &SignedIn) -> BTreeSet<i32> {
    let caller = actor.caller();
    actor
        .grants
        .iter()
        .map(|g| g.institution_id)
        .filter(|&institution| decide(&caller, Action::ManagePeople { institution }).allowed())
        .collect()
}

/// The policy's answer for an object held in `institutions`: allowed if the actor
/// manages people in one of them, forbidden if they hold a lesser role in one, not
/// found otherwise.
fn decision_over(actor: &SignedIn, institutions: impl IntoIterator<Item = i32>) -> Decision {
    let caller = actor.caller();
    let mut best = Decision::NotFound;
    for institution in institutions {
        match decide(&caller, Action::ManagePeople { institution }) {
            Decision::Allow => return Decision::Allow,
            Decision::Forbidden => best = Decision::Forbidden,
            Decision::SignInRequired => return Decision::SignInRequired,
            Decision::NotFound => {}
        }
    }
    best
}

fn valid_email(email: &str) -> bool {
    let parts = email.split_once('@');
    email.len() <= 254
        && !email.chars().any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && parts.is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty() && !domain.contains('@'))
}

/// Enabled admins of `institution` other than `except`.
async fn other_enabled_admins<C: ConnectionTrait>(db: &C, institution: i32, except: i32) -> Result<u64, DbErr> {
    let admins: Vec<i32> = membership::Entity::find()
        .select_only()
        .column(membership::Column::PersonId)
        .filter(membership::Column::InstitutionId.eq(institution))
        .filter(membership::Column::Role.eq(Role::Admin.key()))
        .filter(membership::Column::PersonId.ne(except))
        .into_tuple()
        .all(db)
        .await?;
    if admins.is_empty() {
        return Ok(0);
    }
    person::Entity::find()
        .filter(person::Column::Id.is_in(admins))
        .filter(person::Column::DisabledAt.is_null())
        .count(db)
        .await
}

impl People {
    /// Over the given database.
    pub fn new(db: DatabaseConnection, identity: IdentityService) -> Self {
        People { db, identity }
    }

    async fn audit(
        &self,
        actor: &SignedIn,
        action: &str,
        person: i32,
        detail: String,
        institution: i32,
    ) -> Result<(), DbErr> {
        let event = AuditEvent {
            actor: actor.actor(),
            action: action.to_string(),
            subject: format!("person:{person}"),
            detail,
            institution: Some(institution),
        };
        audit::append(&self.db, event).await
    }

    async fn institution_names(&self, ids: impl IntoIterator<Item = i32>) -> Result<BTreeMap<i32, String>, DbErr> {
        let ids: Vec<i32> = ids.into_iter().collect();
        Ok(institution::Entity::find()
            .filter(institution::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect())
    }

    /// Views of `people`, with their roles in `managed` institutions only.
    async fn views(
        &self,
        actor: &SignedIn,
        people: Vec<person::Model>,
        managed: &BTreeSet<i32>,
    ) -> Result<Vec<PersonView>, DbErr> {
        let ids: Vec<i32> = people.iter().map(|p| p.id).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let memberships = membership::Entity::find()
            .filter(membership::Column::PersonId.is_in(ids.clone()))
            .order_by_asc(membership::Column::Id)
            .all(&self.db)
            .await?;
        let names = self.institution_names(memberships.iter().map(|m| m.institution_id)).await?;
        let linked: BTreeSet<i32> = external_identity::Entity::find()
            .select_only()
            .column(external_identity::Column::PersonId)
            .filter(external_identity::Column::PersonId.is_in(ids.clone()))
            .into_tuple::<i32>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let last_sign_in: BTreeMap<i32, Option<i64>> = staff_session::Entity::find()
            .select_only()
            .column(staff_session::Column::PersonId)
            .column_as(Expr::col(staff_session::Column::CreatedAt).max(), "last")
            .filter(staff_session::Column::PersonId.is_in(ids))
            .group_by(staff_session::Column::PersonId)
            .into_tuple::<(i32, Option<i64>)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        Ok(people
            .into_iter()
            .map(|p| {
                let theirs: Vec<&membership::Model> = memberships.iter().filter(|m| m.person_id == p.id).collect();
                let status = if p.disabled_at.is_some() {
                    AccountStatus::Disabled
                } else if p.password_hash.is_some() || linked.contains(&p.id) {
                    AccountStatus::Active
                } else {
                    AccountStatus::Invited
                };
                PersonView {
                    id: p.id,
                    last_sign_in: last_sign_in.get(&p.id).copied().flatten(),
                    memberships: theirs
                        .iter()
                        .filter(|m| managed.contains(&m.institution_id))
                        .filter_map(|m| {
                            Some(MembershipView {
                                id: m.id,
                                institution_id: m.institution_id,
                                institution_name: names.get(&m.institution_id).cloned().unwrap_or_default(),
                                role: Role::from_key(&m.role)?,
                            })
                        })
                        .collect(),
                    manages_account: theirs.iter().all(|m| managed.contains(&m.institution_id)),
                    is_self: p.id == actor.person_id,
                    display_name: p.display_name,
                    email: p.email,
                    status,
                }
            })
            .collect())
    }

    /// Everyone with a role in an institution where `actor` manages people, by name.
    pub async fn list(&self, actor: &SignedIn) -> Result<Vec<PersonView>, PeopleError> {
        let managed = managed(actor);
        if managed.is_empty() {
            return Err(PeopleError::Refused(Decision::Forbidden));
        }
        let ids: BTreeSet<i32> = membership::Entity::find()
            .select_only()
            .column(membership::Column::PersonId)
            .filter(membership::Column::InstitutionId.is_in(managed.iter().copied()))
            .into_tuple::<i32>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let people = person::Entity::find().filter(person::Column::Id.is_in(ids)).all(&self.db).await?;
        let mut views = self.views(actor, people, &managed).await?;
        views.sort_by_cached_key(|v| (v.display_name.to_lowercase(), v.id));
        Ok(views)
    }

    /// One person, if they hold a role in one of `actor`'s managed institutions.
    pub async fn person(&self, actor: &SignedIn, person_id: i32) -> Result<PersonView, PeopleError> {
        let institutions: Vec<i32> = membership::Entity::find()
            .select_only()
            .column(membership::Column::InstitutionId)
            .filter(membership::Column::PersonId.eq(person_id))
            .into_tuple()
            .all(&self.db)
            .await?;
        match decision_over(actor, institutions) {
            Decision::Allow => {}
            decision => return Err(PeopleError::Refused(decision)),
        }
        let found = person::Entity::find_by_id(person_id).one(&self.db).await?;
        let found = found.ok_or(PeopleError::Refused(Decision::NotFound))?;
        let mut views = self.views(actor, vec![found], &managed(actor)).await?;
        views.pop().ok_or(PeopleError::Refused(Decision::NotFound))
    }

    /// Gives `role` in one of the admin's institutions to the person with this email,
    /// creating their account if there is none. A single-use link (to choose a
    /// password) is issued for a new account, and for one that was invited but never
    /// used if the admin manages all of it; never for an account that is in use or
    /// shared with another institution (it signs in as it always did).
    pub async fn invite(&self, actor: &SignedIn, invitation: Invitation<'_>, now: i64) -> Result<Invited, PeopleError> {
        // The form offers only the admin's institutions: another one is not theirs to name.
        let Some(grant) = actor.grants.iter().find(|g| g.institution_slug == invitation.institution) else {
            return Err(PeopleError::Refused(Decision::NotFound));
        };
        let institution = grant.institution_id;
        match decide(&actor.caller(), Action::ManagePeople { institution }) {
            Decision::Allow => {}
            decision => return Err(PeopleError::Refused(decision)),
        }
        let role = Role::from_key(invitation.role).ok_or(PeopleError::InvalidRole)?;
        let email = normalise_email(invitation.email);
        if !valid_email(&email) {
            return Err(PeopleError::InvalidEmail);
        }
        let name = invitation.display_name.trim();

        let txn = begin_serialised(&self.db, locks::PEOPLE).await?;
        let existing = person::Entity::find().filter(person::Column::Email.eq(&email)).one(&txn).await?;
        let (person, is_new) = match existing {
            Some(p) => (p, false),
            None => {
                if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
                    return Err(PeopleError::InvalidName);
                }
                let created = person::ActiveModel {
                    display_name: Set(name.to_string()),
                    email: Set(Some(email.clone())),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                (created, true)
            }
        };
        let memberships =
            membership::Entity::find().filter(membership::Column::PersonId.eq(person.id)).all(&txn).await?;
        let held = memberships.iter().any(|m| m.institution_id == institution && m.role == role.key());
        if !held {
            membership::ActiveModel {
                person_id: Set(person.id),
                institution_id: Set(institution),
                role: Set(role.key().to_string()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let in_use = person.password_hash.is_some()
            || external_identity::Entity::find()
                .filter(external_identity::Column::PersonId.eq(person.id))
                .count(&txn)
                .await?
                > 0;
        txn.commit().await?;

        let managed = managed(actor);
        let all_managed = memberships.iter().all(|m| managed.contains(&m.institution_id));
        // Inviting again someone who never used their link gives a fresh one.
        let link_wanted = is_new || (!in_use && all_managed && person.disabled_at.is_none());
        if !held {
            self.audit(actor, "role.granted", person.id, role.key().to_string(), institution).await?;
        }
        let link_secret = if link_wanted { Some(self.fresh_link(actor, person.id, now).await?) } else { None };
        let outcome = match (is_new, held) {
            (true, _) => InviteOutcome::NewAccount,
            (false, true) => InviteOutcome::AlreadyHeld,
            (false, false) => InviteOutcome::RoleAdded,
        };
        Ok(Invited { person_id: person.id, outcome, link_secret })
    }

    /// A new single-use link; the person's earlier unused links stop working.
    async fn fresh_link(&self, actor: &SignedIn, person_id: i32, now: i64) -> Result<String, PeopleError> {
        sign_in_token::Entity::update_many()
            .col_expr(sign_in_token::Column::UsedAt, Expr::value(now))
            .filter(sign_in_token::Column::PersonId.eq(person_id))
            .filter(sign_in_token::Column::Purpose.eq(sign_in_token::INVITATION))
            .filter(sign_in_token::Column::UsedAt.is_null())
            .exec(&self.db)
            .await?;
        Ok(self.identity.issue_invitation(person_id, &actor.actor(), now).await?)
    }

    /// The membership `membership` of `person_id`, if the actor may manage it.
    async fn membership_for<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &SignedIn,
        person_id: i32,
        membership_id: i32,
    ) -> Result<membership::Model, PeopleError> {
        let found = membership::Entity::find_by_id(membership_id)
            .filter(membership::Column::PersonId.eq(person_id))
            .one(db)
            .await?
            .ok_or(PeopleError::Refused(Decision::NotFound))?;
        match decide(&actor.caller(), Action::ManagePeople { institution: found.institution_id }) {
            Decision::Allow => Ok(found),
            decision => Err(PeopleError::Refused(decision)),
        }
    }

    /// Refuses a change that would leave the membership's institution without an
    /// enabled admin.
    async fn keep_an_admin<C: ConnectionTrait>(db: &C, held: &membership::Model) -> Result<(), PeopleError> {
        if held.role == Role::Admin.key() && other_enabled_admins(db, held.institution_id, held.person_id).await? == 0 {
            return Err(PeopleError::LastAdmin);
        }
        Ok(())
    }

    async fn after_change(&self, actor: &SignedIn, person_id: i32) -> Result<AfterChange, DbErr> {
        // The actor's roles as they are now: the change may have been to their own.
        let grants = self.identity.grants(actor.person_id).await?;
        let caller =
            Caller::Person { person_id: actor.person_id, grants: grants.clone(), projects: actor.projects.clone() };
        let managed_now: Vec<i32> = grants
            .iter()
            .map(|g| g.institution_id)
            .filter(|&institution| decide(&caller, Action::ManagePeople { institution }).allowed())
            .collect();
        if managed_now.is_empty() {
            return Ok(AfterChange::NoLongerAdmin);
        }
        let still_there = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .filter(membership::Column::InstitutionId.is_in(managed_now))
            .count(&self.db)
            .await?
            > 0;
        Ok(if still_there { AfterChange::PersonVisible } else { AfterChange::PersonGone })
    }

    /// Changes one role. If the person holds the new role there already, the two
    /// become one.
    pub async fn change_role(
        &self,
        actor: &SignedIn,
        person_id: i32,
        membership_id: i32,
        role: &str,
    ) -> Result<AfterChange, PeopleError> {
        let txn = begin_serialised(&self.db, locks::PEOPLE).await?;
        let held = self.membership_for(&txn, actor, person_id, membership_id).await?;
        let role = Role::from_key(role).ok_or(PeopleError::InvalidRole)?;
        if held.role == role.key() {
            return Ok(AfterChange::PersonVisible);
        }
        Self::keep_an_admin(&txn, &held).await?;
        let duplicate = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .filter(membership::Column::InstitutionId.eq(held.institution_id))
            .filter(membership::Column::Role.eq(role.key()))
            .count(&txn)
            .await?
            > 0;
        if duplicate {
            membership::Entity::delete_by_id(held.id).exec(&txn).await?;
        } else {
            membership::Entity::update_many()
                .col_expr(membership::Column::Role, Expr::value(role.key()))
                .filter(membership::Column::Id.eq(held.id))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        let detail = format!("{} -> {}", held.role, role.key());
        self.audit(actor, "role.changed", person_id, detail, held.institution_id).await?;
        Ok(self.after_change(actor, person_id).await?)
    }

    /// Removes one role (the account stays, with its other roles); `confirmed` is the
    /// form's confirmation box.
    pub async fn remove_role(
        &self,
        actor: &SignedIn,
        person_id: i32,
        membership_id: i32,
        confirmed: bool,
    ) -> Result<AfterChange, PeopleError> {
        let txn = begin_serialised(&self.db, locks::PEOPLE).await?;
        let held = self.membership_for(&txn, actor, person_id, membership_id).await?;
        if !confirmed {
            return Err(PeopleError::NotConfirmed);
        }
        Self::keep_an_admin(&txn, &held).await?;
        membership::Entity::delete_by_id(held.id).exec(&txn).await?;
        txn.commit().await?;
        self.audit(actor, "role.removed", person_id, held.role.clone(), held.institution_id).await?;
        Ok(self.after_change(actor, person_id).await?)
    }

    /// The person's institutions, if the actor may act on their whole account.
    async fn whole_account<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &SignedIn,
        person_id: i32,
    ) -> Result<(person::Model, Vec<membership::Model>), PeopleError> {
        let memberships = membership::Entity::find().filter(membership::Column::PersonId.eq(person_id)).all(db).await?;
        match decision_over(actor, memberships.iter().map(|m| m.institution_id)) {
            Decision::Allow => {}
            decision => return Err(PeopleError::Refused(decision)),
        }
        let found =
            person::Entity::find_by_id(person_id).one(db).await?.ok_or(PeopleError::Refused(Decision::NotFound))?;
        if person_id == actor.person_id {
            return Err(PeopleError::OwnAccount);
        }
        let managed = managed(actor);
        if !memberships.iter().all(|m| managed.contains(&m.institution_id)) {
            return Err(PeopleError::SharedAccount);
        }
        Ok((found, memberships))
    }

    /// Disables the account (its sessions end now; `confirmed` is the form's
    /// confirmation box) or enables it again.
    pub async fn set_disabled(
        &self,
        actor: &SignedIn,
        person_id: i32,
        disabled: bool,
        confirmed: bool,
        now: i64,
    ) -> Result<(), PeopleError> {
        let txn = begin_serialised(&self.db, locks::PEOPLE).await?;
        let (found, memberships) = self.whole_account(&txn, actor, person_id).await?;
        if disabled && !confirmed {
            return Err(PeopleError::NotConfirmed);
        }
        if found.disabled_at.is_some() == disabled {
            return Ok(());
        }
        if disabled {
            for held in &memberships {
                Self::keep_an_admin(&txn, held).await?;
            }
        }
        person::Entity::update_many()
            .col_expr(person::Column::DisabledAt, Expr::value(disabled.then_some(now)))
            .filter(person::Column::Id.eq(person_id))
            .exec(&txn)
            .await?;
        if disabled {
            staff_session::Entity::update_many()
                .col_expr(staff_session::Column::EndedAt, Expr::value(now))
                .filter(staff_session::Column::PersonId.eq(person_id))
                .filter(staff_session::Column::EndedAt.is_null())
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        let action = if disabled { "account.disabled" } else { "account.enabled" };
        tracing::info!(target: "security", event = action, person = person_id, by = actor.person_id);
        let institutions: BTreeSet<i32> = memberships.iter().map(|m| m.institution_id).collect();
        for institution in institutions {
            self.audit(actor, action, person_id, String::new(), institution).await?;
        }
        Ok(())
    }

    /// A new single-use link with which the person chooses a (new) password; their
    /// earlier unused links stop working.
    pub async fn new_sign_in_link(&self, actor: &SignedIn, person_id: i32, now: i64) -> Result<String, PeopleError> {
        let (found, _) = self.whole_account(&self.db, actor, person_id).await?;
        if found.disabled_at.is_some() {
            return Err(PeopleError::AccountDisabled);
        }
        self.fresh_link(actor, person_id, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::valid_email;

    #[test]
    fn email_addresses_are_checked_loosely_but_not_blindly() {
        for good in ["claire@chu.example", "c.martin+boucle@chu-lille.fr"] {
            assert!(valid_email(good), "{good}");
        }
        for bad in ["", "claire", "@chu.example", "claire@", "a@b@c", "claire martin@chu.example", "<x>@y.z"] {
            assert!(!valid_email(bad), "{bad}");
        }
    }
}
