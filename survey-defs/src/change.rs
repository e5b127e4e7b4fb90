//! Changes to a questionnaire draft, as co-authors propose them.
//!
//! A [`Change`] names what it touches by id (item, section, scale), never by position,
//! so a change proposed on Monday still applies on Wednesday after other accepted
//! changes moved things around. [`Change::apply`] is pure: it returns the changed
//! questionnaire or says what the change refers to that is not there.
//!
//! A draft may be incomplete while it is written (no question yet, an empty section, a
//! translation still to write: [`ProblemCode::is_incomplete`]); any other problem is a
//! mistake. [`apply_to_draft`] refuses a change that would leave such a mistake, so a
//! draft never holds one, and publishing only needs the draft to be complete.

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::item::{AnswerOption, Item, ItemKind};
use crate::model::{Questionnaire, Section};
use crate::problem::{Problem, ProblemCode};
use crate::scale::Scale;
use crate::text::LocalizedText;

/// One change to a draft. JSON: tagged by `"change"`, snake_case
/// (`{"change": "remove_item", "item": "q3"}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// New wording of an item's question in one language.
    Reword {
        /// The item.
        item: String,
        /// The language whose wording changes.
        language: String,
        /// The new wording.
        text: String,
    },
    /// A new item in `section`, after the item `after` (first when `None`).
    AddItem {
        /// The section it goes in.
        section: String,
        /// The item it follows.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
        /// The new item.
        item: Item,
    },
    /// Takes an item out; scales stop scoring it.
    RemoveItem {
        /// The item.
        item: String,
    },
    /// Moves an item to `section`, after the item `after` (first when `None`).
    MoveItem {
        /// The item.
        item: String,
        /// The section it goes to.
        section: String,
        /// The item it then follows.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
    },
    /// New options (labels, scoring values, order) for a choice or Likert item.
    ChangeOptions {
        /// The item.
        item: String,
        /// Its options, in display order.
        options: Vec<AnswerOption>,
    },
    /// New "why we ask" and easy-read wordings of an item (`None` removes one).
    ExplainItem {
        /// The item.
        item: String,
        /// Why the question is asked.
        why_we_ask: Option<LocalizedText>,
        /// The easy-read wording.
        easy_read: Option<LocalizedText>,
    },
    /// Replaces a scale (its items, method, bands), or adds it when its id is new.
    SetScale {
        /// The scale as it should be.
        scale: Scale,
    },
    /// Takes a scale out.
    RemoveScale {
        /// The scale id.
        scale: String,
    },
    /// New title, introduction and "who asks and why" of the questionnaire.
    Describe {
        /// Title.
        title: LocalizedText,
        /// Shown before the first question.
        introduction: LocalizedText,
        /// Who asks, and what the answers are used for.
        who_asks_and_why: LocalizedText,
    },
    /// Adds an empty section, first or after another one.
    AddSection {
        /// The section it follows; `None` puts it first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<String>,
        /// Its id (unique among sections) and heading.
        id: String,
        /// Its heading.
        title: LocalizedText,
    },
    /// Renames a section (its heading, in every language given).
    RenameSection {
        /// The section's id.
        section: String,
        /// The new heading.
        title: LocalizedText,
    },
    /// Removes a section that holds no question (move or remove them first, so that
    /// no question disappears by surprise). A questionnaire keeps at least one section.
    RemoveSection {
        /// The section's id.
        section: String,
    },
    /// Shows an item only when a condition on earlier answers holds, or always (`None`).
    SetItemCondition {
        /// The item's id.
        item: String,
        /// The condition, or `None` to show it always.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        condition: Option<Condition>,
    },
    /// Shows a section only when a condition on earlier answers holds, or always (`None`).
    SetSectionCondition {
        /// The section's id.
        section: String,
        /// The condition, or `None` to show it always.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        condition: Option<Condition>,
    },
    /// Adds a language: every text then waits for its translation (the draft is
    /// unfinished until they are written).
    AddLanguage {
        /// A lowercase ISO 639-1 tag (`nl`, `de`…).
        language: String,
    },
}

