//! One test per problem code: each is produced, with the expected path.
//!
//! Definition cases mutate the README example (`tests/fixtures/example.json`):
//! sections[0] = douleur: items intensite (rating 0–10), gene (likert), medicament (yes/no),
//! efficacite (single choice, shown if medicament), localisation (multiple choice, max 3);
//! sections[1] = remarques: commentaire (long text); scales[0] = retentissement.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::{example, mutated, mutated_questionnaire, raw, text};
use serde_json::{Value, json};
use survey_defs::{Problem, ProblemCode, Questionnaire, RawAnswer, check_response};

fn assert_definition_problem(json: &str, code: ProblemCode, path: &str) {
    let problems = match Questionnaire::from_json(json) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems,
    };
    assert!(
        problems.iter().any(|p| p.code == code && p.path == path),
        "expected {code} at `{path}`, got {problems:#?}"
    );
}

fn assert_response_problem(problems: &[Problem], code: ProblemCode, path: &str) {
    assert!(
        problems.iter().any(|p| p.code == code && p.path == path),
        "expected {code} at `{path}`, got {problems:#?}"
    );
}

fn replace_commentaire(v: &mut Value, item: Value) {
    v["sections"][1]["items"][0] = item;
}

macro_rules! definition_cases {
    ($($name:ident: $code:ident at $path:literal => $json:expr;)*) => {
        $(
            #[test]
            fn $name() {
                assert_definition_problem(&$json, ProblemCode::$code, $path);
            }
        )*
        const DEFINITION_CODES: &[ProblemCode] = &[$(ProblemCode::$code),*];
    };
}

macro_rules! response_cases {
    ($($name:ident: $code:ident at $path:literal => $check:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let check = $check;
                assert!(!check.is_acceptable());
                assert_response_problem(&check.problems, ProblemCode::$code, $path);
            }
        )*
        const RESPONSE_CODES: &[ProblemCode] = &[$(ProblemCode::$code),*];
    };
}

