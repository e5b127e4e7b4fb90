#![allow(clippy::unwrap_used)]

use super::super::common::test_support::{HOSTILE, HOSTILE_ESCAPED, assert_well_formed};
use super::*;
use crate::report::{ItemFigures, OptionRow};

fn options() -> Vec<String> {
    ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni l'un ni l'autre", "Plutôt d'accord", "Tout à fait d'accord"]
        .into_iter()
        .chain(["Ne sait pas"])
        .map(str::to_owned)
        .collect()
}

fn shown(counts: &[u64]) -> Vec<Disclosed<u64>> {
    counts.iter().map(|&n| Disclosed::Shown(n)).collect()
}

/// A: 40 answers, every cell shown. B: withheld. C: 50 answers, the 2 and its
/// complement the 3 withheld (as `disclose_counts(&[2, 3, 10, 20, 15, 0], 3)` leaves it).
fn rows() -> Vec<LikertRow> {
    let c_counts = vec![
        Disclosed::Suppressed { fewer_than: 3 },
        Disclosed::Suppressed { fewer_than: 5 },
        Disclosed::Shown(10),
        Disclosed::Shown(20),
        Disclosed::Shown(15),
        Disclosed::Shown(0),
    ];
    vec![
        LikertRow {
            label: "A".to_owned(),
            answers: Disclosed::Shown(LikertCounts { answered: 40, counts: shown(&[4, 6, 10, 12, 8, 0]) }),
        },
        LikertRow { label: "B".to_owned(), answers: Disclosed::Suppressed { fewer_than: 5 } },
        LikertRow { label: "C".to_owned(), answers: Disclosed::Shown(LikertCounts { answered: 50, counts: c_counts }) },
    ]
}

fn chart<'a>(options: &'a [String], rows: &'a [LikertRow]) -> LikertChart<'a> {
    LikertChart {
        title: "Accueil",
        axis_label: "Réponses (%)",
        item_header: "Question",
        options,
        scale_points: 5,
        withheld: "moins de {n}",
        withheld_legend: "Non montré",
        rows,
    }
}

#[test]
fn table_lists_every_share_and_withheld_cells_by_their_text() {
    let (options, rows) = (options(), rows());
    let text = likert_chart(&chart(&options, &rows)).unwrap().text;
    assert_eq!(text.header[0], "Question");
    assert_eq!(&text.header[1..], &options[..]);
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    // 4, 6, 10, 12, 8, 0 of 40.
    assert_eq!(text.table[0], row(&["A", "10", "15", "25", "30", "20", "0"]));
    let mut withheld = vec!["B"];
    withheld.extend(["moins de 5"; 6]);
    assert_eq!(text.table[1], row(&withheld));
    // 10, 20, 15, 0 of 50.
    assert_eq!(text.table[2], row(&["C", "moins de 3", "moins de 5", "20", "40", "30", "0"]));
    assert!(text.description.starts_with(
        "Accueil. Réponses (%). A: Pas du tout d'accord 10, Plutôt pas d'accord 15, Ni l'un ni l'autre 25, \
         Plutôt d'accord 30, Tout à fait d'accord 20, Ne sait pas 0; B: moins de 5; C: Pas du tout d'accord moins de 3"
    ));
}

#[test]
fn segments_sit_around_the_neutral_point() {
    let (options, rows) = (options(), rows());
    let svg = likert_chart(&chart(&options, &rows)).unwrap().svg;
    assert_well_formed(&svg);
    // Widest side: C's right, 40 + 30 + (20 + 10) / 2 = 85 % → axis to 100 %, 1.6 px per
    // percent, centre at x = 184. Row A's bar spans y 51 to 68.
    let rect = |x: i32, width: i32, fill: &str| {
        format!("x=\"{x}\" y=\"51\" width=\"{width}\" height=\"17\" opacity=\"1\" fill=\"{fill}\"")
    };
    // Neutral 25 %: 12.5 % each side, x 164 to 204.
    assert!(svg.contains(&rect(164, 20, "#767676")), "{svg}");
    assert!(svg.contains(&rect(184, 20, "#767676")));
    // Then 15 % (light orange) and 10 % (dark brown) to the left …
    assert!(svg.contains(&rect(140, 24, "#D06A1A")));
    assert!(svg.contains(&rect(124, 16, "#7F3B08")));
    // … and 30 % (light blue), 20 % (dark blue) to the right.
    assert!(svg.contains(&rect(204, 48, "#4A84C8")));
    assert!(svg.contains(&rect(252, 32, "#08306B")));
    // "15" fits in its 24 px segment, written in black on light orange (5.8:1); "10"
    // does not fit in 16 px.
    assert!(svg.contains("<text x=\"152\" y=\"59\""));
    assert!(svg.contains("fill=\"#000000\">\n15\n</text>"));
    assert!(!svg.contains(">\n10\n</text>"));
    // Row C's withheld 5 of 50 answers (10 %) is a hatched block centred on x = 184:
    // its outline spans 176 to 192 (y 131 to 148).
    assert!(
        svg.contains("x=\"176\" y=\"131\" width=\"16\" height=\"17\" opacity=\"1\" fill=\"none\" stroke=\"#767676\"")
    );
    // Row B is an empty row with the withheld text; the legend names every scale point
    // but not the off-scale option, and explains the hatching.
    assert!(svg.contains(">\nmoins de 5\n</text>"));
    assert!(svg.contains(">\nTout à fait d&apos;accord\n</text>") && !svg.contains(">\nNe sait pas\n</text>"));
    assert!(svg.contains(">\nNon montré\n</text>"));
    // Axis ticks read 100 on both sides.
    assert_eq!(svg.matches(">\n100\n</text>").count(), 2);
}