/// Why a change cannot be applied.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ChangeError {
    /// The item is not (or no longer) in the draft.
    #[error("the item {0} is not in the draft")]
    UnknownItem(String),
    /// The section is not in the draft.
    #[error("the section {0} is not in the draft")]
    UnknownSection(String),
    /// The scale is not in the draft.
    #[error("the scale {0} is not in the draft")]
    UnknownScale(String),
    /// An item with this id is already in the draft.
    #[error("an item {0} is already in the draft")]
    DuplicateItem(String),
    /// Options were given for an item that has none (yes/no, number, text…).
    #[error("the item {0} has no options to change")]
    NoOptions(String),
    /// The language is not one the questionnaire is written in.
    #[error("the questionnaire is not written in {0}")]
    UnknownLanguage(String),
    /// A section with that id is already in the draft.
    #[error("a section {0} is already in the draft")]
    DuplicateSection(String),
    /// The section still holds questions.
    #[error("the section {0} still holds questions")]
    SectionNotEmpty(String),
    /// The last section cannot go.
    #[error("a questionnaire keeps at least one section")]
    LastSection,
    /// The language tag is not two lowercase letters, or is already there.
    #[error("{0} is not a new two-letter language tag")]
    InvalidLanguage(String),
    /// The draft would hold mistakes (the first ones are listed).
    #[error("the change would make the draft invalid: {}", .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl Change {
    /// The item this change is about, if any.
    pub fn item(&self) -> Option<&str> {
        match self {
            Change::Reword { item, .. }
            | Change::RemoveItem { item }
            | Change::MoveItem { item, .. }
            | Change::ChangeOptions { item, .. }
            | Change::ExplainItem { item, .. }
            | Change::SetItemCondition { item, .. } => Some(item),
            Change::AddItem { item, .. } => Some(&item.id),
            _ => None,
        }
    }

    /// The scale this change is about, if any.
    pub fn scale(&self) -> Option<&str> {
        match self {
            Change::SetScale { scale } => Some(&scale.id),
            Change::RemoveScale { scale } => Some(scale),
            _ => None,
        }
    }

    /// Stable snake_case name of the kind of change (`"reword"`), for storage and translations.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Reword { .. } => "reword",
            Change::AddItem { .. } => "add_item",
            Change::RemoveItem { .. } => "remove_item",
            Change::MoveItem { .. } => "move_item",
            Change::ChangeOptions { .. } => "change_options",
            Change::ExplainItem { .. } => "explain_item",
            Change::SetScale { .. } => "set_scale",
            Change::RemoveScale { .. } => "remove_scale",
            Change::Describe { .. } => "describe",
            Change::AddSection { .. } => "add_section",
            Change::RenameSection { .. } => "rename_section",
            Change::RemoveSection { .. } => "remove_section",
            Change::SetItemCondition { .. } => "set_item_condition",
            Change::SetSectionCondition { .. } => "set_section_condition",
            Change::AddLanguage { .. } => "add_language",
        }
    }

    /// The questionnaire with this change made, without validating the result.
    pub fn apply(&self, questionnaire: &Questionnaire) -> Result<Questionnaire, ChangeError> {
        let mut q = questionnaire.clone();
        match self {
            Change::Reword { item, language, text } => {
                if !q.languages.iter().any(|l| l == language) {
                    return Err(ChangeError::UnknownLanguage(language.clone()));
                }
                item_mut(&mut q, item)?.text.set(language, text);
            }
            Change::AddItem { section, after, item } => {
                if q.item(&item.id).is_some() {
                    return Err(ChangeError::DuplicateItem(item.id.clone()));
                }
                insert(&mut q, section, after.as_deref(), item.clone())?;
            }
            Change::RemoveItem { item } => {
                take(&mut q, item)?;
                for scale in &mut q.scales {
                    scale.items.retain(|i| i != item);
                    scale.reverse_items.retain(|i| i != item);
                }
            }
            Change::MoveItem { item, section, after } => {
                if after.as_deref() == Some(item.as_str()) {
                    return Err(ChangeError::UnknownItem(item.clone()));
                }
                q.section(section).ok_or_else(|| ChangeError::UnknownSection(section.clone()))?;
                let moved = take(&mut q, item)?;
                insert(&mut q, section, after.as_deref(), moved)?;
            }
            Change::ChangeOptions { item, options } => match &mut item_mut(&mut q, item)?.kind {
                ItemKind::SingleChoice { options: now }
                | ItemKind::MultipleChoice { options: now, .. }
                | ItemKind::Likert { options: now } => now.clone_from(options),
                _ => return Err(ChangeError::NoOptions(item.clone())),
            },
            Change::ExplainItem { item, why_we_ask, easy_read } => {
                let target = item_mut(&mut q, item)?;
                target.why_we_ask.clone_from(why_we_ask);
                target.easy_read.clone_from(easy_read);
            }
            Change::SetScale { scale } => match q.scales.iter_mut().find(|s| s.id == scale.id) {
                Some(now) => *now = scale.clone(),
                None => q.scales.push(scale.clone()),
            },
            Change::Describe { title, introduction, who_asks_and_why } => {
                q.title.clone_from(title);
                q.introduction.clone_from(introduction);
                q.who_asks_and_why.clone_from(who_asks_and_why);
            }
            Change::RemoveScale { scale } => {
                let before = q.scales.len();
                q.scales.retain(|s| &s.id != scale);
                if q.scales.len() == before {
                    return Err(ChangeError::UnknownScale(scale.clone()));
                }
            }
            Change::AddSection { after, id, title } => {
                if q.section(id).is_some() {
                    return Err(ChangeError::DuplicateSection(id.clone()));
                }
                let at = match after {
                    None => 0,
                    Some(after) => section_index(&q, after)? + 1,
                };
                let section = Section { id: id.clone(), title: title.clone(), condition: None, items: Vec::new() };
                q.sections.insert(at, section);
            }
            Change::RenameSection { section, title } => {
                let at = section_index(&q, section)?;
                q.sections[at].title.clone_from(title);
            }
            Change::RemoveSection { section } => {
                let at = section_index(&q, section)?;
                if !q.sections[at].items.is_empty() {
                    return Err(ChangeError::SectionNotEmpty(section.clone()));
                }
                if q.sections.len() == 1 {
                    return Err(ChangeError::LastSection);
                }
                q.sections.remove(at);
            }
            Change::SetItemCondition { item, condition } => item_mut(&mut q, item)?.condition.clone_from(condition),
            Change::SetSectionCondition { section, condition } => {
                let at = section_index(&q, section)?;
                q.sections[at].condition.clone_from(condition);
            }
            Change::AddLanguage { language } => {
                let tag_ok = language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase());
                if !tag_ok || q.languages.contains(language) {
                    return Err(ChangeError::InvalidLanguage(language.clone()));
                }
                q.languages.push(language.clone());
            }
        }
        Ok(q)
    }
}

