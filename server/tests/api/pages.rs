//! Server-rendered pages: what a browser without JavaScript receives.

use crate::harness::TestApp;

#[tokio::test]
async fn home_lists_the_library_in_french_by_default() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="fr""#), "{html}");
    assert!(html.contains("Bibliothèque de questionnaires"));
    assert!(html.contains(r#"href="/questionnaires/phq-9?lang=fr""#));
    assert!(html.contains(r#"href="/questionnaires/gad-7?lang=fr""#));
    assert!(html.contains(r#"href="/questionnaires/prem-sejour?lang=fr""#));
}

#[tokio::test]
async fn language_comes_from_the_link_then_the_browser() {
    let app = TestApp::spawn().await;
    let (_, html) = app.get_text("/?lang=en").await;
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Questionnaire library"));
    let response = app.client.get(app.url("/")).header("accept-language", "en-GB,en;q=0.9").send().await.expect("sent");
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"<html lang="en""#));
    let (_, html) = app.get_text("/?lang=xx").await;
    assert!(html.contains(r#"<html lang="fr""#));
}

#[tokio::test]
async fn a_questionnaire_renders_as_respondents_see_it() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/questionnaires/phq-9").await;
    assert_eq!(status, 200);
    // Every choice group is a fieldset with a legend; each radio has a label.
    let fieldsets = html.matches("<fieldset").count();
    assert_eq!(fieldsets, 10, "one fieldset per PHQ-9 question");
    assert_eq!(html.matches("<legend").count(), 10);
    assert!(html.contains(r#"type="radio""#));
    assert!(html.contains("Jamais"));
    // Scoring bands and provenance are shown.
    assert!(html.contains("<table class=\"bands\""));
    let phq9 = survey_defs::builtin_library().into_iter().find(|q| q.id == "phq-9").expect("phq-9");
    assert!(html.contains(&phq9.content_hash()));
    let (_, english) = app.get_text("/questionnaires/phq-9?lang=en").await;
    assert!(english.contains("Not at all"));
    assert!(english.contains("Several days"));
}

#[tokio::test]
async fn unknown_pages_are_404_with_a_way_back() {
    let app = TestApp::spawn().await;
    let (status, html) = app.get_text("/questionnaires/does-not-exist").await;
    assert_eq!(status, 404);
    assert!(html.contains("Page introuvable"));
    let (status, _) = app.get_text("/no/such/page").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn pages_carry_security_headers_and_a_nonce_on_their_only_script() {
    let app = TestApp::spawn().await;
    let response = app.get("/").await;
    let headers = response.headers().clone();
    let csp = headers.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(csp.contains("default-src 'self'"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(headers.get("x-content-type-options").map(|v| v.as_bytes()), Some(&b"nosniff"[..]));
    assert_eq!(headers.get("referrer-policy").map(|v| v.as_bytes()), Some(&b"no-referrer"[..]));
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("nonce in CSP").to_string();
    let html = response.text().await.expect("body");
    let scripts = html.matches("<script").count();
    let with_nonce = html.matches(&format!("nonce=\"{nonce}\"")).count();
    assert!(scripts >= 1);
    assert!(with_nonce >= scripts, "every inline script carries the nonce: {html}");
    // A new nonce for every response.
    let again = app.get("/").await;
    let csp2 =
        again.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_ne!(csp, csp2);
}

#[tokio::test]
async fn every_response_carries_hsts_when_boucle_is_served_over_https() {
    let app = TestApp::spawn_with(|config| config.public_url = Some("https://boucle.chu-exemple.fr".into())).await;
    for path in ["/", "/connexion", "/equipe", "/api/v1/questionnaires", "/api/v1/nothing-here", "/style/boucle.css"] {
        let response = app.get(path).await;
        let hsts = response.headers().get("strict-transport-security").and_then(|v| v.to_str().ok());
        assert_eq!(hsts, Some("max-age=31536000; includeSubDomains"), "{path} ({})", response.status());
    }
    let post = app.client.post(app.url("/connexion")).form(&[("email", "x")]).send().await.expect("sent");
    assert!(post.headers().contains_key("strict-transport-security"), "a refused form post too");
}

#[tokio::test]
async fn no_hsts_over_plain_http() {
    let app = TestApp::spawn().await;
    for path in ["/", "/connexion", "/api/v1/questionnaires"] {
        let response = app.get(path).await;
        assert!(!response.headers().contains_key("strict-transport-security"), "{path}");
    }
}

#[tokio::test]
async fn the_stylesheet_is_served_compressed() {
    let app = TestApp::spawn().await;
    let response =
        app.client.get(app.url("/style/boucle.css")).header("accept-encoding", "gzip").send().await.expect("sent");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
}
