//! Horizontal bars, each with its label above it.

use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ChartText;
use super::common::{
    AXIS, Area, BAR, Drawn, INK, LEFT, PLOT_WIDTH, TOP, WHITE, WIDTH, accessible, filled, fit, format_value, line,
    nice_ceiling, px, text, text_width, top_left, vertical_text,
};
use crate::error::AnalyticsError;

const MIN_HEIGHT: u32 = 240;
const ROW: i32 = 34;
const BOTTOM: i32 = 46;

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
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        draw(&area, (title, x_label, y_label), bars, end).map_err(AnalyticsError::Chart)?;
    }
    let text = ChartText::for_bars(title, x_label, y_label, bars);
    accessible(svg, title, &text.description)
}

fn draw(area: &Area<'_>, (title, x_label, y_label): (&str, &str, &str), bars: &[(String, f64)], end: f64) -> Drawn {
    text(area, &fit(title, 15.0, 360 - 16), (8, 8), 15.0, top_left(), INK)?;
    let axis_y = TOP + ROW * i32::try_from(bars.len()).unwrap_or(0) + 2;
    for (row, (label, value)) in (0i32..).zip(bars) {
        let y = TOP + ROW * row;
        text(area, &fit(label, 12.0, PLOT_WIDTH - 4), (LEFT + 4, y), 12.0, top_left(), INK)?;
        let width = px(value / end * f64::from(PLOT_WIDTH));
        filled(area, (LEFT, y + 16), (LEFT + width, y + 30), BAR)?;
        let shown = format_value(*value);
        let needed = text_width(&shown, 12.0) + 8;
        if width + needed <= PLOT_WIDTH {
            let at = (LEFT + width + 4, y + 23);
            text(area, &shown, at, 11.0, Pos::new(HPos::Left, VPos::Center), INK)?;
        } else {
            let at = (LEFT + width - 4, y + 23);
            text(area, &shown, at, 11.0, Pos::new(HPos::Right, VPos::Center), WHITE)?;
        }
    }
    line(area, vec![(LEFT, TOP - 2), (LEFT, axis_y)], AXIS, 1)?;
    line(area, vec![(LEFT, axis_y), (LEFT + PLOT_WIDTH, axis_y)], AXIS, 1)?;
    for (tick, anchor) in [(0.0, HPos::Left), (0.5, HPos::Center), (1.0, HPos::Right)] {
        let x = LEFT + px(tick * f64::from(PLOT_WIDTH));
        line(area, vec![(x, axis_y), (x, axis_y + 4)], AXIS, 1)?;
        text(area, &format_value(tick * end), (x, axis_y + 6), 11.0, Pos::new(anchor, VPos::Top), AXIS)?;
    }
    let centre = LEFT + PLOT_WIDTH / 2;
    let x_text = fit(x_label, 12.0, PLOT_WIDTH);
    text(area, &x_text, (centre, axis_y + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    vertical_text(area, &fit(y_label, 12.0, axis_y - TOP), (10, (TOP + axis_y) / 2), 12.0)?;
    area.present().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::super::common::test_support::{HOSTILE, HOSTILE_ESCAPED, assert_well_formed};
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
        assert_well_formed(&svg);
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
    fn labels_are_escaped() {
        let bars = vec![(HOSTILE.to_owned(), 3.0)];
        let svg = bar_chart_svg(HOSTILE, HOSTILE, HOSTILE, &bars).unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(svg.contains(&format!("<title>{HOSTILE_ESCAPED}</title>")), "{svg}");
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
    fn text_alternative() {
        let text = ChartText::for_bars("PHQ-9", "%", "Bande", &bars()[..2]);
        assert_eq!(text.header, vec!["Bande".to_owned(), "%".to_owned()]);
        assert_eq!(text.table[1], vec!["Plusieurs jours".to_owned(), "30.5".to_owned()]);
        assert_eq!(text.description, "PHQ-9. Bande / %. Jamais: 12; Plusieurs jours: 30.5.");
    }
}
