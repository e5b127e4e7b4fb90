//! Scale scores counted without scoring every response: responses are counted by a small
//! integer *key* that determines their score, and survey-defs' [`score_values`] is called
//! once per distinct key, on the first response that has it.
//!
//! Why this is exact, not an approximation: `score_values` reads a response only through
//! each answered item's coded value (after range check and reverse coding) and combines
//! them by a fixed rule. Two keys are used:
//! - **answered count and coded sum**, for sums and means (prorated or not): these
//!   methods use only the count and the sum of coded values, which are whole numbers
//!   and exact in `f64`; also for `mean_rescaled` when all items share one range whose
//!   width is a power of two (every rescaled term `(v − min)/(max − min)·100` and every
//!   partial sum is then exact in binary floating point, so the float result depends
//!   only on the count and the sum, not on which items or in which order);
//! - **the pattern of coded values**, item by item (mixed radix), for any other short
//!   scale of choice or rating items, e.g. `mean_rescaled` over 4-point Likert items,
//!   whose thirds are not exact in binary: identical coded values give identical floating
//!   point operations.
//!
//! A scale for which neither key fits a small table (over [`MAX_KEYS`] keys) is scored
//! response by response with `score_values`. Either way the coded value of a code is
//! obtained from survey-defs too (`value_of`, then `score_values` on that item alone),
//! so range checks and reverse coding are never re-implemented here; a property test
//! checks the counts against `score_values` on random responses and random scales.

use std::collections::HashMap;

use survey_defs::{AnswerLayout, ColumnKind, Questionnaire, Scale, ScaleInfo, ScoreBand, ScoringMethod, score_values};

use crate::error::AnalyticsError;
use crate::scale_summary::{ScaleSummary, hundredths};
use crate::stats::ValueCounts;

/// Codes from `DENSE_LOW` to `DENSE_LOW + DENSE_SIZE − 1` have their own counter slot;
/// choice, Likert, yes/no and rating codes all fall inside.
pub(crate) const DENSE_LOW: i32 = -128;
/// Width of the dense window of codes.
pub(crate) const DENSE_SIZE: usize = 384;
/// The slot of [`survey_defs::MISSING`].
pub(crate) const MISSING_SLOT: usize = DENSE_SIZE;
/// The slot of any other code (counted in a hash map).
pub(crate) const OTHER_SLOT: usize = DENSE_SIZE + 1;
/// Slots per column.
pub(crate) const SLOTS: usize = DENSE_SIZE + 2;

/// The counter slot of a code.
#[inline]
pub(crate) fn slot(code: i32) -> usize {
    match usize::try_from(i64::from(code) - i64::from(DENSE_LOW)) {
        Ok(s) if s < DENSE_SIZE => s,
        _ if code == survey_defs::MISSING => MISSING_SLOT,
        _ => OTHER_SLOT,
    }
}

/// The code of a dense slot.
pub(crate) fn code_of_slot(slot: usize) -> Option<i32> {
    (slot < DENSE_SIZE).then(|| i32::try_from(slot).ok().map(|s| s + DENSE_LOW)).flatten()
}

/// Largest key table kept per scale (counts and cached scores: 16 bytes per key).
pub(crate) const MAX_KEYS: usize = 1 << 16;

/// In a coded-value table: the code has no scoring value (missing, "don't know", out of range).
pub(crate) const NOT_VALUED: i64 = i64::MIN;
/// In a table: the code lies outside the dense window; ask survey-defs.
pub(crate) const LOOK_UP: i64 = i64::MIN + 1;

/// How one scale is counted.
#[derive(Clone, Debug)]
pub(crate) struct ScalePlan {
    pub(crate) scale_id: String,
    pub(crate) bands: Vec<ScoreBand>,
    pub(crate) info: ScaleInfo,
    /// Layout column of each scale item, in the scale's order.
    pub(crate) columns: Vec<usize>,
    /// Per item, the item alone as a one-item sum: `score_values` on it gives the item's
    /// coded value (range-checked and reverse-coded by survey-defs).
    singles: Vec<ScaleInfo>,
    /// Per item × [`SLOTS`]: coded value, [`NOT_VALUED`] or [`LOOK_UP`].
    pub(crate) coded: Vec<i64>,
    key: Option<KeyRule>,
}

