//! From a campaign's tallies to what its results pages show: panels of sentences,
//! charts and tables, in the page's language, every figure already disclosure-controlled
//! by `analytics` (nothing here looks at a raw count the report did not publish).

use analytics::{
    Breakdown, CampaignReport, CoEvaluation, Disclosed, Group, GroupPanel, HistogramChart, ItemReport, LikertChart,
    LikertRow, Marker, ScaleReport, ScaleSummary, ScoreHistogram, SmallMultiplesChart, TrendChart, TrendPoint,
    bar_chart_svg, histogram_chart, likert_chart, small_multiples_chart, trend_chart,
};
use app::i18n::Lang;
use app::results::{Chart, Panel, Table};
use survey_defs::{ItemKind, Questionnaire};

use super::tallies::CampaignTallies;
use super::words::{
    count, disclosed_count, disclosed_pct, number, option_label, pct, question, scale_title, score, withheld,
};

/// A bar chart carrying `table`, or, when there is nothing to draw (or drawing fails),
/// the table alone: the numbers are always on the page.
fn bars_or_table(panel: &mut Panel, title: &str, x_label: &str, bars: &[(String, f64)], table: Table) {
    let drawn = if bars.is_empty() {
        None
    } else {
        bar_chart_svg(title, x_label, "", bars)
            .inspect_err(|err| tracing::error!(error = %err, chart = panel.id, "chart not drawn"))
            .ok()
    };
    match drawn {
        Some(svg) => panel.chart = Some(Chart { id: panel.id.clone(), svg, table }),
        None => panel.table = Some(table),
    }
}

/// A chart drawn by `analytics`, with its own table, as the page shows it.
fn drawn(id: &str, caption: String, chart: Result<analytics::Chart, analytics::AnalyticsError>) -> Option<Chart> {
    match chart {
        Ok(chart) => Some(Chart {
            id: id.to_string(),
            svg: chart.svg,
            table: Table { caption, columns: chart.text.header, rows: chart.text.table },
        }),
        Err(err) => {
            tracing::error!(error = %err, chart = id, "chart not drawn");
            None
        }
    }
}

/// The "fewer than k" text charts write, `{n}` standing for the bound.
fn withheld_template(lang: Lang) -> String {
    lang.t_args("results-fewer-than", &[("k", "{n}".into())])
}

fn table(caption: String, columns: Vec<String>, rows: Vec<Vec<String>>) -> Table {
    Table { caption, columns, rows }
}

/// "18 answered, 2 without an answer (10 %)".
fn answered_line(lang: Lang, answered: u64, missing: u64, missing_pct: f64) -> String {
    lang.t_args(
        "results-answered",
        &[
            ("answered", count(answered).into()),
            ("missing", count(missing).into()),
            ("pct", pct(lang, missing_pct).into()),
        ],
    )
}

/// Mean, its 95 % confidence interval, SD, median and quartiles in one sentence.
fn distribution_line(lang: Lang, d: &analytics::Distribution, show: impl Fn(f64) -> String) -> String {
    let mut parts = vec![lang.t_args("results-mean", &[("mean", show(d.mean).into())])];
    if let Some((low, high)) = d.mean_ci95 {
        parts.push(lang.t_args("results-ci", &[("low", show(low).into()), ("high", show(high).into())]));
    }
    if let Some(sd) = d.sd {
        parts.push(lang.t_args("results-sd", &[("sd", show(sd).into())]));
    }
    parts.push(lang.t_args(
        "results-median",
        &[("median", show(d.median).into()), ("q1", show(d.q1).into()), ("q3", show(d.q3).into())],
    ));
    parts.join(" · ")
}

