//! Where a respondent stands among the others: the histogram of a scale's scores and the
//! shares of scores below, equal to and above one's own, with disclosure control.
//!
//! Both serve the respondent's private return page ("your score, and where it sits"),
//! and the histogram also the campaign's results page. They derive from a
//! [`ScaleSummary`]'s exact counts of scores (in hundredths), so they merge across
//! sites like every other figure.
//!
//! Disclosure control: no histogram bin holds `0 < n < k` responses — adjacent bins are
//! merged until each holds none or at least `k` — and a histogram, or a position, resting
//! on fewer than `k` scored responses is withheld. Within a position, the three shares
//! (below, equal, above) form one row whose total is published, so they go through
//! [`disclose_counts`] like any row of counts.
//!
//! A limit, stated honestly: bins do not follow band boundaries, so a reader holding both
//! the histogram and the report's band counts could subtract one from the other where a
//! bin straddles a band boundary, and learn how many scores fall in a sub-range smaller
//! than both. Publish band counts and the histogram of a small campaign together only
//! with that in mind (or with a larger `k`).

use serde::{Deserialize, Serialize};
use survey_defs::{Questionnaire, ScaleInfo, ScoringMethod};

use crate::disclosure::{Disclosed, disclose_counts, disclose_share, disclose_summary};
use crate::error::AnalyticsError;
use crate::scale_summary::{ScaleSummary, hundredths};

/// The most bins a histogram starts with, before merging.
pub const MAX_BINS: u32 = 12;

/// The histogram of a scale's scores, after disclosure control.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreHistogram {
    /// Scale id.
    pub scale_id: String,
    /// Responses with a score; withheld (with every bin) below `k`.
    pub scored: Disclosed<u64>,
    /// Scores are whole points (sum scales): bins hold whole numbers, and a bin or band
    /// `a–b` spans `a − 0.5` to `b + 0.5` on the score axis. Prorated sums with decimals
    /// fall in the bin of the nearest whole number (halves rounded up).
    pub whole_points: bool,
    /// The bins, in ascending order, contiguous from the lowest possible score to the
    /// highest. Every count is shown and is 0 or at least `k`, unless the whole histogram
    /// is withheld: then every bin is, on the grid of bins before merging.
    pub bins: Vec<ScoreBin>,
    /// The scale's interpretation bands, `(min, max)` inclusive as in
    /// [`survey_defs::ScoreBand`], in order.
    pub bands: Vec<(f64, f64)>,
}

/// One bin of a [`ScoreHistogram`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoreBin {
    /// Lowest score in the bin (for a table: "0–2").
    pub min: f64,
    /// Highest score in the bin.
    pub max: f64,
    /// Left edge on the score axis.
    pub start: f64,
    /// Right edge on the score axis (the next bin's `start`).
    pub end: f64,
    /// Responses whose score falls in the bin.
    pub count: Disclosed<u64>,
}

/// A bin on the grid, in hundredths of a point: scores from `start` (inclusive) to `end`
/// (exclusive, except for the last bin) fall in it; `low` and `high` are the lowest and
/// highest of them as published (whole numbers for whole-point scales).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cell {
    low: i64,
    high: i64,
    start: i64,
    end: i64,
    count: u64,
}

impl Cell {
    /// This cell and the next one, as one.
    fn join(self, next: Self) -> Self {
        Self { low: self.low, high: next.high, start: self.start, end: next.end, count: self.count + next.count }
    }
}

/// Bin widths tried, smallest first, in hundredths of a whole unit of the scale: 1, 2,
/// 2.5 and 5 × 10^n (and 3 and 4 for whole points, so that a 0–27 scale gets bins of 3).
fn widths(whole_points: bool) -> impl Iterator<Item = i64> {
    let extra: &'static [i64] = if whole_points { &[300, 400] } else { &[] };
    let steps = (0..12u32).flat_map(|e| [10, 20, 25, 50].map(|m| m * 10i64.pow(e) / 10));
    let mut all: Vec<i64> = steps.chain(extra.iter().copied()).filter(|&w| w > 0).collect();
    all.sort_unstable();
    all.dedup();
    all.into_iter().filter(move |w| !whole_points || w % 100 == 0)
}

impl ScoreHistogram {
    /// The histogram of `summary`'s scores over the possible range of its scale in
    /// `questionnaire` (from survey-defs' [`ScaleInfo::possible_range`]): at most
    /// [`MAX_BINS`] bins of a round width (whole points for sum scales), then adjacent bins
    /// merged, left to right, until every bin holds 0 or at least `k` responses (a last
    /// small group joins the bins before it). Withheld when fewer than `k` responses are
    /// scored. Scores outside the possible range (none, for answers checked by
    /// survey-defs) are counted in the first or last bin.
    ///
    /// Fails when the questionnaire has no such scale or it cannot be scored.
    pub fn from_summary(questionnaire: &Questionnaire, summary: &ScaleSummary, k: u32) -> Result<Self, AnalyticsError> {
        let unscorable = || AnalyticsError::UnscorableScale(summary.scale_id.clone());
        let scale = questionnaire.scale(&summary.scale_id).ok_or_else(unscorable)?;
        let info = ScaleInfo::new(questionnaire, scale).ok_or_else(unscorable)?;
        let whole_points = info.method == ScoringMethod::Sum;
        let (low, high) = info.possible_range();
        let (low, high) = (hundredths(low).ok_or_else(unscorable)?, hundredths(high).ok_or_else(unscorable)?);
        let grid = grid(i64::from(low), i64::from(high), whole_points);
        let mut cells = grid.clone();
        let last = cells.len().saturating_sub(1);
        for (&score, &n) in summary.scores.counts() {
            let score = i64::from(score);
            let index = cells.iter().position(|cell| score < cell.end).unwrap_or(last);
            if let Some(cell) = cells.get_mut(index) {
                cell.count += n;
            }
        }
        let scored = summary.scored();
        let merged = if disclose_summary(scored, k, ()).is_suppressed() { None } else { merge(&cells, k) };
        let (scored, bins) = match merged {
            Some(merged) => (Disclosed::Shown(scored), merged.iter().map(|cell| bin(cell, None)).collect()),
            None => {
                let withheld = Disclosed::Suppressed { fewer_than: k.max(1) };
                (withheld, grid.iter().map(|cell| bin(cell, Some(withheld))).collect())
            }
        };
        let bands = summary.bands.iter().map(|band| (band.min, band.max)).collect();
        Ok(Self { scale_id: summary.scale_id.clone(), scored, whole_points, bins, bands })
    }