/// `key = offset + Σ contrib[item][slot]`, in `0..size`.
#[derive(Clone, Debug)]
struct KeyRule {
    offset: i64,
    /// Per item × [`SLOTS`]; [`LOOK_UP`] for codes outside the window (sum keys only).
    contrib: Vec<i64>,
    /// For [`LOOK_UP`] codes: `key += width + coded` when valued (sum keys).
    width: i64,
    /// Some code must be looked up (a number item): the slower loop.
    look_up: bool,
    size: usize,
}

impl ScalePlan {
    pub(crate) fn new(
        questionnaire: &Questionnaire,
        layout: &AnswerLayout,
        scale: &Scale,
    ) -> Result<Self, AnalyticsError> {
        let unscorable = || AnalyticsError::UnscorableScale(scale.id.clone());
        let info = ScaleInfo::new(questionnaire, scale).ok_or_else(unscorable)?;
        Self::from_info(layout, scale.id.clone(), scale.bands.clone(), info)
    }

    pub(crate) fn from_info(
        layout: &AnswerLayout,
        scale_id: String,
        bands: Vec<ScoreBand>,
        info: ScaleInfo,
    ) -> Result<Self, AnalyticsError> {
        let unscorable = || AnalyticsError::UnscorableScale(scale_id.clone());
        let columns = info
            .items
            .iter()
            .map(|item| layout.column_index(&item.item_id).ok_or_else(unscorable))
            .collect::<Result<Vec<usize>, _>>()?;
        let singles: Vec<ScaleInfo> = info
            .items
            .iter()
            .map(|item| ScaleInfo {
                method: ScoringMethod::Sum,
                min_answered: 1,
                prorate: false,
                items: vec![item.clone()],
            })
            .collect();
        let mut plan = Self { scale_id, bands, info, columns, singles, coded: Vec::new(), key: None };
        let mut coded = Vec::with_capacity(plan.columns.len() * SLOTS);
        for (j, &column) in plan.columns.iter().enumerate() {
            let numbers = matches!(layout.columns.get(column).map(|c| &c.kind), Some(ColumnKind::Number { .. }));
            for s in 0..SLOTS {
                coded.push(match code_of_slot(s) {
                    Some(code) => plan.coded_value(layout, j, code).map_or(NOT_VALUED, i64::from),
                    None if s == OTHER_SLOT && numbers => LOOK_UP,
                    None => NOT_VALUED,
                });
            }
        }
        plan.coded = coded;
        plan.key = plan.sum_key().or_else(|| plan.pattern_key(layout));
        Ok(plan)
    }

    /// The coded value of `code` for item `j`, from survey-defs: its scoring value
    /// (`value_of`), range-checked and reverse-coded by `score_values` on the item alone.
    pub(crate) fn coded_value(&self, layout: &AnswerLayout, j: usize, code: i32) -> Option<i32> {
        let value = layout.value_of(*self.columns.get(j)?, code)?;
        let coded = score_values(self.singles.get(j)?, &[Some(value)])?;
        // A one-item sum is the item's coded value, a whole number within the item's range.
        #[allow(clippy::cast_possible_truncation)]
        let whole = (coded.fract() == 0.0 && coded >= f64::from(i32::MIN) && coded <= f64::from(i32::MAX))
            .then_some(coded as i32);
        whole
    }

    /// The coded value of item `j` in a row (looking codes outside the window up).
    #[inline]
    pub(crate) fn coded_in_row(
        &self,
        layout: &AnswerLayout,
        j: usize,
        slots: &[u16],
        codes: &[[u8; 4]],
    ) -> Option<i64> {
        let column = *self.columns.get(j)?;
        let s = usize::from(*slots.get(column)?);
        match *self.coded.get(j * SLOTS + s)? {
            NOT_VALUED => None,
            LOOK_UP => self.coded_value(layout, j, i32::from_le_bytes(*codes.get(column)?)).map(i64::from),
            v => Some(v),
        }
    }

    /// Key by answered count and coded sum, when the method depends on nothing else.
    fn sum_key(&self) -> Option<KeyRule> {
        let items = &self.info.items;
        let by_sum = match self.info.method {
            ScoringMethod::Sum | ScoringMethod::Mean => true,
            ScoringMethod::MeanRescaled => items.first().is_some_and(|first| {
                let width = i64::from(first.max) - i64::from(first.min);
                items.iter().all(|i| i.min == first.min && i.max == first.max)
                    && u64::try_from(width).is_ok_and(u64::is_power_of_two)
            }),
        };
        if !by_sum {
            return None;
        }
        let low: i64 = items.iter().map(|i| i64::from(i.min.min(0))).sum();
        let high: i64 = items.iter().map(|i| i64::from(i.max.max(0))).sum();
        let width = high - low + 1;
        let size = usize::try_from(width).ok()?.checked_mul(items.len() + 1)?;
        if size > MAX_KEYS {
            return None;
        }
        let contrib = self
            .coded
            .iter()
            .map(|&c| match c {
                NOT_VALUED => 0,
                LOOK_UP => LOOK_UP,
                c => width + c,
            })
            .collect();
        let look_up = self.coded.contains(&LOOK_UP);
        Some(KeyRule { offset: -low, contrib, width, look_up, size })
    }

