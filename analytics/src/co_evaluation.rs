//! Co-evaluation of the questionnaire itself, with patient-partners and the quality
//! team: does it work as an instrument? Per scale, internal consistency (Cronbach's
//! alpha, corrected item-total correlations, alpha if an item is deleted) and floor and
//! ceiling effects; per item, missing answers, "don't know" answers, floor and ceiling
//! effects, and how many respondents wrote a free text; and the items most often skipped
//! or answered "don't know".
//!
//! Everything is derived from mergeable sufficient statistics: [`ItemSummary`] and
//! [`ScaleSummary`] (exact counts, merged by addition) and [`ItemCovariance`] (complete-case
//! integer sums and cross-products, merged by addition). Institutions federating their
//! results exchange those (disclosure-controlled before leaving a site), merge them with
//! their `merge` methods, and call [`CoEvaluation::from_summaries`] on the merged
//! statistics: the figures are then exactly those of the pooled responses, without any
//! raw answer leaving a site.
//!
//! Disclosure control is that of [`crate::disclosure`]: an item's figures are shown only
//! when at least `k` respondents answered it; a "don't know" count is a cell of the item's
//! answer row, suppressed with it; floor and ceiling shares of an item derive from its
//! row and are shown only when the whole row is; a scale's floor and ceiling counts are
//! cells of the row (floor, in between, ceiling) of its scored responses; reliability is
//! shown only over at least `k` complete cases.
//!
//! Thresholds: floor or ceiling effects are flagged above 15 % of respondents at the
//! lowest or highest possible value (Terwee et al. 2007, "Quality criteria were proposed
//! for measurement properties of health status questionnaires", J Clin Epidemiol
//! 60:34–42); missing answers above 10 % of respondents. An item shown only under a
//! condition counts as missing for those who did not see it (the stored layout does not
//! tell the two apart), so conditional items are flagged more easily.

use serde::Serialize;
use survey_defs::{ColumnKind, Questionnaire, ScaleInfo};

use crate::disclosure::{Disclosed, disclose_counts, disclose_derived, disclose_share, disclose_summary};
use crate::item_summary::ItemSummary;
use crate::reliability::{ItemCovariance, ItemTotal};
use crate::scale_summary::{ScaleSummary, hundredths};
use crate::stats::ValueCounts;

/// Missing answers above this percentage of respondents are flagged.
pub const MISSING_FLAG_PCT: f64 = 10.0;
/// Floor or ceiling effects above this percentage are flagged (Terwee et al. 2007).
pub const FLOOR_CEILING_FLAG_PCT: f64 = 15.0;

/// How the questionnaire worked, item by item and scale by scale.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoEvaluation {
    /// Questionnaire id.
    pub questionnaire_id: String,
    /// Questionnaire version.
    pub questionnaire_version: String,
    /// The disclosure threshold applied.
    pub k: u32,
    /// One entry per answerable item, in questionnaire order.
    pub items: Vec<ItemQuality>,
    /// One entry per scale, in questionnaire order.
    pub scales: Vec<ScaleQuality>,
    /// Items with missing answers, most often skipped first (items whose figures are shown).
    pub most_skipped: Vec<ItemShare>,
    /// Items answered "don't know" (or another option without a scoring value), most often first.
    pub most_dont_know: Vec<ItemShare>,
}

/// One item's share of respondents, for the rankings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemShare {
    /// Item id.
    pub item_id: String,
    /// Percentage.
    pub pct: f64,
}

/// A percentage and whether it crosses its flag threshold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Share {
    /// Percentage.
    pub pct: f64,
    /// Above the threshold.
    pub flagged: bool,
}

/// The quality figures of one item, or their suppression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemQuality {
    /// Item id.
    pub item_id: String,
    /// Withheld when fewer than k respondents answered.
    pub figures: Disclosed<ItemQualityFigures>,
}

