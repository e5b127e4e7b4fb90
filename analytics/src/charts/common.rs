//! What every chart shares: sizes, colours and their contrast, number formatting, text
//! fitting, hatching of withheld figures, input checks, and the accessible SVG header.

use plotters::prelude::{DrawingArea, IntoFont, PathElement, RGBColor, Rectangle, SVGBackend, ShapeStyle, Text};
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::disclosure::Disclosed;
use crate::error::AnalyticsError;

/// Width of every chart: a phone screen.
pub(super) const WIDTH: u32 = 360;
/// Left margin: room for the rotated y-axis label.
pub(super) const LEFT: i32 = 24;
/// Right margin.
pub(super) const RIGHT: i32 = 16;
/// Width of the plotting area.
pub(super) const PLOT_WIDTH: i32 = 360 - LEFT - RIGHT;
/// Top of the plotting area, below the title.
pub(super) const TOP: i32 = 34;

/// Dark blue on white: contrast 6.8:1 (WCAG 1.4.11 asks 3:1 for graphics).
pub(super) const BAR: RGBColor = RGBColor(0x1f, 0x5f, 0x8b);
/// Text.
pub(super) const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// Axes and tick labels: 7.0:1 on white.
pub(super) const AXIS: RGBColor = RGBColor(0x59, 0x59, 0x59);
/// Background.
pub(super) const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Text on light segments.
pub(super) const BLACK: RGBColor = RGBColor(0, 0, 0);
/// Outline and hatching of withheld figures: grey, 4.5:1 on white, unlike any data colour.
pub(super) const WITHHELD: RGBColor = RGBColor(0x76, 0x76, 0x76);

/// A drawing step; plotters' errors become text for [`AnalyticsError::Chart`].
pub(super) type Drawn = Result<(), String>;

/// The drawing area of a chart.
pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Text anchored at its top-left corner.
pub(super) fn top_left() -> Pos {
    Pos::new(HPos::Left, VPos::Top)
}

