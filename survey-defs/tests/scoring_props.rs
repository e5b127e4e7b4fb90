//! Properties of the single scoring implementation, `score_values`.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use survey_defs::{ScaleInfo, ScaleItemInfo, ScoringMethod, score_values};

fn item(min: i32, width: i32, reversed: bool) -> ScaleItemInfo {
    ScaleItemInfo { item_id: "i".into(), min, max: min + width, reversed }
}

fn info(method: ScoringMethod, items: Vec<ScaleItemInfo>, min_answered: u32, prorate: bool) -> ScaleInfo {
    ScaleInfo { method, min_answered, prorate, items }
}

/// Items sharing one range (as in PHQ-9), some reversed, with values (None = missing).
fn scale_and_values() -> impl Strategy<Value = (Vec<ScaleItemInfo>, Vec<Option<i32>>)> {
    (-3i32..3, 1i32..6, 1usize..12).prop_flat_map(|(min, width, n)| {
        let items = proptest::collection::vec(any::<bool>(), n)
            .prop_map(move |rev| rev.into_iter().map(|r| item(min, width, r)).collect::<Vec<_>>());
        let values = proptest::collection::vec(proptest::option::weighted(0.7, min..=min + width), n);
        (items, values)
    })
}

fn method() -> impl Strategy<Value = ScoringMethod> {
    prop_oneof![Just(ScoringMethod::Sum), Just(ScoringMethod::Mean), Just(ScoringMethod::MeanRescaled)]
}

proptest! {
    #[test]
    fn reversing_twice_is_identity(min in -10i32..10, width in 1i32..10, offset in 0i32..10) {
        let v = min + offset.min(width);
        let reversed = info(ScoringMethod::Sum, vec![item(min, width, true)], 1, false);
        let once = score_values(&reversed, &[Some(v)]).unwrap();
        #[allow(clippy::cast_possible_truncation)]
        let twice = score_values(&reversed, &[Some(once as i32)]).unwrap();
        prop_assert_eq!(twice, f64::from(v));
    }

    #[test]
    fn reversing_maps_max_to_min(min in -10i32..10, width in 1i32..10) {
        let reversed = info(ScoringMethod::Sum, vec![item(min, width, true)], 1, false);
        prop_assert_eq!(score_values(&reversed, &[Some(min + width)]), Some(f64::from(min)));
        prop_assert_eq!(score_values(&reversed, &[Some(min)]), Some(f64::from(min + width)));
    }

    #[test]
    fn too_few_answers_give_no_score((items, values) in scale_and_values(), method in method(), prorate in any::<bool>(), extra in 1u32..3) {
        let answered = u32::try_from(values.iter().flatten().count()).unwrap();
        let scale = info(method, items, answered + extra, prorate);
        prop_assert_eq!(score_values(&scale, &values), None);
        prop_assert_eq!(scale.answered(&values), answered);
    }

    #[test]
    fn adding_an_answer_never_removes_a_score(
        (items, values) in scale_and_values(), method in method(), prorate in any::<bool>(), min_answered in 1u32..6, pick in any::<prop::sample::Index>()
    ) {
        let scale = info(method, items.clone(), min_answered, prorate);
        let missing: Vec<usize> = (0..values.len()).filter(|j| values[*j].is_none()).collect();
        prop_assume!(!missing.is_empty());
        let j = missing[pick.index(missing.len())];
        let mut more = values.clone();
        more[j] = Some(items[j].max);
        if score_values(&scale, &values).is_some() {
            prop_assert!(score_values(&scale, &more).is_some());
        }
    }

    #[test]
    fn mean_is_sum_over_answered((items, values) in scale_and_values()) {
        let sum = score_values(&info(ScoringMethod::Sum, items.clone(), 1, false), &values);
        let mean = score_values(&info(ScoringMethod::Mean, items.clone(), 1, false), &values);
        let answered = values.iter().flatten().count();
        match (sum, mean) {
            (Some(sum), Some(mean)) => {
                #[allow(clippy::cast_precision_loss)]
                let expected = sum / answered as f64;
                prop_assert!((mean - expected).abs() <= 0.005 + 1e-9, "{mean} vs {expected}");
            }
            (None, None) => prop_assert_eq!(answered, 0),
            other => prop_assert!(false, "sum and mean disagree on presence: {other:?}"),
        }
    }

    #[test]
    fn prorating((items, values) in scale_and_values()) {
        let n = items.len();
        let plain = score_values(&info(ScoringMethod::Sum, items.clone(), 1, false), &values);
        let prorated = score_values(&info(ScoringMethod::Sum, items.clone(), 1, true), &values);
        let mean = score_values(&info(ScoringMethod::Mean, items.clone(), 1, false), &values);
        let answered = values.iter().flatten().count();
        if answered == n {
            prop_assert_eq!(prorated, plain, "nothing missing: nothing to prorate");
        } else if let (Some(prorated), Some(plain), Some(_)) = (prorated, plain, mean) {
            #[allow(clippy::cast_precision_loss)]
            let expected = plain / answered as f64 * n as f64;
            prop_assert!((prorated - expected).abs() <= 0.005 + 1e-9, "{prorated} vs {expected}");
            let low: f64 = items.iter().map(|i| f64::from(i.min)).sum();
            let high: f64 = items.iter().map(|i| f64::from(i.max)).sum();
            prop_assert!((low..=high).contains(&prorated));
        }
    }

    #[test]
    fn rescaled_mean_stays_within_0_and_100((items, values) in scale_and_values()) {
        if let Some(score) = score_values(&info(ScoringMethod::MeanRescaled, items, 1, false), &values) {
            prop_assert!((0.0..=100.0).contains(&score));
        }
    }
}

#[test]
fn rescaling_follows_the_formula() {
    // Items 1–5, answers 2 and 5: mean 3.5 → (3.5 − 1)/(5 − 1) × 100 = 62.5.
    let scale = info(ScoringMethod::MeanRescaled, vec![item(1, 4, false), item(1, 4, false)], 1, false);
    assert_eq!(score_values(&scale, &[Some(2), Some(5)]), Some(62.5));
    // Out-of-range values (corrupt data) count as missing.
    assert_eq!(score_values(&scale, &[Some(9), Some(5)]), Some(100.0));
    assert_eq!(scale.answered(&[Some(9), Some(5)]), 1);
}