    /// True when the whole histogram is withheld.
    pub fn is_withheld(&self) -> bool {
        self.scored.is_suppressed()
    }

    /// Left edge of the first bin and right edge of the last: the score axis.
    pub fn range(&self) -> (f64, f64) {
        (self.bins.first().map_or(0.0, |b| b.start), self.bins.last().map_or(0.0, |b| b.end))
    }
}

/// The bins before merging, covering `low..=high` hundredths.
fn grid(low: i64, high: i64, whole_points: bool) -> Vec<Cell> {
    let high = high.max(low);
    // Whole points: the scores low, low + 100, … high, each the middle of a unit.
    let (first, last) = if whole_points { (low - 50, high + 50) } else { (low, high) };
    let span = (last - first).max(1);
    let width = widths(whole_points).find(|&w| span <= w * i64::from(MAX_BINS)).unwrap_or(span);
    let count = (span + width - 1) / width;
    (0..count)
        .map(|i| {
            let start = first + i * width;
            let end = if i + 1 == count { last } else { start + width };
            let (low, high) = if whole_points {
                (start + 50, end - 50)
            } else {
                (start, if i + 1 == count { high } else { end - 1 })
            };
            Cell { low, high, start, end, count: 0 }
        })
        .collect()
}

/// Merges adjacent cells, left to right, until every cell holds 0 or at least `k`; a last
/// small group joins the cells before it. `None` when the total is below `k`.
fn merge(cells: &[Cell], k: u32) -> Option<Vec<Cell>> {
    let k = u64::from(k);
    let small = |n: u64| n > 0 && n < k;
    let mut out: Vec<Cell> = Vec::new();
    let mut pending: Option<Cell> = None;
    for &cell in cells {
        let group = pending.take().map_or(cell, |group| group.join(cell));
        if small(group.count) {
            pending = Some(group);
        } else {
            out.push(group);
        }
    }
    if let Some(mut group) = pending {
        while small(group.count) {
            group = out.pop()?.join(group);
        }
        out.push(group);
    }
    Some(out)
}

/// A cell as published, in points; `withheld` replaces its count.
fn bin(cell: &Cell, withheld: Option<Disclosed<u64>>) -> ScoreBin {
    // Hundredths of scores within i32 (they come from `hundredths`): exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let points = |h: i64| h as f64 / 100.0;
    ScoreBin {
        min: points(cell.low),
        max: points(cell.high),
        start: points(cell.start),
        end: points(cell.end),
        count: withheld.unwrap_or(Disclosed::Shown(cell.count)),
    }
}

/// Where one score stands among a campaign's scored responses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScorePosition {
    /// The score located, in points.
    pub score: f64,
    /// Responses with a score (the respondent's own included, when it was counted).
    pub scored: u64,
    /// Percentage of scored responses strictly below `score`.
    pub below_pct: Disclosed<f64>,
    /// Percentage with exactly `score`.
    pub equal_pct: Disclosed<f64>,
    /// Percentage strictly above.
    pub above_pct: Disclosed<f64>,
}

impl ScorePosition {
    /// The shares of `summary`'s scored responses strictly below, equal to and above
    /// `score` (in points, as survey-defs computed it: two decimals at most), withheld
    /// when fewer than `k` responses are scored. The three counts form one row whose
    /// total (`scored`) is shown, so a share resting on `0 < n < k` responses is withheld
    /// too, with a complement ([`disclose_counts`]).
    ///
    /// Fails when `score` is not a finite number.
    pub fn locate(summary: &ScaleSummary, score: f64, k: u32) -> Result<Disclosed<Self>, AnalyticsError> {
        let at = hundredths(score).ok_or_else(|| AnalyticsError::Score { scale: summary.scale_id.clone(), score })?;
        let (mut below, mut equal, mut above) = (0u64, 0u64, 0u64);
        for (&h, &n) in summary.scores.counts() {
            match h.cmp(&at) {
                std::cmp::Ordering::Less => below += n,
                std::cmp::Ordering::Equal => equal += n,
                std::cmp::Ordering::Greater => above += n,
            }
        }
        let scored = summary.scored();
        Ok(disclose_summary(scored, k, ()).map(|()| {
            let cells = disclose_counts(&[below, equal, above], k);
            let share =
                |i: usize| cells.get(i).map_or(Disclosed::Suppressed { fewer_than: k }, |c| disclose_share(c, scored));
            Self { score, scored, below_pct: share(0), equal_pct: share(1), above_pct: share(2) }
        }))
    }
}

#[cfg(test)]
#[path = "position_tests.rs"]
mod tests;