/// One item's panel. `with_numbers`: mean, SD and quartiles (staff pages).
pub fn item_panel(questionnaire: &Questionnaire, report: &ItemReport, lang: Lang, with_numbers: bool) -> Option<Panel> {
    let item = questionnaire.item(&report.item_id)?;
    let (heading, heading_lang) = question(item, lang);
    let id = format!("item-{}", item.id);
    let mut panel = Panel::new(id.clone(), heading.clone(), heading_lang);
    let figures = match &report.figures {
        Disclosed::Shown(figures) => figures,
        Disclosed::Suppressed { fewer_than } => {
            panel.lines.push(lang.t_args("results-item-withheld", &[("k", (*fewer_than).into())]));
            return Some(panel);
        }
    };
    panel.lines.push(answered_line(lang, figures.answered, figures.missing, figures.missing_pct));
    if let Some(top) = figures.top_box_pct {
        panel.lines.push(lang.t_args("results-top-box", &[("pct", pct(lang, top).into())]));
    }
    if with_numbers
        && let Some(d) = &figures.distribution
        && matches!(item.kind, ItemKind::Number { .. } | ItemKind::RatingScale { .. })
    {
        panel.lines.push(distribution_line(lang, d, |v| number(lang, v, 1)));
    }
    if let ItemKind::Likert { options } = &item.kind {
        let labels: Vec<String> =
            options.iter().map(|o| app::questionnaire_view::text_in(&o.label, lang).text).collect();
        // Points with a scoring value form the ordered scale; options after them ("don't
        // know") are only in the table.
        let scale_points = options.iter().take_while(|o| o.value.is_some()).count().max(2).min(labels.len());
        let withheld = withheld_template(lang);
        let chart = likert_chart(&LikertChart {
            title: &heading,
            axis_label: &lang.t("results-axis-pct"),
            item_header: &lang.t("results-col-item"),
            options: &labels,
            scale_points,
            withheld: &withheld,
            withheld_legend: &lang.t("results-withheld-legend"),
            rows: &[LikertRow::from_report(&heading, report)],
        });
        let caption = lang.t_args("results-answers-to", &[("question", heading.clone().into())]);
        panel.chart = drawn(&id, caption, chart);
        if panel.chart.is_some() {
            return Some(panel);
        }
    }
    if !figures.options.is_empty() {
        let rows: Vec<Vec<String>> = figures
            .options
            .iter()
            .map(|o| {
                vec![option_label(item, &o.code, lang), disclosed_count(lang, &o.count), disclosed_pct(lang, &o.pct)]
            })
            .collect();
        let bars: Vec<(String, f64)> =
            figures.options.iter().filter_map(|o| Some((option_label(item, &o.code, lang), *o.pct.shown()?))).collect();
        let columns = vec![lang.t("results-col-answer"), lang.t("results-col-count"), lang.t("results-col-pct")];
        let caption = lang.t_args("results-answers-to", &[("question", heading.clone().into())]);
        bars_or_table(&mut panel, &heading, &lang.t("results-axis-pct"), &bars, table(caption, columns, rows));
    }
    Some(panel)
}

/// A respondent's own score, to mark on a scale's histogram.
pub struct OwnScore {
    /// The score.
    pub score: f64,
}

