//! Built-in questionnaires, embedded at compile time from `library/*.json`.

use crate::model::Questionnaire;

/// Sources of the built-in questionnaires: (file name, JSON).
pub const BUILTIN_SOURCES: [(&str, &str); 3] = [
    ("phq-9.json", include_str!("../library/phq-9.json")),
    ("gad-7.json", include_str!("../library/gad-7.json")),
    ("prem-sejour.json", include_str!("../library/prem-sejour.json")),
];

/// The built-in questionnaires (PHQ-9, GAD-7, a demonstration PREM about a hospital stay).
///
/// They are embedded at compile time and a test asserts every one is valid, so none is
/// ever skipped in practice; an invalid one would be left out rather than panic.
pub fn builtin_library() -> Vec<Questionnaire> {
    BUILTIN_SOURCES.iter().filter_map(|(_, json)| Questionnaire::from_json(json).ok()).collect()
}

/// The built-in questionnaire with this id.
pub fn builtin(id: &str) -> Option<Questionnaire> {
    builtin_library().into_iter().find(|q| q.id == id)
}
