//! How a questionnaire is cut into screens for respondents.
//!
//! One screen per section, except that a section is cut before any item whose
//! condition refers to an item on the same screen: without JavaScript a page cannot
//! show or hide a question as the respondent clicks, so the follow-up question goes on
//! the next screen, which is skipped when its condition does not hold (GOV.UK's "one
//! thing per page" pattern, applied only where it is needed).

use crate::{Answers, Questionnaire, Visibility, visibility};
use serde::{Deserialize, Serialize};

/// A run of consecutive items of one section shown together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screen {
    /// Index of the section in `Questionnaire::sections`.
    pub section: usize,
    /// Index of the first item of the screen in the section's items.
    pub first_item: usize,
    /// Number of items on the screen (at least one).
    pub item_count: usize,
}

impl Screen {
    /// The ids of the screen's items.
    pub fn item_ids<'q>(&self, questionnaire: &'q Questionnaire) -> impl Iterator<Item = &'q str> {
        questionnaire
            .sections
            .get(self.section)
            .map(|s| &s.items[self.first_item..self.first_item + self.item_count])
            .unwrap_or_default()
            .iter()
            .map(|item| item.id.as_str())
    }

    /// Whether anything on the screen is shown with these answers.
    pub fn is_visible(&self, questionnaire: &Questionnaire, visible: &Visibility) -> bool {
        let Some(section) = questionnaire.sections.get(self.section) else {
            return false;
        };
        visible.section_visible(&section.id) && self.item_ids(questionnaire).any(|id| visible.item_visible(id))
    }
}

/// The screens of a questionnaire, in order.
pub fn screens(questionnaire: &Questionnaire) -> Vec<Screen> {
    let mut screens = Vec::new();
    for (section_index, section) in questionnaire.sections.iter().enumerate() {
        let mut first = 0;
        for (index, item) in section.items.iter().enumerate() {
            let depends_on_this_screen = item.condition.as_ref().is_some_and(|condition| {
                condition
                    .referenced_items()
                    .iter()
                    .any(|referenced| section.items[first..index].iter().any(|earlier| earlier.id == *referenced))
            });
            if depends_on_this_screen && index > first {
                screens.push(Screen { section: section_index, first_item: first, item_count: index - first });
                first = index;
            }
        }
        if first < section.items.len() {
            screens.push(Screen { section: section_index, first_item: first, item_count: section.items.len() - first });
        }
    }
    screens
}

/// The first screen after `current` that shows something with these answers.
pub fn next_visible_screen(questionnaire: &Questionnaire, answers: &Answers, current: Option<usize>) -> Option<usize> {
    let all = screens(questionnaire);
    let visible = visibility(questionnaire, answers);
    let start = current.map_or(0, |c| c + 1);
    (start..all.len()).find(|&i| all[i].is_visible(questionnaire, &visible))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, builtin};

    #[test]
    fn phq9_puts_the_follow_up_question_on_its_own_screen() {
        let q = builtin("phq-9").expect("phq-9");
        let all = screens(&q);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].item_count, 9);
        assert_eq!(all[1].item_ids(&q).collect::<Vec<_>>(), ["phq9_10"]);
    }

    #[test]
    fn a_hidden_follow_up_screen_is_skipped() {
        let q = builtin("phq-9").expect("phq-9");
        let mut answers = Answers::new();
        for i in 1..=9 {
            answers.insert(format!("phq9_{i}"), Answer::Choice("0".to_string()));
        }
        assert_eq!(next_visible_screen(&q, &answers, Some(0)), None);
        answers.insert("phq9_3".to_string(), Answer::Choice("2".to_string()));
        assert_eq!(next_visible_screen(&q, &answers, Some(0)), Some(1));
        assert_eq!(next_visible_screen(&q, &answers, None), Some(0));
    }

    #[test]
    fn every_item_is_on_exactly_one_screen() {
        for q in crate::builtin_library() {
            let on_screens: Vec<&str> = screens(&q).iter().flat_map(|s| s.item_ids(&q).collect::<Vec<_>>()).collect();
            let all: Vec<&str> = q.items().map(|i| i.id.as_str()).collect();
            assert_eq!(on_screens, all, "{}", q.id);
        }
    }
}
