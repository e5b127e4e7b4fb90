//! `POST /api/v1/campaigns/{campaign}/responses`: complete responses in one call,
//! exactly once per idempotency key, under concurrency too.

use crate::harness::TestApp;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use server::entities::response;

fn body(values: [u8; 9]) -> Value {
    let mut answers = serde_json::Map::new();
    for (i, v) in values.iter().enumerate() {
        answers.insert(format!("phq9_{}", i + 1), json!(v.to_string()));
    }
    json!({ "language": "fr", "consent_version": "1", "answers": answers })
}

async fn submit(app: &TestApp, key: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .expect("sent")
}

#[tokio::test]
async fn a_retry_gets_the_same_reply_and_one_row() {
    let app = TestApp::spawn().await;
    let answers = body([0; 9]);
    let first = submit(&app, "retry-key-000000001", &answers).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.expect("json");
    let again = submit(&app, "retry-key-000000001", &answers).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.json::<Value>().await.expect("json"), first);
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 1);
    let other = submit(&app, "retry-key-000000001", &body([1; 9])).await;
    assert_eq!(other.status(), 409);
}

#[tokio::test]
async fn fifty_concurrent_submits_with_one_key_store_one_response() {
    let app = TestApp::spawn().await;
    let answers = body([2; 9]);
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let request = app
                .client
                .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
                .header("idempotency-key", "concurrent-key-0000001")
                .json(&answers);
            tokio::spawn(async move { request.send().await.expect("sent").status().as_u16() })
        })
        .collect();
    let mut replies = Vec::new();
    for task in tasks {
        replies.push(task.await.expect("task"));
    }
    let created = replies.iter().filter(|s| **s == 201).count();
    assert_eq!(created, 1, "{replies:?}");
    assert!(replies.iter().all(|s| *s == 200 || *s == 201), "{replies:?}");
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 1);
}

#[tokio::test]
async fn bad_submissions_are_refused_with_reasons() {
    let app = TestApp::spawn().await;
    // No idempotency key.
    let missing = app
        .client
        .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
        .json(&body([0; 9]))
        .send()
        .await
        .expect("sent");
    assert_eq!(missing.status(), 400);
    // Invalid answers: every problem with its item.
    let mut invalid = body([0; 9]);
    invalid["answers"]["phq9_2"] = json!("7");
    invalid["answers"]["not_an_item"] = json!("1");
    if let Some(answers) = invalid["answers"].as_object_mut() {
        answers.remove("phq9_3");
    }
    let refused = submit(&app, "invalid-answers-0001", &invalid).await;
    assert_eq!(refused.status(), 422);
    let problem: Value = refused.json().await.expect("json");
    let errors = problem["errors"].as_array().expect("errors");
    let has = |code: &str, path: &str| errors.iter().any(|e| e["code"] == code && e["path"] == path);
    assert!(has("unknown_option", "phq9_2"), "{errors:#?}");
    assert!(has("unknown_item", "not_an_item"), "{errors:#?}");
    assert!(has("required", "phq9_3"), "{errors:#?}");
    // Malformed JSON, unknown fields, unknown campaign, stale consent.
    let malformed = app
        .client
        .post(app.url("/api/v1/campaigns/demo-phq-9/responses"))
        .header("idempotency-key", "malformed-json-0001")
        .header("content-type", "application/json")
        .body("{\"language\": ")
        .send()
        .await
        .expect("sent");
    assert_eq!(malformed.status(), 400);
    let mut extra = body([0; 9]);
    extra["score"] = json!(27);
    assert_eq!(submit(&app, "unknown-field-00001", &extra).await.status(), 400);
    let unknown = app
        .client
        .post(app.url("/api/v1/campaigns/nope/responses"))
        .header("idempotency-key", "unknown-campaign-001")
        .json(&body([0; 9]))
        .send()
        .await
        .expect("sent");
    assert_eq!(unknown.status(), 404);
    let mut stale = body([0; 9]);
    stale["consent_version"] = json!("0");
    assert_eq!(submit(&app, "stale-consent-00001", &stale).await.status(), 409);
    assert_eq!(response::Entity::find().count(&app.db).await.expect("count"), 0);
}
