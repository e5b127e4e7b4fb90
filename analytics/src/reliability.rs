//! Internal consistency of a scale (Cronbach's alpha, corrected item-total correlations,
//! alpha if an item is deleted), from sufficient statistics that merge exactly.
//!
//! The statistic exchanged is [`ItemCovariance`]: over the *complete cases* of a scale
//! (responses with a scoring value for every item, listwise deletion as in SPSS, R `psych`
//! and `ltm`), the count `n`, the sums `Σxᵢ` and the cross-products `Σxᵢxⱼ` (squares on
//! the diagonal) of the coded item values (reverse-coded as the score uses them). They
//! are whole numbers, so merging two institutions' statistics is integer addition and
//! the merged alpha is *exactly* the alpha of the pooled responses; the covariance
//! `cᵢⱼ = (n·Σxᵢxⱼ − Σxᵢ·Σxⱼ) / (n·(n − 1))` is then formed in integer arithmetic too.
//!
//! Formulas (Cronbach 1951, "Coefficient alpha and the internal structure of tests",
//! Psychometrika 16:297–334), for `k` items with covariance matrix `C` and total variance
//! `V = Σᵢⱼ cᵢⱼ`:
//! - `α = k/(k − 1) · (1 − Σᵢ cᵢᵢ / V)`;
//! - corrected item-total correlation of item `i` (with the total of the *other* items):
//!   `(Σⱼ cᵢⱼ − cᵢᵢ) / √(cᵢᵢ · V₋ᵢ)`, where `V₋ᵢ = V − 2·Σⱼ cᵢⱼ + cᵢᵢ`;
//! - alpha if item `i` is deleted: alpha of `C` without row and column `i`.

use serde::{Deserialize, Serialize};

use crate::error::AnalyticsError;

/// Complete-case sums and cross-products of one scale's coded item values: the mergeable
/// sufficient statistic of its reliability.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemCovariance {
    /// Scale id.
    pub scale_id: String,
    /// The scale's items, in the scale's order.
    pub item_ids: Vec<String>,
    /// Complete cases: responses with a scoring value for every item.
    pub complete: u64,
    /// `Σxᵢ` per item.
    pub sums: Vec<i128>,
    /// `Σxᵢxⱼ` for `i ≤ j`, row by row (`(0,0), (0,1), …, (0,k−1), (1,1), …`).
    pub products: Vec<i128>,
}

/// What the reliability of a scale looks like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reliability {
    /// Cronbach's alpha; `None` below 2 items or 2 complete cases, or when the total has
    /// no variance.
    pub alpha: Option<f64>,
    /// Per item, in the scale's order.
    pub items: Vec<ItemTotal>,
}

/// How one item relates to the rest of its scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemTotal {
    /// Item id.
    pub item_id: String,
    /// Correlation of the item with the total of the other items; `None` when either has
    /// no variance.
    pub corrected_item_total: Option<f64>,
    /// Alpha of the scale without this item.
    pub alpha_if_deleted: Option<f64>,
}

impl ItemCovariance {
    /// No complete case yet.
    pub fn new(scale_id: &str, item_ids: Vec<String>) -> Self {
        let k = item_ids.len();
        Self {
            scale_id: scale_id.to_owned(),
            item_ids,
            complete: 0,
            sums: vec![0; k],
            products: vec![0; k * (k + 1) / 2],
        }
    }

    /// Adds one complete case: one coded value per item, in the scale's order (a row of
    /// another length is ignored).
    #[inline]
    pub fn add(&mut self, values: &[i64]) {
        if values.len() != self.sums.len() {
            return;
        }
        self.complete += 1;
        let mut products = self.products.iter_mut();
        for (i, (&x, sum)) in values.iter().zip(self.sums.iter_mut()).enumerate() {
            *sum += i128::from(x);
            for (&y, p) in values.iter().skip(i).zip(products.by_ref()) {
                *p += i128::from(x) * i128::from(y);
            }
        }
    }

    /// Adds the statistics of the same scale from other responses (exact).
    pub fn merge(&mut self, other: &Self) -> Result<(), AnalyticsError> {
        if self.scale_id != other.scale_id || self.item_ids != other.item_ids {
            return Err(AnalyticsError::MergeMismatch { left: self.scale_id.clone(), right: other.scale_id.clone() });
        }
        self.complete += other.complete;
        for (a, b) in self.sums.iter_mut().zip(&other.sums) {
            *a += b;
        }
        for (a, b) in self.products.iter_mut().zip(&other.products) {
            *a += b;
        }
        Ok(())
    }

