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

async fn campaign_command(args: server::config::CampaignArgs) -> ExitCode {
    let db = match server::db::connect_and_migrate(&args.config.database_url()).await {
        Ok(db) => db,
        Err(err) => {
            eprintln!("cannot open the database: {err}");
            return ExitCode::FAILURE;
        }
    };
    if args.config.seed_demo && server::seed::seed_demo(&db).await.is_err() {
        eprintln!("seeding the demo data failed");
        return ExitCode::FAILURE;
    }
    match server::admin::run(db, args.action).await {
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

async fn admin_command(args: server::config::AdminArgs) -> ExitCode {
    let db = match server::db::connect_and_migrate(&args.config.database_url()).await {
        Ok(db) => db,
        Err(err) => {
            eprintln!("cannot open the database: {err}");
            return ExitCode::FAILURE;
        }
    };
    if args.config.seed_demo && server::seed::seed_demo(&db).await.is_err() {
        eprintln!("seeding the demo data failed");
        return ExitCode::FAILURE;
    }
    let public_url = args.config.public_url.clone().unwrap_or_else(|| format!("http://{}", args.config.addr));
    match server::admin::run_admin(db, args.action, &public_url).await {
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
