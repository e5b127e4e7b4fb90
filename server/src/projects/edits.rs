//! From the draft page's forms to `survey_defs::Change`s: the question editor (wording
//! in each language side by side, why we ask, easy-read wording, options, place, or
//! removal), the new-question form, and the score form. Pure functions of the posted
//! fields and the draft as it stands: only what the person actually changed becomes a
//! change, so a proposal shows exactly that and applies over others' accepted changes.

use super::ProjectError;
use crate::forms::{Fields, field};
use survey_defs::{
    AnswerOption, Change, Condition, ConditionValue, Item, ItemKind, LocalizedText, Questionnaire, Scale, ScoreBand,
    ScoringMethod,
};

/// Longest text in any field of these forms.
const MAX_FIELD: usize = 1000;

/// A text per language from fields `{prefix}-{lang}`; `None` when every one is blank.
fn texts(fields: &Fields, prefix: &str, languages: &[String]) -> Result<Option<LocalizedText>, ProjectError> {
    let mut out = LocalizedText::new();
    for lang in languages {
        let value = field(fields, &format!("{prefix}-{lang}")).unwrap_or_default().trim().replace("\r\n", "\n");
        if value.chars().count() > MAX_FIELD {
            return Err(ProjectError::InvalidWording);
        }
        if !value.is_empty() {
            out.set(lang, &value);
        }
    }
    Ok((!out.is_empty()).then_some(out))
}

/// Where an item sits: its section and the item before it.
fn place_of(q: &Questionnaire, id: &str) -> Option<(String, Option<String>)> {
    q.sections.iter().find_map(|s| {
        let at = s.items.iter().position(|i| i.id == id)?;
        Some((s.id.clone(), at.checked_sub(1).map(|before| s.items[before].id.clone())))
    })
}

/// The place a form asks for: field `place` is `{section}` (first in it) or
/// `{section}/{item}` (after that item).
fn place_from(fields: &Fields) -> Option<(String, Option<String>)> {
    let place = field(fields, "place")?;
    Some(match place.split_once('/') {
        Some((section, after)) => (section.to_string(), Some(after.to_string())),
        None => (place.to_string(), None),
    })
}

/// A code no option of `taken` uses: `o1`, `o2`…
fn fresh_code(taken: &[AnswerOption]) -> String {
    (1..).map(|n| format!("o{n}")).find(|c| !taken.iter().any(|o| o.code == *c)).unwrap_or_default()
}

