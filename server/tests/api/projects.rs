//! Improvement projects over HTTP: starting one, members with roles in the project
//! (apart from their institution roles), the need statement written together with a
//! conflict screen instead of a silent overwrite, and nothing for non-members.

use crate::harness::TestApp;
use crate::staff_support::{Person, signed_in};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{audit_log, need_revision};
use server::identity::Role;

pub(crate) fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

pub(crate) async fn page(app: &TestApp, who: &Person, path: &str) -> (u16, String) {
    let response = app.client.get(app.url(path)).header("cookie", &who.cookie).send().await.expect("sent");
    (response.status().as_u16(), response.text().await.expect("body"))
}

pub(crate) async fn post(app: &TestApp, who: &Person, path: &str, extra: &[(&str, &str)]) -> reqwest::Response {
    let mut form = vec![("csrf", who.csrf.clone()), ("lang", "fr".to_string())];
    form.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
    app.client
        .post(app.url(path))
        .header("cookie", &who.cookie)
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("sent")
}

pub(crate) fn person_id(person: &Person) -> i32 {
    match &person.caller {
        server::identity::Caller::Person { person_id, .. } => *person_id,
        _ => panic!("a person"),
    }
}

/// The value of the hidden input `name` in a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name}")) + marker.len();
    html[start..].split('"').next().unwrap_or_default().to_string()
}

/// A member's id in the form addresses of a project page.
fn member_id(html: &str, project: &str, name: &str) -> String {
    let marker = format!("/equipe/projets/{project}/membres/");
    html.match_indices(&marker)
        .map(|(at, _)| html[at + marker.len()..].split(['"', '/']).next().unwrap_or_default().to_string())
        .find(|id| {
            let card = html.find(&format!("{marker}{id}\"")).unwrap_or(0);
            html[card.saturating_sub(600)..card].contains(name)
        })
        .unwrap_or_else(|| panic!("no member {name}"))
}

