//! Scale scores (PHQ-9 total, PREM dimensions) over a campaign, with their bands.
//!
//! Scores come from `survey_defs::score_values`, the single scoring implementation that
//! the server also uses for respondents' own results: reverse coding, proration and the
//! minimum number of answered items are decided there, never here.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::ops::Range;

use polars::prelude::{Int32Type, PolarsDataType, StaticArray};
use serde::{Deserialize, Serialize};
use survey_defs::{AnswerLayout, Questionnaire, Scale, ScaleInfo, ScoreBand, band_index, score_values};

use crate::error::AnalyticsError;
use crate::frame::CampaignFrame;
use crate::stats::{Distribution, ValueCounts};

/// The statistics of one scale: exact counts of the scores in hundredths of a point.
///
/// survey-defs rounds prorated sums and means to 2 decimals, so hundredths are exact:
/// the median, quartiles and band counts of merged summaries equal those of the pooled
/// responses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleSummary {
    /// Scale id.
    pub scale_id: String,
    /// The scale's interpretation bands.
    pub bands: Vec<ScoreBand>,
    /// Scores × 100 (rounded); missing = responses without a score (too few items
    /// answered).
    pub scores: ValueCounts,
}

/// Every response's score on `scale` (`None` when it cannot be scored), in frame order,
/// computed with survey-defs' [`score_values`] from the codes' scoring values
/// ([`survey_defs::AnswerLayout::value_of`]).
pub fn scale_scores(
    questionnaire: &Questionnaire,
    scale: &Scale,
    frame: &CampaignFrame,
) -> Result<Vec<Option<f64>>, AnalyticsError> {
    let unscorable = || AnalyticsError::UnscorableScale(scale.id.clone());
    let info = ScaleInfo::new(questionnaire, scale).ok_or_else(unscorable)?;
    let layout = frame.layout();
    let columns = info
        .items
        .iter()
        .map(|item| layout.column_index(&item.item_id).ok_or_else(unscorable))
        .collect::<Result<Vec<usize>, _>>()?;
    // Each column as one contiguous array (a no-op for frames built by `CampaignFrame`),
    // read by index: no per-value dynamic dispatch in the loop over responses.
    let chunked =
        columns.iter().map(|&index| frame.codes(index).map(|codes| codes.rechunk())).collect::<Result<Vec<_>, _>>()?;
    let arrays: Vec<_> = chunked.iter().map(|codes| codes.downcast_iter().next()).collect();
    // `value_of` for the small codes (option indexes, points), looked up once per column.
    let tables: Vec<Vec<Option<i32>>> =
        columns.iter().map(|&index| (0..TABLE_SIZE).map(|code| layout.value_of(index, code)).collect()).collect();
    let columns = ScaleColumns { info: &info, layout, columns: &columns, arrays: &arrays, tables: &tables };
    // Scoring dominates the report's time (a million responses × several scales), and
    // responses are independent: split them over the available cores.
    let rows = frame.respondents();
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(rows.div_ceil(MIN_ROWS_PER_THREAD))
        .max(1);
    let per_thread = rows.div_ceil(threads);
    let parts: Vec<Vec<Option<f64>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * per_thread).min(rows)..((t + 1) * per_thread).min(rows);
                scope.spawn(|| columns.score(range))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    let scores = parts.concat();
    Ok(scores)
}

/// The contiguous codes of one array chunk of an `Int32` column.
type CodeArray = <Int32Type as PolarsDataType>::Array;

/// What scoring a range of responses reads; shared by the scoring threads.
struct ScaleColumns<'a> {
    info: &'a ScaleInfo,
    layout: &'a AnswerLayout,
    /// Layout column of each scale item, in the scale's order.
    columns: &'a [usize],
    arrays: &'a [Option<&'a CodeArray>],
    /// Per scale item, `value_of` of the codes `0..TABLE_SIZE`.
    tables: &'a [Vec<Option<i32>>],
}

