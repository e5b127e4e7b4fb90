//! The questionnaire library over the JSON API: good and bad inputs.

use crate::harness::TestApp;
use serde_json::Value;

fn builtin(id: &str) -> survey_defs::Questionnaire {
    survey_defs::builtin_library().into_iter().find(|q| q.id == id).expect("built-in questionnaire")
}

#[tokio::test]
async fn health_check_answers_ok() {
    let app = TestApp::spawn().await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn library_lists_the_three_builtins_with_their_hashes() {
    let app = TestApp::spawn().await;
    let response = app.get("/api/v1/questionnaires").await;
    assert_eq!(response.status(), 200);
    let body: Vec<Value> = response.json().await.expect("json");
    let ids: Vec<&str> = body.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(ids, ["gad-7", "phq-9", "prem-sejour"]);
    for entry in &body {
        let id = entry["id"].as_str().expect("id");
        assert_eq!(entry["content_hash"], builtin(id).content_hash(), "{id}");
    }
    let phq9 = body.iter().find(|e| e["id"] == "phq-9").expect("phq-9");
    assert_eq!(phq9["question_count"], 10);
    assert_eq!(phq9["kind"], "prom");
}

#[tokio::test]
async fn a_published_version_comes_back_identical() {
    let app = TestApp::spawn().await;
    let expected = builtin("phq-9");
    let response = app.get(&format!("/api/v1/questionnaires/phq-9/versions/{}", expected.version)).await;
    assert_eq!(response.status(), 200);
    let got: survey_defs::Questionnaire = response.json().await.expect("questionnaire json");
    assert_eq!(got, expected);
    assert_eq!(got.content_hash(), expected.content_hash());
}

async fn assert_problem(response: reqwest::Response, status: u16, kind: &str) -> Value {
    assert_eq!(response.status().as_u16(), status);
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.expect("problem json");
    assert_eq!(body["type"], kind);
    assert_eq!(body["status"], status);
    body
}

#[tokio::test]
async fn unknown_questionnaire_or_version_is_a_404_problem() {
    let app = TestApp::spawn().await;
    assert_problem(app.get("/api/v1/questionnaires/nope/versions/1.0.0").await, 404, "not_found").await;
    assert_problem(app.get("/api/v1/questionnaires/phq-9/versions/9.9.9").await, 404, "not_found").await;
    assert_problem(app.get("/api/v1/no-such-route").await, 404, "not_found").await;
}

async fn validate(app: &TestApp, body: impl Into<reqwest::Body>) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/questionnaires/validate"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("request sent")
}

#[tokio::test]
async fn a_valid_definition_is_accepted_with_its_hash() {
    let app = TestApp::spawn().await;
    let definition = builtin("gad-7");
    let response = validate(&app, serde_json::to_string(&definition).expect("json")).await;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.expect("json");
    assert_eq!(body["valid"], true);
    assert_eq!(body["content_hash"], definition.content_hash());
}

#[tokio::test]
async fn every_problem_of_an_invalid_definition_is_listed_with_its_path() {
    let app = TestApp::spawn().await;
    let mut definition: Value = serde_json::to_value(builtin("phq-9")).expect("json");
    // Two independent mistakes: no French title, and a duplicated item id.
    definition["title"] = serde_json::json!({ "en": "Only English" });
    let first_id = definition["sections"][0]["items"][0]["id"].clone();
    definition["sections"][0]["items"][1]["id"] = first_id;
    let body = assert_problem(validate(&app, definition.to_string()).await, 422, "validation_failed").await;
    let errors = body["errors"].as_array().expect("errors");
    let has = |code: &str, path: &str| errors.iter().any(|e| e["code"] == code && e["path"] == path);
    assert!(has("missing_french", "title.fr") || has("missing_french", "title"), "{errors:#?}");
    assert!(has("duplicate_id", "sections[0].items[1].id"), "{errors:#?}");
}

#[tokio::test]
async fn broken_json_is_a_422_with_the_position() {
    let app = TestApp::spawn().await;
    let body = assert_problem(validate(&app, "{\"id\": \"x\",").await, 422, "validation_failed").await;
    let errors = body["errors"].as_array().expect("errors");
    assert_eq!(errors[0]["code"], "invalid_json");
}

#[tokio::test]
async fn a_wrong_type_is_reported_at_its_path() {
    let app = TestApp::spawn().await;
    let mut definition: Value = serde_json::to_value(builtin("gad-7")).expect("json");
    definition["sections"][0]["items"][0]["required"] = serde_json::json!("yes");
    let body = assert_problem(validate(&app, definition.to_string()).await, 422, "validation_failed").await;
    let errors = body["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["code"] == "invalid_structure"
            && e["path"].as_str().is_some_and(|p| p.starts_with("sections[0].items[0]"))),
        "{errors:#?}"
    );
}

#[tokio::test]
async fn non_utf8_and_oversized_bodies_are_refused_clearly() {
    let app = TestApp::spawn().await;
    assert_problem(validate(&app, vec![0xff, 0xfe, 0x00]).await, 400, "bad_request").await;
    let huge = format!("\"{}\"", "a".repeat(server::routes::MAX_BODY_BYTES + 10));
    assert_problem(validate(&app, huge).await, 413, "payload_too_large").await;
}

#[tokio::test]
async fn hostile_strings_never_cause_a_server_error() {
    let app = TestApp::spawn().await;
    for body in ["", "null", "[]", "{}", "\"<script>alert(1)</script>\"", "{\"id\": {\"$gt\": 1}}", "1e999999"] {
        let response = validate(&app, body.to_string()).await;
        assert!(response.status().is_client_error(), "{body} gave {}", response.status());
    }
}
