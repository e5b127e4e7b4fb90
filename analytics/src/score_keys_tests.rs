#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use survey_defs::{LayoutColumn, MISSING, ScaleItemInfo};

use super::*;

/// One random item: how it is coded, and its scoring range.
#[derive(Clone, Debug)]
enum Kind {
    /// Option values (some `None`: "don't know").
    Choice(Vec<Option<i32>>),
    Rating(i32, i32),
    /// Whole numbers between the bounds (codes can fall outside the dense window).
    Number(i32, i32),
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        proptest::collection::vec(prop_oneof![4 => (-3i32..6).prop_map(Some), 1 => Just(None)], 2..7)
            .prop_filter("two distinct values", |v| {
                let valued: Vec<i32> = v.iter().flatten().copied().collect();
                valued.iter().min() < valued.iter().max()
            })
            .prop_map(Kind::Choice),
        (-10i32..1, 1i32..11).prop_map(|(a, b)| Kind::Rating(a, b)),
        (-50i32..0, 200i32..2000).prop_map(|(a, b)| Kind::Number(a, b)),
    ]
}

fn column(i: usize, kind: &Kind) -> (LayoutColumn, (i32, i32)) {
    let item_id = format!("q{i}");
    match kind {
        Kind::Choice(values) => {
            let valued = values.iter().flatten();
            let range = (*valued.clone().min().unwrap(), *valued.max().unwrap());
            let option_codes = (0..values.len()).map(|o| format!("o{o}")).collect();
            (LayoutColumn { item_id, kind: ColumnKind::Choice { option_codes, option_values: values.clone() } }, range)
        }
        Kind::Rating(min, max) => {
            (LayoutColumn { item_id, kind: ColumnKind::Rating { min: *min, max: *max } }, (*min, *max))
        }
        Kind::Number(min, max) => (LayoutColumn { item_id, kind: ColumnKind::Number { decimals: 0 } }, (*min, *max)),
    }
}

fn method() -> impl Strategy<Value = ScoringMethod> {
    prop_oneof![Just(ScoringMethod::Sum), Just(ScoringMethod::Mean), Just(ScoringMethod::MeanRescaled)]
}

/// A random code for an item: missing, valid, or not fitting the column.
fn code() -> impl Strategy<Value = i32> {
    prop_oneof![1 => Just(MISSING), 6 => -12i32..12, 1 => -60i32..2100, 1 => Just(1000), 1 => Just(i32::MAX)]
}

fn scale(
    kinds: &[Kind],
    reversed: &[bool],
    method: ScoringMethod,
    min_answered: u32,
    prorate: bool,
) -> (AnswerLayout, ScaleInfo) {
    let mut columns = Vec::new();
    let mut items = Vec::new();
    for (i, (kind, &reversed)) in kinds.iter().zip(reversed).enumerate() {
        let (column, (min, max)) = column(i, kind);
        items.push(ScaleItemInfo { item_id: column.item_id.clone(), min, max, reversed });
        columns.push(column);
    }
    // An unscored column in front, so scale items are not at their own index.
    columns.insert(0, LayoutColumn { item_id: "other".to_owned(), kind: ColumnKind::YesNo });
    (AnswerLayout { columns }, ScaleInfo { method, min_answered, prorate, items })
}

/// What survey-defs says, response by response.
fn expected(layout: &AnswerLayout, info: &ScaleInfo, rows: &[Vec<i32>]) -> ValueCounts {
    let mut counts = ValueCounts::new();
    for row in rows {
        let values: Vec<Option<i32>> = (1..layout.columns.len()).map(|c| layout.value_of(c, row[c])).collect();
        match score_values(info, &values).and_then(hundredths) {
            Some(h) => counts.add(h),
            None => counts.add_missing(1),
        }
    }
    counts
}

/// Counts `rows` in two tallies merged, by the scale's own loop and, when its key can
/// be packed, also through a [`KeyWord`] (the campaign's loop), which must agree.
fn counted(plan: &ScalePlan, layout: &AnswerLayout, rows: &[Vec<i32>]) -> ValueCounts {
    let (mut first, mut second) = (ScaleTally::new(plan), ScaleTally::new(plan));
    let mut packed_tally = ScaleTally::new(plan);
    let (words, packed) = key_words(std::slice::from_ref(plan), layout.columns.len());
    let mut values = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let slots: Vec<u16> = row.iter().map(|&c| u16::try_from(slot(c)).unwrap()).collect();
        let codes: Vec<[u8; 4]> = row.iter().map(|c| c.to_le_bytes()).collect();
        let tally = if r % 3 == 0 { &mut first } else { &mut second };
        tally.add_row(plan, layout, &slots, &codes, &mut values);
        if let Some(word) = words.first() {
            let key: u64 = word.offset
                + slots.iter().enumerate().map(|(j, &s)| word.tables[j * SLOTS + usize::from(s)]).sum::<u64>();
            packed_tally.add_key(plan, usize::try_from(key & 0xFFFF).unwrap(), layout, &codes, &mut values);
        }
    }
    first.merge(&second);
    let counts = first.summary(plan).scores;
    assert_eq!(packed, vec![words.len() == 1]);
    if packed[0] {
        assert_eq!(packed_tally.summary(plan).scores, counts);
    }
    counts
}

