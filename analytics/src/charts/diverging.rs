//! Likert items as diverging stacked bars: one bar per item, centred on the neutral point.

use plotters::prelude::{IntoDrawingArea, RGBColor, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::common::{
    AXIS, Area, Drawn, INK, LEFT, PLOT_WIDTH, TOP, WHITE, WIDTH, accessible, count_f64, disclosed_text,
    diverging_palette, filled, fit, format_value, hatched, line, nice_ceiling, px, text, text_on, text_width, top_left,
    withheld_text,
};
use super::{Chart, ChartText};
use crate::disclosure::Disclosed;
use crate::error::AnalyticsError;
use crate::report::ItemReport;

/// A diverging stacked bar chart of Likert items sharing one set of options.
///
/// The first `scale_points` options form the ordered scale, from the most negative to
/// the most positive: the lower half is drawn left of the centre, the upper half right of
/// it, and with an odd number of points the middle (neutral) one is split half on each
/// side. Options after them ("don't know", "not concerned") are not drawn; their shares
/// are in the table. Shares are percentages of each item's answers.
#[derive(Clone, Copy, Debug)]
pub struct LikertChart<'a> {
    /// Title.
    pub title: &'a str,
    /// Label of the value axis ("Réponses (%)", "Answers (%)").
    pub axis_label: &'a str,
    /// Heading of the table's first column ("Question").
    pub item_header: &'a str,
    /// Every option's label, in the items' option order.
    pub options: &'a [String],
    /// How many leading options form the ordered scale (at least 2).
    pub scale_points: usize,
    /// The caller's "fewer than k" text; `{n}` stands for the bound (see
    /// [`super::withheld_text`]).
    pub withheld: &'a str,
    /// Legend of the hatched block that stands for withheld answers of a shown item
    /// ("Non montré : petits effectifs").
    pub withheld_legend: &'a str,
    /// The items, top to bottom.
    pub rows: &'a [LikertRow],
}

/// One Likert item of a [`LikertChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct LikertRow {
    /// The item's label (its question, translated).
    pub label: String,
    /// Its answers, or their suppression (drawn as an empty row with the withheld text).
    pub answers: Disclosed<LikertCounts>,
}

/// The answers of a shown Likert item.
#[derive(Clone, Debug, PartialEq)]
pub struct LikertCounts {
    /// Respondents who answered the item (the denominator of every share).
    pub answered: u64,
    /// Respondents per option, in option order; a withheld cell is drawn inside a hatched
    /// block centred on the neutral point, its share being known only as part of
    /// `answered − shown cells`.
    pub counts: Vec<Disclosed<u64>>,
}

impl LikertRow {
    /// The row of one item of a [`crate::CampaignReport`], labelled `label`.
    pub fn from_report(label: &str, item: &ItemReport) -> Self {
        let answers = item.figures.clone().map(|figures| LikertCounts {
            answered: figures.answered,
            counts: figures.options.iter().map(|option| option.count).collect(),
        });
        Self { label: label.to_owned(), answers }
    }
}

const ROW: i32 = 40;
const BAR_TOP: i32 = 17;
const BAR_HEIGHT: i32 = 17;
const LEGEND_ROW: i32 = 18;
/// Where the centre of the scale sits.
const CENTRE: i32 = LEFT + PLOT_WIDTH / 2;
const HALF: i32 = PLOT_WIDTH / 2;

/// One shown row, in percentages.
struct Shares {
    /// Per option; `None` when withheld.
    options: Vec<Option<f64>>,
    /// Share of withheld answers (answers minus shown cells).
    hidden: f64,
}

impl Shares {
    fn of(counts: &LikertCounts) -> Self {
        let pct = |n: u64| 100.0 * count_f64(n) / count_f64(counts.answered);
        let shown: u64 = counts.counts.iter().filter_map(Disclosed::shown).sum();
        Self {
            options: counts.counts.iter().map(|c| c.shown().map(|&n| pct(n))).collect(),
            hidden: pct(counts.answered.saturating_sub(shown)),
        }
    }

