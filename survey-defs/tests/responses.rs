//! Conditions, visibility and response checking.
#![allow(clippy::unwrap_used)]

mod common;

use common::{example, mutated_questionnaire, raw, text};
use serde_json::json;
use survey_defs::{
    Answer, Answers, Condition, ConditionValue, ProblemCode, RawAnswer, RequiredCheck, check_answers, check_partial,
    check_response, visibility,
};

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

fn cond(json: serde_json::Value) -> Condition {
    serde_json::from_value(json).unwrap()
}

#[test]
fn comparisons_with_an_unanswered_item_are_false() {
    let q = example();
    let none = Answers::new();
    for c in [
        json!({"op": "answered", "item": "medicament"}),
        json!({"op": "equals", "item": "medicament", "value": true}),
        json!({"op": "not_equals", "item": "medicament", "value": true}),
        json!({"op": "greater_than", "item": "intensite", "value": -1}),
        json!({"op": "less_than", "item": "intensite", "value": 100}),
        json!({"op": "includes", "item": "localisation", "option": "dos"}),
    ] {
        assert!(!cond(c.clone()).evaluate(&q, &none), "{c}");
    }
}

#[test]
fn comparisons_on_answers() {
    let q = example();
    let a = answers(&[
        ("intensite", Answer::Number(6.0)),
        ("gene", Answer::Choice("souvent".into())),
        ("medicament", Answer::YesNo(false)),
        ("localisation", Answer::Choices(vec!["dos".into(), "mains".into()])),
    ]);
    let holds = |c: serde_json::Value| cond(c).evaluate(&q, &a);
    assert!(holds(json!({"op": "equals", "item": "medicament", "value": false})));
    assert!(holds(json!({"op": "not_equals", "item": "medicament", "value": true})));
    assert!(holds(json!({"op": "greater_than", "item": "intensite", "value": 5})));
    assert!(!holds(json!({"op": "less_than", "item": "intensite", "value": 6})));
    // On a Likert item the option's scoring value is compared: "souvent" = 2.
    assert!(holds(json!({"op": "greater_than", "item": "gene", "value": 1})));
    assert!(holds(json!({"op": "equals", "item": "gene", "value": "souvent"})));
    assert!(holds(json!({"op": "includes", "item": "localisation", "option": "mains"})));
    assert!(!holds(json!({"op": "includes", "item": "localisation", "option": "genoux"})));
    // Incomparable types are false, not-equals included.
    assert!(!holds(json!({"op": "not_equals", "item": "medicament", "value": "oui"})));
    assert!(holds(json!({"op": "all", "conditions": [
        {"op": "answered", "item": "gene"},
        {"op": "any", "conditions": [{"op": "equals", "item": "medicament", "value": true}, {"op": "less_than", "item": "intensite", "value": 7}]}
    ]})));
    // "Not applicable" has no value: neither greater nor less.
    let nc = answers(&[("gene", Answer::Choice("nc".into()))]);
    assert!(!cond(json!({"op": "greater_than", "item": "gene", "value": -10})).evaluate(&q, &nc));
    assert!(!cond(json!({"op": "less_than", "item": "gene", "value": 10})).evaluate(&q, &nc));
}

#[test]
fn referenced_items_lists_every_leaf() {
    let c = cond(json!({"op": "any", "conditions": [
        {"op": "answered", "item": "a"}, {"op": "all", "conditions": [{"op": "equals", "item": "b", "value": 1}]}
    ]}));
    assert_eq!(c.referenced_items(), ["a", "b"]);
    assert_eq!(
        cond(json!({"op": "equals", "item": "x", "value": "code"})),
        Condition::Equals { item: "x".into(), value: ConditionValue::Text("code".into()) }
    );
}

#[test]
fn visibility_disregards_answers_to_hidden_items() {
    // localisation shows when intensite > 0; make commentaire's section depend on localisation.
    let q = mutated_questionnaire(|v| {
        v["sections"][1]["condition"] = json!({"op": "includes", "item": "localisation", "option": "dos"});
    });
    let stale = answers(&[("intensite", Answer::Number(0.0)), ("localisation", Answer::Choices(vec!["dos".into()]))]);
    let vis = visibility(&q, &stale);
    assert!(vis.item_visible("intensite") && !vis.item_visible("localisation"));
    assert!(!vis.section_visible("remarques") && !vis.item_visible("commentaire"));
    let fresh = answers(&[("intensite", Answer::Number(4.0)), ("localisation", Answer::Choices(vec!["dos".into()]))]);
    let vis = visibility(&q, &fresh);
    assert!(vis.section_visible("remarques") && vis.item_visible("commentaire"));
    assert!(!vis.item_visible("no-such-item"));
}

#[test]
fn html_form_strings_are_read() {
    let q = example();
    let form = raw([
        ("intensite", text(" 7 ")),
        ("gene", text("parfois")),
        ("medicament", text("oui")),
        ("efficacite", text("un_peu")),
        ("localisation", RawAnswer::List(vec!["mains".into(), "dos".into(), "".into()])),
        ("commentaire", text("  Merci à l'équipe.  ")),
    ]);
    let check = check_response(&q, &form);
    assert!(check.is_acceptable(), "{:#?}", check.problems);
    assert_eq!(
        check.answers,
        answers(&[
            ("intensite", Answer::Number(7.0)),
            ("gene", Answer::Choice("parfois".into())),
            ("medicament", Answer::YesNo(true)),
            ("efficacite", Answer::Choice("un_peu".into())),
            // Stored in the item's option order.
            ("localisation", Answer::Choices(vec!["dos".into(), "mains".into()])),
            ("commentaire", Answer::Text("Merci à l'équipe.".into())),
        ])
    );
    for (value, expected) in [("yes", true), ("no", false), ("true", true), ("false", false), ("Non", false)] {
        let check = check_partial(&q, &raw([("medicament", text(value))]));
        assert_eq!(check.answers.get("medicament"), Some(&Answer::YesNo(expected)), "{value}");
    }
    let single_box = check_partial(&q, &raw([("intensite", text("2")), ("localisation", text("genoux"))]));
    assert_eq!(single_box.answers.get("localisation"), Some(&Answer::Choices(vec!["genoux".into()])));
}

