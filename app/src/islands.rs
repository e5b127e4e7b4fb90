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
/// dropped connection or a reload loses nothing, and holds a submission made while
/// offline until the network is back.
///
/// Without JavaScript the server-side draft already keeps every answer sent; this only
/// adds the answers typed since. `sessionStorage` is used, not `localStorage`: answers
/// do not outlive the tab on a shared phone.
#[island]
pub fn AnswerKeeper(
    /// Storage key: campaign and screen.
    storage_key: String,
    /// Shown while a submission waits for the network.
    offline_message: String,
    /// The screen's form.
    children: Children,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let (waiting, set_waiting) = signal(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(div) = root.get() {
            keeper::attach(&div, &storage_key, set_waiting);
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (&storage_key, set_waiting);
    view! {
        <div node_ref=root class="answer-keeper">
            {children()}
            <p class="notice" role="status" hidden=move || !waiting.get()>{offline_message}</p>
        </div>
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
    fn snapshot(form: &HtmlFormElement) -> BTreeMap<String, Vec<String>> {
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
