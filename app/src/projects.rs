//! Improvement projects as the UI shows them: the list of one's projects, and one
//! project's page (the need statement written together, its history and any conflict
//! of one's own to settle, the members and their roles in the project).
//!
//! The server decides who sees and does what (`server::projects`, asking the access
//! policy with the caller's project roles); this crate only lays out what it is given.

use crate::i18n::Lang;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::staff::{StaffAnswer, Viewer};

/// Project roles a member may be given, in the order forms offer them.
pub const PROJECT_ROLES: [&str; 4] = ["patient_partner", "professional", "quality_team", "observer"];

/// A project in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRow {
    /// In addresses.
    pub public_id: String,
    /// Title.
    pub title: String,
    /// Owning institution.
    pub institution_name: String,
    /// The viewer's role in it (a key of [`PROJECT_ROLES`]), if a member.
    pub my_role: Option<String>,
    /// How many members.
    pub members: usize,
}

/// `/equipe/projets`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectsPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Their projects, and those of the institutions they administer.
    pub projects: Vec<ProjectRow>,
    /// Institutions (slug, name) where they may start a project.
    pub can_start_in: Vec<(String, String)>,
}

/// A member of a project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectMember {
    /// Membership id (in form addresses).
    pub id: i32,
    /// Name.
    pub display_name: String,
    /// Role key in the project.
    pub role: String,
    /// They agreed to be named in the credits.
    pub named_in_credits: bool,
}

/// One revision of the need statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedRevision {
    /// Revision id.
    pub id: i64,
    /// Text.
    pub body: String,
    /// Who wrote it.
    pub author: String,
    /// When (UTC, `YYYY-MM-DD HH:MM`).
    pub written_at: String,
}

/// `/equipe/projets/{project}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// In addresses.
    pub public_id: String,
    /// Title.
    pub title: String,
    /// Owning institution.
    pub institution_name: String,
    /// The viewer's role, if a member.
    pub my_role: Option<String>,
    /// May write the need statement.
    pub can_contribute: bool,
    /// May add members and change their roles.
    pub can_manage_members: bool,
    /// Members, by name.
    pub members: Vec<ProjectMember>,
    /// The current need statement.
    pub need: Option<NeedRevision>,
    /// Earlier revisions, newest first.
    pub history: Vec<NeedRevision>,
    /// The viewer's own revisions written over a text that had changed meanwhile.
    pub my_conflicts: Vec<NeedRevision>,
    /// People of the institution who may be added (id, name).
    pub candidates: Vec<(i32, String)>,
    /// The project's questionnaire drafts.
    pub drafts: Vec<DraftRow>,
    /// Published questionnaires a draft may start from (`slug` or `slug@version`, title).
    pub sources: Vec<(String, String)>,
    /// Whether the viewer, a member, agreed to be named in the credits.
    pub my_named: Option<bool>,
    /// The project's own jargon terms, flagged on top of each language's defaults.
    pub jargon: Vec<String>,
    /// Its campaigns (public id, title), whose findings and plans it writes.
    pub campaigns: Vec<(String, String)>,
    /// The institution's campaigns the viewer may link to it (public id, title).
    pub linkable_campaigns: Vec<(String, String)>,
}

/// A draft in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftRow {
    /// In addresses.
    pub public_id: String,
    /// Its title in French.
    pub title: String,
    /// How many accepted suggestions changed it.
    pub revision: i32,
}

/// A member's vote on a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteRow {
    /// Their name.
    pub name: String,
    /// Their role key in the project.
    pub role: String,
    /// Approved (or rejected).
    pub approve: bool,
    /// Why, if they said.
    pub reason: String,
}

