//! Answers: raw (as sent by a JSON client or an HTML form) and typed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::parse_iso_date;
use crate::item::{Item, ItemKind};
use crate::problem::ProblemCode;

/// An answer as it arrives: from JSON, or from an HTML form where everything is a string.
///
/// An empty (or blank) string and an empty list mean "unanswered".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum RawAnswer {
    /// `true` / `false`.
    Bool(bool),
    /// A JSON number.
    Number(f64),
    /// Text: an option code, a number such as `"7"` or `"7,5"`, `"yes"`, a date, free text.
    Text(String),
    /// Option codes of a multiple choice item.
    List(Vec<String>),
}

/// Raw answers by item id.
pub type RawAnswers = BTreeMap<String, RawAnswer>;

/// A checked answer. JSON: `{"type": "choice", "value": "2"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// Option code of a single choice or Likert item.
    Choice(String),
    /// Option codes of a multiple choice item, in the item's option order.
    Choices(Vec<String>),
    /// Rating scale point or number (already rounded to the item's decimals).
    Number(f64),
    /// Free text, trimmed.
    Text(String),
    /// `yyyy-mm-dd`.
    Date(String),
    /// Yes (true) or no (false).
    YesNo(bool),
}

/// Checked answers by item id.
pub type Answers = BTreeMap<String, Answer>;

impl Answer {
    /// False for an empty multiple choice or an empty text, which count as unanswered.
    pub fn is_answered(&self) -> bool {
        match self {
            Self::Choices(codes) => !codes.is_empty(),
            Self::Text(text) => !text.trim().is_empty(),
            _ => true,
        }
    }
}

impl RawAnswer {
    /// True for a blank string or an empty list: the respondent left the item empty.
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Text(text) => text.trim().is_empty(),
            Self::List(list) => list.iter().all(|s| s.trim().is_empty()),
            _ => false,
        }
    }
}

/// Why a raw answer was refused: a problem code and an English detail.
pub(crate) type Refusal = (ProblemCode, String);

fn wrong_type(expected: &str) -> Refusal {
    (ProblemCode::WrongType, format!("expected {expected}"))
}

