//! The draft editor's forms, all plain server-rendered forms that work without
//! JavaScript: per question (wording in every language side by side, why we ask,
//! easy-read, answers, place, condition, removal), a new question, the questionnaire's
//! parts and their conditions, a new language, scores, the description, and
//! publishing. Each form proposes a suggestion; the server turns the fields into
//! `survey_defs::Change`s (`server/src/projects/edits.rs`).

use crate::i18n::Lang;
use crate::projects::condition_words;
use crate::projects::{DraftItem, DraftPage, DraftScale};
use leptos::prelude::*;

/// Fields for a text in each language, side by side: `{name}-{lang}`.
pub(super) fn text_fields(
    prefix: &str,
    name: &str,
    label: String,
    values: &[(String, String)],
    rows: u32,
) -> impl IntoView + use<> {
    values
        .iter()
        .map(|(l, v)| {
            let id = format!("{prefix}-{name}-{l}");
            view! {
                <div class="field">
                    <label for=id.clone()>{label.clone()} " (" {l.to_uppercase()} ")"</label>
                    <textarea id=id name=format!("{name}-{l}") rows=rows.to_string() maxlength="1000" lang=l.clone()>{v.clone()}</textarea>
                </div>
            }
        })
        .collect_view()
}

pub(super) fn place_options(page: &DraftPage, chosen: &str, skip: Option<&str>, lang: Lang) -> impl IntoView + use<> {
    page.places
        .iter()
        .filter(|(value, ..)| skip.is_none_or(|id| !value.ends_with(&format!("/{id}"))))
        .map(|(value, section, after)| {
            let label = if after.is_empty() {
                lang.t_args("place-first", &[("section", section.clone().into())])
            } else {
                lang.t_args("place-after", &[("section", section.clone().into()), ("item", after.clone().into())])
            };
            view! { <option value=value.clone() selected=value == chosen>{label}</option> }
        })
        .collect_view()
}

pub(super) fn hidden(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    view! {
        <input type="hidden" name="csrf" value=page.viewer.csrf_token.clone()/>
        <input type="hidden" name="lang" value=lang.tag()/>
    }
}

pub(super) fn rationale_field(prefix: &str, lang: Lang) -> impl IntoView + use<> {
    let id = format!("{prefix}-rationale");
    view! {
        <div class="field">
            <label for=id.clone()>{lang.t("suggestion-rationale-label")}</label>
            <textarea id=id name="rationale" rows="2" maxlength="2000" required></textarea>
        </div>
    }
}