/// The options of the question editor: one row per existing option (`option-{n}-code`
/// hidden, labels `option-{n}-label-{lang}`, `option-{n}-value`, `option-{n}-remove`),
/// then blank rows for new ones; rows are kept in the order of `option-{n}-order`.
fn options_from(fields: &Fields, languages: &[String]) -> Result<Vec<AnswerOption>, ProjectError> {
    let mut rows: Vec<(f64, usize, AnswerOption)> = Vec::new();
    let mut new_rows = Vec::new();
    for n in 0..survey_defs::MAX_CHOICE_OPTIONS {
        let key = |part: &str| format!("option-{n}-{part}");
        let code = field(fields, &key("code")).map(str::trim);
        let Some(label) = texts(fields, &format!("option-{n}-label"), languages)? else {
            if code.is_none() && field(fields, &key("value")).is_none() {
                break;
            }
            continue;
        };
        if field(fields, &key("remove")).is_some() {
            continue;
        }
        let value = match field(fields, &key("value")).map(str::trim).unwrap_or_default() {
            "" => None,
            text => Some(text.parse::<i32>().map_err(|_| ProjectError::BadField("change-error-option-value"))?),
        };
        let order = match field(fields, &key("order")).map(str::trim).unwrap_or_default() {
            "" => n as f64,
            text => text.parse::<f64>().map_err(|_| ProjectError::BadField("change-error-option-order"))?,
        };
        match code.filter(|c| !c.is_empty()) {
            Some(code) => rows.push((order, n, AnswerOption::new(code, label, value))),
            None => new_rows.push((order, n, label, value)),
        }
    }
    for (order, n, label, value) in new_rows {
        let taken: Vec<AnswerOption> = rows.iter().map(|(_, _, o)| o.clone()).collect();
        rows.push((order, n, AnswerOption::new(&fresh_code(&taken), label, value)));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    Ok(rows.into_iter().map(|(_, _, o)| o).collect())
}

/// Whether the form has any field whose name starts with `prefix`.
fn sent(fields: &Fields, prefix: &str) -> bool {
    fields.iter().any(|(k, _)| k.starts_with(prefix))
}

/// The changes the question editor asks for item `id`.
pub fn item_edit(q: &Questionnaire, id: &str, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    let item = q.item(id).ok_or(ProjectError::UnknownItem)?;
    if field(fields, "remove").is_some() {
        return Ok(vec![Change::RemoveItem { item: id.to_string() }]);
    }
    let mut changes = Vec::new();
    let wording = texts(fields, "text", &q.languages)?.unwrap_or_default();
    for lang in &q.languages {
        if let Some(text) = wording.get_exact(lang)
            && item.text.get_exact(lang) != Some(text)
        {
            changes.push(Change::Reword { item: id.to_string(), language: lang.clone(), text: text.to_string() });
        }
    }
    // A part of the editor absent from the form (an API client sending only what it
    // changes) is left as it is, not emptied.
    let why_we_ask = if sent(fields, "why-") { texts(fields, "why", &q.languages)? } else { item.why_we_ask.clone() };
    let easy_read = if sent(fields, "easy-") { texts(fields, "easy", &q.languages)? } else { item.easy_read.clone() };
    if why_we_ask != item.why_we_ask || easy_read != item.easy_read {
        changes.push(Change::ExplainItem { item: id.to_string(), why_we_ask, easy_read });
    }
    if !item.kind.options().is_empty() && sent(fields, "option-") {
        let options = options_from(fields, &q.languages)?;
        if options != item.kind.options() {
            changes.push(Change::ChangeOptions { item: id.to_string(), options });
        }
    }
    if let Some((section, after)) = place_from(fields)
        && Some((section.clone(), after.clone())) != place_of(q, id)
    {
        changes.push(Change::MoveItem { item: id.to_string(), section, after });
    }
    if let Some(condition) = condition_from(q, fields)?
        && condition != item.condition
    {
        changes.push(Change::SetItemCondition { item: id.to_string(), condition });
    }
    Ok(changes)
}

/// The value a condition compares with, as a person writes it: for a yes/no question
/// `oui`/`non` (or `yes`/`no`); for a question with options, an option's code or label
/// in any language; otherwise a number, or text.
fn condition_value(item: &Item, text: &str) -> Result<ConditionValue, ProjectError> {
    let bad = || ProjectError::BadField("change-error-condition-value");
    let text = text.trim();
    if matches!(item.kind, ItemKind::YesNo) {
        return match text.to_lowercase().as_str() {
            "oui" | "yes" | "true" => Ok(ConditionValue::Bool(true)),
            "non" | "no" | "false" => Ok(ConditionValue::Bool(false)),
            _ => Err(bad()),
        };
    }
    let options = item.kind.options();
    if !options.is_empty() {
        let lower = text.to_lowercase();
        return options
            .iter()
            .find(|o| o.code == text || o.label.iter().any(|(_, label)| label.to_lowercase() == lower))
            .map(|o| ConditionValue::Text(o.code.clone()))
            .ok_or_else(bad);
    }
    match text.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(ConditionValue::Number(n)),
        _ if !text.is_empty() && text.chars().count() <= MAX_FIELD => Ok(ConditionValue::Text(text.to_string())),
        _ => Err(bad()),
    }
}

