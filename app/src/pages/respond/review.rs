use super::answers::answer_text;
use super::campaign_path;
use super::screen::DraftView;
use crate::i18n::Lang;
use crate::questionnaire_view::text_in;
use crate::respondent::RespondentState;
use crate::shell::PageTitle;
use leptos::prelude::*;

/// "Check your answers": every question shown, the answer given, a link to change it,
/// and the button that submits.
#[component]
pub fn ReviewPage() -> impl IntoView {
    super::campaign_page(review)
}

fn review(state: RespondentState, lang: Lang) -> AnyView {
    let Some((campaign, progress)) = super::still_answering(state, lang) else {
        return ().into_any();
    };
    let id = campaign.public_id.clone();
    let q = &campaign.questionnaire;
    let draft = DraftView::of(q, &progress);
    let (all, visible) = (&draft.screens, &draft.visible);
    let rows = draft
        .shown
        .iter()
        .flat_map(|&index| {
            let screen = &all[index];
            screen
                .item_ids(q)
                .filter_map(|item_id| q.item(item_id))
                .filter(|item| item.kind.is_answerable() && visible.item_visible(&item.id))
                .map(|item| {
                    let question = text_in(&item.text, lang);
                    let answer = draft
                        .answers
                        .get(&item.id)
                        .map(|a| answer_text(item, a, lang))
                        .unwrap_or_else(|| lang.t("review-no-answer"));
                    let change = campaign_path(&id, &format!("/q/{}", index + 1), lang) + &format!("#item-{}", item.id);
                    view! {
                        <div class="review-row">
                            <dt lang=question.lang>{question.text}</dt>
                            <dd>{answer}</dd>
                            <dd class="review-change">
                                <a href=change>
                                    {lang.t("review-change")}
                                    <span class="visually-hidden">" : " {text_in(&item.text, lang).text}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect_view();
    let action = format!("/r/{id}/submit");
    view! {
        <PageTitle text=format!("{} · {}", lang.t("review-title"), campaign.title)/>
        <h1>{lang.t("review-title")}</h1>
        <p>{lang.t("review-intro")}</p>
        <dl class="review-list">{rows}</dl>
        <form method="post" action=action>
            <input type="hidden" name="form_token" value=progress.form_token/>
            <input type="hidden" name="lang" value=lang.tag()/>
            <button type="submit">{lang.t("review-submit")}</button>
        </form>
    }
    .into_any()
}
