//! The respondent journey over HTTP, as a browser without JavaScript walks it: plain
//! form posts, redirects, cookies. Good paths and hostile ones.

use crate::harness::TestApp;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use server::entities::{audit_log, consent, response};

/// A browser: keeps cookies, does not follow redirects (so tests see each one).
pub(crate) fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

/// The `value` of the hidden input named `name` in a page.
pub(crate) fn hidden(html: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = html.find(&marker).unwrap_or_else(|| panic!("no {name} in {html}")) + marker.len();
    html[start..].split('"').next().unwrap_or_default().to_string()
}

pub(crate) fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
}

pub(crate) struct Respondent {
    pub(crate) client: reqwest::Client,
    base: String,
}

impl Respondent {
    pub(crate) fn new(app: &TestApp) -> Respondent {
        Respondent { client: browser(), base: app.address.clone() }
    }

    pub(crate) async fn get(&self, path: &str) -> (u16, String) {
        let response = self.client.get(format!("{}{path}", self.base)).send().await.expect("sent");
        (response.status().as_u16(), response.text().await.expect("body"))
    }

    pub(crate) async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.base)).form(fields).send().await.expect("sent")
    }

    /// Opens the campaign and agrees; returns the form token of the answer screens.
    pub(crate) async fn consent(&self, campaign: &str) -> String {
        let (status, html) = self.get(&format!("/r/{campaign}")).await;
        assert_eq!(status, 200, "{html}");
        let token = hidden(&html, "form_token");
        let response = self
            .post(
                &format!("/r/{campaign}/consent"),
                &[("form_token", &token), ("lang", "fr"), ("consent_version", "1"), ("consent", "yes")],
            )
            .await;
        assert_eq!(response.status(), 303);
        assert_eq!(location(&response), format!("/r/{campaign}/q/1?lang=fr"));
        let (_, html) = self.get(&format!("/r/{campaign}/q/1")).await;
        hidden(&html, "form_token")
    }
}

pub(crate) fn phq9_answers<'a>(values: [&'a str; 9], token: &'a str) -> Vec<(String, &'a str)> {
    let mut fields: Vec<(String, &str)> = vec![("form_token".to_string(), token), ("lang".to_string(), "fr")];
    for (i, value) in values.iter().enumerate() {
        fields.push((format!("phq9_{}", i + 1), value));
    }
    fields
}

