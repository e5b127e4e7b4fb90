use crate::catalog::{CatalogEntry, list_library};
use crate::i18n::Lang;
use crate::shell::PageTitle;
use crate::shell::{href, use_page};
use leptos::prelude::*;

/// The home page: what Boucle is, and the questionnaire library.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_page().lang;
    let library = Resource::new(|| (), |_| list_library());
    view! {
        <PageTitle text=format!("{} · Boucle", lang.t("library-title"))/>
        <h1>{lang.t("library-title")}</h1>
        <p class="lead">{lang.t("library-intro")}</p>
        <Suspense fallback=move || view! { <p>{lang.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match library.await {
                    Ok(entries) if entries.is_empty() => view! { <p>{lang.t("library-empty")}</p> }.into_any(),
                    Ok(entries) => view! {
                        <ul class="card-list">
                            {entries.into_iter().map(|entry| view! { <LibraryCard entry lang/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(_) => {
                        super::set_status(503);
                        view! { <p class="error-message" role="alert">{lang.t("service-unavailable")}</p> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn LibraryCard(entry: CatalogEntry, lang: Lang) -> impl IntoView {
    let title = entry.title.get(lang.tag()).to_string();
    let text_lang = if entry.title.languages().any(|l| l == lang.tag()) { lang.tag() } else { "fr" };
    let link = href(&format!("/questionnaires/{}", entry.id), lang);
    let questions = lang.t_args("library-item-count", &[("count", entry.question_count.into())]);
    let co_design = (entry.patient_partner_count > 0).then(|| {
        lang.t_args(
            "library-co-designed",
            &[("partners", entry.patient_partner_count.into()), ("total", entry.co_author_count.into())],
        )
    });
    let languages = entry.languages.join(", ").to_uppercase();
    view! {
        <li class="card">
            <h2 class="card-title"><a href=link lang=text_lang>{title}</a></h2>
            <p class="card-meta">
                <span class="badge">{super::kind_label(&entry.kind, lang)}</span>
                " · " {questions}
                " · " <span>{lang.t("library-languages")} " " {languages}</span>
                " · " <span>{lang.t("version")} " " {entry.version}</span>
            </p>
            {co_design.map(|text| view! { <p class="card-meta">{text}</p> })}
        </li>
    }
}
