//! What HTML forms send, turned into raw answers. A form sends every field as text,
//! repeats the name of a ticked checkbox once per tick, and sends nothing at all for an
//! unticked box or an unchosen radio group.

use crate::{Item, ItemKind, Questionnaire, RawAnswer, RawAnswers};
use std::collections::BTreeMap;

/// Form values by item id (several for multiple choice), as a draft keeps them.
pub type FormValues = BTreeMap<String, Vec<String>>;

/// The form values of this questionnaire's answerable items; other fields (tokens,
/// language) are left out.
pub fn form_values(questionnaire: &Questionnaire, pairs: &[(String, String)]) -> FormValues {
    let mut values = FormValues::new();
    for (name, value) in pairs {
        if questionnaire.item(name).is_some_and(|item| item.kind.is_answerable()) {
            values.entry(name.clone()).or_default().push(value.clone());
        }
    }
    values
}

/// Raw answers from form values: a list for multiple-choice items, the last non-blank
/// value otherwise; blank values mean "not answered".
pub fn raw_from_form(questionnaire: &Questionnaire, values: &FormValues) -> RawAnswers {
    let mut raw = RawAnswers::new();
    for (item_id, sent) in values {
        let Some(item) = questionnaire.item(item_id) else { continue };
        if let Some(answer) = raw_item_from_form(item, sent) {
            raw.insert(item_id.clone(), answer);
        }
    }
    raw
}

/// The raw answer of one item from the values its form fields sent; `None` when
/// nothing was given (the browser checks a field as the person leaves it this way).
pub fn raw_item_from_form(item: &Item, sent: &[String]) -> Option<RawAnswer> {
    match item.kind {
        ItemKind::MultipleChoice { .. } => {
            let ticked: Vec<String> = sent.iter().filter(|v| !v.trim().is_empty()).cloned().collect();
            Some(RawAnswer::List(ticked))
        }
        _ => sent.iter().rev().find(|v| !v.trim().is_empty()).map(|value| RawAnswer::Text(value.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    #[test]
    fn only_items_are_kept_and_blanks_are_unanswered() {
        let q = builtin("phq-9").expect("phq-9");
        let pairs = vec![
            ("form_token".to_string(), "x".to_string()),
            ("phq9_1".to_string(), "1".to_string()),
            ("phq9_2".to_string(), String::new()),
            ("not_an_item".to_string(), "3".to_string()),
        ];
        let values = form_values(&q, &pairs);
        assert_eq!(values.keys().collect::<Vec<_>>(), ["phq9_1", "phq9_2"]);
        let raw = raw_from_form(&q, &values);
        assert_eq!(raw.len(), 1);
        assert_eq!(raw.get("phq9_1"), Some(&RawAnswer::Text("1".to_string())));
    }
}
