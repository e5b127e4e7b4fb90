//! Crash safety: the real `boucle` binary is killed with SIGKILL in the middle of a
//! burst of submissions, several times; after each restart on the same database, every
//! submission that got a success reply is there, whole.

#[allow(dead_code)]
#[path = "api/harness.rs"]
mod harness;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

fn start(data_dir: &std::path::Path, database_url: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_boucle"))
        .env("BOUCLE_ADDR", format!("127.0.0.1:{port}"))
        .env("BOUCLE_DATA_DIR", data_dir)
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("boucle starts")
}

async fn wait_ready(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("boucle did not become ready");
}

fn answers(seed: usize) -> serde_json::Value {
    let mut answers = serde_json::Map::new();
    for i in 1..=9 {
        answers.insert(format!("phq9_{i}"), serde_json::json!(((seed + i) % 4).to_string()));
    }
    serde_json::json!({ "language": "fr", "consent_version": "1", "answers": answers })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_submissions_survive_sigkill() {
    let dir = tempfile::tempdir().expect("data dir");
    // A SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL.
    let (_database, database_url) = harness::TestDatabase::create().await;
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("client");
    let mut acknowledged: Vec<String> = Vec::new();
    for round in 0..4 {
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut child = start(dir.path(), &database_url, port);
        wait_ready(&client, &base).await;
        // A burst from 8 concurrent senders; the server is killed while they send.
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        let mut senders = Vec::new();
        for sender in 0..8 {
            let (client, base, tx) = (client.clone(), base.clone(), tx.clone());
            senders.push(tokio::spawn(async move {
                for n in 0..10_000 {
                    let key = format!("kill-round{round}-sender{sender}-n{n:05}");
                    let sent = client
                        .post(format!("{base}/api/v1/campaigns/demo-phq-9/responses"))
                        .header("idempotency-key", &key)
                        .json(&answers(n))
                        .send()
                        .await;
                    match sent {
                        Ok(r) if r.status().is_success() => {
                            let _ = tx.send(key);
                        }
                        _ => break,
                    }
                }
            }));
        }
        drop(tx);
        tokio::time::sleep(Duration::from_millis(400 + 150 * round)).await;
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        for sender in senders {
            let _ = sender.await;
        }
        while let Ok(key) = rx.try_recv() {
            acknowledged.push(key);
        }
    }
    assert!(acknowledged.len() > 20, "the burst got going: {} acknowledged", acknowledged.len());
    eprintln!("{} submissions acknowledged across 4 kills", acknowledged.len());

    // Restart and check: every acknowledged key is stored, submitted, with all its codes.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = start(dir.path(), &database_url, port);
    wait_ready(&client, &base).await;
    child.kill().ok();
    child.wait().ok();
    let db = sea_orm::Database::connect(&database_url).await.expect("open database");
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use server::entities::response;
    let stored =
        response::Entity::find().filter(response::Column::Status.eq("submitted")).all(&db).await.expect("responses");
    let keys: std::collections::HashSet<&str> = stored.iter().map(|r| r.idempotency_key.as_str()).collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|k| !keys.contains(k.as_str())).collect();
    assert!(lost.is_empty(), "{} acknowledged submissions lost, e.g. {:?}", lost.len(), lost.first());
    // No partial row: every stored response has one code per PHQ-9 item.
    let phq9 = survey_defs::builtin("phq-9").expect("phq-9");
    let width = phq9.answer_layout().columns.len() * 4;
    assert!(stored.iter().all(|r| r.codes.len() == width && r.submitted_at.is_some()));
}
