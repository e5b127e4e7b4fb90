//! Figures in words, in the page's language: numbers with the right decimal mark,
//! percentages, and "fewer than k" where a figure is withheld.

use analytics::Disclosed;
use app::i18n::Lang;
use app::questionnaire_view::text_in;
use survey_defs::{Item, ItemKind, Questionnaire};

/// A number with `decimals` decimals, French with a decimal comma.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let shown = format!("{value:.decimals$}");
    if lang == Lang::Fr { shown.replace('.', ",") } else { shown }
}

/// A whole count.
pub fn count(n: u64) -> String {
    n.to_string()
}

/// A percentage: "42 %" in French (narrow no-break space), "42%" in English.
pub fn pct(lang: Lang, value: f64) -> String {
    let shown = number(lang, value, if value.fract().abs() < 0.05 { 0 } else { 1 });
    match lang {
        Lang::Fr => format!("{shown}\u{202f}%"),
        Lang::En => format!("{shown}%"),
    }
}

/// "fewer than 5".
pub fn withheld(lang: Lang, fewer_than: u32) -> String {
    lang.t_args("results-fewer-than", &[("k", fewer_than.into())])
}

/// A disclosed count in words.
pub fn disclosed_count(lang: Lang, figure: &Disclosed<u64>) -> String {
    match figure {
        Disclosed::Shown(n) => count(*n),
        Disclosed::Suppressed { fewer_than } => withheld(lang, *fewer_than),
    }
}

/// A disclosed percentage in words.
pub fn disclosed_pct(lang: Lang, figure: &Disclosed<f64>) -> String {
    match figure {
        Disclosed::Shown(v) => pct(lang, *v),
        Disclosed::Suppressed { fewer_than } => withheld(lang, *fewer_than),
    }
}

/// The question of an item, and the language it is shown in.
pub fn question(item: &Item, lang: Lang) -> (String, String) {
    let shown = text_in(&item.text, lang);
    (shown.text, shown.lang)
}

/// The label of one answer code of `item`, as `analytics` names options: the option's
/// code, `yes`/`no`, or a rating point.
pub fn option_label(item: &Item, code: &str, lang: Lang) -> String {
    match &item.kind {
        ItemKind::YesNo => lang.t(if code == "yes" { "answer-yes" } else { "answer-no" }),
        ItemKind::RatingScale { min, max, min_label, max_label } => {
            let point = code.parse::<i32>().ok();
            if point == Some(*min) {
                format!("{code} ({})", text_in(min_label, lang).text)
            } else if point == Some(*max) {
                format!("{code} ({})", text_in(max_label, lang).text)
            } else {
                code.to_string()
            }
        }
        kind => kind
            .options()
            .iter()
            .find(|o| o.code == code)
            .map_or_else(|| code.to_string(), |o| text_in(&o.label, lang).text),
    }
}

/// The title of scale `scale_id`.
pub fn scale_title(questionnaire: &Questionnaire, scale_id: &str, lang: Lang) -> (String, String) {
    questionnaire.scales.iter().find(|s| s.id == scale_id).map_or_else(
        || (scale_id.to_string(), lang.tag().to_string()),
        |s| {
            let shown = text_in(&s.title, lang);
            (shown.text, shown.lang)
        },
    )
}

/// A score as shown: whole numbers without decimals, others with one.
pub fn score(lang: Lang, value: f64) -> String {
    number(lang, value, if value.fract().abs() < 0.05 { 0 } else { 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_use_a_decimal_comma_and_a_spaced_percent() {
        assert_eq!(number(Lang::Fr, 2.25, 2), "2,25");
        assert_eq!(number(Lang::En, 2.25, 2), "2.25");
        assert_eq!(pct(Lang::Fr, 42.0), "42\u{202f}%");
        assert_eq!(pct(Lang::En, 12.34), "12.3%");
        assert_eq!(score(Lang::Fr, 7.5), "7,5");
        assert_eq!(score(Lang::En, 7.0), "7");
    }

    #[test]
    fn withheld_figures_say_fewer_than() {
        assert_eq!(disclosed_count(Lang::En, &Disclosed::Suppressed { fewer_than: 5 }), "fewer than 5");
        assert_eq!(disclosed_count(Lang::Fr, &Disclosed::Suppressed { fewer_than: 5 }), "moins de 5");
        assert_eq!(disclosed_pct(Lang::En, &Disclosed::Shown(50.0)), "50%");
    }
}