/// One scale's panel: distribution, bands and the histogram of scores (with `own` marked
/// on a respondent's page).
pub fn scale_panel(
    questionnaire: &Questionnaire,
    report: &ScaleReport,
    summary: Option<&ScaleSummary>,
    k: u32,
    lang: Lang,
    own: Option<OwnScore>,
) -> Option<Panel> {
    let scale = questionnaire.scales.iter().find(|s| s.id == report.scale_id)?;
    let (heading, heading_lang) = scale_title(questionnaire, &scale.id, lang);
    let id = format!("scale-{}", scale.id);
    let mut panel = Panel::new(id.clone(), heading.clone(), heading_lang);
    let figures = match &report.figures {
        Disclosed::Shown(figures) => figures,
        Disclosed::Suppressed { fewer_than } => {
            panel.lines.push(lang.t_args("results-scale-withheld", &[("k", (*fewer_than).into())]));
            return Some(panel);
        }
    };
    if own.is_none() {
        panel.note = scale.caveat.as_ref().map(|c| app::questionnaire_view::text_in(c, lang).text);
    }
    panel.lines.push(lang.t_args(
        "results-scored",
        &[("scored", count(figures.scored).into()), ("not_scored", count(figures.not_scored).into())],
    ));
    panel.lines.push(distribution_line(lang, &figures.distribution, |v| score(lang, v)));
    let band_label = |band: usize| {
        scale.bands.get(band).map(|b| app::questionnaire_view::text_in(&b.label, lang).text).unwrap_or_default()
    };
    let band_rows: Vec<Vec<String>> = figures
        .bands
        .iter()
        .map(|b| vec![band_label(b.band), disclosed_count(lang, &b.count), disclosed_pct(lang, &b.pct)])
        .collect();
    if !band_rows.is_empty() {
        panel.table = Some(table(
            lang.t_args("results-bands-of", &[("scale", heading.clone().into())]),
            vec![lang.t("results-col-band"), lang.t("results-col-count"), lang.t("results-col-pct")],
            band_rows,
        ));
    }
    let Some(summary) = summary else { return Some(panel) };
    if let Some(own) = &own
        && let Ok(Disclosed::Shown(position)) = analytics::ScorePosition::locate(summary, own.score, k)
    {
        // A share resting on fewer than k people is withheld: say only what is shown.
        let line = match (position.below_pct.shown(), position.above_pct.shown()) {
            (Some(below), Some(above)) => Some(lang.t_args(
                "results-your-position",
                &[("below", pct(lang, *below).into()), ("above", pct(lang, *above).into())],
            )),
            (Some(below), None) => {
                Some(lang.t_args("results-your-position-below", &[("below", pct(lang, *below).into())]))
            }
            (None, Some(above)) => {
                Some(lang.t_args("results-your-position-above", &[("above", pct(lang, *above).into())]))
            }
            (None, None) => None,
        };
        if let Some(line) = line {
            panel.lines.insert(0, line);
        }
    }
    match ScoreHistogram::from_summary(questionnaire, summary, k) {
        Ok(histogram) if !histogram.is_withheld() => {
            let labels: Vec<String> = (0..histogram.bands.len()).map(band_label).collect();
            let withheld = withheld_template(lang);
            let marker_label =
                own.as_ref().map(|o| lang.t_args("results-you", &[("score", score(lang, o.score).into())]));
            let chart = histogram_chart(&HistogramChart {
                title: &heading,
                x_label: &lang.t("results-axis-score"),
                y_label: &lang.t("results-axis-responses"),
                withheld: &withheld,
                histogram: &histogram,
                band_labels: &labels,
                marker: own.as_ref().zip(marker_label.as_deref()).map(|(o, label)| Marker { score: o.score, label }),
            });
            let caption = lang.t_args("results-distribution-of", &[("scale", heading.clone().into())]);
            panel.chart = drawn(&id, caption, chart);
        }
        Ok(_) => {}
        Err(err) => tracing::error!(error = %err, scale = scale.id, "histogram not computed"),
    }
    Some(panel)
}

/// A scale's mean per month, with its 95 % confidence interval.
pub fn scale_trend_panel(
    questionnaire: &Questionnaire,
    breakdown: &Breakdown,
    scale_id: &str,
    lang: Lang,
) -> Option<Panel> {
    let scale = breakdown.scales.iter().find(|s| s.scale_id == scale_id)?;
    if breakdown.groups.len() < 2 {
        return None;
    }
    let (heading, heading_lang) = scale_title(questionnaire, scale_id, lang);
    let points: Vec<TrendPoint> = breakdown
        .groups
        .iter()
        .zip(&scale.groups)
        .map(|(group, figures)| TrendPoint {
            label: group_label(questionnaire, None, &group.group, lang),
            value: match figures {
                Disclosed::Shown(f) => Disclosed::Shown(f.distribution.mean),
                Disclosed::Suppressed { fewer_than } => Disclosed::Suppressed { fewer_than: *fewer_than },
            },
            ci95: figures.shown().and_then(|f| f.distribution.mean_ci95),
        })
        .collect();
    let title = lang.t_args("results-trend-of", &[("scale", heading.clone().into())]);
    let withheld = withheld_template(lang);
    let id = format!("trend-{scale_id}");
    let chart = trend_chart(&TrendChart {
        title: &title,
        x_label: &lang.t("results-col-month"),
        y_label: &lang.t("results-axis-mean"),
        ci_label: &lang.t("results-col-ci"),
        withheld: &withheld,
        points: &points,
    });
    Some(Panel { chart: drawn(&id, title.clone(), chart), ..Panel::new(id.clone(), title, heading_lang) })
}

