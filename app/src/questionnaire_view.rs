//! How a questionnaire looks to a respondent: sections, items of every type, and the
//! scoring rules. Plain HTML built from survey-defs types, with the accessible patterns
//! respondents need: one fieldset with a legend per choice group, labels on every
//! control, visible "optional" marks, anchors of rating scales kept in words.

use crate::i18n::Lang;
use leptos::prelude::*;
use survey_defs::{AnswerOption, Item, ItemKind, LocalizedText, Questionnaire, Scale, ScoringMethod};

/// A text chosen for display, with the language it is actually in (for `lang=`).
#[derive(Clone, Debug, PartialEq)]
pub struct ShownText {
    /// The text.
    pub text: String,
    /// Its language tag: the page language when translated, French otherwise.
    pub lang: String,
}

/// The text in the page language, falling back to French (with the right `lang`).
pub fn text_in(text: &LocalizedText, lang: Lang) -> ShownText {
    let tag = if text.languages().any(|l| l == lang.tag()) { lang.tag() } else { "fr" };
    ShownText { text: text.get(tag).to_string(), lang: tag.to_string() }
}

/// An item's wording, with its easy-read version beside it when there is one (CSS
/// shows one of the two, see the `EasyReadScope` island).
#[component]
fn ItemText(text: LocalizedText, easy_read: Option<LocalizedText>, lang: Lang) -> impl IntoView {
    let standard = text_in(&text, lang);
    match easy_read.map(|e| text_in(&e, lang)) {
        Some(easy) => view! {
            <span class="text-standard" lang=standard.lang>{standard.text}</span>
            <span class="text-easy" lang=easy.lang>{easy.text}</span>
        }
        .into_any(),
        None => view! { <span lang=standard.lang>{standard.text}</span> }.into_any(),
    }
}

