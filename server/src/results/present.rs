//! From a campaign's tallies to what its results pages show: panels of sentences,
//! charts and tables, in the page's language, every figure already disclosure-controlled
//! by `analytics` (nothing here looks at a raw count the report did not publish).

use analytics::{Breakdown, CampaignReport, CoEvaluation, Disclosed, Group, ItemReport, ScaleReport, bar_chart_svg};
use app::i18n::Lang;
use app::results::{Chart, Panel, Table};
use survey_defs::{ItemKind, Questionnaire};

use super::tallies::CampaignTallies;
use super::words::{
    count, disclosed_count, disclosed_pct, number, option_label, pct, question, scale_title, score, withheld,
};

/// A bar chart with its table; `None` when there is nothing to draw.
pub fn bars_chart(id: &str, title: &str, x_label: &str, bars: &[(String, f64)]) -> Option<Chart> {
    if bars.is_empty() {
        return None;
    }
    match bar_chart_svg(title, x_label, "", bars) {
        Ok(svg) => Some(Chart {
            id: id.to_string(),
            svg,
            table: Table { caption: title.to_string(), columns: Vec::new(), rows: Vec::new() },
        }),
        Err(err) => {
            tracing::error!(error = %err, chart = id, "chart not drawn");
            None
        }
    }
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
    let mut panel = Panel {
        id: id.clone(),
        heading: heading.clone(),
        heading_lang,
        lines: Vec::new(),
        note: None,
        chart: None,
        table: None,
    };
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
        if let Some(mut chart) = bars_chart(&id, &heading, &lang.t("results-axis-pct"), &bars) {
            chart.table = table(caption, columns, rows);
            panel.chart = Some(chart);
        } else {
            panel.table = Some(table(caption, columns, rows));
        }
    }
    Some(panel)
}

/// One scale's panel: distribution and bands.
pub fn scale_panel(questionnaire: &Questionnaire, report: &ScaleReport, lang: Lang) -> Option<Panel> {
    let scale = questionnaire.scales.iter().find(|s| s.id == report.scale_id)?;
    let (heading, heading_lang) = scale_title(questionnaire, &scale.id, lang);
    let id = format!("scale-{}", scale.id);
    let mut panel = Panel {
        id: id.clone(),
        heading: heading.clone(),
        heading_lang,
        lines: Vec::new(),
        note: scale.caveat.as_ref().map(|c| app::questionnaire_view::text_in(c, lang).text),
        chart: None,
        table: None,
    };
    let figures = match &report.figures {
        Disclosed::Shown(figures) => figures,
        Disclosed::Suppressed { fewer_than } => {
            panel.lines.push(lang.t_args("results-scale-withheld", &[("k", (*fewer_than).into())]));
            return Some(panel);
        }
    };
    panel.lines.push(lang.t_args(
        "results-scored",
        &[("scored", count(figures.scored).into()), ("not_scored", count(figures.not_scored).into())],
    ));
    panel.lines.push(distribution_line(lang, &figures.distribution, |v| score(lang, v)));
    let band_label = |band: usize| {
        scale.bands.get(band).map(|b| app::questionnaire_view::text_in(&b.label, lang).text).unwrap_or_default()
    };
    let rows: Vec<Vec<String>> = figures
        .bands
        .iter()
        .map(|b| vec![band_label(b.band), disclosed_count(lang, &b.count), disclosed_pct(lang, &b.pct)])
        .collect();
    if !rows.is_empty() {
        let bars: Vec<(String, f64)> =
            figures.bands.iter().filter_map(|b| Some((band_label(b.band), *b.pct.shown()?))).collect();
        let columns = vec![lang.t("results-col-band"), lang.t("results-col-count"), lang.t("results-col-pct")];
        let caption = lang.t_args("results-bands-of", &[("scale", heading.clone().into())]);
        if let Some(mut chart) = bars_chart(&id, &heading, &lang.t("results-axis-pct"), &bars) {
            chart.table = table(caption, columns, rows);
            panel.chart = Some(chart);
        } else {
            panel.table = Some(table(caption, columns, rows));
        }
    }
    Some(panel)
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
    }
}

/// Responses per week, as a chart (weeks with fewer than k responses withheld).
pub fn over_time(tallies: &CampaignTallies, k: u32, lang: Lang) -> Option<Chart> {
    let breakdown = tallies.by_week.breakdown(k).ok()?;
    if breakdown.groups.is_empty() {
        return None;
    }
    let q = &tallies.questionnaire;
    let rows: Vec<Vec<String>> = breakdown
        .groups
        .iter()
        .map(|g| vec![group_label(q, None, &g.group, lang), disclosed_count(lang, &g.respondents)])
        .collect();
    let bars: Vec<(String, f64)> = breakdown
        .groups
        .iter()
        .filter_map(|g| {
            #[allow(clippy::cast_precision_loss)] // counts far below 2^53
            let n = *g.respondents.shown()? as f64;
            Some((group_label(q, None, &g.group, lang), n))
        })
        .collect();
    let title = lang.t("results-over-time");
    let mut chart = bars_chart("over-time", &title, &lang.t("results-axis-responses"), &bars)?;
    chart.table = table(title, vec![lang.t("results-col-week"), lang.t("results-col-responses")], rows);
    Some(chart)
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
        let mut chart = bars_chart(&id, &heading, &lang.t("results-axis-mean"), &bars);
        if let Some(chart) = chart.as_mut() {
            chart.table = table(caption.clone(), columns.clone(), rows.clone());
        }
        panels.push(Panel {
            id,
            heading,
            heading_lang,
            lines: Vec::new(),
            note: None,
            table: chart.is_none().then(|| table(caption, columns, rows)),
            chart,
        });
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
        let mut columns = vec![lang.t("results-col-group")];
        columns.extend(codes.iter().map(|c| option_label(definition, c, lang)));
        let rows = item
            .groups
            .iter()
            .zip(&groups)
            .map(|(figures, name)| {
                let mut row = vec![name.clone()];
                match figures {
                    Disclosed::Shown(f) => row.extend(f.options.iter().map(|o| disclosed_pct(lang, &o.pct))),
                    Disclosed::Suppressed { fewer_than } => {
                        row.extend(codes.iter().map(|_| withheld(lang, *fewer_than)));
                    }
                }
                row
            })
            .collect();
        panels.push(Panel {
            id: format!("by-item-{}", item.item_id),
            heading: heading.clone(),
            heading_lang,
            lines: Vec::new(),
            note: None,
            chart: None,
            table: Some(table(lang.t_args("results-by-group-of", &[("what", heading.into())]), columns, rows)),
        });
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