/// The condition a form asks for (fields `cond`: the comparison, `cond-item`: the
/// question it looks at, `cond-value`): `None` when the form has no condition fields or
/// asks to keep the current one (`cond=keep`), `Some(None)` to show always.
pub fn condition_from(q: &Questionnaire, fields: &Fields) -> Result<Option<Option<Condition>>, ProjectError> {
    let op = match field(fields, "cond").map(str::trim) {
        None | Some("keep") => return Ok(None),
        Some("") => return Ok(Some(None)),
        Some(op) => op,
    };
    let looked_at = field(fields, "cond-item").unwrap_or_default().trim();
    let item = q.item(looked_at).ok_or(ProjectError::BadField("change-error-condition-item"))?.clone();
    let id = item.id.clone();
    let value = field(fields, "cond-value").unwrap_or_default();
    // Compared with the answer's number (a choice's score value), whatever the kind.
    let number = || {
        value
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or(ProjectError::BadField("change-error-condition-value"))
    };
    let condition = match op {
        "answered" => Condition::Answered { item: id },
        "equals" => Condition::Equals { value: condition_value(&item, value)?, item: id },
        "not_equals" => Condition::NotEquals { value: condition_value(&item, value)?, item: id },
        "greater_than" => Condition::GreaterThan { value: number()?, item: id },
        "less_than" => Condition::LessThan { value: number()?, item: id },
        "includes" => match condition_value(&item, value)? {
            ConditionValue::Text(option) if matches!(item.kind, ItemKind::MultipleChoice { .. }) => {
                Condition::Includes { item: id, option }
            }
            _ => return Err(ProjectError::BadField("change-error-condition-value")),
        },
        _ => return Err(ProjectError::BadField("change-error-condition")),
    };
    Ok(Some(Some(condition)))
}

/// The changes the section form asks for (field `section`: its id; empty for a new
/// section placed after field `after`): its heading, its condition, or its removal.
pub fn section_edit(q: &Questionnaire, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    let id = field(fields, "section").unwrap_or_default().trim();
    let title = texts(fields, "title", &q.languages)?.unwrap_or_default();
    if id.is_empty() {
        let after = field(fields, "after").map(str::trim).filter(|a| !a.is_empty()).map(str::to_string);
        let id = (1..).map(|n| format!("s{n}")).find(|id| q.section(id).is_none()).unwrap_or_default();
        return Ok(vec![Change::AddSection { after, id, title }]);
    }
    let section = q.section(id).ok_or(ProjectError::BadField("change-error-section"))?;
    if field(fields, "remove").is_some() {
        return Ok(vec![Change::RemoveSection { section: id.to_string() }]);
    }
    let mut changes = Vec::new();
    if title != section.title {
        changes.push(Change::RenameSection { section: id.to_string(), title });
    }
    if let Some(condition) = condition_from(q, fields)?
        && condition != section.condition
    {
        changes.push(Change::SetSectionCondition { section: id.to_string(), condition });
    }
    Ok(changes)
}

/// The change the language form asks for (field `language`, a two-letter tag).
pub fn add_language(_q: &Questionnaire, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    let language = field(fields, "language").unwrap_or_default().trim().to_lowercase();
    Ok(vec![Change::AddLanguage { language }])
}

/// Options written one per line, `value = label fr | label en` (the value is optional),
/// labels in the questionnaire's language order.
fn option_lines(text: &str, languages: &[String]) -> Result<Vec<AnswerOption>, ProjectError> {
    let mut options: Vec<AnswerOption> = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (value, labels) = match line.split_once('=') {
            Some((value, labels)) if value.trim().parse::<i32>().is_ok() => (value.trim().parse::<i32>().ok(), labels),
            _ => (None, line),
        };
        let mut label = LocalizedText::new();
        for (lang, text) in languages.iter().zip(labels.split('|')) {
            let text = text.trim();
            if text.chars().count() > MAX_FIELD {
                return Err(ProjectError::BadField("change-error-options"));
            }
            if !text.is_empty() {
                label.set(lang, text);
            }
        }
        let code = fresh_code(&options);
        options.push(AnswerOption::new(&code, label, value));
    }
    Ok(options)
}

fn number(fields: &Fields, name: &str) -> Result<Option<f64>, ProjectError> {
    match field(fields, name).map(str::trim).unwrap_or_default() {
        "" => Ok(None),
        text => text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .map(Some)
            .ok_or(ProjectError::BadField("change-error-bounds")),
    }
}

/// A whole-number bound for a rating scale.
fn whole(value: Option<f64>, default: i32) -> Result<i32, ProjectError> {
    match value {
        None => Ok(default),
        Some(v) if v.fract() == 0.0 && v.abs() <= 1_000_000.0 => Ok(v as i32),
        Some(_) => Err(ProjectError::BadField("change-error-bounds")),
    }
}

