//! The interactive parts of pages: the only components shipped as WebAssembly.
//!
//! Each island works without JavaScript first (a plain link or form), and hydration
//! only makes it quicker. Props are serialised into the page, so they carry
//! already-translated strings rather than the translation tables.

use leptos::prelude::*;

/// Switches the questions between their standard and easy-read (FALC) wording.
///
/// Without JavaScript the button submits a GET form that reloads the page with
/// `?easy=1`; once hydrated it flips the wording in place. Both wordings are in the
/// server-rendered children; CSS shows one according to `data-easy-read`.
#[island]
pub fn EasyReadScope(
    /// Whether the page was rendered with easy-read wording on.
    initially_on: bool,
    /// Page language tag, kept in the no-JavaScript form.
    lang: String,
    /// Button text; its pressed state (`aria-pressed`) says whether easy-read is on.
    label: String,
    /// The questions.
    children: Children,
) -> impl IntoView {
    let (on, set_on) = signal(initially_on);
    view! {
        <div class="easy-read-scope" data-easy-read=move || if on.get() { "on" } else { "off" }>
            <form method="get" class="easy-read-switch">
                <input type="hidden" name="lang" value=lang/>
                <input type="hidden" name="easy" value=move || if on.get() { "0" } else { "1" }/>
                <button
                    type="submit"
                    class="button-secondary"
                    aria-pressed=move || if on.get() { "true" } else { "false" }
                    on:click=move |ev| {
                        ev.prevent_default();
                        set_on.update(|value| *value = !*value);
                    }
                >
                    {label}
                </button>
            </form>
            {children()}
        </div>
    }
}

