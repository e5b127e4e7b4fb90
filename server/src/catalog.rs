//! The questionnaire library service: published versions, read from the database.
//! Used by the JSON API and, through Leptos context, by the pages' server functions.

use crate::entities::{questionnaire, questionnaire_version};
use app::catalog::service::{QuestionnaireCatalog, ServiceError};
use app::catalog::{CatalogEntry, ChangelogEntry, VersionHistory};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use std::collections::BTreeMap;
use survey_defs::Questionnaire;

/// Why the catalog could not answer.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// A stored definition no longer parses: data corruption, never user input.
    #[error("stored definition of {slug} {version} is invalid: {reason}")]
    Corrupt {
        /// Questionnaire slug.
        slug: String,
        /// Version.
        version: String,
        /// What failed.
        reason: String,
    },
}

/// Published questionnaires, from the database.
#[derive(Clone)]
pub struct DbCatalog {
    db: DatabaseConnection,
}

/// `MAJOR.MINOR.PATCH` as numbers, for ordering versions; unparsable parts sort first.
pub fn semver_key(version: &str) -> Vec<u64> {
    version.split('.').map(|part| part.parse().unwrap_or(0)).collect()
}

impl DbCatalog {
    /// A catalog over this database.
    pub fn new(db: DatabaseConnection) -> DbCatalog {
        DbCatalog { db }
    }

    fn parse(slug: &str, row: &questionnaire_version::Model) -> Result<Questionnaire, CatalogError> {
        Questionnaire::from_json(&row.definition).map_err(|e| CatalogError::Corrupt {
            slug: slug.to_string(),
            version: row.version.clone(),
            reason: e.to_string(),
        })
    }

    /// The newest published version of every questionnaire, ordered by slug.
    pub async fn newest_published(&self) -> Result<Vec<Questionnaire>, CatalogError> {
        let rows = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED))
            .find_also_related(questionnaire::Entity)
            .all(&self.db)
            .await?;
        let mut newest: BTreeMap<String, questionnaire_version::Model> = BTreeMap::new();
        for (version, parent) in rows {
            let Some(parent) = parent else { continue };
            let replace = newest
                .get(&parent.slug)
                .is_none_or(|current| semver_key(&version.version) > semver_key(&current.version));
            if replace {
                newest.insert(parent.slug, version);
            }
        }
        newest.iter().map(|(slug, row)| Self::parse(slug, row)).collect()
    }

    /// One published version, or the newest when `version` is `None`.
    pub async fn find_published(
        &self,
        slug: &str,
        version: Option<&str>,
    ) -> Result<Option<Questionnaire>, CatalogError> {
        let Some(parent) =
            questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(slug)).one(&self.db).await?
        else {
            return Ok(None);
        };
        let mut query = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
            .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED));
        if let Some(version) = version {
            query = query.filter(questionnaire_version::Column::Version.eq(version));
        }
        let rows = query.all(&self.db).await?;
        let chosen = rows.into_iter().max_by_key(|row| semver_key(&row.version));
        chosen.map(|row| Self::parse(slug, &row)).transpose()
    }
}

fn unavailable(err: CatalogError) -> ServiceError {
    tracing::error!(error = %err, "questionnaire catalog failed");
    ServiceError::Unavailable
}

#[async_trait::async_trait]
impl QuestionnaireCatalog for DbCatalog {
    async fn list(&self) -> Result<Vec<CatalogEntry>, ServiceError> {
        let all = self.newest_published().await.map_err(unavailable)?;
        Ok(all.iter().map(CatalogEntry::of).collect())
    }

    async fn published(&self, id: &str, version: Option<&str>) -> Result<Option<Questionnaire>, ServiceError> {
        self.find_published(id, version).await.map_err(unavailable)
    }

    async fn history(&self, id: &str) -> Result<Vec<VersionHistory>, ServiceError> {
        self.versions_of(id).await.map_err(unavailable)
    }
}

impl DbCatalog {
    /// Every published version of `slug`, newest first, with what the project that
    /// co-designed it recorded (credits, changelog, notes) and the diff with the version
    /// it follows.
    pub async fn versions_of(&self, slug: &str) -> Result<Vec<VersionHistory>, CatalogError> {
        let Some(parent) =
            questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(slug)).one(&self.db).await?
        else {
            return Ok(Vec::new());
        };
        let mut rows = questionnaire_version::Entity::find()
            .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
            .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED))
            .all(&self.db)
            .await?;
        rows.sort_by_key(|row| std::cmp::Reverse(semver_key(&row.version)));
        let mut out = Vec::new();
        for row in &rows {
            let current = Self::parse(slug, row)?;
            let mut previous = None;
            if let Some(id) = row.previous_version_id
                && let Some(before) = questionnaire_version::Entity::find_by_id(id).one(&self.db).await?
                && let Ok(old) = Questionnaire::from_json(&before.definition)
            {
                previous = Some((format!("{} {}", old.id, old.version), survey_defs::diff(&old, &current)));
            }
            let record: Option<PublicationRecord> =
                row.changelog.as_deref().and_then(|json| serde_json::from_str(json).ok());
            let (notes, changelog) = record.map(|r| (r.notes, r.entries)).unwrap_or_default();
            out.push(VersionHistory {
                version: row.version.clone(),
                published_at: crate::clock::iso_minute(row.published_at.unwrap_or(row.created_at)),
                content_hash: row.content_hash.clone(),
                credits: row.credits.as_deref().and_then(|json| serde_json::from_str(json).ok()),
                notes,
                changelog,
                previous,
            });
        }
        Ok(out)
    }
}

/// What `questionnaire_version.changelog` holds: the publication's notes and the
/// accepted suggestions since the version it follows.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PublicationRecord {
    /// Why it is published, in the words of who proposed it.
    pub notes: String,
    /// The accepted suggestions.
    pub entries: Vec<ChangelogEntry>,
}

#[cfg(test)]
mod tests {
    use super::semver_key;

    #[test]
    fn versions_order_numerically() {
        assert!(semver_key("1.10.0") > semver_key("1.9.3"));
        assert!(semver_key("2.0.0") > semver_key("1.99.99"));
    }
}
