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
