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

/// A role in one improvement project, held apart from institution roles: a person may
/// be a patient-partner in one project and an observer in another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectRole {
    /// Co-writes and co-decides as someone who lives with the condition or the care.
    PatientPartner,
    /// Co-writes and co-decides as a health professional; manages the members.
    Professional,
    /// Co-writes and co-decides for the quality team; manages the members.
    QualityTeam,
    /// Reads the project, writes nothing.
    Observer,
}

impl ProjectRole {
    /// Every project role.
    pub const ALL: [ProjectRole; 4] =
        [ProjectRole::PatientPartner, ProjectRole::Professional, ProjectRole::QualityTeam, ProjectRole::Observer];

    /// Stored and translated key.
    pub fn key(self) -> &'static str {
        match self {
            ProjectRole::PatientPartner => "patient_partner",
            ProjectRole::Professional => "professional",
            ProjectRole::QualityTeam => "quality_team",
            ProjectRole::Observer => "observer",
        }
    }

    /// The role stored under `key`.
    pub fn from_key(key: &str) -> Option<ProjectRole> {
        ProjectRole::ALL.into_iter().find(|role| role.key() == key)
    }

    /// Whether this role manages the project's members (a project always keeps one).
    pub fn leads(self) -> bool {
        matches!(self, ProjectRole::Professional | ProjectRole::QualityTeam)
    }

    /// The project role that matches an institution role, for a project's creator.
    pub fn for_institution_role(role: Role) -> ProjectRole {
        match role {
            Role::Admin | Role::QualityTeam => ProjectRole::QualityTeam,
            Role::Professional => ProjectRole::Professional,
            Role::PatientPartner => ProjectRole::PatientPartner,
            Role::Observer => ProjectRole::Observer,
        }
    }
}

/// A role held in one project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectGrant {
    /// The project's id.
    pub project_id: i32,
    /// The role.
    pub role: ProjectRole,
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
        /// Their roles in projects.
        projects: Vec<ProjectGrant>,
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
    /// Start an improvement project in an institution.
    StartProject {
        /// The institution.
        institution: i32,
    },
    /// Read a project: its need statement, members, drafts.
    SeeProject {
        /// Owning institution.
        institution: i32,
        /// The project.
        project: i32,
    },
    /// Write in a project: the need statement, suggestions, comments.
    ContributeToProject {
        /// Owning institution.
        institution: i32,
        /// The project.
        project: i32,
    },
    /// Add members to a project, change their roles, remove them.
    ManageProjectMembers {
        /// Owning institution.
        institution: i32,
        /// The project.
        project: i32,
    },
}

/// Every kind of action, for the policy table test and the route matrix.
pub fn every_action(institution: i32) -> [Action; 10] {
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
        Action::StartProject { institution },
    ]
}

/// Every project action on `project` of `institution`, for the project policy test and
/// the route matrix.
pub fn every_project_action(institution: i32, project: i32) -> [Action; 3] {
    [
        Action::SeeProject { institution, project },
        Action::ContributeToProject { institution, project },
        Action::ManageProjectMembers { institution, project },
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
        // Starting a project is a care or quality duty; patient-partners then join them.
        Action::StartProject { .. } => &[Admin, QualityTeam, Professional],
        // Decided by project roles instead (see `decide_in_project`).
        Action::SeeProject { .. } | Action::ContributeToProject { .. } | Action::ManageProjectMembers { .. } => &[],
    }
}

/// What a project role may do; `None` for actions that are not about a project.
fn project_roles_allowed(action: Action) -> Option<&'static [ProjectRole]> {
    use ProjectRole::*;
    match action {
        Action::SeeProject { .. } => Some(&ProjectRole::ALL),
        Action::ContributeToProject { .. } => Some(&[PatientPartner, Professional, QualityTeam]),
        Action::ManageProjectMembers { .. } => Some(&[Professional, QualityTeam]),
        _ => None,
    }
}

