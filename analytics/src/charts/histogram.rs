//! A scale's scores as a histogram over its bands, with an optional "you are here" marker.

use plotters::prelude::{IntoDrawingArea, RGBColor, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    AXIS, Area, BAR, Drawn, INK, TOP, WIDTH, accessible, count_f64, disclosed_text, filled, finite, fit, format_score,
    hatched, line, nice_axis, nice_ceiling, px, text, text_width, ticks, top_left, vertical_text,
};
use super::{Chart, ChartText};
use crate::disclosure::Disclosed;
use crate::error::AnalyticsError;
use crate::position::{ScoreBin, ScoreHistogram};

/// A histogram of a scale's scores ([`ScoreHistogram`]), its bands shaded behind the
/// bars, and optionally a marker at one score (the respondent's own, on their private
/// return page).
#[derive(Clone, Copy, Debug)]
pub struct HistogramChart<'a> {
    /// Title.
    pub title: &'a str,
    /// Label of the score axis ("Score PHQ-9").
    pub x_label: &'a str,
    /// Label of the count axis ("Réponses").
    pub y_label: &'a str,
    /// The caller's "fewer than k" text; `{n}` stands for the bound.
    pub withheld: &'a str,
    /// The bins and the bands' ranges.
    pub histogram: &'a ScoreHistogram,
    /// One translated label per band of the histogram, in order.
    pub band_labels: &'a [String],
    /// A marker at one score.
    pub marker: Option<Marker<'a>>,
}

/// A marked score: a vertical line at `score` with `label` above it ("Vous : 12").
#[derive(Clone, Copy, Debug)]
pub struct Marker<'a> {
    /// Where, on the score axis.
    pub score: f64,
    /// What it says, translated.
    pub label: &'a str,
}

/// Left edge of the plot: room for the count axis' numbers.
const PLOT_LEFT: i32 = 48;
const PLOT_RIGHT: i32 = 360 - 16;
const PLOT_HEIGHT: i32 = 150;
const STRIP: i32 = 18;
const LEGEND_ROW: i32 = 18;
/// The marker: dark orange, 4.9:1 on white, unlike the blue bars.
const MARKER: RGBColor = RGBColor(0xb3, 0x58, 0x06);
/// Band shading, alternating: decoration only (bands are also told by lines and labels).
const TINTS: [RGBColor; 2] = [RGBColor(0xe3, 0xeb, 0xf3), RGBColor(0xf2, 0xf2, 0xf2)];

/// Draws a histogram of a scale's scores (see [`HistogramChart`]): bins as bars along
/// the score axis with their counts written above them, a withheld bin as a hatched
/// strip with no height, each band's range shaded behind the bars with its label above
/// them and in a legend, and the marker as a vertical line with its label.
///
/// Fails without bins, with a band label missing or extra, with edges, bands or a marker
/// that are not finite, or with a marker outside the score axis.
pub fn histogram_chart(chart: &HistogramChart<'_>) -> Result<Chart, AnalyticsError> {
    let layout = validate(chart)?;
    let text = describe(chart);
    let legend = i32::try_from(chart.band_labels.len()).unwrap_or(0);
    let height = layout.baseline + 50 + LEGEND_ROW * legend + 8;
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (WIDTH, u32::try_from(height).unwrap_or(u32::MAX))).into_drawing_area();
        draw(&area, chart, &layout).map_err(AnalyticsError::Chart)?;
    }
    let svg = accessible(svg, chart.title, &text.description)?;
    Ok(Chart { svg, text })
}

/// Where things go.
struct Layout {
    /// Score axis.
    start: f64,
    end: f64,
    /// Count axis: end and step.
    top_count: f64,
    step: f64,
    /// Top of the band labels' strip, and of the bars' area.
    strip: i32,
    plot_top: i32,
    baseline: i32,
}

impl Layout {
    fn x(&self, score: f64) -> i32 {
        PLOT_LEFT + px((score - self.start) / (self.end - self.start) * f64::from(PLOT_RIGHT - PLOT_LEFT))
    }

    fn y(&self, count: f64) -> i32 {
        self.baseline - px(count / self.top_count * f64::from(PLOT_HEIGHT))
    }
}