    /// Percentage drawn left and right of the centre.
    fn extents(&self, scale_points: usize) -> (f64, f64) {
        let side = scale_points / 2;
        let value = |i: usize| self.options.get(i).copied().flatten().unwrap_or(0.0);
        let neutral = if scale_points % 2 == 1 { value(side) } else { 0.0 };
        let centre = (neutral + self.hidden) / 2.0;
        let left: f64 = (0..side).map(value).sum();
        let right: f64 = (scale_points - side..scale_points).map(value).sum();
        (left + centre, right + centre)
    }
}

/// Draws Likert items as diverging stacked bars (see [`LikertChart`]): each item's label
/// above its bar, one colour per option from a colour-blind-safe palette with at least
/// 3:1 contrast on white, white gaps between segments, percentages written in segments
/// wide enough, a legend naming each option, and the value axis in percent on both sides
/// of the centre.
///
/// Fails when there are no options or rows, fewer than 2 scale points, a shown row whose
/// number of cells is not the number of options, that has no answers, or whose shown
/// cells add up to more than its answers.
pub fn likert_chart(chart: &LikertChart<'_>) -> Result<Chart, AnalyticsError> {
    let shares = validate(chart)?;
    let text = describe(chart);
    let end = shares
        .iter()
        .flatten()
        .map(|s| {
            let (left, right) = s.extents(chart.scale_points);
            left.max(right)
        })
        .fold(0.0, f64::max);
    let end = nice_ceiling(end).min(100.0);
    let legend = chart.scale_points + usize::from(shares.iter().flatten().any(|s| s.hidden > 0.0));
    let rows = i32::try_from(chart.rows.len()).unwrap_or(i32::MAX / 2);
    let legend_rows = i32::try_from(legend).unwrap_or(0);
    let height = TOP + ROW * rows + 52 + LEGEND_ROW * legend_rows + 8;
    let mut svg = String::new();
    {
        let area =
            SVGBackend::with_string(&mut svg, (WIDTH, u32::try_from(height).unwrap_or(u32::MAX))).into_drawing_area();
        draw(&area, chart, &shares, end).map_err(AnalyticsError::Chart)?;
    }
    let svg = accessible(svg, chart.title, &text.description)?;
    Ok(Chart { svg, text })
}

fn validate(chart: &LikertChart<'_>) -> Result<Vec<Option<Shares>>, AnalyticsError> {
    let error = |message: String| Err(AnalyticsError::Chart(message));
    let fail = |message: String| AnalyticsError::Chart(message);
    if chart.options.is_empty() || chart.rows.is_empty() {
        return error("a Likert chart needs options and at least one item".to_owned());
    }
    if chart.scale_points < 2 || chart.scale_points > chart.options.len() {
        return error(format!("{} scale points for {} options", chart.scale_points, chart.options.len()));
    }
    chart
        .rows
        .iter()
        .map(|row| {
            let Disclosed::Shown(counts) = &row.answers else { return Ok(None) };
            if counts.counts.len() != chart.options.len() {
                return Err(fail(format!(
                    "item {:?} has {} cells for {} options",
                    row.label,
                    counts.counts.len(),
                    chart.options.len()
                )));
            }
            let shown: u64 = counts.counts.iter().filter_map(Disclosed::shown).sum();
            if counts.answered == 0 || shown > counts.answered {
                return Err(fail(format!(
                    "item {:?}: {shown} answers shown of {} answered",
                    row.label, counts.answered
                )));
            }
            Ok(Some(Shares::of(counts)))
        })
        .collect()
}

