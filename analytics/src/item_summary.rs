//! Per-item statistics: exact code counts of one layout column, and what derives from them.

use serde::{Deserialize, Serialize};
use survey_defs::{ColumnKind, ItemKind, Questionnaire};

use crate::error::AnalyticsError;
use crate::frame::CampaignFrame;
use crate::stats::{Distribution, ValueCounts};

/// The statistics of one item: its coding and the exact counts of its codes, the
/// mergeable sufficient statistic from which every figure below is derived.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemSummary {
    /// Item id.
    pub item_id: String,
    /// How the item's answers are coded.
    pub kind: ColumnKind,
    /// A Likert item (ordered points), for which a top-box share is reported.
    pub likert: bool,
    /// Counts of the raw codes (unanswered = missing).
    pub codes: ValueCounts,
}

/// How many respondents chose one option (or rating point, or yes/no).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    /// The option's stable code (`"yes"`/`"no"` for yes/no items, the point for ratings).
    pub code: String,
    /// Respondents who chose it.
    pub count: u64,
}

/// The top box of a Likert item: respondents in its highest-valued option(s), among
/// those whose option has a scoring value ("don't know" excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopBox {
    /// Respondents in the highest option.
    pub top: u64,
    /// Respondents with a valued answer (the denominator).
    pub among: u64,
}

impl ItemSummary {
    /// Counts the codes of layout column `index` of `frame`.
    pub fn compute(frame: &CampaignFrame, index: usize, likert: bool) -> Result<Self, AnalyticsError> {
        let column = frame.layout().columns.get(index).ok_or_else(|| AnalyticsError::Column {
            index,
            source: polars::error::PolarsError::ColumnNotFound(format!("#{index}").into()),
        })?;
        Ok(Self {
            item_id: column.item_id.clone(),
            kind: column.kind.clone(),
            likert,
            codes: frame.value_counts(index)?,
        })
    }

    /// One summary per layout column, in layout order; Likert items are recognised from
    /// `questionnaire`, which should be the one the frame was encoded with.
    pub fn compute_all(questionnaire: &Questionnaire, frame: &CampaignFrame) -> Result<Vec<Self>, AnalyticsError> {
        (0..frame.layout().columns.len())
            .map(|index| {
                let id = frame.layout().columns.get(index).map(|c| c.item_id.as_str());
                let likert = id
                    .and_then(|id| questionnaire.item(id))
                    .is_some_and(|item| matches!(item.kind, ItemKind::Likert { .. }));
                Self::compute(frame, index, likert)
            })
            .collect()
    }

    /// Adds the counts of the same item from another site or period (exact).
    pub fn merge(&mut self, other: &Self) -> Result<(), AnalyticsError> {
        if self.item_id != other.item_id || self.kind != other.kind {
            return Err(AnalyticsError::MergeMismatch { left: self.item_id.clone(), right: other.item_id.clone() });
        }
        self.codes.merge(&other.codes);
        Ok(())
    }

    /// Whether a code is a valid answer for this item (the same test as
    /// `AnswerLayout::decode`: codes that do not fit their column count as unanswered).
    fn is_valid(&self, code: i32) -> bool {
        match &self.kind {
            ColumnKind::Choice { option_codes, .. } => usize::try_from(code).is_ok_and(|i| i < option_codes.len()),
            ColumnKind::Choices { option_count, .. } => code > 0 && i64::from(code) < 1i64 << (*option_count).min(31),
            ColumnKind::Rating { min, max } => (*min..=*max).contains(&code),
            ColumnKind::YesNo => code == 0 || code == 1,
            ColumnKind::Text => code > 0,
            ColumnKind::Number { .. } | ColumnKind::Date => true,
        }
    }

    /// The valid answers' codes; invalid codes count as missing.
    pub fn answers(&self) -> ValueCounts {
        self.codes.map_values(|code| self.is_valid(code).then_some(code))
    }

    /// Respondents who answered (with a valid code).
    pub fn answered(&self) -> u64 {
        self.answers().n()
    }

    /// Respondents who did not answer.
    pub fn missing(&self) -> u64 {
        self.answers().missing()
    }

    /// Respondents per option, in option order: choice and Likert options, each option of
    /// a multiple choice (a respondent may tick several), no/yes, or each rating point.
    /// Empty for numbers, dates and texts.
    pub fn options(&self) -> Vec<OptionCount> {
        let answers = self.answers();
        let option = |code: String, count: u64| OptionCount { code, count };
        match &self.kind {
            ColumnKind::Choice { option_codes, .. } => {
                (0i32..).zip(option_codes).map(|(i, code)| option(code.clone(), answers.count(i))).collect()
            }
            ColumnKind::Choices { option_codes, .. } => (0u32..31)
                .zip(option_codes)
                .map(|(bit, code)| {
                    let ticked = answers.counts().iter().filter(|&(&mask, _)| mask & (1 << bit) != 0);
                    option(code.clone(), ticked.map(|(_, n)| n).sum())
                })
                .collect(),
            ColumnKind::YesNo => {
                vec![option("no".to_owned(), answers.count(0)), option("yes".to_owned(), answers.count(1))]
            }
            ColumnKind::Rating { min, max } => {
                (*min..=*max).map(|point| option(point.to_string(), answers.count(point))).collect()
            }
            ColumnKind::Number { .. } | ColumnKind::Date | ColumnKind::Text => Vec::new(),
        }
    }

