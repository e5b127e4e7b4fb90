//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use survey_defs::{Answers, Questionnaire, RawAnswer, RawAnswers};

/// The README's example questionnaire, as text.
pub const EXAMPLE_JSON: &str = include_str!("../fixtures/example.json");

/// The example as a JSON value, to mutate.
pub fn example_value() -> Value {
    serde_json::from_str(EXAMPLE_JSON).unwrap()
}

/// The example, parsed.
pub fn example() -> Questionnaire {
    Questionnaire::from_json(EXAMPLE_JSON).unwrap()
}

/// The example after `mutate`, as JSON text.
pub fn mutated(mutate: impl FnOnce(&mut Value)) -> String {
    let mut value = example_value();
    mutate(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

/// The example after `mutate`, parsed (must stay valid).
pub fn mutated_questionnaire(mutate: impl FnOnce(&mut Value)) -> Questionnaire {
    let json = mutated(mutate);
    match Questionnaire::from_json(&json) {
        Ok(q) => q,
        Err(e) => panic!("mutated example is invalid: {:#?}", e.problems),
    }
}

/// The built-in questionnaire with this id.
pub fn builtin(id: &str) -> Questionnaire {
    survey_defs::builtin(id).expect("built-in exists")
}

/// Raw answers from `(item id, answer)` pairs.
pub fn raw<const N: usize>(pairs: [(&str, RawAnswer); N]) -> RawAnswers {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// Raw text answer.
pub fn text(s: &str) -> RawAnswer {
    RawAnswer::Text(s.to_owned())
}

/// Checked answers giving option `codes[k]` to items `{prefix}{k+1}`.
pub fn choices(prefix: &str, codes: &[&str]) -> Answers {
    codes
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, c)| (format!("{prefix}{}", k + 1), survey_defs::Answer::Choice((*c).to_owned())))
        .collect()
}
