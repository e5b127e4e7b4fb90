//! The one error type of this crate. `server` converts it once, at its edge: every
//! variant here is a fault of the caller or of stored data, never of a respondent, so it
//! maps to a 5xx whose body says nothing internal.

/// Why an analysis could not be computed.
#[derive(Debug, thiserror::Error)]
pub enum AnalyticsError {
    /// A stored row does not have one 4-byte code per layout column.
    #[error("row {row} has {bytes} bytes; the layout needs {expected}")]
    RowWidth {
        /// Index of the row in the input.
        row: usize,
        /// Bytes (or codes × 4) found.
        bytes: usize,
        /// Bytes the layout needs.
        expected: usize,
    },
    /// The questionnaire's answer layout is not the one the frame was built with (another
    /// questionnaire, or another version of it).
    #[error("questionnaire {questionnaire} does not match the campaign's answer layout")]
    LayoutMismatch {
        /// The questionnaire's id and version.
        questionnaire: String,
    },
    /// A scale refers to an item that has no column or cannot be scored.
    #[error("scale {0} cannot be scored with this questionnaire")]
    UnscorableScale(String),
    /// Two summaries of different items or scales were merged.
    #[error("cannot merge statistics of {left} with {right}")]
    MergeMismatch {
        /// What was merged into.
        left: String,
        /// What was merged.
        right: String,
    },
    /// A column is absent from the frame, or not of the expected type.
    #[error("column {index} of the campaign frame: {source}")]
    Column {
        /// Index in the layout.
        index: usize,
        /// What polars reported.
        source: polars::error::PolarsError,
    },
    /// Polars refused to build the frame.
    #[error("building the campaign frame: {0}")]
    Polars(#[from] polars::error::PolarsError),
    /// A breakdown was asked by an item that is not a single choice (or Likert) item of
    /// the questionnaire.
    #[error("item {0} cannot group respondents: it is not a single choice item of this questionnaire")]
    Grouping(String),
    /// A score to locate among a campaign's scores is not a finite number.
    #[error("score {score} on scale {scale} is not a finite number")]
    Score {
        /// Scale id.
        scale: String,
        /// The score given.
        score: f64,
    },
    /// A chart value is negative or not finite, or drawing failed.
    #[error("chart: {0}")]
    Chart(String),
}
