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
