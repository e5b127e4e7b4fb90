//! Starting Boucle for a test, and cleaning up after it.

use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use server::config::Config;
use server::startup::Application;
use std::path::PathBuf;

/// A fresh, empty database for one test; dropped with the test.
pub enum TestDatabase {
    /// A SQLite file in a temporary directory (removed on drop).
    Sqlite { _dir: tempfile::TempDir },
    /// A PostgreSQL database created for this test.
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    pub async fn create() -> (TestDatabase, String) {
        match std::env::var("BOUCLE_TEST_POSTGRES") {
            Ok(admin_url) if !admin_url.is_empty() => {
                let name = format!("boucle_test_{}", rand_suffix());
                let admin = Database::connect(&admin_url).await.expect("connect to PostgreSQL admin database");
                admin
                    .execute_raw(Statement::from_string(
                        admin.get_database_backend(),
                        format!("CREATE DATABASE {name}"),
                    ))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let url = match admin_url.rsplit_once('/') {
                    Some((base, _)) => format!("{base}/{name}"),
                    None => panic!("BOUCLE_TEST_POSTGRES must end with /database"),
                };
                (TestDatabase::Postgres { admin_url, name }, url)
            }
            _ => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("boucle.db").display());
                (TestDatabase::Sqlite { _dir: dir }, url)
            }
        }
    }
}

fn rand_suffix() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{}_{}", std::process::id(), nanos)
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            let (admin_url, name) = (admin_url.clone(), name.clone());
            // Drop runs outside async: use a short-lived runtime on its own thread.
            let _ = std::thread::spawn(move || {
                let Ok(runtime) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                    return;
                };
                runtime.block_on(async move {
                    if let Ok(admin) = Database::connect(&admin_url).await {
                        let _ = admin
                            .execute_raw(Statement::from_string(
                                admin.get_database_backend(),
                                format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                            ))
                            .await;
                    }
                });
            })
            .join();
        }
    }
}

/// A running Boucle and a client for it.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    _data_dir: tempfile::TempDir,
    // Declared last: dropped after the server stops.
    _database: TestDatabase,
}

/// The built browser bundle, if `scripts/build.sh` ran; pages render without it.
fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site")
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    /// Like [`TestApp::spawn`], with settings changed by `configure` first.
    pub async fn spawn_with(configure: impl FnOnce(&mut Config)) -> TestApp {
        // Server errors show in a failing test's output (nextest captures them).
        let _ = tracing_subscriber::fmt().with_env_filter("warn").with_test_writer().try_init();
        let (database, url) = TestDatabase::create().await;
        let data_dir = tempfile::tempdir().expect("data directory");
        let mut config = Config::for_tests(url, data_dir.path().to_path_buf(), site_root());
        configure(&mut config);
        Self::spawn_on(database, data_dir, config).await
    }

    async fn spawn_on(database: TestDatabase, data_dir: tempfile::TempDir, config: Config) -> TestApp {
        let app = Application::build(config).await.expect("application starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let db = app.database().clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = rx.await;
        }));
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        TestApp { address, client, db, shutdown: Some(tx), _data_dir: data_dir, _database: database }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request sent")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
