//! Conditions that show or hide a section or an item, depending on earlier answers.
//!
//! Rule: any comparison with an unanswered item is false — `not_equals` included — so a
//! follow-up question never appears before the question it follows up is answered.

use serde::{Deserialize, Serialize};

use crate::item::ItemKind;
use crate::model::Questionnaire;
use crate::response::{Answer, Answers};

/// A condition on earlier answers. JSON tag: `"op"`, snake_case.
///
/// `{"op": "equals", "item": "pain", "value": true}`,
/// `{"op": "any", "conditions": [{"op": "greater_than", "item": "phq9_1", "value": 0}]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every inner condition holds.
    All {
        /// Inner conditions (at least one).
        conditions: Vec<Condition>,
    },
    /// At least one inner condition holds.
    Any {
        /// Inner conditions (at least one).
        conditions: Vec<Condition>,
    },
    /// The item has an answer.
    Answered {
        /// Item id.
        item: String,
    },
    /// The answer equals `value` (an option code for choice items, a boolean for yes/no).
    Equals {
        /// Item id.
        item: String,
        /// Compared value.
        value: ConditionValue,
    },
    /// The item is answered and its answer differs from `value`.
    NotEquals {
        /// Item id.
        item: String,
        /// Compared value.
        value: ConditionValue,
    },
    /// The answer is greater than `value`: the number for rating/number items, the chosen
    /// option's scoring value for single choice/Likert items (false if that option has no value).
    GreaterThan {
        /// Item id.
        item: String,
        /// Threshold (exclusive).
        value: f64,
    },
    /// The answer is less than `value` (same rules as [`Condition::GreaterThan`]).
    LessThan {
        /// Item id.
        item: String,
        /// Threshold (exclusive).
        value: f64,
    },
    /// A multiple choice answer includes the option `option`.
    Includes {
        /// Item id.
        item: String,
        /// Option code.
        option: String,
    },
}

/// A value compared with an answer: JSON `true`, `3`, or `"code"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConditionValue {
    /// For yes/no items.
    Bool(bool),
    /// For rating and number items.
    Number(f64),
    /// An option code for choice items; the text for text items; `yyyy-mm-dd` for dates.
    Text(String),
}

impl Condition {
    /// Whether the condition holds for these answers.
    ///
    /// The questionnaire is needed to read the scoring value of a chosen option
    /// (`greater_than`/`less_than` on choice items). Answers are taken as given: callers
    /// that must ignore answers to hidden items use [`crate::visibility`], which does.
    pub fn evaluate(&self, questionnaire: &Questionnaire, answers: &Answers) -> bool {
        match self {
            Self::All { conditions } => conditions.iter().all(|c| c.evaluate(questionnaire, answers)),
            Self::Any { conditions } => conditions.iter().any(|c| c.evaluate(questionnaire, answers)),
            Self::Answered { item } => answers.get(item).is_some_and(Answer::is_answered),
            Self::Equals { item, value } => answers.get(item).and_then(|a| answer_equals(a, value)) == Some(true),
            Self::NotEquals { item, value } => answers.get(item).and_then(|a| answer_equals(a, value)) == Some(false),
            Self::GreaterThan { item, value } => {
                numeric_answer(questionnaire, item, answers).is_some_and(|n| n > *value)
            }
            Self::LessThan { item, value } => numeric_answer(questionnaire, item, answers).is_some_and(|n| n < *value),
            Self::Includes { item, option } => {
                matches!(answers.get(item), Some(Answer::Choices(codes)) if codes.contains(option))
            }
        }
    }

    /// Ids of the items this condition reads, in order of appearance (may repeat).
    pub fn referenced_items(&self) -> Vec<&str> {
        let mut ids = Vec::new();
        self.collect_items(&mut ids);
        ids
    }

    fn collect_items<'a>(&'a self, ids: &mut Vec<&'a str>) {
        match self {
            Self::All { conditions } | Self::Any { conditions } => {
                for c in conditions {
                    c.collect_items(ids);
                }
            }
            Self::Answered { item }
            | Self::Equals { item, .. }
            | Self::NotEquals { item, .. }
            | Self::GreaterThan { item, .. }
            | Self::LessThan { item, .. }
            | Self::Includes { item, .. } => ids.push(item),
        }
    }
}

/// `Some(equal?)` when the answer and the value are comparable; `None` otherwise.
fn answer_equals(answer: &Answer, value: &ConditionValue) -> Option<bool> {
    match (answer, value) {
        (Answer::Choice(code), ConditionValue::Text(v))
        | (Answer::Text(code), ConditionValue::Text(v))
        | (Answer::Date(code), ConditionValue::Text(v)) => Some(code == v),
        (Answer::YesNo(b), ConditionValue::Bool(v)) => Some(b == v),
        (Answer::Number(n), ConditionValue::Number(v)) => Some(n == v),
        _ => None,
    }
}

/// The number an answer stands for in `greater_than`/`less_than`.
fn numeric_answer(questionnaire: &Questionnaire, item_id: &str, answers: &Answers) -> Option<f64> {
    match answers.get(item_id)? {
        Answer::Number(n) => Some(*n),
        Answer::Choice(code) => {
            let item = questionnaire.item(item_id)?;
            match &item.kind {
                ItemKind::SingleChoice { .. } | ItemKind::Likert { .. } => item.option(code)?.value.map(f64::from),
                _ => None,
            }
        }
        _ => None,
    }
}