#[test]
fn french_decimal_comma_and_decimals() {
    let q = mutated_questionnaire(|v| {
        v["sections"][1]["items"][0] = json!({
            "id": "poids", "type": "number", "text": {"fr": "Poids", "en": "Weight"},
            "min": 20, "max": 300, "decimals": 1, "unit": {"fr": "kg", "en": "kg"}
        });
    });
    let read = |s: &str| check_partial(&q, &raw([("poids", text(s))]));
    assert_eq!(read("72,5").answers.get("poids"), Some(&Answer::Number(72.5)));
    assert_eq!(read("72.3").answers.get("poids"), Some(&Answer::Number(72.3)));
    assert_eq!(read("72,55").problems[0].code, ProblemCode::InvalidNumber);
    assert_eq!(read("2000").problems[0].code, ProblemCode::OutOfRange);
    assert_eq!(read("beaucoup").problems[0].code, ProblemCode::InvalidNumber);
}

#[test]
fn empty_strings_mean_unanswered() {
    let q = example();
    let check = check_response(&q, &raw([("intensite", text("")), ("gene", text("  ")), ("efficacite", text(""))]));
    let codes: Vec<(&str, ProblemCode)> = check.problems.iter().map(|p| (p.path.as_str(), p.code)).collect();
    assert_eq!(codes, [("intensite", ProblemCode::Required), ("gene", ProblemCode::Required)]);
    assert!(check.ignored_hidden.is_empty(), "a blank answer to a hidden item is not an answer");
}

#[test]
fn hidden_items_are_reported_not_stored() {
    let q = example();
    let form = raw([
        ("intensite", text("0")),
        ("gene", text("jamais")),
        ("medicament", text("non")),
        ("efficacite", text("oui")),
        ("localisation", text("dos")),
    ]);
    let check = check_response(&q, &form);
    assert!(check.is_acceptable(), "{:#?}", check.problems);
    assert_eq!(check.ignored_hidden, ["efficacite", "localisation"]);
    assert_eq!(check.answers.len(), 3);
}

#[test]
fn invalid_answers_do_not_open_follow_ups() {
    let q = example();
    let check = check_partial(&q, &raw([("medicament", text("peut-être")), ("efficacite", text("oui"))]));
    assert_eq!(check.problems[0].code, ProblemCode::WrongType);
    assert_eq!(check.ignored_hidden, ["efficacite"]);
}

#[test]
fn required_answers_of_chosen_sections_only() {
    let q = mutated_questionnaire(|v| v["sections"][1]["items"][0]["required"] = json!(true));
    let empty = raw([]);
    let first_page = check_answers(&q, &empty, &RequiredCheck::Sections(vec!["douleur".into()]));
    let paths: Vec<&str> = first_page.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["intensite", "gene"]);
    let second_page = check_answers(&q, &empty, &RequiredCheck::Sections(vec!["remarques".into()]));
    assert_eq!(second_page.problems.len(), 1);
    assert_eq!(second_page.problems[0].path, "commentaire");
    assert!(check_answers(&q, &empty, &RequiredCheck::Nothing).is_acceptable());
}

#[test]
fn answers_to_display_items_are_wrong_type() {
    let q = mutated_questionnaire(|v| {
        v["sections"][1]["items"] = json!([
            {"id": "merci", "type": "display", "text": {"fr": "Merci", "en": "Thanks"}},
            {"id": "commentaire", "type": "short_text", "text": {"fr": "Autre ?", "en": "Other?"}}
        ]);
    });
    let check = check_partial(&q, &raw([("merci", text("x"))]));
    assert_eq!((check.problems[0].path.as_str(), check.problems[0].code), ("merci", ProblemCode::WrongType));
}

#[test]
fn dates_are_checked_against_bounds() {
    let q = mutated_questionnaire(|v| {
        v["sections"][1]["items"][0] = json!({
            "id": "jour", "type": "date", "text": {"fr": "Date", "en": "Date"}, "min": "2020-01-01", "max": "2030-12-31"
        });
    });
    let read = |s: &str| check_partial(&q, &raw([("jour", text(s))]));
    assert_eq!(read("2024-02-29").answers.get("jour"), Some(&Answer::Date("2024-02-29".into())));
    assert_eq!(read("2019-12-31").problems[0].code, ProblemCode::OutOfRange);
    assert_eq!(read("29/02/2024").problems[0].code, ProblemCode::InvalidDate);
}

#[test]
fn answers_serialize_with_type_and_value() {
    let a = answers(&[("x", Answer::Choices(vec!["a".into()])), ("y", Answer::YesNo(true))]);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json, json!({"x": {"type": "choices", "value": ["a"]}, "y": {"type": "yes_no", "value": true}}));
    assert_eq!(serde_json::from_value::<Answers>(json).unwrap(), a);
}
