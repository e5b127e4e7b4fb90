//! Mergeable sufficient statistics: exact counts per integer code, and moments.
//!
//! Answers are small integers (option indexes, rating points, scores in hundredths), so
//! exact counts are small and merge by addition: the median, quartiles and percentages of
//! merged counts are those of the pooled data, exactly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Exact counts per integer code, plus the number of missing answers.
///
/// The sufficient statistic for everything about one item or one score: n, missing share,
/// per-code counts and shares, exact quantiles, mean and standard deviation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCounts {
    counts: BTreeMap<i32, u64>,
    missing: u64,
}

/// Count, mean and sum of squared deviations (M2) of a sample: mean and variance in one
/// numerically stable pass (Welford 1962), mergeable with Chan, Golub & LeVeque's formula
/// ("Algorithms for computing the sample variance", 1983).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Moments {
    /// Number of values.
    pub n: u64,
    /// Mean of the values (0 when `n` is 0).
    pub mean: f64,
    /// Sum of squared deviations from the mean.
    pub m2: f64,
}

/// The published description of a numeric distribution, in the item's or score's units.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Number of values.
    pub n: u64,
    /// Mean.
    pub mean: f64,
    /// Sample standard deviation (n − 1); `None` below 2 values.
    pub sd: Option<f64>,
    /// 95 % confidence interval of the mean (Student t); `None` below 2 values.
    pub mean_ci95: Option<(f64, f64)>,
    /// Median.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
}

// Counts below 2^53 are exact in f64; a campaign never gets near that.
#[allow(clippy::cast_precision_loss)]
fn to_f64(n: u64) -> f64 {
    n as f64
}

impl ValueCounts {
    /// No values, nothing missing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one value.
    pub fn add(&mut self, code: i32) {
        self.add_n(code, 1);
    }

    /// Adds `n` occurrences of a value.
    pub fn add_n(&mut self, code: i32, n: u64) {
        if n > 0 {
            *self.counts.entry(code).or_insert(0) += n;
        }
    }

    /// Adds `n` missing answers.
    pub fn add_missing(&mut self, n: u64) {
        self.missing += n;
    }

    /// Adds the counts of `other` (exact: merging is addition).
    pub fn merge(&mut self, other: &Self) {
        for (&code, &n) in &other.counts {
            self.add_n(code, n);
        }
        self.missing += other.missing;
    }

    /// Counts per value, ascending.
    pub fn counts(&self) -> &BTreeMap<i32, u64> {
        &self.counts
    }

    /// Occurrences of one value.
    pub fn count(&self, code: i32) -> u64 {
        self.counts.get(&code).copied().unwrap_or(0)
    }

    /// Number of values (answers given).
    pub fn n(&self) -> u64 {
        self.counts.values().sum()
    }

    /// Number of missing answers.
    pub fn missing(&self) -> u64 {
        self.missing
    }

    /// Values plus missing.
    pub fn total(&self) -> u64 {
        self.n() + self.missing
    }

    /// Missing answers as a percentage of the total; `None` when the total is 0.
    pub fn missing_pct(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| 100.0 * to_f64(self.missing) / to_f64(total))
    }

    /// Occurrences of one value as a percentage of the values (missing excluded).
    pub fn pct(&self, code: i32) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| 100.0 * to_f64(self.count(code)) / to_f64(n))
    }

    /// Counts after mapping each value; values mapped to `None` become missing.
    /// Used to turn option indexes into scoring values, or to drop invalid codes.
    #[must_use]
    pub fn map_values(&self, f: impl Fn(i32) -> Option<i32>) -> Self {
        let mut mapped = Self { counts: BTreeMap::new(), missing: self.missing };
        for (&code, &n) in &self.counts {
            match f(code) {
                Some(value) => mapped.add_n(value, n),
                None => mapped.missing += n,
            }
        }
        mapped
    }

    /// The values at 0-based ranks `i` and `i + 1` of the sorted sample (the second
    /// clamped to the last rank), found in one walk of the cumulative counts.
    fn order_pair(&self, i: u64) -> Option<(i32, i32)> {
        let mut seen = 0u64;
        let mut low = None;
        for (&value, &n) in &self.counts {
            seen += n;
            if low.is_none() && seen > i {
                low = Some(value);
            }
            if let Some(low) = low
                && seen > i + 1
            {
                return Some((low, value));
            }
        }
        low.map(|low| (low, low))
    }

    /// Exact quantile `p` (0 ≤ p ≤ 1) of the values, by linear interpolation between order
    /// statistics at rank `(n − 1)·p` (Hyndman & Fan's type 7, the default of R and
    /// NumPy); `None` without values. The median is `quantile(0.5)`, which averages the
    /// two middle values when n is even.
    pub fn quantile(&self, p: f64) -> Option<f64> {
        let n = self.n();
        if n == 0 || !(0.0..=1.0).contains(&p) {
            return None;
        }
        let h = to_f64(n - 1) * p;
        let floor = h.floor();
        // 0 ≤ floor ≤ n − 1 < 2^53: the conversion is exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let rank = floor as u64;
        let (low, high) = self.order_pair(rank)?;
        let (low, high) = (f64::from(low), f64::from(high));
        Some(low + (h - floor) * (high - low))
    }

    /// Median of the values.
    pub fn median(&self) -> Option<f64> {
        self.quantile(0.5)
    }

    /// First and third quartiles (type 7); the interquartile range is `q3 − q1`.
    pub fn quartiles(&self) -> Option<(f64, f64)> {
        Some((self.quantile(0.25)?, self.quantile(0.75)?))
    }

    /// Count, mean and M2 of the values, computed in two passes over the distinct values:
    /// the exact integer sum first, then squared deviations from the mean.
    pub fn moments(&self) -> Moments {
        let n = self.n();
        if n == 0 {
            return Moments::default();
        }
        let sum: i128 = self.counts.iter().map(|(&v, &c)| i128::from(v) * i128::from(c)).sum();
        // |sum| < 2^31 · 2^64: rounding to f64 keeps 53 significant bits, as any mean would.
        #[allow(clippy::cast_precision_loss)]
        let mean = sum as f64 / to_f64(n);
        let m2 = self
            .counts
            .iter()
            .map(|(&v, &c)| {
                let d = f64::from(v) - mean;
                to_f64(c) * d * d
            })
            .sum();
        Moments { n, mean, m2 }
    }

    /// The published distribution, with values divided by `divisor` (e.g. 100 for scores
    /// kept in hundredths, 10^decimals for numbers); `None` without values.
    pub fn distribution(&self, divisor: f64) -> Option<Distribution> {
        let moments = self.moments();
        let mean = moments.mean()? / divisor;
        let (q1, q3) = self.quartiles()?;
        Some(Distribution {
            n: moments.n,
            mean,
            sd: moments.sd().map(|sd| sd / divisor),
            mean_ci95: moments.mean_ci95().map(|(lo, hi)| (lo / divisor, hi / divisor)),
            median: self.median()? / divisor,
            q1: q1 / divisor,
            q3: q3 / divisor,
        })
    }
}