#[test]
fn withheld_counts_never_appear() {
    // Row B hides 3 answers and row C hides 2 + 3: neither the counts nor their shares
    // (6 %, 4 %) can be written, since the chart never receives them.
    let (options, rows) = (options(), rows());
    let chart = likert_chart(&chart(&options, &rows)).unwrap();
    for cell in chart.text.table[1..].iter().flatten() {
        assert!(!["2", "3", "4", "6"].contains(&cell.as_str()));
    }
}

#[test]
fn labels_are_escaped() {
    let options: Vec<String> = vec![HOSTILE.to_owned(), "b".to_owned(), "c".to_owned()];
    let rows = vec![LikertRow {
        label: HOSTILE.to_owned(),
        answers: Disclosed::Shown(LikertCounts { answered: 10, counts: shown(&[3, 3, 4]) }),
    }];
    let mut likert = chart(&options, &rows);
    likert.title = HOSTILE;
    likert.scale_points = 3;
    let svg = likert_chart(&likert).unwrap().svg;
    assert_well_formed(&svg);
    assert!(svg.contains(&format!("<title>{HOSTILE_ESCAPED}</title><desc>{HOSTILE_ESCAPED}. Réponses (%). ")));
    assert!(!svg.contains("<script"));
}

#[test]
fn even_scales_split_at_the_middle() {
    let options: Vec<String> = ["--", "-", "+", "++"].into_iter().map(str::to_owned).collect();
    let rows = vec![LikertRow {
        label: "q".to_owned(),
        answers: Disclosed::Shown(LikertCounts { answered: 20, counts: shown(&[2, 4, 10, 4]) }),
    }];
    let mut likert = chart(&options, &rows);
    likert.scale_points = 4;
    let svg = likert_chart(&likert).unwrap().svg;
    // Left 10 + 20 = 30 %, right 50 + 20 = 70 % → axis to 100 %; "-" (20 %) from the
    // centre (184) to 184 − 32, "+" (50 %) to 184 + 80.
    assert!(svg.contains("x=\"152\" y=\"51\" width=\"32\""), "{svg}");
    assert!(svg.contains("x=\"184\" y=\"51\" width=\"80\""));
    assert!(!svg.contains("#767676\" stroke=\"none\""), "no neutral segment");
}

#[test]
fn bad_input_is_refused_with_its_item_named() {
    let (options, rows) = (options(), rows());
    let error = |chart: &LikertChart<'_>| likert_chart(chart).unwrap_err().to_string();
    assert!(error(&chart(&options, &[])).contains("at least one item"));
    let mut few_points = chart(&options, &rows);
    few_points.scale_points = 1;
    assert!(error(&few_points).contains("1 scale points"));
    let short = vec![LikertRow {
        label: "short".to_owned(),
        answers: Disclosed::Shown(LikertCounts { answered: 5, counts: shown(&[5]) }),
    }];
    assert!(error(&chart(&options, &short)).contains("item \"short\" has 1 cells for 6 options"));
    let over = vec![LikertRow {
        label: "over".to_owned(),
        answers: Disclosed::Shown(LikertCounts { answered: 5, counts: shown(&[5, 1, 0, 0, 0, 0]) }),
    }];
    assert!(error(&chart(&options, &over)).contains("item \"over\": 6 answers shown of 5 answered"));
    let none = vec![LikertRow {
        label: "none".to_owned(),
        answers: Disclosed::Shown(LikertCounts { answered: 0, counts: shown(&[0; 6]) }),
    }];
    assert!(error(&chart(&options, &none)).contains("item \"none\""));
}

#[test]
fn rows_come_from_the_report() {
    let option =
        |code: &str, count: Disclosed<u64>| OptionRow { code: code.to_owned(), count, pct: count.map(|_| 0.0) };
    let item = ItemReport {
        item_id: "q".to_owned(),
        figures: Disclosed::Shown(ItemFigures {
            answered: 12,
            missing: 0,
            missing_pct: 0.0,
            options: vec![option("a", Disclosed::Shown(9)), option("b", Disclosed::Suppressed { fewer_than: 3 })],
            top_box_pct: None,
            distribution: None,
        }),
    };
    let row = LikertRow::from_report("Q", &item);
    let expected =
        LikertCounts { answered: 12, counts: vec![Disclosed::Shown(9), Disclosed::Suppressed { fewer_than: 3 }] };
    assert_eq!(row, LikertRow { label: "Q".to_owned(), answers: Disclosed::Shown(expected) });
    let withheld = ItemReport { item_id: "q".to_owned(), figures: Disclosed::Suppressed { fewer_than: 5 } };
    assert_eq!(LikertRow::from_report("Q", &withheld).answers, Disclosed::Suppressed { fewer_than: 5 });
}
