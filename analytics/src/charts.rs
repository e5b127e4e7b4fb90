//! Charts as SVG text, readable on a 360 px phone screen, each with a text alternative.
//!
//! plotters' SVG backend writes `<text>` elements and lets the browser render them, so no
//! font file or system font is needed (without its `ttf` feature plotters only estimates
//! text widths, which is all a layout needs). Bars are horizontal with their label above
//! them, so long option labels ("Tout à fait d'accord") stay whole on a narrow screen.
//! A chart is never the only carrier of its numbers (WCAG 2.2, criterion 1.1.1, non-text
//! content): the SVG has `role="img"`, a `<title>` and a `<desc>`, and [`ChartText`] gives
//! the same numbers as a table for the UI to render under it.

use plotters::prelude::{
    DrawingArea, IntoDrawingArea, IntoFont, PathElement, RGBColor, Rectangle, SVGBackend, ShapeStyle, Text,
};
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::AnalyticsError;

/// The text companion of a chart: what a screen reader announces, and the table shown
/// under the chart.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChartText {
    /// The chart's title.
    pub title: String,
    /// A text alternative listing every bar and its value (language-neutral: it is built
    /// only from the caller's translated labels and the numbers).
    pub description: String,
    /// One row per bar: label and formatted value.
    pub table: Vec<(String, String)>,
}

impl ChartText {
    /// The text companion of [`bar_chart_svg`] with the same arguments.
    pub fn for_bars(title: &str, x_label: &str, y_label: &str, bars: &[(String, f64)]) -> Self {
        let table: Vec<(String, String)> = bars.iter().map(|(l, v)| (l.clone(), format_value(*v))).collect();
        let rows: Vec<String> = table.iter().map(|(l, v)| format!("{l}: {v}")).collect();
        Self {
            title: title.to_owned(),
            description: format!("{title}. {y_label} / {x_label}. {}.", rows.join("; ")),
            table,
        }
    }
}

const WIDTH: u32 = 360;
const MIN_HEIGHT: u32 = 240;
const TOP: i32 = 34;
const ROW: i32 = 34;
const BOTTOM: i32 = 46;
const LEFT: i32 = 24;
const RIGHT: i32 = 16;
const PLOT_WIDTH: i32 = 360 - LEFT - RIGHT;
/// Dark blue on white: contrast 7.0:1 (WCAG 1.4.11 asks 3:1 for graphics).
const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0x8b);
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// A value as shown: whole numbers without decimals, others with one.
fn format_value(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") }
}