definition_cases! {
    invalid_json: InvalidJson at "" => String::from("{\"id\": \"x\",\n  \"version\": ");
    invalid_structure_unknown_item_field: InvalidStructure at "sections[0].items[0].requird" => mutated(|v| {
        v["sections"][0]["items"][0]["requird"] = json!(true);
    });
    invalid_structure_wrong_type: InvalidStructure at "estimated_minutes" => mutated(|v| {
        v["estimated_minutes"] = json!("two");
    });
    invalid_structure_field_of_another_type: InvalidStructure at "sections[0].items[0]" => mutated(|v| {
        v["sections"][0]["items"][0]["options"] = json!([]);
    });
    invalid_id: InvalidId at "id" => mutated(|v| v["id"] = json!("Suivi Douleur"));
    invalid_option_code: InvalidId at "sections[0].items[1].options[0].code" => mutated(|v| {
        v["sections"][0]["items"][1]["options"][0]["code"] = json!("Jamais !");
    });
    duplicate_id: DuplicateId at "sections[1].items[0].id" => mutated(|v| {
        v["sections"][1]["items"][0]["id"] = json!("intensite");
    });
    invalid_version: InvalidVersion at "version" => mutated(|v| v["version"] = json!("1.0"));
    invalid_language: InvalidLanguage at "languages[2]" => mutated(|v| v["languages"] = json!(["fr", "en", "EN_gb"]));
    missing_french_declaration: MissingFrench at "languages" => mutated(|v| v["languages"] = json!(["en"]));
    missing_french_text: MissingFrench at "title.fr" => mutated(|v| {
        v["title"].as_object_mut().unwrap().remove("fr");
    });
    language_not_declared: LanguageNotDeclared at "title.nl" => mutated(|v| v["title"]["nl"] = json!("Uw pijn"));
    missing_translation: MissingTranslation at "sections[0].items[0].text.en" => mutated(|v| {
        v["sections"][0]["items"][0]["text"].as_object_mut().unwrap().remove("en");
    });
    empty_text: EmptyText at "sections[0].items[1].options[1].label.fr" => mutated(|v| {
        v["sections"][0]["items"][1]["options"][1]["label"]["fr"] = json!("  ");
    });
    no_options: NoOptions at "sections[0].items[3].options" => mutated(|v| {
        v["sections"][0]["items"][3]["options"] = json!([]);
    });
    duplicate_option_code: DuplicateOptionCode at "sections[0].items[1].options[1].code" => mutated(|v| {
        v["sections"][0]["items"][1]["options"][1]["code"] = json!("jamais");
    });
    too_many_options: TooManyOptions at "sections[0].items[4].options" => mutated(|v| {
        let options: Vec<Value> = (0..32)
            .map(|k| json!({"code": format!("o{k}"), "label": {"fr": "x", "en": "x"}}))
            .collect();
        v["sections"][0]["items"][4]["options"] = Value::Array(options);
    });
    invalid_range: InvalidRange at "sections[0].items[0].max" => mutated(|v| {
        v["sections"][0]["items"][0]["max"] = json!(40);
    });
    invalid_decimals: InvalidDecimals at "sections[1].items[0].decimals" => mutated(|v| replace_commentaire(v, json!({
        "id": "poids", "type": "number", "text": {"fr": "Poids", "en": "Weight"}, "min": 0, "max": 300, "decimals": 5
    })));
    invalid_length: InvalidLength at "sections[1].items[0].max_length" => mutated(|v| {
        v["sections"][1]["items"][0]["max_length"] = json!(20000);
    });
    invalid_date: InvalidDate at "sections[1].items[0].min" => mutated(|v| replace_commentaire(v, json!({
        "id": "jour", "type": "date", "text": {"fr": "Date", "en": "Date"}, "min": "2024-02-30"
    })));
    not_answerable: NotAnswerable at "sections[1].items[0].required" => mutated(|v| replace_commentaire(v, json!({
        "id": "merci", "type": "display", "text": {"fr": "Merci", "en": "Thank you"}, "required": true
    })));
    unknown_item_reference: UnknownItemReference at "sections[0].items[3].condition.item" => mutated(|v| {
        v["sections"][0]["items"][3]["condition"]["item"] = json!("medoc");
    });
    forward_reference: ForwardReference at "sections[0].items[0].condition.item" => mutated(|v| {
        v["sections"][0]["items"][0]["condition"] = json!({"op": "answered", "item": "commentaire"});
    });
    self_reference: SelfReference at "sections[0].items[3].condition.item" => mutated(|v| {
        v["sections"][0]["items"][3]["condition"] = json!({"op": "answered", "item": "efficacite"});
    });
    condition_cycle_between_items: ConditionCycle at "sections[0].items[2].condition.item" => mutated(|v| {
        // medicament waits for efficacite, which waits for medicament.
        v["sections"][0]["items"][2]["condition"] = json!({"op": "answered", "item": "efficacite"});
    });
    condition_cycle_section_on_own_item: ConditionCycle at "sections[1].condition.conditions[0].item" => mutated(|v| {
        v["sections"][1]["condition"] = json!({"op": "all", "conditions": [{"op": "answered", "item": "commentaire"}]});
    });
    condition_type_mismatch_includes: ConditionTypeMismatch at "sections[0].items[3].condition.op" => mutated(|v| {
        v["sections"][0]["items"][3]["condition"] = json!({"op": "includes", "item": "medicament", "option": "oui"});
    });
    condition_type_mismatch_unknown_code: ConditionTypeMismatch at "sections[1].condition.value" => mutated(|v| {
        v["sections"][1]["condition"] = json!({"op": "equals", "item": "gene", "value": "toujours"});
    });
    condition_type_mismatch_order_on_text: ConditionTypeMismatch at "sections[1].condition.op" => mutated(|v| {
        v["sections"][0]["items"][2] = json!({"id": "medicament", "type": "short_text", "text": {"fr": "Lequel ?", "en": "Which?"}});
        v["sections"][1]["condition"] = json!({"op": "greater_than", "item": "medicament", "value": 1});
    });
    empty_condition: EmptyCondition at "sections[0].items[3].condition.conditions" => mutated(|v| {
        v["sections"][0]["items"][3]["condition"] = json!({"op": "any", "conditions": []});
    });
    unknown_scale_item: UnknownScaleItem at "scales[0].items[1]" => mutated(|v| v["scales"][0]["items"][1] = json!("ghost"));
    non_scorable_scale_item: NonScorableScaleItem at "scales[0].items[2]" => mutated(|v| {
        v["scales"][0]["items"] = json!(["intensite", "gene", "commentaire"]);
    });
    reverse_item_not_in_scale: ReverseItemNotInScale at "scales[0].reverse_items[0]" => mutated(|v| {
        v["scales"][0]["reverse_items"] = json!(["efficacite"]);
    });
    invalid_min_answered: InvalidMinAnswered at "scales[0].min_answered" => mutated(|v| v["scales"][0]["min_answered"] = json!(3));
    band_overlap: BandOverlap at "scales[0].bands[1]" => mutated(|v| v["scales"][0]["bands"][1]["min"] = json!(30));
    band_out_of_range: BandOutOfRange at "scales[0].bands[2]" => mutated(|v| v["scales"][0]["bands"][2]["max"] = json!(120));
    band_gap: BandGap at "scales[0].bands[1]" => mutated(|v| {
        // Sum of intensite (0–10) and gene (0–2): 0 to 12; 5 has no band.
        v["scales"][0]["method"] = json!("sum");
        v["scales"][0]["bands"] = json!([
            {"min": 0, "max": 4, "label": {"fr": "Bas", "en": "Low"}},
            {"min": 6, "max": 12, "label": {"fr": "Haut", "en": "High"}}
        ]);
    });
    empty_section: EmptySection at "sections[1].items" => mutated(|v| v["sections"][1]["items"] = json!([]));
    no_items: NoItems at "sections" => mutated(|v| {
        v["sections"] = json!([]);
        v["scales"] = json!([]);
    });
    no_items_in_scale: NoItems at "scales[0].items" => mutated(|v| v["scales"][0]["items"] = json!([]));
}

