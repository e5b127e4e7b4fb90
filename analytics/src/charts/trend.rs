//! A value over periods (responses per week, a scale's mean per month) as a line with its
//! 95 % confidence band.

use plotters::prelude::{Circle, IntoDrawingArea, Polygon, RGBColor, SVGBackend, ShapeStyle};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    AXIS, Area, BAR, Drawn, INK, TOP, WIDTH, accessible, disclosed_text, finite, fit, format_score, hatched, line,
    nice_axis, px, text, text_width, ticks, top_left, vertical_text,
};
use super::{Chart, ChartText};
use crate::disclosure::Disclosed;
use crate::error::AnalyticsError;

/// A line chart of one value per period, in order, with its 95 % confidence interval as
/// a shaded band; a period whose value is withheld leaves a gap in the line.
#[derive(Clone, Copy, Debug)]
pub struct TrendChart<'a> {
    /// Title.
    pub title: &'a str,
    /// Label of the period axis ("Semaine").
    pub x_label: &'a str,
    /// Label of the value axis ("Réponses", "Score moyen").
    pub y_label: &'a str,
    /// Name of the confidence band, for the legend and the table ("IC à 95 %").
    pub ci_label: &'a str,
    /// The caller's "fewer than k" text; `{n}` stands for the bound.
    pub withheld: &'a str,
    /// The periods, in time order.
    pub points: &'a [TrendPoint],
}

/// One period of a [`TrendChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The period, as the caller shows it ("2026-W47", "nov. 2026").
    pub label: String,
    /// The value, or its suppression.
    pub value: Disclosed<f64>,
    /// Its 95 % confidence interval `(low, high)`, when it has one (only with a shown
    /// value).
    pub ci95: Option<(f64, f64)>,
}

const PLOT_LEFT: i32 = 48;
const PLOT_RIGHT: i32 = 360 - 16;
const PLOT_TOP: i32 = TOP + 6;
const PLOT_HEIGHT: i32 = 170;
const BASELINE: i32 = PLOT_TOP + PLOT_HEIGHT;
const LEGEND_ROW: i32 = 18;
/// The confidence band's fill: decoration; its edges carry it (next colour).
const RIBBON: RGBColor = RGBColor(0xc6, 0xdb, 0xef);
/// The confidence band's edges: 3.9:1 on white.
const RIBBON_EDGE: RGBColor = RGBColor(0x4a, 0x84, 0xc8);
/// Grid lines: decoration.
const GRID: RGBColor = RGBColor(0xe6, 0xe6, 0xe6);

/// Draws a value over periods (see [`TrendChart`]): a line through the shown values, a
/// shaded band between the confidence limits (an error bar for a lone period), grid
/// lines at round values, period labels thinned out so they do not overlap, and a hatched
/// mark on the baseline for each withheld period.
///
/// Fails without periods, with a value or limit that is not finite, a confidence
/// interval whose low limit is above its high one, or one given for a withheld value.
pub fn trend_chart(chart: &TrendChart<'_>) -> Result<Chart, AnalyticsError> {
    let (low, high) = validate(chart)?;
    let text = describe(chart);
    let axis = nice_axis(low, high);
    let any_ci = chart.points.iter().any(|p| p.ci95.is_some());
    let height = BASELINE + 48 + LEGEND_ROW * (1 + i32::from(any_ci)) + 8;
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (WIDTH, u32::try_from(height).unwrap_or(u32::MAX))).into_drawing_area();
        draw(&area, chart, axis, any_ci).map_err(AnalyticsError::Chart)?;
    }
    let svg = accessible(svg, chart.title, &text.description)?;
    Ok(Chart { svg, text })
}