/// The question editor: every wording side by side, explanations, options, place, or
/// removal; what was changed becomes one suggestion.
pub(super) fn item_editor(item: &DraftItem, page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let prefix = format!("e-{}", item.id);
    let action = format!("/equipe/projets/{}/brouillons/{}/questions/{}", page.project, page.draft, item.id);
    let options = (!item.options.is_empty()).then(|| {
        let blank: Vec<(String, String)> = page.languages.iter().map(|l| (l.clone(), String::new())).collect();
        let rows = item
            .options
            .iter()
            .map(|o| (o.code.clone(), o.labels.clone(), o.value.map(|v| v.to_string()).unwrap_or_default()))
            .chain((0..2).map(|_| (String::new(), blank.clone(), String::new())))
            .enumerate()
            .map(|(n, (code, labels, value))| {
                let row = format!("{prefix}-o{n}");
                let legend = if code.is_empty() {
                    lang.t("editor-new-option")
                } else {
                    lang.t_args("editor-option", &[("number", (n + 1).into())])
                };
                let is_new = code.is_empty();
                view! {
                    <fieldset class="option-row">
                        <legend>{legend}</legend>
                        <input type="hidden" name=format!("option-{n}-code") value=code/>
                        {labels.iter().map(|(l, v)| {
                            let id = format!("{row}-label-{l}");
                            view! {
                                <div class="field">
                                    <label for=id.clone()>{lang.t("editor-option-label")} " (" {l.to_uppercase()} ")"</label>
                                    <input id=id type="text" name=format!("option-{n}-label-{l}") value=v.clone() maxlength="1000" lang=l.clone()/>
                                </div>
                            }
                        }).collect_view()}
                        <div class="field">
                            <label for=format!("{row}-value")>{lang.t("editor-option-value")}</label>
                            <input id=format!("{row}-value") type="text" inputmode="numeric" name=format!("option-{n}-value") value=value size="4"/>
                        </div>
                        <div class="field">
                            <label for=format!("{row}-order")>{lang.t("editor-option-order")}</label>
                            <input id=format!("{row}-order") type="text" inputmode="decimal" name=format!("option-{n}-order") value=(n + 1).to_string() size="4"/>
                        </div>
                        {(!is_new).then(|| view! {
                            <div class="field checkbox">
                                <input id=format!("{row}-remove") type="checkbox" name=format!("option-{n}-remove")/>
                                <label for=format!("{row}-remove")>{lang.t("editor-option-remove")}</label>
                            </div>
                        })}
                    </fieldset>
                }
            })
            .collect_view();
        view! { <h4>{lang.t("editor-options")}</h4>{rows} }
    });
    view! {
        <details class="item-editor">
            <summary>{lang.t_args("editor-open", &[("item", item.id.clone().into())])}</summary>
            <form method="post" action=action class="staff-form" data-check=format!("questions/{}", item.id)>
                {hidden(page, lang)}
                {text_fields(&prefix, "text", lang.t("editor-wording"), &item.texts, 3)}
                {text_fields(&prefix, "why", lang.t("editor-why"), &item.why, 2)}
                {text_fields(&prefix, "easy", lang.t("editor-easy"), &item.easy, 2)}
                {options}
                <div class="field">
                    <label for=format!("{prefix}-place")>{lang.t("editor-place")}</label>
                    <select id=format!("{prefix}-place") name="place">{place_options(page, &item.place, Some(&item.id), lang)}</select>
                </div>
                <div class="field checkbox">
                    <input id=format!("{prefix}-remove") type="checkbox" name="remove"/>
                    <label for=format!("{prefix}-remove")>{lang.t("editor-remove")}</label>
                </div>
                {condition_fields(&prefix, page, Some(&item.id), None, lang).into_any()}
                {rationale_field(&prefix, lang)}
                <p class="live-check hint" aria-live="polite"></p>
                <button type="submit">{lang.t("editor-submit")}</button>
            </form>
        </details>
    }
}

pub(super) fn new_item_form(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let blank: Vec<(String, String)> = page.languages.iter().map(|l| (l.clone(), String::new())).collect();
    let last = page.places.last().map(|(v, ..)| v.clone()).unwrap_or_default();
    let types = [
        "single_choice",
        "likert",
        "multiple_choice",
        "yes_no",
        "rating_scale",
        "number",
        "date",
        "short_text",
        "long_text",
        "display",
    ];
    view! {
        <section id="new-question" aria-labelledby="new-question-heading">
            <h2 id="new-question-heading">{lang.t("editor-new-question")}</h2>
            <form method="post" action=format!("/equipe/projets/{}/brouillons/{}/questions", page.project, page.draft) class="staff-form" data-check="questions">
                {hidden(page, lang)}
                <div class="field">
                    <label for="n-type">{lang.t("editor-type")}</label>
                    <select id="n-type" name="type">
                        {types.iter().map(|t| view! { <option value=*t>{lang.t(&format!("item-type-{}", t.replace('_', "-")))}</option> }).collect_view()}
                    </select>
                </div>
                {text_fields("n", "text", lang.t("editor-wording"), &blank, 3)}
                {text_fields("n", "why", lang.t("editor-why"), &blank, 2)}
                <div class="field">
                    <label for="n-options">{lang.t("editor-options")}</label>
                    <p class="hint" id="n-options-hint">{lang.t("editor-options-hint")}</p>
                    <textarea id="n-options" name="options" rows="4" aria-describedby="n-options-hint"></textarea>
                </div>
                <div class="field">
                    <label for="n-min">{lang.t("editor-min")}</label>
                    <input id="n-min" type="text" inputmode="decimal" name="min" size="6"/>
                </div>
                <div class="field">
                    <label for="n-max">{lang.t("editor-max")}</label>
                    <input id="n-max" type="text" inputmode="decimal" name="max" size="6"/>
                </div>
                <div class="field">
                    <label for="n-place">{lang.t("editor-place")}</label>
                    <select id="n-place" name="place">{place_options(page, &last, None, lang)}</select>
                </div>
                <div class="field checkbox">
                    <input id="n-required" type="checkbox" name="required"/>
                    <label for="n-required">{lang.t("editor-required")}</label>
                </div>
                {rationale_field("n", lang)}
                <p class="live-check hint" aria-live="polite"></p>
                <button type="submit">{lang.t("editor-submit")}</button>
            </form>
        </section>
    }
}

