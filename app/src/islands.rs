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