/// Checks the points; the lowest and highest value or limit shown.
fn validate(chart: &TrendChart<'_>) -> Result<(f64, f64), AnalyticsError> {
    if chart.points.is_empty() {
        return Err(AnalyticsError::Chart("a trend needs at least one period".to_owned()));
    }
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for point in chart.points {
        let period = &point.label;
        if let Disclosed::Shown(value) = point.value {
            finite(|| format!("value of period {period:?}"), value)?;
            (low, high) = (low.min(value), high.max(value));
        }
        if let Some((lo, hi)) = point.ci95 {
            if point.value.is_suppressed() {
                return Err(AnalyticsError::Chart(format!(
                    "period {period:?} is withheld but has a confidence interval"
                )));
            }
            finite(|| format!("95 % CI low limit of period {period:?}"), lo)?;
            finite(|| format!("95 % CI high limit of period {period:?}"), hi)?;
            if lo > hi {
                return Err(AnalyticsError::Chart(format!("95 % CI of period {period:?}: low {lo} > high {hi}")));
            }
            (low, high) = (low.min(lo), high.max(hi));
        }
    }
    Ok(if low.is_finite() { (low, high) } else { (0.0, 1.0) })
}

fn describe(chart: &TrendChart<'_>) -> ChartText {
    let table: Vec<Vec<String>> = chart
        .points
        .iter()
        .map(|p| {
            let value = disclosed_text(&p.value, chart.withheld, |v| format_score(*v));
            let ci = p.ci95.map(|(lo, hi)| format!("{}–{}", format_score(lo), format_score(hi))).unwrap_or_default();
            vec![p.label.clone(), value, ci]
        })
        .collect();
    let rows: Vec<String> = table
        .iter()
        .map(|row| match row.as_slice() {
            [period, value, ci] if !ci.is_empty() => format!("{period}: {value} ({ci})"),
            [period, value, ..] => format!("{period}: {value}"),
            _ => String::new(),
        })
        .collect();
    ChartText {
        title: chart.title.to_owned(),
        description: format!(
            "{}. {} / {} ({}). {}.",
            chart.title,
            chart.x_label,
            chart.y_label,
            chart.ci_label,
            rows.join("; ")
        ),
        header: vec![chart.x_label.to_owned(), chart.y_label.to_owned(), chart.ci_label.to_owned()],
        table,
    }
}

/// The runs of consecutive periods for which `keep` holds, as index ranges.
fn runs(points: &[TrendPoint], keep: impl Fn(&TrendPoint) -> bool) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, point) in points.iter().enumerate() {
        match (keep(point), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..points.len());
    }
    runs
}