    /// Key by the pattern of coded values, for short scales of choice or rating items.
    fn pattern_key(&self, layout: &AnswerLayout) -> Option<KeyRule> {
        let dense = self.columns.iter().all(|&c| {
            matches!(
                layout.columns.get(c).map(|c| &c.kind),
                Some(ColumnKind::Choice { .. } | ColumnKind::Rating { .. })
            )
        });
        if !dense {
            return None;
        }
        let mut contrib = vec![0; self.coded.len()];
        let mut radix: usize = 1;
        for (table, out) in self.coded.chunks_exact(SLOTS).zip(contrib.chunks_exact_mut(SLOTS)) {
            let mut values: Vec<i64> = table.iter().copied().filter(|&c| c != NOT_VALUED && c != LOOK_UP).collect();
            values.sort_unstable();
            values.dedup();
            for (c, o) in table.iter().zip(out.iter_mut()) {
                if let Ok(state) = values.binary_search(c) {
                    *o = i64::try_from((state + 1).checked_mul(radix)?).ok()?;
                }
            }
            radix = radix.checked_mul(values.len() + 1)?;
            if radix > MAX_KEYS {
                return None;
            }
        }
        Some(KeyRule { offset: 0, contrib, width: 0, look_up: false, size: radix })
    }

    /// Scores one row with survey-defs' `score_values`, in hundredths (`None`: no score).
    fn score_row(&self, layout: &AnswerLayout, codes: &[[u8; 4]], values: &mut Vec<Option<i32>>) -> Option<i32> {
        values.clear();
        let value = |c: usize| codes.get(c).and_then(|&code| layout.value_of(c, i32::from_le_bytes(code)));
        values.extend(self.columns.iter().map(|&c| value(c)));
        score_values(&self.info, values).and_then(hundredths)
    }
}

/// Keys of up to four scales computed together, 16 bits apiece in one `u64`: one table
/// lookup and one addition per column serve all of them. Keys are below [`MAX_KEYS`] =
/// 2^16 and contributions are non-negative, so no lane ever carries into the next.
#[derive(Clone, Debug)]
pub(crate) struct KeyWord {
    /// The scales (indexes), lane by lane.
    pub(crate) scales: Vec<usize>,
    /// The keys' offsets, packed.
    pub(crate) offset: u64,
    /// Layout width × [`SLOTS`]: the packed contributions of each column's code.
    pub(crate) tables: Vec<u64>,
}

/// Lanes of a [`KeyWord`].
const LANES_PER_WORD: usize = 4;

/// Packs the keys of every scale whose rule needs no look-up; the others are counted by
/// [`ScaleTally::add_row`]. Returns the words and, per scale, whether it is packed.
pub(crate) fn key_words(scales: &[ScalePlan], width: usize) -> (Vec<KeyWord>, Vec<bool>) {
    let packable: Vec<usize> = (0..scales.len())
        .filter(|&i| {
            scales.get(i).and_then(|s| s.key.as_ref()).is_some_and(|rule| {
                !rule.look_up && rule.size <= MAX_KEYS && rule.offset >= 0 && rule.contrib.iter().all(|&c| c >= 0)
            })
        })
        .collect();
    let mut packed = vec![false; scales.len()];
    let mut words = Vec::new();
    for group in packable.chunks(LANES_PER_WORD) {
        let mut word = KeyWord { scales: group.to_vec(), offset: 0, tables: vec![0; width * SLOTS] };
        for (lane, &index) in group.iter().enumerate() {
            let (Some(scale), Some(flag)) = (scales.get(index), packed.get_mut(index)) else { continue };
            let Some(rule) = &scale.key else { continue };
            let shift = 16 * lane;
            // Checked non-negative and below 2^16 above.
            #[allow(clippy::cast_sign_loss)]
            let lane_value = |c: i64| (c as u64) << shift;
            word.offset += lane_value(rule.offset);
            for (&column, contrib) in scale.columns.iter().zip(rule.contrib.chunks_exact(SLOTS)) {
                let Some(table) = word.tables.chunks_exact_mut(SLOTS).nth(column) else { continue };
                for (t, &c) in table.iter_mut().zip(contrib) {
                    *t += lane_value(c);
                }
            }
            *flag = true;
        }
        words.push(word);
    }
    (words, packed)
}