/// A value as shown: whole numbers without decimals, others with one.
pub(super) fn format_value(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// A score or bound as shown: up to two decimals, trailing zeros dropped.
pub(super) fn format_score(value: f64) -> String {
    let text = format!("{:.2}", (value * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// The caller's "fewer than k" text for a withheld figure: every `{n}` in `template` is
/// replaced by the bound `fewer_than` ("moins de {n}" → "moins de 5"); a template without
/// `{n}` is used as it is.
pub fn withheld_text(template: &str, fewer_than: u32) -> String {
    template.replace("{n}", &fewer_than.to_string())
}

/// The text of a disclosed figure: the figure formatted, or the caller's withheld text.
pub(super) fn disclosed_text<T>(figure: &Disclosed<T>, template: &str, format: impl Fn(&T) -> String) -> String {
    match figure {
        Disclosed::Shown(value) => format(value),
        Disclosed::Suppressed { fewer_than } => withheld_text(template, *fewer_than),
    }
}

/// Estimated width in pixels of `text` at `size` pixels per em (average glyph width about
/// 0.55 em for sans-serif faces).
pub(super) fn text_width(text: &str, size: f64) -> i32 {
    px(0.55 * size * f64::from(u32::try_from(text.chars().count()).unwrap_or(u32::MAX)))
}

/// `text` cut with an ellipsis to fit `width` pixels at `size` pixels per em.
pub(super) fn fit(text: &str, size: f64, width: i32) -> String {
    let fits = (f64::from(width) / (0.55 * size)).floor();
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
pub(super) fn nice_ceiling(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&end| end >= max).unwrap_or(10.0 * magnitude)
}

/// A value axis covering `low..=high` with at most five steps of 1, 2 or 5 × 10^n:
/// `(start, end, step)`, start and end multiples of the step. Starts at 0 when every value
/// is positive and 0 is near (counts, shares).
pub(super) fn nice_axis(low: f64, high: f64) -> (f64, f64, f64) {
    let high = high.max(low);
    let low = if low >= 0.0 && (low <= high - low || low == high) { 0.0 } else { low };
    let high = if high > low { high } else { low + low.abs().max(1.0) };
    let step = nice_ceiling((high - low) / 5.0);
    let start = (low / step).floor() * step;
    let end = ((high / step).ceil() * step).max(start + step);
    (start, end, step)
}

/// The multiples of `step` from `low` to `high` (both included when they are multiples),
/// computed by index so that rounding does not accumulate.
pub(super) fn ticks(low: f64, high: f64, step: f64) -> Vec<f64> {
    if !(step > 0.0 && low.is_finite() && high.is_finite()) {
        return Vec::new();
    }
    let first = (low / step - 1e-9).ceil();
    let last = (high / step + 1e-9).floor();
    // A handful of ticks: the axis spans a few steps.
    #[allow(clippy::cast_possible_truncation)]
    let count = (last - first).clamp(-1.0, 1000.0) as i32;
    (0..=count).map(|i| (first + f64::from(i)) * step).collect()
}

/// Characters XML 1.0 does not allow (controls other than tab, line feed and carriage
/// return) removed: a label pasted with a stray control character must not make the SVG
/// unreadable.
pub(super) fn clean(text: &str) -> String {
    text.chars().filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r')).collect()
}

/// `text` escaped for XML content and attributes, invalid characters removed.
pub(super) fn xml_escape(text: &str) -> String {
    clean(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Pixel coordinates: small integers.
#[allow(clippy::cast_possible_truncation)]
pub(super) fn px(x: f64) -> i32 {
    x.round().clamp(-1e6, 1e6) as i32
}

/// A count as the `f64` a scale needs (counts are far below 2^53: exact).
#[allow(clippy::cast_precision_loss)]
pub(super) fn count_f64(n: u64) -> f64 {
    n as f64
}

/// Draws `s` with its anchor `pos` at `at`, `size` pixels per em.
pub(super) fn text(area: &Area<'_>, s: &str, at: (i32, i32), size: f64, pos: Pos, color: RGBColor) -> Drawn {
    // plotters writes font-size = size / 1.24 in SVG; ask for the pixel size we mean.
    let style = ("sans-serif", size * 1.24).into_font().color(&color).pos(pos);
    area.draw(&Text::new(clean(s), at, style)).map_err(|e| e.to_string())
}

/// Draws `s` turned a quarter left (a y-axis label), centred on `at`.
pub(super) fn vertical_text(area: &Area<'_>, s: &str, at: (i32, i32), size: f64) -> Drawn {
    let style = ("sans-serif", size * 1.24)
        .into_font()
        .transform(FontTransform::Rotate270)
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(clean(s), at, style)).map_err(|e| e.to_string())
}

/// A filled rectangle.
pub(super) fn filled(area: &Area<'_>, from: (i32, i32), to: (i32, i32), color: RGBColor) -> Drawn {
    area.draw(&Rectangle::new([from, to], ShapeStyle::from(&color).filled())).map_err(|e| e.to_string())
}

/// A polyline.
pub(super) fn line(area: &Area<'_>, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Drawn {
    area.draw(&PathElement::new(points, ShapeStyle::from(&color).stroke_width(width))).map_err(|e| e.to_string())
}

/// A withheld figure: the rectangle outlined in grey and hatched with diagonal lines
/// 6 px apart, so it reads as "nothing to show here" rather than as a value.
pub(super) fn hatched(area: &Area<'_>, (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Drawn {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    let (y0, y1) = (y0.min(y1), y0.max(y1));
    let outline = ShapeStyle::from(&WITHHELD).stroke_width(1);
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], outline)).map_err(|e| e.to_string())?;
    // Lines x + y = c, clipped to the rectangle.
    let mut c = x0 + y0 + 6;
    while c < x1 + y1 {
        let start = (c - y1).max(x0);
        let end = (c - y0).min(x1);
        if start < end {
            line(area, vec![(start, c - start), (end, c - end)], WITHHELD, 1)?;
        }
        c += 6;
    }
    Ok(())
}

/// Puts `role="img"`, `<title>` and `<desc>` (escaped) at the start of the `<svg>`
/// element plotters wrote.
pub(super) fn accessible(mut svg: String, title: &str, description: &str) -> Result<String, AnalyticsError> {
    let head = format!(" role=\"img\"><title>{}</title><desc>{}</desc>", xml_escape(title), xml_escape(description));
    match svg.find("<svg").and_then(|start| svg[start..].find('>').map(|end| start + end)) {
        Some(close) => svg.replace_range(close..=close, &head),
        None => return Err(AnalyticsError::Chart("no <svg> element written".to_owned())),
    }
    Ok(svg)
}

/// Fails with [`AnalyticsError::Chart`] naming `what` when `value` is not finite.
pub(super) fn finite(what: impl FnOnce() -> String, value: f64) -> Result<f64, AnalyticsError> {
    if value.is_finite() { Ok(value) } else { Err(AnalyticsError::Chart(format!("{} is {value}", what()))) }
}

/// Fails when `value` is not finite or is negative.
pub(super) fn not_negative(what: impl FnOnce() -> String, value: f64) -> Result<f64, AnalyticsError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(AnalyticsError::Chart(format!("{} is {value}; it must be a finite number, not negative", what())))
    }
}

