//! End to end over a PHQ-9 campaign: encoded rows → frame → summaries → report.
#![allow(clippy::unwrap_used)]

use analytics::{
    CampaignFrame, CampaignReport, CampaignTally, Disclosed, ItemCovariance, ItemSummary, ScaleSummary, ValueCounts,
    scale_scores,
};
use proptest::prelude::*;
use survey_defs::{Answer, Answers, EncodedAnswers, ItemKind, Questionnaire, item_value, score_scale};

/// PHQ-9 from survey-defs' built-in library; while that library is being written, the
/// same instrument from this crate's fixture.
fn phq9() -> Questionnaire {
    survey_defs::builtin("phq-9")
        .unwrap_or_else(|| Questionnaire::from_json(include_str!("fixtures/phq-9.json")).unwrap())
}

/// One response: `choices[i]` picks an option (or a point) of answerable item `i`, `None`
/// leaves it unanswered.
fn answers(q: &Questionnaire, choices: &[Option<u8>]) -> Answers {
    let mut answers = Answers::new();
    for (item, choice) in q.answerable_items().zip(choices) {
        let Some(choice) = choice else { continue };
        let answer = match &item.kind {
            ItemKind::Likert { options } | ItemKind::SingleChoice { options } => {
                Answer::Choice(options[usize::from(*choice) % options.len()].code.clone())
            }
            ItemKind::RatingScale { min, max, .. } => {
                Answer::Number(f64::from(min + i32::from(*choice) % (max - min + 1)))
            }
            ItemKind::YesNo => Answer::YesNo(choice % 2 == 1),
            _ => continue,
        };
        answers.insert(item.id.clone(), answer);
    }
    answers
}

fn encoded_rows(q: &Questionnaire, responses: &[Answers]) -> Vec<Vec<u8>> {
    let layout = q.answer_layout();
    responses.iter().map(|a| EncodedAnswers::codes_to_bytes(&layout.encode(a).codes)).collect()
}

fn frame(q: &Questionnaire, responses: &[Answers]) -> CampaignFrame {
    let rows = encoded_rows(q, responses);
    CampaignFrame::from_encoded(&q.answer_layout(), rows.iter().map(Vec::as_slice)).unwrap()
}

