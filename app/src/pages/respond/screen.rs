use super::{campaign_path, problem_message, redirect};
use crate::i18n::Lang;
use crate::islands::AnswerKeeper;
use crate::questionnaire_view::{FieldState, ItemField, text_in};
use crate::respondent::{Progress, RespondentState};
use crate::shell::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;
use survey_defs::{Answers, Questionnaire, Screen, Visibility, screens, visibility};

/// One screen of questions (`/r/{campaign}/q/{n}`), with the answers already given and
/// the problems of the last attempt.
#[component]
pub fn ScreenPage() -> impl IntoView {
    let params = use_params_map();
    let number = params.with_untracked(|p| p.get("number").and_then(|n| n.parse::<usize>().ok()).unwrap_or(0));
    super::campaign_page(move |state, lang| screen_or_redirect(state, number, lang))
}

/// The draft as the pages need it, derived once per page: the valid answers so far,
/// what they make visible, and the screens that are shown.
pub(super) struct DraftView {
    /// The valid answers among those typed so far.
    pub answers: Answers,
    /// Which sections and items those answers show.
    pub visible: Visibility,
    /// Every screen of the questionnaire.
    pub screens: Vec<Screen>,
    /// Indexes into `screens` of the screens shown.
    pub shown: Vec<usize>,
}

impl DraftView {
    pub(super) fn of(q: &Questionnaire, progress: &Progress) -> DraftView {
        let screens = screens(q);
        let raw = survey_defs::raw_from_form(q, &progress.raw_answers);
        let answers = survey_defs::check_partial(q, &raw).answers;
        let visible = visibility(q, &answers);
        let shown = (0..screens.len()).filter(|&i| screens[i].is_visible(q, &visible)).collect();
        DraftView { answers, visible, screens, shown }
    }
}

fn screen_or_redirect(state: RespondentState, number: usize, lang: Lang) -> AnyView {
    let Some((campaign, progress)) = super::still_answering(state, lang) else {
        return ().into_any();
    };
    let id = campaign.public_id.clone();
    let q = campaign.questionnaire.clone();
    let DraftView { screens: all, shown, visible, .. } = DraftView::of(&q, &progress);
    let index = number.wrapping_sub(1);
    if index >= all.len() {
        return view! { <crate::pages::NotFoundPage/> }.into_any();
    }
    if !shown.contains(&index) {
        // Hidden by earlier answers: go on to the next screen that is shown.
        match shown.iter().find(|&&i| i > index) {
            Some(next) => redirect(&campaign_path(&id, &format!("/q/{}", next + 1), lang)),
            None => redirect(&campaign_path(&id, "/review", lang)),
        }
        return ().into_any();
    }
    let step = shown.iter().position(|&i| i == index).map_or(1, |p| p + 1);
    let previous = shown
        .iter()
        .rev()
        .find(|&&i| i < index)
        .map_or_else(|| campaign_path(&id, "", lang), |p| campaign_path(&id, &format!("/q/{}", p + 1), lang));
    let screen = all[index].clone();
    view! {
        <ScreenForm
            campaign=id
            title=campaign.title
            questionnaire=q
            screen
            number=index + 1
            step
            steps=shown.len()
            progress
            visible
            previous
            lang
        />
    }
    .into_any()
}

/// The messages of the problems one answer can have, by problem key, as the server words them.
fn answer_messages(lang: Lang) -> Vec<(String, String)> {
    use survey_defs::ProblemCode::*;
    [WrongType, UnknownOption, OutOfRange, TooLong, TooManySelected, TooFewSelected, InvalidNumber, InvalidDate]
        .into_iter()
        .map(|code| (code.key(), lang.t(&format!("problem-{}", code.key().replace('_', "-")))))
        .collect()
}

