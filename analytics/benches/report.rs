//! One million responses to a 30-item Likert questionnaire: time to count the encoded rows
//! and derive the full campaign report, and the peak memory.
//!
//! Run: `cargo bench -p analytics --bench report` (release build). Reports wall-clock
//! times and `VmHWM` (peak resident set) from `/proc/self/status`, first for rows streamed
//! in pages (flat memory), then for the whole campaign in memory (median of 5 runs), then
//! with the co-evaluation's reliability statistics.
//! `BOUCLE_BENCH_FRAME=1` also times the polars frame path; `BOUCLE_BENCH_WRITE=path`
//! writes the input (the stored layout: little-endian `i32`, 30 per response) for
//! `analytics/benches/report_pandas.py`.

use std::error::Error;
use std::hint::black_box;
use std::time::{Duration, Instant};

use analytics::{
    CampaignFrame, CampaignReport, CampaignTally, GroupedTally, Grouping, HistogramChart, LikertChart, LikertRow,
    ScoreHistogram, histogram_chart, likert_chart,
};
use survey_defs::{MISSING, Questionnaire};

const RESPONSES: usize = 1_000_000;
const ITEMS: usize = 30;
/// Responses per page when streaming.
const BATCH: usize = 10_000;
/// Timed runs of the in-memory path.
const RUNS: usize = 5;

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
/// towards the positive end as in real experience surveys. Rows come in batches of
/// `batch` responses, written into `bytes` (as a database cursor hands pages over).
struct Generator {
    state: u64,
}