impl ProblemCode {
    /// Problems that only say a draft is not finished: no question yet, an empty
    /// section, a translation still to write. A draft may have them; a published
    /// version may not.
    pub fn is_incomplete(self) -> bool {
        matches!(self, ProblemCode::NoItems | ProblemCode::EmptySection | ProblemCode::MissingTranslation)
    }
}

/// Applies `changes` to a draft, in order and all together, and validates the result:
/// refused when one refers to something that is not there or the result holds a mistake
/// (a problem other than [`ProblemCode::is_incomplete`] ones). Several changes go together
/// when one alone would leave a mistake (removing a scored item and rescaling its score).
pub fn apply_to_draft(draft: &Questionnaire, changes: &[Change]) -> Result<Questionnaire, ChangeError> {
    let mut next = draft.clone();
    for change in changes {
        next = change.apply(&next)?;
    }
    let mistakes: Vec<Problem> = next.validate().into_iter().filter(|p| !p.code.is_incomplete()).collect();
    if mistakes.is_empty() { Ok(next) } else { Err(ChangeError::Invalid(mistakes)) }
}

impl Questionnaire {
    /// Reads a stored draft: like [`Questionnaire::from_json`], but a draft may be
    /// incomplete ([`ProblemCode::is_incomplete`]). `None` if it does not parse or holds
    /// a mistake, which [`apply_to_draft`] never lets in.
    pub fn from_draft_json(json: &str) -> Option<Questionnaire> {
        let questionnaire: Questionnaire = serde_json::from_str(json).ok()?;
        questionnaire.validate().iter().all(|p| p.code.is_incomplete()).then_some(questionnaire)
    }
}

