//! Small multiples: the same horizontal bars drawn once per subgroup, on one scale.

use plotters::prelude::{IntoDrawingArea, RGBColor, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    AXIS, Area, BAR, Drawn, INK, LEFT, PLOT_WIDTH, TOP, WHITE, WIDTH, accessible, disclosed_text, filled, fit,
    format_value, hatched, line, nice_ceiling, not_negative, px, text, text_width, top_left, withheld_text,
};
use super::{Chart, ChartText};
use crate::disclosure::Disclosed;
use crate::error::AnalyticsError;

/// One small panel of horizontal bars per subgroup (a ward, an age band), every panel on
/// the same value scale so that they compare at a glance, each titled with its group's
/// name; a withheld group is a panel saying the caller's "fewer than k" text.
#[derive(Clone, Copy, Debug)]
pub struct SmallMultiplesChart<'a> {
    /// Title.
    pub title: &'a str,
    /// Label of the value axis ("Réponses (%)").
    pub x_label: &'a str,
    /// Heading of the table's first column ("Service").
    pub group_header: &'a str,
    /// The caller's "fewer than k" text; `{n}` stands for the bound.
    pub withheld: &'a str,
    /// The bars' labels (options, bands), the same in every panel.
    pub categories: &'a [String],
    /// The panels, top to bottom.
    pub groups: &'a [GroupPanel],
}

/// One subgroup of a [`SmallMultiplesChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPanel {
    /// The group's name, translated.
    pub name: String,
    /// One value per category (a withheld cell is a hatched mark), or the whole group
    /// withheld.
    pub values: Disclosed<Vec<Disclosed<f64>>>,
}

const TITLE_ROW: i32 = 22;
const BAR_ROW: i32 = 27;
const PANEL_GAP: i32 = 10;
/// Panel grid lines: decoration.
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);

/// Draws one panel per group (see [`SmallMultiplesChart`]): the group's name, then for
/// each category its label above a bar with the value at its end; grid lines at 0, half
/// and the end of the shared scale in every panel, the value axis once at the bottom.
///
/// Fails without categories or groups, with a shown group whose number of values is not
/// the number of categories, or with a value that is negative or not finite.
pub fn small_multiples_chart(chart: &SmallMultiplesChart<'_>) -> Result<Chart, AnalyticsError> {
    let end = validate(chart)?;
    let text = describe(chart);
    let categories = i32::try_from(chart.categories.len()).unwrap_or(i32::MAX / 64);
    let panels: i32 = chart
        .groups
        .iter()
        .map(|g| TITLE_ROW + PANEL_GAP + if g.values.is_suppressed() { 20 } else { BAR_ROW * categories })
        .sum();
    let height = TOP + panels + 52;
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (WIDTH, u32::try_from(height).unwrap_or(u32::MAX))).into_drawing_area();
        draw(&area, chart, end).map_err(AnalyticsError::Chart)?;
    }
    let svg = accessible(svg, chart.title, &text.description)?;
    Ok(Chart { svg, text })
}

/// Checks the values; the end of the shared scale.
fn validate(chart: &SmallMultiplesChart<'_>) -> Result<f64, AnalyticsError> {
    if chart.categories.is_empty() || chart.groups.is_empty() {
        return Err(AnalyticsError::Chart("small multiples need categories and at least one group".to_owned()));
    }
    let mut most = 0.0f64;
    for group in chart.groups {
        let Disclosed::Shown(values) = &group.values else { continue };
        if values.len() != chart.categories.len() {
            return Err(AnalyticsError::Chart(format!(
                "group {:?} has {} values for {} categories",
                group.name,
                values.len(),
                chart.categories.len()
            )));
        }
        for (category, value) in chart.categories.iter().zip(values) {
            if let Disclosed::Shown(value) = value {
                most = most.max(not_negative(|| format!("value of {category:?} in group {:?}", group.name), *value)?);
            }
        }
    }
    Ok(nice_ceiling(most))
}

fn describe(chart: &SmallMultiplesChart<'_>) -> ChartText {
    let mut header = vec![chart.group_header.to_owned()];
    header.extend(chart.categories.iter().cloned());
    let table: Vec<Vec<String>> = chart
        .groups
        .iter()
        .map(|group| {
            let mut row = vec![group.name.clone()];
            match &group.values {
                Disclosed::Shown(values) => {
                    row.extend(values.iter().map(|v| disclosed_text(v, chart.withheld, |v| format_value(*v))));
                }
                Disclosed::Suppressed { fewer_than } => {
                    row.extend(chart.categories.iter().map(|_| withheld_text(chart.withheld, *fewer_than)));
                }
            }
            row
        })
        .collect();
    let rows: Vec<String> = chart
        .groups
        .iter()
        .zip(&table)
        .map(|(group, row)| match &group.values {
            Disclosed::Shown(_) => {
                let pairs: Vec<String> =
                    chart.categories.iter().zip(row.iter().skip(1)).map(|(c, v)| format!("{c} {v}")).collect();
                format!("{}: {}", group.name, pairs.join(", "))
            }
            Disclosed::Suppressed { fewer_than } => {
                format!("{}: {}", group.name, withheld_text(chart.withheld, *fewer_than))
            }
        })
        .collect();
    ChartText {
        title: chart.title.to_owned(),
        description: format!("{}. {}. {}.", chart.title, chart.x_label, rows.join("; ")),
        header,
        table,
    }
}