pub(crate) async fn post_owned(who: &Respondent, path: &str, fields: &[(String, &str)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    who.post(path, &borrowed).await
}

async fn submitted(app: &TestApp) -> u64 {
    response::Entity::find().filter(response::Column::Status.eq("submitted")).count(&app.db).await.expect("count")
}

#[tokio::test]
async fn a_respondent_answers_phq9_without_javascript_and_withdraws() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let (_, welcome) = who.get("/r/demo-phq-9").await;
    assert!(welcome.contains("Aucun résultat n'est montré pour un groupe de moins de 5 personnes"));
    let token = who.consent("demo-phq-9").await;

    // First try: three answers missing. Rejected, nothing typed is lost.
    let mut partial = phq9_answers(["1", "0", "2", "", "", "", "0", "1", "0"], &token);
    partial.retain(|(_, v)| !v.is_empty());
    let rejected = post_owned(&who, "/r/demo-phq-9/q/1", &partial).await;
    assert_eq!(location(&rejected), "/r/demo-phq-9/q/1?lang=fr#error-summary");
    let (_, page) = who.get("/r/demo-phq-9/q/1").await;
    assert!(page.contains("<title>Erreur :"), "error title");
    assert!(page.contains(r#"id="error-summary""#));
    assert_eq!(page.matches("Répondez à cette question.").count(), 6, "3 in the summary, 3 next to the items");
    assert!(page.contains("Question 4 : Répondez à cette question."), "the summary names the question");
    assert!(page.contains(r#"aria-invalid="true""#));
    assert!(page.contains(r#"id="q-phq9_3-2" name="phq9_3" value="2" checked"#), "answers kept: {page}");

    // Complete, with a score above zero: the follow-up question comes next.
    let complete = phq9_answers(["1", "0", "2", "1", "0", "0", "0", "1", "0"], &token);
    let saved = post_owned(&who, "/r/demo-phq-9/q/1", &complete).await;
    assert_eq!(location(&saved), "/r/demo-phq-9/q/2?lang=fr");
    let (_, follow_up) = who.get("/r/demo-phq-9/q/2").await;
    assert!(follow_up.contains("phq9_10"));
    let saved = who.post("/r/demo-phq-9/q/2", &[("form_token", &token), ("lang", "fr"), ("phq9_10", "assez")]).await;
    assert_eq!(location(&saved), "/r/demo-phq-9/review?lang=fr");
    let (_, review) = who.get("/r/demo-phq-9/review").await;
    assert!(
        review.contains("Vérifiez vos réponses")
            && review.contains("Plusieurs jours")
            && review.contains("Assez difficile")
    );

    // Submitting twice (double tap, back button) stores one response.
    for _ in 0..2 {
        let sent = who.post("/r/demo-phq-9/submit", &[("form_token", &token), ("lang", "fr")]).await;
        assert_eq!(location(&sent), "/r/demo-phq-9/merci?lang=fr");
    }
    assert_eq!(submitted(&app).await, 1);
    let (_, receipt) = who.get("/r/demo-phq-9/merci").await;
    let link_start = receipt.find("/retour/").expect("return link");
    let secret: String =
        receipt[link_start + 8..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    assert_eq!(secret.len(), 43);
    assert!(receipt.contains(r#"role="img" aria-label="Code QR"#) && receipt.contains("<svg"), "QR code of the link");

    // The return link, opened later on another device: exchanged for a cookie.
    let later = Respondent::new(&app);
    let opened = later.client.get(format!("{}/retour/{secret}", app.address)).send().await.expect("sent");
    assert_eq!(location(&opened), "/mes-resultats");
    let (status, results) = later.get("/mes-resultats").await;
    assert_eq!(status, 200);
    assert!(results.contains("<strong>5</strong>"), "PHQ-9 total 1+0+2+1+0+0+0+1+0: {results}");
    assert!(results.contains("Légère") || results.contains("légère"), "band in words");
    assert!(!results.contains(&secret), "the secret is not repeated on the page");

    // Withdrawal needs the confirmation box, then deletes the answers.
    let token = hidden(&results, "form_token");
    let unconfirmed = later.post("/mes-resultats/retrait", &[("form_token", &token), ("lang", "fr")]).await;
    assert!(location(&unconfirmed).contains("confirm=missing"));
    assert_eq!(submitted(&app).await, 1);
    let withdrawn =
        later.post("/mes-resultats/retrait", &[("form_token", &token), ("lang", "fr"), ("confirm", "yes")]).await;
    assert_eq!(location(&withdrawn), "/mes-resultats/retire?lang=fr");
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 0);
    let consents = consent::Entity::find().all(&app.db).await.expect("consents");
    assert!(consents.iter().all(|c| c.withdrawn_at.is_some() && c.response_id.is_none()));
    let events =
        audit_log::Entity::find().filter(audit_log::Column::Action.eq("response.withdrawn")).count(&app.db).await;
    assert_eq!(events.expect("count"), 1);
    assert_eq!(server::audit::verify_chain(&app.db).await.expect("verify"), None);
    let (status, _) = later.get("/mes-resultats").await;
    assert_eq!(status, 404, "the link no longer opens anything");
}

#[tokio::test]
async fn all_zero_answers_skip_the_follow_up_question() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let token = who.consent("demo-phq-9").await;
    let saved = post_owned(&who, "/r/demo-phq-9/q/1", &phq9_answers(["0"; 9], &token)).await;
    assert_eq!(location(&saved), "/r/demo-phq-9/review?lang=fr");
    let hidden_screen = who.client.get(format!("{}/r/demo-phq-9/q/2", app.address)).send().await.expect("sent");
    assert_eq!(hidden_screen.status(), 302, "a hidden screen sends on");
}

#[tokio::test]
async fn refusing_consent_stores_nothing() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let (_, html) = who.get("/r/demo-sejour").await;
    let token = hidden(&html, "form_token");
    let response =
        who.post("/r/demo-sejour/consent", &[("form_token", &token), ("lang", "fr"), ("consent_version", "1")]).await;
    assert!(location(&response).contains("consent=missing"));
    let (_, page) = who.get("/r/demo-sejour?consent=missing").await;
    assert!(page.contains("<title>Erreur :") && page.contains(r#"id="error-summary""#));
    let (status, declined) = who.get("/r/demo-sejour/declined").await;
    assert_eq!(status, 200);
    assert!(declined.contains("Rien n'a été enregistré"));
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 0);
    assert_eq!(consent::Entity::find().count(&app.db).await.expect("count"), 0);
}

#[tokio::test]
async fn forged_or_cross_site_forms_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let (_, html) = who.get("/r/demo-phq-9").await;
    let token = hidden(&html, "form_token");
    let forged = who
        .post("/r/demo-phq-9/consent", &[("form_token", "forged"), ("consent_version", "1"), ("consent", "yes")])
        .await;
    assert_eq!(forged.status(), 403);
    assert!(forged.text().await.expect("body").contains("Ce formulaire a expiré"), "said in French");
    let cross_site = who
        .client
        .post(format!("{}/r/demo-phq-9/consent", app.address))
        .header("sec-fetch-site", "cross-site")
        .form(&[("form_token", token.as_str()), ("consent_version", "1"), ("consent", "yes")])
        .send()
        .await
        .expect("sent");
    assert_eq!(cross_site.status(), 403);
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 0);

    let answers_token = who.consent("demo-phq-9").await;
    let forged = post_owned(&who, "/r/demo-phq-9/q/1", &phq9_answers(["0"; 9], "not-the-token")).await;
    assert_eq!(forged.status(), 403);
    let stranger = Respondent::new(&app);
    let no_cookie = post_owned(&stranger, "/r/demo-phq-9/q/1", &phq9_answers(["0"; 9], &answers_token)).await;
    assert_eq!(location(&no_cookie), "/r/demo-phq-9?lang=fr", "no resume cookie: back to the start");
}

#[tokio::test]
async fn hostile_answers_get_clear_problems_and_keep_the_rest() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let token = who.consent("demo-phq-9").await;
    let mut fields = phq9_answers(["0", "9", "0", "0", "0", "0", "0", "0", "<script>alert(1)</script>"], &token);
    fields.push(("unknown_item".to_string(), "1"));
    let rejected = post_owned(&who, "/r/demo-phq-9/q/1", &fields).await;
    assert!(location(&rejected).ends_with("#error-summary"));
    let (_, page) = who.get("/r/demo-phq-9/q/1").await;
    // Two in the summary, two next to the items (the page also carries the message,
    // quoted, for the browser's own checks: not counted).
    assert_eq!(page.matches("Choisissez une des réponses proposées.<").count(), 4);
    assert!(!page.contains("<script>alert(1)</script>"), "never echoed raw");
    assert!(page.contains(r#"id="q-phq9_1-0" name="phq9_1" value="0" checked"#));
    let too_big = "x".repeat(server::routes::MAX_FORM_BYTES + 1);
    let huge = who.post("/r/demo-phq-9/q/1", &[("form_token", token.as_str()), ("phq9_1", too_big.as_str())]).await;
    assert_eq!(huge.status(), 413);
}

#[tokio::test]
async fn a_closed_campaign_takes_no_answers() {
    let app = TestApp::spawn().await;
    let backend = app.db.get_database_backend();
    app.db
        .execute_raw(Statement::from_string(
            backend,
            "UPDATE campaign SET status = 'closed' WHERE public_id = 'demo-sejour'",
        ))
        .await
        .expect("close");
    let who = Respondent::new(&app);
    let (status, html) = who.get("/r/demo-sejour").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ce questionnaire est fermé"));
    assert!(!html.contains("consent_version"), "no consent form");
    let api = app
        .client
        .post(app.url("/api/v1/campaigns/demo-sejour/responses"))
        .header("idempotency-key", "closed-campaign-key-0001")
        .json(&serde_json::json!({ "language": "fr", "consent_version": "1", "answers": {} }))
        .send()
        .await
        .expect("sent");
    assert!(api.status() == 409 || api.status() == 422, "{}", api.status());
}

#[tokio::test]
async fn unknown_campaigns_and_return_links_are_404_then_throttled() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    assert_eq!(who.get("/r/no-such-campaign").await.0, 404);
    for _ in 0..server::throttle::FailedLookups::LIMIT {
        let guess = who.client.get(format!("{}/retour/guessed-secret", app.address)).send().await.expect("sent");
        assert_eq!(location(&guess), "/mes-resultats");
    }
    let blocked = who.client.get(format!("{}/retour/another-guess", app.address)).send().await.expect("sent");
    assert_eq!(blocked.status(), 429);
}

#[tokio::test]
async fn a_browser_replaying_its_token_is_slowed_down_and_keeps_what_it_saved() {
    let app = TestApp::spawn().await;
    let who = Respondent::new(&app);
    let token = who.consent("demo-phq-9").await;
    let answers = phq9_answers(["1", "0", "2", "1", "0", "0", "0", "1", "0"], &token);
    let mut statuses = Vec::new();
    for _ in 0..61 {
        statuses.push(post_owned(&who, "/r/demo-phq-9/q/1", &answers).await.status().as_u16());
    }
    assert!(statuses[..60].iter().all(|s| *s == 303), "a person never sends 60 pages a minute: {statuses:?}");
    let refused = post_owned(&who, "/r/demo-phq-9/q/1", &answers).await;
    assert_eq!(refused.status(), 429);
    assert_eq!(refused.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("60"));
    assert!(refused.text().await.expect("body").contains("les réponses déjà enregistrées sont gardées"));
    // Another respondent is not affected, and what was saved is still there.
    let other = Respondent::new(&app);
    let other_token = other.consent("demo-phq-9").await;
    let saved = post_owned(&other, "/r/demo-phq-9/q/1", &phq9_answers(["0"; 9], &other_token)).await;
    assert_eq!(saved.status(), 303);
    let (_, page) = who.get("/r/demo-phq-9/q/1").await;
    assert!(page.contains(r#"id="q-phq9_3-2" name="phq9_3" value="2" checked"#));
}

async fn campaign_in(app: &TestApp, languages: &[&str]) -> Result<String, server::campaigns::CampaignError> {
    let new = server::campaigns::NewCampaign {
        institution: "demo".into(),
        questionnaire: "phq-9".into(),
        title: "Langues".into(),
        audience: "Tests".into(),
        invitations_only: false,
        min_cell_size: 5,
        closes_at: None,
        results_promised_at: server::clock::now_millis() + 86_400_000,
        languages: languages.iter().map(|l| l.to_string()).collect(),
    };
    server::campaigns::CampaignAdmin::new(app.db.clone()).create(new).await
}

#[tokio::test]
async fn respondent_pages_speak_only_the_campaigns_languages() {
    let app = TestApp::spawn().await;
    let french_only = campaign_in(&app, &["fr"]).await.expect("created");
    let both = campaign_in(&app, &["fr", "en"]).await.expect("created");

    // A French-only campaign stays French, whatever the link or the browser asks.
    let who = Respondent::new(&app);
    let (status, page) = who.get(&format!("/r/{french_only}?lang=en")).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"<html lang="fr""#), "{page}");
    assert!(!page.contains(r#"hreflang="en""#), "no English offered: {page}");
    let browser_en = who
        .client
        .get(app.url(&format!("/r/{french_only}")))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .expect("sent")
        .text()
        .await
        .expect("page");
    assert!(browser_en.contains(r#"<html lang="fr""#));
    // The consent is recorded in the language shown, even if the form says otherwise.
    let token = hidden(&page, "form_token");
    let started = who
        .post(
            &format!("/r/{french_only}/consent"),
            &[("form_token", &token), ("lang", "en"), ("consent_version", "1"), ("consent", "yes")],
        )
        .await;
    assert_eq!(started.status(), 303);
    let recorded = consent::Entity::find().all(&app.db).await.expect("consents");
    assert_eq!(recorded.iter().map(|c| c.language.as_str()).collect::<Vec<_>>(), ["fr"]);
    let (_, screen) = who.get(&format!("/r/{french_only}/q/1?lang=en")).await;
    assert!(screen.contains(r#"<html lang="fr""#) && screen.contains("Étape 1"), "{screen}");

    // A campaign in both offers both, and English when asked.
    let (_, english) = Respondent::new(&app).get(&format!("/r/{both}?lang=en")).await;
    assert!(english.contains(r#"<html lang="en""#) && english.contains(r#"hreflang="fr""#));

    // Staff pages keep every interface language.
    let (_, home) = app.get_text("/?lang=en").await;
    assert!(home.contains(r#"<html lang="en""#));

    // A campaign cannot offer a language its questionnaire or the interface lacks.
    let refused = campaign_in(&app, &["fr", "de"]).await;
    assert!(
        matches!(refused, Err(server::campaigns::CampaignError::UnsupportedLanguage(ref l)) if l == "de"),
        "{refused:?}"
    );
}
