//! The co-decision rule of a suggestion, as a pure function of its votes.
//!
//! Default rule (the "at least one patient-partner and one professional"):
//! - proposing counts as approving, but nobody decides alone: at least one member other
//!   than the author must approve;
//! - among the approvers (author included) there must be a patient-partner and a
//!   professional or quality-team member;
//! - a rejection by any voting member (observers do not vote), with its reason, rejects
//!   the suggestion: it stays visible with that reason, and can be proposed again.

use crate::identity::ProjectRole;

/// One member's vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vote {
    /// Who voted.
    pub person: i32,
    /// Their role in the project when they voted.
    pub role: ProjectRole,
    /// Approve (`true`) or reject.
    pub approve: bool,
}

/// Where a suggestion stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted: the draft changes.
    Accepted,
    /// Rejected by a member.
    Rejected,
    /// Waiting for the approvals it still lacks.
    Waiting {
        /// No patient-partner approves yet.
        needs_patient_partner: bool,
        /// No professional or quality-team member approves yet.
        needs_professional: bool,
        /// Nobody but the author approves yet.
        needs_someone_else: bool,
    },
}

/// Decides a suggestion from its author (and their role) and the votes cast.
pub fn outcome(author: (i32, ProjectRole), votes: &[Vote]) -> Outcome {
    let voting = |role: ProjectRole| role != ProjectRole::Observer;
    if votes.iter().any(|v| !v.approve && voting(v.role)) {
        return Outcome::Rejected;
    }
    let approvers: Vec<(i32, ProjectRole)> = std::iter::once(author)
        .chain(votes.iter().filter(|v| v.approve && voting(v.role) && v.person != author.0).map(|v| (v.person, v.role)))
        .filter(|(_, role)| voting(*role))
        .collect();
    let needs_patient_partner = !approvers.iter().any(|(_, r)| *r == ProjectRole::PatientPartner);
    let needs_professional = !approvers.iter().any(|(_, r)| r.leads());
    let needs_someone_else = !approvers.iter().any(|(person, _)| *person != author.0);
    if needs_patient_partner || needs_professional || needs_someone_else {
        Outcome::Waiting { needs_patient_partner, needs_professional, needs_someone_else }
    } else {
        Outcome::Accepted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProjectRole::*;

    fn vote(person: i32, role: ProjectRole, approve: bool) -> Vote {
        Vote { person, role, approve }
    }

    #[test]
    fn a_patient_partners_proposal_passes_with_one_professional() {
        let author = (1, PatientPartner);
        assert_eq!(
            outcome(author, &[]),
            Outcome::Waiting { needs_patient_partner: false, needs_professional: true, needs_someone_else: true }
        );
        assert_eq!(outcome(author, &[vote(2, Professional, true)]), Outcome::Accepted);
        assert_eq!(outcome(author, &[vote(3, QualityTeam, true)]), Outcome::Accepted);
    }

    #[test]
    fn nobody_decides_alone_even_holding_both_sides() {
        // The author approving again changes nothing.
        let author = (1, Professional);
        assert!(matches!(outcome(author, &[vote(1, Professional, true)]), Outcome::Waiting { .. }));
        // Two professionals are not a patient-partner.
        assert_eq!(
            outcome(author, &[vote(2, Professional, true)]),
            Outcome::Waiting { needs_patient_partner: true, needs_professional: false, needs_someone_else: false }
        );
        assert_eq!(outcome(author, &[vote(2, Professional, true), vote(3, PatientPartner, true)]), Outcome::Accepted);
    }

    #[test]
    fn observers_do_not_count_and_a_reasoned_rejection_ends_it() {
        let author = (1, PatientPartner);
        assert!(matches!(outcome(author, &[vote(2, Observer, true)]), Outcome::Waiting { .. }));
        assert!(matches!(outcome(author, &[vote(2, Observer, false)]), Outcome::Waiting { .. }));
        assert_eq!(outcome(author, &[vote(2, Professional, true), vote(3, PatientPartner, false)]), Outcome::Rejected);
    }
}
