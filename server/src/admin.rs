//! `boucle campaign …`: campaign administration from the command line, printing what
//! an operator needs (ids, CSV of invitation links, counts, an SVG poster code).

use crate::campaigns::{CampaignAdmin, CampaignError, NewCampaign};
use crate::config::CampaignAction;
use sea_orm::DatabaseConnection;
use std::fmt::Write as _;

/// A YYYY-MM-DD date as ms since the epoch (start of the day, UTC).
fn day_millis(date: &str) -> Result<i64, CampaignError> {
    survey_defs::parse_iso_date(date)
        .map(|days| i64::from(days) * 86_400_000)
        .ok_or_else(|| CampaignError::Invalid(format!("'{date}' is not a date of the form YYYY-MM-DD")))
}

/// Runs one command; returns what to print on standard output.
pub async fn run(db: DatabaseConnection, action: CampaignAction) -> Result<String, CampaignError> {
    let admin = CampaignAdmin::new(db);
    match action {
        CampaignAction::Create {
            questionnaire,
            title,
            audience,
            institution,
            invitations_only,
            min_cell_size,
            closes_on,
            results_on,
            languages,
        } => {
            let id = admin
                .create(NewCampaign {
                    institution,
                    questionnaire,
                    title,
                    audience,
                    invitations_only,
                    min_cell_size,
                    closes_at: closes_on.as_deref().map(day_millis).transpose()?,
                    results_promised_at: day_millis(&results_on)?,
                    languages,
                })
                .await?;
            Ok(format!("{id}\n"))
        }
        CampaignAction::Invite { campaign, count, base_url } => {
            let tokens = admin.invite(&campaign, count).await?;
            // Links start with "/" or "http": no cell can be read as a spreadsheet formula.
            let mut csv = String::from("number,link\n");
            for (n, token) in tokens.iter().enumerate() {
                let _ = writeln!(csv, "{},{}/i/{token}", n + 1, base_url.trim_end_matches('/'));
            }
            Ok(csv)
        }
        CampaignAction::Close { campaign } => {
            admin.close(&campaign).await?;
            Ok(format!("{campaign} closed\n"))
        }
        CampaignAction::Status { campaign } => {
            let c = admin.counts(&campaign).await?;
            Ok(format!(
                "campaign {}: {}\nsubmitted: {}\nin progress: {}\ninvitations issued: {}, used: {}\n",
                c.public_id, c.status, c.submitted, c.in_progress, c.invitations.0, c.invitations.1
            ))
        }
        CampaignAction::Qr { campaign, base_url } => {
            let counts = admin.counts(&campaign).await?;
            let link = format!("{}/r/{}", base_url.trim_end_matches('/'), counts.public_id);
            app::qr::qr_svg(&link).ok_or_else(|| CampaignError::Invalid("the link is too long for a QR code".into()))
        }
    }
}

/// Why an administration command failed.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// A value is wrong.
    #[error("{0}")]
    Invalid(String),
    /// The audit chain is broken.
    #[error("the audit log is broken at entry {id}: {reason}")]
    BrokenAudit {
        /// First broken entry.
        id: i64,
        /// What is wrong.
        reason: &'static str,
    },
    /// Storage failed.
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

impl From<crate::identity::IdentityError> for AdminError {
    fn from(err: crate::identity::IdentityError) -> Self {
        match err {
            crate::identity::IdentityError::Db(db) => AdminError::Db(db),
            other => AdminError::Invalid(other.to_string()),
        }
    }
}

/// Runs one `boucle admin` command; returns what to print on standard output.
/// `public_url` starts the printed links.
pub async fn run_admin(
    db: DatabaseConnection,
    action: crate::config::AdminAction,
    public_url: &str,
) -> Result<String, AdminError> {
    use crate::clock::now_millis;
    use crate::config::AdminAction;
    use crate::entities::{institution, person};
    use crate::identity::service::NewPerson;
    use crate::identity::{IdentityService, Role};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

    let identity = IdentityService::new(db.clone());
    let base = public_url.trim_end_matches('/');
    match action {
        AdminAction::CreateUser { email, name, institution, role } => {
            let role = Role::from_key(&role).ok_or_else(|| {
                AdminError::Invalid(format!(
                    "unknown role '{role}': use admin, quality_team, professional, patient_partner or observer"
                ))
            })?;
            let person_id = identity
                .create_person(NewPerson { email, display_name: name, institution, role }, "system:cli", now_millis())
                .await?;
            let secret = identity.issue_invitation(person_id, "system:cli", now_millis()).await?;
            Ok(format!("{base}/connexion/invitation/{secret}\n"))
        }
        AdminAction::InviteUser { email } => {
            let email = email.trim().to_lowercase();
            let found = person::Entity::find().filter(person::Column::Email.eq(&email)).one(&db).await?;
            let found = found.ok_or_else(|| AdminError::Invalid(format!("nobody has the email address '{email}'")))?;
            let secret = identity.issue_invitation(found.id, "system:cli", now_millis()).await?;
            Ok(format!("{base}/connexion/invitation/{secret}\n"))
        }
        AdminAction::CreateInstitution { slug, name } => {
            let valid = !slug.is_empty()
                && slug.len() <= 64
                && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid || name.trim().is_empty() {
                return Err(AdminError::Invalid(
                    "the slug must be 1 to 64 characters among a-z, 0-9 and '-', and the name must not be empty".into(),
                ));
            }
            if institution::Entity::find().filter(institution::Column::Slug.eq(&slug)).count(&db).await? > 0 {
                return Err(AdminError::Invalid(format!("the institution '{slug}' exists already")));
            }
            institution::ActiveModel {
                slug: Set(slug.clone()),
                name: Set(name.trim().to_string()),
                created_at: Set(now_millis()),
                ..Default::default()
            }
            .insert(&db)
            .await?;
            Ok(format!("{slug}\n"))
        }
        AdminAction::VerifyAudit => {
            let entries = crate::entities::audit_log::Entity::find().count(&db).await?;
            match crate::audit::verify_chain(&db).await? {
                None => Ok(format!("the audit log is intact ({entries} entries)\n")),
                Some(broken) => Err(AdminError::BrokenAudit { id: broken.id, reason: broken.reason }),
            }
        }
    }
}
