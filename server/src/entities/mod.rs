//! sea-orm entities: one module per table of `migrations`. Plain row types; the rules
//! (what may change, who may read) live in the services that use them.

pub mod audit_log;
pub mod institution;
pub mod questionnaire;
pub mod questionnaire_version;
