//! Compact encoding of answers for storage: one `i32` per answerable item, so a million
//! responses load as a scan of little-endian integers, without parsing JSON per item.
//!
//! Codes per column kind: option index (single choice, Likert); bitmask of option indexes
//! (multiple choice, ≤ 31 options so the sign bit stays clear); the point (rating);
//! `round(value × 10^decimals)` (number); days since 1970-01-01 (date); 0/1 (yes/no);
//! number of characters (text — the text itself is kept beside, in `texts`).
//! [`MISSING`] marks an unanswered item.

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers};
use crate::date::{format_iso_date, parse_iso_date};
use crate::item::ItemKind;
use crate::model::Questionnaire;

/// The code of an unanswered item.
pub const MISSING: i32 = i32::MIN;

/// How answers of one questionnaire version are laid out: one column per answerable item,
/// in definition order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswerLayout {
    /// The columns.
    pub columns: Vec<LayoutColumn>,
}

/// One column: an item and how its answer is coded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayoutColumn {
    /// Item id.
    pub item_id: String,
    /// Coding.
    pub kind: ColumnKind,
}

/// How one item's answer is coded. JSON tag: `"kind"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnKind {
    /// Single choice or Likert: code = option index.
    Choice {
        /// Option codes, by index.
        option_codes: Vec<String>,
        /// Scoring values, by index.
        option_values: Vec<Option<i32>>,
    },
    /// Multiple choice: bit `i` set = option `i` selected.
    Choices {
        /// Number of options (≤ 31).
        option_count: u8,
        /// Option codes, by index.
        option_codes: Vec<String>,
    },
    /// Rating scale: code = the point.
    Rating {
        /// Lowest point.
        min: i32,
        /// Highest point.
        max: i32,
    },
    /// Number: code = `round(value × 10^decimals)`.
    Number {
        /// Decimals kept.
        decimals: u8,
    },
    /// Date: code = days since 1970-01-01.
    Date,
    /// Yes/no: 1 = yes, 0 = no.
    YesNo,
    /// Free text: code = number of characters; text in [`EncodedAnswers::texts`].
    Text,
}

/// Answers of one response, encoded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodedAnswers {
    /// One code per layout column.
    pub codes: Vec<i32>,
    /// Free-text answers: `(item id, text)`, in column order.
    pub texts: Vec<(String, String)>,
}

/// Errors reading encoded answers.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// The byte length is not a multiple of 4.
    #[error("encoded codes have {0} bytes, not a multiple of 4")]
    TruncatedCodes(usize),
}

impl Questionnaire {
    /// The storage layout of this questionnaire's answers.
    pub fn answer_layout(&self) -> AnswerLayout {
        let columns = self
            .answerable_items()
            .filter_map(|item| {
                let codes = || item.kind.options().iter().map(|o| o.code.clone()).collect::<Vec<_>>();
                let kind = match &item.kind {
                    ItemKind::SingleChoice { options } | ItemKind::Likert { options } => ColumnKind::Choice {
                        option_codes: codes(),
                        option_values: options.iter().map(|o| o.value).collect(),
                    },
                    ItemKind::MultipleChoice { options, .. } => ColumnKind::Choices {
                        option_count: u8::try_from(options.len()).unwrap_or(u8::MAX),
                        option_codes: codes(),
                    },
                    ItemKind::RatingScale { min, max, .. } => ColumnKind::Rating { min: *min, max: *max },
                    ItemKind::Number { decimals, .. } => ColumnKind::Number { decimals: *decimals },
                    ItemKind::ShortText { .. } | ItemKind::LongText { .. } => ColumnKind::Text,
                    ItemKind::Date { .. } => ColumnKind::Date,
                    ItemKind::YesNo => ColumnKind::YesNo,
                    ItemKind::Display => return None,
                };
                Some(LayoutColumn { item_id: item.id.clone(), kind })
            })
            .collect();
        AnswerLayout { columns }
    }
}

fn f64_to_code(x: f64) -> i32 {
    let rounded = x.round();
    if rounded.is_finite() && rounded > f64::from(MISSING) && rounded <= f64::from(i32::MAX) {
        // Checked to be a whole number strictly inside the i32 range.
        #[allow(clippy::cast_possible_truncation)]
        let code = rounded as i32;
        code
    } else {
        MISSING
    }
}

