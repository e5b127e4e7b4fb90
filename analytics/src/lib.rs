//! # analytics: Boucle's statistics and charts over campaign answers
//!
//! What a quality team, patient-partners and respondents see when results are returned
//! (*restitution*): per-item answer distributions, scale scores (PHQ-9, GAD-7, PREM
//! dimensions) with interpretation bands, and charts with a text alternative.
//!
//! This crate is **pure computation, no I/O**: no files, network, clock, randomness,
//! database or logging. The server loads encoded answers and hands them over as byte
//! slices; everything here is a function of its arguments (exports are returned as text
//! or bytes for the server to send). (Counting a large campaign is
//! split over the available cores with `std::thread::scope`; results do not depend on it.)
//!
//! ## Pipeline
//! 1. [`CampaignTally`] (`tally.rs`, the fast path) counts the stored rows of
//!    [`survey_defs::AnswerLayout`] (one little-endian `i32` per item) in ONE pass: per item,
//!    exact counts of each code; per scale, counts of a key that determines the score
//!    (`score_keys.rs`), scored once per distinct key by `survey_defs::score_values`, the
//!    single scoring implementation (nothing here re-implements a scoring rule). Rows can
//!    be streamed page by page ([`CampaignTally::add_rows`]) or counted on every core
//!    ([`CampaignTally::from_encoded`]); memory does not grow with the campaign.
//! 2. [`ItemSummary`] and [`ScaleSummary`] are the *mergeable sufficient statistics* the
//!    tally yields: exact [`ValueCounts`] per integer code (scores in hundredths), from
//!    which [`Moments`] (count, mean, M2), quantiles and shares derive.
//! 3. [`CampaignReport`] derives what is published (percentages, median and quartiles,
//!    mean with its 95 % confidence interval, band counts) and applies disclosure control,
//!    which lives in one place: [`disclosure`].
//! 4. [`CoEvaluation`] (from [`CampaignTally::co_evaluation`], the tally made
//!    [`CampaignTally::with_reliability`]) tells patient-partners and the quality team how
//!    the questionnaire itself worked, from the same mergeable statistics.
//! 5. [`GroupedTally`] counts the same rows group by group — by the option chosen at a
//!    single choice item, or by week or month of submission — and [`Breakdown`] shows
//!    the figures per group, with disclosure control across groups
//!    ([`disclose_table`]).
//! 6. [`ScoreHistogram`] bins a scale's scores (merging bins until none holds fewer than
//!    `k` responses) and [`ScorePosition`] tells a respondent the shares of scores below,
//!    equal to and above theirs, for the private return page.
//! 7. Charts draw SVG readable on a 360 px phone screen — bars ([`bar_chart_svg`]), Likert
//!    items as diverging stacked bars ([`likert_chart`]), a scale's histogram over its
//!    bands with a "you are here" marker ([`histogram_chart`]), a trend with its 95 %
//!    confidence band ([`trend_chart`]), small multiples by subgroup
//!    ([`small_multiples_chart`]) — each with a [`ChartText`]: the same numbers as a text
//!    alternative and a table. Labels come translated from the caller.
//!
//! [`answers_csv`], [`codebook_csv`] and [`answers_parquet`] export a campaign's answers,
//! de-identified, for the quality team (`export.rs`).
//!
//! [`CampaignFrame`] (`frame.rs`) reads the same rows into a polars `DataFrame`, one
//! nullable `Int32` column per item, for analyses that want a frame;
//! [`CampaignReport::compute`] and [`scale_scores`] work on it and give the same report as
//! the tally (a property test checks this), ten times slower.
//!
//! ## Where things live
//! | file | what |
//! |---|---|
//! | `tally.rs`, `score_keys.rs` | the one-pass counts, scale keys |
//! | `stats.rs` | [`ValueCounts`], [`Moments`], quantiles, Student's t |
//! | `item_summary.rs`, `scale_summary.rs` | per item and per scale statistics |
//! | `report.rs` | the published report |
//! | `co_evaluation.rs` | how the questionnaire worked: missing, "don't know", floor and ceiling effects, free texts, reliability ([`CoEvaluation`]) |
//! | `reliability.rs` | Cronbach's alpha and item-total correlations from mergeable sums ([`ItemCovariance`]) |
//! | `breakdown.rs`, `calendar.rs` | figures by subgroup or by week/month ([`GroupedTally`], [`Breakdown`]) |
//! | `disclosure.rs` | small-cell suppression, in rows and in tables of groups |
//! | `frame.rs` | the polars frame |
//! | `position.rs` | a scale's histogram and a respondent's position, disclosure-controlled |
//! | `charts/` | SVG charts, one file per kind, shared helpers in `charts/common.rs` |
//! | `export.rs` | de-identified CSV with its codebook, and Parquet |
//!
//! ## Federation
//! Several institutions will compare results without pooling raw answers. Every statistic
//! above is derived from sufficient statistics that merge exactly: each institution
//! computes its [`ValueCounts`] (integer counts: merging is addition, so the merged
//! median, quartiles, percentages and band counts equal those of the pooled data) and
//! [`Moments`] (merged with Chan et al.'s parallel formula, equal to the pooled mean and
//! variance up to floating-point rounding); the merged statistics then go through
//! [`CampaignReport`]'s derivation and disclosure control like local ones. The same holds
//! for the co-evaluation's [`ItemCovariance`] (complete-case integer sums and
//! cross-products: the merged alpha is exactly the pooled one) and for breakdowns (each
//! group's tally merges; [`GroupedTally::merge`]). Within one site, [`CampaignTally::merge`]
//! adds the tallies of disjoint sets of rows. Raw per-code counts and sums are therefore
//! the unit of exchange between institutions and must themselves be
//! disclosure-controlled before leaving one; only derived, disclosed figures reach a
//! report.
//!
//! Run the tests with `cargo test -p analytics`, the benchmark (one million responses)
//! with `cargo bench -p analytics --bench report` (figures in `BENCHMARKS.md`).

