//! Items (questions) and their types.

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::text::LocalizedText;

/// Default `max_length` of a short text item, in characters.
pub const DEFAULT_SHORT_TEXT_LENGTH: u32 = 200;
/// Largest allowed `max_length` of a short text item.
pub const MAX_SHORT_TEXT_LENGTH: u32 = 500;
/// Default `max_length` of a long text item, in characters.
pub const DEFAULT_LONG_TEXT_LENGTH: u32 = 2000;
/// Largest allowed `max_length` of a long text item.
pub const MAX_LONG_TEXT_LENGTH: u32 = 10_000;
/// Most options of a multiple choice item: the answer is stored as a bitmask in an `i32`
/// whose sign bit stays clear (so it never collides with [`crate::MISSING`]).
pub const MAX_MULTIPLE_OPTIONS: usize = 31;
/// Most options of a single choice or Likert item.
pub const MAX_CHOICE_OPTIONS: usize = 100;
/// Most points of a rating scale (0–10 is 11 points; 21 allows −10…10).
pub const MAX_RATING_POINTS: i64 = 21;
/// Most decimals of a number item.
pub const MAX_DECIMALS: u8 = 4;

/// One question (or, for [`ItemKind::Display`], a text shown between questions).
///
/// JSON: the common fields plus a `"type"` tag and the type's own fields, flat:
/// `{"id": "q1", "type": "yes_no", "text": {"fr": "…"}}`. Unknown fields, and fields that
/// belong to another type (e.g. `options` on a `rating_scale`), are rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "crate::item_wire::ItemWire")]
pub struct Item {
    /// Unique across the questionnaire; `[a-z0-9_-]`, 1 to 64 characters.
    pub id: String,
    /// The question as shown.
    pub text: LocalizedText,
    /// Easy-read wording (FALC, *facile à lire et à comprendre*), offered on request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<LocalizedText>,
    /// Why this question is asked, in the respondent's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_we_ask: Option<LocalizedText>,
    /// Must be answered when shown (default false).
    pub required: bool,
    /// Shown only when this holds (and its section's condition holds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The item type and its settings.
    #[serde(flatten)]
    pub kind: ItemKind,
}

/// The type of an item, with its settings. JSON tag: `"type"`, snake_case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemKind {
    /// Exactly one option.
    SingleChoice {
        /// The options, in display order.
        options: Vec<AnswerOption>,
    },
    /// Any number of options (at most 31 options).
    MultipleChoice {
        /// The options, in display order.
        options: Vec<AnswerOption>,
        /// Fewest options to tick when answering.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min_selected: Option<u32>,
        /// Most options to tick.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max_selected: Option<u32>,
    },
    /// Labelled, ordered points (e.g. "Never" … "Always").
    Likert {
        /// The points, in order.
        options: Vec<AnswerOption>,
    },
    /// Whole numbers from `min` to `max` (e.g. a 0–10 numeric rating scale), at most 21 points.
    RatingScale {
        /// Lowest point.
        min: i32,
        /// Highest point.
        max: i32,
        /// Label of the lowest point.
        min_label: LocalizedText,
        /// Label of the highest point.
        max_label: LocalizedText,
    },
    /// A number between `min` and `max` with at most `decimals` decimals.
    Number {
        /// Smallest accepted value.
        min: f64,
        /// Largest accepted value.
        max: f64,
        /// Decimals allowed, 0 to 4.
        #[serde(default)]
        decimals: u8,
        /// Unit shown next to the field ("kg", "jours").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<LocalizedText>,
    },
    /// One line of free text.
    ShortText {
        /// Most characters (default 200, at most 500).
        #[serde(default = "default_short_length")]
        max_length: u32,
    },
    /// Several lines of free text.
    LongText {
        /// Most characters (default 2000, at most 10 000).
        #[serde(default = "default_long_length")]
        max_length: u32,
    },
    /// A calendar date, `yyyy-mm-dd`.
    Date {
        /// Earliest accepted date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<String>,
        /// Latest accepted date.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<String>,
    },
    /// Yes or no.
    YesNo,
    /// Text only, nothing to answer.
    Display,
}

fn default_short_length() -> u32 {
    DEFAULT_SHORT_TEXT_LENGTH
}

