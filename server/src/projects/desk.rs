//! The reads behind the project pages ([`app::projects::service::ProjectDesk`]).

use super::decision::Outcome;
use super::{NeedView, ProjectError, ProjectService};
use crate::clock::iso_minute;
use crate::identity::{Action, decide};
use crate::staff::{StaffDeskService, refusal, viewer};
use app::catalog::service::{QuestionnaireCatalog, ServiceError};
use app::projects::{
    DraftChange, DraftChanges, DraftItem, DraftOption, DraftPage, DraftRow, DraftScale, InstitutionLoop, LoopDashboard,
    LoopRow, NeedRevision, PlanPage, ProjectMember, ProjectPage, ProjectRow, ProjectsPage, SuggestionRow, VoteRow,
};
use app::staff::StaffAnswer;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::sync::Arc;

/// Project pages for the signed-in person.
pub struct ProjectDeskService {
    /// Sessions.
    pub staff: Arc<StaffDeskService>,
    /// Projects.
    pub projects: Arc<ProjectService>,
    /// The questionnaire library (what drafts start from).
    pub catalog: Arc<crate::catalog::DbCatalog>,
    /// Parsed questionnaire versions (what a campaign's findings cite).
    pub definitions: Arc<crate::definitions::Definitions>,
}

fn unavailable(err: impl std::fmt::Display) -> ServiceError {
    tracing::error!(error = %err, "project desk failed");
    ServiceError::Unavailable
}

fn revision(view: NeedView) -> NeedRevision {
    NeedRevision { id: view.id, body: view.body, author: view.author, written_at: iso_minute(view.written_at) }
}

