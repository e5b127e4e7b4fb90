//! `boucle`: run the server (default) or apply migrations.

use clap::Parser;
use server::config::{Cli, Command, Config};
use server::startup::Application;
use std::process::ExitCode;

fn init_logs(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if config.log_json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// The database of a command-line command: migrated, and seeded unless `--seed-demo false`.
async fn command_database(config: &Config) -> Result<sea_orm::DatabaseConnection, ExitCode> {
    let db = server::db::connect_and_migrate(&config.database_url()).await.map_err(|err| {
        eprintln!("cannot open the database: {err}");
        ExitCode::FAILURE
    })?;
    if config.seed_demo && server::seed::seed_demo(&db).await.is_err() {
        eprintln!("seeding the demo data failed");
        return Err(ExitCode::FAILURE);
    }
    Ok(db)
}

/// Prints a command's output, or its error on standard error.
fn report<E: std::fmt::Display>(outcome: Result<String, E>) -> ExitCode {
    match outcome {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

async fn campaign_command(args: server::config::CampaignArgs) -> ExitCode {
    match command_database(&args.config).await {
        Ok(db) => report(server::admin::run(db, args.action).await),
        Err(code) => code,
    }
}

async fn admin_command(args: server::config::AdminArgs) -> ExitCode {
    let public_url = args.config.public_url.clone().unwrap_or_else(|| format!("http://{}", args.config.addr));
    match command_database(&args.config).await {
        Ok(db) => report(server::admin::run_admin(db, args.action, &public_url).await),
        Err(code) => code,
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let (config, migrate_only) = match cli.command {
        Some(Command::Serve(config)) => (config, false),
        Some(Command::Migrate(config)) => (config, true),
        Some(Command::Campaign(args)) => return campaign_command(args).await,
        Some(Command::Admin(args)) => return admin_command(args).await,
        None => (cli.serve, false),
    };
    init_logs(&config);
    if migrate_only {
        return match server::db::connect_and_migrate(&config.database_url()).await {
            Ok(_) => {
                tracing::info!("migrations applied");
                ExitCode::SUCCESS
            }
            Err(err) => {
                tracing::error!(error = %err, "migration failed");
                ExitCode::FAILURE
            }
        };
    }
    let app = match Application::build(config.clone()).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = %err, "Boucle could not start");
            eprintln!("Boucle could not start: {err}");
            return ExitCode::FAILURE;
        }
    };
    let host = if config.addr.ip().is_unspecified() { "127.0.0.1".to_string() } else { config.addr.ip().to_string() };
    println!("Boucle is running at http://{host}:{}/", app.port());
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server error");
            ExitCode::FAILURE
        }
    }
}
