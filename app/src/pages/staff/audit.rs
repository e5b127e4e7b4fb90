//! The audit log, for admins: newest first, filtered by kind of action, with the
//! verdict of the hash chain.

use super::{StaffBar, staff_page};
use crate::shell::PageTitle;
use crate::staff::{AuditPage, load_audit_page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/equipe/journal`.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let action = query.with_untracked(|q| q.get("action").unwrap_or_default());
    let filter = action.clone();
    staff_page(
        move || load_audit_page(filter.clone()),
        move |page: AuditPage, lang| {
            let action = action.clone();
            view! {
            <PageTitle text=format!("{} · Boucle", lang.t("audit-title"))/>
            <StaffBar viewer=page.viewer lang/>
            <h1>{lang.t("audit-title")}</h1>
            {match page.first_broken {
                None => view! { <p class="notice" role="status">{lang.t("audit-chain-ok")}</p> }.into_any(),
                Some(id) => view! {
                    <p class="error-summary" role="alert">{lang.t_args("audit-chain-broken", &[("id", id.into())])}</p>
                }.into_any(),
            }}
            <form method="get" action="/equipe/journal" class="inline-form">
                <input type="hidden" name="lang" value=lang.tag()/>
                <div class="field">
                    <label for="action">{lang.t("audit-filter")}</label>
                    <p class="hint" id="action-hint">{lang.t("audit-filter-hint")}</p>
                    <input id="action" name="action" type="text" value=action aria-describedby="action-hint"/>
                </div>
                <button type="submit" class="button-secondary">{lang.t("audit-filter-submit")}</button>
            </form>
            {if page.entries.is_empty() {
                view! { <p>{lang.t("audit-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" role="region" aria-labelledby="audit-caption" tabindex="0">
                        <table class="data-table">
                            <caption id="audit-caption">{lang.t("audit-caption")}</caption>
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{lang.t("audit-when")}</th>
                                <th scope="col">{lang.t("audit-who")}</th>
                                <th scope="col">{lang.t("audit-what")}</th>
                                <th scope="col">{lang.t("audit-subject")}</th>
                            </tr></thead>
                            <tbody>
                                {page.entries.into_iter().map(|e| view! {
                                    <tr>
                                        <td>{e.id}</td>
                                        <td>{e.occurred_at}</td>
                                        <td>{e.actor}</td>
                                        <td><code>{e.action}</code></td>
                                        <td>{e.subject}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        }
        .into_any()
        },
    )
}
