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
#[path = "disclosure_tests.rs"]
mod tests;
