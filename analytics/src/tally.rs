//! The fast path to a campaign's report: ONE pass over the stored rows (the compact
//! little-endian `i32` layout of [`survey_defs::AnswerLayout`]) straight into counts:
//! per item, a flat array of counters indexed by code; per scale, counters indexed by a
//! key that determines the score (see `score_keys`). No row is parsed into anything,
//! no frame is built, and memory does not grow with the number of responses, so rows can
//! be streamed from the database page by page ([`CampaignTally::add_rows`]).
//!
//! A tally is mergeable: tallies of disjoint sets of rows add up to the tally of their
//! union. [`CampaignTally::from_encoded`] uses that to split a campaign over the cores.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::Arc;

use survey_defs::{AnswerLayout, ItemKind, Questionnaire};

use crate::co_evaluation::CoEvaluation;
use crate::error::AnalyticsError;
use crate::item_summary::ItemSummary;
use crate::reliability::ItemCovariance;
use crate::report::CampaignReport;
use crate::scale_summary::ScaleSummary;
use crate::score_keys::{
    KeyWord, MISSING_SLOT, OTHER_SLOT, SLOTS, ScalePlan, ScaleTally, code_of_slot, key_words, slot,
};
use crate::stats::ValueCounts;

/// Counts of one campaign (one questionnaire version), accumulated row by row: exact per
/// item code counts and per scale score counts, from which [`CampaignTally::report`]
/// derives the same [`CampaignReport`] as [`CampaignReport::compute`] does from a
/// [`crate::CampaignFrame`].
#[derive(Clone, Debug)]
pub struct CampaignTally {
    plan: Arc<Plan>,
    respondents: u64,
    /// Layout width × [`SLOTS`] counters.
    item_counts: Vec<u64>,
    /// Per column, the codes outside the dense window (numbers, dates, text lengths).
    item_other: Vec<HashMap<i32, u64>>,
    scales: Vec<ScaleTally>,
    /// Per scale, complete-case sums and cross-products, when asked for
    /// ([`CampaignTally::with_reliability`]).
    covariances: Option<Vec<ItemCovariance>>,
}

/// What the pass needs to know, derived once from the questionnaire.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) questionnaire: Questionnaire,
    pub(crate) layout: AnswerLayout,
    likert: Vec<bool>,
    pub(crate) scales: Vec<ScalePlan>,
    /// Scale keys computed together in the column loop.
    words: Vec<KeyWord>,
    /// Per scale, whether its key is in `words`.
    packed: Vec<bool>,
}

impl Plan {
    pub(crate) fn new(questionnaire: &Questionnaire) -> Result<Self, AnalyticsError> {
        let layout = questionnaire.answer_layout();
        let likert = layout
            .columns
            .iter()
            .map(|c| questionnaire.item(&c.item_id).is_some_and(|item| matches!(item.kind, ItemKind::Likert { .. })))
            .collect();
        let scales: Vec<ScalePlan> = questionnaire
            .scales
            .iter()
            .map(|scale| ScalePlan::new(questionnaire, &layout, scale))
            .collect::<Result<_, _>>()?;
        let (words, packed) = key_words(&scales, layout.columns.len());
        Ok(Self { questionnaire: questionnaire.clone(), layout, likert, scales, words, packed })
    }

    pub(crate) fn width(&self) -> usize {
        self.layout.columns.len()
    }
}

/// Below this many rows per core, a campaign is counted on one thread.
const MIN_ROWS_PER_THREAD: usize = 50_000;

/// Reusable per-row buffers: the counter slot of each code, and scoring values.
#[derive(Default)]
pub(crate) struct RowBuffers {
    pub(crate) slots: Vec<u16>,
    values: Vec<Option<i32>>,
    keys: Vec<u64>,
    coded: Vec<i64>,
}

/// One stored row as its 4-byte codes; `row` is its index, for the error.
#[inline]
pub(crate) fn codes_of(bytes: &[u8], width: usize, row: usize) -> Result<&[[u8; 4]], AnalyticsError> {
    let (codes, rest) = bytes.as_chunks::<4>();
    if !rest.is_empty() || codes.len() != width {
        return Err(AnalyticsError::RowWidth { row, bytes: bytes.len(), expected: width * 4 });
    }
    Ok(codes)
}

