//! Questionnaire versions as campaigns use them, parsed once: a published version never
//! changes, so its parsed definition is kept by id for the life of the process.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use survey_defs::Questionnaire;

use crate::entities::questionnaire_version;

/// Why a version could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DefinitionError {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbErr),
    /// The version is missing or its stored definition does not parse: corruption,
    /// never user input.
    #[error("stored questionnaire version {0} is invalid")]
    Corrupt(i32),
}

/// Parsed questionnaire versions, by id.
pub struct Definitions {
    db: DatabaseConnection,
    parsed: RwLock<HashMap<i32, Arc<Questionnaire>>>,
}

impl Definitions {
    /// Reads versions from `db`.
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db, parsed: RwLock::new(HashMap::new()) }
    }

    /// The questionnaire version `version_id`.
    pub async fn get(&self, version_id: i32) -> Result<Arc<Questionnaire>, DefinitionError> {
        let cached = self.parsed.read().ok().and_then(|cache| cache.get(&version_id).cloned());
        if let Some(found) = cached {
            return Ok(found);
        }
        let row = questionnaire_version::Entity::find_by_id(version_id)
            .one(&self.db)
            .await?
            .ok_or(DefinitionError::Corrupt(version_id))?;
        let parsed =
            Arc::new(Questionnaire::from_json(&row.definition).map_err(|_| DefinitionError::Corrupt(version_id))?);
        // Drafts may still change: only published versions are kept.
        if row.status == questionnaire_version::PUBLISHED
            && let Ok(mut cache) = self.parsed.write()
        {
            cache.insert(version_id, parsed.clone());
        }
        Ok(parsed)
    }
}