#[async_trait::async_trait]
impl app::projects::service::ProjectDesk for ProjectDeskService {
    async fn projects(&self, cookies: &str) -> Result<StaffAnswer<ProjectsPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let caller = signed_in.caller();
        let mut can_start_in: Vec<(String, String)> = Vec::new();
        for g in &signed_in.grants {
            if decide(&caller, Action::StartProject { institution: g.institution_id }).allowed()
                && !can_start_in.iter().any(|(slug, _)| *slug == g.institution_slug)
            {
                can_start_in.push((g.institution_slug.clone(), g.institution_name.clone()));
            }
        }
        let projects = self
            .projects
            .list(&signed_in)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|p| ProjectRow {
                public_id: p.public_id,
                title: p.title,
                institution_name: p.institution_name,
                my_role: p.my_role.map(|r| r.key().to_string()),
                members: p.members,
            })
            .collect();
        Ok(StaffAnswer::Ready(ProjectsPage { viewer: viewer(&signed_in), projects, can_start_in }))
    }

    async fn project(&self, cookies: &str, public_id: &str) -> Result<StaffAnswer<ProjectPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let view = match self.projects.view(&signed_in, public_id).await {
            Ok(view) => view,
            Err(ProjectError::Refused(decision)) => return Ok(refusal(decision)),
            Err(err) => return Err(unavailable(err)),
        };
        let drafts = self
            .projects
            .drafts(view.project.id)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|(public_id, title, revision)| DraftRow { public_id, title, revision })
            .collect();
        // The project's own earlier versions first (any of them), then the library's newest.
        let mut sources: Vec<(String, String)> = self
            .projects
            .own_versions(view.project.id)
            .await
            .map_err(unavailable)?
            .into_iter()
            .map(|(slug, version, title)| (format!("{slug}@{version}"), format!("{title} ({slug} {version})")))
            .collect();
        sources.extend(
            self.catalog
                .list()
                .await?
                .into_iter()
                .map(|entry| (entry.id.clone(), format!("{} ({} {})", entry.title.get("fr"), entry.id, entry.version))),
        );
        let (campaigns, linkable_campaigns) =
            self.projects.campaigns_of(&view.project, view.can_manage_members).await.map_err(unavailable)?;
        let my_named = view
            .members
            .iter()
            .find(|m| m.person_id == signed_in.person_id && m.role != crate::identity::ProjectRole::Observer)
            .map(|m| m.named_in_credits);
        Ok(StaffAnswer::Ready(ProjectPage {
            viewer: viewer(&signed_in),
            public_id: view.project.public_id,
            title: view.project.title,
            institution_name: view.institution_name,
            my_role: view.my_role.map(|r| r.key().to_string()),
            can_contribute: view.can_contribute,
            can_manage_members: view.can_manage_members,
            members: view
                .members
                .into_iter()
                .map(|m| ProjectMember {
                    id: m.id,
                    display_name: m.display_name,
                    role: m.role.key().to_string(),
                    named_in_credits: m.named_in_credits,
                })
                .collect(),
            need: view.need.map(revision),
            history: view.history.into_iter().map(revision).collect(),
            my_conflicts: view.my_conflicts.into_iter().map(revision).collect(),
            candidates: view.candidates,
            drafts,
            sources,
            my_named,
            jargon: super::jargon_terms(&view.project.jargon),
            campaigns,
            linkable_campaigns,
        }))
    }

    async fn loop_dashboard(
        &self,
        cookies: &str,
        lang: app::i18n::Lang,
    ) -> Result<StaffAnswer<LoopDashboard>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let loops = super::plans::institution_loops(&self.projects.db, &signed_in, crate::clock::now_millis())
            .await
            .map_err(unavailable)?;
        let institutions = loops
            .into_iter()
            .map(|(name, rows)| {
                let rows: Vec<LoopRow> = rows
                    .into_iter()
                    .map(|(title, plan_link, m, promised)| LoopRow {
                        title,
                        plan_link,
                        measures: super::plans::loop_view(&m, promised),
                    })
                    .collect();
                InstitutionLoop { charts: loop_charts(&rows, lang), name, rows }
            })
            .collect();
        Ok(StaffAnswer::Ready(LoopDashboard { viewer: viewer(&signed_in), institutions }))
    }

    async fn plan(&self, cookies: &str, project: &str, campaign: &str) -> Result<StaffAnswer<PlanPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        // The campaign's questionnaire names what findings may cite.
        let version = crate::entities::campaign::Entity::find()
            .filter(crate::entities::campaign::Column::PublicId.eq(campaign))
            .one(&self.projects.db)
            .await
            .map_err(unavailable)?
            .map(|c| c.questionnaire_version_id);
        let Some(version) = version else { return Ok(refusal(crate::identity::Decision::NotFound)) };
        let questionnaire = self.definitions.get(version).await.map_err(unavailable)?;
        match self.projects.plan_page(&signed_in, project, campaign, &questionnaire).await {
            Ok(parts) => Ok(StaffAnswer::Ready(PlanPage {
                viewer: viewer(&signed_in),
                project: project.to_string(),
                project_title: parts.project_title,
                campaign: campaign.to_string(),
                campaign_title: parts.campaign_title,
                can_contribute: parts.can_contribute,
                evidence_choices: parts.evidence_choices,
                findings: parts.findings,
                publication: parts.publication,
                loop_view: parts.loop_view,
            })),
            Err(ProjectError::Refused(decision)) => Ok(refusal(decision)),
            Err(err) => Err(unavailable(err)),
        }
    }

    async fn draft(&self, cookies: &str, project: &str, draft: &str) -> Result<StaffAnswer<DraftPage>, ServiceError> {
        let Some(signed_in) = self.staff.signed_in(cookies).await.map_err(unavailable)? else {
            return Ok(StaffAnswer::SignInRequired);
        };
        let view = match self.projects.draft_view(&signed_in, project, draft).await {
            Ok(view) => view,
            Err(ProjectError::Refused(decision)) => return Ok(refusal(decision)),
            Err(err) => return Err(unavailable(err)),
        };
        let q = &view.questionnaire;
        let mut number = 0;
        let items: Vec<DraftItem> = q
            .items()
            .map(|item| {
                let shown = if item.kind.is_answerable() {
                    number += 1;
                    number
                } else {
                    0
                };
                let per_language = |text: Option<&survey_defs::LocalizedText>| -> Vec<(String, String)> {
                    q.languages
                        .iter()
                        .map(|l| (l.clone(), text.and_then(|t| t.get_exact(l)).unwrap_or_default().to_string()))
                        .collect()
                };
                DraftItem {
                    id: item.id.clone(),
                    number: shown,
                    kind: item.kind.type_name().to_string(),
                    texts: per_language(Some(&item.text)),
                    why: per_language(item.why_we_ask.as_ref()),
                    easy: per_language(item.easy_read.as_ref()),
                    options: item
                        .kind
                        .options()
                        .iter()
                        .map(|o| DraftOption {
                            code: o.code.clone(),
                            labels: per_language(Some(&o.label)),
                            value: o.value,
                        })
                        .collect(),
                    place: place_of(q, &item.id),
                    comments: view
                        .item_comments
                        .iter()
                        .filter(|(id, ..)| *id == item.id)
                        .map(|(_, author, at, body)| (author.clone(), iso_minute(*at), body.clone()))
                        .collect(),
                }
            })
            .collect();
        let label = |id: &str| {
            items
                .iter()
                .find(|i| i.id == id)
                .map(|i| if i.number > 0 { format!("{} ({id})", i.number) } else { id.to_string() })
                .unwrap_or_else(|| id.to_string())
        };
        let suggestions = view
            .suggestions
            .into_iter()
            .map(|s| {
                let mut waiting_for = Vec::new();
                if let Outcome::Waiting { needs_patient_partner, needs_professional, needs_someone_else } = s.outcome {
                    if needs_patient_partner {
                        waiting_for.push("suggestion-needs-patient-partner".to_string());
                    }
                    if needs_professional {
                        waiting_for.push("suggestion-needs-professional".to_string());
                    }
                    if needs_someone_else && !needs_patient_partner && !needs_professional {
                        waiting_for.push("suggestion-needs-someone-else".to_string());
                    }
                }
                SuggestionRow {
                    changes: s.changes.clone(),
                    publish: s.row.publish_slug.clone().zip(s.row.publish_version.clone()),
                    id: s.row.id,
                    item_label: label(&s.row.item_id),
                    language: s.row.language.clone(),
                    current_text: s.current_text,
                    new_text: s.row.new_text.clone(),
                    rationale: s.row.rationale.clone(),
                    author: s.author,
                    status: s.row.status.clone(),
                    decision_reason: s.row.decision_reason.clone(),
                    votes: s
                        .votes
                        .into_iter()
                        .map(|(name, role, approve, reason)| VoteRow {
                            name,
                            role: role.key().to_string(),
                            approve,
                            reason,
                        })
                        .collect(),
                    waiting_for,
                    can_vote: s.can_vote,
                    comments: s.comments.into_iter().map(|(author, at, body)| (author, iso_minute(at), body)).collect(),
                }
            })
            .collect();
        Ok(StaffAnswer::Ready(DraftPage {
            viewer: viewer(&signed_in),
            project: view.project.public_id,
            project_title: view.project.title,
            draft: view.draft.public_id,
            title: q.title.get("fr").to_string(),
            revision: view.draft.revision,
            languages: q.languages.clone(),
            can_contribute: view.can_contribute,
            changes: view.base.map(|(slug, version, diff)| DraftChanges {
                base: format!("{slug} {version}"),
                items: diff
                    .items_changed
                    .iter()
                    .map(|c| DraftChange {
                        item_label: label(&c.item),
                        reworded: c.reworded.clone(),
                        comparable: c.keeps_meaning(),
                    })
                    .collect(),
                comparable: diff.comparable_items.len(),
                questions: q.answerable_items().count(),
            }),
            places: places(q),
            scales: q.scales.iter().map(|s| draft_scale(q, s)).collect(),
            unfinished: q
                .validate()
                .into_iter()
                .map(|p| {
                    let item = item_at(q, &p.path).unwrap_or_default();
                    let shown = if item.is_empty() { String::new() } else { label(&item) };
                    (p.code.key(), shown, item)
                })
                .collect(),
            publish_as: view.publish_as.clone(),
            questionnaire: q.clone(),
            jargon: super::jargon_terms(&view.project.jargon),
            items,
            suggestions,
        }))
    }
}