#[tokio::test]
async fn professionals_and_patient_partners_write_the_need_together_and_outsiders_see_nothing() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    // In the institution an observer; in this project a patient-partner.
    let partner = signed_in(&app, "lea@demo.test", Role::Observer, "demo").await;
    let colleague = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;

    // Patient-partners cannot start projects; professionals can.
    let refused = post(&app, &partner, "/equipe/projets", &[("institution", "demo"), ("title", "X")]).await;
    assert_eq!(refused.status(), 403);
    let bad = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "  ")]).await;
    assert_eq!(location(&bad), "/equipe/projets?lang=fr&erreur=project-error-title");
    let created = post(
        &app,
        &pro,
        "/equipe/projets",
        &[
            ("institution", "demo"),
            ("title", "Sortie d'hospitalisation"),
            ("need", "Les patients sortent sans savoir <qui> appeler."),
        ],
    )
    .await;
    let to = location(&created);
    assert!(to.starts_with("/equipe/projets/") && to.ends_with("?lang=fr&fait=created"), "{to}");
    let project = to.trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    let (status, html) = page(&app, &pro, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Sortie d&#x27;hospitalisation") || html.contains("Sortie d'hospitalisation"));
    assert!(html.contains("sans savoir &lt;qui&gt; appeler"), "escaped: {html}");
    assert!(html.contains("professionnel de santé"), "the creator leads it");

    // Outsiders: a colleague of the institution who is not a member sees nothing.
    assert_eq!(page(&app, &colleague, &path).await.0, 404);
    assert!(!page(&app, &colleague, "/equipe/projets").await.1.contains(&project));
    assert_eq!(post(&app, &colleague, &format!("{path}/besoin"), &[("need", "x")]).await.status(), 404);

    // The professional adds Léa as a patient-partner of this project.
    let added = post(
        &app,
        &pro,
        &format!("{path}/membres"),
        &[("person", &person_id(&partner).to_string()), ("role", "patient_partner")],
    )
    .await;
    assert_eq!(location(&added), format!("{path}?lang=fr&fait=member-added#members"));
    let outsider = post(&app, &pro, &format!("{path}/membres"), &[("person", "99999"), ("role", "observer")]).await;
    assert!(location(&outsider).contains("erreur=project-error-person"));
    let (_, list) = page(&app, &partner, "/equipe/projets").await;
    assert!(list.contains(&project) && list.contains("patient partenaire"), "{list}");

    // Both open the page on the same revision; Léa saves first, then the professional.
    let (_, seen_by_partner) = page(&app, &partner, &path).await;
    let (_, seen_by_pro) = page(&app, &pro, &path).await;
    let base = hidden(&seen_by_partner, "based_on");
    assert_eq!(base, hidden(&seen_by_pro, "based_on"));
    let saved = post(
        &app,
        &partner,
        &format!("{path}/besoin"),
        &[("need", "Nous sortons sans savoir qui appeler la nuit."), ("based_on", &base)],
    )
    .await;
    assert_eq!(location(&saved), format!("{path}?lang=fr&fait=need#need"));
    let late = post(
        &app,
        &pro,
        &format!("{path}/besoin"),
        &[("need", "Les patients ne savent pas qui joindre après la sortie."), ("based_on", &base)],
    )
    .await;
    assert_eq!(location(&late), format!("{path}?lang=fr&fait=conflict#conflicts"));
    // Nothing was overwritten: Léa's text is current, the professional sees both.
    let (_, current) = page(&app, &partner, &path).await;
    assert!(current.contains("Nous sortons sans savoir qui appeler la nuit.") && !current.contains("id=\"conflicts\""));
    let (_, conflict) = page(&app, &pro, &path).await;
    assert!(conflict.contains("id=\"conflicts\""), "{conflict}");
    assert!(conflict.contains("Les patients ne savent pas qui joindre") && conflict.contains("qui appeler la nuit"));
    let revision = need_revision::Entity::find()
        .filter(need_revision::Column::ConflictWith.is_not_null())
        .one(&app.db)
        .await
        .expect("db")
        .expect("the conflicting revision is kept");
    let keep = post(&app, &pro, &format!("{path}/besoin/{}", revision.id), &[("keep", "yes")]).await;
    assert_eq!(location(&keep), format!("{path}?lang=fr&fait=kept#need"));
    let again = post(&app, &pro, &format!("{path}/besoin/{}", revision.id), &[("keep", "yes")]).await;
    assert!(location(&again).contains("erreur=project-error-conflict-settled"), "a form sent twice");
    let (_, settled) = page(&app, &partner, &path).await;
    assert!(
        settled.contains("Les patients ne savent pas qui joindre")
            && settled.contains("Voir les 2 versions précédentes")
    );

    // Léa's role in this project does not make her a lead; the last lead stays.
    assert_eq!(
        post(&app, &partner, &format!("{path}/membres"), &[("person", "1"), ("role", "observer")]).await.status(),
        403
    );
    let (_, html) = page(&app, &pro, &path).await;
    let lead = member_id(&html, &project, "pro@demo.test");
    let demoted = post(&app, &pro, &format!("{path}/membres/{lead}"), &[("role", "patient_partner")]).await;
    assert!(location(&demoted).contains("erreur=project-error-last-lead"), "{}", location(&demoted));
    let leaving = post(&app, &pro, &format!("{path}/membres/{lead}/retrait"), &[]).await;
    assert!(location(&leaving).contains("erreur=project-error-last-lead"));

    // As an observer of the project, Léa reads but writes nothing.
    let (_, html) = page(&app, &pro, &path).await;
    let lea = member_id(&html, &project, "lea@demo.test");
    post(&app, &pro, &format!("{path}/membres/{lea}"), &[("role", "observer")]).await;
    assert_eq!(page(&app, &partner, &path).await.0, 200);
    assert_eq!(post(&app, &partner, &format!("{path}/besoin"), &[("need", "x")]).await.status(), 403);
    let removed = post(&app, &pro, &format!("{path}/membres/{lea}/retrait"), &[]).await;
    assert_eq!(location(&removed), format!("{path}?lang=fr&fait=member-removed#members"));
    assert_eq!(page(&app, &partner, &path).await.0, 404, "no longer a member");

    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::Subject.eq(format!("project:{project}")))
        .all(&app.db)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in ["project.created", "project.member_added", "project.need_revised", "project.need_conflict"] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
    assert!(actions.iter().any(|a| a == "project.member_removed"));
    assert_eq!(server::audit::verify_chain(&app.db).await.expect("verify"), None);
}

