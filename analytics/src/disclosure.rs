//! Disclosure control, in one place: every count that reaches a report goes through here.
//!
//! Small groups are the risk. If 2 of 40 patients of a ward answered "never" to "were you
//! treated with respect", colleagues can often guess who. So, with a threshold `k`
//! (typically 5 to 11):
//! - a whole summary resting on fewer than `k` answers is suppressed
//!   ([`disclose_summary`]);
//! - within a row of counts whose total is shown, any cell with `0 < n < k` is suppressed
//!   (primary suppression), and when exactly one cell would be hidden, the smallest other
//!   non-zero cell is hidden too (complementary suppression), so the hidden cell cannot
//!   be recovered as *total − shown cells* ([`disclose_counts`]);
//! - a share is shown only with its count ([`disclose_share`]);
//! - a figure derived from a row (mean, median, top-box share) is shown only when the
//!   whole row is ([`disclose_derived`]).
//!
//! Zero cells are shown: they are never a small group of people. Non-response counts are
//! not treated as sensitive cells (they tell that someone skipped a question, not what they
//! answered), so answer rows are taken over the respondents who answered.
//!
//! Limits, stated honestly: the bound in [`Disclosed::Suppressed`] tells the range of a
//! hidden cell (with `k = 2`, "fewer than 2" means exactly 1, so use `k ≥ 3`); and a reader
//! who knows this rule can sometimes narrow a hidden pair further (the complementary cell
//! is no larger than the smallest shown non-zero cell). This guards against recovery by
//! subtraction, the common attack on published tables, not against every inference.

use serde::{Deserialize, Serialize};

/// A figure that is either shown or withheld to protect small groups.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disclosed<T> {
    /// The figure.
    Shown(T),
    /// Withheld. `fewer_than` is a true upper bound the UI can state ("fewer than 5
    /// answers"): `k` for a small cell or summary; for a cell hidden only to protect
    /// another (complementary suppression), the combined size of the row's hidden cells,
    /// which readers can already compute as total − shown cells.
    Suppressed {
        /// The hidden figure is below this.
        fewer_than: u32,
    },
}

impl<T> Disclosed<T> {
    /// The figure when shown.
    pub fn shown(&self) -> Option<&T> {
        match self {
            Self::Shown(value) => Some(value),
            Self::Suppressed { .. } => None,
        }
    }

    /// True when withheld.
    pub fn is_suppressed(&self) -> bool {
        matches!(self, Self::Suppressed { .. })
    }

    /// Applies `f` to a shown figure; a suppression stays as it is.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Disclosed<U> {
        match self {
            Self::Shown(value) => Disclosed::Shown(f(value)),
            Self::Suppressed { fewer_than } => Disclosed::Suppressed { fewer_than },
        }
    }
}

