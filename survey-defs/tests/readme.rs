//! The README's example is real: it parses, and the README shows it verbatim.
#![allow(clippy::unwrap_used)]

mod common;

use survey_defs::{ProblemCode, Questionnaire};

const README: &str = include_str!("../README.md");

#[test]
fn readme_contains_the_example_fixture() {
    assert!(README.contains(&format!("```json\n{}```", common::EXAMPLE_JSON)));
}

#[test]
fn example_fixture_is_valid() {
    let q = Questionnaire::from_json(common::EXAMPLE_JSON).unwrap();
    assert_eq!(q.id, "suivi-douleur-demo");
    assert_eq!(q.answerable_items().count(), 6);
}

#[test]
fn readme_documents_every_problem_code() {
    for code in ProblemCode::ALL {
        assert!(README.contains(&format!("`{code}`")), "README lacks `{code}`");
    }
}