/// Reads a number as typed by a person: `7`, `7.5`, `7,5` (French), `1 000`.
pub(crate) fn parse_human_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let valid = !cleaned.is_empty() && cleaned.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    if !valid {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn raw_number(raw: &RawAnswer) -> Result<f64, Refusal> {
    match raw {
        RawAnswer::Number(n) if n.is_finite() => Ok(*n),
        RawAnswer::Text(text) => {
            parse_human_number(text).ok_or_else(|| (ProblemCode::InvalidNumber, format!("`{text}` is not a number")))
        }
        _ => Err(wrong_type("a number")),
    }
}

fn choice_code(item: &Item, raw: &RawAnswer) -> Result<String, Refusal> {
    let code = match raw {
        RawAnswer::Text(text) => text.trim().to_owned(),
        // A JSON client may send option code "2" as the number 2.
        RawAnswer::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
        RawAnswer::List(list) if list.len() == 1 => list[0].trim().to_owned(),
        _ => return Err(wrong_type("one option code")),
    };
    if item.option(&code).is_some() {
        Ok(code)
    } else {
        Err((ProblemCode::UnknownOption, format!("no option `{code}`")))
    }
}

/// Converts a non-blank raw answer for `item` into a typed answer, checking every rule
/// of the item (options, ranges, lengths, selection counts, dates).
pub(crate) fn convert(item: &Item, raw: &RawAnswer) -> Result<Answer, Refusal> {
    match &item.kind {
        ItemKind::SingleChoice { .. } | ItemKind::Likert { .. } => choice_code(item, raw).map(Answer::Choice),
        ItemKind::MultipleChoice { options, min_selected, max_selected } => {
            let given: Vec<&str> = match raw {
                RawAnswer::List(list) => list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect(),
                // An HTML form with a single box ticked sends one string.
                RawAnswer::Text(text) => vec![text.trim()],
                _ => return Err(wrong_type("a list of option codes")),
            };
            if let Some(unknown) = given.iter().find(|c| !options.iter().any(|o| o.code == **c)) {
                return Err((ProblemCode::UnknownOption, format!("no option `{unknown}`")));
            }
            let codes: Vec<String> =
                options.iter().filter(|o| given.contains(&o.code.as_str())).map(|o| o.code.clone()).collect();
            let count = u32::try_from(codes.len()).unwrap_or(u32::MAX);
            if let Some(min) = min_selected.filter(|min| count < *min) {
                return Err((ProblemCode::TooFewSelected, format!("select at least {min}")));
            }
            if let Some(max) = max_selected.filter(|max| count > *max) {
                return Err((ProblemCode::TooManySelected, format!("select at most {max}")));
            }
            Ok(Answer::Choices(codes))
        }
        ItemKind::RatingScale { min, max, .. } => {
            let n = raw_number(raw)?;
            if n.fract() != 0.0 {
                return Err((ProblemCode::InvalidNumber, "expected a whole number".to_owned()));
            }
            if n < f64::from(*min) || n > f64::from(*max) {
                return Err((ProblemCode::OutOfRange, format!("expected {min} to {max}")));
            }
            Ok(Answer::Number(n))
        }
        ItemKind::Number { min, max, decimals, .. } => {
            let n = raw_number(raw)?;
            let scale = 10f64.powi(i32::from(*decimals));
            let scaled = (n * scale).round();
            if (n * scale - scaled).abs() > 1e-6 * scale.max(1.0) {
                return Err((ProblemCode::InvalidNumber, format!("at most {decimals} decimal(s)")));
            }
            let n = scaled / scale;
            if n < *min || n > *max {
                return Err((ProblemCode::OutOfRange, format!("expected {min} to {max}")));
            }
            Ok(Answer::Number(n))
        }
        ItemKind::ShortText { max_length } | ItemKind::LongText { max_length } => {
            let RawAnswer::Text(text) = raw else {
                return Err(wrong_type("text"));
            };
            let text = text.trim();
            let length = text.chars().count();
            if length > usize::try_from(*max_length).unwrap_or(usize::MAX) {
                return Err((ProblemCode::TooLong, format!("{length} characters, at most {max_length}")));
            }
            Ok(Answer::Text(text.to_owned()))
        }
        ItemKind::Date { min, max } => {
            let RawAnswer::Text(text) = raw else {
                return Err(wrong_type("a date yyyy-mm-dd"));
            };
            let text = text.trim();
            let day = parse_iso_date(text)
                .ok_or_else(|| (ProblemCode::InvalidDate, format!("`{text}` is not a date yyyy-mm-dd")))?;
            let too_early = min.as_deref().and_then(parse_iso_date).is_some_and(|m| day < m);
            let too_late = max.as_deref().and_then(parse_iso_date).is_some_and(|m| day > m);
            if too_early || too_late {
                let bounds = format!("{} to {}", min.as_deref().unwrap_or("…"), max.as_deref().unwrap_or("…"));
                return Err((ProblemCode::OutOfRange, format!("expected a date from {bounds}")));
            }
            Ok(Answer::Date(text.to_owned()))
        }
        ItemKind::YesNo => match raw {
            RawAnswer::Bool(b) => Ok(Answer::YesNo(*b)),
            RawAnswer::Number(n) if *n == 0.0 || *n == 1.0 => Ok(Answer::YesNo(*n == 1.0)),
            RawAnswer::Text(text) => match text.trim().to_lowercase().as_str() {
                "yes" | "true" | "oui" | "1" => Ok(Answer::YesNo(true)),
                "no" | "false" | "non" | "0" => Ok(Answer::YesNo(false)),
                _ => Err(wrong_type("yes or no")),
            },
            _ => Err(wrong_type("yes or no")),
        },
        ItemKind::Display => Err((ProblemCode::WrongType, "this item is a text, not a question".to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_numbers() {
        assert_eq!(parse_human_number("7"), Some(7.0));
        assert_eq!(parse_human_number(" 7,5 "), Some(7.5));
        assert_eq!(parse_human_number("1 000"), Some(1000.0));
        assert_eq!(parse_human_number("-2.25"), Some(-2.25));
        for bad in ["", "abc", "7kg", "inf", "NaN", "1e3", "7,5,1"] {
            assert_eq!(parse_human_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn answer_json_is_adjacently_tagged() {
        let json = serde_json::to_string(&Answer::Choice("2".into())).unwrap_or_default();
        assert_eq!(json, r#"{"type":"choice","value":"2"}"#);
        let raw: Vec<RawAnswer> = serde_json::from_str(r#"[true, 3, "7,5", ["a","b"]]"#).unwrap_or_default();
        assert_eq!(
            raw,
            vec![
                RawAnswer::Bool(true),
                RawAnswer::Number(3.0),
                RawAnswer::Text("7,5".into()),
                RawAnswer::List(vec!["a".into(), "b".into()])
            ]
        );
    }
}