impl Moments {
    /// Moments of the given values.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Self {
        let mut moments = Self::default();
        for x in values {
            moments.add(x);
        }
        moments
    }

    /// Adds one value (Welford's update).
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / to_f64(self.n);
        self.m2 += delta * (x - self.mean);
    }

    /// Merges the moments of another, disjoint sample (Chan et al.):
    /// `δ = mean_b − mean_a`, `mean = mean_a + δ·n_b/n`, `M2 = M2_a + M2_b + δ²·n_a·n_b/n`.
    pub fn merge(&mut self, other: &Self) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = *other;
            return;
        }
        let (na, nb) = (to_f64(self.n), to_f64(other.n));
        let n = na + nb;
        let delta = other.mean - self.mean;
        self.mean += delta * nb / n;
        self.m2 += other.m2 + delta * delta * na * nb / n;
        self.n += other.n;
    }

    /// The mean; `None` without values.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then_some(self.mean)
    }

    /// Sample variance (divisor n − 1); `None` below 2 values.
    pub fn variance(&self) -> Option<f64> {
        (self.n > 1).then(|| self.m2.max(0.0) / to_f64(self.n - 1))
    }

    /// Sample standard deviation; `None` below 2 values.
    pub fn sd(&self) -> Option<f64> {
        self.variance().map(f64::sqrt)
    }

    /// 95 % confidence interval of the mean: `mean ± t(0.975, n − 1) · sd / √n`.
    ///
    /// Student's t rather than the normal 1.96, because disclosed groups can be as small
    /// as k (often 5 to 11 respondents), where 1.96 would make the interval too narrow.
    /// It assumes the sampling distribution of the mean is close to normal, which holds
    /// for bounded scores as n grows (central limit theorem); for very small, skewed
    /// samples it is an approximation. `None` below 2 values.
    pub fn mean_ci95(&self) -> Option<(f64, f64)> {
        let sd = self.sd()?;
        let half = t_quantile_975(self.n - 1) * sd / to_f64(self.n).sqrt();
        Some((self.mean - half, self.mean + half))
    }
}

/// Student's t 0.975 quantiles for 1 to 30 degrees of freedom, to 9 decimals (computed
/// from the regularized incomplete beta function; they match published tables).
const T_975: [f64; 30] = [
    12.706_204_736,
    4.302_652_730,
    3.182_446_305,
    2.776_445_105,
    2.570_581_836,
    2.446_911_851,
    2.364_624_252,
    2.306_004_135,
    2.262_157_163,
    2.228_138_852,
    2.200_985_160,
    2.178_812_830,
    2.160_368_656,
    2.144_786_688,
    2.131_449_546,
    2.119_905_299,
    2.109_815_578,
    2.100_922_040,
    2.093_024_054,
    2.085_963_447,
    2.079_613_845,
    2.073_873_068,
    2.068_657_610,
    2.063_898_562,
    2.059_538_553,
    2.055_529_439,
    2.051_830_516,
    2.048_407_142,
    2.045_229_642,
    2.042_272_456,
];

/// The 0.975 quantile of Student's t with `df` degrees of freedom (two-sided 95 %).
///
/// Exact table values up to 30 degrees of freedom; above, the Cornish–Fisher expansion
/// around the normal quantile (Abramowitz & Stegun 26.7.5, four terms), whose error is
/// below 3·10⁻⁸ from df = 31 on. `df = 0` gives infinity (no interval).
pub fn t_quantile_975(df: u64) -> f64 {
    const Z: f64 = 1.959_963_984_540_054;
    match df {
        0 => f64::INFINITY,
        1..=30 => T_975.get(usize::try_from(df - 1).unwrap_or(0)).copied().unwrap_or(Z),
        _ => {
            let v = to_f64(df);
            let z2 = Z * Z;
            let g1 = (z2 + 1.0) * Z / 4.0;
            let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * Z / 96.0;
            let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * Z / 384.0;
            let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * Z / 92160.0;
            Z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
        }
    }
}

#[cfg(test)]
#[path = "stats_tests.rs"]
mod tests;