fn draw(area: &Area<'_>, chart: &SmallMultiplesChart<'_>, end: f64) -> Drawn {
    let x = |v: f64| LEFT + px(v / end * f64::from(PLOT_WIDTH));
    text(area, &fit(chart.title, 15.0, 360 - 16), (8, 8), 15.0, top_left(), INK)?;
    let mut y = TOP;
    for group in chart.groups {
        line(area, vec![(8, y), (360 - 8, y)], AXIS, 1)?;
        text(area, &fit(&group.name, 13.0, 360 - 16), (8, y + 4), 13.0, top_left(), INK)?;
        y += TITLE_ROW;
        match &group.values {
            Disclosed::Suppressed { fewer_than } => {
                let withheld = withheld_text(chart.withheld, *fewer_than);
                text(area, &fit(&withheld, 12.0, PLOT_WIDTH), (LEFT, y), 12.0, top_left(), AXIS)?;
                y += 20;
            }
            Disclosed::Shown(values) => {
                let bottom = y + BAR_ROW * i32::try_from(values.len()).unwrap_or(0);
                for tick in [0.0, 0.5, 1.0] {
                    let at = x(tick * end);
                    line(area, vec![(at, y + 12), (at, bottom)], GRID, 1)?;
                }
                for (category, value) in chart.categories.iter().zip(values) {
                    text(area, &fit(category, 11.0, PLOT_WIDTH), (LEFT, y), 11.0, top_left(), INK)?;
                    draw_bar(area, value, (x(0.0), x_of_value(value, end)), y + 14, chart.withheld)?;
                    y += BAR_ROW;
                }
            }
        }
        y += PANEL_GAP;
    }
    let axis_y = y;
    line(area, vec![(LEFT, axis_y), (LEFT + PLOT_WIDTH, axis_y)], AXIS, 1)?;
    for (tick, anchor) in [(0.0, HPos::Left), (0.5, HPos::Center), (1.0, HPos::Right)] {
        let at = x(tick * end);
        line(area, vec![(at, axis_y), (at, axis_y + 4)], AXIS, 1)?;
        text(area, &format_value(tick * end), (at, axis_y + 6), 11.0, Pos::new(anchor, VPos::Top), AXIS)?;
    }
    let label = fit(chart.x_label, 12.0, PLOT_WIDTH);
    text(area, &label, (LEFT + PLOT_WIDTH / 2, axis_y + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    area.present().map_err(|e| e.to_string())
}

/// The end of a shown value's bar.
fn x_of_value(value: &Disclosed<f64>, end: f64) -> i32 {
    LEFT + px(value.shown().copied().unwrap_or(0.0) / end * f64::from(PLOT_WIDTH))
}

/// One bar, 10 px high from `top`: its value at its end (inside it when it would not fit
/// after it), or a hatched mark and the withheld text.
fn draw_bar(area: &Area<'_>, value: &Disclosed<f64>, (from, to): (i32, i32), top: i32, withheld: &str) -> Drawn {
    let middle = top + 5;
    match value {
        Disclosed::Shown(v) => {
            if to > from {
                filled(area, (from, top), (to, top + 10), BAR)?;
            }
            let shown = format_value(*v);
            let needed = text_width(&shown, 11.0) + 8;
            if to + needed <= LEFT + PLOT_WIDTH {
                text(area, &shown, (to + 4, middle), 11.0, Pos::new(HPos::Left, VPos::Center), INK)?;
            } else {
                text(area, &shown, (to - 4, middle), 11.0, Pos::new(HPos::Right, VPos::Center), WHITE)?;
            }
        }
        Disclosed::Suppressed { fewer_than } => {
            hatched(area, (from, top), (from + 12, top + 10))?;
            let label = fit(&withheld_text(withheld, *fewer_than), 11.0, PLOT_WIDTH - 16);
            text(area, &label, (from + 16, middle), 11.0, Pos::new(HPos::Left, VPos::Center), AXIS)?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "multiples_tests.rs"]
mod tests;