#[component]
fn ScreenForm(
    campaign: String,
    title: String,
    questionnaire: Questionnaire,
    screen: Screen,
    number: usize,
    step: usize,
    steps: usize,
    progress: Progress,
    visible: Visibility,
    previous: String,
    lang: Lang,
) -> impl IntoView {
    let q = questionnaire;
    let section = &q.sections[screen.section];
    let section_title = text_in(&section.title, lang);
    let problems: BTreeMap<String, String> = if progress.problem_screen == Some(number - 1) {
        progress
            .problems
            .iter()
            .map(|p| (p.path.split('.').next().unwrap_or_default().to_string(), problem_message(p, lang)))
            .collect()
    } else {
        BTreeMap::new()
    };
    // Question numbers run across the whole questionnaire.
    let first_number = q
        .sections
        .iter()
        .take(screen.section)
        .flat_map(|s| s.items.iter())
        .chain(section.items.iter().take(screen.first_item))
        .filter(|i| i.kind.is_answerable())
        .count();
    // Question numbers of the items on this screen (hidden ones keep theirs, as in the
    // preview), for the questions and the error summary's links.
    let mut numbers = BTreeMap::new();
    let mut counted = first_number;
    for item in &section.items[screen.first_item..screen.first_item + screen.item_count] {
        if item.kind.is_answerable() {
            counted += 1;
            numbers.insert(item.id.clone(), counted);
        }
    }
    // Only what the browser needs to check answers: this screen's answerable items.
    let screen_items: Vec<survey_defs::Item> = section.items[screen.first_item..screen.first_item + screen.item_count]
        .iter()
        .filter(|item| item.kind.is_answerable())
        .cloned()
        .collect();
    let items = section.items[screen.first_item..screen.first_item + screen.item_count]
        .iter()
        .filter(|item| visible.item_visible(&item.id))
        .map(|item| {
            let number = numbers.get(&item.id).copied().unwrap_or(0);
            let state = FieldState {
                values: progress.raw_answers.get(&item.id).cloned().unwrap_or_default(),
                error: problems.get(&item.id).cloned(),
            };
            view! { <ItemField item=item.clone() number lang state/> }
        })
        .collect_view();
    let summary = (!problems.is_empty()).then(|| {
        let links = problems
            .iter()
            .map(|(item_id, message)| {
                let target = q
                    .item(item_id)
                    .map(|item| match item.kind.options().first() {
                        Some(option) => format!("#q-{item_id}-{}", option.code),
                        None if matches!(item.kind, survey_defs::ItemKind::YesNo) => format!("#q-{item_id}-yes"),
                        None if matches!(item.kind, survey_defs::ItemKind::RatingScale { .. }) => {
                            format!("#item-{item_id}")
                        }
                        None => format!("#q-{item_id}"),
                    })
                    .unwrap_or_default();
                let prefix = numbers
                    .get(item_id)
                    .map(|n| lang.t_args("screen-question-number", &[("number", (*n).into())]))
                    .unwrap_or_default();
                view! { <li><a href=target>{format!("{prefix} {message}")}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
                <h2>{lang.t("error-summary-title")}</h2>
                <ul>{links}</ul>
            </div>
        }
    });
    let page_title = format!(
        "{}{} · {}",
        if problems.is_empty() { String::new() } else { format!("{} ", lang.t("error-title-prefix")) },
        section_title.text,
        title
    );
    let action = format!("/r/{campaign}/q/{number}");
    let any_optional = section.items.iter().any(|i| i.kind.is_answerable() && !i.required);
    view! {
        <PageTitle text=page_title/>
        <p><a class="back-link" href=previous>{lang.t("screen-back")}</a></p>
        <p class="step" aria-live="polite">{lang.t_args("screen-step", &[("step", step.into()), ("steps", steps.into())])}</p>
        <progress class="step-bar" max=steps value=step aria-hidden="true"></progress>
        {summary}
        <h1 lang=section_title.lang>{section_title.text}</h1>
        <p class="required-note">
            {if any_optional { lang.t("form-required-except-optional") } else { lang.t("form-all-required") }}
        </p>
        <AnswerKeeper
            storage_key=format!("boucle:{campaign}:{number}")
            offline_message=lang.t("screen-offline")
            items=screen_items
            messages=answer_messages(lang)
        >
            <form method="post" action=action novalidate=true>
                <input type="hidden" name="form_token" value=progress.form_token.clone()/>
                <input type="hidden" name="lang" value=lang.tag()/>
                {items}
                <button type="submit">{lang.t("screen-continue")}</button>
            </form>
        </AnswerKeeper>
    }
}