pub(super) fn scale_form(scale: &DraftScale, page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let prefix = format!("s-{}", scale.id);
    let scored: Vec<&DraftItem> = page.items.iter().filter(|i| i.number > 0).collect();
    let checks = |name: &'static str, chosen: &[String]| {
        scored
            .iter()
            .map(|i| {
                let id = format!("{prefix}-{name}-{}", i.id);
                view! {
                    <div class="field checkbox">
                        <input id=id.clone() type="checkbox" name=name value=i.id.clone() checked=chosen.contains(&i.id)/>
                        <label for=id>{format!("{}. {}", i.number, i.id)}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let methods = ["sum", "mean", "mean_rescaled"];
    view! {
        <details class="item-editor">
            <summary>{lang.t_args("scale-open", &[("scale", scale.id.clone().into())])}</summary>
            <form method="post" action=format!("/equipe/projets/{}/brouillons/{}/scores", page.project, page.draft) class="staff-form" data-check="scores">
                {hidden(page, lang)}
                <input type="hidden" name="scale" value=scale.id.clone()/>
                {text_fields(&prefix, "title", lang.t("scale-title-label"), &scale.titles, 1)}
                <fieldset><legend>{lang.t("scale-items")}</legend>{checks("items", &scale.items)}</fieldset>
                <fieldset><legend>{lang.t("scale-reverse")}</legend>{checks("reverse", &scale.reverse)}</fieldset>
                <div class="field">
                    <label for=format!("{prefix}-method")>{lang.t("scale-method")}</label>
                    <select id=format!("{prefix}-method") name="method">
                        {methods.iter().map(|m| view! { <option value=*m selected=scale.method == *m>{lang.t(&format!("scale-method-{}", m.replace('_', "-")))}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-min")>{lang.t("scale-min-answered")}</label>
                    <input id=format!("{prefix}-min") type="text" inputmode="numeric" name="min_answered" value=scale.min_answered.to_string() size="4"/>
                </div>
                <div class="field checkbox">
                    <input id=format!("{prefix}-prorate") type="checkbox" name="prorate" checked=scale.prorate/>
                    <label for=format!("{prefix}-prorate")>{lang.t("scale-prorate")}</label>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-bands")>{lang.t("scale-bands")}</label>
                    <p class="hint" id=format!("{prefix}-bands-hint")>{lang.t("scale-bands-hint")}</p>
                    <textarea id=format!("{prefix}-bands") name="bands" rows="5" aria-describedby=format!("{prefix}-bands-hint")>{scale.bands.clone()}</textarea>
                </div>
                <div class="field checkbox">
                    <input id=format!("{prefix}-remove") type="checkbox" name="remove"/>
                    <label for=format!("{prefix}-remove")>{lang.t("scale-remove")}</label>
                </div>
                {rationale_field(&prefix, lang)}
                <p class="live-check hint" aria-live="polite"></p>
                <button type="submit">{lang.t("editor-submit")}</button>
            </form>
        </details>
    }
}

pub(super) fn describe_form(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let q = &page.questionnaire;
    let per_language = |text: &survey_defs::LocalizedText| -> Vec<(String, String)> {
        q.languages.iter().map(|l| (l.clone(), text.get_exact(l).unwrap_or_default().to_string())).collect()
    };
    view! {
        <details class="item-editor" id="description">
            <summary>{lang.t("editor-describe")}</summary>
            <form method="post" action=format!("/equipe/projets/{}/brouillons/{}/description", page.project, page.draft) class="staff-form" data-check="description">
                {hidden(page, lang)}
                {text_fields("d", "title", lang.t("editor-title"), &per_language(&q.title), 1)}
                {text_fields("d", "introduction", lang.t("editor-introduction"), &per_language(&q.introduction), 3)}
                {text_fields("d", "who", lang.t("editor-who"), &per_language(&q.who_asks_and_why), 3)}
                {rationale_field("d", lang)}
                <p class="live-check hint" aria-live="polite"></p>
                <button type="submit">{lang.t("editor-submit")}</button>
            </form>
        </details>
    }
}

pub(super) fn publish_form(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let unfinished = page
        .unfinished
        .iter()
        .map(|(code, label, item)| {
            // Each problem links to the question it is about, where its editor is.
            let place = (!item.is_empty()).then(|| {
                view! { " (" <a href=format!("#draft-item-{item}")>{label.clone()}</a> ")" }
            });
            view! { <li>{lang.t_args("problem-in-draft", &[("code", code.clone().into())])} {place}</li> }
        })
        .collect_view();
    let ready = page.unfinished.is_empty();
    view! {
        <section id="publish" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{lang.t("publish-title")}</h2>
            {if ready {
                view! { <p>{lang.t("publish-help")}</p> }.into_any()
            } else {
                view! { <p>{lang.t("publish-unfinished")}</p><ul>{unfinished}</ul> }.into_any()
            }}
            {(ready && page.can_contribute).then(|| view! {
                <form method="post" action=format!("/equipe/projets/{}/brouillons/{}/publication", page.project, page.draft) class="staff-form">
                    {hidden(page, lang)}
                    <div class="field">
                        <label for="p-slug">{lang.t("publish-slug")}</label>
                        <input id="p-slug" type="text" name="slug" value=page.publish_as.0.clone() pattern="[a-z0-9\\-]{1,64}" required/>
                    </div>
                    <div class="field">
                        <label for="p-version">{lang.t("publish-version")}</label>
                        <input id="p-version" type="text" name="version" value=page.publish_as.1.clone() pattern="[0-9]+\\.[0-9]+\\.[0-9]+" required/>
                    </div>
                    <div class="field">
                        <label for="p-notes">{lang.t("publish-notes")}</label>
                        <textarea id="p-notes" name="notes" rows="3" maxlength="2000" required></textarea>
                    </div>
                    <button type="submit">{lang.t("publish-submit")}</button>
                </form>
            })}
        </section>
    }
}

/// The questions a condition may look at: answerable ones before `item` (for a
/// question), or in sections before `section` (for a section), with their numbers.
fn earlier_questions(page: &DraftPage, item: Option<&str>, section: Option<&str>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut number = 0usize;
    for s in &page.questionnaire.sections {
        if section == Some(s.id.as_str()) {
            break;
        }
        for i in &s.items {
            if item == Some(i.id.as_str()) {
                return out;
            }
            if i.kind.is_answerable() {
                number += 1;
                let text: String = i.text.get("fr").chars().take(60).collect();
                out.push((i.id.clone(), format!("{number}. {text}")));
            }
        }
    }
    out
}

/// When a question (`item`) or a section (`section`) shows: kept as it is, always, or
/// depending on an earlier answer (fields `cond`, `cond-item`, `cond-value`).
pub(super) fn condition_fields(
    prefix: &str,
    page: &DraftPage,
    item: Option<&str>,
    section: Option<&str>,
    lang: Lang,
) -> impl IntoView + use<> {
    use survey_defs::{Condition, ConditionValue};
    let q = &page.questionnaire;
    let current = match (item, section) {
        (Some(id), _) => q.item(id).and_then(|i| i.condition.clone()),
        (None, Some(id)) => q.section(id).and_then(|s| s.condition.clone()),
        (None, None) => None,
    };
    let candidates = earlier_questions(page, item, section);
    // A simple condition fills the fields in; a combined one can only be kept or replaced.
    let (looked_at, shown_value) = match &current {
        Some(Condition::Answered { item } | Condition::GreaterThan { item, .. } | Condition::LessThan { item, .. }) => {
            (
                item.clone(),
                match &current {
                    Some(Condition::GreaterThan { value, .. } | Condition::LessThan { value, .. }) => value.to_string(),
                    _ => String::new(),
                },
            )
        }
        Some(Condition::Equals { item, value } | Condition::NotEquals { item, value }) => (
            item.clone(),
            match value {
                ConditionValue::Bool(b) => lang.t(if *b { "condition-yes" } else { "condition-no" }),
                ConditionValue::Number(n) => n.to_string(),
                ConditionValue::Text(t) => t.clone(),
            },
        ),
        Some(Condition::Includes { item, option }) => (item.clone(), option.clone()),
        _ => (String::new(), String::new()),
    };
    let words = condition_words(current.as_ref(), lang);
    let ops = ["answered", "equals", "not_equals", "greater_than", "less_than", "includes"];
    let legend = if item.is_some() { lang.t("editor-condition-item") } else { lang.t("editor-condition-section") };
    let hint_id = format!("{prefix}-cond-hint");
    view! {
        <fieldset class="condition-fields">
            <legend>{legend}</legend>
            <p class="hint" id=hint_id.clone()>{lang.t_args("editor-condition-now", &[("condition", words.into())])}</p>
            {if candidates.is_empty() {
                view! { <p class="hint">{lang.t("editor-condition-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="field">
                        <label for=format!("{prefix}-cond")>{lang.t("editor-condition-when")}</label>
                        <select id=format!("{prefix}-cond") name="cond" aria-describedby=hint_id>
                            <option value="keep" selected>{lang.t("editor-condition-keep")}</option>
                            <option value="">{lang.t("condition-always")}</option>
                            {ops.iter().map(|op| view! {
                                <option value=*op>{lang.t(&format!("editor-condition-op-{}", op.replace('_', "-")))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-cond-item")>{lang.t("editor-condition-question")}</label>
                        <select id=format!("{prefix}-cond-item") name="cond-item">
                            {candidates.into_iter().map(|(id, label)| {
                                let chosen = id == looked_at;
                                view! { <option value=id selected=chosen>{label}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-cond-value")>{lang.t("editor-condition-value")}</label>
                        <p class="hint" id=format!("{prefix}-cond-value-hint")>{lang.t("editor-condition-value-hint")}</p>
                        <input id=format!("{prefix}-cond-value") type="text" name="cond-value" value=shown_value
                            maxlength="1000" aria-describedby=format!("{prefix}-cond-value-hint")/>
                    </div>
                }.into_any()
            }}
        </fieldset>
    }
}

/// The questionnaire's parts: each one's heading, condition or removal, and a new part.
pub(super) fn sections_form(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let action = format!("/equipe/projets/{}/brouillons/{}/sections", page.project, page.draft);
    let q = &page.questionnaire;
    let forms = q
        .sections
        .iter()
        .enumerate()
        .map(|(n, section)| {
            let prefix = format!("sec-{}", section.id);
            let titles: Vec<(String, String)> = page
                .languages
                .iter()
                .map(|l| (l.clone(), section.title.get_exact(l).unwrap_or_default().to_string()))
                .collect();
            let name = match section.title.get(lang.tag()) {
                "" => lang.t_args("section-untitled", &[("number", (n + 1).into())]),
                title => title.to_string(),
            };
            let count = section.items.len();
            view! {
                <li class="card" id=format!("draft-section-{}", section.id)>
                    <h3>{name.clone()}</h3>
                    <p class="card-meta">
                        {lang.t_args("section-count", &[("count", count.into())])} " · "
                        {condition_words(section.condition.as_ref(), lang)}
                    </p>
                    <details class="item-editor">
                        <summary>{lang.t_args("section-edit", &[("section", name.into())])}</summary>
                        <form method="post" action=action.clone() class="staff-form" data-check="sections">
                            {hidden(page, lang)}
                            <input type="hidden" name="section" value=section.id.clone()/>
                            {text_fields(&prefix, "title", lang.t("section-title-label"), &titles, 1)}
                            {condition_fields(&prefix, page, None, Some(&section.id), lang).into_any()}
                            {(count == 0).then(|| view! {
                                <div class="field checkbox">
                                    <input id=format!("{prefix}-remove") type="checkbox" name="remove"/>
                                    <label for=format!("{prefix}-remove")>{lang.t("section-remove")}</label>
                                </div>
                            })}
                            {rationale_field(&prefix, lang)}
                            <p class="live-check hint" aria-live="polite"></p>
                            <button type="submit">{lang.t("editor-submit")}</button>
                        </form>
                    </details>
                </li>
            }
        })
        .collect_view();
    let blank: Vec<(String, String)> = page.languages.iter().map(|l| (l.clone(), String::new())).collect();
    let afters = q
        .sections
        .iter()
        .enumerate()
        .map(|(n, section)| {
            let name = match section.title.get(lang.tag()) {
                "" => lang.t_args("section-untitled", &[("number", (n + 1).into())]),
                title => title.to_string(),
            };
            let last = n + 1 == q.sections.len();
            view! { <option value=section.id.clone() selected=last>{lang.t_args("section-after", &[("section", name.into())])}</option> }
        })
        .collect_view();
    view! {
        <section id="sections" aria-labelledby="sections-heading">
            <h2 id="sections-heading">{lang.t("sections-title")}</h2>
            <p class="hint">{lang.t("sections-help")}</p>
            <ol class="card-list">{forms}</ol>
            <details class="item-editor">
                <summary>{lang.t("section-new")}</summary>
                <form method="post" action=action class="staff-form" data-check="sections">
                    {hidden(page, lang)}
                    <input type="hidden" name="section" value=""/>
                    {text_fields("sec-new", "title", lang.t("section-title-label"), &blank, 1)}
                    <div class="field">
                        <label for="sec-new-after">{lang.t("section-where")}</label>
                        <select id="sec-new-after" name="after">
                            <option value="">{lang.t("section-first")}</option>
                            {afters}
                        </select>
                    </div>
                    {rationale_field("sec-new", lang)}
                    <p class="live-check hint" aria-live="polite"></p>
                    <button type="submit">{lang.t("section-add")}</button>
                </form>
            </details>
        </section>
    }
}

/// Adding a language: its texts then wait for their translations, side by side with
/// the others in every editor.
pub(super) fn language_form(page: &DraftPage, lang: Lang) -> impl IntoView + use<> {
    let action = format!("/equipe/projets/{}/brouillons/{}/langues", page.project, page.draft);
    let now = page.languages.iter().map(|l| l.to_uppercase()).collect::<Vec<_>>().join(", ");
    view! {
        <section id="languages" aria-labelledby="languages-heading">
            <h2 id="languages-heading">{lang.t("languages-title")}</h2>
            <p>{lang.t_args("languages-now", &[("languages", now.into())])}</p>
            <form method="post" action=action class="staff-form" data-check="langues">
                {hidden(page, lang)}
                <div class="field">
                    <label for="l-language">{lang.t("languages-add-label")}</label>
                    <p class="hint" id="l-language-hint">{lang.t("languages-add-hint")}</p>
                    <input id="l-language" type="text" name="language" maxlength="2" size="3" autocomplete="off"
                        aria-describedby="l-language-hint" required/>
                </div>
                {rationale_field("l", lang)}
                <p class="live-check hint" aria-live="polite"></p>
                <button type="submit">{lang.t("languages-add")}</button>
            </form>
        </section>
    }
}