/// The dashboard's charts: days to publication and share who opened, per campaign
/// (only campaigns with a figure); each chart's numbers are also in the page's table.
fn loop_charts(rows: &[LoopRow], lang: app::i18n::Lang) -> Vec<String> {
    let days: Vec<(String, f64)> =
        rows.iter().filter_map(|r| r.measures.days_to_publication.map(|d| (r.title.clone(), d as f64))).collect();
    let opened: Vec<(String, f64)> =
        rows.iter().filter_map(|r| r.measures.opened_percent.map(|p| (r.title.clone(), f64::from(p)))).collect();
    let mut charts = Vec::new();
    for (title, x_label, bars) in [
        (lang.t("loop-chart-days"), lang.t("loop-chart-days-axis"), days),
        (lang.t("loop-chart-opened"), lang.t("loop-chart-opened-axis"), opened),
    ] {
        if bars.is_empty() {
            continue;
        }
        match analytics::bar_chart_svg(&title, &x_label, &lang.t("loop-chart-campaign"), &bars) {
            Ok(svg) => charts.push(svg),
            Err(err) => tracing::warn!(error = %err, "a loop chart could not be drawn"),
        }
    }
    charts
}

/// Where an item is, as the editor's place field says it.
fn place_of(q: &survey_defs::Questionnaire, id: &str) -> String {
    for s in &q.sections {
        if let Some(at) = s.items.iter().position(|i| i.id == id) {
            return match at.checked_sub(1) {
                Some(before) => format!("{}/{}", s.id, s.items[before].id),
                None => s.id.clone(),
            };
        }
    }
    String::new()
}

