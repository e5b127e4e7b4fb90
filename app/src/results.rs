//! Results as the UI shows them: to the person who answered (on their private return
//! page) and to the people who run and co-write a campaign (its results page).
//!
//! The figures are computed, disclosure-controlled and put into words by the server
//! (`server::results`, over the `analytics` crate): every number here has already been
//! checked against the campaign's minimum group size, and every label is in the page's
//! language. So this crate only lays them out: a chart is SVG drawn by the server with
//! its numbers repeated in a [`Table`] beneath it, for screen readers and low vision.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::staff::{StaffAnswer, Viewer};

/// A table of figures, already formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// What the table shows (its `<caption>`).
    pub caption: String,
    /// Column headings; the first column heads the row labels.
    pub columns: Vec<String>,
    /// Rows: label, then one cell per further column.
    pub rows: Vec<Vec<String>>,
}

/// A chart and the same numbers as a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable id within its page (also in the SVG download address).
    pub id: String,
    /// The SVG element, drawn and escaped by the server (`role="img"`, with `<title>`
    /// and `<desc>`).
    pub svg: String,
    /// The numbers drawn.
    pub table: Table,
}

/// One item, one scale, or one panel of a results page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panel {
    /// Anchor id.
    pub id: String,
    /// Heading: the question, the scale's name.
    pub heading: String,
    /// Language of the heading (questionnaire texts may fall back to another language).
    pub heading_lang: String,
    /// Sentences of figures ("18 réponses, 2 sans réponse (10 %)").
    pub lines: Vec<String>,
    /// A note to read with the figures (a scale's caveat, a flag).
    pub note: Option<String>,
    /// The chart, when there is something to draw.
    pub chart: Option<Chart>,
    /// A table without a chart.
    pub table: Option<Table>,
}

impl Panel {
    /// A panel with only its heading; figures, note, chart and table are added to it.
    pub fn new(id: String, heading: String, heading_lang: String) -> Self {
        Self { id, heading, heading_lang, lines: Vec::new(), note: None, chart: None, table: None }
    }
}

/// What everyone's answers show, on a respondent's return page. Never free text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EveryoneResults {
    /// How many have answered ("23 personnes ont répondu" or "moins de 5").
    pub respondents: String,
    /// Whether there are enough answers to show anything yet.
    pub enough: bool,
    /// Per scale: the distribution, with this respondent's place marked.
    pub scales: Vec<Panel>,
    /// Per question (choices only): the shares of each answer.
    pub items: Vec<Panel>,
}

/// A campaign's results page for staff and co-authors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignResults {
    /// Who is signed in.
    pub viewer: Viewer,
    /// The campaign's public id.
    pub public_id: String,
    /// Its title.
    pub title: String,
    /// Smallest group shown.
    pub min_cell_size: u32,
    /// Headline sentences: responses, response rate, period.
    pub summary: Vec<String>,
    /// Responses over time.
    pub over_time: Option<Chart>,
    /// Per scale.
    pub scales: Vec<Panel>,
    /// Per item, in questionnaire order.
    pub items: Vec<Panel>,
    /// Items respondents can be grouped by: (item id, question).
    pub breakdown_choices: Vec<(String, String)>,
    /// The chosen grouping, if any: its item id.
    pub breakdown_by: Option<String>,
    /// Figures per group for the chosen grouping.
    pub breakdown: Vec<Panel>,
    /// How the questionnaire worked (co-evaluation).
    pub co_evaluation: Vec<Panel>,
    /// May download de-identified answers (CSV, Parquet).
    pub can_download_answers: bool,
}

/// Domain services for results pages. Implemented by `server`.
#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::catalog::service::ServiceError;

    /// Read access for results; `cookies` is the request's `Cookie` header.
    #[async_trait::async_trait]
    pub trait ResultsDesk: Send + Sync {
        /// A campaign's results page, in `lang`, grouped by item `by` if given.
        async fn campaign_results(
            &self,
            cookies: &str,
            public_id: &str,
            lang: crate::i18n::Lang,
            by: Option<String>,
        ) -> Result<StaffAnswer<CampaignResults>, ServiceError>;
    }
}

/// A campaign's results page data.
#[server(prefix = "/_sfn", endpoint = "campaign_results")]
pub async fn load_campaign_results(
    campaign: String,
    lang: String,
    by: Option<String>,
) -> Result<StaffAnswer<CampaignResults>, ServerFnError> {
    let desk = use_context::<std::sync::Arc<dyn service::ResultsDesk>>()
        .ok_or_else(|| ServerFnError::new("results desk not provided"))?;
    let lang = crate::i18n::Lang::from_tag(&lang).unwrap_or_default();
    let answer = desk
        .campaign_results(&crate::respondent::request_cookies(), &campaign, lang, by)
        .await
        .map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}
