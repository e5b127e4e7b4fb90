//! Whether the loop closes, per campaign: how many respondents opened what came back,
//! how long results and decisions took against the date promised at invitation, how
//! many proposals were answered, and how many actions were done by their due date.
//! Pure functions of plain figures, so the rules are tested apart from storage.

/// One action, as the measures need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFacts {
    /// Its status key.
    pub status: String,
    /// Its due date, as days since the Unix epoch.
    pub due_day: Option<i64>,
    /// When it was done, as days since the Unix epoch.
    pub done_day: Option<i64>,
}

/// What the measures are computed from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoopFacts {
    /// Responses kept.
    pub responses: u64,
    /// Of those, how many opened their return page once the plan was published.
    pub opened_after_publication: u64,
    /// When answering closed (ms), if it has.
    pub closed_at: Option<i64>,
    /// The date promised to respondents at invitation (ms), if any.
    pub promised_at: Option<i64>,
    /// When the plan was published to respondents (ms), if it was.
    pub published_at: Option<i64>,
    /// Today (ms).
    pub now: i64,
    /// The plan's actions.
    pub actions: Vec<ActionFacts>,
}

/// The loop measures of one campaign.
#[derive(Clone, Debug, PartialEq)]
pub struct LoopMeasures {
    /// Share of respondents who opened the returned results and decisions (0–1), once published.
    pub opened_share: Option<f64>,
    /// Days from closing to publication (or to today, while unpublished), once closed.
    pub days_to_publication: Option<i64>,
    /// Whether publication came (or is still to come) after the promised date.
    pub late: bool,
    /// Proposals decided (adopted or rejected with a reason), and all proposals.
    pub proposals_answered: (usize, usize),
    /// Actions done by their due date, and actions whose due date has come (or that are done).
    pub done_on_time: (usize, usize),
}

const DAY_MS: i64 = 86_400_000;

/// Days since the Unix epoch of a time in milliseconds.
pub fn day_of(ms: i64) -> i64 {
    ms.div_euclid(DAY_MS)
}

/// Computes the measures.
pub fn measure(facts: &LoopFacts) -> LoopMeasures {
    let opened_share = match (facts.published_at, facts.responses) {
        (Some(_), n) if n > 0 => Some(facts.opened_after_publication.min(n) as f64 / n as f64),
        _ => None,
    };
    let end = facts.published_at.unwrap_or(facts.now);
    let days_to_publication = facts.closed_at.map(|closed| day_of(end) - day_of(closed)).map(|d| d.max(0));
    let late = facts.promised_at.is_some_and(|promised| day_of(end) > day_of(promised));
    let proposals = facts.actions.len();
    let answered = facts.actions.iter().filter(|a| a.status != "proposed").count();
    let today = day_of(facts.now);
    let due: Vec<&ActionFacts> = facts
        .actions
        .iter()
        .filter(|a| a.status != "proposed" && a.status != "rejected")
        .filter(|a| a.due_day.is_some_and(|d| d <= today) || (a.status == "done" && a.due_day.is_some()))
        .collect();
    let on_time = due
        .iter()
        .filter(|a| a.status == "done" && matches!((a.done_day, a.due_day), (Some(done), Some(due)) if done <= due))
        .count();
    LoopMeasures {
        opened_share,
        days_to_publication,
        late,
        proposals_answered: (answered, proposals),
        done_on_time: (on_time, due.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(status: &str, due_day: Option<i64>, done_day: Option<i64>) -> ActionFacts {
        ActionFacts { status: status.into(), due_day, done_day }
    }

    #[test]
    fn the_share_who_opened_counts_only_once_published() {
        let mut facts =
            LoopFacts { responses: 40, opened_after_publication: 0, now: 100 * DAY_MS, ..Default::default() };
        assert_eq!(measure(&facts).opened_share, None, "nothing to open yet");
        facts.published_at = Some(90 * DAY_MS);
        facts.opened_after_publication = 10;
        assert_eq!(measure(&facts).opened_share, Some(0.25));
        facts.responses = 0;
        assert_eq!(measure(&facts).opened_share, None, "no respondents, no share");
    }

    #[test]
    fn publication_is_late_after_the_promised_day_even_before_it_happens() {
        let facts = LoopFacts {
            closed_at: Some(10 * DAY_MS + 5),
            promised_at: Some(40 * DAY_MS),
            published_at: Some(40 * DAY_MS + 3_600_000),
            now: 60 * DAY_MS,
            ..Default::default()
        };
        let on_the_day = measure(&facts);
        assert_eq!(on_the_day.days_to_publication, Some(30));
        assert!(!on_the_day.late, "published on the promised day");
        let waiting = LoopFacts { published_at: None, ..facts.clone() };
        let measured = measure(&waiting);
        assert!(measured.late, "still unpublished after the promise");
        assert_eq!(measured.days_to_publication, Some(50), "counted up to today");
        let open = LoopFacts { closed_at: None, promised_at: None, published_at: None, ..facts };
        assert_eq!(measure(&open).days_to_publication, None, "still open");
        assert!(!measure(&open).late, "nothing promised");
    }

    #[test]
    fn proposals_answered_and_actions_done_by_their_due_date() {
        let facts = LoopFacts {
            now: 100 * DAY_MS,
            actions: vec![
                action("proposed", Some(50), None),
                action("rejected", Some(50), None),
                action("done", Some(90), Some(85)),
                action("done", Some(80), Some(95)),
                action("in_progress", Some(99), None),
                action("adopted", Some(150), None),
                action("done", None, Some(70)),
            ],
            ..Default::default()
        };
        let measured = measure(&facts);
        assert_eq!(measured.proposals_answered, (6, 7), "all but the one still proposed");
        // Due by now or done with a due date: the two done ones with dates and the one in progress.
        assert_eq!(measured.done_on_time, (1, 3));
    }
}
