//! Boucle's user interface, written with Leptos 0.8 in *islands* mode.
//!
//! Every page is rendered on the server as plain HTML that works without JavaScript
//! (respondents on slow phones, screen readers, locked-down hospital browsers). Only the
//! small interactive parts, the `#[island]` components in [`islands`], are compiled to
//! WebAssembly and hydrated in the browser, which keeps the download small.
//!
//! Built twice: with `ssr` for the server (`server` renders [`shell`]) and with
//! `hydrate` for the browser (`hydrate()` below, built by `scripts/build-wasm.sh`).
//!
//! This crate must never touch a database or the network: the data comes from server
//! functions, which reach domain services that `server` provides through Leptos context
//! (see [`catalog::service`]). All user-facing text comes from `locales/*.ftl` via
//! [`i18n`].

pub mod catalog;
pub mod i18n;
pub mod islands;
pub mod pages;
pub mod projects;
pub mod qr;
pub mod questionnaire_view;
pub mod respondent;
pub mod results;
pub mod shell;
pub mod staff;

pub use shell::{App, shell};

/// Browser entry point: hydrates the islands found in the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