/// Keeps a screen's answers in this browser tab while the respondent types, so that a
/// dropped connection or a reload loses nothing, holds a submission made while offline
/// until the network is back, and checks each answer as the person leaves its field.
///
/// Without JavaScript the server-side draft already keeps every answer sent, and the
/// server checks them on send; this only adds the answers typed since and earlier
/// messages. `sessionStorage` is used, not `localStorage`: answers do not outlive the
/// tab on a shared phone.
///
/// The checks are survey-defs' own ([`survey_defs::check_item`], compiled to
/// WebAssembly): the message shown is the one the server would give, in the same place
/// and markup. A question left blank is not flagged while the person moves through the
/// screen; "Continue" does that.
#[island]
pub fn AnswerKeeper(
    /// Storage key: campaign and screen.
    storage_key: String,
    /// Shown while a submission waits for the network.
    offline_message: String,
    /// The items of this screen, to check answers against.
    items: Vec<survey_defs::Item>,
    /// The messages of answer problems, by problem key (`out_of_range` …), in the page language.
    messages: Vec<(String, String)>,
    /// The screen's form.
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let (waiting, set_waiting) = signal(false);
    let (spoken, set_spoken) = signal(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(div) = root.get() {
            keeper::attach(&div, &storage_key, set_waiting);
            checks::attach(&div, items.clone(), messages.clone(), set_spoken);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&storage_key, set_waiting, &items, &messages, set_spoken);
    view! {
        <div node_ref=root class="answer-keeper">
            {children()}
            <p class="notice" role="status" hidden=move || !waiting.get()>{offline_message}</p>
            <p class="visually-hidden" aria-live="polite">{move || spoken.get()}</p>
        </div>
    }
}

/// Makes a questionnaire's preview follow its conditions as the person clicks: items
/// and sections whose condition is not met by the answers given so far are hidden,
/// exactly as the respondent's screens would skip them (survey-defs' own
/// [`survey_defs::visibility`], compiled to WebAssembly).
///
/// Without JavaScript everything shows, each conditional part marked as such.
#[island]
pub fn ConditionalPreview(
    /// The questionnaire's sections, for their conditions and answer types (only these
    /// cross into the bundle: the rest of a questionnaire has no bearing on what shows).
    sections: Vec<survey_defs::Section>,
    /// The preview (a `QuestionnaireForm`).
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(div) = root.get() {
            let mut questionnaire = survey_defs::empty_draft("", &survey_defs::LocalizedText::new(), &[]);
            questionnaire.sections = sections.clone();
            preview::attach(&div, questionnaire);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = &sections;
    view! { <div node_ref=root class="conditional-preview">{children()}</div> }
}

/// Checks the draft editor's forms as the person types: a moment after they stop, the
/// form's fields go to the server's check (`…/verification`), which reads them as the
/// proposal would be read and applies them to the draft with survey-defs, saving
/// nothing; the answer (what the proposal would change, or the problem named) shows in
/// the form's `.live-check` line, which screen readers announce politely.
///
/// Without JavaScript the same checks run when the form is sent.
#[island]
pub fn LiveCheck(
    /// Where to send the fields (`/equipe/projets/{p}/brouillons/{d}/verification`).
    endpoint: String,
    /// The editor's forms, each with `data-check` (the path it posts to) and a `.live-check` line.
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(div) = root.get() {
            live::attach(&div, endpoint.clone());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = &endpoint;
    view! { <div node_ref=root class="live-check-scope">{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod live {
    //! The browser side of [`super::LiveCheck`].
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, FormData, HtmlFormElement, RequestInit, Response, UrlSearchParams};

    /// How long after the last keystroke the check runs.
    const PAUSE_MS: i32 = 600;

    async fn check(endpoint: String, form: HtmlFormElement) -> Option<()> {
        let kind = form.get_attribute("data-check")?;
        let output = form.query_selector(".live-check").ok()??;
        let data = FormData::new_with_form(&form).ok()?;
        data.append_with_str("form", &kind).ok()?;
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let window = web_sys::window()?;
        let response: Response =
            JsFuture::from(window.fetch_with_str_and_init(&endpoint, &init)).await.ok()?.dyn_into().ok()?;
        if response.status() != 200 {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        let answer: serde_json::Value = serde_json::from_str(&text).ok()?;
        let ok = answer.get("ok")?.as_bool()?;
        output.set_text_content(answer.get("message")?.as_str());
        let classes = output.class_list();
        let _ = if ok { classes.remove_1("field-error") } else { classes.add_1("field-error") };
        Some(())
    }

    pub fn attach(root: &Element, endpoint: String) {
        let timer = Rc::new(Cell::new(0));
        let on_input = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(form) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("form[data-check]").ok().flatten())
                .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            let Some(window) = web_sys::window() else { return };
            window.clear_timeout_with_handle(timer.get());
            let endpoint = endpoint.clone();
            let run = Closure::once_into_js(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = check(endpoint, form).await;
                });
            });
            if let Ok(handle) =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), PAUSE_MS)
            {
                timer.set(handle);
            }
        });
        let _ = root.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
        let _ = root.add_event_listener_with_callback("change", on_input.as_ref().unchecked_ref());
        on_input.forget();
    }
}

#[cfg(feature = "hydrate")]
mod preview {
    //! The browser side of [`super::ConditionalPreview`].
    use std::collections::BTreeMap;
    use survey_defs::{Answers, Questionnaire, check_item, raw_item_from_form, visibility};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

    /// The answers given in the preview, by item id.
    fn values(root: &Element) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let Ok(fields) = root.query_selector_all("input, textarea") else { return out };
        for index in 0..fields.length() {
            let Some(node) = fields.item(index) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                let kind = input.type_();
                if input.name().is_empty() || ((kind == "radio" || kind == "checkbox") && !input.checked()) {
                    continue;
                }
                out.entry(input.name()).or_default().push(input.value());
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
                out.entry(area.name()).or_default().push(area.value());
            }
        }
        out
    }

    fn set_hidden(root: &Element, selector: &str, hidden: bool) {
        if let Ok(Some(element)) = root.query_selector(selector) {
            let _ = if hidden { element.set_attribute("hidden", "") } else { element.remove_attribute("hidden") };
        }
    }

    fn follow(root: &Element, questionnaire: &Questionnaire) {
        let sent = values(root);
        let mut answers = Answers::new();
        for item in questionnaire.sections.iter().flat_map(|s| &s.items) {
            let given = sent.get(&item.id).map(Vec::as_slice).unwrap_or_default();
            if let Some(answer) = raw_item_from_form(item, given).and_then(|raw| check_item(item, &raw).ok()) {
                answers.insert(item.id.clone(), answer);
            }
        }
        let shown = visibility(questionnaire, &answers);
        for section in &questionnaire.sections {
            set_hidden(root, &format!("[data-section=\"{}\"]", section.id), !shown.section_visible(&section.id));
            for item in &section.items {
                set_hidden(root, &format!("#item-{}", item.id), !shown.item_visible(&item.id));
            }
        }
    }

    pub fn attach(root: &Element, questionnaire: Questionnaire) {
        follow(root, &questionnaire);
        let root_for_events = root.clone();
        let on_change = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| follow(&root_for_events, &questionnaire));
        let _ = root.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        let _ = root.add_event_listener_with_callback("input", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
}