/// The name of a group in words.
pub fn group_label(questionnaire: &Questionnaire, by: Option<&str>, group: &Group, lang: Lang) -> String {
    match group {
        Group::Option { code, .. } => match by.and_then(|id| questionnaire.item(id)) {
            Some(item) => option_label(item, code, lang),
            None => code.clone(),
        },
        Group::NotAnswered => lang.t("results-group-not-answered"),
        Group::Week { monday } => {
            let iso = crate::clock::iso_date(Some(i64::from(*monday) * 86_400_000)).unwrap_or_default();
            lang.t_args("results-week-of", &[("date", lang.date(&iso).into())])
        }
        Group::Month { year, month } => format!("{} {year}", lang.t(&format!("month-{month}"))),
        Group::Campaign { name, .. } => name.clone(),
    }
}

/// Responses per week, as a line (weeks with fewer than k responses withheld).
pub fn over_time(tallies: &CampaignTallies, k: u32, lang: Lang) -> Option<Chart> {
    let breakdown = tallies.by_week.breakdown(k).ok()?;
    if breakdown.groups.is_empty() {
        return None;
    }
    let q = &tallies.questionnaire;
    #[allow(clippy::cast_precision_loss)] // counts far below 2^53
    let points: Vec<TrendPoint> = breakdown
        .groups
        .iter()
        .map(|g| TrendPoint {
            label: group_label(q, None, &g.group, lang),
            value: match g.respondents {
                Disclosed::Shown(n) => Disclosed::Shown(n as f64),
                Disclosed::Suppressed { fewer_than } => Disclosed::Suppressed { fewer_than },
            },
            ci95: None,
        })
        .collect();
    let title = lang.t("results-over-time");
    let withheld = withheld_template(lang);
    let chart = trend_chart(&TrendChart {
        title: &title,
        x_label: &lang.t("results-col-week"),
        y_label: &lang.t("results-axis-responses"),
        ci_label: &lang.t("results-col-ci"),
        withheld: &withheld,
        points: &points,
    });
    drawn("over-time", title, chart)
}

