//! Closing the loop: a campaign's findings and action plan, decided together, then
//! returned to the people who answered.

use crate::harness::TestApp;
use crate::projects::{location, page, person_id, post};
use crate::results::{return_page, submit};
use crate::staff_support::signed_in;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::entities::{action_event, audit_log};
use server::identity::Role;

#[tokio::test]
async fn findings_and_decided_actions_reach_respondents_once_published_together() {
    let app = TestApp::spawn().await;
    let secret = submit(&app, "plans-key-000001x", [0; 9]).await;
    // Another respondent leaves an address to hear what comes of it.
    let (respondent, token) = crate::mail::submitted_respondent(&app).await;
    let kept = [("form_token", token.as_str()), ("lang", "fr"), ("email", "marie@exemple.fr"), ("keep_address", "yes")];
    respondent.post("/r/demo-phq-9/lien-par-email", &kept).await;
    app.mails(1).await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let partner = signed_in(&app, "lea@demo.test", Role::PatientPartner, "demo").await;
    let watcher = signed_in(&app, "obs@demo.test", Role::PatientPartner, "demo").await;
    let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", "Humeur")]).await;
    let project =
        location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string();
    let path = format!("/equipe/projets/{project}");
    for (who, role) in [(&partner, "patient_partner"), (&watcher, "observer")] {
        post(&app, &pro, &format!("{path}/membres"), &[("person", &person_id(who).to_string()), ("role", role)]).await;
    }

    // Only a lead links a campaign; then the project page lists it.
    let refused = post(&app, &partner, &format!("{path}/campagnes"), &[("campaign", "demo-phq-9")]).await;
    assert_eq!(refused.status(), 403, "a patient-partner does not link campaigns");
    let linked = post(&app, &pro, &format!("{path}/campagnes"), &[("campaign", "demo-phq-9")]).await;
    assert!(location(&linked).contains("fait=campaign-linked"), "{}", location(&linked));
    let (_, html) = page(&app, &pro, &path).await;
    assert!(html.contains(&format!("/equipe/projets/{project}/campagnes/demo-phq-9")));
    let plan = format!("{path}/campagnes/demo-phq-9");

    // A finding cites the campaign's questions; a bad citation or an empty one is named.
    let bad = post(&app, &partner, &format!("{plan}/constats"), &[("statement", "x"), ("evidence", "item:nope")]).await;
    assert!(location(&bad).contains("erreur=plan-error-finding"));
    let empty =
        post(&app, &partner, &format!("{plan}/constats"), &[("statement", " "), ("evidence", "item:phq9_1")]).await;
    assert!(location(&empty).contains("erreur=plan-error-finding"));
    let added = post(
        &app,
        &partner,
        &format!("{plan}/constats"),
        &[
            ("statement", "Beaucoup disent avoir perdu l'envie de faire les choses."),
            ("evidence", "item:phq9_1"),
            ("evidence", "scale:phq9_total"),
        ],
    )
    .await;
    let to = location(&added);
    assert!(to.contains("fait=finding#finding-"), "{to}");
    let finding = to.rsplit("#finding-").next().unwrap_or_default().to_string();
    let (_, observed) = page(&app, &watcher, &plan).await;
    assert!(observed.contains("Beaucoup disent avoir perdu"), "observers read the plan");
    let by_observer =
        post(&app, &watcher, &format!("{plan}/constats/{finding}/actions"), &[("what", "x"), ("owner", "y")]).await;
    assert_eq!(by_observer.status(), 403, "observers do not propose");

    // Two actions: one adopted together, one rejected with its reason.
    let propose = |what: &'static str, due: &'static str| {
        let (app, partner, plan, finding) = (&app, &partner, plan.clone(), finding.clone());
        async move {
            let sent = post(
                app,
                partner,
                &format!("{plan}/constats/{finding}/actions"),
                &[("what", what), ("owner", "Cadre de santé"), ("due_on", due)],
            )
            .await;
            location(&sent)
        }
    };
    assert!(propose("Appeler chaque patient", "demain").await.contains("erreur=plan-error-due"));
    let call = propose("Un appel infirmier à J+2 après la sortie", "2027-03-31").await;
    let call = call.rsplit("#action-").next().unwrap_or_default().to_string();
    let leaflet = propose("Un dépliant de plus", "").await;
    let leaflet = leaflet.rsplit("#action-").next().unwrap_or_default().to_string();
    let own = post(&app, &partner, &format!("{plan}/actions/{call}/avis"), &[("verdict", "approve")]).await;
    assert!(location(&own).contains("erreur=suggestion-error-own"), "no approving one's own action alone");
    let by_hand = post(&app, &pro, &format!("{plan}/actions/{call}/etat"), &[("status", "adopted")]).await;
    assert!(location(&by_hand).contains("erreur=plan-error-together"), "{}", location(&by_hand));
    let adopted = post(&app, &pro, &format!("{plan}/actions/{call}/avis"), &[("verdict", "approve")]).await;
    assert!(location(&adopted).contains("fait=action-adopted"), "{}", location(&adopted));
    let no_reason = post(&app, &pro, &format!("{plan}/actions/{leaflet}/avis"), &[("verdict", "reject")]).await;
    assert!(location(&no_reason).contains("erreur=suggestion-error-reason"));
    let rejected = post(
        &app,
        &pro,
        &format!("{plan}/actions/{leaflet}/avis"),
        &[("verdict", "reject"), ("reason", "Les patients disent déjà en recevoir trop.")],
    )
    .await;
    assert!(location(&rejected).contains("fait=action-declined"));
    let started = post(&app, &partner, &format!("{plan}/actions/{call}/etat"), &[("status", "in_progress")]).await;
    assert!(location(&started).contains("fait=action-moved"));
    let abandon = post(&app, &partner, &format!("{plan}/actions/{call}/etat"), &[("status", "abandoned")]).await;
    assert!(location(&abandon).contains("erreur=suggestion-error-reason"), "abandoning needs a reason");
    let events = action_event::Entity::find()
        .filter(action_event::Column::ActionId.eq(call.parse::<i64>().unwrap_or_default()))
        .all(&app.db)
        .await
        .expect("events");
    let statuses: Vec<&str> = events.iter().map(|e| e.status.as_str()).collect();
    assert_eq!(statuses, ["proposed", "adopted", "in_progress"], "the history keeps every status");

    // Nothing reaches respondents before the plan is published together.
    let before = return_page(&app, &secret, "fr").await;
    assert!(!before.contains("Ce que nous avons constaté"), "not published yet");
    let proposed = post(&app, &partner, &format!("{plan}/publication"), &[]).await;
    assert!(location(&proposed).contains("fait=plan-proposed"));
    let twice = post(&app, &pro, &format!("{plan}/publication"), &[]).await;
    assert!(location(&twice).contains("erreur=suggestion-error-decided"), "one proposal waits at a time");
    let (_, html) = page(&app, &pro, &plan).await;
    let publication = html
        .split(&format!("{plan}/publication/"))
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_default()
        .to_string();
    let published =
        post(&app, &pro, &format!("{plan}/publication/{publication}/avis"), &[("verdict", "approve")]).await;
    assert!(location(&published).contains("fait=plan-adopted"), "{}", location(&published));
    let mails = app.mails(2).await;
    let told: Vec<_> = mails.iter().filter(|m| m.body.contains("a publié ce qu'elle a constaté")).collect();
    assert_eq!(told.len(), 1, "one message to the address left");
    assert_eq!(told[0].to, "marie@exemple.fr");
    assert!(!told[0].body.contains("Jamais") && !told[0].body.contains("/retour/"), "no answers, no link in it");

    // An action they can see is done: one more message.
    let done = post(&app, &partner, &format!("{plan}/actions/{call}/etat"), &[("status", "done")]).await;
    assert!(location(&done).contains("fait=action-moved"));
    let mails = app.mails(3).await;
    assert!(mails.iter().any(|m| m.body.contains("est maintenant réalisée : Un appel infirmier à J+2")));

    // The respondent's link now opens on what was found and decided, with the reason
    // for the rejection, and never who proposed or voted.
    let after = return_page(&app, &secret, "fr").await;
    assert!(after.contains("Ce que nous avons constaté, ce que nous avons décidé"));
    assert!(
        after.contains("Beaucoup disent avoir perdu l&#x27;envie de faire les choses.")
            || after.contains("Beaucoup disent avoir perdu l'envie")
    );
    assert!(after.contains("Un appel infirmier à J+2 après la sortie"));
    assert!(after.contains("Réalisée"));
    assert!(after.contains("Un dépliant de plus"));
    assert!(after.contains("Les patients disent déjà en recevoir trop."), "the rejection's reason is shown");
    assert!(!after.contains("Test pro@demo.test") && !after.contains("Test lea@demo.test"), "no names");
    assert!(
        after.contains(
            "Depuis votre réponse : une action adoptée, une réalisée, une proposition refusée (la raison est donnée)."
        ),
        "what changed since they answered"
    );
    let english = return_page(&app, &secret, "en").await;
    assert!(english.contains("What we found, what we decided") && english.contains("Done"));
    let (status, roadmap) = page(&app, &partner, &format!("{plan}/feuille-de-route")).await;
    assert_eq!(status, 200);
    assert!(roadmap.contains("Feuille de route") && roadmap.contains("Un appel infirmier à J+2 après la sortie"));
    assert!(roadmap.contains("Les patients disent déjà en recevoir trop."), "rejections keep their reason");

    // The loop measures count that view: one of the two respondents opened it.
    let (_, measured) = page(&app, &pro, &plan).await;
    assert!(
        measured.contains("50 % des répondants ont ouvert les résultats et les décisions publiés."),
        "the view is counted"
    );
    assert!(
        measured.contains("2 proposition(s) d&#x27;action tranchée(s) sur 2")
            || measured.contains("2 proposition(s) d'action tranchée(s) sur 2")
    );
    assert!(measured.contains("1 action(s) réalisée(s) à temps sur 1 arrivée(s) à échéance."));
    assert!(measured.contains("La campagne reçoit encore des réponses."), "the demo campaign is still open");

    // The institution's dashboard shows the same figures, in a table and charts.
    let (status, dashboard) = page(&app, &partner, "/equipe/boucle?lang=fr").await;
    assert_eq!(status, 200);
    assert!(dashboard.contains(&format!("/equipe/projets/{project}/campagnes/demo-phq-9")), "a link to the plan");
    assert!(dashboard.contains("<td>50 %</td>") && dashboard.contains("<td>2 / 2</td>"), "the figures in the table");
    assert!(dashboard.contains("Part des répondants ayant lu le retour") && dashboard.contains("<svg"), "and a chart");
    let (_, english) = page(&app, &partner, "/equipe/boucle?lang=en").await;
    assert!(english.contains("Share of respondents who read what came back"));

    let logged = audit_log::Entity::find()
        .filter(audit_log::Column::Action.starts_with("plan."))
        .all(&app.db)
        .await
        .expect("audit");
    for action in [
        "plan.finding_added",
        "plan.action_proposed",
        "plan.action_vote",
        "plan.action_status",
        "plan.publication_vote",
    ] {
        assert!(logged.iter().any(|e| e.action == action), "{action} is logged");
    }
}

