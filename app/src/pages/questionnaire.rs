use crate::catalog::{VersionHistory, get_history, get_questionnaire};
use crate::i18n::Lang;
use crate::islands::EasyReadScope;
use crate::questionnaire_view::{QuestionnaireForm, ScoringSummary, text_in};
use crate::shell::PageTitle;
use crate::shell::{href, use_page};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use survey_defs::{AuthorRole, Questionnaire};

/// A questionnaire shown exactly as a respondent will see it, read-only, followed by
/// how it is scored and who wrote it.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let page = use_page();
    let lang = page.lang;
    let params = use_params_map();
    let questionnaire = Resource::new(
        move || {
            let p = params.get();
            (p.get("id").unwrap_or_default(), p.get("version"))
        },
        |(id, version)| get_questionnaire(id, version),
    );
    view! {
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match questionnaire.await {
                    Ok(Some(q)) => view! { <QuestionnaireDetails questionnaire=q easy_read=page.easy_read lang/> }.into_any(),
                    Ok(None) => view! { <super::NotFoundPage/> }.into_any(),
                    Err(_) => {
                        super::set_status(503);
                        view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn QuestionnaireDetails(questionnaire: Questionnaire, easy_read: bool, lang: Lang) -> impl IntoView {
    let q = questionnaire;
    let title = text_in(&q.title, lang);
    let has_easy_read = q.items().any(|item| item.easy_read.is_some());
    let available = q.languages.iter().any(|l| l == lang.tag());
    let minutes = q.estimated_minutes.map(|m| lang.t_args("questionnaire-duration", &[("minutes", m.into())]));
    let form = view! { <QuestionnaireForm questionnaire=q.clone() lang/> };
    let form = if has_easy_read {
        view! {
            <EasyReadScope initially_on=easy_read lang=lang.tag().to_string() label=lang.t("easy-read-toggle")>
                {form}
            </EasyReadScope>
        }
        .into_any()
    } else {
        form.into_any()
    };
    view! {
        <PageTitle text=format!("{} · Boucle", title.text)/>
        <article class="questionnaire">
            <p class="eyebrow">
                <span class="badge">{super::kind_label(&q.kind, lang)}</span>
                " " {lang.t("version")} " " {q.version.clone()}
            </p>
            <h1 lang=title.lang>{title.text.clone()}</h1>
            {(!available).then(|| view! { <p class="notice">{lang.t("questionnaire-not-translated")}</p> })}
            <p class="notice">{lang.t("questionnaire-preview-notice")}</p>
            <IntroBlock heading=lang.t("questionnaire-who-asks") text=text_in(&q.who_asks_and_why, lang).text/>
            <IntroBlock heading=lang.t("questionnaire-introduction") text=text_in(&q.introduction, lang).text/>
            {minutes.map(|m| view! { <p>{m}</p> })}
            {form}
            <ScoringSummary questionnaire=q.clone() lang/>
            <History id=q.id.clone() lang/>
            <Provenance questionnaire=q lang/>
        </article>
        <p><a href=href("/", lang)>{lang.t("back-to-library")}</a></p>
    }
}

#[component]
fn IntroBlock(heading: String, text: String) -> impl IntoView {
    (!text.is_empty()).then(|| {
        view! {
            <section class="intro-block">
                <h2>{heading}</h2>
                {text.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
            </section>
        }
    })
}

#[component]
fn Provenance(questionnaire: Questionnaire, lang: Lang) -> impl IntoView {
    let q = questionnaire;
    let role = move |role: &AuthorRole| match role {
        AuthorRole::PatientPartner => lang.t("role-patient-partner"),
        AuthorRole::Professional => lang.t("role-professional"),
        AuthorRole::QualityTeam => lang.t("role-quality-team"),
    };
    let authors = q
        .provenance
        .co_authors
        .iter()
        .map(|a| view! { <li>{a.name.clone()} " (" {role(&a.role)} ")"</li> })
        .collect_view();
    let notes = q.provenance.notes.as_ref().map(|n| text_in(n, lang));
    view! {
        <section class="provenance" aria-labelledby="provenance-heading">
            <h2 id="provenance-heading">{lang.t("provenance-title")}</h2>
            {(!q.provenance.co_authors.is_empty()).then(|| view! {
                <h3>{lang.t("provenance-co-authors")}</h3>
                <ul>{authors}</ul>
            })}
            {notes.map(|n| view! { <p lang=n.lang>{n.text}</p> })}
            <h3>{lang.t("provenance-licence")}</h3>
            <p>{q.licence.name.clone()}</p>
            {q.licence.source.clone().map(|s| view! { <p>{s}</p> })}
            {q.licence.wording_locked.then(|| view! { <p>{lang.t("provenance-wording-locked")}</p> })}
            <p class="hash">{lang.t("provenance-content-hash")} " " <code>{q.content_hash()}</code></p>
        </section>
    }
}

/// Every published version, newest first: who co-designed it, why it was published, the
/// changes decided together, and what changed since the version before.
#[component]
fn History(id: String, lang: Lang) -> impl IntoView {
    let versions = Resource::new(move || id.clone(), get_history);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let versions = versions.await.unwrap_or_default();
                (!versions.is_empty()).then(|| view! {
                    <section class="history" id="history" aria-labelledby="history-heading">
                        <h2 id="history-heading">{lang.t("history-title")}</h2>
                        {versions.into_iter().map(|v| version_view(v, lang)).collect_view()}
                    </section>
                })
            })}
        </Suspense>
    }
}

