//! First-run data: the demo institution, Boucle's built-in questionnaires (PHQ-9,
//! GAD-7, a hospital-stay PREM) and two open demonstration campaigns. Idempotent: run
//! at every start.

use crate::audit::{self, AuditEvent};
use crate::clock::now_millis;
use crate::entities::{campaign, institution, questionnaire, questionnaire_version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use survey_defs::Questionnaire;

/// The demo institution's slug.
pub const DEMO_INSTITUTION: &str = "demo";

/// Ensures the demo institution and every built-in questionnaire version exist.
pub async fn seed_demo(db: &DatabaseConnection) -> Result<(), DbErr> {
    if institution::Entity::find().filter(institution::Column::Slug.eq(DEMO_INSTITUTION)).one(db).await?.is_none() {
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
    for demo in &DEMO_CAMPAIGNS {
        open_demo_campaign(db, demo).await?;
    }
    Ok(())
}

/// An open demonstration campaign of the demo institution.
struct DemoCampaign {
    public_id: &'static str,
    questionnaire: &'static str,
    title: &'static str,
    audience: &'static str,
}

/// Open links anyone can try after `scripts/run.sh`: `/r/demo-phq-9`, `/r/demo-sejour`.
const DEMO_CAMPAIGNS: [DemoCampaign; 2] = [
    DemoCampaign {
        public_id: "demo-phq-9",
        questionnaire: "phq-9",
        title: "Votre moral ces deux dernières semaines (démonstration)",
        audience: "Patients suivis en consultation (campagne de démonstration : les réponses servent à essayer Boucle).",
    },
    DemoCampaign {
        public_id: "demo-sejour",
        questionnaire: "prem-sejour",
        title: "Votre séjour à l'hôpital (démonstration)",
        audience: "Patients sortis d'hospitalisation (campagne de démonstration : les réponses servent à essayer Boucle).",
    },
];

async fn open_demo_campaign(db: &DatabaseConnection, demo: &DemoCampaign) -> Result<(), DbErr> {
    if campaign::Entity::find().filter(campaign::Column::PublicId.eq(demo.public_id)).one(db).await?.is_some() {
        return Ok(());
    }
    let Some(institution) =
        institution::Entity::find().filter(institution::Column::Slug.eq(DEMO_INSTITUTION)).one(db).await?
    else {
        return Ok(());
    };
    let Some(parent) =
        questionnaire::Entity::find().filter(questionnaire::Column::Slug.eq(demo.questionnaire)).one(db).await?
    else {
        return Ok(());
    };
    let Some(version) = questionnaire_version::Entity::find()
        .filter(questionnaire_version::Column::QuestionnaireId.eq(parent.id))
        .filter(questionnaire_version::Column::Status.eq(questionnaire_version::PUBLISHED))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let now = now_millis();
    const DAY: i64 = 86_400_000;
    campaign::ActiveModel {
        institution_id: Set(institution.id),
        questionnaire_version_id: Set(version.id),
        public_id: Set(demo.public_id.to_string()),
        title: Set(demo.title.to_string()),
        audience: Set(demo.audience.to_string()),
        status: Set(campaign::OPEN.to_string()),
        anonymity: Set("anonymous".to_string()),
        languages: Set("fr,en".to_string()),
        min_cell_size: Set(5),
        opens_at: Set(None),
        closes_at: Set(None),
        results_promised_at: Set(Some(now + 90 * DAY)),
        created_at: Set(now),
        consent_version: Set("1".to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
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
            institution: None,
        },
    )
    .await
}