fn describe(chart: &LikertChart<'_>) -> ChartText {
    let mut header = vec![chart.item_header.to_owned()];
    header.extend(chart.options.iter().cloned());
    let table: Vec<Vec<String>> = chart
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            match &row.answers {
                Disclosed::Shown(counts) => cells.extend(counts.counts.iter().map(|count| {
                    let share = count.map(|n| 100.0 * count_f64(n) / count_f64(counts.answered.max(1)));
                    disclosed_text(&share, chart.withheld, |pct| format_value(*pct))
                })),
                Disclosed::Suppressed { fewer_than } => {
                    cells.extend(chart.options.iter().map(|_| withheld_text(chart.withheld, *fewer_than)));
                }
            }
            cells
        })
        .collect();
    let rows: Vec<String> = chart
        .rows
        .iter()
        .zip(&table)
        .map(|(row, cells)| match &row.answers {
            Disclosed::Shown(_) => {
                let pairs: Vec<String> =
                    chart.options.iter().zip(cells.iter().skip(1)).map(|(o, v)| format!("{o} {v}")).collect();
                format!("{}: {}", row.label, pairs.join(", "))
            }
            Disclosed::Suppressed { fewer_than } => {
                format!("{}: {}", row.label, withheld_text(chart.withheld, *fewer_than))
            }
        })
        .collect();
    ChartText {
        title: chart.title.to_owned(),
        description: format!("{}. {}. {}.", chart.title, chart.axis_label, rows.join("; ")),
        header,
        table,
    }
}

/// x of a percentage left (negative) or right (positive) of the centre.
fn x_of(pct: f64, end: f64) -> i32 {
    CENTRE + px(pct / end * f64::from(HALF))
}

fn draw(area: &Area<'_>, chart: &LikertChart<'_>, shares: &[Option<Shares>], end: f64) -> Drawn {
    let palette = diverging_palette(chart.scale_points);
    text(area, &fit(chart.title, 15.0, 360 - 16), (8, 8), 15.0, top_left(), INK)?;
    let mut y = TOP;
    for (row, shares) in chart.rows.iter().zip(shares) {
        text(area, &fit(&row.label, 12.0, PLOT_WIDTH - 4), (LEFT + 4, y), 12.0, top_left(), INK)?;
        let (top, bottom) = (y + BAR_TOP, y + BAR_TOP + BAR_HEIGHT);
        match (shares, &row.answers) {
            (Some(shares), _) => draw_bar(area, chart.scale_points, &palette, shares, (top, bottom), end)?,
            (None, Disclosed::Suppressed { fewer_than }) => {
                let withheld = withheld_text(chart.withheld, *fewer_than);
                let at = (CENTRE, (top + bottom) / 2);
                text(area, &fit(&withheld, 11.0, PLOT_WIDTH), at, 11.0, Pos::new(HPos::Center, VPos::Center), AXIS)?;
            }
            (None, Disclosed::Shown(_)) => {}
        }
        y += ROW;
    }
    let axis_y = y + 2;
    line(area, vec![(LEFT, axis_y), (LEFT + PLOT_WIDTH, axis_y)], AXIS, 1)?;
    for (tick, anchor) in
        [(-1.0, HPos::Left), (-0.5, HPos::Center), (0.0, HPos::Center), (0.5, HPos::Center), (1.0, HPos::Right)]
    {
        let x = x_of(tick * end, end);
        line(area, vec![(x, axis_y), (x, axis_y + 4)], AXIS, 1)?;
        let label = format_value(f64::abs(tick * end));
        text(area, &label, (x, axis_y + 6), 11.0, Pos::new(anchor, VPos::Top), AXIS)?;
    }
    let label = fit(chart.axis_label, 12.0, PLOT_WIDTH);
    text(area, &label, (CENTRE, axis_y + 24), 12.0, Pos::new(HPos::Center, VPos::Top), INK)?;
    let mut y = axis_y + 50;
    for (option, &color) in chart.options.iter().zip(&palette) {
        filled(area, (LEFT, y), (LEFT + 12, y + 12), color)?;
        text(area, &fit(option, 12.0, PLOT_WIDTH - 20), (LEFT + 18, y), 12.0, top_left(), INK)?;
        y += LEGEND_ROW;
    }
    if shares.iter().flatten().any(|s| s.hidden > 0.0) {
        hatched(area, (LEFT, y), (LEFT + 12, y + 12))?;
        text(area, &fit(chart.withheld_legend, 12.0, PLOT_WIDTH - 20), (LEFT + 18, y), 12.0, top_left(), INK)?;
    }
    area.present().map_err(|e| e.to_string())
}