/// The change the new-question form asks for: its id is the first free `q{n}`.
pub fn new_item(q: &Questionnaire, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    let (section, after) = place_from(fields).ok_or(ProjectError::BadField("change-error-place"))?;
    let text = texts(fields, "text", &q.languages)?.ok_or(ProjectError::InvalidWording)?;
    let options = || option_lines(field(fields, "options").unwrap_or_default(), &q.languages);
    let (low, high) = (number(fields, "min")?, number(fields, "max")?);
    let kind = match field(fields, "type").unwrap_or_default() {
        "single_choice" => ItemKind::SingleChoice { options: options()? },
        "multiple_choice" => ItemKind::MultipleChoice { options: options()?, min_selected: None, max_selected: None },
        "likert" => ItemKind::Likert { options: options()? },
        "yes_no" => ItemKind::YesNo,
        "short_text" => ItemKind::ShortText { max_length: survey_defs::DEFAULT_SHORT_TEXT_LENGTH },
        "long_text" => ItemKind::LongText { max_length: survey_defs::DEFAULT_LONG_TEXT_LENGTH },
        "number" => ItemKind::Number { min: low.unwrap_or(0.0), max: high.unwrap_or(100.0), decimals: 0, unit: None },
        "date" => ItemKind::Date { min: None, max: None },
        "rating_scale" => ItemKind::RatingScale {
            min: whole(low, 0)?,
            max: whole(high, 10)?,
            min_label: texts(fields, "low", &q.languages)?.unwrap_or_default(),
            max_label: texts(fields, "high", &q.languages)?.unwrap_or_default(),
        },
        "display" => ItemKind::Display,
        _ => return Err(ProjectError::BadField("change-error-type")),
    };
    let id = (1..).map(|n| format!("q{n}")).find(|id| q.item(id).is_none()).unwrap_or_default();
    let required = field(fields, "required").is_some() && kind.is_answerable();
    let item = Item {
        id,
        text,
        easy_read: None,
        why_we_ask: texts(fields, "why", &q.languages)?,
        required,
        condition: None,
        kind,
    };
    Ok(vec![Change::AddItem { section, after, item }])
}

/// Bands written one per line, `min-max = label fr | label en`.
fn band_lines(text: &str, languages: &[String]) -> Result<Vec<ScoreBand>, ProjectError> {
    let bad = || ProjectError::BadField("change-error-bands");
    let mut bands = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (range, labels) = line.split_once('=').ok_or_else(bad)?;
        // The range's dash may be followed by a negative bound: split on the first dash after a digit.
        let range = range.trim();
        let cut = range.char_indices().skip(1).find(|(_, c)| *c == '-' || *c == '–').map(|(i, _)| i).ok_or_else(bad)?;
        let (min, max) = (&range[..cut], range[cut..].trim_start_matches(['-', '–']));
        let parse = |v: &str| v.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite());
        let (Some(min), Some(max)) = (parse(min), parse(max)) else { return Err(bad()) };
        let mut label = LocalizedText::new();
        for (lang, text) in languages.iter().zip(labels.split('|')) {
            if !text.trim().is_empty() {
                label.set(lang, text.trim());
            }
        }
        bands.push(ScoreBand { min, max, label, description: None });
    }
    Ok(bands)
}