/// The questionnaire's sections and items, as a respondent sees them (read-only here:
/// there is nothing to submit).
#[component]
pub fn QuestionnaireForm(questionnaire: Questionnaire, lang: Lang) -> impl IntoView {
    let any_optional = questionnaire.answerable_items().any(|item| !item.required);
    let mut number = 0usize;
    let sections = questionnaire
        .sections
        .iter()
        .map(|section| {
            let title = text_in(&section.title, lang);
            let heading_id = format!("section-{}", section.id);
            let labelled_by = heading_id.clone();
            let items = section
                .items
                .iter()
                .map(|item| {
                    if item.kind.is_answerable() {
                        number += 1;
                    }
                    view! { <ItemField item=item.clone() number lang/> }
                })
                .collect_view();
            view! {
                <section class="form-section" aria-labelledby=labelled_by data-section=section.id.clone()>
                    <h2 id=heading_id lang=title.lang>{title.text}</h2>
                    {section.condition.is_some().then(|| view! { <p class="condition-note">{lang.t("section-conditional")}</p> })}
                    {items}
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="questionnaire-form">
            <p class="required-note">
                {if any_optional { lang.t("form-required-except-optional") } else { lang.t("form-all-required") }}
            </p>
            {sections}
        </div>
    }
}

/// The parts every item shows around its control, rendered once.
struct ItemFrame {
    id: String,
    number: Option<String>,
    text: AnyView,
    optional: AnyView,
    why: AnyView,
    conditional: AnyView,
    /// The error message, when the last answer was refused.
    error: Option<String>,
}

impl ItemFrame {
    /// `aria-describedby` for the controls: the hint and the error, when present.
    fn described_by(&self, hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("hint-{}", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("error-{}", self.id));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn error_view(&self) -> AnyView {
        let id = format!("error-{}", self.id);
        self.error.clone().map(|message| view! { <p class="field-error" id=id>{message}</p> }).into_any()
    }
}

/// What a respondent already gave for an item, and the problem with it, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldState {
    /// The values as the form sent them (several for multiple choice).
    pub values: Vec<String>,
    /// The error message to show next to the item.
    pub error: Option<String>,
}

/// One item: a fieldset for choice groups, a labelled control otherwise.
#[component]
pub fn ItemField(item: Item, number: usize, lang: Lang, #[prop(optional)] state: FieldState) -> impl IntoView {
    let id = item.id.clone();
    let optional = (item.kind.is_answerable() && !item.required)
        .then(|| view! { " " <span class="optional-mark">{lang.t("item-optional")}</span> });
    let why = item.why_we_ask.as_ref().map(|why| {
        let why = text_in(why, lang);
        view! {
            <details class="why-we-ask">
                <summary>{lang.t("item-why-we-ask")}</summary>
                <p lang=why.lang>{why.text}</p>
            </details>
        }
    });
    let conditional =
        item.condition.is_some().then(|| view! { <p class="condition-note">{lang.t("item-conditional")}</p> });
    let frame = ItemFrame {
        id: id.clone(),
        number: (number > 0).then(|| format!("{number}. ")),
        text: view! { <ItemText text=item.text.clone() easy_read=item.easy_read.clone() lang/> }.into_any(),
        optional: optional.into_any(),
        why: why.into_any(),
        conditional: conditional.into_any(),
        error: state.error.clone(),
    };
    let required = item.required;
    let invalid = state.error.is_some().then_some("true");
    let values = state.values;
    let value = values.last().cloned().unwrap_or_default();
    // What every radio button or checkbox of this item shares; `hint` says whether the
    // controls are also described by the item's hint.
    let described = [frame.described_by(false), frame.described_by(true)];
    let choice_input = |input_type, required, hint: bool| ChoiceInput {
        item_id: &id,
        input_type,
        required,
        described_by: described[usize::from(hint)].clone(),
        values: &values,
    };
    match item.kind.clone() {
        ItemKind::Display => view! {
            <div class="display-item" id=format!("item-{id}")>
                {frame.conditional}
                <p>{frame.text}</p>
            </div>
        }
        .into_any(),
        ItemKind::SingleChoice { options } | ItemKind::Likert { options } => {
            let input = choice_input("radio", required, false);
            let choices = option_inputs(&input, &options, lang);
            choice_fieldset(frame, None, choices)
        }
        ItemKind::MultipleChoice { options, .. } => {
            let input = choice_input("checkbox", false, true);
            let choices = option_inputs(&input, &options, lang);
            choice_fieldset(frame, Some(lang.t("item-multiple-hint")), choices)
        }
        ItemKind::YesNo => {
            let input = choice_input("radio", required, false);
            let choices = [("yes", lang.t("answer-yes")), ("no", lang.t("answer-no"))]
                .into_iter()
                .map(|(code, label)| {
                    let label = ShownText { text: label, lang: lang.tag().to_string() };
                    input.render(code, label, "choice")
                })
                .collect_view()
                .into_any();
            choice_fieldset(frame, None, choices)
        }
        ItemKind::RatingScale { min, max, min_label, max_label } => {
            let low = text_in(&min_label, lang);
            let high = text_in(&max_label, lang);
            let anchors = format!("{min} = {} · {max} = {}", low.text, high.text);
            let input = choice_input("radio", required, true);
            let points = (min..=max)
                .map(|point| {
                    let label = ShownText { text: point.to_string(), lang: lang.tag().to_string() };
                    input.render(&point.to_string(), label, "choice rating-point")
                })
                .collect_view();
            let choices = view! { <div class="rating-points">{points}</div> }.into_any();
            choice_fieldset(frame, Some(anchors), choices)
        }
        ItemKind::Number { min, max, decimals, unit } => {
            let unit = unit.map(|u| text_in(&u, lang).text);
            let hint = lang.t_args("item-number-range", &[("min", min.into()), ("max", max.into())]);
            let inputmode = if decimals > 0 { "decimal" } else { "numeric" };
            let control = view! {
                <span class="number-input">
                    <input
                        type="text"
                        inputmode=inputmode
                        id=format!("q-{id}")
                        name=id.clone()
                        value=value.clone()
                        aria-describedby=frame.described_by(true)
                        aria-invalid=invalid
                        required=required
                        autocomplete="off"
                    />
                    {unit.map(|u| view! { <span class="unit">{u}</span> })}
                </span>
            };
            labelled_field(frame, Some(hint), control.into_any())
        }
        ItemKind::ShortText { max_length } | ItemKind::LongText { max_length } => {
            let hint = lang.t_args("item-text-limit", &[("max", max_length.into())]);
            let input_id = format!("q-{id}");
            let described_by = frame.described_by(true);
            let control = if matches!(item.kind, ItemKind::LongText { .. }) {
                view! { <textarea id=input_id name=id.clone() rows="5" maxlength=max_length aria-describedby=described_by aria-invalid=invalid required=required>{value.clone()}</textarea> }.into_any()
            } else {
                view! { <input type="text" id=input_id name=id.clone() value=value.clone() maxlength=max_length aria-describedby=described_by aria-invalid=invalid required=required/> }.into_any()
            };
            labelled_field(frame, Some(hint), control)
        }
        ItemKind::Date { min, max } => {
            let described_by = frame.described_by(false);
            let control = view! { <input type="date" id=format!("q-{id}") name=id.clone() value=value.clone() min=min max=max aria-describedby=described_by aria-invalid=invalid required=required/> };
            labelled_field(frame, None, control.into_any())
        }
    }
}

/// A single control with its label above it (numbers, texts, dates).
fn labelled_field(frame: ItemFrame, hint: Option<String>, control: AnyView) -> AnyView {
    let error = frame.error_view();
    let class = if frame.error.is_some() { "field field-invalid" } else { "field" };
    let id = frame.id;
    view! {
        <div class=class id=format!("item-{id}")>
            {frame.conditional}
            <label for=format!("q-{id}")>{frame.number} {frame.text} {frame.optional}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("hint-{id}")>{h}</p> })}
            {frame.why}
            {error}
            {control}
        </div>
    }
    .into_any()
}