#[cfg(feature = "hydrate")]
mod checks {
    //! The browser side of [`super::AnswerKeeper`]'s checks.
    use leptos::prelude::{Set, WriteSignal};
    use survey_defs::{Item, check_item, raw_item_from_form};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlFormElement};

    /// Shows `message` next to item `id` as the server does (`#error-{id}` before the
    /// controls, `field-invalid`, `aria-invalid`, `aria-describedby`), or clears it.
    fn show(root: &Element, id: &str, message: Option<&str>) {
        let Ok(Some(container)) = root.query_selector(&format!("#item-{id}")) else { return };
        let error_id = format!("error-{id}");
        let existing = container.query_selector(&format!("#{error_id}")).ok().flatten();
        let controls = container.query_selector_all("input, textarea").ok();
        let each_control = |f: &dyn Fn(&Element)| {
            if let Some(list) = &controls {
                for index in 0..list.length() {
                    if let Some(control) = list.item(index).and_then(|n| n.dyn_into::<Element>().ok()) {
                        f(&control);
                    }
                }
            }
        };
        match message {
            Some(text) => {
                let error = match existing {
                    Some(error) => error,
                    None => {
                        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
                        let Ok(error) = document.create_element("p") else { return };
                        error.set_class_name("field-error");
                        error.set_id(&error_id);
                        let before = container.query_selector(".choices, input, textarea").ok().flatten();
                        let _ = match before {
                            Some(before) => {
                                before.parent_node().map(|parent| parent.insert_before(&error, Some(&before)))
                            }
                            None => Some(container.append_child(&error)),
                        };
                        error
                    }
                };
                error.set_text_content(Some(text));
                let _ = container.class_list().add_1("field-invalid");
                each_control(&|control| {
                    let _ = control.set_attribute("aria-invalid", "true");
                    let described = control.get_attribute("aria-describedby").unwrap_or_default();
                    if !described.split(' ').any(|d| d == error_id) {
                        let joined = format!("{described} {error_id}");
                        let _ = control.set_attribute("aria-describedby", joined.trim());
                    }
                });
            }
            None => {
                if let Some(error) = existing {
                    error.remove();
                }
                let _ = container.class_list().remove_1("field-invalid");
                each_control(&|control| {
                    let _ = control.remove_attribute("aria-invalid");
                    let described = control.get_attribute("aria-describedby").unwrap_or_default();
                    let kept: Vec<&str> = described.split(' ').filter(|d| !d.is_empty() && *d != error_id).collect();
                    let _ = if kept.is_empty() {
                        control.remove_attribute("aria-describedby")
                    } else {
                        control.set_attribute("aria-describedby", &kept.join(" "))
                    };
                });
            }
        }
    }

    pub fn attach(root: &Element, items: Vec<Item>, messages: Vec<(String, String)>, spoken: WriteSignal<String>) {
        let Some(form) = root.query_selector("form").ok().flatten().and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let root = root.clone();
        let form_for_check = form.clone();
        let check = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            let name = target.get_attribute("name").unwrap_or_default();
            let Some(item) = items.iter().find(|item| item.id == name) else { return };
            let values = super::keeper::snapshot(&form_for_check).remove(&name).unwrap_or_default();
            let problem = raw_item_from_form(item, &values).and_then(|raw| check_item(item, &raw).err());
            let message = problem.map(|p| {
                let key = p.code.key();
                messages.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone()).unwrap_or_default()
            });
            show(&root, &name, message.as_deref());
            if let Some(message) = message {
                spoken.set(message);
            }
        });
        let _ = form.add_event_listener_with_callback("change", check.as_ref().unchecked_ref());
        let _ = form.add_event_listener_with_callback("focusout", check.as_ref().unchecked_ref());
        check.forget();
    }
}