/// The change the score form asks for scale `id` (a new scale when the id is new).
pub fn scale_edit(q: &Questionnaire, id: &str, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    if field(fields, "remove").is_some() {
        return Ok(vec![Change::RemoveScale { scale: id.to_string() }]);
    }
    let items: Vec<String> = fields.iter().filter(|(k, _)| k == "items").map(|(_, v)| v.clone()).collect();
    let reverse_items: Vec<String> =
        fields.iter().filter(|(k, _)| k == "reverse").map(|(_, v)| v.clone()).filter(|v| items.contains(v)).collect();
    let method = match field(fields, "method").unwrap_or_default() {
        "sum" => ScoringMethod::Sum,
        "mean" => ScoringMethod::Mean,
        "mean_rescaled" => ScoringMethod::MeanRescaled,
        _ => return Err(ProjectError::BadField("change-error-method")),
    };
    let min_answered = field(fields, "min_answered")
        .and_then(|v| v.trim().parse::<u32>().ok())
        .ok_or(ProjectError::BadField("change-error-min-answered"))?;
    let current = q.scale(id);
    let scale = Scale {
        id: id.to_string(),
        title: texts(fields, "title", &q.languages)?.ok_or(ProjectError::InvalidWording)?,
        items,
        reverse_items,
        method,
        min_answered,
        prorate: field(fields, "prorate").is_some(),
        bands: band_lines(field(fields, "bands").unwrap_or_default(), &q.languages)?,
        caveat: current.and_then(|s| s.caveat.clone()),
    };
    if current == Some(&scale) {
        return Ok(Vec::new());
    }
    Ok(vec![Change::SetScale { scale }])
}

