//! Scales: scores computed from several items, with bands to interpret them.

use serde::{Deserialize, Serialize};

use crate::text::LocalizedText;

/// A score computed from several items (e.g. the PHQ-9 total).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Unique among scales; `[a-z0-9_-]`.
    pub id: String,
    /// Name shown with the score.
    pub title: LocalizedText,
    /// Ids of the scored items.
    pub items: Vec<String>,
    /// Items scored in reverse: `(lowest + highest value of the item) − value`. Subset of `items`.
    #[serde(default)]
    pub reverse_items: Vec<String>,
    /// How item values are combined.
    pub method: ScoringMethod,
    /// Fewest answered items for a score; below it the score is missing.
    pub min_answered: u32,
    /// For [`ScoringMethod::Sum`]: when some items are missing but `min_answered` is met,
    /// the sum is prorated (mean of answered items × number of items, rounded to 2 decimals).
    /// Mean methods are unaffected (a mean is already over answered items).
    #[serde(default)]
    pub prorate: bool,
    /// Interpretation bands, ascending, not overlapping.
    #[serde(default)]
    pub bands: Vec<ScoreBand>,
    /// Shown with the score, e.g. "this is not a diagnosis; talk to your doctor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<LocalizedText>,
}

/// How item values are combined into a score. JSON: `"sum"`, `"mean"`, `"mean_rescaled"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoringMethod {
    /// Sum of item values.
    Sum,
    /// Mean of answered item values.
    Mean,
    /// Mean rescaled to 0–100: each item `(value − lowest)/(highest − lowest) × 100`, then the mean.
    /// For items sharing one range this is `(mean − min possible)/(max possible − min possible) × 100`.
    MeanRescaled,
}

/// An interpretation band: scores from `min` to `max` inclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    /// Lowest score of the band (inclusive).
    pub min: f64,
    /// Highest score of the band (inclusive).
    pub max: f64,
    /// Short label ("mild").
    pub label: LocalizedText,
    /// Longer explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
}

impl Scale {
    /// Index of the band a score falls in.
    ///
    /// A score between two bands (e.g. 9.43 after prorating, between "5–9" and "10–14")
    /// belongs to the lower band: published cut-offs read "10 or more is moderate".
    pub fn band_for(&self, score: f64) -> Option<usize> {
        band_index(&self.bands, score)
    }
}

/// Index of the band a score falls in; see [`Scale::band_for`].
pub fn band_index(bands: &[ScoreBand], score: f64) -> Option<usize> {
    if !score.is_finite() {
        return None;
    }
    let index = bands.iter().rposition(|b| b.min <= score)?;
    let band = &bands[index];
    let below_next = bands.get(index + 1).is_some_and(|next| score < next.min);
    (score <= band.max || below_next).then_some(index)
}
