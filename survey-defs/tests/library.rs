//! The built-in library: valid, scored to the published totals and bands.
#![allow(clippy::unwrap_used)]

mod common;

use common::{builtin, choices, raw, text};
use survey_defs::{
    Answer, AuthorRole, BUILTIN_SOURCES, ItemKind, ProblemCode, Questionnaire, QuestionnaireKind, RawAnswer,
    RawAnswers, builtin_library, check_partial, check_response, score_all, visibility,
};

#[test]
fn every_builtin_is_valid() {
    for (name, json) in BUILTIN_SOURCES {
        if let Err(e) = Questionnaire::from_json(json) {
            panic!("{name} is invalid: {:#?}", e.problems);
        }
    }
    let ids: Vec<String> = builtin_library().into_iter().map(|q| q.id).collect();
    assert_eq!(ids, ["phq-9", "gad-7", "prem-sejour"]);
}

#[test]
fn builtin_file_names_match_ids() {
    for (name, json) in BUILTIN_SOURCES {
        let q = Questionnaire::from_json(json).unwrap();
        assert_eq!(format!("{}.json", q.id), name);
        assert!(q.languages.contains(&"fr".to_owned()) && q.languages.contains(&"en".to_owned()));
    }
}

fn phq9_score(codes: &[&str]) -> (Option<f64>, Option<usize>) {
    let q = builtin("phq-9");
    let score = &score_all(&q, &choices("phq9_", codes))[0];
    assert_eq!(score.scale_id, "phq9_total");
    (score.value, score.band)
}

#[test]
fn phq9_structure_follows_the_instrument() {
    let q = builtin("phq-9");
    assert_eq!((q.version.as_str(), q.kind), ("1.0.0", QuestionnaireKind::Prom));
    assert!(q.licence.wording_locked);
    let ids: Vec<&str> = q.answerable_items().map(|i| i.id.as_str()).collect();
    let expected: Vec<String> = (1..=10).map(|k| format!("phq9_{k}")).collect();
    assert_eq!(ids, expected);
    for item in q.items().take(9) {
        assert!(item.required);
        let labels: Vec<(&str, Option<i32>)> =
            item.kind.options().iter().map(|o| (o.label.get("en"), o.value)).collect();
        assert_eq!(
            labels,
            [
                ("Not at all", Some(0)),
                ("Several days", Some(1)),
                ("More than half the days", Some(2)),
                ("Nearly every day", Some(3))
            ]
        );
        let french: Vec<&str> = item.kind.options().iter().map(|o| o.label.get("fr")).collect();
        assert_eq!(french, ["Jamais", "Plusieurs jours", "Plus de la moitié du temps", "Presque tous les jours"]);
    }
    let item10 = q.item("phq9_10").unwrap();
    assert!(!item10.required);
    assert!(item10.kind.options().iter().all(|o| o.value.is_none()), "item 10 is not scored");
    assert!(q.scales[0].caveat.as_ref().unwrap().get("fr").contains("3114"));
    assert_eq!(q.items().next().unwrap().text.get("en"), "Little interest or pleasure in doing things");
}

#[test]
fn phq9_all_several_days_is_9_mild() {
    assert_eq!(phq9_score(&["1"; 9]), (Some(9.0), Some(1)));
}

#[test]
fn phq9_published_bands() {
    assert_eq!(phq9_score(&["0"; 9]), (Some(0.0), Some(0)));
    assert_eq!(phq9_score(&["3"; 9]), (Some(27.0), Some(4)));
    assert_eq!(phq9_score(&["2", "2", "2", "2", "2", "0", "0", "0", "0"]), (Some(10.0), Some(2)));
    assert_eq!(phq9_score(&["3", "3", "3", "3", "3", "0", "0", "0", "0"]), (Some(15.0), Some(3)));
    assert_eq!(phq9_score(&["3", "3", "3", "3", "3", "3", "2", "0", "0"]), (Some(20.0), Some(4)));
    assert_eq!(phq9_score(&["1", "1", "1", "1", "0", "0", "0", "0", "0"]), (Some(4.0), Some(0)));
}