fn validate(chart: &HistogramChart<'_>) -> Result<Layout, AnalyticsError> {
    let h = chart.histogram;
    let error = |message: String| Err(AnalyticsError::Chart(message));
    if h.bins.is_empty() {
        return error(format!("histogram of {} has no bins", h.scale_id));
    }
    if chart.band_labels.len() != h.bands.len() {
        return error(format!("{} band labels for {} bands", chart.band_labels.len(), h.bands.len()));
    }
    for (i, bin) in h.bins.iter().enumerate() {
        let start = finite(|| format!("start of bin {i}"), bin.start)?;
        let end = finite(|| format!("end of bin {i}"), bin.end)?;
        if end < start {
            return error(format!("bin {i} ends at {end} before its start {start}"));
        }
    }
    for (label, &(min, max)) in chart.band_labels.iter().zip(&h.bands) {
        finite(|| format!("band {label:?}'s minimum"), min)?;
        finite(|| format!("band {label:?}'s maximum"), max)?;
        if max < min {
            return error(format!("band {label:?} ends at {max} before its minimum {min}"));
        }
    }
    let (start, end) = h.range();
    if end <= start {
        return error(format!("histogram of {} spans no scores ({start} to {end})", h.scale_id));
    }
    if let Some(marker) = chart.marker {
        let score = finite(|| format!("marker {:?}", marker.label), marker.score)?;
        if score < start || score > end {
            return error(format!("marker {:?} at {score} is outside the score axis {start} to {end}", marker.label));
        }
    }
    let most = h.bins.iter().filter_map(|b| b.count.shown()).copied().max().unwrap_or(0);
    let (_, top_count, step) = nice_axis(0.0, count_f64(most).max(1.0));
    let strip = TOP + if chart.marker.is_some() { STRIP } else { 0 };
    let plot_top = strip + STRIP;
    Ok(Layout { start, end, top_count, step, strip, plot_top, baseline: plot_top + PLOT_HEIGHT })
}

/// A bin's scores as shown: "0–2", "27", "1–1.49".
fn bin_range(bin: &ScoreBin) -> String {
    if bin.min == bin.max {
        format_score(bin.min)
    } else {
        format!("{}–{}", format_score(bin.min), format_score(bin.max))
    }
}

fn describe(chart: &HistogramChart<'_>) -> ChartText {
    let h = chart.histogram;
    let table: Vec<Vec<String>> = h
        .bins
        .iter()
        .map(|bin| vec![bin_range(bin), disclosed_text(&bin.count, chart.withheld, u64::to_string)])
        .collect();
    let bins: Vec<String> = table.iter().map(|row| row.join(": ")).collect();
    let bands: Vec<String> = chart
        .band_labels
        .iter()
        .zip(&h.bands)
        .map(|(label, &(min, max))| format!("{label} {}–{}", format_score(min), format_score(max)))
        .collect();
    let mut description = format!("{}. {} / {}. {}.", chart.title, chart.x_label, chart.y_label, bins.join("; "));
    if !bands.is_empty() {
        description.push_str(&format!(" {}.", bands.join(", ")));
    }
    if let Some(marker) = chart.marker {
        description.push_str(&format!(" {}: {}.", marker.label, format_score(marker.score)));
    }
    ChartText {
        title: chart.title.to_owned(),
        description,
        header: vec![chart.x_label.to_owned(), chart.y_label.to_owned()],
        table,
    }
}

/// Each band's stretch of the score axis: from its minimum to the next band's (a score
/// between two bands belongs to the lower one, as in `survey_defs::band_index`), the
/// last to its maximum; half a point wider on each side for whole-point scales.
fn band_spans(h: &ScoreHistogram) -> Vec<(f64, f64)> {
    let half = if h.whole_points { 0.5 } else { 0.0 };
    let (start, end) = h.range();
    (0..h.bands.len())
        .filter_map(|i| {
            let &(min, max) = h.bands.get(i)?;
            let to = h.bands.get(i + 1).map_or(max + half, |next| next.0 - half);
            Some(((min - half).clamp(start, end), to.clamp(start, end)))
        })
        .collect()
}

