#![allow(clippy::unwrap_used)]

use survey_defs::MISSING;

use super::*;
use crate::tally::CampaignTally;

/// Two 4-point Likert items (the first with a "don't know" option), a 0–10 rating, a
/// free text, and a scale summing the two Likert items.
fn questionnaire() -> Questionnaire {
    let option = |code: &str, value: Option<i32>| match value {
        Some(v) => format!(r#"{{"code": "{code}", "label": {{"fr": "{code}"}}, "value": {v}}}"#),
        None => format!(r#"{{"code": "{code}", "label": {{"fr": "{code}"}}}}"#),
    };
    let points: Vec<String> = (0..4).map(|v| option(&format!("o{v}"), Some(v))).collect();
    let with_dk = format!("{}, {}", points.join(", "), option("nsp", None));
    let json = format!(
        r#"{{"id": "co-eval", "version": "1.0.0", "kind": "prem", "languages": ["fr"],
            "title": {{"fr": "T"}}, "introduction": {{"fr": "I"}}, "who_asks_and_why": {{"fr": "W"}},
            "sections": [{{"id": "s", "title": {{"fr": "S"}}, "items": [
                {{"id": "q1", "type": "likert", "text": {{"fr": "Q1"}}, "options": [{with_dk}]}},
                {{"id": "q2", "type": "likert", "text": {{"fr": "Q2"}}, "options": [{}]}},
                {{"id": "q3", "type": "rating_scale", "text": {{"fr": "Q3"}}, "min": 0, "max": 10,
                  "min_label": {{"fr": "0"}}, "max_label": {{"fr": "10"}}}},
                {{"id": "q4", "type": "long_text", "text": {{"fr": "Q4"}}}}]}}],
            "scales": [{{"id": "s", "title": {{"fr": "S"}}, "items": ["q1", "q2"], "method": "sum", "min_answered": 2}}],
            "provenance": {{}}, "licence": {{"name": "CC0"}}}}"#,
        points.join(", ")
    );
    Questionnaire::from_json(&json).unwrap()
}

/// Twenty respondents, `r` = 0..20:
/// q1: 0 for r < 4, 1 for r < 7, 2 for r < 10, 3 for r < 14, "don't know" for r < 18, then
/// missing; q2: r mod 4; q3: missing for r < 3, else 5; q4: a text for r < 7.
fn row(r: i32) -> Vec<i32> {
    let q1 = match r {
        0..4 => 0,
        4..7 => 1,
        7..10 => 2,
        10..14 => 3,
        14..18 => 4,
        _ => MISSING,
    };
    vec![q1, r % 4, if r < 3 { MISSING } else { 5 }, if r < 7 { r + 1 } else { MISSING }]
}

fn tally() -> CampaignTally {
    let mut tally = CampaignTally::new(&questionnaire()).unwrap().with_reliability();
    for r in 0..20 {
        tally.add_codes(&row(r)).unwrap();
    }
    tally
}

fn figures(co: &CoEvaluation, i: usize) -> &ItemQualityFigures {
    co.items[i].figures.shown().unwrap()
}

#[test]
fn item_quality_by_hand() {
    let co = tally().co_evaluation(3);
    // q1: 18 answered, 2 missing (10 %: not above the threshold); 4 "don't know" of 18;
    // 14 valued answers, 4 at the floor (0) and 4 at the ceiling (3): 28.6 %, flagged.
    let q1 = figures(&co, 0);
    assert_eq!((q1.answered, q1.missing), (18, 2));
    assert_eq!(q1.missing_share, Share { pct: 10.0, flagged: false });
    assert_eq!(q1.dont_know, Some(Disclosed::Shown(4)));
    assert_eq!(q1.dont_know_pct, Some(Disclosed::Shown(100.0 * 4.0 / 18.0)));
    assert_eq!(q1.floor, Some(Share { pct: 100.0 * 4.0 / 14.0, flagged: true }));
    assert_eq!(q1.ceiling, q1.floor);
    // q2: five answers per point: 25 % at floor and ceiling, flagged; no "don't know" option.
    let q2 = figures(&co, 1);
    assert_eq!((q2.dont_know, q2.floor), (None, Some(Share { pct: 25.0, flagged: true })));
    // q3: 3 of 20 missing (15 %, flagged); everyone at 5: no floor or ceiling.
    let q3 = figures(&co, 2);
    assert_eq!(q3.missing_share, Share { pct: 15.0, flagged: true });
    assert_eq!(
        (q3.floor, q3.ceiling),
        (Some(Share { pct: 0.0, flagged: false }), Some(Share { pct: 0.0, flagged: false }))
    );
    // q4: 7 free texts, 13 missing.
    let q4 = figures(&co, 3);
    assert_eq!((q4.free_texts, q4.floor, q4.dont_know), (Some(7), None, None));
    assert_eq!(q1.free_texts, None);
    // Rankings: q4 (65 %), q3 (15 %), q1 (10 %); q2 was never skipped.
    let skipped: Vec<&str> = co.most_skipped.iter().map(|s| s.item_id.as_str()).collect();
    assert_eq!(skipped, vec!["q4", "q3", "q1"]);
    assert_eq!(co.most_dont_know, vec![ItemShare { item_id: "q1".to_owned(), pct: 100.0 * 4.0 / 18.0 }]);
}