#[tokio::test]
async fn a_patient_partners_rewording_changes_the_draft_once_a_professional_approves() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let partner = signed_in(&app, "lea@demo.test", Role::PatientPartner, "demo").await;
    let watcher = signed_in(&app, "obs@demo.test", Role::Observer, "demo").await;
    let colleague = signed_in(&app, "autre@demo.test", Role::Professional, "demo").await;
    let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "Dépistage")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    for (who, role) in [(&partner, "patient_partner"), (&watcher, "observer")] {
        let added =
            post(&app, &pro, &format!("{path}/membres"), &[("person", &person_id(who).to_string()), ("role", role)])
                .await;
        assert!(location(&added).contains("member-added"));
    }

    // A draft from PHQ-9; its page lists the questions.
    let unknown = post(&app, &partner, &format!("{path}/brouillons"), &[("source", "nope")]).await;
    assert!(location(&unknown).contains("erreur=draft-error-source"));
    let started = post(&app, &partner, &format!("{path}/brouillons"), &[("source", "phq-9")]).await;
    let to = location(&started);
    assert!(to.contains("/brouillons/") && to.ends_with("fait=draft-started"), "{to}");
    let draft_path = to.split('?').next().unwrap_or_default().to_string();
    let (status, draft_page) = page(&app, &watcher, &draft_path).await;
    assert_eq!(status, 200);
    assert!(
        draft_page.contains("phq9_1") && !draft_page.contains(r#"action="/equipe/projets/"#),
        "observers read only"
    );
    assert_eq!(page(&app, &colleague, &draft_path).await.0, 404, "non-members see nothing");

    // Léa proposes a plainer wording; it waits for a professional.
    let propose = |who: &'static str, item: &'static str, language: &'static str, text: &'static str| {
        let (app, draft_path) = (&app, draft_path.clone());
        let person = match who {
            "pro" => &pro,
            _ => &partner,
        };
        async move {
            post(
                app,
                person,
                &format!("{draft_path}/suggestions"),
                &[("item", item), ("language", language), ("text", text), ("rationale", "Plus simple à comprendre")],
            )
            .await
        }
    };
    assert!(location(&propose("lea", "nope", "fr", "x").await).contains("erreur=suggestion-error-item"));
    assert!(location(&propose("lea", "phq9_1", "de", "x").await).contains("erreur=suggestion-error-language"));
    let proposed = propose("lea", "phq9_1", "fr", "Avez-vous eu peu envie de faire les choses ?").await;
    let to = location(&proposed);
    assert!(to.contains("fait=proposed#suggestion-"), "{to}");
    let first = to.rsplit("#suggestion-").next().unwrap_or_default().to_string();
    let (_, html) = page(&app, &pro, &draft_path).await;
    assert!(
        html.contains("Il manque l&#x27;accord d&#x27;un professionnel")
            || html.contains("Il manque l'accord d'un professionnel"),
        "{html}"
    );
    let vote = |who: &Person, verdict: &'static str, reason: &'static str, id: String| {
        let (app, project, draft) =
            (&app, project.clone(), draft_path.rsplit('/').next().unwrap_or_default().to_string());
        let (cookie, csrf) = (who.cookie.clone(), who.csrf.clone());
        async move {
            app.client
                .post(app.url(&format!("/equipe/projets/{project}/suggestions/{id}")))
                .header("cookie", cookie)
                .header("sec-fetch-site", "same-origin")
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("lang", "fr"),
                    ("draft", draft.as_str()),
                    ("verdict", verdict),
                    ("reason", reason),
                ])
                .send()
                .await
                .expect("sent")
        }
    };
    // Members discuss it in its thread; observers read only.
    let draft_id = draft_path.rsplit('/').next().unwrap_or_default().to_string();
    let say = |who: &Person, body: &'static str| {
        let (app, path, draft_id) = (&app, format!("{path}/suggestions/{first}/commentaires"), draft_id.clone());
        let (cookie, csrf) = (who.cookie.clone(), who.csrf.clone());
        async move {
            app.client
                .post(app.url(&path))
                .header("cookie", cookie)
                .header("sec-fetch-site", "same-origin")
                .form(&[("csrf", csrf.as_str()), ("lang", "fr"), ("draft", draft_id.as_str()), ("body", body)])
                .send()
                .await
                .expect("sent")
        }
    };
    assert!(location(&say(&pro, "Et « plaisir » ? <b>important</b>").await).contains("fait=commented"));
    assert!(location(&say(&partner, " ").await).contains("erreur=suggestion-error-comment"));
    assert_eq!(say(&watcher, "Je lis").await.status(), 403);
    let (_, html) = page(&app, &watcher, &draft_path).await;
    assert!(html.contains("1 message") && html.contains("&lt;b&gt;important&lt;/b&gt;"), "escaped: {html}");
    assert!(location(&vote(&partner, "approve", "", first.clone()).await).contains("erreur=suggestion-error-own"));
    assert_eq!(vote(&watcher, "approve", "", first.clone()).await.status(), 403, "observers do not decide");
    assert_eq!(vote(&colleague, "approve", "", first.clone()).await.status(), 404);
    assert!(location(&vote(&pro, "reject", " ", first.clone()).await).contains("erreur=suggestion-error-reason"));
    let accepted = vote(&pro, "approve", "", first.clone()).await;
    assert!(location(&accepted).contains("fait=accepted"), "{}", location(&accepted));
    assert!(location(&vote(&pro, "approve", "", first.clone()).await).contains("erreur=suggestion-error-decided"));
    let (_, html) = page(&app, &watcher, &draft_path).await;
    assert!(html.contains("Avez-vous eu peu envie de faire les choses ?") && html.contains("1 suggestion acceptée."));
    // The draft says what changed since PHQ-9 as published, and what stays comparable.
    assert!(html.contains("Ce qui a changé depuis phq-9 1.0.0"), "{html}");
    // Everyone sees how readable each wording is.
    assert!(html.contains("Lisibilité :") && html.contains("phrase la plus longue"), "{html}");
    assert!(html.contains("Question 1 (phq9_1) :") && html.contains("reformulée (FR)."));
    assert!(html.contains("ne seront plus comparables") && html.contains("9 questions sur 10"), "{html}");

    // The professional's own proposal, rejected by Léa with a reason: visible, draft unchanged.
    let second = location(&propose("pro", "phq9_2", "fr", "Humeur dépressive").await);
    let second = second.rsplit("#suggestion-").next().unwrap_or_default().to_string();
    let rejected = vote(&partner, "reject", "Trop médical pour nous", second).await;
    assert!(location(&rejected).contains("fait=rejected"));
    let (_, html) = page(&app, &pro, &draft_path).await;
    assert!(
        html.contains("Trop médical pour nous") && html.contains("refusée") && html.contains("1 suggestion acceptée.")
    );

    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::Subject.eq(format!("project:{project}")))
        .all(&app.db)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "project.draft_started",
        "suggestion.proposed",
        "suggestion.voted",
        "suggestion.accepted",
        "suggestion.rejected",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} in {actions:?}");
    }
}