impl CampaignTally {
    /// An empty tally for answers to `questionnaire` (the version they were encoded with).
    /// Fails when a scale cannot be scored with it.
    pub fn new(questionnaire: &Questionnaire) -> Result<Self, AnalyticsError> {
        Ok(Self::empty(Arc::new(Plan::new(questionnaire)?)))
    }

    pub(crate) fn empty(plan: Arc<Plan>) -> Self {
        let width = plan.width();
        let scales = plan.scales.iter().map(ScaleTally::new).collect();
        Self {
            respondents: 0,
            item_counts: vec![0; width * SLOTS],
            item_other: vec![HashMap::new(); width],
            scales,
            covariances: None,
            plan,
        }
    }

    /// An empty tally counting what this one counts.
    pub(crate) fn empty_like(&self) -> Self {
        let empty = Self::empty(Arc::clone(&self.plan));
        if self.covariances.is_some() { empty.with_reliability() } else { empty }
    }

    /// Also accumulates, per scale, the complete-case sums and cross-products of the
    /// coded item values ([`ItemCovariance`]) from which Cronbach's alpha and item-total
    /// correlations derive. Costs `k(k + 1)/2` multiply-adds per complete response for a
    /// scale of `k` items, hence not done by default.
    #[must_use]
    pub fn with_reliability(mut self) -> Self {
        let covariances = self.plan.scales.iter().map(|scale| {
            let ids = scale.info.items.iter().map(|item| item.item_id.clone()).collect();
            ItemCovariance::new(&scale.scale_id, ids)
        });
        self.covariances = Some(covariances.collect());
        self
    }

    /// Counts every stored row of a campaign (per response, the little-endian `i32` codes
    /// of [`survey_defs::EncodedAnswers::codes_to_bytes`]), split over the available
    /// cores. A row of the wrong length is an error that names its index.
    ///
    /// `rows` is anything that can be walked several times and knows its length: the
    /// chunks of one contiguous buffer (`bytes.chunks_exact(width * 4)`), or the blobs of
    /// a query (`blobs.iter().map(Vec::as_slice)`).
    pub fn from_encoded<'a, I>(questionnaire: &Questionnaire, rows: I) -> Result<Self, AnalyticsError>
    where
        I: IntoIterator<Item = &'a [u8]>,
        I::IntoIter: ExactSizeIterator + Clone + Send,
    {
        Self::new(questionnaire)?.count_encoded(rows)
    }

    /// Counts stored rows into this tally, split over the available cores (as
    /// [`CampaignTally::from_encoded`], keeping what this tally is set to count:
    /// `CampaignTally::new(&q)?.with_reliability().count_encoded(rows)`).
    pub fn count_encoded<'a, I>(mut self, rows: I) -> Result<Self, AnalyticsError>
    where
        I: IntoIterator<Item = &'a [u8]>,
        I::IntoIter: ExactSizeIterator + Clone + Send,
    {
        let rows = rows.into_iter();
        let count = rows.len();
        let threads =
            std::thread::available_parallelism().map_or(1, NonZeroUsize::get).min(count.div_ceil(MIN_ROWS_PER_THREAD));
        if threads <= 1 {
            self.add_rows(rows)?;
            return Ok(self);
        }
        let per_thread = count.div_ceil(threads);
        let first = usize::try_from(self.respondents).unwrap_or(usize::MAX);
        let parts: Vec<Result<Self, AnalyticsError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (mut part, rows) = (self.empty_like(), rows.clone());
                    scope.spawn(move || {
                        let start = t * per_thread;
                        part.add_rows_from(rows.skip(start).take(per_thread), first + start)?;
                        Ok(part)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect()
        });
        for part in parts {
            self.merge(&part?)?;
        }
        Ok(self)
    }

