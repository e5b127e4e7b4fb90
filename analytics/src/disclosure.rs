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

/// A two-way table after disclosure control (see [`disclose_table`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DisclosedTable {
    /// The cells, row by row; every cell of a withheld row is suppressed.
    pub cells: Vec<Vec<Disclosed<u64>>>,
    /// Rows withheld entirely, their totals included.
    pub withheld: Vec<bool>,
}

/// Whether a line (row or column) whose total is published leaves a hidden group
/// recoverable: one hidden non-zero cell (it is total − shown cells), or hidden cells
/// whose sum (also total − shown) is below `k`.
fn line_exposed(values: impl Iterator<Item = (u64, bool)>, k: u64) -> bool {
    let (mut count, mut sum) = (0u32, 0u64);
    for (n, hidden) in values {
        if hidden && n > 0 {
            count += 1;
            sum += n;
        }
    }
    count > 0 && (count == 1 || sum < k)
}

/// Disclosure control of a two-way table — groups (rows) × answer options or bands
/// (columns) — whose row totals and column totals are published elsewhere (the groups'
/// answered counts, and the whole campaign's report). Subtraction along any line must
/// not give back a small group, so, with threshold `k`:
/// - a row whose total is not published (`row_totals[r]` false) or is below `k` is
///   withheld entirely;
/// - cells with `0 < n < k` are suppressed (primary suppression);
/// - then, until nothing changes, every published line (a row shown, a column with
///   `column_totals[c]`, and the line of row totals, whose sum is published) must have
///   either no hidden non-zero cell, or at least two whose sum is at least `k` (in a
///   column, a single hidden cell of at least `k` in a withheld row is allowed: it is no
///   small group and its row publishes no total to subtract further); otherwise the
///   smallest shown non-zero cell of the line is hidden too (complementary suppression),
///   and when none is left, the rows concerned are withheld.
///
/// Published column totals must themselves be disclosure-controlled (0 or at least `k`,
/// as [`disclose_counts`] leaves them); a column whose total is small is not protected
/// here. This guards against recovery by subtraction along rows and columns, the attack
/// the module documentation describes, not against every linear inference.
pub fn disclose_table(cells: &[Vec<u64>], row_totals: &[bool], column_totals: &[bool], k: u32) -> DisclosedTable {
    let k64 = u64::from(k);
    let small = |n: u64| n > 0 && n < k64;
    let width = column_totals.len();
    let value = |r: usize, c: usize| cells.get(r).and_then(|row| row.get(c)).copied().unwrap_or(0);
    let totals: Vec<u64> = (0..cells.len()).map(|r| (0..width).map(|c| value(r, c)).sum()).collect();
    let mut withheld: Vec<bool> =
        totals.iter().enumerate().map(|(r, &t)| !row_totals.get(r).copied().unwrap_or(false) || small(t)).collect();
    let mut hidden: Vec<Vec<bool>> =
        (0..cells.len()).map(|r| (0..width).map(|c| withheld[r] || small(value(r, c))).collect()).collect();
    loop {
        let mut changed = false;
        for r in 0..cells.len() {
            if withheld[r] || !line_exposed((0..width).map(|c| (value(r, c), hidden[r][c])), k64) {
                continue;
            }
            let candidate = (0..width).filter(|&c| !hidden[r][c] && value(r, c) > 0).min_by_key(|&c| (value(r, c), c));
            match candidate {
                Some(c) => hidden[r][c] = true,
                None => {
                    withheld[r] = true;
                    hidden[r].iter_mut().for_each(|h| *h = true);
                }
            }
            changed = true;
        }
        for c in (0..width).filter(|&c| column_totals[c]) {
            // One hidden cell of at least k in a withheld row may be recovered: it is no
            // small group, and no published total of its row leads further.
            let hidden_cells: Vec<usize> = (0..cells.len()).filter(|&r| hidden[r][c] && value(r, c) > 0).collect();
            let harmless = matches!(hidden_cells.as_slice(), [r] if withheld[*r] && value(*r, c) >= k64);
            if harmless || !line_exposed((0..cells.len()).map(|r| (value(r, c), hidden[r][c])), k64) {
                continue;
            }
            let candidate = (0..cells.len())
                .filter(|&r| !withheld[r] && !hidden[r][c] && value(r, c) > 0)
                .min_by_key(|&r| (value(r, c), r));
            if let Some(r) = candidate {
                hidden[r][c] = true;
                changed = true;
            } else {
                for r in 0..cells.len() {
                    if hidden[r][c] && value(r, c) > 0 && !withheld[r] {
                        withheld[r] = true;
                        hidden[r].iter_mut().for_each(|h| *h = true);
                        changed = true;
                    }
                }
            }
        }
        if line_exposed(totals.iter().zip(&withheld).map(|(&t, &w)| (t, w)), k64) {
            let candidate = (0..cells.len()).filter(|&r| !withheld[r] && totals[r] > 0).min_by_key(|&r| (totals[r], r));
            if let Some(r) = candidate {
                withheld[r] = true;
                hidden[r].iter_mut().for_each(|h| *h = true);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // The stated bound of a hidden cell: k for a small cell; otherwise the hidden sum of a
    // published line holding it (readers can compute it, and it exceeds the cell, the line
    // holding another hidden non-zero cell); otherwise its column total, plus one.
    let hidden_sum = |r: usize, c: usize| {
        let row = (!withheld[r]).then(|| (0..width).filter(|&j| hidden[r][j]).map(|j| value(r, j)).sum::<u64>());
        let column = column_totals[c].then(|| (0..cells.len()).filter(|&i| hidden[i][c]).map(|i| value(i, c)).sum());
        let within = [row, column].into_iter().flatten().filter(|&s| s > value(r, c)).min();
        within.unwrap_or_else(|| (0..cells.len()).map(|i| value(i, c)).sum::<u64>() + 1)
    };
    let cells = (0..cells.len())
        .map(|r| {
            (0..width)
                .map(|c| match (hidden[r][c], small(value(r, c))) {
                    (false, _) => Disclosed::Shown(value(r, c)),
                    (true, true) => Disclosed::Suppressed { fewer_than: k },
                    (true, false) => Disclosed::Suppressed { fewer_than: bound(hidden_sum(r, c)) },
                })
                .collect()
        })
        .collect();
    DisclosedTable { cells, withheld }
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

    fn exposed(values: &[(u64, bool)], k: u32) -> bool {
        line_exposed(values.iter().copied(), u64::from(k))
    }

    #[test]
    fn table_by_hand() {
        // Two groups × three options, k = 5. Group b's 2 is small. Its row then has one
        // hidden cell: the 6 is hidden too. The 2's column has one: group a's 10 is hidden;
        // the 6's column has one: group a's 8 is hidden. Every line now has two hidden
        // cells summing to at least 5.
        let table = disclose_table(&[vec![10, 8, 20], vec![2, 6, 30]], &[true, true], &[true, true, true], 5);
        let shown: Vec<Vec<Option<u64>>> = table.cells.iter().map(|row| shown(row)).collect();
        assert_eq!(shown, vec![vec![None, None, Some(20)], vec![None, None, Some(30)]]);
        assert_eq!(table.withheld, vec![false, false]);
        // A group whose total is below k is withheld, and with it another (else its total
        // would be the campaign's minus the other groups').
        let table = disclose_table(&[vec![3, 0], vec![10, 10], vec![20, 20]], &[true; 3], &[true, true], 5);
        assert_eq!(table.withheld, vec![true, true, false]);
    }

    #[test]
    fn exposed_lines() {
        assert!(exposed(&[(3, true), (10, false)], 5));
        assert!(exposed(&[(1, true), (2, true), (10, false)], 5));
        assert!(!exposed(&[(3, true), (4, true), (10, false)], 5));
        assert!(!exposed(&[(0, true), (10, false)], 5));
    }

    proptest! {
        /// No shown cell is small, and along every published line (shown rows, published
        /// columns, the row totals) subtraction gives back neither a single hidden cell nor
        /// a hidden sum below k; bounds are true.
        #[test]
        fn no_small_group_in_a_table(
            cells in proptest::collection::vec(
                proptest::collection::vec(prop_oneof![Just(0u64), 1u64..8, 8u64..60], 4), 1..7),
            row_totals in proptest::collection::vec(prop_oneof![1 => Just(false), 5 => Just(true)], 7),
            column_totals in proptest::collection::vec(any::<bool>(), 4),
            k in 2u32..9,
        ) {
            let k64 = u64::from(k);
            // Published column totals are never small (the campaign report hides those).
            let column_totals: Vec<bool> = (0..4)
                .map(|c| {
                    let total: u64 = cells.iter().map(|row| row[c]).sum();
                    column_totals[c] && (total == 0 || total >= k64)
                })
                .collect();
            let table = disclose_table(&cells, &row_totals, &column_totals, k);
            let hidden = |r: usize, c: usize| table.cells[r][c].is_suppressed();
            for (r, row) in cells.iter().enumerate() {
                let total: u64 = row.iter().sum();
                if !table.withheld[r] {
                    prop_assert!(row_totals[r] && (total == 0 || total >= k64));
                    prop_assert!(!exposed(&row.iter().enumerate().map(|(c, &n)| (n, hidden(r, c))).collect::<Vec<_>>(), k));
                }
                for (c, &n) in row.iter().enumerate() {
                    match table.cells[r][c] {
                        Disclosed::Shown(v) => {
                            prop_assert!(!table.withheld[r]);
                            prop_assert!(v == n && (n == 0 || n >= k64));
                        }
                        Disclosed::Suppressed { fewer_than } => prop_assert!(n < u64::from(fewer_than)),
                    }
                }
            }
            for c in (0..4).filter(|&c| column_totals[c]) {
                let column: Vec<(u64, bool)> = cells.iter().enumerate().map(|(r, row)| (row[c], hidden(r, c))).collect();
                let recoverable_small = exposed(&column, k);
                // A line can stay exposed only by one hidden cell of at least k in a
                // withheld row (no total of its row is published to chain from).
                if recoverable_small {
                    let hidden_cells: Vec<(usize, u64)> =
                        column.iter().enumerate().filter(|(_, (n, h))| *h && *n > 0).map(|(r, (n, _))| (r, *n)).collect();
                    prop_assert!(hidden_cells.len() == 1 && hidden_cells[0].1 >= k64 && table.withheld[hidden_cells[0].0],
                        "column {} exposed: {:?}", c, hidden_cells);
                }
            }
            let totals: Vec<(u64, bool)> = cells.iter().zip(&table.withheld).map(|(row, &w)| (row.iter().sum(), w)).collect();
            let exposed_totals = exposed(&totals, k);
            if exposed_totals {
                // Only when every non-zero row is withheld (nothing left to hide).
                prop_assert!(totals.iter().all(|&(t, w)| t == 0 || w), "{:?}", totals);
            }
        }
    }
}