/// Relative luminance of an sRGB colour (WCAG 2.2 definition).
pub(super) fn luminance(color: RGBColor) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
}

/// Contrast ratio of two colours, 1 to 21 (WCAG 2.2).
pub(super) fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// White or black, whichever contrasts more with `background` (text written on it).
pub(super) fn text_on(background: RGBColor) -> RGBColor {
    if contrast(WHITE, background) >= contrast(BLACK, background) { WHITE } else { BLACK }
}

/// Linear interpolation of two colours in sRGB.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    // A weighted mean of two bytes stays within 0..=255.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

/// Darkest and lightest colours of the negative (orange-brown) side.
const NEGATIVE: (RGBColor, RGBColor) = (RGBColor(0x7f, 0x3b, 0x08), RGBColor(0xd0, 0x6a, 0x1a));
/// Darkest and lightest colours of the positive (blue) side.
const POSITIVE: (RGBColor, RGBColor) = (RGBColor(0x08, 0x30, 0x6b), RGBColor(0x4a, 0x84, 0xc8));
/// The neutral point: grey, 4.5:1 on white.
pub(super) const NEUTRAL: RGBColor = RGBColor(0x76, 0x76, 0x76);

/// Colours of the `points` of an ordered scale, from the most negative to the most
/// positive: orange-brown, then grey for a middle (neutral) point, then blue — a pair of
/// hues told apart with every common colour-vision deficiency. Darker towards the ends.
/// Every colour has at least 3:1 contrast with white (WCAG 1.4.11): the lightest
/// colours of both sides do (3.6:1 and 3.9:1), and luminance is convex along a straight
/// line in sRGB, so no colour mixed between two of them is lighter than both.
pub(super) fn diverging_palette(points: usize) -> Vec<RGBColor> {
    let side = points / 2;
    let shade = |(dark, light): (RGBColor, RGBColor), i: usize| {
        // i = 0 is the point next to the centre (lightest).
        #[allow(clippy::cast_precision_loss)]
        let t = if side <= 1 { 0.5 } else { i as f64 / (side - 1) as f64 };
        mix(light, dark, t)
    };
    let negative = (0..side).rev().map(|i| shade(NEGATIVE, i));
    let neutral = (points % 2 == 1).then_some(NEUTRAL);
    let positive = (0..side).map(|i| shade(POSITIVE, i));
    negative.chain(neutral).chain(positive).collect()
}

#[cfg(test)]
pub(super) mod test_support {
    //! Checks every chart's SVG must pass.