    /// Counts more stored rows (e.g. the next page of a database cursor), on this thread.
    pub fn add_rows<'a>(&mut self, rows: impl IntoIterator<Item = &'a [u8]>) -> Result<(), AnalyticsError> {
        let first = usize::try_from(self.respondents).unwrap_or(usize::MAX);
        self.add_rows_from(rows, first)
    }

    fn add_rows_from<'a>(
        &mut self,
        rows: impl IntoIterator<Item = &'a [u8]>,
        first: usize,
    ) -> Result<(), AnalyticsError> {
        let plan = Arc::clone(&self.plan);
        let mut buffers = RowBuffers::default();
        for (i, bytes) in rows.into_iter().enumerate() {
            self.count_row(&plan, codes_of(bytes, plan.width(), first + i)?, &mut buffers);
        }
        Ok(())
    }

    /// Counts one response given as decoded codes, one per layout column (for tests and
    /// tools).
    pub fn add_codes(&mut self, codes: &[i32]) -> Result<(), AnalyticsError> {
        let plan = Arc::clone(&self.plan);
        if codes.len() != plan.width() {
            let row = usize::try_from(self.respondents).unwrap_or(usize::MAX);
            return Err(AnalyticsError::RowWidth { row, bytes: codes.len() * 4, expected: plan.width() * 4 });
        }
        let bytes: Vec<[u8; 4]> = codes.iter().map(|c| c.to_le_bytes()).collect();
        self.count_row(&plan, &bytes, &mut RowBuffers::default());
        Ok(())
    }

    /// The inner loop: per column, one counter increment; then per four scales, one table
    /// lookup per column that adds the code's contribution to their keys. `codes` has the layout's
    /// width (checked by the caller).
    #[inline]
    pub(crate) fn count_row(&mut self, plan: &Plan, codes: &[[u8; 4]], buffers: &mut RowBuffers) {
        self.respondents += 1;
        buffers.slots.resize(codes.len(), 0);
        for (j, (bytes, slot_out)) in codes.iter().zip(buffers.slots.iter_mut()).enumerate() {
            let code = i32::from_le_bytes(*bytes);
            let s = slot(code);
            // SLOTS < 2^16.
            #[allow(clippy::cast_possible_truncation)]
            let short = s as u16;
            *slot_out = short;
            if let Some(counter) = self.item_counts.get_mut(j * SLOTS + s) {
                *counter += 1;
            }
            if s == OTHER_SLOT
                && let Some(other) = self.item_other.get_mut(j)
            {
                *other.entry(code).or_insert(0) += 1;
            }
        }
        // One loop per word, its keys held in a register.
        buffers.keys.clear();
        for word in &plan.words {
            let mut keys = word.offset;
            for (table, &s) in word.tables.chunks_exact(SLOTS).zip(&buffers.slots) {
                keys += table.get(usize::from(s)).copied().unwrap_or(0);
            }
            buffers.keys.push(keys);
        }
        for (&keys, word) in buffers.keys.iter().zip(&plan.words) {
            for (lane, &index) in word.scales.iter().enumerate() {
                // One 16-bit lane.
                #[allow(clippy::cast_possible_truncation)]
                let key = usize::from((keys >> (16 * lane)) as u16);
                if let (Some(tally), Some(scale)) = (self.scales.get_mut(index), plan.scales.get(index)) {
                    tally.add_key(scale, key, &plan.layout, codes, &mut buffers.values);
                }
            }
        }
        let others = self.scales.iter_mut().zip(&plan.scales).zip(&plan.packed).filter(|(_, packed)| !**packed);
        for ((tally, scale), _) in others {
            tally.add_row(scale, &plan.layout, &buffers.slots, codes, &mut buffers.values);
        }
        if let Some(covariances) = &mut self.covariances {
            for (covariance, scale) in covariances.iter_mut().zip(&plan.scales) {
                let coded = &mut buffers.coded;
                coded.clear();
                for j in 0..scale.columns.len() {
                    let Some(value) = scale.coded_in_row(&plan.layout, j, &buffers.slots, codes) else { break };
                    coded.push(value);
                }
                covariance.add(coded);
            }
        }
    }

    /// Adds the tally of other rows of the same questionnaire version (another site,
    /// period or thread); exact.
    pub fn merge(&mut self, other: &Self) -> Result<(), AnalyticsError> {
        if !Arc::ptr_eq(&self.plan, &other.plan)
            && (self.plan.layout != other.plan.layout || self.plan.questionnaire != other.plan.questionnaire)
        {
            return Err(AnalyticsError::MergeMismatch {
                left: format!("{}@{}", self.plan.questionnaire.id, self.plan.questionnaire.version),
                right: format!("{}@{}", other.plan.questionnaire.id, other.plan.questionnaire.version),
            });
        }
        if self.covariances.is_some() && other.covariances.is_none() {
            // The merged reliability statistics would cover only part of the responses.
            return Err(AnalyticsError::MergeMismatch {
                left: "a tally with reliability statistics".to_owned(),
                right: "one without".to_owned(),
            });
        }
        self.respondents += other.respondents;
        for (mine, theirs) in self.item_counts.iter_mut().zip(&other.item_counts) {
            *mine += theirs;
        }
        for (mine, theirs) in self.item_other.iter_mut().zip(&other.item_other) {
            for (&code, &n) in theirs {
                *mine.entry(code).or_insert(0) += n;
            }
        }
        for (mine, theirs) in self.scales.iter_mut().zip(&other.scales) {
            mine.merge(theirs);
        }
        if let (Some(mine), Some(theirs)) = (&mut self.covariances, &other.covariances) {
            for (mine, theirs) in mine.iter_mut().zip(theirs) {
                mine.merge(theirs)?;
            }
        }
        Ok(())
    }

    /// What the pass knows of the questionnaire.
    pub(crate) fn plan(&self) -> &Arc<Plan> {
        &self.plan
    }

    /// Number of rows counted.
    pub fn respondents(&self) -> u64 {
        self.respondents
    }

    /// The questionnaire the rows answer.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.plan.questionnaire
    }

    /// Exact counts of the codes of layout column `index` (missing codes as missing).
    pub fn value_counts(&self, index: usize) -> ValueCounts {
        let mut counts = ValueCounts::new();
        if let Some(counters) = self.item_counts.chunks_exact(SLOTS).nth(index) {
            for (s, &n) in counters.iter().enumerate() {
                match code_of_slot(s) {
                    Some(code) => counts.add_n(code, n),
                    None if s == MISSING_SLOT => counts.add_missing(n),
                    None => {}
                }
            }
        }
        if let Some(other) = self.item_other.get(index) {
            for (&code, &n) in other {
                counts.add_n(code, n);
            }
        }
        counts
    }

    /// One summary per layout column, in layout order (the same as
    /// [`ItemSummary::compute_all`] on a frame of the same rows).
    pub fn item_summaries(&self) -> Vec<ItemSummary> {
        let columns = self.plan.layout.columns.iter().zip(&self.plan.likert).enumerate();
        columns
            .map(|(index, (column, &likert))| ItemSummary {
                item_id: column.item_id.clone(),
                kind: column.kind.clone(),
                likert,
                codes: self.value_counts(index),
            })
            .collect()
    }

    /// One summary per scale, in questionnaire order (the same as
    /// [`ScaleSummary::compute_all`] on a frame of the same rows).
    pub fn scale_summaries(&self) -> Vec<ScaleSummary> {
        self.scales.iter().zip(&self.plan.scales).map(|(tally, plan)| tally.summary(plan)).collect()
    }

    /// Per scale, the complete-case sums and cross-products, when the tally was made
    /// [`CampaignTally::with_reliability`].
    pub fn item_covariances(&self) -> Option<&[ItemCovariance]> {
        self.covariances.as_deref()
    }

    /// How the questionnaire worked (see [`CoEvaluation`]); reliability only when the
    /// tally was made [`CampaignTally::with_reliability`].
    pub fn co_evaluation(&self, k: u32) -> CoEvaluation {
        let (items, scales) = (self.item_summaries(), self.scale_summaries());
        let covariances = self.item_covariances();
        CoEvaluation::from_summaries(&self.plan.questionnaire, self.respondents, &items, &scales, covariances, k)
    }

    /// The campaign's report, hiding every group smaller than `k` (see
    /// [`crate::disclosure`]).
    pub fn report(&self, k: u32) -> CampaignReport {
        let (items, scales) = (self.item_summaries(), self.scale_summaries());
        CampaignReport::from_summaries(&self.plan.questionnaire, self.respondents, &items, &scales, k)
    }
}