fn response_strategy() -> impl Strategy<Value = Vec<Option<u8>>> {
    proptest::collection::vec(prop_oneof![1 => Just(None), 6 => (0u8..255).prop_map(Some)], 12)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Analytics' scores are survey-defs' scores, response by response, including
    /// prorated and unscorable responses; band counts follow.
    #[test]
    fn scores_agree_with_survey_defs(choices in proptest::collection::vec(response_strategy(), 0..60)) {
        let q = phq9();
        let responses: Vec<Answers> = choices.iter().map(|c| answers(&q, c)).collect();
        let frame = frame(&q, &responses);
        for scale in &q.scales {
            let ours = scale_scores(&q, scale, &frame).unwrap();
            let expected: Vec<_> = responses.iter().map(|a| score_scale(&q, scale, a)).collect();
            let values: Vec<Option<f64>> = expected.iter().map(|s| s.value).collect();
            prop_assert_eq!(&ours, &values);
            let summary = ScaleSummary::compute(&q, scale, &frame).unwrap();
            let (bands, outside) = summary.band_counts();
            for (i, &count) in bands.iter().enumerate() {
                let n = expected.iter().filter(|s| s.band == Some(i)).count() as u64;
                prop_assert_eq!(count, n);
            }
            let unbanded = expected.iter().filter(|s| s.value.is_some() && s.band.is_none()).count() as u64;
            prop_assert_eq!(outside, unbanded);
            prop_assert_eq!(summary.not_scored(), values.iter().filter(|v| v.is_none()).count() as u64);
        }
    }

    /// Federation: summaries of a campaign split between institutions, merged, give the
    /// very report of the pooled campaign.
    #[test]
    fn merged_sites_give_the_pooled_report(
        choices in proptest::collection::vec(response_strategy(), 0..80),
        cut in 0usize..80,
    ) {
        let q = phq9();
        let responses: Vec<Answers> = choices.iter().map(|c| answers(&q, c)).collect();
        let cut = cut.min(responses.len());
        let (a, b) = (frame(&q, &responses[..cut]), frame(&q, &responses[cut..]));
        let mut items = ItemSummary::compute_all(&q, &a).unwrap();
        for (item, other) in items.iter_mut().zip(ItemSummary::compute_all(&q, &b).unwrap()) {
            item.merge(&other).unwrap();
        }
        let mut scales = ScaleSummary::compute_all(&q, &a).unwrap();
        for (scale, other) in scales.iter_mut().zip(ScaleSummary::compute_all(&q, &b).unwrap()) {
            scale.merge(&other).unwrap();
        }
        let merged = CampaignReport::from_summaries(&q, responses.len() as u64, &items, &scales, 5);
        let pooled = CampaignReport::compute(&q, &frame(&q, &responses), 5).unwrap();
        prop_assert_eq!(merged, pooled);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The one-pass tally gives the very summaries and report of the frame path, for the
    /// PHQ-9 (prorated sums) and the PREM (rescaled means of 4-point items with "don't
    /// know", yes/no, a 0–10 rating, free text); counted in two parts and merged, too.
    #[test]
    fn tally_gives_the_frame_report(
        choices in proptest::collection::vec(response_strategy(), 0..80),
        cut in 0usize..80,
        k in 0u32..8,
    ) {
        for q in [phq9(), survey_defs::builtin("prem-sejour").unwrap()] {
            let responses: Vec<Answers> = choices.iter().map(|c| answers(&q, c)).collect();
            let rows = encoded_rows(&q, &responses);
            let frame = CampaignFrame::from_encoded(&q.answer_layout(), rows.iter().map(Vec::as_slice)).unwrap();
            let tally = CampaignTally::from_encoded(&q, rows.iter().map(Vec::as_slice)).unwrap();
            prop_assert_eq!(tally.respondents(), responses.len() as u64);
            prop_assert_eq!(tally.item_summaries(), ItemSummary::compute_all(&q, &frame).unwrap());
            prop_assert_eq!(tally.scale_summaries(), ScaleSummary::compute_all(&q, &frame).unwrap());
            prop_assert_eq!(tally.report(k), CampaignReport::compute(&q, &frame, k).unwrap());

            let cut = cut.min(rows.len());
            let mut parts = CampaignTally::new(&q).unwrap();
            parts.add_rows(rows[..cut].iter().map(Vec::as_slice)).unwrap();
            let mut rest = CampaignTally::new(&q).unwrap();
            for row in &rows[cut..] {
                rest.add_codes(&EncodedAnswers::codes_from_bytes(row).unwrap()).unwrap();
            }
            parts.merge(&rest).unwrap();
            prop_assert_eq!(parts.report(k), tally.report(k));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The reliability statistics the tally accumulates are the complete-case sums and
    /// cross-products of the items' scoring values, computed here from the typed answers;
    /// counted in parts and merged, the same.
    #[test]
    fn tally_reliability_statistics_are_the_complete_cases(
        choices in proptest::collection::vec(response_strategy(), 0..60),
        cut in 0usize..60,
    ) {
        for q in [phq9(), survey_defs::builtin("prem-sejour").unwrap()] {
            let responses: Vec<Answers> = choices.iter().map(|c| answers(&q, c)).collect();
            let rows = encoded_rows(&q, &responses);
            let tally = CampaignTally::new(&q).unwrap().with_reliability().count_encoded(rows.iter().map(Vec::as_slice)).unwrap();
            let expected: Vec<ItemCovariance> = q
                .scales
                .iter()
                .map(|scale| {
                    let mut stats = ItemCovariance::new(&scale.id, scale.items.clone());
                    for a in &responses {
                        let values: Option<Vec<i64>> = scale
                            .items
                            .iter()
                            .map(|id| {
                                let item = q.item(id)?;
                                item_value(item, a.get(id)?).map(i64::from)
                            })
                            .collect();
                        if let Some(values) = values {
                            stats.add(&values);
                        }
                    }
                    stats
                })
                .collect();
            prop_assert_eq!(tally.item_covariances().unwrap(), expected.as_slice());

            let cut = cut.min(rows.len());
            let mut parts = CampaignTally::new(&q).unwrap().with_reliability();
            parts.add_rows(rows[..cut].iter().map(Vec::as_slice)).unwrap();
            let rest = CampaignTally::new(&q).unwrap().with_reliability().count_encoded(rows[cut..].iter().map(Vec::as_slice)).unwrap();
            parts.merge(&rest).unwrap();
            prop_assert_eq!(parts.co_evaluation(5), tally.co_evaluation(5));
        }
    }
}

#[test]
fn tally_rejects_rows_of_another_layout_and_merges_only_its_own() {
    let q = phq9();
    let rows = encoded_rows(&q, &[answers(&q, &[Some(1); 12])]);
    let short = &rows[0][..rows[0].len() - 4];
    let error = CampaignTally::from_encoded(&q, [rows[0].as_slice(), short]).unwrap_err();
    assert!(matches!(error, analytics::AnalyticsError::RowWidth { row: 1, .. }), "{error}");
    let mut tally = CampaignTally::new(&q).unwrap();
    assert!(tally.add_codes(&[0, 1]).is_err());
    let prem = CampaignTally::new(&survey_defs::builtin("prem-sejour").unwrap()).unwrap();
    assert!(tally.merge(&prem).is_err());
    assert_eq!(tally.respondents(), 0);
}

/// Large campaigns are split over the cores: the counts are those of one thread.
#[test]
fn tally_splits_large_campaigns_exactly() {
    let q = phq9();
    let patterns: Vec<Answers> =
        (0..7u8).map(|p| answers(&q, &(0..12).map(|i| (i != p).then_some(p + i)).collect::<Vec<_>>())).collect();
    let rows: Vec<Vec<u8>> = (0..120_003).map(|r| encoded_rows(&q, &patterns[r % 7..=r % 7]).remove(0)).collect();
    let parallel = CampaignTally::from_encoded(&q, rows.iter().map(Vec::as_slice)).unwrap();
    let mut serial = CampaignTally::new(&q).unwrap();
    serial.add_rows(rows.iter().map(Vec::as_slice)).unwrap();
    assert_eq!(parallel.respondents(), 120_003);
    assert_eq!(parallel.item_summaries(), serial.item_summaries());
    assert_eq!(parallel.scale_summaries(), serial.scale_summaries());
}

/// 40 respondents: every PHQ-9 item answered "0" by 30, "1" by 7, "3" by 3 (a small
/// cell), except one respondent who skips item 1.
fn small_cell_campaign(q: &Questionnaire) -> Vec<Answers> {
    (0..40)
        .map(|r| {
            let option = match r {
                0..30 => 0,
                30..37 => 1,
                _ => 3,
            };
            let mut a = answers(q, &[Some(option); 12]);
            if r == 0 {
                a.remove(&q.answerable_items().next().unwrap().id);
            }
            a
        })
        .collect()
}

#[test]
fn report_hides_small_cells_and_what_would_reveal_them() {
    let q = phq9();
    let report = CampaignReport::compute(&q, &frame(&q, &small_cell_campaign(&q)), 5).unwrap();
    assert_eq!(report.respondents, Disclosed::Shown(40));
    let first = report.items[0].figures.shown().unwrap();
    assert_eq!((first.answered, first.missing), (39, 1));
    assert!((first.missing_pct - 2.5).abs() < 1e-12);
    let counts: Vec<Option<u64>> = first.options.iter().map(|o| o.count.shown().copied()).collect();
    // 29, 7, 0, 3: the 3 is hidden, and the 7 with it; the zero stays.
    assert_eq!(counts, vec![Some(29), None, Some(0), None]);
    assert_eq!(first.options[3].count, Disclosed::Suppressed { fewer_than: 5 });
    assert!(first.options[1].pct.is_suppressed());
    // A mean or top-box share would give the hidden cells back.
    assert_eq!(first.distribution, None);
    assert_eq!(first.top_box_pct, None);

    let scale = report.scales[0].figures.shown().unwrap();
    assert_eq!((scale.scored, scale.not_scored), (40, 0));
    // Scores: 30 × 0 (one prorated from 8 items), 7 × 9, 3 × 27.
    let d = scale.distribution;
    assert!((d.mean - (7.0 * 9.0 + 3.0 * 27.0) / 40.0).abs() < 1e-12);
    assert_eq!((d.median, d.q1, d.q3), (0.0, 0.0, 2.25));
    let bands: Vec<Option<u64>> = scale.bands.iter().map(|b| b.count.shown().copied()).collect();
    assert_eq!(bands, vec![Some(30), None, Some(0), Some(0), None]);
}

#[test]
fn report_shows_everything_for_large_groups_and_nothing_for_small_ones() {
    let q = phq9();
    let responses: Vec<Answers> = (0..60u8).map(|r| answers(&q, &[Some(r % 4); 12])).collect();
    let report = CampaignReport::compute(&q, &frame(&q, &responses), 10).unwrap();
    let item = report.items[0].figures.shown().unwrap();
    assert!(item.options.iter().all(|o| o.count == Disclosed::Shown(15)));
    assert_eq!(item.top_box_pct, Some(25.0));
    let d = item.distribution.unwrap();
    assert_eq!((d.mean, d.median, d.q1, d.q3), (1.5, 1.5, 0.75, 2.25));

    let few = CampaignReport::compute(&q, &frame(&q, &responses[..4]), 5).unwrap();
    assert!(few.respondents.is_suppressed());
    assert!(few.items.iter().all(|i| i.figures.is_suppressed()));
    assert!(few.scales.iter().all(|s| s.figures.is_suppressed()));
    let json = serde_json::to_string(&few).unwrap();
    assert!(json.contains("\"suppressed\":{\"fewer_than\":5}"), "{json}");
}

#[test]
fn report_needs_the_questionnaire_the_answers_were_encoded_with() {
    let q = phq9();
    let mut other = q.clone();
    other.sections[0].items.pop();
    let error = CampaignReport::compute(&other, &frame(&q, &[]), 5).unwrap_err();
    assert!(error.to_string().contains("does not match"), "{error}");
}

#[test]
fn item_counts_are_the_answers() {
    let q = phq9();
    let responses = small_cell_campaign(&q);
    let frame = frame(&q, &responses);
    let counts: ValueCounts = frame.value_counts(1).unwrap();
    assert_eq!((counts.count(0), counts.count(1), counts.count(3), counts.missing()), (30, 7, 3, 0));
    assert_eq!(frame.dataframe().width(), q.answer_layout().columns.len());
}

/// Large campaigns are scored on several threads; the order of responses is kept.
#[test]
fn large_campaigns_keep_response_order() {
    let q = phq9();
    let patterns: Vec<Answers> =
        (0..7u8).map(|p| answers(&q, &(0..12).map(|i| (i != p).then_some(p + i)).collect::<Vec<_>>())).collect();
    let layout = q.answer_layout();
    let codes: Vec<Vec<i32>> = patterns.iter().map(|a| layout.encode(a).codes).collect();
    let rows: Vec<Vec<i32>> = (0..120_000).map(|r| codes[r % 7].clone()).collect();
    let frame = CampaignFrame::from_codes(&layout, rows).unwrap();
    for scale in &q.scales {
        let expected: Vec<Option<f64>> = patterns.iter().map(|a| score_scale(&q, scale, a).value).collect();
        let scores = scale_scores(&q, scale, &frame).unwrap();
        assert_eq!(scores.len(), 120_000);
        assert!(scores.iter().enumerate().all(|(r, s)| *s == expected[r % 7]));
    }
}
