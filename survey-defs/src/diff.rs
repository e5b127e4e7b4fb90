//! What changed between two versions of a questionnaire, item by item and scale by
//! scale: the structural diff a published version carries, and the rule that says
//! which answers of the two versions may be compared.
//!
//! Comparability rule: an item's answers mean the same in both versions when the item
//! keeps its type, its options (codes, scoring values, and their order) and its
//! question wording in French (the reference language). Its easy-read wording, its
//! "why we ask" text, other languages' wording and option labels may change: those
//! help people read the same question. A scale is comparable when it keeps its items,
//! method, reverse coding, minimum answered and prorating, and all its items are
//! comparable; bands may change (they are an interpretation, recomputed from scores).

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::item::{AnswerOption, Item, ItemKind};
use crate::model::Questionnaire;
use crate::scale::Scale;
use crate::text::{FRENCH, LocalizedText};

/// How one item changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemChange {
    /// The item id.
    pub item: String,
    /// Languages whose question wording changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reworded: Vec<String>,
    /// The easy-read wording changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub easy_read_changed: bool,
    /// The "why we ask" text changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub why_changed: bool,
    /// The item type changed (e.g. yes/no to Likert).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub type_changed: bool,
    /// Option codes added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options_added: Vec<String>,
    /// Option codes removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options_removed: Vec<String>,
    /// Options whose label changed (in any language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options_relabelled: Vec<String>,
    /// Options whose scoring value changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options_revalued: Vec<String>,
    /// The options are in another order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub options_reordered: bool,
    /// Other settings changed: required flag, condition, bounds, lengths, anchors.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub settings_changed: bool,
    /// It moved to another section or place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
}

impl ItemChange {
    fn is_empty(&self) -> bool {
        *self == ItemChange { item: self.item.clone(), ..ItemChange::default() }
    }

    /// Whether answers to this item still mean the same (see the module's rule).
    pub fn keeps_meaning(&self) -> bool {
        !self.type_changed
            && !self.reworded.iter().any(|lang| lang == FRENCH)
            && self.options_added.is_empty()
            && self.options_removed.is_empty()
            && self.options_revalued.is_empty()
            && !self.options_reordered
            && !self.settings_changed
    }
}

/// How one scale's scoring changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleChange {
    /// The scale id.
    pub scale: String,
    /// Items, reverse coding, method, minimum answered or prorating changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scoring_changed: bool,
    /// Score bands changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bands_changed: bool,
    /// Title or caveat changed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wording_changed: bool,
}

/// Everything that changed between two versions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireDiff {
    /// Items only in the new version, in its order.
    pub items_added: Vec<String>,
    /// Items only in the old version, in its order.
    pub items_removed: Vec<String>,
    /// Items in both that changed, in the new version's order.
    pub items_changed: Vec<ItemChange>,
    /// Scales only in the new version.
    pub scales_added: Vec<String>,
    /// Scales only in the old version.
    pub scales_removed: Vec<String>,
    /// Scales in both that changed.
    pub scales_changed: Vec<ScaleChange>,
    /// Items in both whose answers mean the same, in the new version's order.
    pub comparable_items: Vec<String>,
    /// Scales in both whose scores mean the same.
    pub comparable_scales: Vec<String>,
}

impl QuestionnaireDiff {
    /// Whether nothing at all changed in items and scales.
    pub fn is_empty(&self) -> bool {
        self.items_added.is_empty()
            && self.items_removed.is_empty()
            && self.items_changed.is_empty()
            && self.scales_added.is_empty()
            && self.scales_removed.is_empty()
            && self.scales_changed.is_empty()
    }
}

/// Where an item sits: section id and position in it.
fn place_of(q: &Questionnaire, id: &str) -> Option<(String, usize)> {
    q.sections.iter().find_map(|s| s.items.iter().position(|i| i.id == id).map(|at| (s.id.clone(), at)))
}