fn draw(area: &Area<'_>, chart: &HistogramChart<'_>, layout: &Layout) -> Drawn {
    let h = chart.histogram;
    text(area, &fit(chart.title, 15.0, 360 - 16), (8, 8), 15.0, top_left(), INK)?;
    let spans = band_spans(h);
    for (i, ((from, to), label)) in spans.iter().zip(chart.band_labels).enumerate() {
        let (a, b) = (layout.x(*from), layout.x(*to));
        filled(area, (a, layout.strip), (b, layout.baseline), TINTS[i % 2])?;
        let label = fit(label, 11.0, b - a - 4);
        if b - a >= text_width("ab…", 11.0) {
            text(area, &label, ((a + b) / 2, layout.strip + 3), 11.0, Pos::new(HPos::Center, VPos::Top), INK)?;
        }
    }
    // Band boundaries as lines: the bands are told apart without the tints.
    for &(from, _) in spans.iter().skip(1) {
        let x = layout.x(from);
        line(area, vec![(x, layout.strip), (x, layout.baseline)], AXIS, 1)?;
    }
    for bin in &h.bins {
        let (a, b) = (layout.x(bin.start) + 1, layout.x(bin.end) - 1);
        match bin.count {
            Disclosed::Shown(0) => {}
            Disclosed::Shown(n) => {
                let top = layout.y(count_f64(n));
                filled(area, (a, top), (b.max(a + 1), layout.baseline), BAR)?;
                let label = n.to_string();
                if b - a >= text_width(&label, 11.0) {
                    let pos = Pos::new(HPos::Center, VPos::Bottom);
                    text(area, &label, ((a + b) / 2, top - 2), 11.0, pos, INK)?;
                }
            }
            Disclosed::Suppressed { .. } => hatched(area, (a, layout.baseline - 10), (b.max(a + 1), layout.baseline))?,
        }
    }
    draw_axes(area, chart, layout)?;
    if let Some(marker) = chart.marker {
        let x = layout.x(marker.score);
        line(area, vec![(x, layout.strip - 2), (x, layout.baseline)], MARKER, 2)?;
        let anchor = if x < PLOT_LEFT + 60 {
            HPos::Left
        } else if x > PLOT_RIGHT - 60 {
            HPos::Right
        } else {
            HPos::Center
        };
        let label = fit(marker.label, 12.0, PLOT_RIGHT - PLOT_LEFT);
        text(area, &label, (x, TOP), 12.0, Pos::new(anchor, VPos::Top), MARKER)?;
    }
    let mut y = layout.baseline + 50;
    for (i, (label, &(min, max))) in chart.band_labels.iter().zip(&h.bands).enumerate() {
        filled(area, (PLOT_LEFT - 24, y), (PLOT_LEFT - 12, y + 12), TINTS[i % 2])?;
        line(area, vec![(PLOT_LEFT - 24, y), (PLOT_LEFT - 12, y), (PLOT_LEFT - 12, y + 12)], AXIS, 1)?;
        line(area, vec![(PLOT_LEFT - 12, y + 12), (PLOT_LEFT - 24, y + 12), (PLOT_LEFT - 24, y)], AXIS, 1)?;
        let entry = format!("{label} ({}–{})", format_score(min), format_score(max));
        text(area, &fit(&entry, 12.0, PLOT_RIGHT - PLOT_LEFT + 12), (PLOT_LEFT - 6, y), 12.0, top_left(), INK)?;
        y += LEGEND_ROW;
    }
    area.present().map_err(|e| e.to_string())
}

fn draw_axes(area: &Area<'_>, chart: &HistogramChart<'_>, layout: &Layout) -> Drawn {
    line(area, vec![(PLOT_LEFT, layout.plot_top - 4), (PLOT_LEFT, layout.baseline)], AXIS, 1)?;
    line(area, vec![(PLOT_LEFT, layout.baseline), (PLOT_RIGHT, layout.baseline)], AXIS, 1)?;
    for count in ticks(0.0, layout.top_count, layout.step) {
        let y = layout.y(count);
        line(area, vec![(PLOT_LEFT - 4, y), (PLOT_LEFT, y)], AXIS, 1)?;
        let pos = Pos::new(HPos::Right, VPos::Center);
        text(area, &format_score(count), (PLOT_LEFT - 6, y), 11.0, pos, AXIS)?;
    }
    for tick in ticks(layout.start, layout.end, nice_ceiling((layout.end - layout.start) / 6.0)) {
        let x = layout.x(tick);
        line(area, vec![(x, layout.baseline), (x, layout.baseline + 4)], AXIS, 1)?;
        let pos = Pos::new(HPos::Center, VPos::Top);
        text(area, &format_score(tick), (x, layout.baseline + 6), 11.0, pos, AXIS)?;
    }
    let centre = (PLOT_LEFT + PLOT_RIGHT) / 2;
    let x_label = fit(chart.x_label, 12.0, PLOT_RIGHT - PLOT_LEFT);
    text(area, &x_label, (centre, layout.baseline + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    let y_label = fit(chart.y_label, 12.0, PLOT_HEIGHT);
    vertical_text(area, &y_label, (10, layout.plot_top + PLOT_HEIGHT / 2), 12.0)
}

#[cfg(test)]
#[path = "histogram_tests.rs"]
mod tests;
