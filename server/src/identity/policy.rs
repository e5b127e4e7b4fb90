//! The one place that decides who may do what. Handlers and services ask [`decide`];
//! nothing else in Boucle compares roles.
//!
//! Roles are held per institution (a person may be an admin in one hospital and a
//! patient-partner in another). Objects of an institution the caller holds no role in
//! are answered as if they did not exist (404), so ids cannot be probed across tenants.

use serde::{Deserialize, Serialize};

/// A role in an institution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages people, reads the audit log, the only one who may export identifying data.
    Admin,
    /// Runs campaigns and reviews analyses on de-identified answers.
    QualityTeam,
    /// A health professional: runs campaigns with the quality team.
    Professional,
    /// Co-designs questionnaires and reads results; never sees identities or invitation lists.
    PatientPartner,
    /// Reads campaign figures only.
    Observer,
}

impl Role {
    /// Every role, most powerful first.
    pub const ALL: [Role; 5] =
        [Role::Admin, Role::QualityTeam, Role::Professional, Role::PatientPartner, Role::Observer];

    /// Stored and translated key.
    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::QualityTeam => "quality_team",
            Role::Professional => "professional",
            Role::PatientPartner => "patient_partner",
            Role::Observer => "observer",
        }
    }

    /// The role stored under `key`.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.key() == key)
    }
}

/// A role held in one institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    /// The institution's id.
    pub institution_id: i32,
    /// Its slug.
    pub institution_slug: String,
    /// Its name.
    pub institution_name: String,
    /// The role.
    pub role: Role,
}

/// Who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// No session, no capability.
    Anonymous,
    /// A respondent holding a capability (invitation, resume or return cookie) for one response.
    Respondent,
    /// A signed-in person with their roles.
    Person {
        /// The person's id.
        person_id: i32,
        /// Their roles.
        grants: Vec<Grant>,
    },
}

/// What they want to do, with the institution that owns the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open the staff home page (any signed-in person).
    SeeStaffHome,
    /// List an institution's campaigns with their response counts.
    SeeCampaigns {
        /// Owning institution.
        institution: i32,
    },
    /// Create a campaign, close one early.
    RunCampaigns {
        /// Owning institution.
        institution: i32,
    },
    /// Issue single-use invitation links (an invitation list).
    IssueInvitations {
        /// Owning institution.
        institution: i32,
    },
    /// Browse the audit log.
    ReadAuditLog {
        /// Whose entries.
        institution: i32,
    },
    /// Add people, grant and remove roles.
    ManagePeople {
        /// Which institution.
        institution: i32,
    },
    /// Read a campaign's results (disclosure-controlled figures, charts, co-evaluation).
    SeeResults {
        /// Owning institution.
        institution: i32,
    },
    /// Download a campaign's de-identified answers, row by row (CSV, Parquet).
    ExportAnswers {
        /// Owning institution.
        institution: i32,
    },
    /// Download identifying data: the people list, the addresses respondents left.
    ExportIdentifyingData {
        /// Owning institution.
        institution: i32,
    },
}

/// Every kind of action, for the policy table test and the route matrix.
pub fn every_action(institution: i32) -> [Action; 9] {
    [
        Action::SeeStaffHome,
        Action::SeeCampaigns { institution },
        Action::RunCampaigns { institution },
        Action::IssueInvitations { institution },
        Action::ReadAuditLog { institution },
        Action::ManagePeople { institution },
        Action::SeeResults { institution },
        Action::ExportAnswers { institution },
        Action::ExportIdentifyingData { institution },
    ]
}

/// The answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead.
    Allow,
    /// Not signed in: sign in first (401 / redirect to the sign-in page).
    SignInRequired,
    /// Signed in, but this role may not (403).
    Forbidden,
    /// Signed in, but no role in the owning institution: the object does not exist for them (404).
    NotFound,
}

impl Decision {
    /// Whether the action may proceed.
    pub fn allowed(self) -> bool {
        self == Decision::Allow
    }
}

