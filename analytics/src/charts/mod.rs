//! Charts as SVG text, readable on a 360 px phone screen, each with a text alternative.
//!
//! plotters' SVG backend writes `<text>` elements and lets the browser render them, so no
//! font file or system font is needed (without its `ttf` feature plotters only estimates
//! text widths, which is all a layout needs). Bars are horizontal with their label above
//! them, so long option labels ("Tout à fait d'accord") stay whole on a narrow screen.
//! A chart is never the only carrier of its numbers (WCAG 2.2, criterion 1.1.1, non-text
//! content): the SVG has `role="img"`, a `<title>` and a `<desc>`, and [`ChartText`] gives
//! the same numbers as a table for the UI to render under it.
//!
//! Every chart is 360 px wide and grows in height with its content. The crate holds no
//! words of any language: the caller passes every label already translated, and a
//! withheld figure is shown with the caller's "fewer than k" text, in which `{n}` stands
//! for the bound of [`crate::Disclosed::Suppressed`] (see [`withheld_text`]).
//!
//! | file | chart |
//! |---|---|
//! | `bars.rs` | horizontal bars ([`bar_chart_svg`]) |
//! | `diverging.rs` | Likert items as diverging stacked bars ([`likert_chart`]) |
//! | `histogram.rs` | a scale's scores with its bands and a "you are here" marker ([`histogram_chart`]) |
//! | `trend.rs` | a value over periods with its 95 % confidence band ([`trend_chart`]) |
//! | `multiples.rs` | the same bars, one small panel per subgroup ([`small_multiples_chart`]) |
//! | `common.rs` | what they share: sizes, colours, text fitting, hatching, the SVG header |

mod bars;
mod common;
mod diverging;
mod histogram;
mod multiples;
mod trend;

pub use bars::bar_chart_svg;
pub use common::withheld_text;
pub use diverging::{LikertChart, LikertCounts, LikertRow, likert_chart};
pub use histogram::{HistogramChart, Marker, histogram_chart};
pub use multiples::{GroupPanel, SmallMultiplesChart, small_multiples_chart};
pub use trend::{TrendChart, TrendPoint, trend_chart};

/// The text companion of a chart: what a screen reader announces, and the table shown
/// under the chart.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChartText {
    /// The chart's title.
    pub title: String,
    /// A text alternative listing every number the chart shows (language-neutral: it is
    /// built only from the caller's translated labels and the numbers).
    pub description: String,
    /// The table's column headings.
    pub header: Vec<String>,
    /// The table's rows, one cell per heading: what each bar, segment, bin or point
    /// shows; a withheld figure has the caller's "fewer than k" text.
    pub table: Vec<Vec<String>>,
}

/// A chart: its SVG and its text companion, built from the same validated input.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Chart {
    /// The SVG document (one `<svg role="img">` element with `<title>` and `<desc>`).
    pub svg: String,
    /// The same numbers as text and as a table.
    pub text: ChartText,
}

impl ChartText {
    /// The text companion of [`bar_chart_svg`] with the same arguments: a table of two
    /// columns, `y_label` (the bar's label) and `x_label` (its value).
    pub fn for_bars(title: &str, x_label: &str, y_label: &str, bars: &[(String, f64)]) -> Self {
        let table: Vec<Vec<String>> = bars.iter().map(|(l, v)| vec![l.clone(), common::format_value(*v)]).collect();
        let rows: Vec<String> = table.iter().map(|row| row.join(": ")).collect();
        Self {
            title: title.to_owned(),
            description: format!("{title}. {y_label} / {x_label}. {}.", rows.join("; ")),
            header: vec![y_label.to_owned(), x_label.to_owned()],
            table,
        }
    }
}