    /// The sample covariance matrix (divisor n − 1); `None` below 2 complete cases.
    pub fn covariance(&self) -> Option<Vec<Vec<f64>>> {
        let n = self.complete;
        if n < 2 {
            return None;
        }
        let k = self.sums.len();
        let mut matrix = vec![vec![0.0; k]; k];
        let mut products = self.products.iter();
        for i in 0..k {
            for j in i..k {
                let (si, sj) = (self.sums.get(i).copied()?, self.sums.get(j).copied()?);
                let c = covariance(n, si, sj, *products.next()?);
                *matrix.get_mut(i)?.get_mut(j)? = c;
                *matrix.get_mut(j)?.get_mut(i)? = c;
            }
        }
        Some(matrix)
    }

    /// `n·Σxᵢxⱼ − Σxᵢ·Σxⱼ` per pair: the covariance matrix times `n·(n − 1)`, in exact
    /// integers (as `f64`, exact below 2^53). Alpha and correlations are ratios in which
    /// the factor cancels, so computing them from this matrix keeps sums exact and tells
    /// a total without variance from rounding noise. `None` below 2 complete cases or on
    /// overflow.
    fn scatter(&self) -> Option<Vec<Vec<f64>>> {
        let n = i128::from(self.complete);
        if n < 2 {
            return None;
        }
        let k = self.sums.len();
        let mut matrix = vec![vec![0.0; k]; k];
        let mut products = self.products.iter();
        for i in 0..k {
            for j in i..k {
                let (si, sj) = (self.sums.get(i).copied()?, self.sums.get(j).copied()?);
                let c = to_f64(n.checked_mul(*products.next()?)?.checked_sub(si.checked_mul(sj)?)?);
                *matrix.get_mut(i)?.get_mut(j)? = c;
                *matrix.get_mut(j)?.get_mut(i)? = c;
            }
        }
        Some(matrix)
    }

    /// Alpha, corrected item-total correlations and alpha if deleted.
    pub fn reliability(&self) -> Reliability {
        let matrix = self.scatter().or_else(|| self.covariance());
        let items = self
            .item_ids
            .iter()
            .enumerate()
            .map(|(i, id)| ItemTotal {
                item_id: id.clone(),
                corrected_item_total: matrix.as_ref().and_then(|c| corrected_item_total(c, i)),
                alpha_if_deleted: matrix.as_ref().and_then(|c| alpha(&without(c, i))),
            })
            .collect();
        Reliability { alpha: matrix.as_ref().and_then(|c| alpha(c)), items }
    }
}

// Counts and sums far below 2^53 in practice; the result is a ratio anyway.
#[allow(clippy::cast_precision_loss)]
fn to_f64(x: i128) -> f64 {
    x as f64
}

/// `(n·Σxy − Σx·Σy) / (n·(n − 1))`, the numerator exact in integers when it fits.
fn covariance(n: u64, sx: i128, sy: i128, sxy: i128) -> f64 {
    let n128 = i128::from(n);
    let exact = n128.checked_mul(sxy).and_then(|a| sx.checked_mul(sy).and_then(|b| a.checked_sub(b)));
    let denominator = to_f64(n128) * to_f64(n128 - 1);
    match exact {
        Some(numerator) => to_f64(numerator) / denominator,
        None => (to_f64(sxy) - to_f64(sx) * to_f64(sy) / to_f64(n128)) / to_f64(n128 - 1),
    }
}

/// Cronbach's alpha of a covariance matrix; `None` below 2 items or without total variance.
pub(crate) fn alpha(c: &[Vec<f64>]) -> Option<f64> {
    let k = c.len();
    if k < 2 {
        return None;
    }
    let total: f64 = c.iter().flatten().sum();
    let diagonal: f64 = c.iter().enumerate().filter_map(|(i, row)| row.get(i)).sum();
    // k is a small number of items: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let k = k as f64;
    (total > 0.0).then(|| k / (k - 1.0) * (1.0 - diagonal / total))
}

/// Correlation of item `i` with the sum of the other items.
pub(crate) fn corrected_item_total(c: &[Vec<f64>], i: usize) -> Option<f64> {
    let row = c.get(i)?;
    let variance = *row.get(i)?;
    let row_sum: f64 = row.iter().sum();
    let total: f64 = c.iter().flatten().sum();
    let rest = total - 2.0 * row_sum + variance;
    let denominator = (variance * rest).sqrt();
    (c.len() >= 2 && variance > 0.0 && rest > 0.0).then(|| (row_sum - variance) / denominator)
}

