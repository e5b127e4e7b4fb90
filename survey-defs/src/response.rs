//! Checking a response against its questionnaire, and which items are shown.
//!
//! Items are visited in definition order. An item is shown when its section's condition
//! and its own condition hold, evaluated on the valid answers to the items shown before
//! it (definition validation guarantees conditions only look backwards). Answers to
//! hidden items are reported in [`ResponseCheck::ignored_hidden`] and not kept.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::answer::convert;
pub use crate::answer::{Answer, Answers, RawAnswer, RawAnswers};
use crate::item::Item;
use crate::model::Questionnaire;
use crate::problem::{Problem, ProblemCode};

/// Which shown, required items must be answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequiredCheck {
    /// Every shown required item (final submission).
    All,
    /// None (save-as-you-go).
    Nothing,
    /// Shown required items of these sections only (the page being left).
    Sections(Vec<String>),
}

/// The outcome of checking a response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResponseCheck {
    /// Valid answers to shown items, typed. Only these may be stored.
    pub answers: Answers,
    /// Ids of items that had an answer although hidden by a condition: reported, not stored.
    pub ignored_hidden: Vec<String>,
    /// Problems; `path` is the item id (e.g. `"phq9_1"`).
    pub problems: Vec<Problem>,
}

impl ResponseCheck {
    /// True when there is no problem (ignored hidden answers are not problems).
    pub fn is_acceptable(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks one item's non-blank answer against every rule of the item (options, ranges,
/// lengths, selection counts, dates): the same check as [`check_answers`], for one
/// field, so a browser can tell the person at once what the server would say.
pub fn check_item(item: &Item, raw: &RawAnswer) -> Result<Answer, Problem> {
    convert(item, raw).map_err(|(code, detail)| Problem::new(&item.id, code, detail))
}

/// Checks a complete response: every shown required item must be answered.
pub fn check_response(questionnaire: &Questionnaire, raw: &RawAnswers) -> ResponseCheck {
    check_answers(questionnaire, raw, &RequiredCheck::All)
}

/// Checks a partial response (save-as-you-go): answers given are checked, missing
/// required answers are not problems.
pub fn check_partial(questionnaire: &Questionnaire, raw: &RawAnswers) -> ResponseCheck {
    check_answers(questionnaire, raw, &RequiredCheck::Nothing)
}

/// Checks a response, requiring answers as `required` says.
pub fn check_answers(questionnaire: &Questionnaire, raw: &RawAnswers, required: &RequiredCheck) -> ResponseCheck {
    let mut check = ResponseCheck::default();
    let mut known = BTreeSet::new();
    for section in &questionnaire.sections {
        let section_shown = section.condition.as_ref().is_none_or(|c| c.evaluate(questionnaire, &check.answers));
        let must_answer = match required {
            RequiredCheck::All => true,
            RequiredCheck::Nothing => false,
            RequiredCheck::Sections(ids) => ids.contains(&section.id),
        };
        for item in &section.items {
            known.insert(item.id.as_str());
            let shown =
                section_shown && item.condition.as_ref().is_none_or(|c| c.evaluate(questionnaire, &check.answers));
            let given = raw.get(&item.id).filter(|r| !r.is_blank());
            match (shown, given) {
                (false, Some(_)) => check.ignored_hidden.push(item.id.clone()),
                (false, None) => {}
                (true, Some(raw_answer)) => match convert(item, raw_answer) {
                    Ok(answer) => {
                        check.answers.insert(item.id.clone(), answer);
                    }
                    Err((code, detail)) => check.problems.push(Problem::new(&item.id, code, detail)),
                },
                (true, None) => {
                    if item.required && item.is_answerable() && must_answer {
                        check.problems.push(Problem::new(&item.id, ProblemCode::Required, "an answer is required"));
                    }
                }
            }
        }
    }
    for id in raw.keys().filter(|id| !known.contains(id.as_str())) {
        check.problems.push(Problem::new(id, ProblemCode::UnknownItem, "the questionnaire has no such item"));
    }
    check
}

/// Which sections and items are shown, given some answers (for the UI).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visibility {
    /// Ids of shown sections.
    pub visible_sections: BTreeSet<String>,
    /// Ids of shown items (display items included).
    pub visible_items: BTreeSet<String>,
}

impl Visibility {
    /// True when the item exists and is shown.
    pub fn item_visible(&self, id: &str) -> bool {
        self.visible_items.contains(id)
    }

    /// True when the section exists and is shown.
    pub fn section_visible(&self, id: &str) -> bool {
        self.visible_sections.contains(id)
    }
}

/// Which sections and items are shown. Answers to hidden items are disregarded when
/// evaluating later conditions, exactly as [`check_response`] does.
pub fn visibility(questionnaire: &Questionnaire, answers: &Answers) -> Visibility {
    let mut shown_answers = Answers::new();
    let mut result = Visibility::default();
    for section in &questionnaire.sections {
        let section_shown = section.condition.as_ref().is_none_or(|c| c.evaluate(questionnaire, &shown_answers));
        if !section_shown {
            continue;
        }
        result.visible_sections.insert(section.id.clone());
        for item in &section.items {
            let shown = item.condition.as_ref().is_none_or(|c| c.evaluate(questionnaire, &shown_answers));
            if shown {
                result.visible_items.insert(item.id.clone());
                if let Some(answer) = answers.get(&item.id) {
                    shown_answers.insert(item.id.clone(), answer.clone());
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod item_check_tests {
    use super::*;
    use crate::{builtin, raw_item_from_form};

    #[test]
    fn one_field_is_checked_as_the_whole_response_checks_it() {
        let q = builtin("phq-9").expect("phq-9");
        let item = q.item("phq9_1").expect("item");
        let raw = raw_item_from_form(item, &["7".to_string()]).expect("given");
        let problem = check_item(item, &raw).expect_err("no option 7");
        assert_eq!(problem.code, ProblemCode::UnknownOption);
        assert_eq!(problem.path, "phq9_1");
        let whole = check_partial(&q, &[("phq9_1".to_string(), raw.clone())].into_iter().collect());
        assert_eq!(whole.problems, vec![problem]);
        assert!(check_item(item, &raw_item_from_form(item, &["2".to_string()]).expect("given")).is_ok());
        assert_eq!(raw_item_from_form(item, &[" ".to_string()]), None, "blank is not an answer");
    }
}
