//! Typed configuration: command-line flags, each with an environment variable.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// `boucle`: co-designed questionnaires whose results come back to respondents.
#[derive(Debug, Parser)]
#[command(name = "boucle", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Server settings, when no subcommand is given.
    #[command(flatten)]
    pub serve: Config,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve(Config),
    /// Apply database migrations and exit.
    Migrate(Config),
    /// Campaign administration from the command line (the same as the staff pages).
    Campaign(CampaignArgs),
    /// People, institutions and the audit log.
    Admin(AdminArgs),
}

/// `boucle admin …`.
#[derive(Debug, Args)]
pub struct AdminArgs {
    /// Database settings.
    #[command(flatten)]
    pub config: Config,
    /// What to do.
    #[command(subcommand)]
    pub action: AdminAction,
}

/// Administration commands.
#[derive(Debug, Subcommand)]
pub enum AdminAction {
    /// Add a person with a role in an institution (or a new role to an existing person)
    /// and print a single-use link, valid 7 days, with which they choose their password.
    CreateUser {
        /// Email address, their sign-in name.
        #[arg(long)]
        email: String,
        /// Name shown to colleagues.
        #[arg(long)]
        name: String,
        /// Institution slug.
        #[arg(long, default_value = "demo")]
        institution: String,
        /// admin, quality_team, professional, patient_partner or observer.
        #[arg(long)]
        role: String,
    },
    /// Print a new password link for an existing person (forgotten password).
    InviteUser {
        /// Their email address.
        #[arg(long)]
        email: String,
    },
    /// Add an institution.
    CreateInstitution {
        /// Short identifier in lower case, e.g. `chu-lille`.
        #[arg(long)]
        slug: String,
        /// Full name.
        #[arg(long)]
        name: String,
    },
    /// Check the audit log's hash chain; exits with 1 and names the first broken entry.
    VerifyAudit,
}

/// `boucle campaign …`.
#[derive(Debug, Args)]
pub struct CampaignArgs {
    /// Database settings.
    #[command(flatten)]
    pub config: Config,
    /// What to do.
    #[command(subcommand)]
    pub action: CampaignAction,
}

/// Campaign administration commands.
#[derive(Debug, Subcommand)]
pub enum CampaignAction {
    /// Create an open campaign from a published questionnaire; prints its public id.
    Create {
        /// Questionnaire id, e.g. `phq-9` (its newest published version is used).
        #[arg(long)]
        questionnaire: String,
        /// Title shown to respondents.
        #[arg(long)]
        title: String,
        /// Who is invited, shown to respondents.
        #[arg(long, default_value = "")]
        audience: String,
        /// Institution slug.
        #[arg(long, default_value = "demo")]
        institution: String,
        /// Answers only through single-use invitations (pseudonymous), no open link.
        #[arg(long)]
        invitations_only: bool,
        /// No result is shown for fewer respondents than this (at least 3).
        #[arg(long, default_value_t = 5)]
        min_cell_size: u32,
        /// Closing date, YYYY-MM-DD (closes at the start of that day, UTC).
        #[arg(long)]
        closes_on: Option<String>,
        /// Date by which results and decisions are promised to respondents, YYYY-MM-DD.
        #[arg(long)]
        results_on: String,
        /// Languages offered, comma-separated; must include fr.
        #[arg(long, default_value = "fr,en", value_delimiter = ',')]
        languages: Vec<String>,
    },
    /// Issue single-use invitations; prints a CSV (number, link) to standard output,
    /// once: only the tokens' hashes are kept.
    Invite {
        /// Campaign public id.
        campaign: String,
        /// How many invitations.
        #[arg(long)]
        count: u32,
        /// The address respondents use, e.g. `https://boucle.example.org`.
        #[arg(long, default_value = "")]
        base_url: String,
    },
    /// Close a campaign now.
    Close {
        /// Campaign public id.
        campaign: String,
    },
    /// Response counts (no answers).
    Status {
        /// Campaign public id.
        campaign: String,
    },
    /// The open link as a QR code (SVG on standard output), for posters.
    Qr {
        /// Campaign public id.
        campaign: String,
        /// The address respondents use, e.g. `https://boucle.example.org`.
        #[arg(long)]
        base_url: String,
    },
}

/// Everything the server needs to start.
#[derive(Clone, Debug, Args)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "BOUCLE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// PostgreSQL or SQLite URL; by default a SQLite file `boucle.db` in the data directory.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// Where the embedded SQLite database lives.
    #[arg(long, env = "BOUCLE_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// Folder holding the built browser bundle (`pkg/app.js`, `pkg/app_bg.wasm`).
    #[arg(long, env = "BOUCLE_SITE_ROOT", default_value = "./target/site")]
    pub site_root: PathBuf,
    /// Seed the demo institution and the built-in questionnaires (idempotent).
    #[arg(long, env = "BOUCLE_SEED_DEMO", default_value_t = true, action = clap::ArgAction::Set)]
    pub seed_demo: bool,
    /// Mark cookies `Secure` (set when Boucle is served over HTTPS, directly or behind a proxy).
    #[arg(long, env = "BOUCLE_SECURE_COOKIES", default_value_t = false, action = clap::ArgAction::Set)]
    pub secure_cookies: bool,
    /// The address people use to reach Boucle, e.g. `https://boucle.chu-exemple.fr`
    /// (links in invitation CSVs and QR codes, sign-in return addresses). By default,
    /// `http://` and the address listened on.
    #[arg(long, env = "BOUCLE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// A JSON file listing the OpenID Connect providers staff may sign in with (README).
    #[arg(long, env = "BOUCLE_OIDC_PROVIDERS")]
    pub oidc_providers: Option<PathBuf>,
    /// SMTP server for sign-in links and return links, e.g.
    /// `smtp://user:password@mail.example.org:587?tls=required` or `smtps://host:465`.
    /// Without it, messages are written as `.eml` files to the mail folder.
    #[arg(long, env = "BOUCLE_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Who messages come from.
    #[arg(long, env = "BOUCLE_MAIL_FROM", default_value = "Boucle <ne-pas-repondre@boucle.invalid>")]
    pub mail_from: String,
    /// Where messages are written when no SMTP server is set; by default `mail` in the
    /// data directory.
    #[arg(long, env = "BOUCLE_MAIL_DIR")]
    pub mail_dir: Option<PathBuf>,
    /// Log as JSON lines instead of human-readable text.
    #[arg(long, env = "BOUCLE_LOG_JSON", default_value_t = false)]
    pub log_json: bool,
}

impl Config {
    /// A configuration for tests: port 0 on loopback, the given database.
    pub fn for_tests(database_url: String, data_dir: PathBuf, site_root: PathBuf) -> Config {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: Some(database_url),
            data_dir,
            secure_cookies: false,
            site_root,
            seed_demo: true,
            log_json: false,
            public_url: None,
            oidc_providers: None,
            smtp_url: None,
            mail_from: "Boucle <ne-pas-repondre@boucle.invalid>".to_string(),
            mail_dir: None,
        }
    }

    /// The folder messages are written to without an SMTP server.
    pub fn mail_dir(&self) -> PathBuf {
        self.mail_dir.clone().unwrap_or_else(|| self.data_dir.join("mail"))
    }

    /// The database URL in force.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("boucle.db").display()),
        }
    }
}
