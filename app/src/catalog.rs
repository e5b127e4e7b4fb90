//! The questionnaire library as the UI sees it: what a listing shows, and the server
//! functions that fetch it. The data comes from the `QuestionnaireCatalog` service that
//! the server provides through Leptos context; this crate never touches a database.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use survey_defs::{LocalizedText, Questionnaire, QuestionnaireKind};

/// One questionnaire version as listed in the library.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// The questionnaire's stable identifier (slug), e.g. `phq-9`.
    pub id: String,
    /// Semantic version of the newest published version.
    pub version: String,
    /// PROM, PREM or other.
    pub kind: QuestionnaireKind,
    /// Title in every language it has.
    pub title: LocalizedText,
    /// Languages the questionnaire is fully written in.
    pub languages: Vec<String>,
    /// Number of questions a respondent may be asked (display items excluded).
    pub question_count: usize,
    /// Content hash of the canonical definition (`sha256:…`).
    pub content_hash: String,
    /// How many co-authors are patient-partners, and how many in all.
    pub patient_partner_count: usize,
    /// Number of co-authors of any role.
    pub co_author_count: usize,
}

impl CatalogEntry {
    /// The listing line for a questionnaire definition.
    pub fn of(questionnaire: &Questionnaire) -> CatalogEntry {
        let co_authors = &questionnaire.provenance.co_authors;
        CatalogEntry {
            id: questionnaire.id.clone(),
            version: questionnaire.version.clone(),
            kind: questionnaire.kind,
            title: questionnaire.title.clone(),
            languages: questionnaire.languages.clone(),
            question_count: questionnaire.answerable_items().count(),
            content_hash: questionnaire.content_hash(),
            patient_partner_count: co_authors
                .iter()
                .filter(|a| a.role == survey_defs::AuthorRole::PatientPartner)
                .count(),
            co_author_count: co_authors.len(),
        }
    }
}

/// Who co-designed a version published from a project: how many members of each role
/// (observers excluded), and the names of those who agreed to be named.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credits {
    /// The project's title.
    pub project: String,
    /// Patient-partners.
    pub patient_partners: usize,
    /// Health professionals.
    pub professionals: usize,
    /// Quality-team members.
    pub quality_team: usize,
    /// (name, project role key) of members who agreed to be named.
    pub named: Vec<(String, String)>,
}

/// One accepted suggestion in a version's changelog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangelogEntry {
    /// What it changed, in order.
    pub changes: Vec<survey_defs::Change>,
    /// Why, in its author's words.
    pub rationale: String,
    /// Project role key of its author.
    pub proposed_by: String,
    /// Project role keys of those who approved it.
    pub approved_by: Vec<String>,
    /// When it was decided (UTC, `YYYY-MM-DD HH:MM`).
    pub decided_at: String,
}

/// A published version in a questionnaire's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VersionHistory {
    /// `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// When (UTC, `YYYY-MM-DD HH:MM`).
    pub published_at: String,
    /// Content hash.
    pub content_hash: String,
    /// Who co-designed it, when published from a project.
    pub credits: Option<Credits>,
    /// Why it was published, in the words of who proposed it.
    pub notes: String,
    /// The accepted suggestions since the version it follows.
    pub changelog: Vec<ChangelogEntry>,
    /// The version it follows (`slug version`) and what changed since.
    pub previous: Option<(String, survey_defs::QuestionnaireDiff)>,
}

/// Domain services the server functions call. Implemented by `server`, provided via
/// Leptos context as `Arc<dyn QuestionnaireCatalog>`.
#[cfg(feature = "ssr")]
pub mod service {
    use super::CatalogEntry;
    use survey_defs::Questionnaire;

    /// A failure of a domain service, as the UI needs to know it.
    #[derive(Debug, thiserror::Error)]
    pub enum ServiceError {
        /// Storage or another dependency failed; details are logged by the server.
        #[error("service unavailable")]
        Unavailable,
    }

    /// Read access to published questionnaires.
    #[async_trait::async_trait]
    pub trait QuestionnaireCatalog: Send + Sync {
        /// Every questionnaire's newest published version.
        async fn list(&self) -> Result<Vec<CatalogEntry>, ServiceError>;
        /// A published version; the newest when `version` is `None`.
        async fn published(&self, id: &str, version: Option<&str>) -> Result<Option<Questionnaire>, ServiceError>;
        /// Every published version of a questionnaire, newest first, with credits and changelogs.
        async fn history(&self, id: &str) -> Result<Vec<super::VersionHistory>, ServiceError>;
    }
}

#[cfg(feature = "ssr")]
fn catalog() -> Result<std::sync::Arc<dyn service::QuestionnaireCatalog>, ServerFnError> {
    use_context::<std::sync::Arc<dyn service::QuestionnaireCatalog>>()
        .ok_or_else(|| ServerFnError::new("questionnaire catalog not provided"))
}

/// The library listing.
#[server(prefix = "/_sfn", endpoint = "library")]
pub async fn list_library() -> Result<Vec<CatalogEntry>, ServerFnError> {
    catalog()?.list().await.map_err(|e| ServerFnError::new(e.to_string()))
}

/// A questionnaire's published versions, newest first.
#[server(prefix = "/_sfn", endpoint = "questionnaire_history")]
pub async fn get_history(id: String) -> Result<Vec<VersionHistory>, ServerFnError> {
    catalog()?.history(&id).await.map_err(|e| ServerFnError::new(e.to_string()))
}

/// One published questionnaire version (`None` if there is no such version).
#[server(prefix = "/_sfn", endpoint = "questionnaire")]
pub async fn get_questionnaire(id: String, version: Option<String>) -> Result<Option<Questionnaire>, ServerFnError> {
    catalog()?.published(&id, version.as_deref()).await.map_err(|e| ServerFnError::new(e.to_string()))
}