    /// The top box of a Likert item: the highest-valued option(s) among answers whose
    /// option has a scoring value; if no option has a value, the last option among all
    /// answers. `None` for other items.
    pub fn top_box(&self) -> Option<TopBox> {
        let ColumnKind::Choice { option_values, .. } = &self.kind else {
            return None;
        };
        if !self.likert {
            return None;
        }
        let answers = self.answers();
        let count = |i: usize| i32::try_from(i).map_or(0, |code| answers.count(code));
        match option_values.iter().flatten().max() {
            Some(&best) => {
                let valued = option_values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v)));
                let (mut top, mut among) = (0, 0);
                for (i, value) in valued {
                    among += count(i);
                    if value == best {
                        top += count(i);
                    }
                }
                Some(TopBox { top, among })
            }
            None => Some(TopBox { top: option_values.len().checked_sub(1).map_or(0, count), among: answers.n() }),
        }
    }

    /// Mean, standard deviation, median and quartiles, in the item's units: scoring
    /// values of choice and Likert options (options without a value left out), rating
    /// points, numbers (codes divided by 10^decimals). `None` for other items or without
    /// values.
    pub fn distribution(&self) -> Option<Distribution> {
        let answers = self.answers();
        match &self.kind {
            ColumnKind::Choice { option_values, .. } => {
                answers.map_values(|code| *option_values.get(usize::try_from(code).ok()?)?).distribution(1.0)
            }
            ColumnKind::Rating { .. } => answers.distribution(1.0),
            ColumnKind::Number { decimals } => answers.distribution(10f64.powi(i32::from(*decimals))),
            ColumnKind::Choices { .. } | ColumnKind::YesNo | ColumnKind::Date | ColumnKind::Text => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use survey_defs::{AnswerLayout, LayoutColumn, MISSING};

    use super::*;

    fn layout() -> AnswerLayout {
        let column = |id: &str, kind| LayoutColumn { item_id: id.to_owned(), kind };
        let codes = |n: usize| (0..n).map(|i| format!("o{i}")).collect::<Vec<_>>();
        AnswerLayout {
            columns: vec![
                column(
                    "likert",
                    ColumnKind::Choice {
                        option_codes: codes(5),
                        // Four valued points and "don't know".
                        option_values: vec![Some(1), Some(2), Some(3), Some(4), None],
                    },
                ),
                column("multi", ColumnKind::Choices { option_count: 3, option_codes: codes(3) }),
                column("weight", ColumnKind::Number { decimals: 1 }),
                column("ok", ColumnKind::YesNo),
            ],
        }
    }

    fn summaries() -> Vec<ItemSummary> {
        let rows = vec![
            vec![3, 0b011, 705, 1],
            vec![3, 0b001, 650, 1],
            vec![2, 0b100, MISSING, 0],
            vec![4, MISSING, 800, 1],
            vec![0, 0b111, 712, 7],
            vec![9, 0b1000, 700, MISSING],
        ];
        let frame = CampaignFrame::from_codes(&layout(), rows).unwrap();
        let likert = |i: usize| i == 0;
        (0..4).map(|i| ItemSummary::compute(&frame, i, likert(i)).unwrap()).collect()
    }

    #[test]
    fn likert_counts_and_top_box() {
        let s = &summaries()[0];
        // Code 9 is out of range: unanswered.
        assert_eq!((s.answered(), s.missing()), (5, 1));
        let counts: Vec<u64> = s.options().iter().map(|o| o.count).collect();
        assert_eq!(counts, vec![1, 0, 1, 2, 1]);
        // Highest value 4 is option 3: 2 of the 4 valued answers.
        assert_eq!(s.top_box(), Some(TopBox { top: 2, among: 4 }));
        // Values 1, 3, 4, 4: mean 3, median 3.5.
        let d = s.distribution().unwrap();
        assert_eq!((d.n, d.mean, d.median), (4, 3.0, 3.5));
    }

    #[test]
    fn multiple_choice_counts_each_option() {
        let s = &summaries()[1];
        // 0b1000 is beyond 3 options: unanswered.
        assert_eq!(s.answered(), 4);
        let counts: Vec<u64> = s.options().iter().map(|o| o.count).collect();
        assert_eq!(counts, vec![3, 2, 2]);
        assert_eq!(s.top_box(), None);
        assert_eq!(s.distribution(), None);
    }

    #[test]
    fn numbers_in_their_units_and_yes_no() {
        let all = summaries();
        let d = all[2].distribution().unwrap();
        // 65.0 70.0 70.5 71.2 80.0: median 70.5.
        assert_eq!(d.n, 5);
        assert!((d.median - 70.5).abs() < 1e-12 && (d.mean - 71.34).abs() < 1e-12);
        assert!(all[2].options().is_empty());
        let yes_no: Vec<(String, u64)> = all[3].options().into_iter().map(|o| (o.code, o.count)).collect();
        assert_eq!(yes_no, vec![("no".to_owned(), 1), ("yes".to_owned(), 3)]);
        assert_eq!(all[3].missing(), 2);
    }

    #[test]
    fn merging_items() {
        let all = summaries();
        let mut a = all[0].clone();
        a.merge(&all[0]).unwrap();
        assert_eq!(a.answered(), 10);
        assert_eq!(a.top_box(), Some(TopBox { top: 4, among: 8 }));
        assert!(a.merge(&all[1]).is_err());
    }
}
