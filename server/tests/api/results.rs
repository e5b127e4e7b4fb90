//! Results returned: the respondent's return page once others have answered, the
//! campaign's results page for staff, chart downloads, and disclosure control on both.

use crate::harness::TestApp;
use crate::staff_support::signed_in;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use server::identity::Role;

/// Submits PHQ-9 answers through the API; returns the private return link's secret.
pub(crate) async fn submit(app: &TestApp, key: &str, values: [u8; 9]) -> String {
    let answers: serde_json::Map<String, Value> =
        values.iter().enumerate().map(|(i, v)| (format!("phq9_{}", i + 1), json!(v.to_string()))).collect();
    let sent = app
        .client
        .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
        .header("idempotency-key", key)
        .json(&json!({ "language": "fr", "consent_version": "1", "answers": answers }))
        .send()
        .await
        .expect("sent");
    assert_eq!(sent.status(), 201);
    let receipt: Value = sent.json().await.expect("json");
    receipt["return_secret"].as_str().expect("secret").to_string()
}

/// The return page as the holder of `secret` sees it.
pub(crate) async fn return_page(app: &TestApp, secret: &str, lang: &str) -> String {
    let browser =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("c");
    let opened = browser.get(app.url(&format!("/retour/{secret}"))).send().await.expect("sent");
    assert_eq!(opened.status(), 303);
    let page = browser.get(app.url(&format!("/mes-resultats?lang={lang}"))).send().await.expect("sent");
    assert_eq!(page.status(), 200);
    page.text().await.expect("body")
}

async fn staff_get_bytes(app: &TestApp, cookie: &str, path: &str) -> (u16, String, Vec<u8>) {
    let response = app.client.get(app.url(path)).header("cookie", cookie).send().await.expect("sent");
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

async fn staff_get(app: &TestApp, cookie: &str, path: &str) -> (u16, String, String) {
    let response = app.client.get(app.url(path)).header("cookie", cookie).send().await.expect("sent");
    let status = response.status().as_u16();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, kind, response.text().await.expect("body"))
}

// Totals 0, 3, 9, 12 and 27: bands minimal, minimal, mild, moderate, severe.
const ANSWERS: [[u8; 9]; 5] = [
    [0, 0, 0, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 0, 0, 0, 0, 0, 0],
    [1, 1, 1, 1, 1, 1, 1, 1, 1],
    [2, 2, 2, 2, 1, 1, 1, 1, 0],
    [3, 3, 3, 3, 3, 3, 3, 3, 3],
];

#[tokio::test]
async fn a_respondent_sees_everyones_results_only_once_k_people_have_answered() {
    let app = TestApp::spawn().await;
    let mut secrets = Vec::new();
    for (i, values) in ANSWERS.iter().take(4).enumerate() {
        secrets.push(submit(&app, &format!("results-key-{i:06}"), *values).await);
    }
    let page = return_page(&app, &secrets[2], "fr").await;
    assert!(page.contains("<strong>9</strong>"), "own score shown at once");
    assert!(page.contains("Moins de 5 personnes ont répondu pour l'instant."), "{page}");
    assert!(page.contains("dès que 5 personnes auront répondu"));
    assert!(!page.contains("même groupe que vous") && !page.contains("<svg"), "nothing of others below k");

    secrets.push(submit(&app, "results-key-000004", ANSWERS[4]).await);
    let page = return_page(&app, &secrets[2], "fr").await;
    assert!(page.contains("5 personnes ont répondu pour l'instant."), "{page}");
    assert!(page.contains("se mettent à jour à chaque nouvelle réponse"));
    // Mean of 0, 3, 9, 12, 27 = 10.2; the bands hold 2, 1, 1, 0, 1 responses: all but
    // the empty one are below k and withheld.
    assert!(page.contains("Moyenne 10,2"), "{page}");
    assert!(page.contains("moins de 5"), "small bands withheld");
    assert!(page.contains("role=\"img\""), "a chart with a text alternative");
    assert!(page.contains("Voir les réponses de tous, question par question"));
    assert!(!page.contains(">40\u{202f}%<"), "the minimal band (2 of 5) is below k and never shown");

    let english = return_page(&app, &secrets[0], "en").await;
    assert!(english.contains("5 people have answered so far.") && english.contains("Mean 10.2"), "{english}");

    // Five more at 27: of the ten, 2 score below 9 (withheld: fewer than 5), 1 equal,
    // 7 above (70 %). Only the share resting on at least k people is told.
    for i in 5..10 {
        submit(&app, &format!("results-key-{i:06}"), [3; 9]).await;
    }
    let page = return_page(&app, &secrets[2], "fr").await;
    assert!(page.contains("70\u{202f}% des personnes ont un score plus haut que le vôtre."), "{page}");
    assert!(!page.contains("plus bas que le vôtre"), "the 2 below are fewer than k");
    assert!(page.contains("Vous : 9"), "the respondent's place is marked on the histogram");
}