impl ScaleColumns<'_> {
    /// Scores responses `rows` with survey-defs' `score_values`, reusing one buffer.
    fn score(&self, rows: Range<usize>) -> Vec<Option<f64>> {
        let mut values = vec![None; self.columns.len()];
        let mut scores = Vec::with_capacity(rows.len());
        for row in rows {
            let items = self.arrays.iter().zip(self.tables).zip(self.columns);
            for (value, ((array, table), &index)) in values.iter_mut().zip(items) {
                let code = array.and_then(|codes| codes.get(row));
                *value = code.and_then(|code| match usize::try_from(code).ok().and_then(|slot| table.get(slot)) {
                    Some(&value) => value,
                    None => self.layout.value_of(index, code),
                });
            }
            scores.push(score_values(self.info, &values));
        }
        scores
    }
}

/// Below this many responses per core, scoring stays on one thread.
const MIN_ROWS_PER_THREAD: usize = 50_000;

/// Codes `0..TABLE_SIZE` have their scoring value tabulated per column.
const TABLE_SIZE: i32 = 128;

/// A score in hundredths, when finite and within `i32`.
pub(crate) fn hundredths(score: f64) -> Option<i32> {
    let x = (score * 100.0).round();
    // Checked to be a whole number inside the i32 range.
    #[allow(clippy::cast_possible_truncation)]
    (x.is_finite() && x > f64::from(i32::MIN) && x <= f64::from(i32::MAX)).then_some(x as i32)
}

impl ScaleSummary {
    /// Scores every response of `frame` on `scale`.
    pub fn compute(
        questionnaire: &Questionnaire,
        scale: &Scale,
        frame: &CampaignFrame,
    ) -> Result<Self, AnalyticsError> {
        // Counted in a hash map first: a million ordered-map insertions cost more than
        // the few hundred distinct scores need.
        let mut counts: HashMap<i32, u64> = HashMap::new();
        let mut missing = 0;
        for score in scale_scores(questionnaire, scale, frame)? {
            match score.and_then(hundredths) {
                Some(h) => *counts.entry(h).or_insert(0) += 1,
                None => missing += 1,
            }
        }
        let mut scores = ValueCounts::new();
        scores.add_missing(missing);
        for (h, n) in counts {
            scores.add_n(h, n);
        }
        Ok(Self { scale_id: scale.id.clone(), bands: scale.bands.clone(), scores })
    }

    /// One summary per scale of `questionnaire`, in order.
    pub fn compute_all(questionnaire: &Questionnaire, frame: &CampaignFrame) -> Result<Vec<Self>, AnalyticsError> {
        questionnaire.scales.iter().map(|scale| Self::compute(questionnaire, scale, frame)).collect()
    }

    /// Adds the counts of the same scale from another site or period (exact).
    pub fn merge(&mut self, other: &Self) -> Result<(), AnalyticsError> {
        if self.scale_id != other.scale_id || self.bands != other.bands {
            return Err(AnalyticsError::MergeMismatch { left: self.scale_id.clone(), right: other.scale_id.clone() });
        }
        self.scores.merge(&other.scores);
        Ok(())
    }

    /// Responses with a score.
    pub fn scored(&self) -> u64 {
        self.scores.n()
    }

    /// Responses without a score.
    pub fn not_scored(&self) -> u64 {
        self.scores.missing()
    }

    /// Mean (with its 95 % confidence interval), standard deviation, median and quartiles
    /// of the scores, in points; `None` without scores.
    pub fn distribution(&self) -> Option<Distribution> {
        self.scores.distribution(100.0)
    }

    /// Responses per band (by [`band_index`], as respondents see it), in band order, and
    /// last the scores that fall in no band.
    pub fn band_counts(&self) -> (Vec<u64>, u64) {
        let mut counts = vec![0; self.bands.len()];
        let mut outside = 0;
        for (&h, &n) in self.scores.counts() {
            match band_index(&self.bands, f64::from(h) / 100.0).and_then(|i| counts.get_mut(i)) {
                Some(count) => *count += n,
                None => outside += n,
            }
        }
        (counts, outside)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn hundredths_are_exact_for_two_decimal_scores() {
        assert_eq!(hundredths(9.43), Some(943));
        assert_eq!(hundredths(-0.07), Some(-7));
        assert_eq!(hundredths(f64::NAN), None);
        assert_eq!(hundredths(1e12), None);
    }
}