/// The change the description form asks for: title, introduction, who asks and why.
pub fn describe(q: &Questionnaire, fields: &Fields) -> Result<Vec<Change>, ProjectError> {
    let title = texts(fields, "title", &q.languages)?.ok_or(ProjectError::InvalidWording)?;
    let introduction = texts(fields, "introduction", &q.languages)?.unwrap_or_default();
    let who_asks_and_why = texts(fields, "who", &q.languages)?.unwrap_or_default();
    if title == q.title && introduction == q.introduction && who_asks_and_why == q.who_asks_and_why {
        return Ok(Vec::new());
    }
    Ok(vec![Change::Describe { title, introduction, who_asks_and_why }])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phq9() -> Questionnaire {
        survey_defs::builtin("phq-9").unwrap_or_else(|| survey_defs::empty_draft("x", &LocalizedText::new(), &[]))
    }

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    /// The editor's fields for an item as it stands.
    fn as_shown(q: &Questionnaire, id: &str) -> Fields {
        let Some(item) = q.item(id) else { return Vec::new() };
        let mut out = Vec::new();
        for lang in &q.languages {
            out.push((format!("text-{lang}"), item.text.get_exact(lang).unwrap_or_default().to_string()));
        }
        for (n, o) in item.kind.options().iter().enumerate() {
            out.push((format!("option-{n}-code"), o.code.clone()));
            for lang in &q.languages {
                out.push((format!("option-{n}-label-{lang}"), o.label.get_exact(lang).unwrap_or_default().to_string()));
            }
            out.push((format!("option-{n}-value"), o.value.map(|v| v.to_string()).unwrap_or_default()));
        }
        if let Some((section, after)) = place_of(q, id) {
            out.push(("place".into(), after.map(|a| format!("{section}/{a}")).unwrap_or(section)));
        }
        out
    }

    #[test]
    fn an_untouched_editor_changes_nothing_and_each_edit_is_one_change() {
        let q = phq9();
        let shown = as_shown(&q, "phq9_2");
        assert_eq!(item_edit(&q, "phq9_2", &shown).ok(), Some(Vec::new()));
        let mut edited = shown.clone();
        edited[0].1 = "Vous vous êtes senti triste ?".into();
        edited.push(("why-fr".into(), "Pour savoir comment vous allez.".into()));
        let changes = item_edit(&q, "phq9_2", &edited).unwrap_or_default();
        let kinds: Vec<&str> = changes.iter().map(Change::kind).collect();
        assert_eq!(kinds, ["reword", "explain_item"]);
        assert!(survey_defs::apply_to_draft(&q, &changes).is_ok() || q.languages.len() > 1);
    }

    #[test]
    fn options_are_relabelled_reordered_removed_and_added() {
        let q = phq9();
        let mut edited = as_shown(&q, "phq9_1");
        for (k, v) in &mut edited {
            if k == "option-0-label-fr" {
                *v = "Pas du tout".into();
            }
        }
        edited.push(("option-3-remove".into(), "on".into()));
        edited.push(("option-1-order".into(), "9".into()));
        edited.extend(form(&[("option-4-label-fr", "Je ne sais pas"), ("option-4-label-en", "I don't know")]));
        let changes = item_edit(&q, "phq9_1", &edited).unwrap_or_default();
        let Some(Change::ChangeOptions { options, .. }) = changes.first() else { panic!("{changes:?}") };
        let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
        let before: Vec<&str> =
            q.item("phq9_1").map(|i| i.kind.options().iter().map(|o| o.code.as_str()).collect()).unwrap_or_default();
        assert_eq!(codes, [before[0], before[2], "o1", before[1]]);
        assert_eq!(options[0].label.get_exact("fr"), Some("Pas du tout"));
        assert_eq!(options[2].value, None);
        let bad = [as_shown(&q, "phq9_1"), form(&[("option-0-value", "beaucoup")])].concat();
        let bad: Fields = bad.into_iter().rev().collect();
        assert!(matches!(item_edit(&q, "phq9_1", &bad), Err(ProjectError::BadField("change-error-option-value"))));
    }

    #[test]
    fn moving_and_removing_come_from_the_same_editor() {
        let q = phq9();
        let section = q.sections[0].id.clone();
        let mut moved = as_shown(&q, "phq9_3");
        moved.retain(|(k, _)| k != "place");
        moved.push(("place".into(), section.clone()));
        let changes = item_edit(&q, "phq9_3", &moved).unwrap_or_default();
        assert_eq!(changes, [Change::MoveItem { item: "phq9_3".into(), section, after: None }]);
        let removed = [as_shown(&q, "phq9_10"), form(&[("remove", "on")])].concat();
        assert_eq!(item_edit(&q, "phq9_10", &removed).ok(), Some(vec![Change::RemoveItem { item: "phq9_10".into() }]));
        assert!(matches!(item_edit(&q, "nope", &removed), Err(ProjectError::UnknownItem)));
    }

    #[test]
    fn a_new_question_reads_its_options_and_bounds() {
        let q = phq9();
        let section = q.sections[0].id.clone();
        let fields = form(&[
            ("place", &format!("{section}/phq9_9")),
            ("type", "likert"),
            ("text-fr", "Avez-vous bien dormi ?"),
            ("text-en", "Did you sleep well?"),
            ("options", "0 = Non | No\n\n1 = Un peu | A little\nJe ne sais pas | Don't know"),
            ("required", "on"),
        ]);
        let changes = new_item(&q, &fields).unwrap_or_default();
        let Some(Change::AddItem { item, after, .. }) = changes.first() else { panic!("{changes:?}") };
        assert_eq!((item.id.as_str(), after.as_deref(), item.required), ("q1", Some("phq9_9"), true));
        let values: Vec<Option<i32>> = item.kind.options().iter().map(|o| o.value).collect();
        assert_eq!(values, [Some(0), Some(1), None]);
        assert_eq!(item.kind.options()[1].label.get_exact("en"), Some("A little"));
        assert!(survey_defs::apply_to_draft(&q, &changes).is_ok());
        let rating =
            form(&[("place", &section), ("type", "rating_scale"), ("text-fr", "Note ?"), ("min", "0"), ("max", "2.5")]);
        assert!(matches!(new_item(&q, &rating), Err(ProjectError::BadField("change-error-bounds"))));
        let unknown = form(&[("place", &section), ("type", "essay"), ("text-fr", "?")]);
        assert!(matches!(new_item(&q, &unknown), Err(ProjectError::BadField("change-error-type"))));
    }

    #[test]
    fn a_score_form_sets_items_method_and_bands() {
        let q = phq9();
        let mut fields = form(&[
            ("title-fr", "Total court"),
            ("title-en", "Short total"),
            ("method", "sum"),
            ("min_answered", "2"),
            ("bands", "0-2 = Peu | Few\n3 – 6 = Beaucoup | Many"),
        ]);
        fields.extend(form(&[("items", "phq9_1"), ("items", "phq9_2"), ("reverse", "phq9_7")]));
        let changes = scale_edit(&q, "court", &fields).unwrap_or_default();
        let Some(Change::SetScale { scale }) = changes.first() else { panic!("{changes:?}") };
        assert_eq!(scale.items, ["phq9_1", "phq9_2"]);
        assert!(scale.reverse_items.is_empty(), "a reversed item must be scored");
        assert_eq!((scale.bands[1].min, scale.bands[1].max), (3.0, 6.0));
        assert!(survey_defs::apply_to_draft(&q, &changes).is_ok());
        let bad =
            [fields.clone(), form(&[("bands", "zero to two = x")])].concat().into_iter().rev().collect::<Fields>();
        assert!(matches!(scale_edit(&q, "court", &bad), Err(ProjectError::BadField("change-error-bands"))));
    }

    #[test]
    fn a_condition_is_written_in_words_the_person_knows() {
        let q = phq9();
        let mut shown = as_shown(&q, "phq9_2");
        shown.extend(form(&[("cond", "keep"), ("cond-item", "phq9_1"), ("cond-value", "")]));
        assert_eq!(item_edit(&q, "phq9_2", &shown).expect("kept"), Vec::new(), "keep changes nothing");
        // An option given by its label, in any language, becomes its code.
        let by_label = [
            as_shown(&q, "phq9_2"),
            form(&[("cond", "not_equals"), ("cond-item", "phq9_1"), ("cond-value", "Jamais")]),
        ]
        .concat();
        let code = q.item("phq9_1").map(|i| i.kind.options()[0].code.clone()).unwrap_or_default();
        assert_eq!(
            item_edit(&q, "phq9_2", &by_label).expect("read"),
            [Change::SetItemCondition {
                item: "phq9_2".into(),
                condition: Some(Condition::NotEquals { item: "phq9_1".into(), value: ConditionValue::Text(code) }),
            }]
        );
        let above =
            [as_shown(&q, "phq9_2"), form(&[("cond", "greater_than"), ("cond-item", "phq9_1"), ("cond-value", "1,5")])]
                .concat();
        assert!(matches!(
            item_edit(&q, "phq9_2", &above).expect("read").as_slice(),
            [Change::SetItemCondition { condition: Some(Condition::GreaterThan { value, .. }), .. }] if *value == 1.5
        ));
        let unknown =
            [as_shown(&q, "phq9_2"), form(&[("cond", "equals"), ("cond-item", "phq9_1"), ("cond-value", "Souvent")])]
                .concat();
        assert!(matches!(
            item_edit(&q, "phq9_2", &unknown),
            Err(ProjectError::BadField("change-error-condition-value"))
        ));
        let nowhere = [as_shown(&q, "phq9_2"), form(&[("cond", "answered"), ("cond-item", "zz")])].concat();
        assert!(matches!(
            item_edit(&q, "phq9_2", &nowhere),
            Err(ProjectError::BadField("change-error-condition-item"))
        ));
        let odd = [as_shown(&q, "phq9_2"), form(&[("cond", "sometimes"), ("cond-item", "phq9_1")])].concat();
        assert!(matches!(item_edit(&q, "phq9_2", &odd), Err(ProjectError::BadField("change-error-condition"))));
    }

    #[test]
    fn the_section_form_adds_renames_conditions_and_removes_parts() {
        let q = phq9();
        let first = q.sections[0].id.clone();
        let added =
            section_edit(&q, &form(&[("section", ""), ("title-fr", "Après"), ("after", &first)])).expect("read");
        assert!(
            matches!(added.as_slice(), [Change::AddSection { after: Some(a), id, .. }] if *a == first && id == "s1")
        );
        let titles: Vec<(&str, &str)> = ["fr", "en"]
            .iter()
            .map(|l| {
                (if *l == "fr" { "title-fr" } else { "title-en" }, q.sections[0].title.get_exact(l).unwrap_or_default())
            })
            .collect();
        let always =
            section_edit(&q, &[form(&[("section", &first), ("cond", "")]), form(&titles)].concat()).expect("read");
        assert!(always.is_empty(), "an untitled part without a condition stays as it is");
        let removed = section_edit(&q, &form(&[("section", &first), ("remove", "on")])).expect("read");
        assert_eq!(removed, [Change::RemoveSection { section: first.clone() }]);
        assert!(matches!(
            section_edit(&q, &form(&[("section", "zz")])),
            Err(ProjectError::BadField("change-error-section"))
        ));
        assert_eq!(
            add_language(&q, &form(&[("language", " NL ")])).expect("read"),
            [Change::AddLanguage { language: "nl".into() }]
        );
    }
}