#[cfg(feature = "hydrate")]
mod keeper {
    //! The browser side of [`super::AnswerKeeper`].
    use leptos::prelude::{Set, WriteSignal};
    use std::collections::BTreeMap;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    /// The form's item fields (not its tokens) as name → values.
    pub(super) fn snapshot(form: &HtmlFormElement) -> BTreeMap<String, Vec<String>> {
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let Ok(fields) = form.query_selector_all("input, textarea") else { return values };
        for index in 0..fields.length() {
            let Some(node) = fields.item(index) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                let kind = input.type_();
                if kind == "hidden" || input.name().is_empty() {
                    continue;
                }
                if (kind == "radio" || kind == "checkbox") && !input.checked() {
                    continue;
                }
                values.entry(input.name()).or_default().push(input.value());
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>() {
                values.entry(area.name()).or_default().push(area.value());
            }
        }
        values
    }

    /// Puts kept answers back into fields the server left empty.
    fn restore(form: &HtmlFormElement, kept: &BTreeMap<String, Vec<String>>) {
        let current = snapshot(form);
        let Ok(fields) = form.query_selector_all("input, textarea") else { return };
        for index in 0..fields.length() {
            let Some(node) = fields.item(index) else { continue };
            if let Some(input) = node.dyn_ref::<HtmlInputElement>() {
                let name = input.name();
                let (Some(values), false) = (kept.get(&name), current.contains_key(&name)) else { continue };
                match input.type_().as_str() {
                    "radio" | "checkbox" => input.set_checked(values.contains(&input.value())),
                    "hidden" => {}
                    _ => input.set_value(values.last().map(String::as_str).unwrap_or_default()),
                }
            } else if let Some(area) = node.dyn_ref::<HtmlTextAreaElement>()
                && let (Some(values), false) = (kept.get(&area.name()), current.contains_key(&area.name()))
            {
                area.set_value(values.last().map(String::as_str).unwrap_or_default());
            }
        }
    }

    pub fn attach(root: &Element, key: &str, set_waiting: WriteSignal<bool>) {
        let Some(form) = root.query_selector("form").ok().flatten().and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        if let Some(kept) = storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .and_then(|json| serde_json::from_str::<BTreeMap<String, Vec<String>>>(&json).ok())
        {
            restore(&form, &kept);
        }
        let key_for_save = key.to_string();
        let form_for_save = form.clone();
        let save = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            if let (Some(store), Ok(json)) = (storage(), serde_json::to_string(&snapshot(&form_for_save))) {
                let _ = store.set_item(&key_for_save, &json);
            }
        });
        let _ = form.add_event_listener_with_callback("change", save.as_ref().unchecked_ref());
        let _ = form.add_event_listener_with_callback("input", save.as_ref().unchecked_ref());
        save.forget();

        let form_for_submit = form.clone();
        let submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let online = web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true);
            if online {
                return;
            }
            event.prevent_default();
            set_waiting.set(true);
            let form = form_for_submit.clone();
            let resend = Closure::once_into_js(move || {
                let _ = form.submit();
            });
            if let Some(window) = web_sys::window() {
                let options = web_sys::AddEventListenerOptions::new();
                options.set_once(true);
                let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
                    "online",
                    resend.unchecked_ref(),
                    &options,
                );
            }
        });
        let _ = form.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref());
        submit.forget();
    }
}
