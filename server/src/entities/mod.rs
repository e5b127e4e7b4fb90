//! sea-orm entities: one module per table of `migrations`. Plain row types; the rules
//! (what may change, who may read) live in the services that use them.

pub mod action_event;
pub mod audit_log;
pub mod campaign;
pub mod consent;
pub mod draft_comment;
pub mod external_identity;
pub mod finding;
pub mod institution;
pub mod invitation;
pub mod mail_outbox;
pub mod membership;
pub mod need_revision;
pub mod oidc_attempt;
pub mod person;
pub mod plan_publication;
pub mod plan_view;
pub mod plan_vote;
pub mod planned_action;
pub mod project;
pub mod project_member;
pub mod questionnaire;
pub mod questionnaire_draft;
pub mod questionnaire_version;
pub mod response;
pub mod response_access;
pub mod response_draft;
pub mod response_text;
pub mod return_contact;
pub mod sign_in_failure;
pub mod sign_in_token;
pub mod staff_session;
pub mod suggestion;
pub mod suggestion_comment;
pub mod suggestion_vote;