/// A suggestion: changes to the draft, or publishing it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestionRow {
    /// What it changes, made together if accepted (empty for a publication).
    pub changes: Vec<survey_defs::Change>,
    /// For a publication: the identifier and version asked for.
    pub publish: Option<(String, String)>,
    /// Id (in form addresses).
    pub id: i64,
    /// The item's number and id, e.g. "3 (phq9_3)".
    pub item_label: String,
    /// The language reworded.
    pub language: String,
    /// The wording in the draft now.
    pub current_text: String,
    /// The wording proposed.
    pub new_text: String,
    /// Why.
    pub rationale: String,
    /// Who proposed it.
    pub author: String,
    /// `open`, `accepted` or `rejected`.
    pub status: String,
    /// The reason of a rejection.
    pub decision_reason: Option<String>,
    /// Votes so far.
    pub votes: Vec<VoteRow>,
    /// Translation keys of what it still needs (open suggestions).
    pub waiting_for: Vec<String>,
    /// The viewer may vote.
    pub can_vote: bool,
    /// The thread: author, when (UTC, `YYYY-MM-DD HH:MM`), text; oldest first.
    pub comments: Vec<(String, String, String)>,
}

/// An item of a draft, as the editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftItem {
    /// Item id.
    pub id: String,
    /// Its number among answerable items (0 for display text).
    pub number: usize,
    /// Its type (`survey_defs::ItemKind::type_name`).
    pub kind: String,
    /// Its wording per language (tag, text).
    pub texts: Vec<(String, String)>,
    /// Why we ask, per language (tag, text; empty when not written).
    pub why: Vec<(String, String)>,
    /// Easy-read wording, per language.
    pub easy: Vec<(String, String)>,
    /// Its options, for choice and Likert items.
    pub options: Vec<DraftOption>,
    /// Where it is: `section` or `section/previous item` (see [`DraftPage::places`]).
    pub place: String,
    /// Messages about this question (author, when, text), oldest first.
    pub comments: Vec<(String, String, String)>,
}

/// An option of a draft's item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftOption {
    /// Code stored in answers.
    pub code: String,
    /// Label per language (tag, text).
    pub labels: Vec<(String, String)>,
    /// Scoring value.
    pub value: Option<i32>,
}

/// A score of a draft, as its form shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftScale {
    /// Scale id.
    pub id: String,
    /// Title per language.
    pub titles: Vec<(String, String)>,
    /// Scored items.
    pub items: Vec<String>,
    /// Reverse-scored items.
    pub reverse: Vec<String>,
    /// `sum`, `mean` or `mean_rescaled`.
    pub method: String,
    /// Fewest answered items.
    pub min_answered: u32,
    /// Prorated sum.
    pub prorate: bool,
    /// Bands, one per line: `min-max = label fr | label en`.
    pub bands: String,
}

/// `/equipe/projets/{project}/brouillons/{draft}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Project public id.
    pub project: String,
    /// Project title.
    pub project_title: String,
    /// Draft public id.
    pub draft: String,
    /// The questionnaire's title in French.
    pub title: String,
    /// Accepted suggestions so far.
    pub revision: i32,
    /// The questionnaire's languages.
    pub languages: Vec<String>,
    /// May propose and vote.
    pub can_contribute: bool,
    /// Its items.
    pub items: Vec<DraftItem>,
    /// Open suggestions first, then decided ones.
    pub suggestions: Vec<SuggestionRow>,
    /// What changed since the published version it started from.
    pub changes: Option<DraftChanges>,
    /// Places a question can go, in order: (`section` or `section/item`, the section's
    /// name, the item it would follow or `""` for first).
    pub places: Vec<(String, String, String)>,
    /// Its scores.
    pub scales: Vec<DraftScale>,
    /// What is left before it can be published: problem code, the item it is about
    /// (as labelled) and that item's id (empty for the questionnaire as a whole).
    pub unfinished: Vec<(String, String, String)>,
    /// Suggested identifier and version for publishing.
    pub publish_as: (String, String),
    /// The draft itself, for the preview of what respondents will see.
    pub questionnaire: survey_defs::Questionnaire,
    /// The project's own jargon terms, flagged on top of each language's defaults.
    pub jargon: Vec<String>,
}

/// What changed in a draft since the published version it started from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftChanges {
    /// The published version, e.g. "phq-9 1.0.0".
    pub base: String,
    /// One line per changed item.
    pub items: Vec<DraftChange>,
    /// How many questions keep answers comparable with the published version.
    pub comparable: usize,
    /// How many questions there are.
    pub questions: usize,
}

/// How one item of a draft changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftChange {
    /// "3 (phq9_3)".
    pub item_label: String,
    /// Languages reworded.
    pub reworded: Vec<String>,
    /// Whether its answers stay comparable with the published version.
    pub comparable: bool,
}

