#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use super::*;

fn counts_of(values: &[i32]) -> ValueCounts {
    let mut counts = ValueCounts::new();
    for &v in values {
        counts.add(v);
    }
    counts
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0)
}

/// Ten values, worked by hand:
/// sorted 1 2 2 3 3 3 4 4 5 7; n = 10; sum = 34; mean = 3.4.
/// Squared deviations: 1→5.76; 2→1.96×2 = 3.92; 3→0.16×3 = 0.48; 4→0.36×2 = 0.72;
/// 5→2.56; 7→12.96; M2 = 26.4; variance = 26.4/9 = 2.9333…; sd = 1.712697…
/// Type 7 quantiles at rank (n−1)p: median rank 4.5 → (3+3)/2 = 3;
/// Q1 rank 2.25 → 2 + 0.25×(3−2) = 2.25; Q3 rank 6.75 → 4 + 0.75×(4−4) = 4; IQR 1.75.
/// 95 % CI: t(0.975, 9) = 2.262157; half-width 2.262157 × 1.712698/√10 = 1.225190.
#[test]
fn ten_values_by_hand() {
    let mut counts = counts_of(&[3, 1, 4, 2, 7, 3, 5, 2, 4, 3]);
    counts.add_missing(2);
    assert_eq!(counts.n(), 10);
    assert_eq!(counts.missing(), 2);
    assert!(close(counts.missing_pct().unwrap(), 100.0 * 2.0 / 12.0, 1e-12));
    assert_eq!(counts.count(3), 3);
    assert!(close(counts.pct(3).unwrap(), 30.0, 1e-12));
    let m = counts.moments();
    assert!(close(m.mean().unwrap(), 3.4, 1e-12));
    assert!(close(m.m2, 26.4, 1e-12));
    assert!(close(m.variance().unwrap(), 26.4 / 9.0, 1e-12));
    assert!(close(m.sd().unwrap(), 1.712_697_677_155_791, 1e-12));
    assert_eq!(counts.median(), Some(3.0));
    assert_eq!(counts.quartiles(), Some((2.25, 4.0)));
    let (lo, hi) = m.mean_ci95().unwrap();
    assert!(close(lo, 3.4 - 1.225_190, 1e-6) && close(hi, 3.4 + 1.225_190, 1e-6));
    let d = counts.distribution(10.0).unwrap();
    assert!(close(d.mean, 0.34, 1e-12) && close(d.median, 0.3, 1e-12) && close(d.q1, 0.225, 1e-12));
}

#[test]
fn welford_matches_counts() {
    let values = [3, 1, 4, 2, 7, 3, 5, 2, 4, 3];
    let welford = Moments::of(values.iter().map(|&v| f64::from(v)));
    let counted = counts_of(&values).moments();
    assert_eq!(welford.n, counted.n);
    assert!(close(welford.mean, counted.mean, 1e-12) && close(welford.m2, counted.m2, 1e-12));
}

#[test]
fn quantiles_at_the_edges() {
    let counts = counts_of(&[5]);
    assert_eq!(counts.median(), Some(5.0));
    assert_eq!(counts.quantile(0.0), Some(5.0));
    assert_eq!(counts.quantile(1.0), Some(5.0));
    assert_eq!(counts.moments().sd(), None);
    assert_eq!(ValueCounts::new().median(), None);
    assert_eq!(ValueCounts::new().distribution(1.0), None);
    let two = counts_of(&[1, 4]);
    assert_eq!(two.median(), Some(2.5));
    assert_eq!(two.quantile(1.0), Some(4.0));
    assert_eq!(two.quantile(1.5), None);
    let negative = counts_of(&[-10, -10, 0, 10]);
    assert_eq!(negative.median(), Some(-5.0));
}

#[test]
fn map_values_turns_unmapped_into_missing() {
    let counts = counts_of(&[0, 1, 1, 2, 9]);
    let values = counts.map_values(|c| (c <= 2).then_some(c * 10));
    assert_eq!(values.count(10), 2);
    assert_eq!(values.missing(), 1);
    assert_eq!(values.n(), 4);
}

#[test]
fn t_quantiles() {
    assert!(t_quantile_975(0).is_infinite());
    assert!(close(t_quantile_975(1), 12.706_204_736, 1e-12));
    assert!(close(t_quantile_975(30), 2.042_272_456, 1e-12));
    // Beyond the table: Cornish–Fisher against reference values.
    assert!((t_quantile_975(31) - 2.039_513_446).abs() < 1e-7);
    assert!((t_quantile_975(60) - 2.000_297_822).abs() < 1e-8);
    assert!((t_quantile_975(1000) - 1.962_339_081).abs() < 1e-9);
}

/// Splits `values` into parts by the given part numbers.
fn partition<T: Copy>(values: &[T], parts: &[usize], count: usize) -> Vec<Vec<T>> {
    let mut out = vec![Vec::new(); count];
    for (v, &p) in values.iter().zip(parts) {
        out[p % count].push(*v);
    }
    out
}

proptest! {
    #[test]
    fn merged_counts_equal_pooled_counts(
        values in proptest::collection::vec(prop_oneof![Just(survey_defs::MISSING), -20i32..300], 0..400),
        parts in proptest::collection::vec(0usize..8, 400),
        count in 1usize..8,
    ) {
        let add = |vs: &[i32]| {
            let mut c = ValueCounts::new();
            for &v in vs {
                if v == survey_defs::MISSING { c.add_missing(1) } else { c.add(v) }
            }
            c
        };
        let pooled = add(&values);
        let mut merged = ValueCounts::new();
        for part in partition(&values, &parts, count) {
            merged.merge(&add(&part));
        }
        prop_assert_eq!(&merged, &pooled);
        prop_assert_eq!(merged.median(), pooled.median());
        prop_assert_eq!(merged.quartiles(), pooled.quartiles());
        let (m, p) = (merged.moments(), pooled.moments());
        prop_assert_eq!(m.n, p.n);
        prop_assert!(close(m.mean, p.mean, 1e-12) && close(m.m2, p.m2, 1e-12));
    }

    #[test]
    fn chan_merge_equals_one_pass(
        values in proptest::collection::vec(-1000.0f64..1000.0, 0..400),
        parts in proptest::collection::vec(0usize..8, 400),
        count in 1usize..8,
    ) {
        let pooled = Moments::of(values.iter().copied());
        let mut merged = Moments::default();
        for part in partition(&values, &parts, count) {
            merged.merge(&Moments::of(part));
        }
        prop_assert_eq!(merged.n, pooled.n);
        prop_assert!(close(merged.mean, pooled.mean, 1e-12), "{} vs {}", merged.mean, pooled.mean);
        prop_assert!(close(merged.m2, pooled.m2, 1e-12), "{} vs {}", merged.m2, pooled.m2);
        if let (Some(a), Some(b)) = (merged.variance(), pooled.variance()) {
            prop_assert!(close(a, b, 1e-12));
        }
    }

    #[test]
    fn median_is_a_middle_value(values in proptest::collection::vec(-50i32..50, 1..200)) {
        let counts = counts_of(&values);
        let mut sorted = values.clone();
        sorted.sort_unstable();
        let n = sorted.len();
        let expected = (f64::from(sorted[(n - 1) / 2]) + f64::from(sorted[n / 2])) / 2.0;
        prop_assert_eq!(counts.median(), Some(expected));
    }
}
