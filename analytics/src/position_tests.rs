#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use survey_defs::{Questionnaire, builtin};

use super::*;
use crate::stats::ValueCounts;

fn phq9() -> Questionnaire {
    builtin("phq-9").unwrap()
}

/// Two 1–5 Likert items averaged ("mean"), bands 1–2.99 and 3–5.
fn mean_scale() -> Questionnaire {
    let points: Vec<String> =
        (1..=5).map(|v| format!(r#"{{"code": "o{v}", "label": {{"fr": "{v}"}}, "value": {v}}}"#)).collect();
    let likert = |id: &str| {
        format!(r#"{{"id": "{id}", "type": "likert", "text": {{"fr": "{id}"}}, "options": [{}]}}"#, points.join(", "))
    };
    let json = format!(
        r#"{{"id": "m", "version": "1.0.0", "kind": "prem", "languages": ["fr"],
            "title": {{"fr": "T"}}, "introduction": {{"fr": "I"}}, "who_asks_and_why": {{"fr": "W"}},
            "sections": [{{"id": "s", "title": {{"fr": "S"}}, "items": [{}, {}]}}],
            "scales": [{{"id": "m", "title": {{"fr": "M"}}, "items": ["q1", "q2"], "method": "mean", "min_answered": 1,
                "bands": [{{"min": 1, "max": 2.99, "label": {{"fr": "bas"}}}}, {{"min": 3, "max": 5, "label": {{"fr": "haut"}}}}]}}],
            "provenance": {{}}, "licence": {{"name": "CC0"}}}}"#,
        likert("q1"),
        likert("q2"),
    );
    Questionnaire::from_json(&json).unwrap()
}

/// A summary of `scale_id` with `(score in points, count)` pairs and `missing` unscored.
fn summary(q: &Questionnaire, scale_id: &str, scores: &[(f64, u64)], missing: u64) -> ScaleSummary {
    let mut counts = ValueCounts::new();
    for &(score, n) in scores {
        counts.add_n(hundredths(score).unwrap(), n);
    }
    counts.add_missing(missing);
    let bands = q.scale(scale_id).unwrap().bands.clone();
    ScaleSummary { scale_id: scale_id.to_owned(), bands, scores: counts }
}

/// 23 scored PHQ-9 responses (and 2 not scored): 0 ×3, 1 ×2, 4 ×6, 7 ×5, a prorated
/// 9.43, 12, and 27 ×5.
fn campaign() -> ScaleSummary {
    let scores = [(0.0, 3), (1.0, 2), (4.0, 6), (7.0, 5), (9.43, 1), (12.0, 1), (27.0, 5)];
    summary(&phq9(), "phq9_total", &scores, 2)
}

fn shown_bins(h: &ScoreHistogram) -> Vec<(f64, f64, u64)> {
    h.bins.iter().map(|b| (b.min, b.max, *b.count.shown().unwrap())).collect()
}

#[test]
fn phq9_bins_of_three_points_merged_until_each_holds_k() {
    let q = phq9();
    // 0–27 is 28 whole points: ten bins of 3 (the last one holds only 27). Before merging:
    // 0–2: 5, 3–5: 6, 6–8: 5, 9–11: 1 (9.43), 12–14: 1, 15–26: 0, 27: 5.
    let all = ScoreHistogram::from_summary(&q, &campaign(), 1).unwrap();
    assert!(all.whole_points);
    assert_eq!(all.bins.len(), 10);
    assert_eq!(all.range(), (-0.5, 27.5));
    assert_eq!((all.bins[1].start, all.bins[1].end), (2.5, 5.5));
    assert_eq!((all.bins[9].min, all.bins[9].max, all.bins[9].start), (27.0, 27.0, 26.5));
    let counts: Vec<u64> = shown_bins(&all).iter().map(|b| b.2).collect();
    assert_eq!(counts, vec![5, 6, 5, 1, 1, 0, 0, 0, 0, 5]);
    assert_eq!(all.bands[4], (20.0, 27.0));
    // k = 5: the 1 (9–11) joins the 1 (12–14), then zeros, until the 5 at 27: 9–27 holds 7.
    let merged = ScoreHistogram::from_summary(&q, &campaign(), 5).unwrap();
    assert_eq!(shown_bins(&merged), vec![(0.0, 2.0, 5), (3.0, 5.0, 6), (6.0, 8.0, 5), (9.0, 27.0, 7)]);
    assert_eq!(merged.scored, Disclosed::Shown(23));
    assert_eq!((merged.bins[3].start, merged.bins[3].end), (8.5, 27.5));
    // k = 6: 0–2 (5) joins 3–5 (6): 11; 6–8 (5) joins 9–11 (1): 6; 12–14 (1) joins the
    // zeros and 27 (5): 6.
    let merged = ScoreHistogram::from_summary(&q, &campaign(), 6).unwrap();
    assert_eq!(shown_bins(&merged), vec![(0.0, 5.0, 11), (6.0, 11.0, 6), (12.0, 27.0, 6)]);
    // k = 8: 5 + 6 = 11; 5 + 1 + 1 + 0 … + 5 = 12 at the end.
    let merged = ScoreHistogram::from_summary(&q, &campaign(), 8).unwrap();
    assert_eq!(shown_bins(&merged), vec![(0.0, 5.0, 11), (6.0, 27.0, 12)]);
    // k = 13: 5 + 6 + 5 = 16, then 1 + 1 + 5 = 7 is small at the end and joins it: 23.
    let merged = ScoreHistogram::from_summary(&q, &campaign(), 13).unwrap();
    assert_eq!(shown_bins(&merged), vec![(0.0, 27.0, 23)]);
}

#[test]
fn too_few_scores_withhold_every_bin() {
    let q = phq9();
    let h = ScoreHistogram::from_summary(&q, &campaign(), 24).unwrap();
    assert!(h.is_withheld());
    assert_eq!(h.scored, Disclosed::Suppressed { fewer_than: 24 });
    // The grid is still drawn (it depends on the scale, not on the answers).
    assert_eq!(h.bins.len(), 10);
    assert!(h.bins.iter().all(|b| b.count == Disclosed::Suppressed { fewer_than: 24 }));
    let empty = ScoreHistogram::from_summary(&q, &summary(&q, "phq9_total", &[], 4), 0).unwrap();
    assert!(empty.is_withheld());
}

#[test]
fn mean_scales_get_half_point_bins() {
    let q = mean_scale();
    // 1 to 5: eight bins of 0.5. 1.5 opens the second bin; 5 closes the last.
    let s = summary(&q, "m", &[(1.0, 5), (1.49, 1), (1.5, 4), (3.0, 6), (5.0, 5)], 0);
    let h = ScoreHistogram::from_summary(&q, &s, 4).unwrap();
    assert!(!h.whole_points);
    assert_eq!(h.range(), (1.0, 5.0));
    let first = h.bins[0];
    assert_eq!((first.min, first.max, first.start, first.end, first.count), (1.0, 1.49, 1.0, 1.5, Disclosed::Shown(6)));
    assert_eq!(
        shown_bins(&h),
        vec![
            (1.0, 1.49, 6),
            (1.5, 1.99, 4),
            (2.0, 2.49, 0),
            (2.5, 2.99, 0),
            (3.0, 3.49, 6),
            (3.5, 3.99, 0),
            (4.0, 4.49, 0),
            (4.5, 5.0, 5)
        ]
    );
    // 1.5 ×4 is below k = 5: it joins the zeros after it up to the 6 at 3, as 1.5–3.49.
    let s = summary(&q, "m", &[(1.0, 6), (1.5, 4), (3.0, 6), (5.0, 5)], 0);
    let h = ScoreHistogram::from_summary(&q, &s, 5).unwrap();
    assert_eq!(shown_bins(&h)[1], (1.5, 3.49, 10));
}

#[test]
fn unknown_scale_is_an_error() {
    let mut s = campaign();
    s.scale_id = "nope".to_owned();
    assert!(matches!(ScoreHistogram::from_summary(&phq9(), &s, 5), Err(AnalyticsError::UnscorableScale(_))));
}

#[test]
fn position_shares_by_hand() {
    let s = campaign();
    // Score 7 among 23: 11 below (3 + 2 + 6), 5 equal, 7 above (9.43, 12, 27 ×5).
    let p = *ScorePosition::locate(&s, 7.0, 5).unwrap().shown().unwrap();
    assert_eq!(p.scored, 23);
    assert_eq!(p.below_pct, Disclosed::Shown(100.0 * 11.0 / 23.0));
    assert_eq!(p.equal_pct, Disclosed::Shown(100.0 * 5.0 / 23.0));
    assert_eq!(p.above_pct, Disclosed::Shown(100.0 * 7.0 / 23.0));
    // Score 12: 17 below, 1 equal (withheld), 5 above (withheld as its complement:
    // bound 1 + 5).
    let p = *ScorePosition::locate(&s, 12.0, 5).unwrap().shown().unwrap();
    assert_eq!(p.below_pct, Disclosed::Shown(100.0 * 17.0 / 23.0));
    assert_eq!(p.equal_pct, Disclosed::Suppressed { fewer_than: 5 });
    assert_eq!(p.above_pct, Disclosed::Suppressed { fewer_than: 6 });
    // A prorated score is matched to the hundredth: 9.43 is not 9.4.
    let p = *ScorePosition::locate(&s, 9.43, 1).unwrap().shown().unwrap();
    assert_eq!((p.below_pct, p.equal_pct), (Disclosed::Shown(100.0 * 16.0 / 23.0), Disclosed::Shown(100.0 / 23.0)));
    let p = *ScorePosition::locate(&s, 9.4, 1).unwrap().shown().unwrap();
    assert_eq!(p.equal_pct, Disclosed::Shown(0.0));
    // Above every score: all below.
    let p = *ScorePosition::locate(&s, 30.0, 5).unwrap().shown().unwrap();
    assert_eq!(
        (p.below_pct, p.equal_pct, p.above_pct),
        (Disclosed::Shown(100.0), Disclosed::Shown(0.0), Disclosed::Shown(0.0))
    );
}

#[test]
fn position_withheld_below_k_and_refused_for_nan() {
    let s = campaign();
    assert_eq!(ScorePosition::locate(&s, 7.0, 24).unwrap(), Disclosed::Suppressed { fewer_than: 24 });
    assert!(ScorePosition::locate(&s, 7.0, 23).unwrap().shown().is_some());
    assert!(matches!(ScorePosition::locate(&s, f64::NAN, 5), Err(AnalyticsError::Score { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the scores and k: no bin holds 0 < n < k; bins are contiguous over the
    /// scale's range; shown counts add up to the scored responses and are exactly the
    /// scores between each bin's edges; fewer than k scores withhold everything.
    #[test]
    fn bins_are_safe_and_complete(
        scores in proptest::collection::vec((0i32..=2700, 1u64..8), 0..25),
        k in 0u32..15,
        whole in any::<bool>(),
    ) {
        let q = phq9();
        // Whole points, or prorated scores with decimals.
        let scores: Vec<(f64, u64)> =
            scores.iter().map(|&(h, n)| (f64::from(if whole { h / 100 * 100 } else { h }) / 100.0, n)).collect();
        let s = summary(&q, "phq9_total", &scores, 0);
        let h = ScoreHistogram::from_summary(&q, &s, k).unwrap();
        let total = s.scored();
        prop_assert_eq!(h.range(), (-0.5, 27.5));
        prop_assert!(h.bins.windows(2).all(|w| w[0].end == w[1].start && w[0].max < w[1].min));
        if total == 0 || total < u64::from(k) {
            prop_assert!(h.is_withheld());
            prop_assert!(h.bins.iter().all(|b| b.count.is_suppressed()));
        } else {
            prop_assert_eq!(h.scored, Disclosed::Shown(total));
            let counts: Vec<u64> = h.bins.iter().map(|b| *b.count.shown().unwrap()).collect();
            prop_assert!(counts.iter().all(|&n| n == 0 || n >= u64::from(k)), "{:?}", counts);
            prop_assert_eq!(counts.iter().sum::<u64>(), total);
            let last = h.bins.len() - 1;
            for (i, bin) in h.bins.iter().enumerate() {
                let inside: u64 = scores
                    .iter()
                    .filter(|(score, _)| *score >= bin.start && (*score < bin.end || i == last))
                    .map(|(_, n)| n)
                    .sum();
                prop_assert_eq!(counts[i], inside);
            }
        }
    }
}