impl Generator {
    fn new() -> Self {
        Self { state: 0x9E37_79B9_7F4A_7C15 }
    }

    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32
    }

    fn fill(&mut self, bytes: &mut Vec<u8>, responses: usize) {
        bytes.clear();
        for _ in 0..responses * ITEMS {
            let code = match self.next() % 100 {
                0..3 => MISSING,
                3..8 => 0,
                8..18 => 1,
                18..38 => 2,
                38..70 => 3,
                _ => 4,
            };
            bytes.extend_from_slice(&code.to_le_bytes());
        }
    }
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> Result<(), Box<dyn Error>> {
    let q = questionnaire()?;
    let width = ITEMS * 4;
    println!("input: {RESPONSES} responses × {ITEMS} items, {} MiB of codes", (RESPONSES * width) >> 20);

    // 1. Streamed, as the server reads a campaign page by page: memory stays flat.
    let mut generator = Generator::new();
    let mut batch = Vec::with_capacity(BATCH * width);
    let mut streamed = CampaignTally::new(&q)?;
    let mut counting = Duration::ZERO;
    for _ in 0..RESPONSES / BATCH {
        generator.fill(&mut batch, BATCH);
        let start = Instant::now();
        streamed.add_rows(batch.chunks_exact(width))?;
        counting += start.elapsed();
    }
    let start = Instant::now();
    let streamed_report = black_box(streamed.report(5));
    let derive = start.elapsed();
    println!("streamed in pages of {BATCH} (1 core): counting {counting:.2?} + report {derive:.2?}");
    println!("  peak RSS: {:.1} MiB", peak_rss_mib().unwrap_or(f64::NAN));
    drop(batch);

    // 2. The whole campaign in memory, counted on every core.
    let mut data = Vec::with_capacity(RESPONSES * width);
    Generator::new().fill(&mut data, RESPONSES);
    if let Ok(path) = std::env::var("BOUCLE_BENCH_WRITE") {
        std::fs::write(&path, &data)?;
        println!("wrote the input to {path} (for analytics/benches/report_pandas.py)");
    }
    println!("peak RSS after generating input: {:.0} MiB", peak_rss_mib().unwrap_or(f64::NAN));
    let mut times = Vec::new();
    let mut report = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let tally = CampaignTally::from_encoded(&q, data.chunks_exact(width))?;
        report = Some(black_box(tally.report(5)));
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "CampaignTally::from_encoded + report (30 items, 4 scales), {RUNS} runs: median {:.2?}, min {:.2?}, max {:.2?}",
        times[RUNS / 2],
        times[0],
        times[RUNS - 1]
    );
    println!("  peak RSS: {:.0} MiB (input included)", peak_rss_mib().unwrap_or(f64::NAN));
    let report = report.ok_or("no run")?;
    if report != streamed_report {
        return Err("the streamed and in-memory reports differ".into());
    }

    // 3. The same pass with the reliability statistics (465 + 3 × 55 cross-products per
    // complete response), then the co-evaluation.
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let tally = CampaignTally::new(&q)?.with_reliability().count_encoded(data.chunks_exact(width))?;
        let co_evaluation = black_box(tally.co_evaluation(5));
        times.push(start.elapsed());
        if let Some(reliability) = co_evaluation.scales.first().and_then(|s| s.reliability.as_ref()?.shown().cloned()) {
            println!(
                "  check: total scale alpha {:.4} over {} complete cases",
                reliability.alpha.unwrap_or(f64::NAN),
                reliability.complete_cases
            );
        }
    }
    times.sort();
    println!("with reliability + co-evaluation, 3 runs: median {:.2?}", times[1]);

    // 4. Breakdowns: by the option chosen at q0, and by month of submission (the
    // campaign spread evenly over 2026), one thread.
    let start_2026: i64 = 1_767_225_600_000;
    let year_ms: i64 = 365 * 86_400_000;
    for grouping in [Grouping::Item { item_id: "q0".to_owned() }, Grouping::Month] {
        let start = Instant::now();
        let mut grouped = GroupedTally::new(CampaignTally::new(&q)?, grouping.clone())?;
        let per_row = year_ms / i64::try_from(RESPONSES)?;
        grouped.add_rows(data.chunks_exact(width).zip((0..).map(|r: i64| start_2026 + r * per_row)))?;
        let breakdown = black_box(grouped.breakdown(5)?);
        println!("breakdown by {grouping:?} ({} groups), 1 thread: {:.2?}", breakdown.groups.len(), start.elapsed());
    }

    // 5. The polars frame path, for comparison (raises the peak RSS above).
    if std::env::var_os("BOUCLE_BENCH_FRAME").is_some() {
        let start = Instant::now();
        let layout = q.answer_layout();
        let frame = CampaignFrame::from_encoded(&layout, data.chunks_exact(width))?;
        let frame_report = black_box(CampaignReport::compute(&q, &frame, 5)?);
        println!("CampaignFrame::from_encoded + CampaignReport::compute: {:.2?}", start.elapsed());
        println!("  peak RSS: {:.0} MiB", peak_rss_mib().unwrap_or(f64::NAN));
        if frame_report != report {
            return Err("the frame and tally reports differ".into());
        }
    }

    // 3. The full campaign report as the results page builds it: every statistic
    // (report, co-evaluation with reliability, a breakdown by one item) and every chart
    // (the Likert items as diverging bars, a histogram per scale).
    let mut times = Vec::new();
    let mut charts_bytes = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let tally = CampaignTally::new(&q)?.with_reliability().count_encoded(data.chunks_exact(width))?;
        let full = black_box(tally.report(5));
        let co_evaluation = black_box(tally.co_evaluation(5));
        let mut grouped = GroupedTally::new(CampaignTally::new(&q)?, Grouping::Item { item_id: "q0".to_owned() })?;
        grouped.add_rows(data.chunks_exact(width).map(|row| (row, 0)))?;
        let breakdown = black_box(grouped.breakdown(5)?);
        let options: Vec<String> = (0..5).map(|o| format!("option {o}")).collect();
        let rows: Vec<LikertRow> = full.items.iter().map(|item| LikertRow::from_report(&item.item_id, item)).collect();
        let likert = likert_chart(&LikertChart {
            title: "items",
            axis_label: "%",
            item_header: "item",
            options: &options,
            scale_points: 5,
            withheld: "< {n}",
            withheld_legend: "withheld",
            rows: &rows,
        })?;
        charts_bytes = likert.svg.len();
        for summary in tally.scale_summaries() {
            let histogram = ScoreHistogram::from_summary(&q, &summary, 5)?;
            let labels: Vec<String> = histogram.bands.iter().map(|(lo, hi)| format!("{lo}-{hi}")).collect();
            let chart = histogram_chart(&HistogramChart {
                title: &summary.scale_id,
                x_label: "score",
                y_label: "responses",
                withheld: "< {n}",
                histogram: &histogram,
                band_labels: &labels,
                marker: None,
            })?;
            charts_bytes += chart.svg.len();
        }
        black_box((&co_evaluation, &breakdown));
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "full report (statistics, co-evaluation, breakdown by q0, {} KiB of SVG charts), 3 runs: median {:.2?}",
        charts_bytes >> 10,
        times[1]
    );
    println!("  peak RSS: {:.0} MiB (input included)", peak_rss_mib().unwrap_or(f64::NAN));

    for scale in &report.scales {
        if let Some(figures) = scale.figures.shown() {
            let d = figures.distribution;
            let bands: Vec<Option<u64>> = figures.bands.iter().map(|b| b.count.shown().copied()).collect();
            println!(
                "check: {} scored {} / not scored {}, mean {:.6}, sd {:.6}, median {}, q1 {}, q3 {}, bands {bands:?}",
                scale.scale_id,
                figures.scored,
                figures.not_scored,
                d.mean,
                d.sd.unwrap_or(f64::NAN),
                d.median,
                d.q1,
                d.q3
            );
        }
    }
    if let Some(first) = report.items.first().and_then(|i| i.figures.shown()) {
        let counts: Vec<Option<u64>> = first.options.iter().map(|o| o.count.shown().copied()).collect();
        println!("check: q0 answered {} missing {} options {counts:?}", first.answered, first.missing);
    }
    Ok(())
}