fn role_name(key: &str, lang: Lang) -> String {
    lang.t(&format!("project-role-{}", key.replace('_', "-")))
}

fn version_view(v: VersionHistory, lang: Lang) -> impl IntoView + use<> {
    let credit = v.credits.as_ref().map(|c| {
        let text = lang.t_args(
            "history-credit",
            &[
                ("partners", c.patient_partners.into()),
                ("professionals", (c.professionals + c.quality_team).into()),
                ("project", c.project.clone().into()),
            ],
        );
        let names = (!c.named.is_empty()).then(|| {
            let names: Vec<String> = c.named.iter().map(|(n, r)| format!("{n} ({})", role_name(r, lang))).collect();
            lang.t_args("history-names", &[("names", names.join(", ").into())])
        });
        view! { <p class="credit">{text} " " {names}</p> }
    });
    let diff = match &v.previous {
        Some((previous, d)) => lang.t_args(
            "history-diff",
            &[
                ("previous", previous.clone().into()),
                ("added", d.items_added.len().into()),
                ("removed", d.items_removed.len().into()),
                ("changed", d.items_changed.len().into()),
                ("comparable", d.comparable_items.len().into()),
            ],
        ),
        None => lang.t("history-first"),
    };
    let changelog = v
        .changelog
        .iter()
        .map(|entry| {
            let approvers: Vec<String> = entry.approved_by.iter().map(|r| role_name(r, lang)).collect();
            view! {
                <li>
                    <ul>{entry.changes.iter().map(|c| view! { <li>{crate::projects::change_text(c, lang)}</li> }).collect_view()}</ul>
                    <p>{lang.t_args("history-rationale", &[("text", entry.rationale.clone().into())])}</p>
                    <p class="card-meta">{lang.t_args("history-change-by", &[
                        ("by", role_name(&entry.proposed_by, lang).into()),
                        ("approvers", approvers.join(", ").into()),
                        ("when", entry.decided_at.clone().into()),
                    ])}</p>
                </li>
            }
        })
        .collect_view();
    let has_changelog = !v.changelog.is_empty();
    view! {
        <article class="card version" id=format!("version-{}", v.version)>
            <h3>{lang.t_args("history-version", &[("version", v.version.clone().into()), ("when", v.published_at.clone().into())])}</h3>
            {credit}
            {(!v.notes.is_empty()).then(|| view! { <p><strong>{lang.t("history-notes")}</strong> " " {v.notes.clone()}</p> })}
            <p>{diff}</p>
            {has_changelog.then(|| view! { <h4>{lang.t("history-changelog")}</h4><ol>{changelog}</ol> })}
        </article>
    }
}
