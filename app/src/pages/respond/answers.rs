//! An answer in words, as the respondent gave it (review page, return page).

use crate::i18n::Lang;
use crate::questionnaire_view::text_in;
use survey_defs::{Answer, Item, ItemKind};

/// The answer as the respondent would say it.
pub fn answer_text(item: &Item, answer: &Answer, lang: Lang) -> String {
    let label = |code: &str| {
        item.kind.options().iter().find(|o| o.code == code).map(|o| text_in(&o.label, lang).text).unwrap_or_default()
    };
    match answer {
        Answer::Choice(code) => label(code),
        Answer::Choices(codes) => codes.iter().map(|c| label(c)).collect::<Vec<_>>().join(", "),
        Answer::Number(value) => {
            let unit = match &item.kind {
                ItemKind::Number { unit: Some(unit), .. } => format!(" {}", text_in(unit, lang).text),
                _ => String::new(),
            };
            let shown = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value}") };
            let shown = if lang == Lang::Fr { shown.replace('.', ",") } else { shown };
            format!("{shown}{unit}")
        }
        Answer::Text(text) | Answer::Date(text) => text.clone(),
        Answer::YesNo(true) => lang.t("answer-yes"),
        Answer::YesNo(false) => lang.t("answer-no"),
    }
}