/// What is shown about an item answered by at least k respondents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemQualityFigures {
    /// Respondents who answered.
    pub answered: u64,
    /// Respondents who did not (skipped, or not shown the item).
    pub missing: u64,
    /// Missing as a percentage of respondents, flagged above [`MISSING_FLAG_PCT`].
    pub missing_share: Share,
    /// Answers with an option that has no scoring value ("don't know", "not concerned")
    /// of an item whose other options are scored; `None` for items without such an option.
    pub dont_know: Option<Disclosed<u64>>,
    /// Their percentage of respondents who answered.
    pub dont_know_pct: Option<Disclosed<f64>>,
    /// Valued answers at the item's lowest value; `None` for items without values or when
    /// a cell of the item's row is withheld.
    pub floor: Option<Share>,
    /// Valued answers at the item's highest value; as `floor`.
    pub ceiling: Option<Share>,
    /// Free-text items: respondents who wrote something.
    pub free_texts: Option<u64>,
}

/// The quality figures of one scale.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleQuality {
    /// Scale id.
    pub scale_id: String,
    /// Internal consistency over complete cases: withheld below k complete cases; `None`
    /// when the statistics were not computed.
    pub reliability: Option<Disclosed<ScaleReliability>>,
    /// Floor and ceiling effects of the scores; withheld below k scored responses.
    pub floor_ceiling: Disclosed<FloorCeiling>,
}

/// Internal consistency of a scale.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleReliability {
    /// Responses with a value for every item of the scale.
    pub complete_cases: u64,
    /// Cronbach's alpha.
    pub alpha: Option<f64>,
    /// Per item: corrected item-total correlation and alpha if deleted.
    pub items: Vec<ItemTotal>,
}

/// Scores at the lowest and highest possible score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FloorCeiling {
    /// Responses with a score.
    pub scored: u64,
    /// Percentage of them at the lowest possible score.
    pub floor: Disclosed<Share>,
    /// Percentage of them at the highest possible score.
    pub ceiling: Disclosed<Share>,
}

// Counts far below 2^53: exact in f64.
#[allow(clippy::cast_precision_loss)]
fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}

fn share(pct: f64, threshold: f64) -> Share {
    Share { pct, flagged: pct > threshold }
}

impl CoEvaluation {
    /// Derives the co-evaluation from summaries, local or merged across institutions.
    /// `covariances` (one per scale, from [`crate::CampaignTally::with_reliability`]) may
    /// be absent; reliability is then `None`.
    pub fn from_summaries(
        questionnaire: &Questionnaire,
        respondents: u64,
        items: &[ItemSummary],
        scales: &[ScaleSummary],
        covariances: Option<&[ItemCovariance]>,
        k: u32,
    ) -> Self {
        let items: Vec<ItemQuality> = items.iter().map(|item| item_quality(item, respondents, k)).collect();
        let shown = || items.iter().filter_map(|i| Some((&i.item_id, i.figures.shown()?)));
        let mut most_skipped: Vec<ItemShare> = shown()
            .filter(|(_, f)| f.missing > 0)
            .map(|(id, f)| ItemShare { item_id: id.clone(), pct: f.missing_share.pct })
            .collect();
        most_skipped.sort_by(|a, b| b.pct.total_cmp(&a.pct));
        let mut most_dont_know: Vec<ItemShare> = shown()
            .filter_map(|(id, f)| match (&f.dont_know, &f.dont_know_pct) {
                (Some(Disclosed::Shown(n)), Some(Disclosed::Shown(pct))) if *n > 0 => {
                    Some(ItemShare { item_id: id.clone(), pct: *pct })
                }
                _ => None,
            })
            .collect();
        most_dont_know.sort_by(|a, b| b.pct.total_cmp(&a.pct));
        let scales = scales
            .iter()
            .map(|summary| {
                let covariance = covariances.and_then(|c| c.iter().find(|c| c.scale_id == summary.scale_id));
                let info = questionnaire.scale(&summary.scale_id).and_then(|s| ScaleInfo::new(questionnaire, s));
                scale_quality(summary, info.as_ref(), covariance, k)
            })
            .collect();
        Self {
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version.clone(),
            k,
            items,
            scales,
            most_skipped,
            most_dont_know,
        }
    }
}