/// Four scales packed in one word: each lane gives its own scale's key.
#[test]
fn packed_lanes_do_not_interfere() {
    let likert = |points: i32| Kind::Choice((0..points).map(Some).collect());
    let kinds = vec![likert(5), likert(4), Kind::Rating(-10, 10), likert(3)];
    let (layout, info) = scale(&kinds, &[true, false, true, false], ScoringMethod::Sum, 1, true);
    let plans: Vec<ScalePlan> =
        [ScoringMethod::Sum, ScoringMethod::Mean, ScoringMethod::MeanRescaled, ScoringMethod::Sum]
            .into_iter()
            .map(|method| {
                let info = ScaleInfo { method, ..info.clone() };
                ScalePlan::from_info(&layout, "s".to_owned(), Vec::new(), info).unwrap()
            })
            .collect();
    let (words, packed) = key_words(&plans, layout.columns.len());
    assert_eq!((words.len(), packed), (1, vec![true; 4]));
    for row in [[1, 4, 3, 10, 2], [0, MISSING, 0, -10, MISSING], [1, 0, 2, 0, 7]] {
        let slots: Vec<usize> = row.iter().map(|&c| slot(c)).collect();
        let packed_keys: u64 =
            words[0].offset + slots.iter().enumerate().map(|(j, &s)| words[0].tables[j * SLOTS + s]).sum::<u64>();
        for (lane, plan) in plans.iter().enumerate() {
            let rule = plan.key.as_ref().unwrap();
            let own: i64 = rule.offset
                + plan.columns.iter().enumerate().map(|(j, &c)| rule.contrib[j * SLOTS + slots[c]]).sum::<i64>();
            assert_eq!((packed_keys >> (16 * lane)) & 0xFFFF, u64::try_from(own).unwrap(), "lane {lane}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The counts by key are exactly the counts of survey-defs' scores, whatever the
    /// scale: any method, reverse coding, proration, minimum answered, don't-know options,
    /// invalid codes and numbers outside the dense window; and merging tallies is exact.
    #[test]
    fn key_counts_are_survey_defs_scores(
        kinds in proptest::collection::vec(kind(), 1..9),
        reversed in proptest::collection::vec(any::<bool>(), 9),
        method in method(),
        min_answered in 0u32..9,
        prorate in any::<bool>(),
        rows in proptest::collection::vec(proptest::collection::vec(code(), 9), 0..120),
    ) {
        let (layout, info) = scale(&kinds, &reversed, method, min_answered, prorate);
        let rows: Vec<Vec<i32>> = rows.into_iter().map(|r| r[..layout.columns.len()].to_vec()).collect();
        let plan = ScalePlan::from_info(&layout, "s".to_owned(), Vec::new(), info.clone()).unwrap();
        prop_assert_eq!(counted(&plan, &layout, &rows), expected(&layout, &info, &rows));
    }

    /// Same, for scales of 5-point and 4-point Likert items (the common case): complete
    /// and near-complete responses, every method.
    #[test]
    fn likert_scales_agree(
        points in 4usize..6,
        items in 1usize..9,
        method in method(),
        reversed in proptest::collection::vec(any::<bool>(), 9),
        rows in proptest::collection::vec(proptest::collection::vec(prop_oneof![9 => 0i32..5, 1 => Just(MISSING)], 9), 0..200),
    ) {
        let values: Vec<Option<i32>> = (1..=i32::try_from(points).unwrap()).map(Some).collect();
        let kinds = vec![Kind::Choice(values); items];
        let (layout, info) = scale(&kinds, &reversed, method, 1, true);
        let rows: Vec<Vec<i32>> = rows.into_iter().map(|r| r[..layout.columns.len()].to_vec()).collect();
        let plan = ScalePlan::from_info(&layout, "s".to_owned(), Vec::new(), info.clone()).unwrap();
        prop_assert_eq!(counted(&plan, &layout, &rows), expected(&layout, &info, &rows));
    }
}

/// Which key each kind of scale gets: the property tests above then cover all three ways.
#[test]
fn keys_chosen() {
    let likert = |points: i32| Kind::Choice((0..points).map(Some).collect());
    let plan = |kinds: Vec<Kind>, method| {
        let (layout, info) = scale(&kinds, &[false; 12], method, 1, false);
        ScalePlan::from_info(&layout, "s".to_owned(), Vec::new(), info).unwrap()
    };
    // Sums and means: by sum; 10 items 0..4 → 11 counts × 41 sums.
    assert_eq!(plan(vec![likert(5); 10], ScoringMethod::Mean).key.map(|k| (k.size, k.width)), Some((11 * 41, 41)));
    // Rescaled 4-point items (thirds): by pattern, 5^4 patterns.
    assert_eq!(plan(vec![likert(4); 4], ScoringMethod::MeanRescaled).key.map(|k| (k.size, k.width)), Some((625, 0)));
    // Rescaled 5-point items (quarters, exact in binary): by sum.
    assert_eq!(plan(vec![likert(5); 4], ScoringMethod::MeanRescaled).key.map(|k| k.width), Some(17));
    // 5^8 patterns is too many: response by response.
    assert!(plan(vec![likert(4); 8], ScoringMethod::MeanRescaled).key.is_none());
    // Numbers: by sum, looked up outside the window.
    let numbers = plan(vec![Kind::Number(0, 1000), likert(3)], ScoringMethod::Sum);
    assert!(numbers.key.is_some_and(|k| k.contrib.contains(&LOOK_UP)));
}

#[test]
fn slots() {
    assert_eq!(slot(DENSE_LOW), 0);
    assert_eq!(slot(0), 128);
    assert_eq!(code_of_slot(slot(255)), Some(255));
    assert_eq!(slot(256), OTHER_SLOT);
    assert_eq!(slot(-129), OTHER_SLOT);
    assert_eq!(slot(MISSING), MISSING_SLOT);
    assert_eq!(code_of_slot(MISSING_SLOT), None);
}