fn bound(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Shows `summary` only when it rests on at least `k` answers (`n ≥ k`); an empty summary
/// (`n = 0`) is withheld too, there being nothing to show.
pub fn disclose_summary<T>(n: u64, k: u32, summary: T) -> Disclosed<T> {
    if n == 0 || n < u64::from(k) { Disclosed::Suppressed { fewer_than: k.max(1) } } else { Disclosed::Shown(summary) }
}

/// Applies primary and complementary suppression to one row of counts whose total is
/// shown (see the module documentation). Cells keep their order.
///
/// The caller must show the row total only when it is at least `k`
/// ([`disclose_summary`]); a row whose total is below `k` has every non-zero cell hidden
/// here, as no complementary cell could protect it.
pub fn disclose_counts(counts: &[u64], k: u32) -> Vec<Disclosed<u64>> {
    let k64 = u64::from(k);
    let small = |n: u64| n > 0 && n < k64;
    let mut hidden: Vec<bool> = counts.iter().map(|&n| small(n)).collect();
    let total: u64 = counts.iter().sum();
    if total < k64 {
        hidden = counts.iter().map(|&n| n > 0).collect();
    } else if hidden.iter().filter(|&&h| h).count() == 1 {
        let complement = counts
            .iter()
            .enumerate()
            .filter(|&(i, &n)| n > 0 && !hidden[i])
            .min_by_key(|&(i, &n)| (n, i))
            .map(|(i, _)| i);
        if let Some(i) = complement {
            hidden[i] = true;
        }
    }
    let hidden_sum: u64 = counts.iter().zip(&hidden).filter(|(_, h)| **h).map(|(n, _)| n).sum();
    counts
        .iter()
        .zip(&hidden)
        .map(|(&n, &h)| match (h, small(n)) {
            (false, _) => Disclosed::Shown(n),
            (true, true) => Disclosed::Suppressed { fewer_than: k },
            (true, false) => Disclosed::Suppressed { fewer_than: bound(hidden_sum) },
        })
        .collect()
}

/// A figure derived from a row of counts (a mean, a median, a top-box share) is shown
/// only when every cell of the row is shown. Otherwise it could give the hidden cells
/// back: two hidden cells `a` and `b` of known sum `S = total − shown`, plus the mean
/// `m`, give `v_a·a + v_b·b = n·m − Σ shown`, two equations for two unknowns.
pub fn disclose_derived<T>(cells: &[Disclosed<u64>], figure: T) -> Option<T> {
    cells.iter().all(|cell| !cell.is_suppressed()).then_some(figure)
}

/// The percentage `100 · count / total` when the count is shown; withheld with it
/// otherwise. A zero total gives 0.
pub fn disclose_share(count: &Disclosed<u64>, total: u64) -> Disclosed<f64> {
    count.map(|n| {
        if total == 0 {
            0.0
        } else {
            // Counts are far below 2^53: exact in f64.
            #[allow(clippy::cast_precision_loss)]
            let share = 100.0 * n as f64 / total as f64;
            share
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    fn shown(cells: &[Disclosed<u64>]) -> Vec<Option<u64>> {
        cells.iter().map(|c| c.shown().copied()).collect()
    }

    #[test]
    fn small_cell_and_its_complement_are_hidden() {
        // Total 20 shown; the 2 is hidden, and so is the smallest other non-zero cell (3),
        // not the zero.
        let cells = disclose_counts(&[10, 2, 0, 5, 3], 3);
        assert_eq!(shown(&cells), vec![Some(10), None, Some(0), Some(5), None]);
        assert_eq!(cells[1], Disclosed::Suppressed { fewer_than: 3 });
        // 3 ≥ k = 3 is hidden only as a complement: its bound is the hidden sum, 2 + 3.
        assert_eq!(cells[4], Disclosed::Suppressed { fewer_than: 5 });
    }

    #[test]
    fn two_small_cells_need_no_complement() {
        let cells = disclose_counts(&[1, 2, 30], 5);
        assert_eq!(shown(&cells), vec![None, None, Some(30)]);
    }

    #[test]
    fn nothing_small_nothing_hidden() {
        let cells = disclose_counts(&[5, 0, 7], 5);
        assert_eq!(shown(&cells), vec![Some(5), Some(0), Some(7)]);
        assert_eq!(shown(&disclose_counts(&[1, 2], 0)), vec![Some(1), Some(2)]);
        assert_eq!(shown(&disclose_counts(&[1, 2], 1)), vec![Some(1), Some(2)]);
    }

    #[test]
    fn row_below_k_is_hidden_entirely() {
        assert_eq!(shown(&disclose_counts(&[2, 0, 1], 5)), vec![None, Some(0), None]);
    }

    #[test]
    fn summaries_and_shares() {
        assert_eq!(disclose_summary(4, 5, "x"), Disclosed::Suppressed { fewer_than: 5 });
        assert_eq!(disclose_summary(5, 5, "x"), Disclosed::Shown("x"));
        assert!(disclose_summary(0, 0, "x").is_suppressed());
        assert_eq!(disclose_share(&Disclosed::Shown(1), 4), Disclosed::Shown(25.0));
        assert!(disclose_share(&Disclosed::Suppressed { fewer_than: 5 }, 4).is_suppressed());
        let row = disclose_counts(&[10, 2, 8, 8], 5);
        assert_eq!(disclose_derived(&row, 2.5), None);
        assert_eq!(disclose_derived(&disclose_counts(&[10, 5], 5), 2.5), Some(2.5));
    }

    proptest! {
        #[test]
        fn no_small_cell_is_shown_or_recoverable(
            counts in proptest::collection::vec(prop_oneof![Just(0u64), 1u64..12, 12u64..200], 1..10),
            k in 2u32..12,
        ) {
            let cells = disclose_counts(&counts, k);
            prop_assert_eq!(cells.len(), counts.len());
            let total: u64 = counts.iter().sum();
            let mut shown_sum = 0;
            for (cell, &n) in cells.iter().zip(&counts) {
                match cell {
                    Disclosed::Shown(v) => {
                        prop_assert_eq!(*v, n);
                        prop_assert!(n == 0 || n >= u64::from(k), "shown small cell {}", n);
                        shown_sum += n;
                    }
                    Disclosed::Suppressed { fewer_than } => {
                        prop_assert!(n > 0, "a zero cell was hidden");
                        prop_assert!(n < u64::from(*fewer_than), "bound {} not above {}", fewer_than, n);
                    }
                }
            }
            if total >= u64::from(k) {
                // The total is shown: no hidden cell equals total − shown cells.
                let hidden = cells.iter().filter(|c| c.is_suppressed()).count();
                prop_assert_ne!(hidden, 1);
                for (cell, &n) in cells.iter().zip(&counts) {
                    if cell.is_suppressed() {
                        prop_assert_ne!(total - shown_sum, n, "recoverable by subtraction");
                    }
                }
            }
        }
    }
}