/// An action of a plan, on the staff plan page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionCard {
    /// In form addresses.
    pub id: i64,
    /// What will be done.
    pub what: String,
    /// Who carries it.
    pub owner: String,
    /// By when (ISO date), or empty.
    pub due_on: String,
    /// Status key (`proposed`, `adopted`…).
    pub status: String,
    /// Why it was rejected or abandoned.
    pub reason: Option<String>,
    /// Who proposed it.
    pub author: String,
    /// Votes on it.
    pub votes: Vec<VoteRow>,
    /// What the decision still lacks (translation keys).
    pub waiting_for: Vec<String>,
    /// The viewer may vote.
    pub can_vote: bool,
    /// Statuses the viewer may move it to by hand.
    pub next: Vec<String>,
    /// Every status it took: (status key, who, when, why).
    pub history: Vec<(String, String, String, String)>,
}

/// A finding of a campaign and what is done about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingCard {
    /// In form addresses.
    pub id: i64,
    /// The statement, in plain words.
    pub statement: String,
    /// The questions and scores it cites, labelled.
    pub evidence: Vec<String>,
    /// Who wrote it.
    pub author: String,
    /// When (ISO date).
    pub created_on: String,
    /// Its actions.
    pub actions: Vec<ActionCard>,
}

/// The latest proposal to publish a plan to respondents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationCard {
    /// In form addresses.
    pub id: i64,
    /// `open`, `published` or `rejected`.
    pub status: String,
    /// Why it was rejected.
    pub reason: Option<String>,
    /// Who proposed it.
    pub author: String,
    /// When it was decided (ISO date), or empty.
    pub decided_on: String,
    /// Votes on it.
    pub votes: Vec<VoteRow>,
    /// What the decision still lacks (translation keys).
    pub waiting_for: Vec<String>,
    /// The viewer may vote.
    pub can_vote: bool,
}

/// `/equipe/projets/{project}/campagnes/{campaign}`: a campaign's findings and plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPage {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Project public id.
    pub project: String,
    /// Project title.
    pub project_title: String,
    /// Campaign public id.
    pub campaign: String,
    /// Campaign title.
    pub campaign_title: String,
    /// May write findings, propose, vote and move actions.
    pub can_contribute: bool,
    /// Questions and scores a finding may cite (reference, label).
    pub evidence_choices: Vec<(String, String)>,
    /// Findings with their actions.
    pub findings: Vec<FindingCard>,
    /// The latest publication proposal.
    pub publication: Option<PublicationCard>,
    /// Whether the loop closes for this campaign.
    pub loop_view: LoopView,
}

/// A campaign's loop measures, as shown to the institution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoopView {
    /// Percent of respondents who opened the returned results and decisions, once published.
    pub opened_percent: Option<u32>,
    /// Days from closing to publication (or to today while unpublished), once closed.
    pub days_to_publication: Option<i64>,
    /// Later than promised.
    pub late: bool,
    /// The date promised at invitation (ISO), if any.
    pub promised_on: Option<String>,
    /// Proposals decided, and all proposals.
    pub proposals_answered: (usize, usize),
    /// Actions done by their due date, and actions whose due date has come (or that are done).
    pub done_on_time: (usize, usize),
}

/// One campaign on the institution's loop dashboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoopRow {
    /// Campaign title.
    pub title: String,
    /// Its plan page, when it belongs to a project.
    pub plan_link: Option<String>,
    /// Its measures.
    pub measures: LoopView,
}

/// One institution's campaigns and whether their loops close.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstitutionLoop {
    /// Institution name.
    pub name: String,
    /// Its campaigns, newest first.
    pub rows: Vec<LoopRow>,
    /// Charts (SVG with their own title and description), each repeating figures of the table.
    pub charts: Vec<String>,
}

/// `/equipe/boucle`: the loop measures of every campaign of the viewer's institutions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoopDashboard {
    /// Who is signed in.
    pub viewer: Viewer,
    /// Their institutions.
    pub institutions: Vec<InstitutionLoop>,
}

/// Domain services for project pages. Implemented by `server`.
#[cfg(feature = "ssr")]
pub mod service {
    use super::*;
    use crate::catalog::service::ServiceError;