#[test]
fn phq9_two_missing_items_are_prorated() {
    // 7 answered, all "more than half the days": 14 / 7 × 9 = 18, moderately severe.
    assert_eq!(phq9_score(&["2", "2", "2", "2", "2", "2", "2", "", ""]), (Some(18.0), Some(3)));
    // 8 / 7 × 9 = 10.2857… → 10.29, moderate.
    assert_eq!(phq9_score(&["1", "1", "1", "1", "1", "1", "2", "", ""]), (Some(10.29), Some(2)));
    // 7 / 7 × 9 = 9: a prorated score between two bands stays in the lower one.
    assert_eq!(phq9_score(&["1", "1", "1", "1", "1", "1", "1", "", ""]), (Some(9.0), Some(1)));
    let q = builtin("phq-9");
    assert_eq!(q.scales[0].band_for(9.43), Some(1));
}

#[test]
fn phq9_three_missing_items_give_no_score() {
    assert_eq!(phq9_score(&["3", "3", "3", "3", "3", "3", "", "", ""]), (None, None));
    let q = builtin("phq-9");
    let score = &score_all(&q, &choices("phq9_", &["3", "3", "3", "3", "3", "3"]))[0];
    assert_eq!(score.answered, 6);
}

fn phq9_form(codes: [&str; 9]) -> RawAnswers {
    codes.iter().enumerate().map(|(k, c)| (format!("phq9_{}", k + 1), text(c))).collect()
}

#[test]
fn phq9_item_10_is_hidden_when_all_answers_are_zero() {
    let q = builtin("phq-9");
    let mut form = phq9_form(["0"; 9]);
    form.insert("phq9_10".into(), text("tres"));
    let check = check_response(&q, &form);
    assert!(check.is_acceptable(), "{:#?}", check.problems);
    assert_eq!(check.ignored_hidden, ["phq9_10"]);
    assert!(!check.answers.contains_key("phq9_10"));
    assert!(!visibility(&q, &check.answers).item_visible("phq9_10"));
}

#[test]
fn phq9_item_10_is_shown_but_optional_when_a_problem_is_checked() {
    let q = builtin("phq-9");
    let form = phq9_form(["0", "0", "0", "1", "0", "0", "0", "0", "0"]);
    let check = check_response(&q, &form);
    assert!(check.is_acceptable(), "not required: {:#?}", check.problems);
    assert!(visibility(&q, &check.answers).item_visible("phq9_10"));
    let mut form = form;
    form.insert("phq9_10".into(), text("assez"));
    let check = check_response(&q, &form);
    assert_eq!(check.answers.get("phq9_10"), Some(&Answer::Choice("assez".into())));
    assert!(check.ignored_hidden.is_empty());
    assert_eq!(score_all(&q, &check.answers)[0].value, Some(1.0), "item 10 is not scored");
}

#[test]
fn phq9_missing_required_items_are_reported_only_on_final_submission() {
    let q = builtin("phq-9");
    let form = raw([("phq9_1", text("2"))]);
    let final_check = check_response(&q, &form);
    let required: Vec<&str> =
        final_check.problems.iter().filter(|p| p.code == ProblemCode::Required).map(|p| p.path.as_str()).collect();
    assert_eq!(required, ["phq9_2", "phq9_3", "phq9_4", "phq9_5", "phq9_6", "phq9_7", "phq9_8", "phq9_9"]);
    assert!(check_partial(&q, &form).is_acceptable());
}

fn gad7_score(codes: &[&str]) -> (Option<f64>, Option<usize>) {
    let q = builtin("gad-7");
    let score = &score_all(&q, &choices("gad7_", codes))[0];
    (score.value, score.band)
}