/// A new, empty draft: one untitled section and no question yet, in French and the
/// other `languages` given.
pub fn empty_draft(id: &str, title: &LocalizedText, languages: &[String]) -> Questionnaire {
    let mut all = vec![crate::text::FRENCH.to_string()];
    all.extend(languages.iter().filter(|l| l.as_str() != crate::text::FRENCH).cloned());
    Questionnaire {
        id: id.to_string(),
        version: "0.1.0".to_string(),
        kind: crate::model::QuestionnaireKind::Prem,
        languages: all,
        title: title.clone(),
        introduction: title.clone(),
        who_asks_and_why: title.clone(),
        estimated_minutes: None,
        sections: vec![Section {
            id: "s1".to_string(),
            title: LocalizedText::new(),
            condition: None,
            items: Vec::new(),
        }],
        scales: Vec::new(),
        provenance: crate::model::Provenance::default(),
        licence: crate::model::Licence {
            name: "CC BY 4.0".to_string(),
            source: None,
            url: None,
            wording_locked: false,
        },
    }
}

fn section_index(q: &Questionnaire, id: &str) -> Result<usize, ChangeError> {
    q.sections.iter().position(|s| s.id == id).ok_or_else(|| ChangeError::UnknownSection(id.to_string()))
}

fn item_mut<'q>(q: &'q mut Questionnaire, id: &str) -> Result<&'q mut Item, ChangeError> {
    q.sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.id == id)
        .ok_or_else(|| ChangeError::UnknownItem(id.to_string()))
}

fn take(q: &mut Questionnaire, id: &str) -> Result<Item, ChangeError> {
    for section in &mut q.sections {
        if let Some(at) = section.items.iter().position(|i| i.id == id) {
            return Ok(section.items.remove(at));
        }
    }
    Err(ChangeError::UnknownItem(id.to_string()))
}