/// What every radio button or checkbox of one item shares.
struct ChoiceInput<'a> {
    item_id: &'a str,
    input_type: &'static str,
    required: bool,
    described_by: Option<String>,
    values: &'a [String],
}

impl ChoiceInput<'_> {
    /// One radio button or checkbox, inside its (large) label; ticked if already given.
    fn render(&self, code: &str, label: ShownText, class: &'static str) -> AnyView {
        let input_id = format!("q-{}-{code}", self.item_id);
        let label_for = input_id.clone();
        let checked = self.values.iter().any(|v| v == code);
        let invalid = self.described_by.as_deref().is_some_and(|d| d.contains("error-")).then_some("true");
        view! {
            <label class=class for=label_for>
                <input
                    type=self.input_type
                    id=input_id
                    name=self.item_id.to_string()
                    value=code.to_string()
                    checked=checked
                    required=self.required
                    aria-describedby=self.described_by.clone()
                    aria-invalid=invalid
                />
                <span lang=label.lang>{label.text}</span>
            </label>
        }
        .into_any()
    }
}

/// Radio buttons or checkboxes for an item's options.
fn option_inputs(input: &ChoiceInput<'_>, options: &[AnswerOption], lang: Lang) -> AnyView {
    options
        .iter()
        .map(|option| input.render(&option.code, text_in(&option.label, lang), "choice"))
        .collect_view()
        .into_any()
}

/// A choice group: a fieldset whose legend is the question.
fn choice_fieldset(frame: ItemFrame, hint: Option<String>, choices: AnyView) -> AnyView {
    let error = frame.error_view();
    let class = if frame.error.is_some() { "field choice-group field-invalid" } else { "field choice-group" };
    let id = frame.id;
    let hint_id = format!("hint-{id}");
    view! {
        <fieldset class=class id=format!("item-{id}")>
            <legend>{frame.number} {frame.text} {frame.optional}</legend>
            {frame.conditional}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {frame.why}
            {error}
            <div class="choices">{choices}</div>
        </fieldset>
    }
    .into_any()
}

/// How answers are turned into scores: each scale, its method and its bands.
#[component]
pub fn ScoringSummary(questionnaire: Questionnaire, lang: Lang) -> impl IntoView {
    (!questionnaire.scales.is_empty()).then(|| {
        let scales =
            questionnaire.scales.iter().map(|scale| view! { <ScaleSummary scale=scale.clone() lang/> }).collect_view();
        view! {
            <section class="scoring" aria-labelledby="scoring-heading">
                <h2 id="scoring-heading">{lang.t("scoring-title")}</h2>
                {scales}
            </section>
        }
    })
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value}") }
}

#[component]
fn ScaleSummary(scale: Scale, lang: Lang) -> impl IntoView {
    let title = text_in(&scale.title, lang);
    let method = match scale.method {
        ScoringMethod::Sum => lang.t("scoring-method-sum"),
        ScoringMethod::Mean => lang.t("scoring-method-mean"),
        ScoringMethod::MeanRescaled => lang.t("scoring-method-mean-rescaled"),
    };
    let rule =
        lang.t_args("scoring-min-answered", &[("min", scale.min_answered.into()), ("count", scale.items.len().into())]);
    let reverse = (!scale.reverse_items.is_empty())
        .then(|| lang.t_args("scoring-reverse", &[("count", scale.reverse_items.len().into())]));
    let bands = scale
        .bands
        .iter()
        .map(|band| {
            let label = text_in(&band.label, lang);
            view! {
                <tr>
                    <td>{format!("{} – {}", number_text(band.min), number_text(band.max))}</td>
                    <td lang=label.lang>{label.text}</td>
                </tr>
            }
        })
        .collect_view();
    let caveat = scale.caveat.as_ref().map(|c| text_in(c, lang));
    view! {
        <div class="scale-summary">
            <h3 lang=title.lang.clone()>{title.text.clone()}</h3>
            <p>{method} " " {rule}</p>
            {reverse.map(|r| view! { <p>{r}</p> })}
            {(!scale.bands.is_empty()).then(|| view! {
                <table class="bands">
                    <caption>{lang.t("scoring-bands-caption")}</caption>
                    <thead><tr><th scope="col">{lang.t("scoring-band-range")}</th><th scope="col">{lang.t("scoring-band-meaning")}</th></tr></thead>
                    <tbody>{bands}</tbody>
                </table>
            })}
            {caveat.map(|c| view! { <p class="caveat" lang=c.lang>{c.text}</p> })}
        </div>
    }
}
