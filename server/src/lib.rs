//! The `boucle` server: one axum application that renders the Leptos pages (`app`),
//! serves the JSON API under `/api/v1`, and owns all I/O: the database (sea-orm over
//! SQLite or PostgreSQL), the audit log, mail and sign-in.
//!
//! Layout:
//! - [`startup`]: [`startup::Application::build`], shared by `main` and the tests
//!   (port 0, fresh database): connect, migrate, seed, route, serve.
//! - [`routes`]: every route in one file, so who may call what reads in one place.
//! - [`api`]: JSON handlers, a few lines each: parse, one service call, map.
//! - [`catalog`], [`respondents`], [`seed`], [`audit`]: domain services over the
//!   database; they know nothing of HTTP and are what `app`'s server functions reach
//!   through context. [`respondents::handlers`] holds the respondent form posts.
//! - [`identity`]: staff and patient-partner accounts: passwords, sessions, OpenID
//!   Connect providers, and [`identity::policy`], the one place that decides access.
//! - [`staff`]: the service behind the staff pages and, in [`staff::handlers`], the
//!   staff form posts (sign-in, campaigns, invitations); [`forms`] is what every HTML
//!   form post shares.
//! - [`projects`]: improvement projects: the need statement written together, members
//!   with roles in the project; [`projects::handlers`] holds their form posts.
//! - [`results`]: results returned to respondents and to the campaign's team: each
//!   campaign's counts kept up to date incrementally, worded panels, downloads.
//! - [`mail`]: the outbox and the postman that delivers it (SMTP, or a folder).
//! - [`admin`]: the `boucle campaign` and `boucle admin` commands.
//! - [`throttle`]: failed capability look-ups per address.
//! - [`error`]: the one mapping from errors to `application/problem+json`.
//! - [`db`]: connecting, durability settings, and the check that refuses weak ones.
//! - [`security`]: response headers (CSP with a per-response nonce, no-sniff, framing).
//!
//! This crate must never put user-facing text in code (it lives in `app/locales`), log
//! answers or secrets, or answer a fault with a 4xx or a bad input with a 5xx.

pub mod admin;
pub mod api;
pub mod audit;
pub mod campaigns;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod db;
pub mod definitions;
pub mod entities;
pub mod error;
pub mod forms;
pub mod identity;
pub mod mail;
pub mod projects;
pub mod respondents;
pub mod results;
pub mod routes;
pub mod security;
pub mod seed;
pub mod staff;
pub mod startup;
pub mod throttle;