fn roles_allowed(action: Action) -> &'static [Role] {
    use Role::*;
    match action {
        Action::SeeStaffHome | Action::SeeCampaigns { .. } | Action::SeeResults { .. } => &Role::ALL,
        // Row-level answers, even de-identified, go only to those with a care or quality
        // duty (data minimisation); patient-partners and observers read the figures.
        Action::RunCampaigns { .. } | Action::IssueInvitations { .. } | Action::ExportAnswers { .. } => {
            &[Admin, QualityTeam, Professional]
        }
        Action::ReadAuditLog { .. } | Action::ManagePeople { .. } | Action::ExportIdentifyingData { .. } => &[Admin],
    }
}

fn institution_of(action: Action) -> Option<i32> {
    match action {
        Action::SeeStaffHome => None,
        Action::SeeCampaigns { institution }
        | Action::RunCampaigns { institution }
        | Action::IssueInvitations { institution }
        | Action::ReadAuditLog { institution }
        | Action::ManagePeople { institution }
        | Action::SeeResults { institution }
        | Action::ExportAnswers { institution }
        | Action::ExportIdentifyingData { institution } => Some(institution),
    }
}

/// Decides whether `caller` may do `action`.
pub fn decide(caller: &Caller, action: Action) -> Decision {
    let Caller::Person { grants, .. } = caller else {
        return Decision::SignInRequired;
    };
    let allowed = roles_allowed(action);
    match institution_of(action) {
        None => Decision::Allow,
        Some(institution) => {
            let mut held = grants.iter().filter(|grant| grant.institution_id == institution).peekable();
            if held.peek().is_none() {
                Decision::NotFound
            } else if held.any(|grant| allowed.contains(&grant.role)) {
                Decision::Allow
            } else {
                Decision::Forbidden
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(roles: &[(i32, Role)]) -> Caller {
        Caller::Person {
            person_id: 1,
            grants: roles
                .iter()
                .map(|&(institution_id, role)| Grant {
                    institution_id,
                    institution_slug: format!("i{institution_id}"),
                    institution_name: format!("Institution {institution_id}"),
                    role,
                })
                .collect(),
        }
    }

    /// The whole policy as a table: one row per role, one column per action of
    /// [`every_action`]. Changing a rule means changing this table on purpose.
    #[test]
    fn the_policy_table() {
        use Decision::{Allow as A, Forbidden as F};
        let table: [(Role, [Decision; 9]); 5] = [
            (Role::Admin, [A, A, A, A, A, A, A, A, A]),
            (Role::QualityTeam, [A, A, A, A, F, F, A, A, F]),
            (Role::Professional, [A, A, A, A, F, F, A, A, F]),
            (Role::PatientPartner, [A, A, F, F, F, F, A, F, F]),
            (Role::Observer, [A, A, F, F, F, F, A, F, F]),
        ];
        for (role, expected) in table {
            let caller = person(&[(7, role)]);
            for (action, want) in every_action(7).into_iter().zip(expected) {
                assert_eq!(decide(&caller, action), want, "{role:?} {action:?}");
            }
        }
    }

    #[test]
    fn another_institutions_objects_do_not_exist() {
        let admin_elsewhere = person(&[(8, Role::Admin)]);
        for action in every_action(7).into_iter().skip(1) {
            assert_eq!(decide(&admin_elsewhere, action), Decision::NotFound, "{action:?}");
        }
    }

    #[test]
    fn roles_in_one_institution_do_not_leak_into_another() {
        let mixed = person(&[(7, Role::PatientPartner), (8, Role::Admin)]);
        assert_eq!(decide(&mixed, Action::IssueInvitations { institution: 7 }), Decision::Forbidden);
        assert_eq!(decide(&mixed, Action::IssueInvitations { institution: 8 }), Decision::Allow);
    }

    #[test]
    fn nobody_without_a_session_gets_anything() {
        for caller in [Caller::Anonymous, Caller::Respondent] {
            for action in every_action(7) {
                assert_eq!(decide(&caller, action), Decision::SignInRequired, "{caller:?} {action:?}");
            }
        }
    }

    #[test]
    fn roles_round_trip_through_their_keys() {
        for role in Role::ALL {
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
        assert_eq!(Role::from_key("superuser"), None);
    }
}
