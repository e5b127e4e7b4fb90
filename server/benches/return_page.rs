//! The respondent's private return page with 100,000 responses in the campaign: its
//! latency once the campaign's counts are in memory, including while new responses
//! keep arriving (each view then counts only the rows added since the last one).
//!
//! 100,000 PHQ-9 responses are written straight into a fresh SQLite file (the
//! submission path has its own benchmark); one more is submitted through the API for
//! its return link. Run: `cargo bench -p server --bench return_page` (figures go in
//! BENCHMARKS.md). Not a test: it asserts only that the page shows everyone's results.

use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use server::config::Config;
use server::entities::{campaign, response};
use server::startup::Application;
use std::time::{Duration, Instant};

const RESPONSES: usize = 100_000;
const VIEWS: usize = 400;

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

fn answers(n: usize) -> serde_json::Value {
    let answers: serde_json::Map<String, serde_json::Value> =
        (1..=9).map(|i| (format!("phq9_{i}"), serde_json::json!(((n * 7 + i * 3) % 4).to_string()))).collect();
    serde_json::json!({ "language": "fr", "consent_version": "1", "answers": answers })
}

async fn view(client: &reqwest::Client, base: &str) -> Duration {
    let t = Instant::now();
    let page = client.get(format!("{base}/mes-resultats")).send().await.expect("page");
    assert_eq!(page.status(), 200);
    let body = page.text().await.expect("body");
    let elapsed = t.elapsed();
    assert!(body.contains("personnes ont répondu pour l'instant"), "everyone's results shown");
    elapsed
}

fn summary(label: &str, mut latencies: Vec<Duration>) {
    latencies.sort();
    println!(
        "{label}: {} views, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.95),
        percentile(&latencies, 0.99)
    );
}

#[tokio::main]
async fn main() {
    let data_dir = tempfile::tempdir().expect("data dir");
    let url = format!("sqlite://{}?mode=rwc", data_dir.path().join("boucle.db").display());
    let app = Application::build(Config::for_tests(url, data_dir.path().to_path_buf(), data_dir.path().into()))
        .await
        .expect("server starts");
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.database().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::limited(2))
        .build()
        .expect("client");

    let mine = client
        .post(format!("{base}/api/v1/campaigns/demo-phq-9/responses"))
        .header("idempotency-key", "return-page-bench-mine")
        .json(&answers(0))
        .send()
        .await
        .expect("submitted");
    let receipt: serde_json::Value = mine.json().await.expect("receipt");
    let secret = receipt["return_secret"].as_str().expect("secret").to_string();

    let found = campaign::Entity::find()
        .filter(campaign::Column::PublicId.eq("demo-phq-9"))
        .one(&db)
        .await
        .expect("db")
        .expect("demo campaign");
    let template = response::Entity::find()
        .filter(response::Column::IdempotencyKey.eq("return-page-bench-mine"))
        .one(&db)
        .await
        .expect("db")
        .expect("my response");
    let started = Instant::now();
    for chunk in 0..RESPONSES / 1_000 {
        let rows = (0..1_000).map(|i| {
            let n = chunk * 1_000 + i;
            let codes: Vec<i32> =
                (1..=10).map(|item| if item == 10 { -1 } else { ((n * 7 + item * 3) % 4) as i32 }).collect();
            response::ActiveModel {
                campaign_id: Set(found.id),
                questionnaire_version_id: Set(found.questionnaire_version_id),
                idempotency_key: Set(format!("bench-row-{n:08}")),
                status: Set(response::SUBMITTED.to_string()),
                language: Set("fr".to_string()),
                codes: Set(survey_defs::EncodedAnswers::codes_to_bytes(&codes[..template.codes.len() / 4])),
                started_at: Set(template.started_at - (n as i64) * 60_000),
                updated_at: Set(template.updated_at),
                submitted_at: Set(Some(template.started_at - (n as i64) * 60_000)),
                ..Default::default()
            }
        });
        response::Entity::insert_many(rows).exec(&db).await.expect("rows inserted");
    }
    println!("{RESPONSES} responses written in {:.1} s", started.elapsed().as_secs_f64());

    // Opening the link follows its redirect to the page: the first view, which counts
    // the whole campaign.
    let t = Instant::now();
    let opened = client.get(format!("{base}/retour/{secret}")).send().await.expect("link");
    assert_eq!(opened.status(), 200, "the link leads to the page");
    let _ = opened.text().await.expect("page");
    println!("first view (counts the 100,000 responses): {:.0} ms", t.elapsed().as_secs_f64() * 1e3);

    let mut steady = Vec::new();
    for _ in 0..VIEWS {
        steady.push(view(&client, &base).await);
    }
    summary("no new responses", steady);

    let mut arriving = Vec::new();
    for n in 0..VIEWS {
        let sent = client
            .post(format!("{base}/api/v1/campaigns/demo-phq-9/responses"))
            .header("idempotency-key", format!("return-page-bench-{n:06}"))
            .json(&answers(n))
            .send()
            .await
            .expect("submitted");
        assert_eq!(sent.status(), 201);
        arriving.push(view(&client, &base).await);
    }
    summary("one new response before each view", arriving);
}