fn draw(area: &Area<'_>, chart: &TrendChart<'_>, (start, end, step): (f64, f64, f64), any_ci: bool) -> Drawn {
    let points = chart.points;
    let count = i32::try_from(points.len()).unwrap_or(i32::MAX);
    let slot = f64::from(PLOT_RIGHT - PLOT_LEFT) / f64::from(count);
    let x = |i: usize| PLOT_LEFT + px((f64::from(i32::try_from(i).unwrap_or(0)) + 0.5) * slot);
    let y = |v: f64| BASELINE - px((v - start) / (end - start) * f64::from(PLOT_HEIGHT));
    text(area, &fit(chart.title, 15.0, 360 - 16), (8, 8), 15.0, top_left(), INK)?;
    for tick in ticks(start, end, step) {
        let at = y(tick);
        line(area, vec![(PLOT_LEFT, at), (PLOT_RIGHT, at)], GRID, 1)?;
        line(area, vec![(PLOT_LEFT - 4, at), (PLOT_LEFT, at)], AXIS, 1)?;
        text(area, &format_score(tick), (PLOT_LEFT - 6, at), 11.0, Pos::new(HPos::Right, VPos::Center), AXIS)?;
    }
    let value = |p: &TrendPoint| p.value.shown().copied();
    for run in runs(points, |p| p.ci95.is_some() && value(p).is_some()) {
        let limits: Vec<(usize, f64, f64)> =
            run.filter_map(|i| points.get(i).and_then(|p| p.ci95).map(|(lo, hi)| (i, lo, hi))).collect();
        if let [(i, lo, hi)] = limits.as_slice() {
            let at = x(*i);
            line(area, vec![(at, y(*lo)), (at, y(*hi))], RIBBON_EDGE, 2)?;
            line(area, vec![(at - 4, y(*lo)), (at + 4, y(*lo))], RIBBON_EDGE, 1)?;
            line(area, vec![(at - 4, y(*hi)), (at + 4, y(*hi))], RIBBON_EDGE, 1)?;
            continue;
        }
        let upper: Vec<(i32, i32)> = limits.iter().map(|&(i, _, hi)| (x(i), y(hi))).collect();
        let lower: Vec<(i32, i32)> = limits.iter().rev().map(|&(i, lo, _)| (x(i), y(lo))).collect();
        let outline: Vec<(i32, i32)> = upper.iter().chain(&lower).copied().collect();
        area.draw(&Polygon::new(outline, ShapeStyle::from(&RIBBON).filled())).map_err(|e| e.to_string())?;
        line(area, upper, RIBBON_EDGE, 1)?;
        line(area, lower, RIBBON_EDGE, 1)?;
    }
    for run in runs(points, |p| value(p).is_some()) {
        let path: Vec<(i32, i32)> = run.filter_map(|i| Some((x(i), y(value(points.get(i)?)?)))).collect();
        if path.len() > 1 {
            line(area, path.clone(), BAR, 2)?;
        }
        for at in path {
            area.draw(&Circle::new(at, 3, ShapeStyle::from(&BAR).filled())).map_err(|e| e.to_string())?;
        }
    }
    for (i, point) in points.iter().enumerate() {
        if point.value.is_suppressed() {
            hatched(area, (x(i) - 4, BASELINE - 8), (x(i) + 4, BASELINE))?;
        }
    }
    line(area, vec![(PLOT_LEFT, PLOT_TOP), (PLOT_LEFT, BASELINE)], AXIS, 1)?;
    line(area, vec![(PLOT_LEFT, BASELINE), (PLOT_RIGHT, BASELINE)], AXIS, 1)?;
    // Period labels: every `every`-th, so that they do not overlap.
    let widest = points.iter().map(|p| text_width(&p.label, 11.0)).max().unwrap_or(0) + 6;
    // Small positive ratio of pixel widths.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let every = ((f64::from(widest) / slot).ceil().max(1.0) as usize).max(1);
    for (i, point) in points.iter().enumerate().step_by(every) {
        let at = x(i);
        line(area, vec![(at, BASELINE), (at, BASELINE + 4)], AXIS, 1)?;
        let label = fit(&point.label, 11.0, PLOT_RIGHT - PLOT_LEFT);
        text(area, &label, (at, BASELINE + 6), 11.0, Pos::new(HPos::Center, VPos::Top), AXIS)?;
    }
    let centre = (PLOT_LEFT + PLOT_RIGHT) / 2;
    let x_label = fit(chart.x_label, 12.0, PLOT_RIGHT - PLOT_LEFT);
    text(area, &x_label, (centre, BASELINE + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    vertical_text(area, &fit(chart.y_label, 12.0, PLOT_HEIGHT), (10, PLOT_TOP + PLOT_HEIGHT / 2), 12.0)?;
    let legend = BASELINE + 48;
    line(area, vec![(PLOT_LEFT - 24, legend + 6), (PLOT_LEFT - 8, legend + 6)], BAR, 2)?;
    text(area, &fit(chart.y_label, 12.0, PLOT_RIGHT - PLOT_LEFT), (PLOT_LEFT, legend), 12.0, top_left(), INK)?;
    if any_ci {
        let y = legend + LEGEND_ROW;
        let swatch = Polygon::new(
            vec![(PLOT_LEFT - 24, y), (PLOT_LEFT - 8, y), (PLOT_LEFT - 8, y + 12), (PLOT_LEFT - 24, y + 12)],
            ShapeStyle::from(&RIBBON).filled(),
        );
        area.draw(&swatch).map_err(|e| e.to_string())?;
        line(area, vec![(PLOT_LEFT - 24, y), (PLOT_LEFT - 8, y)], RIBBON_EDGE, 1)?;
        line(area, vec![(PLOT_LEFT - 24, y + 12), (PLOT_LEFT - 8, y + 12)], RIBBON_EDGE, 1)?;
        text(area, &fit(chart.ci_label, 12.0, PLOT_RIGHT - PLOT_LEFT), (PLOT_LEFT, y), 12.0, top_left(), INK)?;
    }
    area.present().map_err(|e| e.to_string())
}

#[cfg(test)]
#[path = "trend_tests.rs"]
mod tests;
