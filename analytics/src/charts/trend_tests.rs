#![allow(clippy::unwrap_used)]

use super::super::common::test_support::{HOSTILE, HOSTILE_ESCAPED, assert_well_formed};
use super::*;

fn point(label: &str, value: Option<f64>, ci95: Option<(f64, f64)>) -> TrendPoint {
    let value = value.map_or(Disclosed::Suppressed { fewer_than: 5 }, Disclosed::Shown);
    TrendPoint { label: label.to_owned(), value, ci95 }
}

fn points() -> Vec<TrendPoint> {
    vec![
        point("W1", Some(10.0), Some((8.0, 12.0))),
        point("W2", Some(14.0), Some((12.0, 18.0))),
        point("W3", None, None),
        point("W4", Some(12.0), Some((10.0, 14.0))),
        point("W5", Some(16.0), None),
    ]
}

fn chart(points: &[TrendPoint]) -> TrendChart<'_> {
    TrendChart {
        title: "Score moyen par semaine",
        x_label: "Semaine",
        y_label: "Score moyen",
        ci_label: "IC à 95 %",
        withheld: "moins de {n}",
        points,
    }
}

#[test]
fn line_band_and_gap() {
    let points = points();
    let chart = trend_chart(&chart(&points)).unwrap();
    let svg = &chart.svg;
    assert_well_formed(svg);
    // Values 8 to 18: axis 0 to 20, 8.5 px per unit above the baseline at y 210. Five
    // periods in 296 px: x 78, 137, 196, 255, 314.
    // The line stops before the withheld W3 and starts again after it.
    assert!(svg.contains("points=\"78,125 137,91 \""), "{svg}");
    assert!(svg.contains("points=\"255,108 314,74 \""));
    assert!(!svg.contains("137,91 196") && !svg.contains("137,91 255"));
    // W1–W2's band: upper limits 12, 18 then lower limits 12, 8 back.
    assert!(svg.contains("fill=\"#C6DBEF\" points=\"78,108 137,57 137,108 78,142 \""));
    // W4's interval alone (W5 has none): an error bar from 10 to 14.
    assert!(svg.contains("points=\"255,125 255,91 \""));
    // W3: a hatched mark on the baseline, no point.
    assert!(
        svg.contains("x=\"192\" y=\"202\" width=\"8\" height=\"8\" opacity=\"1\" fill=\"none\" stroke=\"#767676\"")
    );
    assert_eq!(svg.matches("<circle").count(), 4);
    assert!(svg.contains("<circle cx=\"314\" cy=\"74\" r=\"3\""));
    assert!(svg.contains(">\nIC à 95 %\n</text>"));

    let text = &chart.text;
    assert_eq!(text.header, ["Semaine", "Score moyen", "IC à 95 %"].map(str::to_owned).to_vec());
    assert_eq!(text.table[0], ["W1", "10", "8–12"].map(str::to_owned).to_vec());
    assert_eq!(text.table[2], ["W3", "moins de 5", ""].map(str::to_owned).to_vec());
    assert_eq!(text.table[4], ["W5", "16", ""].map(str::to_owned).to_vec());
    assert_eq!(
        text.description,
        "Score moyen par semaine. Semaine / Score moyen (IC à 95 %). W1: 10 (8–12); W2: 14 (12–18); W3: moins de 5; \
         W4: 12 (10–14); W5: 16."
    );
}

#[test]
fn many_periods_thin_out_their_labels() {
    // 30 weeks in 296 px (9.9 px each); a label takes about 54 px: every 6th is written.
    let points: Vec<TrendPoint> =
        (0..30).map(|i| point(&format!("2026-W{:02}", i + 10), Some(f64::from(i % 7)), None)).collect();
    let svg = trend_chart(&chart(&points)).unwrap().svg;
    assert_well_formed(&svg);
    assert_eq!(svg.matches(">\n2026-W").count(), 5);
    assert!(svg.contains(">\n2026-W10\n") && svg.contains(">\n2026-W16\n") && !svg.contains(">\n2026-W11\n"));
    // Without intervals, no band in the legend.
    assert!(!svg.contains("IC à 95 %\n</text>"));
}

#[test]
fn labels_are_escaped() {
    let points = vec![point(HOSTILE, Some(1.0), Some((0.5, 1.5))), point("b", Some(2.0), None)];
    let mut hostile = chart(&points);
    hostile.title = HOSTILE;
    hostile.ci_label = HOSTILE;
    let svg = trend_chart(&hostile).unwrap().svg;
    assert_well_formed(&svg);
    assert!(!svg.contains("<script"));
    assert!(svg.contains(&format!("<title>{HOSTILE_ESCAPED}</title><desc>{HOSTILE_ESCAPED}. Semaine")));
}

#[test]
fn bad_input_is_refused_with_its_period_named() {
    let error = |points: Vec<TrendPoint>| trend_chart(&chart(&points)).unwrap_err().to_string();
    assert!(error(Vec::new()).contains("at least one period"));
    assert!(error(vec![point("W1", Some(f64::NAN), None)]).contains("value of period \"W1\" is NaN"));
    assert!(error(vec![point("W1", Some(3.0), Some((5.0, 2.0)))]).contains("95 % CI of period \"W1\": low 5 > high 2"));
    assert!(
        error(vec![point("W1", Some(3.0), Some((1.0, f64::INFINITY)))]).contains("high limit of period \"W1\" is inf")
    );
    assert!(
        error(vec![point("W1", None, Some((1.0, 2.0)))]).contains("\"W1\" is withheld but has a confidence interval")
    );
    // Everything withheld is no error: an empty plot with hatched marks.
    let svg = trend_chart(&chart(&[point("W1", None, None)])).unwrap().svg;
    assert!(!svg.contains("<circle"));
}
