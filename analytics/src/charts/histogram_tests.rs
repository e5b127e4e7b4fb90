#![allow(clippy::unwrap_used)]

use survey_defs::builtin;

use super::super::common::test_support::{HOSTILE, HOSTILE_ESCAPED, assert_well_formed};
use super::*;
use crate::scale_summary::ScaleSummary;
use crate::stats::ValueCounts;

/// PHQ-9 scores 0 ×3, 1 ×2, 4 ×6, 7 ×5, 9 ×1, 12 ×1, 27 ×5 (23 scored).
fn histogram(k: u32) -> ScoreHistogram {
    let q = builtin("phq-9").unwrap();
    let mut scores = ValueCounts::new();
    for (points, n) in [(0, 3), (1, 2), (4, 6), (7, 5), (9, 1), (12, 1), (27, 5)] {
        scores.add_n(points * 100, n);
    }
    let bands = q.scale("phq9_total").unwrap().bands.clone();
    let summary = ScaleSummary { scale_id: "phq9_total".to_owned(), bands, scores };
    ScoreHistogram::from_summary(&q, &summary, k).unwrap()
}

fn band_labels() -> Vec<String> {
    ["Minimal", "Léger", "Modéré", "Modérément sévère", "Sévère"].into_iter().map(str::to_owned).collect()
}

fn chart<'a>(histogram: &'a ScoreHistogram, bands: &'a [String], marker: Option<Marker<'a>>) -> HistogramChart<'a> {
    HistogramChart {
        title: "Score PHQ-9",
        x_label: "Score",
        y_label: "Réponses",
        withheld: "moins de {n}",
        histogram,
        band_labels: bands,
        marker,
    }
}

#[test]
fn bars_counts_bands_and_marker() {
    // k = 5: 0–2: 5, 3–5: 6, 6–8: 5, 9–27: 7.
    let (h, bands) = (histogram(5), band_labels());
    let marker = Marker { score: 12.0, label: "Vous êtes ici" };
    let chart = histogram_chart(&chart(&h, &bands, Some(marker))).unwrap();
    let svg = &chart.svg;
    assert_well_formed(svg);
    // The score axis runs from −0.5 to 27.5 over x 48 to 344 (296 px for 28 points):
    // 12 is at 48 + 12.5 / 28 × 296 = 180.1 → 180, from the marker's top (y 50) to the
    // baseline (y 220).
    assert!(svg.contains("points=\"180,50 180,220 \""), "{svg}");
    assert!(svg.contains(">\nVous êtes ici\n</text>"));
    // Counts up to 7: axis to 8. The first bin (x 48 to 80, 1 px gaps) holds 5: 5 / 8 of
    // 150 px = 94 px high.
    assert!(svg.contains("x=\"49\" y=\"126\" width=\"30\" height=\"94\" opacity=\"1\" fill=\"#1F5F8B\""));
    assert_eq!(svg.matches("fill=\"#1F5F8B\"").count(), 4);
    for count in ["5", "6", "7"] {
        assert!(svg.contains(&format!(">\n{count}\n</text>")));
    }
    // Bands: "Minimal" spans −0.5 to 4.5 (x 48 to 101), drawn with its label.
    assert!(svg.contains("x=\"48\" y=\"52\" width=\"53\" height=\"168\" opacity=\"1\" fill=\"#E3EBF3\""));
    assert!(svg.contains(">\nMinimal\n</text>") && svg.contains(">\nSévère (20–27)\n</text>"));

    let text = &chart.text;
    assert_eq!(text.header, vec!["Score".to_owned(), "Réponses".to_owned()]);
    let rows: Vec<(String, String)> = text.table.iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let expected = [("0–2", "5"), ("3–5", "6"), ("6–8", "5"), ("9–27", "7")];
    assert_eq!(rows, expected.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec());
    assert_eq!(
        text.description,
        "Score PHQ-9. Score / Réponses. 0–2: 5; 3–5: 6; 6–8: 5; 9–27: 7. Minimal 0–4, Léger 5–9, Modéré 10–14, \
         Modérément sévère 15–19, Sévère 20–27. Vous êtes ici: 12."
    );
}

#[test]
fn withheld_bins_are_hatched_and_never_show_their_count() {
    // Fewer than 24 scored: every bin withheld, on the grid of ten bins.
    let (h, bands) = (histogram(24), band_labels());
    let drawn = histogram_chart(&chart(&h, &bands, None)).unwrap();
    assert_well_formed(&drawn.svg);
    assert!(!drawn.svg.contains("fill=\"#1F5F8B\""), "no bar");
    assert_eq!(drawn.text.table.len(), 10);
    assert!(drawn.text.table.iter().all(|row| row[1] == "moins de 24"));
    assert!(drawn.text.description.contains("0–2: moins de 24; 3–5: moins de 24"));
    // One bin withheld among shown ones: a hatched strip 10 px high on the baseline.
    let mut h = histogram(5);
    h.bins[1].count = Disclosed::Suppressed { fewer_than: 5 };
    let drawn = histogram_chart(&chart(&h, &bands, None)).unwrap();
    let svg = &drawn.svg;
    // Bin 3–5 spans x 80 to 111; its outline starts at 81, 10 px above the baseline
    // (202 without the marker's row).
    assert!(
        svg.contains("x=\"81\" y=\"192\" width=\"29\" height=\"10\" opacity=\"1\" fill=\"none\" stroke=\"#767676\""),
        "{svg}"
    );
    // No count is written over it (counts are centred over their bin, here x 95).
    assert!(!svg.contains("<text x=\"95\""));
    assert!(svg.contains("<text x=\"64\""), "the first bin's count is written at x 64");
    assert_eq!(drawn.text.table[1], vec!["3–5".to_owned(), "moins de 5".to_owned()]);
    assert!(!drawn.text.description.contains(": 6;"));
}

#[test]
fn labels_are_escaped() {
    let h = histogram(5);
    let bands: Vec<String> = vec![HOSTILE.to_owned(); 5];
    let mut hostile = chart(&h, &bands, Some(Marker { score: 3.0, label: HOSTILE }));
    hostile.title = HOSTILE;
    let svg = histogram_chart(&hostile).unwrap().svg;
    assert_well_formed(&svg);
    assert!(!svg.contains("<script"));
    assert!(svg.contains(&format!("<title>{HOSTILE_ESCAPED}</title><desc>{HOSTILE_ESCAPED}. Score / Réponses.")));
}

#[test]
fn bad_input_is_refused() {
    let (h, bands) = (histogram(5), band_labels());
    let error = |chart: &HistogramChart<'_>| histogram_chart(chart).unwrap_err().to_string();
    let outside = Marker { score: 28.0, label: "Vous" };
    assert!(
        error(&chart(&h, &bands, Some(outside)))
            .contains("marker \"Vous\" at 28 is outside the score axis -0.5 to 27.5")
    );
    let nan = Marker { score: f64::NAN, label: "Vous" };
    assert!(error(&chart(&h, &bands, Some(nan))).contains("marker \"Vous\" is NaN"));
    assert!(error(&chart(&h, &bands[..4], None)).contains("4 band labels for 5 bands"));
    let mut empty = h.clone();
    empty.bins.clear();
    assert!(error(&chart(&empty, &bands, None)).contains("no bins"));
    let mut reversed = h.clone();
    reversed.bands[0] = (4.0, 0.0);
    assert!(error(&chart(&reversed, &bands, None)).contains("band \"Minimal\" ends at 0 before its minimum 4"));
}
