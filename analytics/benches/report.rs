//! One million responses to a 30-item Likert questionnaire: time to read the encoded rows
//! into a frame and to compute the full report, and the peak memory.
//!
//! Run: `cargo bench -p analytics --bench report` (release build). Reports wall-clock
//! times of one run each and `VmHWM` (peak resident set) from `/proc/self/status`.

use std::error::Error;
use std::hint::black_box;
use std::time::Instant;

use analytics::{CampaignFrame, CampaignReport, ItemSummary, ScaleSummary};
use survey_defs::{MISSING, Questionnaire};

const RESPONSES: usize = 1_000_000;
const ITEMS: usize = 30;

/// A PREM-like questionnaire: three sections of ten 5-point Likert items, a total scale
/// (prorated sum) and one mean scale per section, built through the JSON door.
fn questionnaire() -> Result<Questionnaire, Box<dyn Error>> {
    let labels = ["Pas du tout", "Un peu", "Moyennement", "Beaucoup", "Tout à fait"];
    let options: Vec<String> = (0..5)
        .map(|i| format!(r#"{{"code": "o{i}", "label": {{"fr": "{}"}}, "value": {}}}"#, labels[i], i + 1))
        .collect();
    let options = options.join(", ");
    let item = |i: usize| {
        format!(r#"{{"id": "q{i}", "type": "likert", "text": {{"fr": "Question {i}"}}, "options": [{options}]}}"#)
    };
    let section = |s: usize| {
        let items: Vec<String> = (s * 10..s * 10 + 10).map(item).collect();
        format!(r#"{{"id": "s{s}", "title": {{"fr": "Partie {s}"}}, "items": [{}]}}"#, items.join(", "))
    };
    let ids = |range: std::ops::Range<usize>| range.map(|i| format!("\"q{i}\"")).collect::<Vec<_>>().join(", ");
    let band = |lo: u32, hi: u32| format!(r#"{{"min": {lo}, "max": {hi}, "label": {{"fr": "{lo}–{hi}"}}}}"#);
    let total = format!(
        r#"{{"id": "total", "title": {{"fr": "Total"}}, "items": [{}], "method": "sum", "min_answered": 24, "prorate": true, "bands": [{}, {}, {}]}}"#,
        ids(0..ITEMS),
        band(30, 69),
        band(70, 109),
        band(110, 150)
    );
    let means: Vec<String> = (0..3)
        .map(|s| {
            format!(
                r#"{{"id": "part{s}", "title": {{"fr": "Partie {s}"}}, "items": [{}], "method": "mean", "min_answered": 5}}"#,
                ids(s * 10..s * 10 + 10)
            )
        })
        .collect();
    let sections: Vec<String> = (0..3).map(section).collect();
    let json = format!(
        r#"{{"id": "bench-prem", "version": "1.0.0", "kind": "prem", "languages": ["fr"],
            "title": {{"fr": "Séjour"}}, "introduction": {{"fr": "Bench"}}, "who_asks_and_why": {{"fr": "Bench"}},
            "sections": [{}], "scales": [{}, {}], "provenance": {{}}, "licence": {{"name": "CC0"}}}}"#,
        sections.join(", "),
        total,
        means.join(", ")
    );
    Questionnaire::from_json(&json).map_err(|e| format!("{e:?}").into())
}

/// Deterministic pseudo-random codes (xorshift64*): about 3 % missing, answers skewed
/// towards the positive end as in real experience surveys.
fn rows() -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32
    };
    let mut bytes = Vec::with_capacity(RESPONSES * ITEMS * 4);
    for _ in 0..RESPONSES * ITEMS {
        let r = next() % 100;
        let code = match r {
            0..3 => MISSING,
            3..8 => 0,
            8..18 => 1,
            18..38 => 2,
            38..70 => 3,
            _ => 4,
        };
        bytes.extend_from_slice(&code.to_le_bytes());
    }
    bytes
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn Error>> {
    let q = questionnaire()?;
    let layout = q.answer_layout();
    let data = rows();
    println!("input: {RESPONSES} responses × {ITEMS} items, {} MiB of codes", data.len() >> 20);
    println!("peak RSS after generating input: {:.0} MiB", peak_rss_mib().unwrap_or(f64::NAN));

    let start = Instant::now();
    let frame = CampaignFrame::from_encoded(&layout, data.chunks_exact(ITEMS * 4))?;
    let read = start.elapsed();
    println!("CampaignFrame::from_encoded: {read:.2?}");

    let start = Instant::now();
    black_box(ItemSummary::compute_all(&q, &frame)?);
    println!("  item summaries alone (30 columns): {:.2?}", start.elapsed());
    let start = Instant::now();
    for scale in &q.scales {
        black_box(analytics::scale_scores(&q, scale, &frame)?);
    }
    println!("  scale_scores alone (4 scales, survey-defs scoring): {:.2?}", start.elapsed());
    let start = Instant::now();
    black_box(ScaleSummary::compute_all(&q, &frame)?);
    println!("  scale summaries alone (4 scales): {:.2?}", start.elapsed());

    let start = Instant::now();
    let report = black_box(CampaignReport::compute(&q, &frame, 5)?);
    let compute = start.elapsed();
    println!("CampaignReport::compute (30 items, 4 scales): {compute:.2?}");
    println!("total: {:.2?}", read + compute);
    println!("peak RSS: {:.0} MiB", peak_rss_mib().unwrap_or(f64::NAN));

    if let Some(total) = report.scales.first().and_then(|s| s.figures.shown()) {
        let d = total.distribution;
        println!(
            "check: total scale scored {} / not scored {}, mean {:.2} (95 % CI {:?}), median {}",
            total.scored, total.not_scored, d.mean, d.mean_ci95, d.median
        );
    }
    Ok(())
}