fn changed_languages(old: &LocalizedText, new: &LocalizedText) -> Vec<String> {
    let languages: BTreeSet<&str> = old.languages().chain(new.languages()).collect();
    languages.into_iter().filter(|l| old.get_exact(l) != new.get_exact(l)).map(str::to_string).collect()
}

fn options_of(kind: &ItemKind) -> &[AnswerOption] {
    kind.options()
}

/// The kind with its options left out, to compare the other settings.
fn settings_of(kind: &ItemKind) -> ItemKind {
    let mut kind = kind.clone();
    match &mut kind {
        ItemKind::SingleChoice { options } | ItemKind::Likert { options } => options.clear(),
        ItemKind::MultipleChoice { options, .. } => options.clear(),
        _ => {}
    }
    kind
}

fn item_change(old: &Item, new: &Item, moved: bool) -> ItemChange {
    let mut change = ItemChange { item: new.id.clone(), moved, ..ItemChange::default() };
    change.reworded = changed_languages(&old.text, &new.text);
    change.easy_read_changed = old.easy_read != new.easy_read;
    change.why_changed = old.why_we_ask != new.why_we_ask;
    change.type_changed = std::mem::discriminant(&old.kind) != std::mem::discriminant(&new.kind);
    let (before, after) = (options_of(&old.kind), options_of(&new.kind));
    for option in after {
        match before.iter().find(|o| o.code == option.code) {
            None => change.options_added.push(option.code.clone()),
            Some(was) => {
                if was.label != option.label {
                    change.options_relabelled.push(option.code.clone());
                }
                if was.value != option.value {
                    change.options_revalued.push(option.code.clone());
                }
            }
        }
    }
    change.options_removed =
        before.iter().filter(|o| !after.iter().any(|a| a.code == o.code)).map(|o| o.code.clone()).collect();
    let kept_order = |list: &[AnswerOption], other: &[AnswerOption]| -> Vec<String> {
        list.iter().filter(|o| other.iter().any(|x| x.code == o.code)).map(|o| o.code.clone()).collect()
    };
    change.options_reordered = kept_order(before, after) != kept_order(after, before);
    change.settings_changed = !change.type_changed
        && (old.required != new.required
            || old.condition != new.condition
            || settings_of(&old.kind) != settings_of(&new.kind));
    change
}

fn scale_change(old: &Scale, new: &Scale) -> ScaleChange {
    ScaleChange {
        scale: new.id.clone(),
        scoring_changed: old.items != new.items
            || old.reverse_items != new.reverse_items
            || old.method != new.method
            || old.min_answered != new.min_answered
            || old.prorate != new.prorate,
        bands_changed: old.bands != new.bands,
        wording_changed: old.title != new.title || old.caveat != new.caveat,
    }
}

