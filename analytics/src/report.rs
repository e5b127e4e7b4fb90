//! What a campaign's results look like when returned: item and scale figures, with
//! disclosure control applied. Nothing here holds a raw count that disclosure would hide.

use serde::Serialize;
use survey_defs::Questionnaire;

use crate::disclosure::{Disclosed, disclose_counts, disclose_derived, disclose_share, disclose_summary};
use crate::error::AnalyticsError;
use crate::frame::CampaignFrame;
use crate::item_summary::ItemSummary;
use crate::scale_summary::ScaleSummary;
use crate::stats::Distribution;

/// A campaign's results, ready to return to respondents, patient-partners and the
/// quality team.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CampaignReport {
    /// Questionnaire id.
    pub questionnaire_id: String,
    /// Questionnaire version.
    pub questionnaire_version: String,
    /// The disclosure threshold applied: no group smaller than this is shown.
    pub k: u32,
    /// Number of responses.
    pub respondents: Disclosed<u64>,
    /// One entry per answerable item, in questionnaire order.
    pub items: Vec<ItemReport>,
    /// One entry per scale, in questionnaire order.
    pub scales: Vec<ScaleReport>,
}

/// The figures of one item, or their suppression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemReport {
    /// Item id.
    pub item_id: String,
    /// Withheld when fewer than k respondents answered.
    pub figures: Disclosed<ItemFigures>,
}

/// What is shown about an item answered by at least k respondents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemFigures {
    /// Respondents who answered.
    pub answered: u64,
    /// Respondents who did not.
    pub missing: u64,
    /// Missing as a percentage of respondents.
    pub missing_pct: f64,
    /// Per option (or point, or yes/no), in order; shares are of those who answered.
    pub options: Vec<OptionRow>,
    /// Likert items: percentage in the highest-valued option among valued answers.
    /// Absent when any option count is withheld (it could give one back).
    pub top_box_pct: Option<f64>,
    /// Scoring values, points or numbers. Absent for items without values, and for
    /// option items when any option count is withheld.
    pub distribution: Option<Distribution>,
}

/// One option's count and share.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionRow {
    /// The option's stable code.
    pub code: String,
    /// Respondents who chose it.
    pub count: Disclosed<u64>,
    /// Their percentage of respondents who answered the item.
    pub pct: Disclosed<f64>,
}

/// The figures of one scale, or their suppression.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleReport {
    /// Scale id.
    pub scale_id: String,
    /// Withheld when fewer than k responses have a score.
    pub figures: Disclosed<ScaleFigures>,
}

/// What is shown about a scale scored for at least k responses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScaleFigures {
    /// Responses with a score.
    pub scored: u64,
    /// Responses without (too few items answered).
    pub not_scored: u64,
    /// Scores: mean with 95 % confidence interval, sd, median, quartiles.
    ///
    /// Shown whenever at least k responses are scored, even when a band count is
    /// withheld: scores vary within a band, so these figures do not give a band count
    /// back by arithmetic, though a reader may narrow it (a residual risk: for very small
    /// campaigns, choose a larger k).
    pub distribution: Distribution,
    /// Responses per interpretation band, in band order.
    pub bands: Vec<BandRow>,
    /// Scores in no band (only when bands leave gaps).
    pub outside_bands: Disclosed<u64>,
}

/// One band's count and share of scored responses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BandRow {
    /// Index in the scale's `bands`.
    pub band: usize,
    /// Responses in the band.
    pub count: Disclosed<u64>,
    /// Their percentage of scored responses.
    pub pct: Disclosed<f64>,
}

// Counts far below 2^53: exact in f64.
#[allow(clippy::cast_precision_loss)]
fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { 100.0 * part as f64 / whole as f64 }
}

impl CampaignReport {
    /// Computes every item and scale summary of `frame` and derives the report, hiding
    /// every group smaller than `k` (see [`crate::disclosure`]).
    ///
    /// `questionnaire` must be the version the answers were encoded with: its answer
    /// layout must equal the frame's, otherwise [`AnalyticsError::LayoutMismatch`].
    pub fn compute(questionnaire: &Questionnaire, frame: &CampaignFrame, k: u32) -> Result<Self, AnalyticsError> {
        if questionnaire.answer_layout() != *frame.layout() {
            return Err(AnalyticsError::LayoutMismatch {
                questionnaire: format!("{}@{}", questionnaire.id, questionnaire.version),
            });
        }
        let items = ItemSummary::compute_all(questionnaire, frame)?;
        let scales = ScaleSummary::compute_all(questionnaire, frame)?;
        let respondents = u64::try_from(frame.respondents()).unwrap_or(u64::MAX);
        Ok(Self::from_summaries(questionnaire, respondents, &items, &scales, k))
    }

    /// Derives the report from summaries, local or merged across institutions
    /// (federation: merge [`ItemSummary`] and [`ScaleSummary`] first, then call this).
    pub fn from_summaries(
        questionnaire: &Questionnaire,
        respondents: u64,
        items: &[ItemSummary],
        scales: &[ScaleSummary],
        k: u32,
    ) -> Self {
        Self {
            questionnaire_id: questionnaire.id.clone(),
            questionnaire_version: questionnaire.version.clone(),
            k,
            respondents: disclose_summary(respondents, k, respondents),
            items: items.iter().map(|item| item_report(item, respondents, k)).collect(),
            scales: scales.iter().map(|scale| scale_report(scale, k)).collect(),
        }
    }
}

fn item_report(item: &ItemSummary, respondents: u64, k: u32) -> ItemReport {
    let answered = item.answered();
    let figures = disclose_summary(answered, k, ()).map(|()| {
        let options = item.options();
        let counts: Vec<u64> = options.iter().map(|o| o.count).collect();
        let cells = disclose_counts(&counts, k);
        let top_box = item.top_box().filter(|t| t.among > 0);
        let distribution = item.distribution();
        ItemFigures {
            answered,
            missing: item.missing(),
            missing_pct: pct(item.missing(), respondents.max(answered + item.missing())),
            top_box_pct: top_box.and_then(|t| disclose_derived(&cells, pct(t.top, t.among))),
            distribution: if options.is_empty() {
                distribution
            } else {
                distribution.and_then(|d| disclose_derived(&cells, d))
            },
            options: options
                .into_iter()
                .zip(cells)
                .map(|(option, count)| OptionRow { code: option.code, pct: disclose_share(&count, answered), count })
                .collect(),
        }
    });
    ItemReport { item_id: item.item_id.clone(), figures }
}

fn scale_report(scale: &ScaleSummary, k: u32) -> ScaleReport {
    let scored = scale.scored();
    let distribution = scale.distribution();
    let figures = match distribution {
        Some(distribution) => disclose_summary(scored, k, distribution),
        None => Disclosed::Suppressed { fewer_than: k.max(1) },
    };
    let figures = figures.map(|distribution| {
        let (bands, outside) = scale.band_counts();
        let mut counts = bands;
        counts.push(outside);
        let mut cells = disclose_counts(&counts, k);
        let outside_bands = cells.pop().unwrap_or(Disclosed::Shown(0));
        ScaleFigures {
            scored,
            not_scored: scale.not_scored(),
            distribution,
            bands: cells
                .into_iter()
                .enumerate()
                .map(|(band, count)| BandRow { band, pct: disclose_share(&count, scored), count })
                .collect(),
            outside_bands,
        }
    });
    ScaleReport { scale_id: scale.scale_id.clone(), figures }
}