fn with_date_item() -> Questionnaire {
    mutated_questionnaire(|v| {
        replace_commentaire(
            v,
            json!({"id": "jour", "type": "date", "text": {"fr": "Date", "en": "Date"}, "min": "2020-01-01", "max": "2030-12-31"}),
        );
    })
}

fn with_min_selected(min: u32) -> Questionnaire {
    mutated_questionnaire(|v| v["sections"][0]["items"][4]["min_selected"] = json!(min))
}

response_cases! {
    required: Required at "intensite" => check_response(&example(), &raw([]));
    unknown_item: UnknownItem at "nope" => check_response(&example(), &raw([("intensite", text("3")), ("nope", text("1"))]));
    wrong_type: WrongType at "medicament" => check_response(&example(), &raw([
        ("intensite", text("3")), ("gene", text("jamais")), ("medicament", RawAnswer::List(vec!["a".into(), "b".into()]))
    ]));
    unknown_option: UnknownOption at "gene" => check_response(&example(), &raw([("intensite", text("3")), ("gene", text("toujours"))]));
    out_of_range: OutOfRange at "intensite" => check_response(&example(), &raw([("intensite", RawAnswer::Number(11.0)), ("gene", text("nc"))]));
    too_long: TooLong at "commentaire" => check_response(&example(), &raw([
        ("intensite", text("3")), ("gene", text("nc")), ("commentaire", text(&"é".repeat(1001)))
    ]));
    too_many_selected: TooManySelected at "localisation" => check_response(&example(), &raw([
        ("intensite", text("3")), ("gene", text("nc")),
        ("localisation", RawAnswer::List(vec!["dos".into(), "nuque".into(), "mains".into(), "genoux".into()]))
    ]));
    too_few_selected: TooFewSelected at "localisation" => check_response(&with_min_selected(2), &raw([
        ("intensite", text("3")), ("gene", text("nc")), ("localisation", text("dos"))
    ]));
    invalid_number: InvalidNumber at "intensite" => check_response(&example(), &raw([("intensite", text("sept")), ("gene", text("nc"))]));
    invalid_date_answer: InvalidDate at "jour" => check_response(&with_date_item(), &raw([
        ("intensite", text("3")), ("gene", text("nc")), ("jour", text("2024-02-30"))
    ]));
}

#[test]
fn every_problem_code_has_a_test() {
    let covered: BTreeSet<ProblemCode> = DEFINITION_CODES.iter().chain(RESPONSE_CODES).copied().collect();
    let missing: Vec<&ProblemCode> = ProblemCode::ALL.iter().filter(|c| !covered.contains(c)).collect();
    assert!(missing.is_empty(), "codes without a test: {missing:?}");
}

#[test]
fn validation_reports_every_problem_not_the_first() {
    let json = mutated(|v| {
        v["id"] = json!("Bad Id");
        v["version"] = json!("one");
        v["sections"][0]["items"][1]["options"][1]["code"] = json!("jamais");
        v["scales"][0]["min_answered"] = json!(0);
    });
    let problems = Questionnaire::from_json(&json).unwrap_err().problems;
    let codes: BTreeSet<ProblemCode> = problems.iter().map(|p| p.code).collect();
    for code in [
        ProblemCode::InvalidId,
        ProblemCode::InvalidVersion,
        ProblemCode::DuplicateOptionCode,
        ProblemCode::InvalidMinAnswered,
    ] {
        assert!(codes.contains(&code), "{code} missing from {problems:#?}");
    }
}

#[test]
fn several_structural_errors_are_reported_together() {
    let json = mutated(|v| {
        v["sections"][0]["items"][0]["requird"] = json!(true);
        v["sections"][1]["items"][0]["max_lenght"] = json!(10);
        v["licence"]["wording_lockd"] = json!(true);
    });
    let problems = Questionnaire::from_json(&json).unwrap_err().problems;
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"sections[0].items[0].requird"), "{problems:#?}");
    assert!(paths.contains(&"sections[1].items[0].max_lenght"), "{problems:#?}");
    assert!(paths.contains(&"licence.wording_lockd"), "{problems:#?}");
    assert!(problems.iter().all(|p| p.code == ProblemCode::InvalidStructure));
}

#[test]
fn json_syntax_errors_give_line_and_column() {
    let problems = Questionnaire::from_json("{\n  \"id\": \"x\",\n  oops\n}").unwrap_err().problems;
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].code, ProblemCode::InvalidJson);
    assert!(problems[0].detail.starts_with("line 3, column 3"), "{}", problems[0].detail);
}

#[test]
fn problems_serialize_with_snake_case_codes() {
    let problem = Problem::new("sections[0].id", ProblemCode::DuplicateId, "twice");
    let json = serde_json::to_value(&problem).unwrap();
    assert_eq!(json, json!({"path": "sections[0].id", "code": "duplicate_id", "detail": "twice"}));
}