    /// Read access for project pages; `cookies` is the request's `Cookie` header.
    #[async_trait::async_trait]
    pub trait ProjectDesk: Send + Sync {
        /// The viewer's projects.
        async fn projects(&self, cookies: &str) -> Result<StaffAnswer<ProjectsPage>, ServiceError>;
        /// One project.
        async fn project(&self, cookies: &str, public_id: &str) -> Result<StaffAnswer<ProjectPage>, ServiceError>;
        /// One draft of a project, with its suggestions.
        async fn draft(
            &self,
            cookies: &str,
            project: &str,
            draft: &str,
        ) -> Result<StaffAnswer<DraftPage>, ServiceError>;
        /// The loop measures of the viewer's institutions' campaigns.
        async fn loop_dashboard(
            &self,
            cookies: &str,
            lang: crate::i18n::Lang,
        ) -> Result<StaffAnswer<LoopDashboard>, ServiceError>;
        /// A linked campaign's findings and plan.
        async fn plan(
            &self,
            cookies: &str,
            project: &str,
            campaign: &str,
        ) -> Result<StaffAnswer<PlanPage>, ServiceError>;
    }
}

#[cfg(feature = "ssr")]
fn desk() -> Result<std::sync::Arc<dyn service::ProjectDesk>, ServerFnError> {
    use_context::<std::sync::Arc<dyn service::ProjectDesk>>()
        .ok_or_else(|| ServerFnError::new("project desk not provided"))
}

/// The viewer's projects.
#[server(prefix = "/_sfn", endpoint = "projects_page")]
pub async fn load_projects() -> Result<StaffAnswer<ProjectsPage>, ServerFnError> {
    let answer =
        desk()?.projects(&crate::respondent::request_cookies()).await.map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}

/// One project's page.
#[server(prefix = "/_sfn", endpoint = "project_page")]
pub async fn load_project(project: String) -> Result<StaffAnswer<ProjectPage>, ServerFnError> {
    let answer = desk()?
        .project(&crate::respondent::request_cookies(), &project)
        .await
        .map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}

/// The institution-wide loop dashboard.
#[server(prefix = "/_sfn", endpoint = "loop_dashboard")]
pub async fn load_loop_dashboard(lang: String) -> Result<StaffAnswer<LoopDashboard>, ServerFnError> {
    let lang = crate::i18n::Lang::from_tag(&lang).unwrap_or_default();
    let answer = desk()?
        .loop_dashboard(&crate::respondent::request_cookies(), lang)
        .await
        .map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}

/// A campaign's findings and plan.
#[server(prefix = "/_sfn", endpoint = "plan_page")]
pub async fn load_plan(project: String, campaign: String) -> Result<StaffAnswer<PlanPage>, ServerFnError> {
    let answer = desk()?
        .plan(&crate::respondent::request_cookies(), &project, &campaign)
        .await
        .map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}

/// One draft's page.
#[server(prefix = "/_sfn", endpoint = "draft_page")]
pub async fn load_draft(project: String, draft: String) -> Result<StaffAnswer<DraftPage>, ServerFnError> {
    let answer = desk()?
        .draft(&crate::respondent::request_cookies(), &project, &draft)
        .await
        .map_err(|e| ServerFnError::new(e.to_string()))?;
    Ok(crate::staff::with_status(answer))
}