/// `text` cut with an ellipsis to fit `width` pixels at `px` pixels per em (average glyph
/// width about 0.55 em for sans-serif faces).
fn fit(text: &str, px: f64, width: i32) -> String {
    let fits = (f64::from(width) / (0.55 * px)).floor();
    // Bounded by a pixel width over a font size: small and positive.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let max = fits.max(1.0) as usize;
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The smallest 1, 2 or 5 × 10^n at least `max` (axis end).
fn nice_ceiling(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&end| end >= max).unwrap_or(10.0 * magnitude)
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

// Pixel coordinates: small integers.
#[allow(clippy::cast_possible_truncation)]
fn px(x: f64) -> i32 {
    x.round() as i32
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn text(area: &Area<'_>, s: &str, at: (i32, i32), size: f64, pos: Pos, color: RGBColor) -> Result<(), String> {
    // plotters writes font-size = size / 1.24 in SVG; ask for the pixel size we mean.
    let style = ("sans-serif", size * 1.24).into_font().color(&color).pos(pos);
    area.draw(&Text::new(s.to_owned(), at, style)).map_err(|e| e.to_string())
}

/// A horizontal bar chart as SVG text: 360 px wide (taller than 240 px when there are more
/// than five bars), title on top, each bar's label above it and its value at its end,
/// the value axis with `x_label` below, `y_label` along the left edge.
///
/// Values must be finite and not negative (counts, shares, means of positive scores).
pub fn bar_chart_svg(
    title: &str,
    x_label: &str,
    y_label: &str,
    bars: &[(String, f64)],
) -> Result<String, AnalyticsError> {
    if let Some((label, value)) = bars.iter().find(|(_, v)| !v.is_finite() || *v < 0.0) {
        return Err(AnalyticsError::Chart(format!("bar {label:?} has value {value}")));
    }
    let rows = i32::try_from(bars.len()).map_err(|_| AnalyticsError::Chart("too many bars".to_owned()))?;
    let height = u32::try_from(TOP + ROW * rows + BOTTOM).unwrap_or(u32::MAX).max(MIN_HEIGHT);
    let end = nice_ceiling(bars.iter().map(|(_, v)| *v).fold(0.0, f64::max));
    let mut svg = String::new();
    draw(&mut svg, (title, x_label, y_label), bars, height, end).map_err(AnalyticsError::Chart)?;
    let text = ChartText::for_bars(title, x_label, y_label, bars);
    let head =
        format!(" role=\"img\"><title>{}</title><desc>{}</desc>", xml_escape(title), xml_escape(&text.description));
    match svg.find("<svg").and_then(|start| svg[start..].find('>').map(|end| start + end)) {
        Some(close) => svg.replace_range(close..=close, &head),
        None => return Err(AnalyticsError::Chart("no <svg> element written".to_owned())),
    }
    Ok(svg)
}

fn draw(
    svg: &mut String,
    (title, x_label, y_label): (&str, &str, &str),
    bars: &[(String, f64)],
    height: u32,
    end: f64,
) -> Result<(), String> {
    let area = SVGBackend::with_string(svg, (WIDTH, height)).into_drawing_area();
    let top_left = Pos::new(HPos::Left, VPos::Top);
    text(&area, &fit(title, 15.0, 360 - 16), (8, 8), 15.0, top_left, INK)?;
    let axis_y = TOP + ROW * i32::try_from(bars.len()).unwrap_or(0) + 2;
    for (row, (label, value)) in (0i32..).zip(bars) {
        let y = TOP + ROW * row;
        text(&area, &fit(label, 12.0, PLOT_WIDTH - 4), (LEFT + 4, y), 12.0, top_left, INK)?;
        let width = px(value / end * f64::from(PLOT_WIDTH));
        let bar = Rectangle::new([(LEFT, y + 16), (LEFT + width, y + 30)], ShapeStyle::from(&BAR).filled());
        area.draw(&bar).map_err(|e| e.to_string())?;
        let shown = format_value(*value);
        let needed = px(0.6 * 11.0 * f64::from(u32::try_from(shown.chars().count()).unwrap_or(8))) + 8;
        if width + needed <= PLOT_WIDTH {
            let at = (LEFT + width + 4, y + 23);
            text(&area, &shown, at, 11.0, Pos::new(HPos::Left, VPos::Center), INK)?;
        } else {
            let at = (LEFT + width - 4, y + 23);
            text(&area, &shown, at, 11.0, Pos::new(HPos::Right, VPos::Center), WHITE)?;
        }
    }
    let axis = ShapeStyle::from(&AXIS).stroke_width(1);
    let line = |points: Vec<(i32, i32)>| area.draw(&PathElement::new(points, axis)).map_err(|e| e.to_string());
    line(vec![(LEFT, TOP - 2), (LEFT, axis_y)])?;
    line(vec![(LEFT, axis_y), (LEFT + PLOT_WIDTH, axis_y)])?;
    for (tick, anchor) in [(0.0, HPos::Left), (0.5, HPos::Center), (1.0, HPos::Right)] {
        let x = LEFT + px(tick * f64::from(PLOT_WIDTH));
        line(vec![(x, axis_y), (x, axis_y + 4)])?;
        text(&area, &format_value(tick * end), (x, axis_y + 6), 11.0, Pos::new(anchor, VPos::Top), AXIS)?;
    }
    let centre = LEFT + PLOT_WIDTH / 2;
    let x_text = fit(x_label, 12.0, PLOT_WIDTH);
    text(&area, &x_text, (centre, axis_y + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    let y_style = ("sans-serif", 12.0 * 1.24)
        .into_font()
        .transform(FontTransform::Rotate270)
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let y_text = fit(y_label, 12.0, axis_y - TOP);
    area.draw(&Text::new(y_text, (10, (TOP + axis_y) / 2), y_style)).map_err(|e| e.to_string())?;
    area.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn bars() -> Vec<(String, f64)> {
        vec![
            ("Jamais".to_owned(), 12.0),
            ("Plusieurs jours".to_owned(), 30.5),
            ("Plus de la moitié des jours, et même un peu plus que cela".to_owned(), 7.0),
            ("Presque tous les jours".to_owned(), 0.0),
        ]
    }

    #[test]
    fn svg_has_title_labels_and_one_rect_per_bar() {
        let svg = bar_chart_svg("Fatigue & sommeil", "Réponses (%)", "Option", &bars()).unwrap();
        assert!(svg.contains("viewBox=\"0 0 360 240\""), "{svg}");
        assert!(svg.contains("role=\"img\"><title>Fatigue &amp; sommeil</title><desc>"));
        // Drawn as text too (plotters puts the text on its own line).
        assert!(svg.contains(">\nFatigue &amp; sommeil\n</text>"));
        assert!(svg.contains("\nRéponses (%)\n") && svg.contains("rotate(270, 10, 103)\">\nOption\n"));
        assert!(svg.contains("Plusieurs jours") && svg.contains("30.5"));
        let bar_fill = "fill=\"#1F5F8B\"";
        let bar_rects = svg.matches("<rect").count();
        assert_eq!(bar_rects, bars().len(), "{svg}");
        assert_eq!(svg.matches(bar_fill).count(), bars().len(), "{svg}");
    }

    #[test]
    fn many_bars_make_a_taller_chart_and_bad_values_fail() {
        let many: Vec<(String, f64)> = (0..10).map(|i| (format!("o{i}"), f64::from(i))).collect();
        let svg = bar_chart_svg("t", "x", "y", &many).unwrap();
        assert!(svg.contains("viewBox=\"0 0 360 420\""));
        assert!(bar_chart_svg("t", "x", "y", &[("a".to_owned(), f64::NAN)]).is_err());
        assert!(bar_chart_svg("t", "x", "y", &[("a".to_owned(), -1.0)]).is_err());
        assert!(bar_chart_svg("t", "x", "y", &[]).is_ok());
    }

    #[test]
    fn text_alternative_and_helpers() {
        let text = ChartText::for_bars("PHQ-9", "%", "Bande", &bars()[..2]);
        assert_eq!(text.table[1], ("Plusieurs jours".to_owned(), "30.5".to_owned()));
        assert_eq!(text.description, "PHQ-9. Bande / %. Jamais: 12; Plusieurs jours: 30.5.");
        assert_eq!(nice_ceiling(87.0), 100.0);
        assert_eq!(nice_ceiling(30.5), 50.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(fit("abcdef", 10.0, 22), "abc…");
        assert_eq!(fit("abc", 10.0, 22), "abc");
    }
}
