#![allow(clippy::unwrap_used)]

use super::super::common::test_support::{HOSTILE, HOSTILE_ESCAPED, assert_well_formed};
use super::*;

fn categories() -> Vec<String> {
    ["Jamais", "Parfois", "Souvent"].map(str::to_owned).to_vec()
}

fn groups() -> Vec<GroupPanel> {
    let shown = |values: &[f64]| Disclosed::Shown(values.iter().map(|&v| Disclosed::Shown(v)).collect());
    vec![
        GroupPanel { name: "Cardiologie".to_owned(), values: shown(&[20.0, 50.0, 30.0]) },
        GroupPanel {
            name: "Pédiatrie".to_owned(),
            values: Disclosed::Shown(vec![
                Disclosed::Shown(60.0),
                Disclosed::Suppressed { fewer_than: 5 },
                Disclosed::Shown(25.0),
            ]),
        },
        GroupPanel { name: "Urgences".to_owned(), values: Disclosed::Suppressed { fewer_than: 5 } },
    ]
}

fn chart<'a>(categories: &'a [String], groups: &'a [GroupPanel]) -> SmallMultiplesChart<'a> {
    SmallMultiplesChart {
        title: "Douleur par service",
        x_label: "Réponses (%)",
        group_header: "Service",
        withheld: "moins de {n}",
        categories,
        groups,
    }
}

#[test]
fn panels_share_one_scale() {
    let (categories, groups) = (categories(), groups());
    let chart = small_multiples_chart(&chart(&categories, &groups)).unwrap();
    let svg = &chart.svg;
    assert_well_formed(svg);
    // Largest value 60: scale to 100 over 320 px from x 24, in every panel.
    let bar = |y: i32, width: i32| {
        format!("x=\"24\" y=\"{y}\" width=\"{width}\" height=\"10\" opacity=\"1\" fill=\"#1F5F8B\"")
    };
    // Cardiologie: 20, 50, 30 → 64, 160, 96 px.
    assert!(svg.contains(&bar(70, 64)), "{svg}");
    assert!(svg.contains(&bar(97, 160)));
    assert!(svg.contains(&bar(124, 96)));
    // Pédiatrie: 60 → 192 px, its withheld "Parfois" a hatched mark, 25 → 80 px.
    assert!(svg.contains(&bar(183, 192)));
    assert!(
        svg.contains("x=\"24\" y=\"210\" width=\"12\" height=\"10\" opacity=\"1\" fill=\"none\" stroke=\"#767676\"")
    );
    assert!(svg.contains(&bar(237, 80)));
    assert_eq!(svg.matches("fill=\"#1F5F8B\"").count(), 5);
    // Urgences: a panel with the withheld text only; then the axis (y 312) and the chart
    // ends below its label.
    assert!(svg.contains(">\nUrgences\n</text>"));
    assert_eq!(svg.matches(">\nmoins de 5\n</text>").count(), 2);
    assert!(svg.contains("points=\"24,312 344,312 \""));
    assert!(svg.contains("viewBox=\"0 0 360 364\""));
    // Values at the bars' ends.
    assert!(svg.contains("<text x=\"92\" y=\"75\"") && svg.contains(">\n20\n</text>"));

    let text = &chart.text;
    assert_eq!(text.header, ["Service", "Jamais", "Parfois", "Souvent"].map(str::to_owned).to_vec());
    assert_eq!(text.table[0], ["Cardiologie", "20", "50", "30"].map(str::to_owned).to_vec());
    assert_eq!(text.table[1], ["Pédiatrie", "60", "moins de 5", "25"].map(str::to_owned).to_vec());
    assert_eq!(text.table[2], ["Urgences", "moins de 5", "moins de 5", "moins de 5"].map(str::to_owned).to_vec());
    assert_eq!(
        text.description,
        "Douleur par service. Réponses (%). Cardiologie: Jamais 20, Parfois 50, Souvent 30; \
         Pédiatrie: Jamais 60, Parfois moins de 5, Souvent 25; Urgences: moins de 5."
    );
}

#[test]
fn labels_are_escaped() {
    let categories = vec![HOSTILE.to_owned()];
    let groups = vec![GroupPanel { name: HOSTILE.to_owned(), values: Disclosed::Shown(vec![Disclosed::Shown(1.5)]) }];
    let mut hostile = chart(&categories, &groups);
    hostile.title = HOSTILE;
    let svg = small_multiples_chart(&hostile).unwrap().svg;
    assert_well_formed(&svg);
    assert!(!svg.contains("<script"));
    assert!(svg.contains(&format!("<title>{HOSTILE_ESCAPED}</title><desc>{HOSTILE_ESCAPED}. Réponses (%). ")));
}

#[test]
fn bad_input_is_refused_with_its_group_named() {
    let categories = categories();
    let error = |groups: &[GroupPanel]| small_multiples_chart(&chart(&categories, groups)).unwrap_err().to_string();
    assert!(error(&[]).contains("at least one group"));
    let short = GroupPanel { name: "A".to_owned(), values: Disclosed::Shown(vec![Disclosed::Shown(1.0)]) };
    assert!(error(&[short]).contains("group \"A\" has 1 values for 3 categories"));
    let negative = GroupPanel {
        name: "B".to_owned(),
        values: Disclosed::Shown(vec![Disclosed::Shown(1.0), Disclosed::Shown(-2.0), Disclosed::Shown(f64::NAN)]),
    };
    assert!(error(&[negative]).contains("value of \"Parfois\" in group \"B\" is -2"));
    let nan = GroupPanel {
        name: "C".to_owned(),
        values: Disclosed::Shown(vec![Disclosed::Shown(1.0), Disclosed::Shown(2.0), Disclosed::Shown(f64::NAN)]),
    };
    assert!(error(&[nan]).contains("value of \"Souvent\" in group \"C\" is NaN"));
}