/// One shown item's bar: from the centre outward, the withheld block (hatched), the
/// neutral point's halves, then the other points to the outermost.
fn draw_bar(
    area: &Area<'_>,
    scale_points: usize,
    palette: &[RGBColor],
    shares: &Shares,
    (top, bottom): (i32, i32),
    end: f64,
) -> Drawn {
    let side = scale_points / 2;
    let value = |i: usize| shares.options.get(i).copied().flatten().unwrap_or(0.0);
    let neutral = (scale_points % 2 == 1).then(|| value(side));
    let half_hidden = shares.hidden / 2.0;
    // The neutral point: a tick showing above and below the bar, drawn behind it.
    line(area, vec![(CENTRE, top - 3), (CENTRE, bottom + 3)], INK, 1)?;
    if half_hidden > 0.0 {
        hatched(area, (x_of(-half_hidden, end), top), (x_of(half_hidden, end), bottom))?;
    }
    // (from, to, colour, written value): `to` is farther from the centre.
    let mut segments: Vec<(f64, f64, RGBColor, Option<f64>)> = Vec::new();
    let mut left = half_hidden;
    let mut right = half_hidden;
    if let (Some(neutral), Some(&color)) = (neutral, palette.get(side)) {
        segments.push((-left, -left - neutral / 2.0, color, None));
        segments.push((right, right + neutral / 2.0, color, None));
        left += neutral / 2.0;
        right += neutral / 2.0;
    }
    let written = |i: usize| shares.options.get(i).copied().flatten();
    let color = |i: usize| palette.get(i).copied().unwrap_or(AXIS);
    for i in (0..side).rev() {
        segments.push((-left, -left - value(i), color(i), written(i)));
        left += value(i);
    }
    for i in scale_points - side..scale_points {
        segments.push((right, right + value(i), color(i), written(i)));
        right += value(i);
    }
    for &(from, to, color, _) in &segments {
        let (a, b) = (x_of(from, end), x_of(to, end));
        if a != b {
            filled(area, (a.min(b), top), (a.max(b), bottom), color)?;
        }
    }
    // White gaps between neighbours, so each segment stands out against white (at the
    // centre too when nothing sits across it).
    let centre_gap = (neutral.is_none() && half_hidden == 0.0).then_some(CENTRE);
    for x in segments.iter().map(|&(_, to, _, _)| x_of(to, end)).chain(centre_gap) {
        line(area, vec![(x, top), (x, bottom)], WHITE, 1)?;
    }
    if let (Some(neutral), Some(&color)) = (neutral, palette.get(side)) {
        let width = x_of(neutral / 2.0, end) - x_of(-neutral / 2.0, end);
        let label = format!("{neutral:.0}");
        if half_hidden == 0.0 && width >= text_width(&label, 11.0) + 6 {
            let at = (CENTRE, (top + bottom) / 2);
            text(area, &label, at, 11.0, Pos::new(HPos::Center, VPos::Center), text_on(color))?;
        }
    }
    for &(from, to, color, written) in &segments {
        let Some(pct) = written else { continue };
        let (a, b) = (x_of(from, end), x_of(to, end));
        let label = format!("{pct:.0}");
        if (b - a).abs() >= text_width(&label, 11.0) + 6 {
            let at = ((a + b) / 2, (top + bottom) / 2);
            text(area, &label, at, 11.0, Pos::new(HPos::Center, VPos::Center), text_on(color))?;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "diverging_tests.rs"]
mod tests;