fn item_quality(item: &ItemSummary, respondents: u64, k: u32) -> ItemQuality {
    let answered = item.answered();
    let figures = disclose_summary(answered, k, ()).map(|()| {
        let missing = item.missing();
        let options = item.options();
        let cells = disclose_counts(&options.iter().map(|o| o.count).collect::<Vec<_>>(), k);
        let (dont_know, dont_know_pct) = match dont_know_options(&item.kind) {
            Some(indexes) => {
                let hidden = indexes.iter().any(|&i| cells.get(i).is_none_or(Disclosed::is_suppressed));
                let count: u64 = indexes.iter().filter_map(|&i| options.get(i)).map(|o| o.count).sum();
                let cell = if hidden { Disclosed::Suppressed { fewer_than: k } } else { Disclosed::Shown(count) };
                (Some(cell), Some(disclose_share(&cell, answered)))
            }
            None => (None, None),
        };
        let (floor, ceiling) = match values(item) {
            Some((counts, low, high)) => {
                let n = counts.n();
                let floor = (n > 0).then(|| share(pct(counts.count(low), n), FLOOR_CEILING_FLAG_PCT));
                let ceiling = (n > 0).then(|| share(pct(counts.count(high), n), FLOOR_CEILING_FLAG_PCT));
                (floor.and_then(|f| disclose_derived(&cells, f)), ceiling.and_then(|c| disclose_derived(&cells, c)))
            }
            None => (None, None),
        };
        ItemQualityFigures {
            answered,
            missing,
            missing_share: share(pct(missing, respondents.max(answered + missing)), MISSING_FLAG_PCT),
            dont_know,
            dont_know_pct,
            floor,
            ceiling,
            free_texts: matches!(item.kind, ColumnKind::Text).then_some(answered),
        }
    });
    ItemQuality { item_id: item.item_id.clone(), figures }
}

/// Indexes of the options without a scoring value, for a choice item whose other options
/// have one.
fn dont_know_options(kind: &ColumnKind) -> Option<Vec<usize>> {
    let ColumnKind::Choice { option_values, .. } = kind else { return None };
    let unvalued: Vec<usize> = option_values.iter().enumerate().filter(|(_, v)| v.is_none()).map(|(i, _)| i).collect();
    (option_values.iter().any(Option::is_some) && !unvalued.is_empty()).then_some(unvalued)
}

/// The valued answers of an item, with its lowest and highest possible value.
fn values(item: &ItemSummary) -> Option<(ValueCounts, i32, i32)> {
    let answers = item.answers();
    match &item.kind {
        ColumnKind::Choice { option_values, .. } => {
            let low = *option_values.iter().flatten().min()?;
            let high = *option_values.iter().flatten().max()?;
            let counts = answers.map_values(|code| *option_values.get(usize::try_from(code).ok()?)?);
            Some((counts, low, high))
        }
        ColumnKind::Rating { min, max } => Some((answers, *min, *max)),
        _ => None,
    }
}

fn scale_quality(
    summary: &ScaleSummary,
    info: Option<&ScaleInfo>,
    covariance: Option<&ItemCovariance>,
    k: u32,
) -> ScaleQuality {
    let reliability = covariance.map(|c| {
        disclose_summary(c.complete, k, ()).map(|()| {
            let r = c.reliability();
            ScaleReliability { complete_cases: c.complete, alpha: r.alpha, items: r.items }
        })
    });
    let scored = summary.scored();
    let floor_ceiling = match info.map(ScaleInfo::possible_range) {
        Some((low, high)) => disclose_summary(scored, k, ()).map(|()| {
            let at = |score: f64| hundredths(score).map_or(0, |h| summary.scores.count(h));
            let (floor, ceiling) = (at(low), at(high));
            let cells = disclose_counts(&[floor, scored.saturating_sub(floor + ceiling), ceiling], k);
            let to_share = |cell: Option<&Disclosed<u64>>| match cell {
                Some(Disclosed::Shown(n)) => Disclosed::Shown(share(pct(*n, scored), FLOOR_CEILING_FLAG_PCT)),
                Some(Disclosed::Suppressed { fewer_than }) => Disclosed::Suppressed { fewer_than: *fewer_than },
                None => Disclosed::Suppressed { fewer_than: k.max(1) },
            };
            FloorCeiling { scored, floor: to_share(cells.first()), ceiling: to_share(cells.get(2)) }
        }),
        None => Disclosed::Suppressed { fewer_than: k.max(1) },
    };
    ScaleQuality { scale_id: summary.scale_id.clone(), reliability, floor_ceiling }
}

#[cfg(test)]
#[path = "co_evaluation_tests.rs"]
mod tests;
