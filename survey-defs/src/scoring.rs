//! Scoring: the ONE implementation, shared by the server (typed answers) and analytics
//! (compact encoded rows, through [`score_values`]).
//!
//! Rules:
//! - an item's value is its chosen option's `value` (choice/Likert), or the number
//!   (rating, whole-number items); options with `value: None` count as missing;
//! - reverse-scored items: `(lowest + highest value of the item) − value`;
//! - fewer than `min_answered` answered items: no score;
//! - [`ScoringMethod::Sum`] with `prorate`: mean of answered × number of items, rounded to
//!   2 decimals (PHQ-9 guidance: with 1 or 2 items missing, the total is prorated from the
//!   answered items; with more, it is not scored — Kroenke, Spitzer & Williams 2001, and the
//!   PHQ instruction manual, Pfizer);
//! - means are rounded to 2 decimals.

use serde::{Deserialize, Serialize};

use crate::answer::{Answer, Answers};
use crate::item::Item;
use crate::model::Questionnaire;
use crate::scale::{Scale, ScoringMethod, band_index};

/// What scoring needs to know about a scale, independent of how answers are stored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleInfo {
    /// How values are combined.
    pub method: ScoringMethod,
    /// Fewest answered items for a score.
    pub min_answered: u32,
    /// Prorate a sum when items are missing.
    pub prorate: bool,
    /// The scale's items, in the scale's order.
    pub items: Vec<ScaleItemInfo>,
}

/// One item of a scale, for scoring.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleItemInfo {
    /// Item id.
    pub item_id: String,
    /// Lowest scoring value of the item.
    pub min: i32,
    /// Highest scoring value of the item.
    pub max: i32,
    /// Reverse-scored.
    pub reversed: bool,
}

/// The score of one scale for one response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleScore {
    /// Scale id.
    pub scale_id: String,
    /// The score; `None` when too few items are answered.
    pub value: Option<f64>,
    /// How many of the scale's items have a scoring value.
    pub answered: u32,
    /// Index in the scale's `bands` of the band the score falls in.
    pub band: Option<usize>,
}

impl ScaleInfo {
    /// Scoring information of `scale`; `None` when an item is unknown or cannot be scored
    /// (never for a valid questionnaire).
    pub fn new(questionnaire: &Questionnaire, scale: &Scale) -> Option<Self> {
        let items = scale
            .items
            .iter()
            .map(|id| {
                let (min, max) = questionnaire.item(id)?.score_range()?;
                (min < max).then(|| ScaleItemInfo {
                    item_id: id.clone(),
                    min,
                    max,
                    reversed: scale.reverse_items.contains(id),
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self { method: scale.method, min_answered: scale.min_answered, prorate: scale.prorate, items })
    }

    /// Lowest and highest possible score.
    pub fn possible_range(&self) -> (f64, f64) {
        let mins = self.items.iter().map(|i| f64::from(i.min));
        let maxs = self.items.iter().map(|i| f64::from(i.max));
        match self.method {
            ScoringMethod::Sum => (mins.sum(), maxs.sum()),
            ScoringMethod::Mean => (mins.fold(f64::INFINITY, f64::min), maxs.fold(f64::NEG_INFINITY, f64::max)),
            ScoringMethod::MeanRescaled => (0.0, 100.0),
        }
    }

    /// How many of `values` count as answered.
    pub fn answered(&self, values: &[Option<i32>]) -> u32 {
        let count = self
            .items
            .iter()
            .enumerate()
            .filter(|(j, item)| values.get(*j).copied().flatten().is_some_and(|v| v >= item.min && v <= item.max))
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Scores raw option values (not reversed), one per scale item in the scale's order;
/// `None` = missing. This is the single scoring implementation.
///
/// One pass, no allocation: analytics calls it once per respondent and scale, millions
/// of times for a large campaign.
pub fn score_values(info: &ScaleInfo, values: &[Option<i32>]) -> Option<f64> {
    let (mut count, mut sum, mut rescaled) = (0usize, 0.0f64, 0.0f64);
    for (j, item) in info.items.iter().enumerate() {
        let Some(v) = values.get(j).copied().flatten() else { continue };
        // Values outside the item's range (corrupt data) count as missing.
        if v < item.min || v > item.max {
            continue;
        }
        let v = i64::from(v);
        let coded = if item.reversed { i64::from(item.min) + i64::from(item.max) - v } else { v };
        // |coded| ≤ 2^32: exact in f64.
        #[allow(clippy::cast_precision_loss)]
        let coded = coded as f64;
        let (min, max) = (f64::from(item.min), f64::from(item.max));
        count += 1;
        sum += coded;
        rescaled += (coded - min) / (max - min) * 100.0;
    }
    if count == 0 || u32::try_from(count).unwrap_or(u32::MAX) < info.min_answered {
        return None;
    }
    // Counts are small (a few hundred items at most): exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let (count_f, total_f) = (count as f64, info.items.len() as f64);
    let score = match info.method {
        ScoringMethod::Sum if info.prorate && count < info.items.len() => {
            let (low, high) = info.possible_range();
            round2(sum / count_f * total_f).clamp(low, high)
        }
        ScoringMethod::Sum => sum,
        ScoringMethod::Mean => round2(sum / count_f),
        ScoringMethod::MeanRescaled => round2(rescaled / count_f),
    };
    Some(score)
}

/// The scoring value of an answer to `item`: the option's value, or a whole number.
pub fn item_value(item: &Item, answer: &Answer) -> Option<i32> {
    match answer {
        Answer::Choice(code) => item.option(code)?.value,
        Answer::Number(n) => {
            let (min, max) = item.score_range()?;
            (n.fract() == 0.0 && *n >= f64::from(min) && *n <= f64::from(max)).then(|| {
                // Whole and within an i32 range: exact.
                #[allow(clippy::cast_possible_truncation)]
                let v = *n as i32;
                v
            })
        }
        _ => None,
    }
}

/// Scores one scale of `questionnaire` from typed answers.
pub fn score_scale(questionnaire: &Questionnaire, scale: &Scale, answers: &Answers) -> ScaleScore {
    let Some(info) = ScaleInfo::new(questionnaire, scale) else {
        return ScaleScore { scale_id: scale.id.clone(), value: None, answered: 0, band: None };
    };
    let values: Vec<Option<i32>> = scale
        .items
        .iter()
        .map(|id| {
            let item = questionnaire.item(id)?;
            item_value(item, answers.get(id)?)
        })
        .collect();
    let value = score_values(&info, &values);
    ScaleScore {
        scale_id: scale.id.clone(),
        value,
        answered: info.answered(&values),
        band: value.and_then(|v| band_index(&scale.bands, v)),
    }
}

/// Scores every scale of `questionnaire`, in order.
pub fn score_all(questionnaire: &Questionnaire, answers: &Answers) -> Vec<ScaleScore> {
    questionnaire.scales.iter().map(|scale| score_scale(questionnaire, scale, answers)).collect()
}
