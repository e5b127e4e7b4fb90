#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use survey_defs::{MISSING, Questionnaire, parse_iso_date};

use super::*;

/// A ward (single choice, 4 options), two 4-point Likert items, an age (number) and a
/// scale summing the Likert items, with bands 0–2, 3–6.
fn questionnaire() -> Questionnaire {
    let option = |code: String, value: Option<i32>| match value {
        Some(v) => format!(r#"{{"code": "{code}", "label": {{"fr": "{code}"}}, "value": {v}}}"#),
        None => format!(r#"{{"code": "{code}", "label": {{"fr": "{code}"}}}}"#),
    };
    let wards: Vec<String> = ["a", "b", "c", "d"].iter().map(|w| option(format!("ward-{w}"), None)).collect();
    let points: Vec<String> = (0..4).map(|v| option(format!("o{v}"), Some(v))).collect();
    let likert = |id: &str| {
        format!(r#"{{"id": "{id}", "type": "likert", "text": {{"fr": "{id}"}}, "options": [{}]}}"#, points.join(", "))
    };
    let band = |lo: u32, hi: u32| format!(r#"{{"min": {lo}, "max": {hi}, "label": {{"fr": "{lo}"}}}}"#);
    let json = format!(
        r#"{{"id": "wards", "version": "1.0.0", "kind": "prem", "languages": ["fr"],
            "title": {{"fr": "T"}}, "introduction": {{"fr": "I"}}, "who_asks_and_why": {{"fr": "W"}},
            "sections": [{{"id": "s", "title": {{"fr": "S"}}, "items": [
                {{"id": "ward", "type": "single_choice", "text": {{"fr": "W"}}, "options": [{}]}},
                {}, {},
                {{"id": "age", "type": "number", "text": {{"fr": "A"}}, "min": 0, "max": 120}}]}}],
            "scales": [{{"id": "s", "title": {{"fr": "S"}}, "items": ["q1", "q2"], "method": "sum", "min_answered": 2,
                "bands": [{}, {}]}}],
            "provenance": {{}}, "licence": {{"name": "CC0"}}}}"#,
        wards.join(", "),
        likert("q1"),
        likert("q2"),
        band(0, 2),
        band(3, 6)
    );
    Questionnaire::from_json(&json).unwrap()
}

fn bytes(codes: &[i32]) -> Vec<u8> {
    codes.iter().flat_map(|c| c.to_le_bytes()).collect()
}

const DAY: i64 = 86_400_000;

#[test]
fn groups_by_item_week_and_month() {
    let q = questionnaire();
    let rows = [bytes(&[0, 1, 2, 40]), bytes(&[2, 3, 3, 50]), bytes(&[MISSING, 0, 0, 60]), bytes(&[9, 0, 0, 70])];
    let monday = i64::from(parse_iso_date("2026-11-23").unwrap()) * DAY;
    let times = [monday, monday + 6 * DAY + 1, monday + 8 * DAY, monday - 1];
    let by = |grouping: Grouping| {
        let mut tally = GroupedTally::new(CampaignTally::new(&q).unwrap(), grouping).unwrap();
        tally.add_rows(rows.iter().map(Vec::as_slice).zip(times)).unwrap();
        tally.groups().map(|(g, t)| (g.clone(), t.respondents())).collect::<Vec<_>>()
    };
    let ward = |index: u32, code: &str| Group::Option { index, code: code.to_owned() };
    // Code 9 is no option: not answered, like the missing code.
    assert_eq!(
        by(Grouping::Item { item_id: "ward".to_owned() }),
        vec![(ward(0, "ward-a"), 1), (ward(2, "ward-c"), 1), (Group::NotAnswered, 2)]
    );
    let week = |d: i64| Group::Week { monday: i32::try_from(d / DAY).unwrap() };
    // The 1st of December falls in the week starting on Monday 30 November.
    assert_eq!(by(Grouping::Week), vec![(week(monday - 7 * DAY), 1), (week(monday), 2), (week(monday + 7 * DAY), 1)]);
    assert_eq!(
        by(Grouping::Month),
        vec![(Group::Month { year: 2026, month: 11 }, 3), (Group::Month { year: 2026, month: 12 }, 1)]
    );
    // Only single choice items group respondents.
    for item in ["q1", "age", "nope"] {
        let error = GroupedTally::new(CampaignTally::new(&q).unwrap(), Grouping::Item { item_id: item.to_owned() });
        if item == "q1" {
            assert!(error.is_ok(), "a Likert item is a single choice");
        } else {
            assert!(matches!(error, Err(AnalyticsError::Grouping(_))), "{item}");
        }
    }
}

/// 60 respondents in ward a, 40 in ward b, 3 in ward c, none in ward d, k = 5.
/// Ward c is small: withheld, and with it the next smallest group (ward b), otherwise
/// its size would be the campaign's minus ward a's.
#[test]
fn small_wards_are_withheld_with_a_complement() {
    let q = questionnaire();
    let mut tally =
        GroupedTally::new(CampaignTally::new(&q).unwrap(), Grouping::Item { item_id: "ward".into() }).unwrap();
    let rows: Vec<Vec<u8>> = (0..103)
        .map(|r| {
            bytes(&[
                if r < 60 {
                    0
                } else if r < 100 {
                    1
                } else {
                    2
                },
                r % 4,
                (r + 1) % 4,
                30 + r,
            ])
        })
        .collect();
    tally.add_rows(rows.iter().map(|r| (r.as_slice(), 0))).unwrap();
    let breakdown = tally.breakdown(5).unwrap();
    let sizes: Vec<Option<u64>> = breakdown.groups.iter().map(|g| g.respondents.shown().copied()).collect();
    assert_eq!(sizes, vec![Some(60), None, None]);
    // Ward a's figures are shown (15 answers per point); the others are withheld. In the
    // column of point 3, ward b's 10 is the only hidden answer (ward c has none there):
    // it can be recovered, but it is no small group and ward b's total is withheld.
    let q1 = &breakdown.items[1];
    let a = q1.groups[0].shown().unwrap();
    assert_eq!(a.options.iter().map(|o| o.count.shown().copied()).collect::<Vec<_>>(), vec![Some(15); 4]);
    assert!(q1.groups[1].is_suppressed() && q1.groups[2].is_suppressed());
    assert!(breakdown.scales[0].groups[0].shown().is_some());
    // The pooled figures are the overall campaign's.
    assert_eq!(tally.overall().unwrap().report(5), {
        let mut whole = CampaignTally::new(&q).unwrap();
        whole.add_rows(rows.iter().map(Vec::as_slice)).unwrap();
        whole.report(5)
    });
}

/// Whether subtracting the shown cells of a line from its total (published when at
/// least k) gives back a group of 0 < n < k respondents.
fn exposed(line: &[(u64, bool)], k: u64) -> bool {
    let total: u64 = line.iter().map(|(n, _)| n).sum();
    let hidden: u64 = line.iter().filter(|(_, h)| *h).map(|(n, _)| n).sum();
    total >= k && hidden > 0 && hidden < k
}

fn shown_ok(cell: &Disclosed<u64>, k: u64) -> bool {
    cell.shown().is_none_or(|&n| n == 0 || n >= k)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the answers and k: no shown figure is a group of 0 < n < k respondents,
    /// and no such group comes back by subtracting the shown groups from the campaign's
    /// published totals (group sizes; each item's answered counts).
    #[test]
    fn no_small_group_is_shown_or_recoverable(
        responses in proptest::collection::vec(
            (prop_oneof![8 => Just(0), 5 => Just(1), 1 => Just(2), 1 => Just(3), 1 => Just(MISSING)],
             prop_oneof![6 => 0i32..4, 1 => Just(MISSING)], 0i32..4, prop_oneof![3 => 0i32..120, 1 => Just(MISSING)],
             0i64..120),
            0..150),
        k in 2u32..12,
        by_time in any::<bool>(),
    ) {
        let q = questionnaire();
        let grouping = if by_time { Grouping::Week } else { Grouping::Item { item_id: "ward".into() } };
        let rows: Vec<(Vec<u8>, i64)> =
            responses.iter().map(|&(w, a, b, age, day)| (bytes(&[w, a, b, age]), day * DAY)).collect();
        let mut tally = GroupedTally::new(CampaignTally::new(&q).unwrap(), grouping.clone()).unwrap();
        tally.add_rows(rows.iter().map(|(r, t)| (r.as_slice(), *t))).unwrap();
        let breakdown = tally.breakdown(k).unwrap();
        let k64 = u64::from(k);
        let sizes: Vec<(u64, bool)> =
            tally.groups().zip(&breakdown.groups).map(|((_, t), g)| (t.respondents(), g.respondents.is_suppressed())).collect();
        for g in &breakdown.groups {
            prop_assert!(shown_ok(&g.respondents, k64), "group of {:?}", g.respondents);
        }
        prop_assert!(!exposed(&sizes, k64), "group sizes {:?}", sizes);
        let tallies: Vec<&CampaignTally> = tally.groups().map(|(_, t)| t).collect();
        let overall = tally.overall().unwrap().report(k);
        for (index, item) in breakdown.items.iter().enumerate() {
            let mut answered = Vec::new();
            for ((figures, group), t) in item.groups.iter().zip(&breakdown.groups).zip(&tallies) {
                let n = t.item_summaries()[index].answered();
                answered.push((n, figures.is_suppressed()));
                if let Some(f) = figures.shown() {
                    prop_assert!(!group.respondents.is_suppressed());
                    prop_assert!(f.answered == n && (n == 0 || n >= k64), "answered {}", n);
                    for o in &f.options {
                        prop_assert!(shown_ok(&o.count, k64), "{}: option {:?}", item.item_id, o.count);
                    }
                }
            }
            prop_assert!(!exposed(&answered, k64), "{} answered {:?}", item.item_id, answered);
            // Each option across groups, when the campaign report shows its count.
            let whole = overall.items[index].figures.shown();
            for (j, option) in whole.map(|w| w.options.as_slice()).unwrap_or_default().iter().enumerate() {
                if option.count.is_suppressed() {
                    continue;
                }
                let column: Vec<(u64, bool)> = item
                    .groups
                    .iter()
                    .zip(&tallies)
                    .map(|(figures, t)| {
                        let n = t.item_summaries()[index].options()[j].count;
                        (n, figures.shown().is_none_or(|f| f.options[j].count.is_suppressed()))
                    })
                    .collect();
                prop_assert!(!exposed(&column, k64), "{} option {} {:?}", item.item_id, j, column);
            }
        }
        for scale in &breakdown.scales {
            for figures in scale.groups.iter().filter_map(Disclosed::shown) {
                prop_assert!(figures.scored >= k64);
                for band in &figures.bands {
                    prop_assert!(shown_ok(&band.count, k64));
                }
                prop_assert!(shown_ok(&figures.outside_bands, k64));
            }
        }

        // Federation: two halves merged give the same breakdown.
        let half = rows.len() / 2;
        let mut a = GroupedTally::new(CampaignTally::new(&q).unwrap(), grouping.clone()).unwrap();
        a.add_rows(rows[..half].iter().map(|(r, t)| (r.as_slice(), *t))).unwrap();
        let mut b = GroupedTally::new(CampaignTally::new(&q).unwrap(), grouping).unwrap();
        b.add_rows(rows[half..].iter().map(|(r, t)| (r.as_slice(), *t))).unwrap();
        a.merge(&b).unwrap();
        prop_assert_eq!(a.breakdown(k).unwrap(), breakdown);
    }
}

#[test]
fn campaigns_compared_side_by_side_keep_disclosure_control() {
    let q = questionnaire();
    // Campaign A: 6 responses; campaign B: 2 (below k = 5).
    let mut a = CampaignTally::new(&q).expect("tally");
    let mut b = CampaignTally::new(&q).expect("tally");
    let rows_a: Vec<Vec<u8>> = (0..6).map(|i| bytes(&[i % 4, 1, 2, 40])).collect();
    let rows_b: Vec<Vec<u8>> = (0..2).map(|i| bytes(&[i, 3, 3, 50])).collect();
    a.add_rows(rows_a.iter().map(Vec::as_slice)).expect("a");
    b.add_rows(rows_b.iter().map(Vec::as_slice)).expect("b");
    let grouped = GroupedTally::by_campaign(vec![("A".to_owned(), a), ("B".to_owned(), b)]).expect("grouped");
    assert_eq!(grouped.overall().expect("overall").respondents(), 8);
    let breakdown = grouped.breakdown(5).expect("breakdown");
    assert_eq!(breakdown.grouping, Grouping::Campaign);
    let sizes: Vec<Option<u64>> = breakdown.groups.iter().map(|g| g.respondents.shown().copied()).collect();
    // B (2) is withheld, and so is A: 8 − 6 would give B back.
    assert_eq!(sizes, vec![None, None]);
    assert!(matches!(&breakdown.groups[1].group, Group::Campaign { index: 1, name } if name == "B"));
    let mut rows_only =
        GroupedTally::by_campaign(vec![("A".to_owned(), CampaignTally::new(&q).expect("t"))]).expect("g");
    assert!(matches!(rows_only.add_rows(std::iter::empty()), Err(AnalyticsError::Grouping(_))));
    assert!(matches!(GroupedTally::by_campaign(Vec::new()), Err(AnalyticsError::Grouping(_))));
}