#[test]
fn scale_quality_by_hand() {
    // Complete cases: r < 14 (q1 valued, q2 always). Scores q1 + q2: one 0 (r = 0), one 6
    // (r = 11), twelve in between.
    let co = tally().co_evaluation(1);
    let scale = &co.scales[0];
    let fc = scale.floor_ceiling.shown().unwrap();
    assert_eq!(fc.scored, 14);
    assert_eq!(fc.floor, Disclosed::Shown(Share { pct: 100.0 / 14.0, flagged: false }));
    assert_eq!(fc.ceiling, fc.floor);
    let mut expected = ItemCovariance::new("s", vec!["q1".to_owned(), "q2".to_owned()]);
    for r in 0..14 {
        expected.add(&[i64::from(row(r)[0]), i64::from(r % 4)]);
    }
    let reliability = scale.reliability.as_ref().unwrap().shown().unwrap();
    assert_eq!(reliability.complete_cases, 14);
    let r = expected.reliability();
    assert_eq!((reliability.alpha, &reliability.items), (r.alpha, &r.items));
    assert!(reliability.alpha.is_some());

    // k = 3: the single floor and ceiling scores are small cells, withheld.
    let co = tally().co_evaluation(3);
    let fc = co.scales[0].floor_ceiling.shown().unwrap();
    assert!(fc.floor.is_suppressed() && fc.ceiling.is_suppressed());
}

#[test]
fn small_groups_are_withheld() {
    // k = 5: q1's option counts (4, 3, 3, 4, 4) are all small: its "don't know" count and
    // its floor and ceiling are withheld, though 18 answered.
    let co = tally().co_evaluation(5);
    let q1 = figures(&co, 0);
    assert_eq!(q1.dont_know, Some(Disclosed::Suppressed { fewer_than: 5 }));
    assert!(q1.dont_know_pct.as_ref().unwrap().is_suppressed());
    assert_eq!((q1.floor, q1.ceiling), (None, None));
    assert!(co.most_dont_know.is_empty());
    // k = 15: 14 complete cases are too few for the reliability; q4's 7 texts too few.
    let co = tally().co_evaluation(15);
    assert!(co.scales[0].reliability.as_ref().unwrap().is_suppressed());
    assert!(co.items[3].figures.is_suppressed());
    assert!(co.scales[0].floor_ceiling.is_suppressed());
    // Without reliability statistics, reliability is absent rather than withheld.
    let plain = CampaignTally::new(&questionnaire()).unwrap();
    assert_eq!(plain.co_evaluation(1).scales[0].reliability, None);
}

/// Federation: two sites' tallies merged give the co-evaluation of the pooled responses.
#[test]
fn merged_sites_give_the_pooled_co_evaluation() {
    let q = questionnaire();
    let (mut a, mut b) =
        (CampaignTally::new(&q).unwrap().with_reliability(), CampaignTally::new(&q).unwrap().with_reliability());
    for r in 0..20 {
        if r % 3 == 0 { &mut a } else { &mut b }.add_codes(&row(r)).unwrap();
    }
    a.merge(&b).unwrap();
    assert_eq!(a.co_evaluation(3), tally().co_evaluation(3));
    assert!(a.merge(&CampaignTally::new(&q).unwrap()).is_err());
}