/// What changed from `previous` to `next` (see the module documentation).
pub fn diff(previous: &Questionnaire, next: &Questionnaire) -> QuestionnaireDiff {
    let mut out = QuestionnaireDiff::default();
    let mut unchanged_meaning = BTreeSet::new();
    for item in next.items() {
        match previous.item(&item.id) {
            None => out.items_added.push(item.id.clone()),
            Some(old) => {
                let moved = place_of(previous, &item.id) != place_of(next, &item.id);
                let change = item_change(old, item, moved);
                if change.keeps_meaning() && item.kind.is_answerable() {
                    unchanged_meaning.insert(item.id.clone());
                    out.comparable_items.push(item.id.clone());
                }
                if !change.is_empty() {
                    out.items_changed.push(change);
                }
            }
        }
    }
    out.items_removed = previous.items().filter(|i| next.item(&i.id).is_none()).map(|i| i.id.clone()).collect();
    for scale in &next.scales {
        match previous.scales.iter().find(|s| s.id == scale.id) {
            None => out.scales_added.push(scale.id.clone()),
            Some(old) => {
                let change = scale_change(old, scale);
                if !change.scoring_changed && scale.items.iter().all(|i| unchanged_meaning.contains(i)) {
                    out.comparable_scales.push(scale.id.clone());
                }
                if change.scoring_changed || change.bands_changed || change.wording_changed {
                    out.scales_changed.push(change);
                }
            }
        }
    }
    out.scales_removed =
        previous.scales.iter().filter(|s| !next.scales.iter().any(|n| n.id == s.id)).map(|s| s.id.clone()).collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn phq9() -> Questionnaire {
        builtin("phq-9").expect("phq-9")
    }

    #[test]
    fn a_version_against_itself_changes_nothing_and_everything_compares() {
        for id in ["phq-9", "gad-7", "prem-sejour"] {
            let q = builtin(id).expect("built-in");
            let d = diff(&q, &q);
            assert!(d.is_empty(), "{id}: {d:?}");
            assert_eq!(d.comparable_items, q.answerable_items().map(|i| i.id.clone()).collect::<Vec<_>>());
            assert_eq!(d.comparable_scales, q.scales.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_french_rewording_breaks_comparability_an_english_or_easy_read_one_does_not() {
        let before = phq9();
        let mut after = before.clone();
        let items = &mut after.sections[0].items;
        items[0].text = LocalizedText::from([("fr", "Peu d'envie de faire les choses"), ("en", "Little interest")]);
        items[1].easy_read = Some(LocalizedText::from([("fr", "Vous êtes triste ?")]));
        let d = diff(&before, &after);
        assert_eq!(d.items_changed.len(), 2, "{d:?}");
        assert_eq!(d.items_changed[0].item, "phq9_1");
        assert!(d.items_changed[0].reworded.contains(&"fr".to_string()));
        assert!(d.items_changed[1].easy_read_changed && d.items_changed[1].keeps_meaning());
        assert!(!d.comparable_items.contains(&"phq9_1".to_string()));
        assert!(d.comparable_items.contains(&"phq9_2".to_string()));
        assert!(d.comparable_scales.is_empty(), "the total includes a reworded item");
        assert!(d.scales_changed.is_empty(), "the scoring itself did not change");
    }

    #[test]
    fn options_added_removed_revalued_and_reordered_are_named() {
        let before = phq9();
        let mut after = before.clone();
        if let ItemKind::Likert { options } = &mut after.sections[0].items[2].kind {
            options[1].value = Some(5);
            options.swap(2, 3);
            let removed = options.remove(0);
            options.push(AnswerOption::new("99", LocalizedText::from([("fr", "Je ne sais pas")]), None));
            let _ = removed;
        } else {
            panic!("PHQ-9 items are Likert");
        }
        let d = diff(&before, &after);
        let change = &d.items_changed[0];
        assert_eq!(change.item, "phq9_3");
        assert_eq!(change.options_added, ["99"]);
        assert_eq!(change.options_removed, ["0"]);
        assert_eq!(change.options_revalued, ["1"]);
        assert!(change.options_reordered && !change.keeps_meaning());
    }

    #[test]
    fn items_and_scales_added_removed_and_moved() {
        let before = phq9();
        let mut after = before.clone();
        let last = after.sections[0].items.remove(8);
        after.sections[0].items.insert(0, last);
        let mut extra = after.sections[0].items[1].clone();
        extra.id = "phq9_new".into();
        after.sections[0].items.push(extra);
        after.scales[0].min_answered = 1;
        let d = diff(&before, &after);
        assert_eq!(d.items_added, ["phq9_new"]);
        assert!(d.items_removed.is_empty());
        assert!(d.items_changed.iter().any(|c| c.item == "phq9_9" && c.moved && c.keeps_meaning()));
        assert!(d.scales_changed[0].scoring_changed && d.comparable_scales.is_empty());
        let back = diff(&after, &before);
        assert_eq!(back.items_removed, ["phq9_new"]);
    }
}