/// Figures group by group, one panel per scale then per item with options.
pub fn breakdown_panels(questionnaire: &Questionnaire, breakdown: &Breakdown, by: &str, lang: Lang) -> Vec<Panel> {
    let groups: Vec<String> =
        breakdown.groups.iter().map(|g| group_label(questionnaire, Some(by), &g.group, lang)).collect();
    let mut panels = Vec::new();
    let sizes = breakdown
        .groups
        .iter()
        .zip(&groups)
        .map(|(g, name)| vec![name.clone(), disclosed_count(lang, &g.respondents)])
        .collect();
    panels.push(Panel {
        id: "by-size".to_string(),
        heading: lang.t("results-group-sizes"),
        heading_lang: lang.tag().to_string(),
        lines: Vec::new(),
        note: None,
        chart: None,
        table: Some(table(
            lang.t("results-group-sizes"),
            vec![lang.t("results-col-group"), lang.t("results-col-responses")],
            sizes,
        )),
    });
    for scale in &breakdown.scales {
        let (heading, heading_lang) = scale_title(questionnaire, &scale.scale_id, lang);
        let rows: Vec<Vec<String>> = scale
            .groups
            .iter()
            .zip(&groups)
            .map(|(figures, name)| match figures {
                Disclosed::Shown(f) => vec![
                    name.clone(),
                    count(f.scored),
                    score(lang, f.distribution.mean),
                    f.distribution
                        .mean_ci95
                        .map(|(l, h)| format!("{} – {}", score(lang, l), score(lang, h)))
                        .unwrap_or_default(),
                    score(lang, f.distribution.median),
                ],
                Disclosed::Suppressed { fewer_than } => {
                    vec![name.clone(), withheld(lang, *fewer_than), String::new(), String::new(), String::new()]
                }
            })
            .collect();
        let bars: Vec<(String, f64)> = scale
            .groups
            .iter()
            .zip(&groups)
            .filter_map(|(f, name)| Some((name.clone(), f.shown()?.distribution.mean.max(0.0))))
            .collect();
        let id = format!("by-scale-{}", scale.scale_id);
        let caption = lang.t_args("results-by-group-of", &[("what", heading.clone().into())]);
        let columns = vec![
            lang.t("results-col-group"),
            lang.t("results-col-scored"),
            lang.t("results-col-mean"),
            lang.t("results-col-ci"),
            lang.t("results-col-median"),
        ];
        let mut panel = Panel::new(id, heading.clone(), heading_lang);
        bars_or_table(&mut panel, &heading, &lang.t("results-axis-mean"), &bars, table(caption, columns, rows));
        panels.push(panel);
    }
    for item in &breakdown.items {
        let Some(definition) = questionnaire.item(&item.item_id) else { continue };
        if item.item_id == by || definition.kind.options().is_empty() && !matches!(definition.kind, ItemKind::YesNo) {
            continue;
        }
        let (heading, heading_lang) = question(definition, lang);
        let codes: Vec<String> = item
            .groups
            .iter()
            .find_map(|g| g.shown().map(|f| f.options.iter().map(|o| o.code.clone()).collect()))
            .unwrap_or_default();
        if codes.is_empty() {
            continue;
        }
        let categories: Vec<String> = codes.iter().map(|c| option_label(definition, c, lang)).collect();
        let panels_of_groups: Vec<GroupPanel> = item
            .groups
            .iter()
            .zip(&groups)
            .map(|(figures, name)| GroupPanel {
                name: name.clone(),
                values: match figures {
                    Disclosed::Shown(f) => Disclosed::Shown(f.options.iter().map(|o| o.pct).collect()),
                    Disclosed::Suppressed { fewer_than } => Disclosed::Suppressed { fewer_than: *fewer_than },
                },
            })
            .collect();
        let id = format!("by-item-{}", item.item_id);
        let caption = lang.t_args("results-by-group-of", &[("what", heading.clone().into())]);
        let withheld = withheld_template(lang);
        let chart = small_multiples_chart(&SmallMultiplesChart {
            title: &heading,
            x_label: &lang.t("results-axis-pct"),
            group_header: &lang.t("results-col-group"),
            withheld: &withheld,
            categories: &categories,
            groups: &panels_of_groups,
        });
        panels.push(Panel { chart: drawn(&id, caption, chart), ..Panel::new(id.clone(), heading, heading_lang) });
    }
    panels
}