/// Project actions: the caller's role in the project decides. An admin of the owning
/// institution who is not a member may read it and manage its members (oversight), not
/// write in it; anyone else is told it does not exist, colleagues of the institution
/// included ("a non-member sees nothing").
fn decide_in_project(
    grants: &[Grant],
    projects: &[ProjectGrant],
    action: Action,
    institution: i32,
    project: i32,
    allowed: &[ProjectRole],
) -> Decision {
    if let Some(held) = projects.iter().find(|p| p.project_id == project) {
        let admin = grants.iter().any(|g| g.institution_id == institution && g.role == Role::Admin);
        return if allowed.contains(&held.role) || (admin && !matches!(action, Action::ContributeToProject { .. })) {
            Decision::Allow
        } else {
            Decision::Forbidden
        };
    }
    let admin = grants.iter().any(|g| g.institution_id == institution && g.role == Role::Admin);
    match action {
        Action::SeeProject { .. } | Action::ManageProjectMembers { .. } if admin => Decision::Allow,
        Action::ContributeToProject { .. } if admin => Decision::Forbidden,
        _ => Decision::NotFound,
    }
}

fn institution_of(action: Action) -> Option<i32> {
    match action {
        Action::SeeStaffHome => None,
        Action::SeeProject { institution, .. }
        | Action::ContributeToProject { institution, .. }
        | Action::ManageProjectMembers { institution, .. }
        | Action::StartProject { institution } => Some(institution),
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

fn project_of(action: Action) -> Option<i32> {
    match action {
        Action::SeeProject { project, .. }
        | Action::ContributeToProject { project, .. }
        | Action::ManageProjectMembers { project, .. } => Some(project),
        _ => None,
    }
}

/// Decides whether `caller` may do `action`.
pub fn decide(caller: &Caller, action: Action) -> Decision {
    let Caller::Person { grants, projects, .. } = caller else {
        return Decision::SignInRequired;
    };
    if let Some(allowed) = project_roles_allowed(action) {
        let (Some(institution), Some(project)) = (institution_of(action), project_of(action)) else {
            return Decision::NotFound;
        };
        return decide_in_project(grants, projects, action, institution, project, allowed);
    }
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
            projects: Vec::new(),
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
        let table: [(Role, [Decision; 10]); 5] = [
            (Role::Admin, [A, A, A, A, A, A, A, A, A, A]),
            (Role::QualityTeam, [A, A, A, A, F, F, A, A, F, A]),
            (Role::Professional, [A, A, A, A, F, F, A, A, F, A]),
            (Role::PatientPartner, [A, A, F, F, F, F, A, F, F, F]),
            (Role::Observer, [A, A, F, F, F, F, A, F, F, F]),
        ];
        for (role, expected) in table {
            let caller = person(&[(7, role)]);
            for (action, want) in every_action(7).into_iter().zip(expected) {
                assert_eq!(decide(&caller, action), want, "{role:?} {action:?}");
            }
        }
    }

    /// Project actions by project role, whatever the institution role: one row per
    /// caller, one column per action of [`every_project_action`].
    #[test]
    fn the_project_policy_table() {
        use Decision::{Allow as A, Forbidden as F, NotFound as N};
        let in_project = |institution_role: Role, role: ProjectRole| {
            let Caller::Person { person_id, grants, .. } = person(&[(7, institution_role)]) else { unreachable!() };
            Caller::Person { person_id, grants, projects: vec![ProjectGrant { project_id: 3, role }] }
        };
        let rows: [(&str, Caller, [Decision; 3]); 8] = [
            ("patient-partner", in_project(Role::Observer, ProjectRole::PatientPartner), [A, A, F]),
            ("professional", in_project(Role::PatientPartner, ProjectRole::Professional), [A, A, A]),
            ("quality team", in_project(Role::Professional, ProjectRole::QualityTeam), [A, A, A]),
            ("observer", in_project(Role::Professional, ProjectRole::Observer), [A, F, F]),
            ("observer who is an admin", in_project(Role::Admin, ProjectRole::Observer), [A, F, A]),
            ("admin, not a member", person(&[(7, Role::Admin)]), [A, F, A]),
            ("colleague, not a member", person(&[(7, Role::QualityTeam)]), [N, N, N]),
            ("elsewhere", person(&[(8, Role::Admin)]), [N, N, N]),
        ];
        for (who, caller, expected) in rows {
            for (action, want) in every_project_action(7, 3).into_iter().zip(expected) {
                assert_eq!(decide(&caller, action), want, "{who} {action:?}");
            }
        }
        assert_eq!(decide(&in_project(Role::Observer, ProjectRole::PatientPartner), every_project_action(7, 4)[0]), N);
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