async fn vote(app: &TestApp, who: &Person, project: &str, draft: &str, suggestion: &str) -> String {
    let response = app
        .client
        .post(app.url(&format!("/equipe/projets/{project}/suggestions/{suggestion}")))
        .header("cookie", who.cookie.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&[("csrf", who.csrf.as_str()), ("lang", "fr"), ("draft", draft), ("verdict", "approve"), ("reason", "")])
        .send()
        .await
        .expect("sent");
    location(&response)
}

fn suggestion_of(to: &str) -> String {
    to.rsplit("#suggestion-").next().unwrap_or_default().to_string()
}

#[tokio::test]
async fn a_questionnaire_written_from_scratch_is_published_together_with_its_credits_and_changelog() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let partner = signed_in(&app, "lea@demo.test", Role::PatientPartner, "demo").await;
    let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "Sortie")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    post(
        &app,
        &pro,
        &format!("{path}/membres"),
        &[("person", &person_id(&partner).to_string()), ("role", "patient_partner")],
    )
    .await;
    // Léa agrees to be named; the professional does not say.
    assert!(
        location(&post(&app, &partner, &format!("{path}/mention"), &[("named", "yes")]).await).contains("fait=named")
    );

    // An empty draft: nothing to publish yet, and the page says why.
    let untitled = post(&app, &partner, &format!("{path}/brouillons"), &[("source", "empty"), ("title", " ")]).await;
    assert!(location(&untitled).contains("erreur=project-error-title"));
    let started =
        post(&app, &partner, &format!("{path}/brouillons"), &[("source", "empty"), ("title", "Ma sortie")]).await;
    let draft_path = location(&started).split('?').next().unwrap_or_default().to_string();
    let draft = draft_path.rsplit('/').next().unwrap_or_default().to_string();
    let (status, html) = page(&app, &pro, &draft_path).await;
    assert_eq!(status, 200);
    assert!(html.contains("aucune question"), "{html}");
    let early = post(
        &app,
        &partner,
        &format!("{draft_path}/publication"),
        &[("slug", "ma-sortie"), ("version", "1.0.0"), ("notes", "Trop tôt")],
    )
    .await;
    let early = location(&early);
    assert!(early.contains("erreur=publish-error-incomplete&probleme="), "{early}");
    let described = post(
        &app,
        &partner,
        &format!("{draft_path}/description"),
        &[
            ("title-fr", "Ma sortie"),
            ("title-en", "Leaving hospital"),
            ("introduction-fr", "Quelques questions sur votre sortie."),
            ("introduction-en", "A few questions about leaving hospital."),
            ("who-fr", "Le comité des usagers, pour améliorer les sorties."),
            ("who-en", "The users' committee, to improve discharges."),
            ("rationale", "Pour présenter le questionnaire"),
        ],
    )
    .await;
    let described = suggestion_of(&location(&described));
    assert!(vote(&app, &pro, &project, &draft, &described).await.contains("fait=accepted"));

    // A new question, written in both languages; bad inputs are named.
    let question = |kind: &'static str, options: &'static str| {
        vec![
            ("type", kind),
            ("text-fr", "Avez-vous reçu vos papiers de sortie ?"),
            ("text-en", "Did you get your discharge papers?"),
            ("options", options),
            ("place", "s1"),
            ("required", "on"),
            ("rationale", "C'est ce qui manque le plus souvent"),
        ]
    };
    let bad = post(&app, &partner, &format!("{draft_path}/questions"), &question("essay", "")).await;
    assert!(location(&bad).contains("erreur=change-error-type"));
    let no_options = post(&app, &partner, &format!("{draft_path}/questions"), &question("likert", "")).await;
    assert!(
        location(&no_options).contains("erreur=change-error-invalid&probleme=no_options"),
        "{}",
        location(&no_options)
    );
    let added = post(
        &app,
        &partner,
        &format!("{draft_path}/questions"),
        &question("likert", "0 = Non | No\n1 = En partie | Partly\n2 = Oui | Yes"),
    )
    .await;
    let added = suggestion_of(&location(&added));
    assert!(vote(&app, &pro, &project, &draft, &added).await.contains("fait=accepted"));
    let (_, html) = page(&app, &partner, &draft_path).await;
    assert!(html.contains("Did you get your discharge papers?") && html.contains("id=\"draft-item-q1\""), "{html}");

    // Publishing: not under someone else's identifier; then decided together.
    let taken = post(
        &app,
        &partner,
        &format!("{draft_path}/publication"),
        &[("slug", "phq-9"), ("version", "9.0.0"), ("notes", "x")],
    )
    .await;
    assert!(location(&taken).contains("erreur=publish-error-slug"));
    let proposed = post(
        &app,
        &partner,
        &format!("{draft_path}/publication"),
        &[("slug", "ma-sortie"), ("version", "1.0.0"), ("notes", "Prêt pour la campagne de printemps")],
    )
    .await;
    let publication = suggestion_of(&location(&proposed));
    assert!(
        app.client.get(app.url("/api/v1/questionnaires/ma-sortie/versions/1.0.0")).send().await.expect("sent").status()
            == 404
    );
    assert!(vote(&app, &pro, &project, &draft, &publication).await.contains("fait=accepted"));
    let api = app.client.get(app.url("/api/v1/questionnaires/ma-sortie/versions/1.0.0")).send().await.expect("sent");
    assert_eq!(api.status(), 200);
    let body = api.text().await.unwrap_or_default();
    // Léa agreed to be named: her display name is in the definition's provenance.
    assert!(body.contains(r#""co_authors":[{"name":"Test lea@demo.test","role":"patient_partner"}]"#), "{body}");

    // The public page credits the co-designers and lists what was decided.
    let public = app.client.get(app.url("/questionnaires/ma-sortie?lang=fr")).send().await.expect("sent");
    let public = public.text().await.unwrap_or_default();
    assert!(public.contains("Conçu avec un patient partenaire et un professionnel"), "{public}");
    assert!(public.contains("Nouvelle question q1"), "{public}");
    assert!(public.contains("Prêt pour la campagne de printemps"), "{public}");

    // A second version: the options are reworded; the history shows what changed.
    let (_, html) = page(&app, &partner, &draft_path).await;
    assert!(html.contains("value=\"1.1.0\""), "the next version is offered");
    let mut edit: Vec<(&str, &str)> = vec![
        ("text-fr", "Avez-vous reçu vos papiers de sortie ?"),
        ("text-en", "Did you get your discharge papers?"),
        ("option-0-code", "o1"),
        ("option-0-label-fr", "Non"),
        ("option-0-label-en", "No"),
        ("option-0-value", "0"),
        ("option-1-code", "o2"),
        ("option-1-label-fr", "En partie"),
        ("option-1-label-en", "Partly"),
        ("option-1-value", "1"),
        ("option-2-code", "o3"),
        ("option-2-label-fr", "Oui"),
        ("option-2-label-en", "Yes"),
        ("option-2-value", "2"),
        ("place", "s1"),
    ];
    let unchanged =
        post(&app, &partner, &format!("{draft_path}/questions/q1"), &[edit.clone(), vec![("rationale", "r")]].concat())
            .await;
    assert!(location(&unchanged).contains("erreur=change-error-nothing"), "{}", location(&unchanged));
    edit.push(("rationale", "« Non, aucun » est plus clair"));
    edit[3].1 = "Non, aucun document";
    let relabelled = post(&app, &partner, &format!("{draft_path}/questions/q1"), &edit).await;
    let relabelled = suggestion_of(&location(&relabelled));
    assert!(vote(&app, &pro, &project, &draft, &relabelled).await.contains("fait=accepted"));
    let second = post(
        &app,
        &pro,
        &format!("{draft_path}/publication"),
        &[("slug", "ma-sortie"), ("version", "1.1.0"), ("notes", "Réponses plus claires")],
    )
    .await;
    let second = suggestion_of(&location(&second));
    assert!(vote(&app, &partner, &project, &draft, &second).await.contains("fait=accepted"));
    let public = app.client.get(app.url("/questionnaires/ma-sortie?lang=fr")).send().await.expect("sent");
    let public = public.text().await.unwrap_or_default();
    assert!(public.contains("Version 1.1.0") && public.contains("Depuis ma-sortie 1.0.0"), "{public}");
    assert!(public.contains("Non, aucun document"), "{public}");
    let published = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("questionnaire.published"))
        .all(&app.db)
        .await
        .expect("audit");
    // The seed publishes the built-ins under the same action; these two came from the project.
    assert_eq!(published.iter().filter(|e| e.subject.starts_with("project:")).count(), 2);
}

