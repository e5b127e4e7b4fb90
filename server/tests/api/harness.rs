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
    /// Where the server writes messages (no SMTP server in tests, unless one sets it).
    pub mail_dir: PathBuf,
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
        let config_mail_dir = config.mail_dir();
        let app = Application::build(config).await.expect("application starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let db = app.database().clone();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(app.run_until(async move {
            let _ = rx.await;
        }));
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let mail_dir = config_mail_dir;
        TestApp { address, client, db, mail_dir, shutdown: Some(tx), _data_dir: data_dir, _database: database }
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

/// A message the server wrote to its mail folder.
#[derive(Debug)]
pub struct SentMail {
    pub to: String,
    /// The plain-text body, quoted-printable decoded.
    pub body: String,
}

impl SentMail {
    /// The first link in the body starting with `prefix` (a path such as `/retour/`).
    pub fn link(&self, prefix: &str) -> String {
        let start = self.body.find(prefix).unwrap_or_else(|| panic!("no {prefix} in {}", self.body));
        let end = self.body[start..].find(char::is_whitespace).map_or(self.body.len(), |e| start + e);
        self.body[start..end].to_string()
    }
}

/// Decodes a quoted-printable body (RFC 2045): soft line breaks and `=XX` bytes.
fn quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Some(byte) =
                std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

/// Reads an `.eml` file: the `To` header and the decoded body.
pub fn read_mail(raw: &str) -> SentMail {
    let (headers, body) = raw.split_once("\r\n\r\n").unwrap_or((raw, ""));
    let to = headers.lines().find_map(|line| line.strip_prefix("To: ")).unwrap_or_default().trim().to_string();
    SentMail { to, body: quoted_printable(body) }
}

impl TestApp {
    /// The messages in the mail folder, waiting up to ten seconds for at least `count`.
    pub async fn mails(&self, count: usize) -> Vec<SentMail> {
        for _ in 0..100 {
            let mails = self.mails_now();
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("fewer than {count} messages in {}", self.mail_dir.display());
    }

    /// The messages in the mail folder now.
    pub fn mails_now(&self) -> Vec<SentMail> {
        let Ok(entries) = std::fs::read_dir(&self.mail_dir) else { return Vec::new() };
        entries
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "eml"))
            .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
            .map(|raw| read_mail(&raw))
            .collect()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
