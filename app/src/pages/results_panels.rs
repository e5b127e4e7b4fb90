//! How results are laid out, on the respondent's return page and the staff results
//! page alike: a panel is a heading, sentences of figures, and a chart whose numbers
//! are repeated in a table beneath it (the chart is never their only carrier).

use crate::results::{Chart, Panel, Table};
use leptos::prelude::*;

/// A table of figures, scrollable sideways on a narrow screen without the page scrolling.
#[component]
pub fn FiguresTable(table: Table, id: String) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    let region_label = caption_id.clone();
    let mut columns = table.columns.into_iter();
    let first = columns.next().unwrap_or_default();
    let rest: Vec<String> = columns.collect();
    view! {
        <div class="table-scroll" role="region" aria-labelledby=region_label tabindex="0">
            <table class="data-table figures">
                <caption id=caption_id>{table.caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        {rest.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table.rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let label = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{label}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A chart (server-drawn SVG) with its table, and optionally a link to download it.
#[component]
pub fn ChartFigure(chart: Chart, download: Option<String>, download_label: String) -> impl IntoView {
    let id = chart.id.clone();
    view! {
        <figure class="chart">
            // The SVG is drawn by the server from escaped labels (analytics::charts).
            <div class="chart-svg" inner_html=chart.svg></div>
            <figcaption class="visually-hidden">{chart.table.caption.clone()}</figcaption>
            {download.map(|href| view! { <p class="chart-download"><a href=href download="">{download_label}</a></p> })}
        </figure>
        <FiguresTable table=chart.table id=format!("table-{id}")/>
    }
    .into_any()
}

/// Builds a chart's download address from its id.
pub type ChartLink = std::sync::Arc<dyn Fn(&str) -> String + Send + Sync>;

/// One panel; `level` is its heading level (2 or 3); `download` builds a chart's
/// download address from its id.
#[component]
pub fn PanelView(
    panel: Panel,
    level: u8,
    #[prop(optional)] download: Option<ChartLink>,
    #[prop(optional)] download_label: String,
) -> impl IntoView {
    let heading_id = format!("{}-heading", panel.id);
    let heading = if level <= 2 {
        view! { <h2 id=heading_id.clone() lang=panel.heading_lang.clone()>{panel.heading.clone()}</h2> }.into_any()
    } else {
        view! { <h3 id=heading_id.clone() lang=panel.heading_lang.clone()>{panel.heading.clone()}</h3> }.into_any()
    };
    let chart = panel.chart.map(|chart| {
        let href = download.as_ref().map(|f| f(&chart.id));
        view! { <ChartFigure chart download=href download_label=download_label.clone()/> }.into_any()
    });
    let id = panel.id.clone();
    view! {
        <section class="result-panel" id=panel.id aria-labelledby=heading_id>
            {heading}
            {panel.lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            {panel.note.map(|note| view! { <p class="caveat">{note}</p> })}
            {chart}
            {panel.table.map(|table| view! { <FiguresTable table id=format!("table-{id}")/> })}
        </section>
    }
    .into_any()
}