#[tokio::test]
async fn the_projects_own_jargon_is_flagged_in_its_drafts_readability_checks() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let outsider = signed_in(&app, "autre@demo.test", Role::PatientPartner, "demo").await;
    let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "Ambulatoire")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    let started =
        post(&app, &pro, &format!("{path}/brouillons"), &[("source", "empty"), ("title", "Sortie HDJ")]).await;
    let draft_path = location(&started).split('?').next().unwrap_or_default().to_string();
    let added = post(
        &app,
        &pro,
        &format!("{draft_path}/questions"),
        &[
            ("type", "yes_no"),
            ("text-fr", "Votre sortie de l'HDJ était-elle claire ?"),
            ("text-en", "Was leaving the day unit clear?"),
            ("place", "s1"),
            ("rationale", "Première question"),
        ],
    )
    .await;
    assert!(location(&added).contains("fait=proposed"), "{}", location(&added));
    let (_, before) = page(&app, &pro, &draft_path).await;
    assert!(!before.contains("Jargon à éviter : HDJ"), "not flagged by default");

    // Bad lists are refused and named; an outsider cannot change it.
    let long = "x".repeat(61);
    let refused = post(&app, &pro, &format!("{path}/jargon"), &[("jargon", long.as_str())]).await;
    assert!(location(&refused).contains("erreur=jargon-error"), "{}", location(&refused));
    let outside = post(&app, &outsider, &format!("{path}/jargon"), &[("jargon", "HDJ")]).await;
    assert!(!location(&outside).contains("fait=jargon"));

    let saved = post(&app, &pro, &format!("{path}/jargon"), &[("jargon", "HDJ\n\nhdj\n  prise en charge ")]).await;
    assert!(location(&saved).contains("fait=jargon#jargon"), "{}", location(&saved));
    let (_, project_html) = page(&app, &pro, &path).await;
    assert!(project_html.contains(">HDJ\nprise en charge</textarea>"), "the list is shown back, cleaned");
    let (_, after) = page(&app, &pro, &draft_path).await;
    assert!(after.contains("Jargon à éviter : HDJ"), "the suggestion's readability names the project's word");
    let logged = server::entities::audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("project.jargon"))
        .all(&app.db)
        .await
        .expect("audit read");
    assert_eq!(logged.len(), 1, "one change, by the member");
    assert_eq!(logged[0].detail, "2 terms");
}