#[tokio::test]
async fn a_campaign_of_another_project_or_institution_cannot_be_planned_here() {
    let app = TestApp::spawn().await;
    let pro = signed_in(&app, "pro@demo.test", Role::Professional, "demo").await;
    let mut projects = Vec::new();
    for title in ["Premier", "Second"] {
        let created = post(&app, &pro, "/equipe/projets", &[("institution", "demo"), ("title", title)]).await;
        projects.push(
            location(&created).trim_start_matches("/equipe/projets/").split('?').next().unwrap_or_default().to_string(),
        );
    }
    let first =
        post(&app, &pro, &format!("/equipe/projets/{}/campagnes", projects[0]), &[("campaign", "demo-phq-9")]).await;
    assert!(location(&first).contains("fait=campaign-linked"));
    let second =
        post(&app, &pro, &format!("/equipe/projets/{}/campagnes", projects[1]), &[("campaign", "demo-phq-9")]).await;
    assert!(location(&second).contains("erreur=plan-error-campaign"), "a campaign belongs to one project");
    let (status, _) = page(&app, &pro, &format!("/equipe/projets/{}/campagnes/demo-phq-9", projects[1])).await;
    assert_eq!(status, 404, "nor is it planned from another project");
    let unknown =
        post(&app, &pro, &format!("/equipe/projets/{}/campagnes", projects[1]), &[("campaign", "ailleurs")]).await;
    assert!(location(&unknown).contains("erreur=plan-error-campaign"));
}