fn insert(q: &mut Questionnaire, section: &str, after: Option<&str>, item: Item) -> Result<(), ChangeError> {
    let target = q
        .sections
        .iter_mut()
        .find(|s| s.id == section)
        .ok_or_else(|| ChangeError::UnknownSection(section.to_string()))?;
    let at = match after {
        None => 0,
        Some(after) => {
            target
                .items
                .iter()
                .position(|i| i.id == after)
                .ok_or_else(|| ChangeError::UnknownItem(after.to_string()))?
                + 1
        }
    };
    target.items.insert(at, item);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::builtin;

    fn phq9() -> Questionnaire {
        builtin("phq-9").unwrap_or_else(|| empty_draft("x", &LocalizedText::new(), &[]))
    }

    fn ids(q: &Questionnaire) -> Vec<&str> {
        q.items().map(|i| i.id.as_str()).collect()
    }

    fn yes_no(id: &str) -> Item {
        Item {
            id: id.into(),
            text: LocalizedText::new().with("fr", "Avez-vous dormi ?").with("en", "Did you sleep?"),
            easy_read: None,
            why_we_ask: None,
            required: false,
            condition: None,
            kind: ItemKind::YesNo,
        }
    }

    #[test]
    fn changes_name_things_by_id_and_survive_serde() {
        let change = Change::RemoveItem { item: "phq9_3".into() };
        let json = serde_json::to_string(&change).unwrap_or_default();
        assert_eq!(json, r#"{"change":"remove_item","item":"phq9_3"}"#);
        let back: Result<Change, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(change));
        let typo: Result<Change, _> = serde_json::from_str(r#"{"change":"remove_item","itme":"q"}"#);
        assert!(typo.is_err());
    }

    #[test]
    fn rewording_changes_one_language_only() {
        let q = phq9();
        let change = Change::Reword { item: "phq9_1".into(), language: "fr".into(), text: "Peu d'envie ?".into() };
        let next = apply_to_draft(&q, std::slice::from_ref(&change)).unwrap_or_else(|_| q.clone());
        let item = next.item("phq9_1").map(|i| i.text.clone()).unwrap_or_default();
        assert_eq!(item.get_exact("fr"), Some("Peu d'envie ?"));
        assert_eq!(item.get_exact("en"), q.item("phq9_1").and_then(|i| i.text.get_exact("en")));
        let german = Change::Reword { item: "phq9_1".into(), language: "de".into(), text: "x".into() };
        assert_eq!(german.apply(&q), Err(ChangeError::UnknownLanguage("de".into())));
    }

    #[test]
    fn adding_and_moving_place_items_after_the_named_one() {
        let q = phq9();
        let section = q.sections[0].id.clone();
        let added = Change::AddItem { section: section.clone(), after: Some("phq9_2".into()), item: yes_no("sleep") };
        let next = apply_to_draft(&q, std::slice::from_ref(&added)).unwrap_or_else(|_| q.clone());
        assert_eq!(ids(&next)[..4], ["phq9_1", "phq9_2", "sleep", "phq9_3"]);
        let first = Change::MoveItem { item: "sleep".into(), section, after: None };
        let moved = apply_to_draft(&next, std::slice::from_ref(&first)).unwrap_or_else(|_| q.clone());
        assert_eq!(ids(&moved)[..3], ["sleep", "phq9_1", "phq9_2"]);
        assert_eq!(added.apply(&next), Err(ChangeError::DuplicateItem("sleep".into())));
        let nowhere = Change::AddItem { section: "nope".into(), after: None, item: yes_no("other") };
        assert_eq!(nowhere.apply(&q), Err(ChangeError::UnknownSection("nope".into())));
        let after_itself = Change::MoveItem { item: "sleep".into(), section: "s".into(), after: Some("sleep".into()) };
        assert!(after_itself.apply(&next).is_err());
    }

    #[test]
    fn removing_an_item_takes_it_out_of_scales_and_a_dangling_condition_is_refused() {
        let q = phq9();
        // phq9_10 (difficulty) is shown only when an earlier answer is above 0: removing an
        // item its condition refers to would leave a mistake, and says which.
        let refused = apply_to_draft(&q, &[Change::RemoveItem { item: "phq9_9".into() }]);
        assert!(
            matches!(&refused, Err(ChangeError::Invalid(p)) if p[0].code == ProblemCode::UnknownItemReference),
            "{refused:?}"
        );
        let without_difficulty =
            apply_to_draft(&q, &[Change::RemoveItem { item: "phq9_10".into() }]).unwrap_or_else(|_| q.clone());
        // Alone, removing a scored item leaves the score's bands beyond what it can reach.
        let alone = apply_to_draft(&without_difficulty, &[Change::RemoveItem { item: "phq9_9".into() }]);
        assert!(
            matches!(&alone, Err(ChangeError::Invalid(p)) if p[0].code == ProblemCode::BandOutOfRange),
            "{alone:?}"
        );
        let Some(mut total) = q.scales.first().cloned() else { return };
        total.bands.retain(|b| b.min <= 24.0);
        if let Some(top) = total.bands.last_mut() {
            top.max = 24.0;
        }
        total.items.retain(|i| i != "phq9_9");
        let together = [Change::RemoveItem { item: "phq9_9".into() }, Change::SetScale { scale: total }];
        let next = apply_to_draft(&without_difficulty, &together);
        assert!(next.is_ok(), "{next:?}");
        let next = next.unwrap_or_else(|_| q.clone());
        assert!(next.item("phq9_9").is_none() && next.item("phq9_10").is_none());
        assert!(next.scales.iter().all(|s| !s.items.iter().any(|i| i == "phq9_9")));
        assert!(!next.scales.is_empty());
    }

    #[test]
    fn options_change_only_on_items_with_options() {
        let q = phq9();
        let options = vec![
            AnswerOption::new("no", LocalizedText::new().with("fr", "Non").with("en", "No"), Some(0)),
            AnswerOption::new("yes", LocalizedText::new().with("fr", "Oui").with("en", "Yes"), Some(3)),
        ];
        let change = Change::ChangeOptions { item: "phq9_1".into(), options: options.clone() };
        let next = apply_to_draft(&q, std::slice::from_ref(&change)).unwrap_or_else(|_| q.clone());
        assert_eq!(next.item("phq9_1").map(|i| i.kind.options().to_vec()), Some(options.clone()));
        let draft = empty_draft("d", &LocalizedText::new().with("fr", "T"), &[]);
        let with_yes_no = Change::AddItem { section: "s1".into(), after: None, item: yes_no("q") }.apply(&draft);
        let with_yes_no = with_yes_no.unwrap_or(draft);
        assert_eq!(
            Change::ChangeOptions { item: "q".into(), options }.apply(&with_yes_no),
            Err(ChangeError::NoOptions("q".into()))
        );
        let none = Change::ChangeOptions { item: "phq9_1".into(), options: Vec::new() };
        assert!(
            matches!(apply_to_draft(&q, std::slice::from_ref(&none)), Err(ChangeError::Invalid(p)) if p[0].code == ProblemCode::NoOptions)
        );
    }

    #[test]
    fn an_empty_draft_is_incomplete_not_wrong_and_grows_one_change_at_a_time() {
        let draft = empty_draft(
            "ma-sortie",
            &LocalizedText::new().with("fr", "Ma sortie").with("en", "Leaving"),
            &["en".into()],
        );
        let problems = draft.validate();
        assert!(!problems.is_empty() && problems.iter().all(|p| p.code.is_incomplete()), "{problems:?}");
        assert_eq!(Questionnaire::from_draft_json(&draft.to_canonical_json()), Some(draft.clone()));
        assert!(Questionnaire::from_json(&draft.to_canonical_json()).is_err());
        assert_eq!(Questionnaire::from_draft_json("{}"), None);
        let mut item = yes_no("q1");
        item.text = LocalizedText::new().with("fr", "Avez-vous eu vos papiers ?");
        let next = apply_to_draft(&draft, &[Change::AddItem { section: "s1".into(), after: None, item }]);
        let next = next.unwrap_or(draft);
        let left: Vec<ProblemCode> = next.validate().iter().map(|p| p.code).collect();
        assert_eq!(left, [ProblemCode::MissingTranslation]);
        let translated =
            Change::Reword { item: "q1".into(), language: "en".into(), text: "Did you get your papers?".into() };
        let done = apply_to_draft(&next, std::slice::from_ref(&translated)).unwrap_or(next);
        assert_eq!(done.validate(), Vec::new());
    }

    #[test]
    fn scales_are_set_and_removed_by_id() {
        let q = phq9();
        let Some(mut scale) = q.scales.first().cloned() else { return };
        scale.min_answered = 1;
        let next = apply_to_draft(&q, &[Change::SetScale { scale: scale.clone() }]).unwrap_or_else(|_| q.clone());
        assert_eq!(next.scale(&scale.id).map(|s| s.min_answered), Some(1));
        let removed =
            apply_to_draft(&q, &[Change::RemoveScale { scale: scale.id.clone() }]).unwrap_or_else(|_| q.clone());
        assert!(removed.scale(&scale.id).is_none());
        assert_eq!(
            Change::RemoveScale { scale: "nope".into() }.apply(&q),
            Err(ChangeError::UnknownScale("nope".into()))
        );
        scale.min_answered = 0;
        assert!(matches!(apply_to_draft(&q, &[Change::SetScale { scale }]), Err(ChangeError::Invalid(_))));
    }

    #[test]
    fn sections_are_added_renamed_and_removed_only_when_empty() {
        let q = phq9();
        let first = q.sections[0].id.clone();
        let title = LocalizedText::new().with("fr", "Votre sortie").with("en", "Leaving");
        let added =
            apply_to_draft(&q, &[Change::AddSection { after: Some(first.clone()), id: "sortie".into(), title }]);
        let added = added.expect("an empty section is only unfinished");
        assert_eq!(added.sections[1].id, "sortie");
        let renamed = Change::RenameSection {
            section: "sortie".into(),
            title: LocalizedText::new().with("fr", "Le retour").with("en", "Going home"),
        }
        .apply(&added)
        .expect("renamed");
        assert_eq!(renamed.sections[1].title.get("fr"), "Le retour");
        let again = Change::AddSection { after: None, id: "sortie".into(), title: LocalizedText::new() };
        assert_eq!(again.apply(&added), Err(ChangeError::DuplicateSection("sortie".into())));
        assert_eq!(
            Change::RemoveSection { section: first.clone() }.apply(&added),
            Err(ChangeError::SectionNotEmpty(first.clone()))
        );
        let removed = Change::RemoveSection { section: "sortie".into() }.apply(&added).expect("empty: removed");
        assert_eq!(removed.sections.len(), q.sections.len());
        let lone = empty_draft("x", &LocalizedText::new().with("fr", "X"), &[]);
        assert_eq!(Change::RemoveSection { section: "s1".into() }.apply(&lone), Err(ChangeError::LastSection));
    }

    #[test]
    fn conditions_are_set_and_cleared_and_may_only_look_back() {
        let q = phq9();
        let shown_if = |item: &str| Some(Condition::GreaterThan { item: item.into(), value: 0.0 });
        let set =
            apply_to_draft(&q, &[Change::SetItemCondition { item: "phq9_2".into(), condition: shown_if("phq9_1") }])
                .expect("a condition on an earlier question");
        assert!(set.item("phq9_2").is_some_and(|i| i.condition.is_some()));
        let cleared = apply_to_draft(&set, &[Change::SetItemCondition { item: "phq9_2".into(), condition: None }])
            .expect("cleared");
        assert!(cleared.item("phq9_2").is_some_and(|i| i.condition.is_none()));
        // A condition on a later question would never be met: refused, named.
        let forward =
            apply_to_draft(&q, &[Change::SetItemCondition { item: "phq9_1".into(), condition: shown_if("phq9_2") }]);
        assert!(matches!(forward, Err(ChangeError::Invalid(_))), "{forward:?}");
        let section = q.sections[0].id.clone();
        let on_itself = apply_to_draft(&q, &[Change::SetSectionCondition { section, condition: shown_if("phq9_1") }]);
        assert!(matches!(on_itself, Err(ChangeError::Invalid(_))), "a section's condition looks at earlier sections");
    }

    #[test]
    fn a_new_language_leaves_the_draft_unfinished_until_translated() {
        let q = phq9();
        let dutch = apply_to_draft(&q, &[Change::AddLanguage { language: "nl".into() }]).expect("added");
        assert!(dutch.languages.contains(&"nl".to_string()));
        assert!(dutch.validate().iter().any(|p| p.code == ProblemCode::MissingTranslation));
        for bad in ["fr", "NL", "dutch", ""] {
            let refused = Change::AddLanguage { language: bad.into() }.apply(&q);
            assert_eq!(refused, Err(ChangeError::InvalidLanguage(bad.into())), "{bad}");
        }
    }
}