/// The counts of one scale: per key, responses and the key's score; responses scored
/// one by one are counted by score.
#[derive(Clone, Debug, Default)]
pub(crate) struct ScaleTally {
    counts: Vec<u64>,
    /// Hundredths of the score of each key seen (`None`: not scored).
    scores: Vec<Option<i32>>,
    by_score: HashMap<Option<i32>, u64>,
}

impl ScaleTally {
    pub(crate) fn new(plan: &ScalePlan) -> Self {
        let size = plan.key.as_ref().map_or(0, |k| k.size);
        Self { counts: vec![0; size], scores: vec![None; size], by_score: HashMap::new() }
    }

    /// Counts one row: `slots` and `codes` hold the row's slot and code per layout column.
    #[inline]
    pub(crate) fn add_row(
        &mut self,
        plan: &ScalePlan,
        layout: &AnswerLayout,
        slots: &[u16],
        codes: &[[u8; 4]],
        values: &mut Vec<Option<i32>>,
    ) {
        if let Some(rule) = &plan.key {
            let mut key = rule.offset;
            let tables = plan.columns.iter().zip(rule.contrib.chunks_exact(SLOTS));
            if rule.look_up {
                for (j, (&column, table)) in tables.enumerate() {
                    let s = slots.get(column).map_or(OTHER_SLOT, |&s| usize::from(s));
                    key += match table.get(s).copied().unwrap_or(0) {
                        LOOK_UP => plan.coded_in_row(layout, j, slots, codes).map_or(0, |c| rule.width + c),
                        c => c,
                    };
                }
            } else {
                for (&column, table) in tables {
                    let s = slots.get(column).map_or(OTHER_SLOT, |&s| usize::from(s));
                    key += table.get(s).copied().unwrap_or(0);
                }
            }
            if let Ok(key) = usize::try_from(key) {
                self.add_key(plan, key, layout, codes, values);
                return;
            }
        }
        *self.by_score.entry(plan.score_row(layout, codes, values)).or_insert(0) += 1;
    }

    /// Counts one row whose key is known; the key's score is computed with survey-defs
    /// the first time it is seen.
    #[inline]
    pub(crate) fn add_key(
        &mut self,
        plan: &ScalePlan,
        key: usize,
        layout: &AnswerLayout,
        codes: &[[u8; 4]],
        values: &mut Vec<Option<i32>>,
    ) {
        if let (Some(count), Some(score)) = (self.counts.get_mut(key), self.scores.get_mut(key)) {
            if *count == 0 {
                *score = plan.score_row(layout, codes, values);
            }
            *count += 1;
        } else {
            // Not a key of this scale (cannot happen for keys from its rule): score it.
            *self.by_score.entry(plan.score_row(layout, codes, values)).or_insert(0) += 1;
        }
    }

    /// Adds another tally of the same scale.
    pub(crate) fn merge(&mut self, other: &Self) {
        for (i, (&n, &score)) in other.counts.iter().zip(&other.scores).enumerate() {
            if n > 0
                && let (Some(count), Some(mine)) = (self.counts.get_mut(i), self.scores.get_mut(i))
            {
                if *count == 0 {
                    *mine = score;
                }
                *count += n;
            }
        }
        for (&score, &n) in &other.by_score {
            *self.by_score.entry(score).or_insert(0) += n;
        }
    }

    /// The mergeable summary: counts of scores in hundredths.
    pub(crate) fn summary(&self, plan: &ScalePlan) -> ScaleSummary {
        let mut scores = ValueCounts::new();
        let seen = self.counts.iter().zip(&self.scores).filter(|(n, _)| **n > 0).map(|(&n, &s)| (s, n));
        for (score, n) in seen.chain(self.by_score.iter().map(|(&s, &n)| (s, n))) {
            match score {
                Some(h) => scores.add_n(h, n),
                None => scores.add_missing(n),
            }
        }
        ScaleSummary { scale_id: plan.scale_id.clone(), bands: plan.bands.clone(), scores }
    }
}

#[cfg(test)]
#[path = "score_keys_tests.rs"]
mod tests;
