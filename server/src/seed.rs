//! First-run data: the demo institution and Boucle's built-in questionnaires
//! (PHQ-9, GAD-7, a hospital-stay PREM). Idempotent: run at every start.

use crate::audit::{self, AuditEvent};
use crate::clock::now_millis;
use crate::entities::{institution, questionnaire, questionnaire_version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use survey_defs::Questionnaire;

/// The demo institution's slug.
pub const DEMO_INSTITUTION: &str = "demo";

/// Ensures the demo institution and every built-in questionnaire version exist.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<(), DbErr> {
    if institution::Entity::find()
        .filter(institution::Column::Slug.eq(DEMO_INSTITUTION))
        .one(db)
        .await?
        .is_none()
    {
        institution::ActiveModel {
            slug: Set(DEMO_INSTITUTION.to_string()),
            name: Set("Hôpital de démonstration".to_string()),
            created_at: Set(now_millis()),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    for definition in survey_defs::builtin_library() {
        publish_builtin(db, &definition).await?;
    }
    Ok(())
}

/// Publishes a built-in version unless that version is already there.
async fn publish_builtin(db: &DatabaseConnection, definition: &Questionnaire) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    let parent = match questionnaire::Entity::find()
        .filter(questionnaire::Column::Slug.eq(definition.id.as_str()))
        .one(&txn)
        .await?
    {
        Some(parent) => parent,
        None => {
            questionnaire::ActiveModel {
                slug: Set(definition.id.clone()),
                institution_id: Set(None),
                kind: Set(format!("{:?}", definition.kind).to_lowercase()),
                created_at: Set(now_millis()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let exists = questionnaire_version::Entity::find()
        .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
        .filter(questionnaire_version::Column::Version.eq(definition.version.as_str()))
        .one(&txn)
        .await?
        .is_some();
    if exists {
        return txn.commit().await;
    }
    let now = now_millis();
    let hash = definition.content_hash();
    questionnaire_version::ActiveModel {
        questionnaire_id: Set(parent.id),
        version: Set(definition.version.clone()),
        status: Set(questionnaire_version::PUBLISHED.to_string()),
        content_hash: Set(hash.clone()),
        definition: Set(definition.to_canonical_json()),
        created_at: Set(now),
        published_at: Set(Some(now)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    audit::append(
        db,
        AuditEvent {
            actor: "system:seed".to_string(),
            action: "questionnaire.published".to_string(),
            subject: format!("questionnaire:{}@{}", definition.id, definition.version),
            detail: hash,
        },
    )
    .await
}
