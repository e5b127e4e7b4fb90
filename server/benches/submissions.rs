//! Submissions per second and latency, on this machine: each simulated respondent
//! loads the campaign page (server-rendered HTML) and sends a complete PHQ-9 response
//! (JSON, with an idempotency key). The server runs in this process on loopback, on a
//! fresh SQLite file, or on PostgreSQL when `BOUCLE_BENCH_POSTGRES` holds a database URL.
//!
//! Run: `cargo bench -p server --bench submissions` (figures go in BENCHMARKS.md).
//! Not a test: it asserts nothing about speed, only that no submission is lost.

use server::config::Config;
use server::startup::Application;
use std::time::{Duration, Instant};

const SUBMISSIONS: usize = 6_000;
const CONCURRENCY: usize = 16;

fn answers(n: usize) -> serde_json::Value {
    let mut answers = serde_json::Map::new();
    for i in 1..=9 {
        answers.insert(format!("phq9_{i}"), serde_json::json!(((n + i) % 4).to_string()));
    }
    if n.is_multiple_of(2) {
        answers.insert("phq9_10".into(), serde_json::json!("assez"));
    }
    serde_json::json!({ "language": "fr", "consent_version": "1", "answers": answers })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let data_dir = tempfile::tempdir().expect("data dir");
    let (url, backend) = match std::env::var("BOUCLE_BENCH_POSTGRES") {
        Ok(url) if !url.is_empty() => (url, "PostgreSQL"),
        _ => (format!("sqlite://{}?mode=rwc", data_dir.path().join("boucle.db").display()), "SQLite"),
    };
    let app = Application::build(Config::for_tests(url, data_dir.path().to_path_buf(), data_dir.path().into()))
        .await
        .expect("server starts");
    let base = format!("http://127.0.0.1:{}", app.port());
    let db = app.database().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build().expect("client");
    let run = format!("{}", std::process::id());

    let started = Instant::now();
    let mut workers = Vec::new();
    for worker in 0..CONCURRENCY {
        let (client, base, run) = (client.clone(), base.clone(), run.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut n = worker;
            while n < SUBMISSIONS {
                let t = Instant::now();
                let page = client.get(format!("{base}/r/demo-phq-9")).send().await.expect("page");
                assert_eq!(page.status(), 200);
                let _ = page.bytes().await.expect("page body");
                let sent = client
                    .post(format!("{base}/api/v1/campaigns/demo-phq-9/responses"))
                    .header("idempotency-key", format!("bench-{run}-{n:08}"))
                    .json(&answers(n))
                    .send()
                    .await
                    .expect("submission");
                assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap_or_default());
                latencies.push(t.elapsed());
                n += CONCURRENCY;
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.expect("worker"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    use sea_orm::{EntityTrait, PaginatorTrait};
    let stored = server::entities::response::Entity::find().count(&db).await.expect("count");
    println!("backend: {backend}");
    println!("submissions: {} with {CONCURRENCY} concurrent clients, {stored} stored", latencies.len());
    println!("throughput: {:.0} submissions/s (page + answers)", latencies.len() as f64 / elapsed.as_secs_f64());
    println!(
        "latency (page + answers): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1e3)
    );
    assert!(stored as usize >= latencies.len(), "no acknowledged submission may be lost");
}