#[tokio::test]
async fn parts_conditions_and_a_new_language_are_proposed_and_decided_like_any_change() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let partner = signed_in(&app, "lea@demo.test", Role::PatientPartner, "demo").await;
    let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "Dépression")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    post(
        &app,
        &pro,
        &format!("{path}/membres"),
        &[("person", &person_id(&partner).to_string()), ("role", "patient_partner")],
    )
    .await;
    let started = post(&app, &partner, &format!("{path}/brouillons"), &[("source", "phq-9"), ("title", "")]).await;
    let draft_path = location(&started).split('?').next().unwrap_or_default().to_string();
    let draft = draft_path.rsplit('/').next().unwrap_or_default().to_string();
    let decide = |to: String| {
        let (app, pro, project, draft) = (&app, &pro, project.clone(), draft.clone());
        async move { vote(app, pro, &project, &draft, &suggestion_of(&to)).await }
    };

    // A new part after the first, with its heading in both languages.
    let (_, html) = page(&app, &partner, &draft_path).await;
    let first = hidden(&html, "section");
    let part = post(
        &app,
        &partner,
        &format!("{draft_path}/sections"),
        &[
            ("section", ""),
            ("title-fr", "Votre sommeil"),
            ("title-en", "Your sleep"),
            ("after", first.as_str()),
            ("rationale", "Le sommeil mérite sa partie"),
        ],
    )
    .await;
    assert!(decide(location(&part)).await.contains("fait=accepted"));

    // The second question shows only once the first is not "Jamais"; a wrong value is named.
    let condition = |value: &'static str| {
        vec![
            ("cond", "not_equals"),
            ("cond-item", "phq9_1"),
            ("cond-value", value),
            ("rationale", "Inutile si la première réponse est jamais"),
        ]
    };
    let wrong = post(&app, &partner, &format!("{draft_path}/questions/phq9_2"), &condition("Parfois")).await;
    assert!(location(&wrong).contains("erreur=change-error-condition-value"), "{}", location(&wrong));
    let (_, refused) = page(&app, &partner, &location(&wrong)).await;
    assert!(refused.contains("La valeur ne correspond pas à la question choisie"), "the message is shown");
    let set = post(&app, &partner, &format!("{draft_path}/questions/phq9_2"), &condition("jamais")).await;
    assert!(decide(location(&set)).await.contains("fait=accepted"));

    // Dutch, then the draft is unfinished until translated; a bad tag is named.
    let bad =
        post(&app, &partner, &format!("{draft_path}/langues"), &[("language", "néerlandais"), ("rationale", "x")])
            .await;
    assert!(location(&bad).contains("erreur=change-error-language"), "{}", location(&bad));
    let dutch =
        post(&app, &partner, &format!("{draft_path}/langues"), &[("language", "nl"), ("rationale", "Bruxelles")]).await;
    assert!(decide(location(&dutch)).await.contains("fait=accepted"));

    let (_, html) = page(&app, &pro, &draft_path).await;
    assert!(html.contains("Votre sommeil"), "the new part is listed");
    assert!(
        html.contains("affichée si la réponse à phq9_1 n"),
        "the condition in words: {}",
        html.split("affichée").nth(1).unwrap_or_default().chars().take(80).collect::<String>()
    );
    assert!(html.contains("name=\"text-nl\""), "the editors now have Dutch fields");
    assert!(html.contains("Le questionnaire est écrit en : FR, EN, NL."));
    assert!(html.contains("Avant de publier, il reste à compléter"), "translations are missing");
    assert!(html.contains(r##"<a href="#draft-item-phq9_1">1 (phq9_1)</a>"##), "each problem links to its question");
    // The empty part can go; the first part, holding questions, cannot.
    let full = post(
        &app,
        &partner,
        &format!("{draft_path}/sections"),
        &[("section", first.as_str()), ("remove", "on"), ("rationale", "x")],
    )
    .await;
    assert!(location(&full).contains("erreur=change-error-section-not-empty"), "{}", location(&full));
}

#[tokio::test]
async fn an_editor_form_is_checked_as_the_person_types_without_saving_anything() {
    let app = TestApp::spawn().await;
    let member = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let outsider = signed_in(&app, "autre@demo.test", Role::Professional, "demo").await;
    let created = post(&app, &member, "/equipe/projets", &[("institution", "demo"), ("title", "Sommeil")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    let started = post(&app, &member, &format!("{path}/brouillons"), &[("source", "phq-9"), ("title", "")]).await;
    let draft_path = location(&started).split('?').next().unwrap_or_default().to_string();
    // The check's answer: (status, ok, message).
    let check = |who: &Person, extra: Vec<(&'static str, &'static str)>| {
        let mut form = vec![("csrf", who.csrf.clone()), ("lang", "fr".to_string())];
        form.extend(extra.into_iter().map(|(k, v)| (k, v.to_string())));
        let request = app
            .client
            .post(app.url(&format!("{draft_path}/verification")))
            .header("cookie", who.cookie.clone())
            .header("sec-fetch-site", "same-origin")
            .form(&form);
        async move {
            let response = request.send().await.expect("sent");
            let status = response.status().as_u16();
            let cache = response.headers().get("cache-control").and_then(|v| v.to_str().ok()).map(str::to_string);
            let answer: serde_json::Value = response.json().await.unwrap_or_default();
            if status == 200 {
                assert_eq!(cache.as_deref(), Some("no-store"));
            }
            let message = answer["message"].as_str().unwrap_or_default().to_string();
            (status, answer["ok"].as_bool(), message)
        }
    };
    let (status, ok, said) = check(
        &member,
        vec![("form", "questions/phq9_2"), ("cond", "not_equals"), ("cond-item", "phq9_1"), ("cond-value", "Jamais")],
    )
    .await;
    assert_eq!((status, ok), (200, Some(true)));
    assert!(said.starts_with("Votre proposition : Question phq9_2 : affichée si la réponse à phq9_1"), "{said}");

    let (_, ok, said) = check(
        &member,
        vec![("form", "questions/phq9_2"), ("cond", "equals"), ("cond-item", "phq9_1"), ("cond-value", "Souvent")],
    )
    .await;
    assert_eq!(ok, Some(false));
    assert!(said.contains("La valeur ne correspond pas"), "{said}");
    // A condition on a later question would never be met: survey-defs' problem, named.
    let (_, ok, said) =
        check(&member, vec![("form", "questions/phq9_1"), ("cond", "answered"), ("cond-item", "phq9_3")]).await;
    assert_eq!(ok, Some(false), "a condition may only look back: {said}");
    let (_, ok, said) =
        check(&member, vec![("form", "questions"), ("type", "likert"), ("text-fr", "Dormez-vous ?"), ("place", "s1")])
            .await;
    assert_eq!(ok, Some(false));
    assert!(said.contains("Cette modification laisserait une erreur"), "{said}");
    let (_, ok, _) = check(&member, vec![("form", "langues"), ("language", "fr")]).await;
    assert_eq!(ok, Some(false));
    let (_, ok, said) = check(&member, vec![("form", "description")]).await;
    assert_eq!(ok, Some(false), "a title is needed: {said}");
    let (status, ..) = check(&member, vec![("form", "ailleurs")]).await;
    assert_eq!(status, 400, "an unknown form is a bad request");

    // Nothing was saved, and outsiders learn nothing.
    let (_, html) = page(&app, &member, &draft_path).await;
    assert!(html.contains("Aucune suggestion pour l"), "no suggestion was made");
    let (status, ok, _) = check(&outsider, vec![("form", "langues"), ("language", "nl")]).await;
    assert!(status != 200 && ok.is_none(), "{status}");
}
