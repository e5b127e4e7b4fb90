//! The respondent journey as the UI sees it: what a campaign tells people before they
//! agree, where they are in the questionnaire, and what they get back. The data comes
//! from the `Respondents` service the server provides through context; the
//! respondent's capability (a cookie set by the server) never passes through here.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use survey_defs::{Problem, Questionnaire};

/// Whether a campaign accepts answers now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignStatus {
    /// Before its opening date.
    NotYetOpen,
    /// Accepting answers.
    Open,
    /// Closed (by date or by staff).
    Closed,
}

/// What a respondent is told about a campaign before agreeing to take part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignInfo {
    /// The campaign's public identifier (in its open link).
    pub public_id: String,
    /// Campaign title, as staff wrote it.
    pub title: String,
    /// The institution that asks.
    pub institution: String,
    /// Who is invited, as staff wrote it.
    pub audience: String,
    /// Accepting answers or not.
    pub status: CampaignStatus,
    /// Whether answers are anonymous (open link) or pseudonymous (invitations).
    pub anonymous: bool,
    /// No result is ever shown for fewer than this many respondents.
    pub min_cell_size: u32,
    /// When results and decisions will be returned (ISO date), the campaign's promise.
    pub results_promised_on: Option<String>,
    /// When the campaign closes (ISO date).
    pub closes_on: Option<String>,
    /// Version of the consent text.
    pub consent_version: String,
    /// The published questionnaire version.
    pub questionnaire: Questionnaire,
}

/// Where this browser's respondent is, when they have agreed to take part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Everything typed so far, as the form sent it (valid or not), by item id.
    pub raw_answers: BTreeMap<String, Vec<String>>,
    /// Problems of the last screen sent, each with the item id as path.
    pub problems: Vec<Problem>,
    /// The screen (index in `survey_defs::screens`) those problems belong to.
    pub problem_screen: Option<usize>,
    /// Already submitted.
    pub submitted: bool,
    /// Token to put in every form of this respondent (CSRF defence).
    pub form_token: String,
    /// Once submitted: the secret of the private return link, to show on the receipt.
    pub return_secret: Option<String>,
}

/// A campaign page, with the respondent's progress if this browser has started.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RespondentState {
    /// The campaign.
    pub campaign: CampaignInfo,
    /// This browser's answers, if it has agreed to take part.
    pub progress: Option<Progress>,
    /// Token for the consent form (CSRF defence before any answer exists).
    pub consent_token: String,
    /// This browser came through an invitation link.
    pub invited: bool,
}

/// What the private return link shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReturnView {
    /// The campaign.
    pub campaign: CampaignInfo,
    /// The respondent's own answers, as given.
    pub answers: survey_defs::Answers,
    /// Their scale scores.
    pub scores: Vec<survey_defs::ScaleScore>,
    /// When they submitted (ISO date).
    pub submitted_on: String,
    /// Token for the withdrawal form.
    pub form_token: String,
    /// The address kept to tell them when results are published, if they left one.
    #[serde(default)]
    pub contact_email: Option<String>,
    /// What everyone's answers show so far, with this respondent's place.
    pub everyone: crate::results::EveryoneResults,
    /// What was found and decided because of the answers, once published together.
    #[serde(default)]
    pub plan: Option<ReturnedPlan>,
}

/// A campaign's findings and decisions, as respondents read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedPlan {
    /// When it was published (ISO date).
    pub published_on: String,
    /// What was found.
    pub findings: Vec<ReturnedFinding>,
    /// What was decided and done since this respondent answered.
    #[serde(default)]
    pub since_you_answered: SinceYouAnswered,
}

/// Decisions and progress since a respondent answered, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinceYouAnswered {
    /// Actions adopted.
    pub adopted: usize,
    /// Actions done.
    pub done: usize,
    /// Proposals rejected (each with its reason).
    pub rejected: usize,
}

/// One finding and what was decided about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedFinding {
    /// The statement, in plain words.
    pub statement: String,
    /// The questions and scores it rests on.
    pub evidence: Vec<String>,
    /// Decided actions.
    pub actions: Vec<ReturnedAction>,
}

/// A decided action: adopted and where it stands, or rejected with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnedAction {
    /// What will be done.
    pub what: String,
    /// Who carries it.
    pub owner: String,
    /// By when (ISO date), or empty.
    pub due_on: String,
    /// Status key.
    pub status: String,
    /// Why it was rejected or abandoned.
    pub reason: Option<String>,
}

/// Domain services for respondents. Implemented by `server`.
#[cfg(feature = "ssr")]
pub mod service {
    use super::{RespondentState, ReturnView};
    use crate::catalog::service::ServiceError;

    /// Read access for the respondent pages. Capabilities come from the request's
    /// cookies, which the implementation reads itself.
    #[async_trait::async_trait]
    pub trait Respondents: Send + Sync {
        /// A campaign and this browser's progress in it; `None` for an unknown campaign.
        async fn state(&self, campaign: &str, cookies: &str) -> Result<Option<RespondentState>, ServiceError>;
        /// The private return view of this browser's return link, if it holds one.
        async fn return_view(&self, cookies: &str, lang: crate::i18n::Lang)
        -> Result<Option<ReturnView>, ServiceError>;
    }
}

#[cfg(feature = "ssr")]
pub(crate) fn request_cookies() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .map(str::to_string)
                .reduce(|a, b| format!("{a}; {b}"))
        })
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn respondents() -> Result<std::sync::Arc<dyn service::Respondents>, ServerFnError> {
    use_context::<std::sync::Arc<dyn service::Respondents>>()
        .ok_or_else(|| ServerFnError::new("respondent service not provided"))
}

/// The campaign page state for this browser.
#[server(prefix = "/_sfn", endpoint = "respondent_state")]
pub async fn load_respondent_state(campaign: String) -> Result<Option<RespondentState>, ServerFnError> {
    let cookies = request_cookies();
    respondents()?.state(&campaign, &cookies).await.map_err(|e| ServerFnError::new(e.to_string()))
}

/// The private return view for this browser.
#[server(prefix = "/_sfn", endpoint = "return_view")]
pub async fn load_return_view(lang: String) -> Result<Option<ReturnView>, ServerFnError> {
    let cookies = request_cookies();
    let lang = crate::i18n::Lang::from_tag(&lang).unwrap_or_default();
    respondents()?.return_view(&cookies, lang).await.map_err(|e| ServerFnError::new(e.to_string()))
}