/// Every place a question can go: first in a section, or after each of its items.
fn places(q: &survey_defs::Questionnaire) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (n, s) in q.sections.iter().enumerate() {
        let name = match s.title.get("fr") {
            "" => format!("{}", n + 1),
            title => title.to_string(),
        };
        out.push((s.id.clone(), name.clone(), String::new()));
        for i in &s.items {
            out.push((format!("{}/{}", s.id, i.id), name.clone(), i.id.clone()));
        }
    }
    out
}

/// The item a problem's path points into (`sections[0].items[3]…`), if any.
fn item_at(q: &survey_defs::Questionnaire, path: &str) -> Option<String> {
    let rest = path.strip_prefix("sections[")?;
    let (section, rest) = rest.split_once(']')?;
    let rest = rest.strip_prefix(".items[")?;
    let (item, _) = rest.split_once(']')?;
    let section = q.sections.get(section.parse::<usize>().ok()?)?;
    Some(section.items.get(item.parse::<usize>().ok()?)?.id.clone())
}

fn draft_scale(q: &survey_defs::Questionnaire, s: &survey_defs::Scale) -> DraftScale {
    let languages = &q.languages;
    let bands = s
        .bands
        .iter()
        .map(|b| {
            let labels: Vec<&str> = languages.iter().map(|l| b.label.get_exact(l).unwrap_or_default()).collect();
            format!("{}-{} = {}", b.min, b.max, labels.join(" | "))
        })
        .collect::<Vec<_>>()
        .join("\n");
    DraftScale {
        id: s.id.clone(),
        titles: languages.iter().map(|l| (l.clone(), s.title.get_exact(l).unwrap_or_default().to_string())).collect(),
        items: s.items.clone(),
        reverse: s.reverse_items.clone(),
        method: serde_json::to_value(s.method).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        min_answered: s.min_answered,
        prorate: s.prorate,
        bands,
    }
}