mod breakdown;
mod calendar;
mod charts;
mod co_evaluation;
pub mod disclosure;
mod error;
mod export;
mod frame;
mod item_summary;
mod position;
mod reliability;
mod report;
mod scale_summary;
mod score_keys;
mod stats;
mod tally;

pub use breakdown::{
    Breakdown, Group, GroupItemFigures, GroupScaleFigures, GroupSize, GroupedTally, Grouping, ItemBreakdown,
    ScaleBreakdown,
};
pub use charts::{
    Chart, ChartText, GroupPanel, HistogramChart, LikertChart, LikertCounts, LikertRow, Marker, SmallMultiplesChart,
    TrendChart, TrendPoint, bar_chart_svg, histogram_chart, likert_chart, small_multiples_chart, trend_chart,
    withheld_text,
};
pub use co_evaluation::{
    CoEvaluation, FLOOR_CEILING_FLAG_PCT, FloorCeiling, ItemQuality, ItemQualityFigures, ItemShare, MISSING_FLAG_PCT,
    ScaleQuality, ScaleReliability, Share,
};
pub use disclosure::{
    Disclosed, DisclosedTable, disclose_counts, disclose_derived, disclose_share, disclose_summary, disclose_table,
};
pub use error::AnalyticsError;
pub use export::{
    CHOICES_SEPARATOR, ExportRow, META_COLUMNS, answers_csv, answers_frame, answers_parquet, codebook_csv, csv_record,
};
pub use frame::CampaignFrame;
pub use item_summary::{ItemSummary, OptionCount, TopBox};
pub use position::{MAX_BINS, ScoreBin, ScoreHistogram, ScorePosition};
pub use reliability::{ItemCovariance, ItemTotal, Reliability};
pub use report::{BandRow, CampaignReport, ItemFigures, ItemReport, OptionRow, ScaleFigures, ScaleReport};
pub use scale_summary::{ScaleSummary, scale_scores};
pub use stats::{Distribution, Moments, ValueCounts, t_quantile_975};
pub use tally::CampaignTally;
