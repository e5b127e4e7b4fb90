//! The respondent journey, server side: campaigns as respondents see them, consent,
//! saving each screen, submitting exactly once, the private return link, withdrawal.
//!
//! Capabilities: the browser that answers holds a *resume* secret (cookie), and after
//! submitting a *return* secret; only their hashes are stored (`response_access`).
//! The return secret is derived from the server key and the response's idempotency
//! key, so a retried submission can show the same link again without storing it.

pub mod committer;
pub mod cookies;
pub mod handlers;
pub mod secrets;
mod service;

pub use service::{EmailedLink, RespondentError, RespondentService, SectionOutcome, SubmitOutcome, SubmittedReceipt};
