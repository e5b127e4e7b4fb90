//! Building and running the application; `main` and the tests share this.

use crate::catalog::DbCatalog;
use crate::config::Config;
use crate::db::{self, DatabaseError};
use crate::identity::IdentityService;
use crate::identity::oidc::{OidcError, OidcProviders};
use crate::mail::{MailError, MailQuotas, Postman, Transport};
use crate::projects::ProjectService;
use crate::respondents::RespondentService;
use crate::respondents::secrets::ServerKey;
use crate::results::ResultsService;
use crate::routes;
use crate::staff::StaffDeskService;
use crate::throttle::FailedLookups;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::{DatabaseConnection, DbErr};
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// Leptos settings (site root, bundle name).
    pub leptos_options: LeptosOptions,
    /// The database.
    pub db: DatabaseConnection,
    /// The questionnaire library.
    pub catalog: Arc<DbCatalog>,
    /// The respondent journey.
    pub respondents: Arc<RespondentService>,
    /// Failed capability look-ups per address.
    pub failed_lookups: Arc<FailedLookups>,
    /// Whether cookies get the `Secure` flag (served over HTTPS).
    pub secure_cookies: bool,
    /// People, roles and sessions.
    pub identity: Arc<IdentityService>,
    /// Reads behind the staff pages.
    pub staff: Arc<StaffDeskService>,
    /// Campaign results, counted incrementally.
    pub results: Arc<ResultsService>,
    /// Failed sign-ins per address.
    pub failed_sign_ins: Arc<FailedLookups>,
    /// The address people use to reach Boucle (links in CSVs, QR codes, sign-in returns).
    pub public_url: String,
    /// The institutions' sign-in providers.
    pub oidc: Arc<OidcProviders>,
    /// Delivers the mail outbox; rung after each message is written.
    pub postman: Postman,
    /// How often messages may be asked for.
    pub mail_quotas: Arc<MailQuotas>,
    /// Improvement projects.
    pub projects: Arc<ProjectService>,
    /// Answer-form posts per respondent (resume token): far above what a person sends.
    pub answer_posts: Arc<crate::throttle::Quota>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The database is unusable.
    #[error(transparent)]
    Database(#[from] DatabaseError),
    /// Seeding failed.
    #[error("seeding the demo data failed: {0}")]
    Seed(#[source] DbErr),
    /// The server key could not be read or created.
    #[error("cannot use the server key in {dir}: {source}")]
    Key {
        /// The data directory.
        dir: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The sign-in providers file is unusable.
    #[error("cannot use the sign-in providers in {path}: {reason}")]
    Providers {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// The mail settings are unusable.
    #[error(transparent)]
    Mail(#[from] MailError),
    /// The mail folder cannot be created.
    #[error("cannot create the mail folder {dir}: {source}")]
    MailDir {
        /// The folder.
        dir: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
}

/// A bound, ready-to-serve Boucle.
pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    /// Connects and migrates the database, seeds it, and binds the address (port 0
    /// picks a free port, as the tests do).
    pub async fn build(config: Config) -> Result<Application, StartupError> {
        let db = db::connect_and_migrate(&config.database_url()).await?;
        if config.seed_demo {
            crate::seed::seed_demo(&db).await.map_err(StartupError::Seed)?;
        }
        let leptos_options = LeptosOptions::builder()
            .output_name("app")
            .site_root(config.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(config.addr)
            .build();
        let listener =
            TcpListener::bind(config.addr).await.map_err(|source| StartupError::Bind { addr: config.addr, source })?;
        let key = ServerKey::load_or_create(&config.data_dir)
            .map_err(|source| StartupError::Key { dir: config.data_dir.display().to_string(), source })?;
        let oidc = Arc::new(
            match &config.oidc_providers {
                None => OidcProviders::new(Vec::new()),
                Some(path) => std::fs::read_to_string(path)
                    .map_err(|e| OidcError::InvalidConfig(e.to_string()))
                    .and_then(|text| OidcProviders::from_json(&text)),
            }
            .map_err(|err| StartupError::Providers {
                path: config.oidc_providers.as_deref().map(|p| p.display().to_string()).unwrap_or_default(),
                reason: err.to_string(),
            })?,
        );
        let public_url = match &config.public_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => format!(
                "http://{}",
                listener.local_addr().map_err(|source| StartupError::Bind { addr: config.addr, source })?
            ),
        };
        let transport = match &config.smtp_url {
            Some(url) => Transport::smtp(url)?,
            None => {
                let dir = config.mail_dir();
                let transport = Transport::folder(dir.clone())
                    .map_err(|source| StartupError::MailDir { dir: dir.display().to_string(), source })?;
                tracing::info!(folder = %dir.display(), "no BOUCLE_SMTP_URL: messages are written to this folder");
                transport
            }
        };
        let postman = Postman::new(db.clone(), transport, &config.mail_from)?;
        let db_for_projects = db.clone();
        let catalog = Arc::new(DbCatalog::new(db.clone()));
        let identity = Arc::new(IdentityService::new(db.clone()).with_server_key(&key));
        let results = Arc::new(ResultsService::new(db.clone()));
        let respondents = Arc::new(RespondentService::new(db.clone(), key, results.clone()));
        let staff = Arc::new(StaffDeskService::new(
            db.clone(),
            identity.clone(),
            catalog.clone(),
            oidc.clone(),
            public_url.clone(),
            config.secure_cookies,
        ));
        let state = AppState {
            leptos_options,
            db,
            catalog,
            respondents,
            failed_lookups: Arc::new(FailedLookups::default()),
            secure_cookies: config.secure_cookies,
            identity,
            staff,
            results,
            failed_sign_ins: Arc::new(FailedLookups::default()),
            public_url,
            oidc,
            postman,
            mail_quotas: Arc::new(MailQuotas::default()),
            projects: Arc::new(ProjectService::new(db_for_projects)),
            answer_posts: Arc::new(crate::throttle::Quota::new(60, std::time::Duration::from_secs(60))),
        };
        Ok(Application { listener, state })
    }

    /// The port actually bound.
    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// The database, for tests and admin commands.
    pub fn database(&self) -> &DatabaseConnection {
        &self.state.db
    }

    /// Serves until `shutdown` completes, then finishes in-flight requests. The postman
    /// delivers the outbox meanwhile and stops with the server (what it has not sent
    /// stays in the outbox for the next start).
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) -> std::io::Result<()> {
        let (stopped, stop) = tokio::sync::oneshot::channel::<()>();
        let postman = tokio::spawn(self.state.postman.clone().run(async move {
            let _ = stop.await;
        }));
        let router = routes::router(self.state);
        let served = axum::serve(self.listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
            .with_graceful_shutdown(shutdown)
            .await;
        let _ = stopped.send(());
        let _ = postman.await;
        served
    }

    /// Serves until Ctrl-C or SIGTERM.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