fn default_long_length() -> u32 {
    DEFAULT_LONG_TEXT_LENGTH
}

impl ItemKind {
    /// False only for [`ItemKind::Display`].
    pub fn is_answerable(&self) -> bool {
        !matches!(self, Self::Display)
    }

    /// The options of a single choice, multiple choice or Likert item; empty otherwise.
    pub fn options(&self) -> &[AnswerOption] {
        match self {
            Self::SingleChoice { options } | Self::MultipleChoice { options, .. } | Self::Likert { options } => options,
            _ => &[],
        }
    }

    /// The JSON `type` tag, e.g. `"single_choice"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::SingleChoice { .. } => "single_choice",
            Self::MultipleChoice { .. } => "multiple_choice",
            Self::Likert { .. } => "likert",
            Self::RatingScale { .. } => "rating_scale",
            Self::Number { .. } => "number",
            Self::ShortText { .. } => "short_text",
            Self::LongText { .. } => "long_text",
            Self::Date { .. } => "date",
            Self::YesNo => "yes_no",
            Self::Display => "display",
        }
    }
}

impl Item {
    /// True when the item asks for an answer (not a display text).
    pub fn is_answerable(&self) -> bool {
        self.kind.is_answerable()
    }

    /// The option with this code, for choice and Likert items.
    pub fn option(&self, code: &str) -> Option<&AnswerOption> {
        self.kind.options().iter().find(|o| o.code == code)
    }

    /// Lowest and highest scoring value of this item, when it can be scored:
    /// choice/Likert items with at least one valued option, rating scales, and
    /// whole-number items (`decimals: 0`) whose bounds fit an `i32`.
    pub fn score_range(&self) -> Option<(i32, i32)> {
        match &self.kind {
            ItemKind::SingleChoice { options } | ItemKind::Likert { options } => {
                let values = options.iter().filter_map(|o| o.value);
                let min = values.clone().min()?;
                let max = values.max()?;
                Some((min, max))
            }
            ItemKind::RatingScale { min, max, .. } => Some((*min, *max)),
            ItemKind::Number { min, max, decimals: 0, .. } => {
                let fits = |v: f64| v.fract() == 0.0 && v > f64::from(i32::MIN) && v <= f64::from(i32::MAX);
                if fits(*min) && fits(*max) {
                    // Truncation is exact: both are whole numbers within i32.
                    #[allow(clippy::cast_possible_truncation)]
                    Some((*min as i32, *max as i32))
                } else {
                    None
                }
            }
            _ => None,
        }
    }
}

/// One option of a choice or Likert item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable code stored in answers; unique within the item; `[a-z0-9_-]`.
    pub code: String,
    /// What the respondent reads.
    pub label: LocalizedText,
    /// Scoring value; `None` = not scored ("don't know", "not concerned"), counted as missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i32>,
}

impl AnswerOption {
    /// An option with a code, a French label and a scoring value.
    pub fn new(code: &str, label: LocalizedText, value: Option<i32>) -> Self {
        Self { code: code.to_owned(), label, value }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_kind_reads_alone_with_defaults_and_rejects_unknown_fields() {
        let kind: Result<ItemKind, _> = serde_json::from_str(r#"{"type": "short_text"}"#);
        assert_eq!(kind.ok(), Some(ItemKind::ShortText { max_length: DEFAULT_SHORT_TEXT_LENGTH }));
        let typo: Result<ItemKind, _> = serde_json::from_str(r#"{"type": "long_text", "max_lenght": 3}"#);
        assert!(typo.is_err());
        assert!(!ItemKind::Display.is_answerable() && ItemKind::YesNo.is_answerable());
    }

    #[test]
    fn items_serialize_flat() {
        let item = Item {
            id: "q".into(),
            text: LocalizedText::from([("fr", "Q ?")]),
            easy_read: None,
            why_we_ask: None,
            required: true,
            condition: None,
            kind: ItemKind::YesNo,
        };
        let json = serde_json::to_string(&item).unwrap_or_default();
        assert_eq!(json, r#"{"id":"q","text":{"fr":"Q ?"},"required":true,"type":"yes_no"}"#);
        let back: Result<Item, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(item));
    }
}
