//! Turning raw JSON into a [`Questionnaire`]: the only door in, reporting every problem.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::item::Item;
use crate::model::{Questionnaire, Section};
use crate::problem::{DefinitionError, Problem, ProblemCode};

impl Questionnaire {
    /// Parses and validates a definition (parse, don't validate: a `Questionnaire` obtained
    /// here is valid).
    ///
    /// Reports, all at once: a JSON syntax error (with line and column); structural errors
    /// (wrong type, unknown or missing field) with their JSON path — one per item, per
    /// section and for the top level, so several typos show together; and, when the
    /// structure is right, every semantic problem of [`Questionnaire::validate`].
    pub fn from_json(json: &str) -> Result<Self, DefinitionError> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let first = match serde_path_to_error::deserialize::<_, Self>(&mut deserializer) {
            Ok(questionnaire) => {
                if let Err(trailing) = deserializer.end() {
                    return Err(DefinitionError { problems: vec![syntax_problem(&trailing)] });
                }
                let problems = questionnaire.validate();
                return if problems.is_empty() { Ok(questionnaire) } else { Err(DefinitionError { problems }) };
            }
            Err(error) => error,
        };
        let inner = first.inner();
        if inner.is_syntax() || inner.is_eof() {
            return Err(DefinitionError { problems: vec![syntax_problem(inner)] });
        }
        let mut problems = match serde_json::from_str::<Value>(json) {
            Ok(value) => structural_problems(&value),
            // The shape broke before the syntax did: report both.
            Err(syntax) => vec![structure_problem("", &first), syntax_problem(&syntax)],
        };
        if problems.is_empty() {
            problems.push(structure_problem("", &first));
        }
        Err(DefinitionError { problems })
    }
}

fn syntax_problem(error: &serde_json::Error) -> Problem {
    let detail = error.to_string();
    let message = detail.split(" at line ").next().unwrap_or(&detail);
    Problem::new("", ProblemCode::InvalidJson, format!("line {}, column {}: {message}", error.line(), error.column()))
}

fn serde_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." { String::new() } else { text }
}

fn structure_problem(prefix: &str, error: &serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let inner_path = serde_path(error.path());
    let path = match (prefix.is_empty(), inner_path.is_empty()) {
        (_, true) => prefix.to_owned(),
        (true, false) => inner_path,
        (false, false) if inner_path.starts_with('[') => format!("{prefix}{inner_path}"),
        (false, false) => format!("{prefix}.{inner_path}"),
    };
    // Drop serde_json's " at line X column Y": positions refer to the sub-document here.
    let detail = error.inner().to_string();
    let detail = detail.split(" at line ").next().unwrap_or(&detail).to_owned();
    Problem::new(path, ProblemCode::InvalidStructure, detail)
}

fn check_part<T: DeserializeOwned>(value: &Value, prefix: &str, problems: &mut Vec<Problem>) {
    if let Err(error) = serde_path_to_error::deserialize::<_, T>(value.clone()) {
        problems.push(structure_problem(prefix, &error));
    }
}

/// Finds structural errors part by part: each item alone, each section without its items,
/// the top level without its sections.
fn structural_problems(value: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Value::Object(top) = value else {
        check_part::<Questionnaire>(value, "", &mut problems);
        return problems;
    };
    let mut top_without_sections = top.clone();
    if let Some(Value::Array(sections)) = top.get("sections") {
        top_without_sections.insert("sections".to_owned(), Value::Array(Vec::new()));
        for (s, section) in sections.iter().enumerate() {
            let section_path = format!("sections[{s}]");
            let Value::Object(fields) = section else {
                check_part::<Section>(section, &section_path, &mut problems);
                continue;
            };
            let mut without_items = fields.clone();
            if let Some(Value::Array(items)) = fields.get("items") {
                without_items.insert("items".to_owned(), Value::Array(Vec::new()));
                for (i, item) in items.iter().enumerate() {
                    check_part::<Item>(item, &format!("{section_path}.items[{i}]"), &mut problems);
                }
            }
            check_part::<Section>(&Value::Object(without_items), &section_path, &mut problems);
        }
    }
    check_part::<Questionnaire>(&Value::Object(top_without_sections), "", &mut problems);
    problems
}