/// One change of a suggestion or a changelog, in words (item ids as the draft names them).
pub fn change_text(change: &survey_defs::Change, lang: Lang) -> String {
    use survey_defs::Change;
    let labels = |text: &survey_defs::LocalizedText| text.get(lang.tag()).to_string();
    match change {
        Change::Reword { item, language, text } => lang.t_args(
            "change-reword",
            &[
                ("item", item.clone().into()),
                ("language", language.to_uppercase().into()),
                ("text", text.clone().into()),
            ],
        ),
        Change::AddItem { item, .. } => lang.t_args(
            "change-add-item",
            &[
                ("item", item.id.clone().into()),
                ("type", lang.t(&format!("item-type-{}", item.kind.type_name().replace('_', "-"))).into()),
                ("text", labels(&item.text).into()),
            ],
        ),
        Change::RemoveItem { item } => lang.t_args("change-remove-item", &[("item", item.clone().into())]),
        Change::MoveItem { item, after, .. } => match after {
            Some(after) => {
                lang.t_args("change-move-item-after", &[("item", item.clone().into()), ("after", after.clone().into())])
            }
            None => lang.t_args("change-move-item-first", &[("item", item.clone().into())]),
        },
        Change::ChangeOptions { item, options } => {
            let list = options
                .iter()
                .map(|o| match o.value {
                    Some(v) => format!("{} ({v})", labels(&o.label)),
                    None => labels(&o.label),
                })
                .collect::<Vec<_>>()
                .join(" ; ");
            lang.t_args("change-options", &[("item", item.clone().into()), ("options", list.into())])
        }
        Change::ExplainItem { item, why_we_ask, easy_read } => {
            let why = why_we_ask.as_ref().map(labels).unwrap_or_default();
            let easy = easy_read.as_ref().map(labels).unwrap_or_default();
            lang.t_args("change-explain", &[("item", item.clone().into()), ("why", why.into()), ("easy", easy.into())])
        }
        Change::SetScale { scale } => lang.t_args(
            "change-set-scale",
            &[
                ("scale", scale.id.clone().into()),
                ("items", scale.items.join(", ").into()),
                ("bands", scale.bands.len().into()),
            ],
        ),
        Change::RemoveScale { scale } => lang.t_args("change-remove-scale", &[("scale", scale.clone().into())]),
        Change::Describe { title, .. } => lang.t_args("change-describe", &[("title", labels(title).into())]),
        Change::AddSection { id, title, .. } => {
            lang.t_args("change-add-section", &[("section", id.clone().into()), ("title", labels(title).into())])
        }
        Change::RenameSection { section, title } => lang
            .t_args("change-rename-section", &[("section", section.clone().into()), ("title", labels(title).into())]),
        Change::RemoveSection { section } => {
            lang.t_args("change-remove-section", &[("section", section.clone().into())])
        }
        Change::SetItemCondition { item, condition } => lang.t_args(
            "change-item-condition",
            &[("item", item.clone().into()), ("condition", condition_words(condition.as_ref(), lang).into())],
        ),
        Change::SetSectionCondition { section, condition } => lang.t_args(
            "change-section-condition",
            &[("section", section.clone().into()), ("condition", condition_words(condition.as_ref(), lang).into())],
        ),
        Change::AddLanguage { language } => {
            lang.t_args("change-add-language", &[("language", language.to_uppercase().into())])
        }
    }
}

/// When a question or section shows, in words: "always", or the condition spelled out.
pub fn condition_words(condition: Option<&survey_defs::Condition>, lang: Lang) -> String {
    use survey_defs::{Condition, ConditionValue};
    let value = |v: &ConditionValue| match v {
        ConditionValue::Bool(true) => lang.t("condition-yes"),
        ConditionValue::Bool(false) => lang.t("condition-no"),
        ConditionValue::Number(n) => n.to_string(),
        ConditionValue::Text(t) => t.clone(),
    };
    let one =
        |key: &str, item: &str, v: String| lang.t_args(key, &[("item", item.to_string().into()), ("value", v.into())]);
    match condition {
        None => lang.t("condition-always"),
        Some(Condition::Answered { item }) => one("condition-answered", item, String::new()),
        Some(Condition::Equals { item, value: v }) => one("condition-equals", item, value(v)),
        Some(Condition::NotEquals { item, value: v }) => one("condition-not-equals", item, value(v)),
        Some(Condition::GreaterThan { item, value: v }) => one("condition-greater-than", item, v.to_string()),
        Some(Condition::LessThan { item, value: v }) => one("condition-less-than", item, v.to_string()),
        Some(Condition::Includes { item, option }) => one("condition-includes", item, option.clone()),
        Some(Condition::All { conditions }) | Some(Condition::Any { conditions }) => {
            let key = if matches!(condition, Some(Condition::All { .. })) { "condition-all" } else { "condition-any" };
            let parts: Vec<String> = conditions.iter().map(|c| condition_words(Some(c), lang)).collect();
            lang.t_args(key, &[("conditions", parts.join(" ; ").into())])
        }
    }
}