/// The co-evaluation panels: reliability per scale, then how each item worked.
pub fn co_evaluation_panels(questionnaire: &Questionnaire, co: &CoEvaluation, lang: Lang) -> Vec<Panel> {
    let mut panels = Vec::new();
    let maybe = |v: Option<f64>, d: usize| v.map(|v| number(lang, v, d)).unwrap_or_else(|| "–".to_string());
    for scale in &co.scales {
        let (heading, heading_lang) = scale_title(questionnaire, &scale.scale_id, lang);
        let mut lines = Vec::new();
        let mut rows = Vec::new();
        match &scale.reliability {
            Some(Disclosed::Shown(r)) => {
                lines.push(lang.t_args(
                    "results-alpha",
                    &[("alpha", maybe(r.alpha, 2).into()), ("n", count(r.complete_cases).into())],
                ));
                for total in &r.items {
                    let label = questionnaire
                        .item(&total.item_id)
                        .map_or_else(|| total.item_id.clone(), |i| question(i, lang).0);
                    rows.push(vec![label, maybe(total.corrected_item_total, 2), maybe(total.alpha_if_deleted, 2)]);
                }
            }
            Some(Disclosed::Suppressed { fewer_than }) => {
                lines.push(lang.t_args("results-alpha-withheld", &[("k", (*fewer_than).into())]));
            }
            None => {}
        }
        if let Disclosed::Shown(fc) = &scale.floor_ceiling {
            for (key, share) in [("results-floor", &fc.floor), ("results-ceiling", &fc.ceiling)] {
                if let Disclosed::Shown(share) = share {
                    let flag = if share.flagged { lang.t("results-flag-over-15") } else { String::new() };
                    lines.push(
                        format!("{} {flag}", lang.t_args(key, &[("pct", pct(lang, share.pct).into())]))
                            .trim()
                            .to_string(),
                    );
                }
            }
        }
        panels.push(Panel {
            id: format!("quality-scale-{}", scale.scale_id),
            heading,
            heading_lang,
            lines,
            note: None,
            chart: None,
            table: (!rows.is_empty()).then(|| {
                table(
                    lang.t("results-item-total-caption"),
                    vec![
                        lang.t("results-col-item"),
                        lang.t("results-col-item-total"),
                        lang.t("results-col-alpha-if-deleted"),
                    ],
                    rows,
                )
            }),
        });
    }
    let flag = |flagged: bool| if flagged { " ⚑".to_string() } else { String::new() };
    let rows: Vec<Vec<String>> = co
        .items
        .iter()
        .filter_map(|quality| {
            let item = questionnaire.item(&quality.item_id)?;
            let label = question(item, lang).0;
            Some(match &quality.figures {
                Disclosed::Shown(f) => vec![
                    label,
                    format!("{}{}", pct(lang, f.missing_share.pct), flag(f.missing_share.flagged)),
                    f.dont_know_pct.as_ref().map(|d| disclosed_pct(lang, d)).unwrap_or_default(),
                    f.floor.as_ref().map(|s| format!("{}{}", pct(lang, s.pct), flag(s.flagged))).unwrap_or_default(),
                    f.ceiling.as_ref().map(|s| format!("{}{}", pct(lang, s.pct), flag(s.flagged))).unwrap_or_default(),
                    f.free_texts.map(count).unwrap_or_default(),
                ],
                Disclosed::Suppressed { fewer_than } => {
                    vec![label, withheld(lang, *fewer_than), String::new(), String::new(), String::new(), String::new()]
                }
            })
        })
        .collect();
    let mut lines = Vec::new();
    if let Some(most) = co.most_skipped.first() {
        let label = questionnaire.item(&most.item_id).map_or_else(|| most.item_id.clone(), |i| question(i, lang).0);
        lines.push(
            lang.t_args("results-most-skipped", &[("question", label.into()), ("pct", pct(lang, most.pct).into())]),
        );
    }
    if let Some(most) = co.most_dont_know.first() {
        let label = questionnaire.item(&most.item_id).map_or_else(|| most.item_id.clone(), |i| question(i, lang).0);
        lines.push(
            lang.t_args("results-most-dont-know", &[("question", label.into()), ("pct", pct(lang, most.pct).into())]),
        );
    }
    panels.push(Panel {
        id: "quality-items".to_string(),
        heading: lang.t("results-quality-items"),
        heading_lang: lang.tag().to_string(),
        lines,
        note: Some(lang.t("results-flags-explained")),
        chart: None,
        table: Some(table(
            lang.t("results-quality-items"),
            vec![
                lang.t("results-col-item"),
                lang.t("results-col-missing"),
                lang.t("results-col-dont-know"),
                lang.t("results-col-floor"),
                lang.t("results-col-ceiling"),
                lang.t("results-col-free-texts"),
            ],
            rows,
        )),
    });
    panels
}

/// Every item panel of a report (free-text items excepted when `respondent_view`: nobody
/// reads others' free text on a respondent page).
pub fn item_panels(
    questionnaire: &Questionnaire,
    report: &CampaignReport,
    lang: Lang,
    respondent_view: bool,
) -> Vec<Panel> {
    report
        .items
        .iter()
        .filter(|item| {
            let kind = questionnaire.item(&item.item_id).map(|i| &i.kind);
            !respondent_view
                || kind.is_some_and(|k| {
                    !k.options().is_empty() || matches!(k, ItemKind::YesNo | ItemKind::RatingScale { .. })
                })
        })
        .filter_map(|item| item_panel(questionnaire, item, lang, !respondent_view))
        .collect()
}