impl AnswerLayout {
    /// Index of the column of an item.
    pub fn column_index(&self, item_id: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.item_id == item_id)
    }

    /// Encodes answers; items without an answer, or with an answer that does not fit the
    /// column, get [`MISSING`].
    pub fn encode(&self, answers: &Answers) -> EncodedAnswers {
        let mut encoded = EncodedAnswers::default();
        for column in &self.columns {
            let answer = answers.get(&column.item_id);
            let code = match (&column.kind, answer) {
                (ColumnKind::Choice { option_codes, .. }, Some(Answer::Choice(code))) => {
                    option_codes.iter().position(|c| c == code).and_then(|i| i32::try_from(i).ok()).unwrap_or(MISSING)
                }
                (ColumnKind::Choices { option_codes, .. }, Some(Answer::Choices(codes))) => {
                    let mut mask = 0i32;
                    for (i, c) in option_codes.iter().enumerate().take(31) {
                        if codes.contains(c) {
                            mask |= 1 << i;
                        }
                    }
                    if mask == 0 { MISSING } else { mask }
                }
                (ColumnKind::Rating { .. }, Some(Answer::Number(n))) => f64_to_code(*n),
                (ColumnKind::Number { decimals }, Some(Answer::Number(n))) => {
                    f64_to_code(n * 10f64.powi(i32::from(*decimals)))
                }
                (ColumnKind::Date, Some(Answer::Date(d))) => parse_iso_date(d).unwrap_or(MISSING),
                (ColumnKind::YesNo, Some(Answer::YesNo(b))) => i32::from(*b),
                (ColumnKind::Text, Some(Answer::Text(t))) if !t.is_empty() => {
                    encoded.texts.push((column.item_id.clone(), t.clone()));
                    i32::try_from(t.chars().count()).unwrap_or(i32::MAX)
                }
                _ => MISSING,
            };
            encoded.codes.push(code);
        }
        encoded
    }

    /// Decodes answers. Missing codes, codes that do not fit their column (e.g. an option
    /// index out of range) and text columns without their text give no answer.
    pub fn decode(&self, encoded: &EncodedAnswers) -> Answers {
        let mut answers = Answers::new();
        for (column, &code) in self.columns.iter().zip(&encoded.codes) {
            if code == MISSING {
                continue;
            }
            let answer = match &column.kind {
                ColumnKind::Choice { option_codes, .. } => {
                    usize::try_from(code).ok().and_then(|i| option_codes.get(i)).map(|c| Answer::Choice(c.clone()))
                }
                ColumnKind::Choices { option_codes, .. } => {
                    let codes: Vec<String> = option_codes
                        .iter()
                        .enumerate()
                        .take(31)
                        .filter(|(i, _)| code & (1 << i) != 0)
                        .map(|(_, c)| c.clone())
                        .collect();
                    (code > 0 && !codes.is_empty()).then_some(Answer::Choices(codes))
                }
                ColumnKind::Rating { min, max } => {
                    (*min..=*max).contains(&code).then(|| Answer::Number(f64::from(code)))
                }
                ColumnKind::Number { decimals } => {
                    Some(Answer::Number(f64::from(code) / 10f64.powi(i32::from(*decimals))))
                }
                ColumnKind::Date => format_iso_date(code).map(Answer::Date),
                ColumnKind::YesNo => match code {
                    0 => Some(Answer::YesNo(false)),
                    1 => Some(Answer::YesNo(true)),
                    _ => None,
                },
                ColumnKind::Text => {
                    encoded.texts.iter().find(|(id, _)| *id == column.item_id).map(|(_, t)| Answer::Text(t.clone()))
                }
            };
            if let Some(answer) = answer {
                answers.insert(column.item_id.clone(), answer);
            }
        }
        answers
    }

    /// For each column, the scoring value of an encoded code: the option value for choice
    /// columns, the point for rating columns, the whole number for number columns with no
    /// decimals; `None` otherwise. Feed these to [`crate::score_values`].
    pub fn value_of(&self, column: usize, code: i32) -> Option<i32> {
        if code == MISSING {
            return None;
        }
        match &self.columns.get(column)?.kind {
            ColumnKind::Choice { option_values, .. } => *option_values.get(usize::try_from(code).ok()?)?,
            ColumnKind::Rating { .. } | ColumnKind::Number { decimals: 0 } => Some(code),
            _ => None,
        }
    }
}

impl EncodedAnswers {
    /// The codes as little-endian bytes, 4 per code.
    pub fn codes_to_bytes(codes: &[i32]) -> Vec<u8> {
        codes.iter().flat_map(|c| c.to_le_bytes()).collect()
    }

    /// Codes from little-endian bytes.
    pub fn codes_from_bytes(bytes: &[u8]) -> Result<Vec<i32>, LayoutError> {
        if !bytes.len().is_multiple_of(4) {
            return Err(LayoutError::TruncatedCodes(bytes.len()));
        }
        Ok(bytes.chunks_exact(4).map(|chunk| i32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]])).collect())
    }
}