#[test]
fn gad7_published_totals_and_bands() {
    let q = builtin("gad-7");
    assert_eq!(q.answerable_items().count(), 7);
    assert_eq!(q.items().next().unwrap().text.get("fr"), "Sentiment de nervosité, d'anxiété ou de tension");
    assert_eq!(gad7_score(&["1"; 7]), (Some(7.0), Some(1)));
    assert_eq!(gad7_score(&["0"; 7]), (Some(0.0), Some(0)));
    assert_eq!(gad7_score(&["3"; 7]), (Some(21.0), Some(3)));
    assert_eq!(gad7_score(&["2", "2", "2", "2", "2", "0", "0"]), (Some(10.0), Some(2)));
    assert_eq!(gad7_score(&["3", "3", "3", "3", "3", "0", "0"]), (Some(15.0), Some(3)));
}

#[test]
fn gad7_one_missing_is_prorated_two_missing_is_not_scored() {
    // 6 answered, sum 9: 9 / 6 × 7 = 10.5, moderate.
    assert_eq!(gad7_score(&["2", "2", "2", "1", "1", "1", ""]), (Some(10.5), Some(2)));
    assert_eq!(gad7_score(&["3", "3", "3", "3", "3", "", ""]), (None, None));
}

#[test]
fn prem_sejour_is_an_honest_demonstration() {
    let q = builtin("prem-sejour");
    assert_eq!(q.kind, QuestionnaireKind::Prem);
    assert!(!q.licence.wording_locked);
    let roles: Vec<AuthorRole> = q.provenance.co_authors.iter().map(|a| a.role).collect();
    assert!(roles.contains(&AuthorRole::PatientPartner) && roles.contains(&AuthorRole::Professional));
    assert!(q.provenance.co_authors.iter().all(|a| a.name.contains("(démo)")));
    assert!(q.provenance.notes.as_ref().unwrap().get("fr").contains("pas un instrument validé"));
    for item in q.answerable_items() {
        assert!(item.why_we_ask.is_some(), "{} lacks why_we_ask", item.id);
    }
    assert!(q.items().filter(|i| i.easy_read.is_some()).count() >= 3);
    let count = q.answerable_items().count();
    assert!((10..=12).contains(&count), "{count} items");
    assert!(q.items().any(|i| matches!(i.kind, ItemKind::RatingScale { min: 0, max: 10, .. })));
    assert!(q.items().any(|i| { i.kind.options().iter().any(|o| o.code == "nc" && o.value.is_none()) }));
}

#[test]
fn prem_pain_follow_up_and_not_concerned() {
    let q = builtin("prem-sejour");
    let no_pain = raw([("douleur", text("non")), ("douleur_soulagee", text("oui"))]);
    let check = check_partial(&q, &no_pain);
    assert_eq!(check.ignored_hidden, ["douleur_soulagee"]);
    let pain = raw([("douleur", text("oui")), ("douleur_soulagee", text("plutot_oui"))]);
    let check = check_partial(&q, &pain);
    assert!(check.is_acceptable() && check.ignored_hidden.is_empty());
    assert_eq!(check.answers.get("douleur"), Some(&Answer::YesNo(true)));

    // "Non concerné" counts as missing: the information score rests on the other item.
    let answers = check_partial(
        &q,
        &raw([
            ("info_soins", text("nc")),
            ("info_medicaments", text("plutot_oui")),
            ("recommandation", RawAnswer::Number(8.0)),
        ]),
    )
    .answers;
    let scores = score_all(&q, &answers);
    let information = scores.iter().find(|s| s.scale_id == "information").unwrap();
    assert_eq!((information.value, information.answered), (Some(66.67), 1));
    let all_nc = check_partial(&q, &raw([("info_soins", text("nc")), ("info_medicaments", text("nc"))])).answers;
    assert_eq!(score_all(&q, &all_nc)[0].value, None);
}