#[tokio::test]
async fn the_results_page_reports_figures_and_charts_to_those_allowed() {
    let app = TestApp::spawn().await;
    for (i, values) in ANSWERS.iter().enumerate() {
        submit(&app, &format!("staff-results-{i:06}"), *values).await;
    }
    let quality = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;
    let (status, _, page) = staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/resultats").await;
    assert_eq!(status, 200);
    assert!(page.contains("5 personnes ont répondu pour l'instant."), "{page}");
    assert!(page.contains("Moyenne 10,2"), "PHQ-9 mean");
    assert!(page.contains("Comment le questionnaire a fonctionné") && page.contains("Alpha de Cronbach"));
    assert!(page.contains("/equipe/campagnes/demo-phq-9/reponses.csv"), "downloads offered");
    assert!(page.contains("Réponses au fil du temps"));

    let (status, kind, svg) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/graphiques/over-time.svg?lang=en").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("image/svg+xml"));
    assert!(svg.starts_with("<?xml") && svg.contains("<title>Responses over time</title>"), "{svg}");
    let (status, _, _) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/graphiques/no-such-chart.svg").await;
    assert_eq!(status, 404);

    let partner = signed_in(&app, "partenaire@demo.test", Role::PatientPartner, "demo").await;
    let (status, _, page) = staff_get(&app, &partner.cookie, "/equipe/campagnes/demo-phq-9/resultats").await;
    assert_eq!(status, 200);
    assert!(!page.contains("reponses.csv") && page.contains("réservées aux professionnels"), "no row-level data");

    let (status, _, _) = staff_get(&app, "", "/equipe/campagnes/demo-phq-9/graphiques/over-time.svg").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn breakdowns_by_an_item_never_show_a_group_below_k() {
    let app = TestApp::spawn().await;
    // Item 1 splits respondents 6 (answered 0) and 2 (answered 3).
    for i in 0..8u8 {
        let first = if i < 6 { 0 } else { 3 };
        submit(&app, &format!("breakdown-key-{i:06}"), [first, 1, 1, 1, 1, 1, 1, 1, 1]).await;
    }
    let quality = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;
    let (status, _, page) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/resultats?par=phq9_1&lang=en").await;
    assert_eq!(status, 200);
    assert!(page.contains("Group sizes"), "{page}");
    let sizes = &page[page.find("Group sizes").expect("sizes")..];
    let sizes = &sizes[..sizes.find("</table>").expect("table end")];
    assert!(!sizes.contains(">2<"), "the group of 2 is withheld: {sizes}");
    assert!(sizes.contains("fewer than"), "{sizes}");
    // A grouping that is not a choice item is ignored, not an error.
    let (status, _, _) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/resultats?par=..%2F..&lang=en").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_withdrawn_response_leaves_the_figures_at_once() {
    let app = TestApp::spawn().await;
    let mut secrets = Vec::new();
    for (i, values) in ANSWERS.iter().enumerate() {
        secrets.push(submit(&app, &format!("withdraw-key-{i:06}"), *values).await);
    }
    let page = return_page(&app, &secrets[0], "en").await;
    assert!(page.contains("5 people have answered so far."));
    // The last respondent withdraws through their own return page.
    let browser =
        reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("c");
    browser.get(app.url(&format!("/retour/{}", secrets[4]))).send().await.expect("sent");
    let own = browser.get(app.url("/mes-resultats")).send().await.expect("sent").text().await.expect("body");
    let marker = r#"name="form_token" value=""#;
    let start = own.find(marker).expect("form token") + marker.len();
    let token: String = own[start..].chars().take_while(|c| *c != '"').collect();
    let withdrawn = browser
        .post(app.url("/mes-resultats/retrait"))
        .form(&[("form_token", token.as_str()), ("lang", "en"), ("confirm", "yes")])
        .send()
        .await
        .expect("sent");
    assert_eq!(withdrawn.status(), 303);
    let page = return_page(&app, &secrets[0], "en").await;
    assert!(page.contains("Fewer than 5 people have answered so far."), "{page}");
}

#[tokio::test]
async fn the_quality_team_downloads_de_identified_answers_and_the_download_is_logged() {
    let app = TestApp::spawn().await;
    for (i, values) in ANSWERS.iter().enumerate() {
        submit(&app, &format!("export-key-{i:06}"), *values).await;
    }
    let quality = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;
    let response = app
        .client
        .get(app.url("/equipe/campagnes/demo-phq-9/reponses.csv"))
        .header("cookie", &quality.cookie)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert!(response.headers()["content-disposition"].to_str().expect("ascii").contains("reponses-demo-phq-9.csv"));
    let csv = response.text().await.expect("body");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 6, "a header and five responses: {csv}");
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(&header[..4], ["row", "campaign", "period", "language"]);
    assert!(header.contains(&"phq9_1") && header.contains(&"phq9_total"), "items and the score: {header:?}");
    let score_column = header.iter().position(|c| *c == "phq9_total").expect("score column");
    let mut scores: Vec<f64> =
        lines[1..].iter().map(|l| l.split(',').nth(score_column).expect("cell").parse().expect("number")).collect();
    scores.sort_by(f64::total_cmp);
    assert_eq!(scores, [0.0, 3.0, 9.0, 12.0, 27.0]);
    assert!(lines[1..].iter().all(|l| l.contains(",fr,") && l.contains("-W")), "week only, never a timestamp");

    let entries = server::entities::audit_log::Entity::find()
        .filter(server::entities::audit_log::Column::Action.eq("answers.exported"))
        .all(&app.db)
        .await
        .expect("audit");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].subject, "campaign:demo-phq-9");

    let (status, kind, parquet) =
        staff_get_bytes(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/reponses.parquet").await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/vnd.apache.parquet");
    assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"), "a Parquet file");
    let entries = server::entities::audit_log::Entity::find()
        .filter(server::entities::audit_log::Column::Action.eq("answers.exported"))
        .all(&app.db)
        .await
        .expect("audit");
    assert_eq!(entries.len(), 2, "each download is logged");

    let (status, kind, codebook) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/dictionnaire.csv?lang=en").await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/csv"));
    assert!(codebook.contains("phq9_1") && codebook.contains("Not at all"), "{codebook}");

    // Patient-partners read figures, never rows; nobody signed out gets anything.
    let partner = signed_in(&app, "partenaire@demo.test", Role::PatientPartner, "demo").await;
    let (status, _, _) = staff_get(&app, &partner.cookie, "/equipe/campagnes/demo-phq-9/reponses.csv").await;
    assert_eq!(status, 403);
    let (status, _, _) = staff_get(&app, "", "/equipe/campagnes/demo-phq-9/reponses.csv").await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn campaigns_on_the_same_questionnaire_compare_side_by_side() {
    let app = TestApp::spawn().await;
    let create = server::config::CampaignAction::Create {
        questionnaire: "phq-9".into(),
        title: "Consultation du soir".into(),
        audience: "Patients du soir".into(),
        institution: "demo".into(),
        invitations_only: false,
        min_cell_size: 5,
        closes_on: None,
        results_on: "2030-01-31".into(),
        languages: vec!["fr".into()],
    };
    let evening = server::admin::run(app.db.clone(), create).await.expect("campaign created");
    let evening = evening.trim().to_string();
    for i in 0..6u8 {
        submit(&app, &format!("compare-day-{i:06}"), [i % 4; 9]).await;
    }
    for i in 0..5u8 {
        let answers: serde_json::Map<String, Value> =
            (1..=9).map(|n| (format!("phq9_{n}"), json!(((i + n) % 4).to_string()))).collect();
        let sent = app
            .client
            .post(app.url(&format!("/api/v1/campaigns/{evening}/responses")))
            .header("idempotency-key", format!("compare-evening-{i:06}"))
            .json(&json!({ "language": "fr", "consent_version": "1", "answers": answers }))
            .send()
            .await
            .expect("sent");
        assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap_or_default());
    }
    let quality = signed_in(&app, "qualite@demo.test", Role::QualityTeam, "demo").await;
    let (status, _, page) =
        staff_get(&app, &quality.cookie, "/equipe/campagnes/demo-phq-9/resultats?par=campagne&lang=en").await;
    assert_eq!(status, 200);
    assert!(page.contains("Campaign (compare this questionnaire"), "the choice is offered");
    let sizes = &page[page.find("Group sizes").expect("group sizes")..];
    let sizes = &sizes[..sizes.find("</table>").expect("table end")];
    assert!(sizes.contains("Consultation du soir") && sizes.contains(">6<") && sizes.contains(">5<"), "{sizes}");
    // This campaign's own figures are unchanged by the comparison.
    assert!(page.contains("6 people have answered so far."));
}