/// The matrix without row and column `i`.
fn without(c: &[Vec<f64>], i: usize) -> Vec<Vec<f64>> {
    c.iter()
        .enumerate()
        .filter(|&(r, _)| r != i)
        .map(|(_, row)| row.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, &x)| x).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    fn of(rows: &[Vec<i64>]) -> ItemCovariance {
        let k = rows.first().map_or(0, Vec::len);
        let mut stats = ItemCovariance::new("s", (0..k).map(|i| format!("q{i}")).collect());
        for row in rows {
            stats.add(row);
        }
        stats
    }

    /// The LSAT section 6 data: 1,000 examinees, 5 items scored right (1) or wrong (0),
    /// as 32 response patterns with their frequencies (Bock & Lieberman 1970, "Fitting a
    /// response model for n dichotomously scored items", Psychometrika 35:179–197; a
    /// textbook example of latent trait models, shipped as `LSAT` in R's `ltm` package).
    /// Published: the proportions correct .924, .709, .553, .763, .870, and
    /// `ltm::cronbach.alpha(LSAT)` prints `alpha: 0.295` (Rizopoulos 2006, J Stat Softw
    /// 17(5)). For 0/1 items alpha is KR-20.
    #[test]
    fn lsat_alpha_is_the_published_value() {
        let frequencies = [
            3, 6, 2, 11, 1, 1, 3, 4, 1, 8, 0, 16, 0, 3, 2, 15, 10, 29, 14, 81, 3, 28, 15, 80, 16, 56, 21, 173, 11, 61,
            28, 298,
        ];
        let mut stats = ItemCovariance::new("lsat", (1..=5).map(|i| format!("item{i}")).collect());
        for (pattern, &n) in (0u32..).zip(&frequencies) {
            let row: Vec<i64> = (0..5).map(|b| i64::from((pattern >> (4 - b)) & 1)).collect();
            for _ in 0..n {
                stats.add(&row);
            }
        }
        assert_eq!(stats.complete, 1000);
        assert_eq!(stats.sums, vec![924, 709, 553, 763, 870]);
        let alpha = stats.reliability().alpha.unwrap();
        assert!(close(alpha, 0.295, 0.0005), "{alpha}");
    }

    /// StatsBase.jl's documented example of `cronbachalpha` on a covariance matrix: 0.8136,
    /// and 0.7500, 0.7606, 0.7714, 0.7826 with each item dropped. By hand: V = 46 + 12·6 =
    /// 118, α = 4/3·(1 − 46/118) = 0.81356; without item 1, V = 36 + 6·6 = 72 and
    /// α = 3/2·(1 − 36/72) = 0.75.
    #[test]
    fn alpha_of_a_covariance_matrix() {
        let c = vec![
            vec![10.0, 6.0, 6.0, 6.0],
            vec![6.0, 11.0, 6.0, 6.0],
            vec![6.0, 6.0, 12.0, 6.0],
            vec![6.0, 6.0, 6.0, 13.0],
        ];
        assert!(close(alpha(&c).unwrap(), 0.8136, 0.00005));
        let dropped: Vec<f64> = (0..4).map(|i| alpha(&without(&c, i)).unwrap()).collect();
        for (got, want) in dropped.iter().zip([0.7500, 0.7606, 0.7714, 0.7826]) {
            assert!(close(*got, want, 0.00005), "{got} vs {want}");
        }
        // Item 1 with the others' total: cov = 18, var(rest) = 72: 18/√(10·72) = 0.67082.
        assert!(close(corrected_item_total(&c, 0).unwrap(), 18.0 / 720f64.sqrt(), 1e-12));
    }

    /// Four respondents, three items, worked by hand.
    /// Rows (1,2,2) (2,2,3) (3,4,3) (4,4,4): item means 2.5, 3, 3; totals 5, 7, 10, 12.
    /// Deviations: item 1 (−1.5, −0.5, 0.5, 1.5), item 2 (−1, −1, 1, 1), item 3 (−1, 0, 0, 1).
    /// Covariances (divisor 3): c11 = 5/3, c22 = 4/3, c33 = 2/3, c12 = 4/3, c13 = 1, c23 = 2/3.
    /// V = 5/3 + 4/3 + 2/3 + 2·(4/3 + 1 + 2/3) = 29/3; α = 3/2·(1 − (11/3)/(29/3)) = 27/29.
    /// Item 3 against items 1 + 2: cov = 1 + 2/3 = 5/3; var(1 + 2) = 5/3 + 4/3 + 8/3 = 17/3;
    /// r = (5/3)/√(2/3 · 17/3) = 5/√34. Without item 3: α = 2·(1 − 3/(17/3)) = 16/17.
    #[test]
    fn small_case_by_hand() {
        let stats = of(&[vec![1, 2, 2], vec![2, 2, 3], vec![3, 4, 3], vec![4, 4, 4]]);
        let r = stats.reliability();
        assert!(close(r.alpha.unwrap(), 27.0 / 29.0, 1e-12));
        assert!(close(r.items[2].corrected_item_total.unwrap(), 5.0 / 34f64.sqrt(), 1e-12));
        assert!(close(r.items[2].alpha_if_deleted.unwrap(), 16.0 / 17.0, 1e-12));
        let c = stats.covariance().unwrap();
        assert!(close(c[0][1], 4.0 / 3.0, 1e-12) && close(c[2][2], 2.0 / 3.0, 1e-12));
    }

    /// What institutions exchange survives JSON exactly (sums beyond 2^64 included).
    #[test]
    fn statistics_round_trip_through_json() {
        let mut stats = of(&[vec![1, 2, 2], vec![2, 2, 3]]);
        stats.products[0] = i128::from(u64::MAX) * 3;
        let json = serde_json::to_string(&stats).unwrap();
        let back: ItemCovariance = serde_json::from_str(&json).unwrap();
        assert_eq!(back, stats);
    }

    #[test]
    fn degenerate_cases() {
        // One complete case, or no variance: nothing to say.
        assert_eq!(of(&[vec![1, 2]]).reliability().alpha, None);
        let flat = of(&[vec![3, 3], vec![3, 3], vec![3, 3]]).reliability();
        assert_eq!((flat.alpha, flat.items[0].corrected_item_total), (None, None));
        // One item: no alpha.
        assert_eq!(of(&[vec![1], vec![2], vec![4]]).reliability().alpha, None);
        // Two items in perfect agreement: alpha 1, item-total correlation 1.
        let same = of(&[vec![1, 1], vec![2, 2], vec![5, 5]]).reliability();
        assert!(close(same.alpha.unwrap(), 1.0, 1e-12));
        assert!(close(same.items[0].corrected_item_total.unwrap(), 1.0, 1e-12));
        let mut a = of(&[vec![1, 2]]);
        assert!(a.merge(&ItemCovariance::new("other", vec!["q0".into(), "q1".into()])).is_err());
    }

    proptest! {
        /// Federation: statistics of two sites, merged, are those of the pooled responses,
        /// exactly (integers), so the merged alpha is the pooled alpha.
        #[test]
        fn merged_sites_give_the_pooled_statistics(
            rows in proptest::collection::vec(proptest::collection::vec(0i64..5, 4), 0..60),
            cut in 0usize..60,
        ) {
            let cut = cut.min(rows.len());
            let site = |rows: &[Vec<i64>]| {
                let mut stats = ItemCovariance::new("s", (0..4).map(|i| format!("q{i}")).collect());
                rows.iter().for_each(|row| stats.add(row));
                stats
            };
            let mut merged = site(&rows[..cut]);
            merged.merge(&site(&rows[cut..])).unwrap();
            let pooled = site(&rows);
            prop_assert_eq!(&merged, &pooled);
            prop_assert_eq!(merged.reliability(), pooled.reliability());
        }

        /// Alpha from the sufficient statistics equals alpha from the item and total
        /// variances computed directly on the rows.
        #[test]
        fn alpha_matches_the_definition(rows in proptest::collection::vec(proptest::collection::vec(-3i64..8, 3), 2..40)) {
            let variance = |xs: &[f64]| {
                let m = xs.iter().sum::<f64>() / xs.len() as f64;
                xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64
            };
            let column = |j: usize| rows.iter().map(|r| r[j] as f64).collect::<Vec<_>>();
            let totals: Vec<f64> = rows.iter().map(|r| r.iter().sum::<i64>() as f64).collect();
            let items: f64 = (0..3).map(|j| variance(&column(j))).sum();
            let total = variance(&totals);
            let constant = totals.iter().all(|t| *t == totals[0]);
            let expected = (!constant).then(|| 1.5 * (1.0 - items / total));
            match (of(&rows).reliability().alpha, expected) {
                (Some(a), Some(e)) => prop_assert!(close(a, e, 1e-9 * e.abs().max(1.0)), "{} vs {}", a, e),
                (a, e) => prop_assert_eq!(a.is_some(), e.is_some()),
            }
        }
    }
}