    /// One root `<svg>` element, closed at the very end, with `role="img"`, one
    /// `<title>` and one `<desc>`, every tag closed, and no raw `<` or `&` in text.
    pub fn assert_well_formed(svg: &str) {
        assert_eq!(svg.matches("<svg").count(), 1, "{svg}");
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg}");
        assert_eq!(svg.matches("role=\"img\"").count(), 1);
        assert_eq!(svg.matches("<title>").count(), 1);
        assert_eq!(svg.matches("<desc>").count(), 1);
        // Every `<` opens a tag: a name or `/`, and every tag is closed by `>`.
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "stray '>' in {text:?}");
            for (i, _) in text.match_indices('&') {
                let entity = &text[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| entity.starts_with(e)),
                    "raw '&' in {text:?}"
                );
            }
            let close = rest[open..].find('>').map(|c| open + c).expect("tag closed");
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "'<' inside tag {tag:?}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "{svg}");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().expect("tag name");
                stack.push(name.to_owned());
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
    }

    /// Label with markup and an ampersand, to check escaping.
    pub const HOSTILE: &str = "<script>alert(1)</script> & \"co\"";

    /// How [`HOSTILE`] must appear in the SVG.
    pub const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;";
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn formatting_and_fitting() {
        assert_eq!(format_value(12.0), "12");
        assert_eq!(format_value(30.54), "30.5");
        assert_eq!(format_value(99.96), "100");
        assert_eq!(format_score(9.43), "9.43");
        assert_eq!(format_score(4.5), "4.5");
        assert_eq!(format_score(27.0), "27");
        assert_eq!(format_score(-0.001), "0");
        assert_eq!(nice_ceiling(87.0), 100.0);
        assert_eq!(nice_ceiling(30.5), 50.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_axis(0.0, 87.0), (0.0, 100.0, 20.0));
        assert_eq!(nice_axis(3.0, 17.0), (0.0, 20.0, 5.0));
        assert_eq!(nice_axis(12.0, 14.0), (12.0, 14.0, 0.5));
        assert_eq!(nice_axis(-3.0, 2.0), (-3.0, 2.0, 1.0));
        assert_eq!(nice_axis(5.0, 5.0), (0.0, 5.0, 1.0));
        assert_eq!(nice_axis(0.0, 0.0), (0.0, 1.0, 0.2));
        assert_eq!(ticks(-0.5, 27.5, 5.0), vec![0.0, 5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(ticks(0.0, 1.0, 0.2).len(), 6);
        assert_eq!(ticks(1.0, 5.0, 1.0), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert!(ticks(0.0, 1.0, 0.0).is_empty());
        assert_eq!(fit("abcdef", 10.0, 22), "abc…");
        assert_eq!(fit("abc", 10.0, 22), "abc");
        assert_eq!(withheld_text("moins de {n}", 5), "moins de 5");
        assert_eq!(withheld_text("fewer than 5", 12), "fewer than 5");
        assert_eq!(xml_escape("a<b & 'c'\u{1}"), "a&lt;b &amp; &apos;c&apos;");
    }

    #[test]
    fn palette_contrasts_with_white_and_carries_readable_text() {
        for points in 2..=11 {
            let palette = diverging_palette(points);
            assert_eq!(palette.len(), points);
            for (i, &color) in palette.iter().enumerate() {
                let on_white = contrast(color, WHITE);
                assert!(on_white >= 3.0, "{points} points, colour {i}: {on_white:.2}:1");
                // Text written on a segment: WCAG 1.4.3 asks 4.5:1.
                assert!(contrast(text_on(color), color) >= 4.5, "{points} points, colour {i}");
            }
            // Neighbours differ, and the two sides mirror in lightness.
            assert!(palette.windows(2).all(|w| w[0] != w[1]));
        }
        assert_eq!(diverging_palette(5)[2], NEUTRAL);
        assert_eq!(diverging_palette(4)[0], NEGATIVE.0);
        assert_eq!(diverging_palette(4)[3], POSITIVE.0);
        // Hand-checked: #1F5F8B on white is 6.84:1, #767676 is 4.54:1.
        assert!((contrast(BAR, WHITE) - 6.84).abs() < 0.01);
        assert!((contrast(NEUTRAL, WHITE) - 4.54).abs() < 0.01);
    }
}
