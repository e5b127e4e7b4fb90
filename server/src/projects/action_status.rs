//! Where an action of a plan stands, and which moves are allowed: pure rules, tested
//! apart from storage.
//!
//! - A proposed action is adopted or rejected only by the project's co-decision rule
//!   (`projects::decision`), never by one person's status change; a rejection keeps
//!   its reason.
//! - An adopted action goes in progress, is done, or is abandoned (with a reason); an
//!   action in progress is done or abandoned.
//! - Rejected, done and abandoned are final: a new action is proposed instead, so the
//!   history respondents read never changes behind them.

/// Where an action stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionStatus {
    /// Proposed, waiting for the co-decision.
    Proposed,
    /// Adopted together.
    Adopted,
    /// Rejected together, with a reason.
    Rejected,
    /// Being done.
    InProgress,
    /// Done.
    Done,
    /// Given up, with a reason.
    Abandoned,
}

/// Why a status change is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// Adoption and rejection are decided by the co-decision rule, not set by hand.
    #[error("adopting or rejecting an action is decided together")]
    NeedsCoDecision,
    /// Rejecting or abandoning needs a reason.
    #[error("say why")]
    MissingReason,
    /// Not a move from this status (a final one, or backwards).
    #[error("an action cannot go from {from:?} to {to:?}")]
    NotAllowed {
        /// The current status.
        from: ActionStatus,
        /// The status asked for.
        to: ActionStatus,
    },
}

impl ActionStatus {
    /// Every status, in the order of a plan's life.
    pub const ALL: [ActionStatus; 6] = [
        ActionStatus::Proposed,
        ActionStatus::Adopted,
        ActionStatus::Rejected,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Abandoned,
    ];

    /// Stable key, for storage and translations.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Proposed => "proposed",
            ActionStatus::Adopted => "adopted",
            ActionStatus::Rejected => "rejected",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Abandoned => "abandoned",
        }
    }

    /// The status of a key.
    pub fn from_key(key: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether nothing can follow.
    pub fn is_final(self) -> bool {
        matches!(self, ActionStatus::Rejected | ActionStatus::Done | ActionStatus::Abandoned)
    }

    /// Whether a reason must be given to reach this status.
    pub fn needs_reason(self) -> bool {
        matches!(self, ActionStatus::Rejected | ActionStatus::Abandoned)
    }

    /// The statuses a member may set by hand from this one.
    pub fn next_by_hand(self) -> &'static [ActionStatus] {
        match self {
            ActionStatus::Adopted => &[ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Abandoned],
            ActionStatus::InProgress => &[ActionStatus::Done, ActionStatus::Abandoned],
            _ => &[],
        }
    }
}

/// Checks a status change. `together` says the co-decision rule decided it (the only
/// way from proposed to adopted or rejected).
pub fn check_transition(
    from: ActionStatus,
    to: ActionStatus,
    reason: &str,
    together: bool,
) -> Result<(), TransitionError> {
    use ActionStatus::*;
    if to.needs_reason() && reason.trim().is_empty() {
        return Err(TransitionError::MissingReason);
    }
    match (from, to) {
        (Proposed, Adopted | Rejected) if together => Ok(()),
        (Proposed, Adopted | Rejected) => Err(TransitionError::NeedsCoDecision),
        (from, to) if from.next_by_hand().contains(&to) => Ok(()),
        (from, to) => Err(TransitionError::NotAllowed { from, to }),
    }
}

#[cfg(test)]
mod tests {
    use super::ActionStatus::*;
    use super::*;

    #[test]
    fn adoption_and_rejection_are_only_decided_together() {
        assert_eq!(check_transition(Proposed, Adopted, "", false), Err(TransitionError::NeedsCoDecision));
        assert_eq!(check_transition(Proposed, Adopted, "", true), Ok(()));
        assert_eq!(check_transition(Proposed, Rejected, "Trop cher", false), Err(TransitionError::NeedsCoDecision));
        assert_eq!(check_transition(Proposed, Rejected, "Trop cher", true), Ok(()));
    }

    #[test]
    fn no_rejection_or_abandonment_without_a_reason() {
        assert_eq!(check_transition(Proposed, Rejected, "  ", true), Err(TransitionError::MissingReason));
        assert_eq!(check_transition(Adopted, Abandoned, "", false), Err(TransitionError::MissingReason));
        assert_eq!(check_transition(InProgress, Abandoned, "Le budget a été coupé", false), Ok(()));
    }

    #[test]
    fn an_adopted_action_moves_forward_and_final_statuses_stay() {
        assert_eq!(check_transition(Adopted, InProgress, "", false), Ok(()));
        assert_eq!(check_transition(Adopted, Done, "", false), Ok(()));
        assert_eq!(check_transition(InProgress, Done, "", false), Ok(()));
        for from in [Rejected, Done, Abandoned] {
            assert!(from.is_final());
            for to in ActionStatus::ALL {
                assert!(check_transition(from, to, "raison", true).is_err(), "{from:?} → {to:?}");
            }
        }
        assert_eq!(
            check_transition(InProgress, Adopted, "", false),
            Err(TransitionError::NotAllowed { from: InProgress, to: Adopted })
        );
        assert_eq!(
            check_transition(Proposed, InProgress, "", false),
            Err(TransitionError::NotAllowed { from: Proposed, to: InProgress })
        );
    }

    #[test]
    fn keys_round_trip() {
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(status.key()), Some(status));
        }
        assert_eq!(ActionStatus::from_key("finished"), None);
    }
}
