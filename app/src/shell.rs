//! The HTML document around every page, the router, and the per-request context
//! (language, CSP nonce) that pages read.

use crate::i18n::Lang;
use crate::pages::respond::{
    CampaignStartPage, DeclinedPage, InvalidInvitationPage, ReceiptPage, ReviewPage, ScreenPage, WithdrawnPage,
    YourResultsPage,
};
use crate::pages::staff::{
    AuditLogPage, CampaignDeskPage, CampaignResultsPage, DraftDetailPage, LoopDashboardPage, NewCampaignPage,
    PeopleListPage, PersonDetailPage, PlanPageView, ProjectDetailPage, ProjectListPage, RoadmapPageView,
    SignInLinkPage, SignInPage, StaffHomePage, WelcomePage,
};
use crate::pages::{HomePage, NotFoundPage, QuestionnairePage};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode, StaticSegment,
    components::{Route, Router, Routes},
    path,
};

/// The CSP nonce of the current response, put in the request's extensions by the
/// server's security-headers middleware so inline scripts can carry it.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The languages a page may be shown in, when fewer than all: a campaign's pages offer
/// only the campaign's languages, French first. The server puts it in the request's
/// extensions, like [`CspNonce`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferedLanguages(pub Vec<Lang>);

/// What the page needs to know about the request it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct PageContext {
    /// Interface language.
    pub lang: Lang,
    /// Whether easy-read wording was asked for (`?easy=1`).
    pub easy_read: bool,
    /// The languages the language switch offers.
    pub languages: Vec<Lang>,
}

/// Reads the page context provided by [`shell`] (defaults outside a request).
pub fn use_page() -> PageContext {
    use_context::<PageContext>().unwrap_or(PageContext {
        lang: Lang::Fr,
        easy_read: false,
        languages: Lang::ALL.to_vec(),
    })
}

/// The page language: the one asked for (`?lang=`, then the browser's) if offered,
/// else the first offered (French by default).
pub fn choose_language(asked: Option<Lang>, browser: Option<Lang>, offered: &[Lang]) -> Lang {
    let first = offered.first().copied().unwrap_or_default();
    asked.or(browser).filter(|lang| offered.contains(lang)).unwrap_or(first)
}

/// A link to `path` that keeps the page language.
pub fn href(path: &str, lang: Lang) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}lang={}", lang.tag())
}

#[cfg(feature = "ssr")]
fn request_context() -> (PageContext, Option<String>) {
    let parts = use_context::<http::request::Parts>();
    let query = parts.as_ref().and_then(|p| p.uri.query()).unwrap_or_default();
    let param = |name: &str| {
        query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then(|| value.to_string())
        })
    };
    let accept = parts
        .as_ref()
        .and_then(|p| p.headers.get(http::header::ACCEPT_LANGUAGE))
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language);
    let languages = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<OfferedLanguages>())
        .map(|offered| offered.0.clone())
        .filter(|offered| !offered.is_empty())
        .unwrap_or_else(|| Lang::ALL.to_vec());
    let lang = choose_language(param("lang").and_then(|l| Lang::from_tag(&l)), accept, &languages);
    let easy_read = param("easy").is_some_and(|v| v == "1");
    let nonce = parts.as_ref().and_then(|p| p.extensions.get::<CspNonce>()).map(|n| n.0.clone());
    (PageContext { lang, easy_read, languages }, nonce)
}

/// The whole HTML document, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let page = {
        let (page, nonce) = request_context();
        if let Some(nonce) = nonce {
            provide_context(leptos::nonce::Nonce::from_value(nonce));
        }
        page
    };
    #[cfg(not(feature = "ssr"))]
    let page = use_page();
    let lang = page.lang;
    provide_context(page);
    view! {
        <!DOCTYPE html>
        <html lang=lang.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="stylesheet" href="/style/boucle.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, routes, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let page = use_page();
    let lang = page.lang;
    view! {
        <a class="skip-link" href="#main">{lang.t("skip-to-content")}</a>
        <Router>
            <header class="site-header">
                <a class="brand" href=href("/", lang)>"Boucle"</a>
                <LanguageSwitch/>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/questionnaires/:id")
                        view=QuestionnairePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/questionnaires/:id/versions/:version")
                        view=QuestionnairePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/r/:campaign") view=CampaignStartPage ssr=SsrMode::Async/>
                    <Route path=path!("/r/:campaign/declined") view=DeclinedPage ssr=SsrMode::Async/>
                    <Route path=path!("/r/:campaign/q/:number") view=ScreenPage ssr=SsrMode::Async/>
                    <Route path=path!("/r/:campaign/review") view=ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/r/:campaign/merci") view=ReceiptPage ssr=SsrMode::Async/>
                    <Route path=path!("/mes-resultats") view=YourResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/lien-invalide") view=InvalidInvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/mes-resultats/retire") view=WithdrawnPage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion/bienvenue") view=WelcomePage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion/lien") view=SignInLinkPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/projets") view=ProjectListPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/projets/:project") view=ProjectDetailPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/equipe/projets/:project/campagnes/:campaign")
                        view=PlanPageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/equipe/projets/:project/campagnes/:campaign/feuille-de-route")
                        view=RoadmapPageView
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/equipe/projets/:project/brouillons/:draft")
                        view=DraftDetailPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/equipe") view=StaffHomePage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/boucle") view=LoopDashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/campagnes/nouvelle") view=NewCampaignPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/campagnes/:campaign") view=CampaignDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/campagnes/:campaign/resultats") view=CampaignResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/journal") view=AuditLogPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/personnes") view=PeopleListPage ssr=SsrMode::Async/>
                    <Route path=path!("/equipe/personnes/:person") view=PersonDetailPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <footer class="site-footer">
                <p>{lang.t("footer-tagline")}</p>
            </footer>
        </Router>
    }
}

/// Links to the same page in each interface language; works without JavaScript.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let page = use_page();
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    let easy = if page.easy_read { "?easy=1" } else { "" };
    // A page offered in one language only has nothing to switch to.
    if page.languages.len() < 2 {
        return ().into_any();
    }
    let links = page
        .languages
        .iter()
        .copied()
        .map(|lang| {
            let current = lang == page.lang;
            view! {
                <li>
                    <a
                        href=href(&format!("{path}{easy}"), lang)
                        hreflang=lang.tag()
                        lang=lang.tag()
                        aria-current=current.then_some("page")
                    >
                        {lang.endonym()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=page.lang.t("language-switch-label")>
            <ul>{links}</ul>
        </nav>
    }
    .into_any()
}

/// The document title. `leptos_meta` 0.8 writes `<Title>` text into the page without
/// escaping it, and titles carry text people typed (campaign and questionnaire titles):
/// escape it here, once, for every page.
#[component]
pub fn PageTitle(
    /// The title, as plain text.
    text: String,
) -> impl IntoView {
    let escaped = escape_html_text(&text);
    view! { <leptos_meta::Title text=escaped/> }
}

/// `&`, `<` and `>` as character references: plain text that cannot open or close an element.
pub fn escape_html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{choose_language, escape_html_text};
    use crate::i18n::Lang;

    #[test]
    fn a_page_speaks_only_a_language_it_offers() {
        let both = [Lang::Fr, Lang::En];
        assert_eq!(choose_language(Some(Lang::En), None, &both), Lang::En);
        assert_eq!(choose_language(None, Some(Lang::En), &both), Lang::En);
        assert_eq!(choose_language(None, None, &both), Lang::Fr);
        // A French-only campaign stays French whatever the link or the browser asks.
        assert_eq!(choose_language(Some(Lang::En), Some(Lang::En), &[Lang::Fr]), Lang::Fr);
        assert_eq!(choose_language(Some(Lang::En), None, &[]), Lang::Fr);
    }

    #[test]
    fn title_text_cannot_close_the_title_element() {
        assert_eq!(
            escape_html_text("</title><script>a && b</script>"),
            "&lt;/title&gt;&lt;script&gt;a &amp;&amp; b&lt;/script&gt;"
        );
        assert_eq!(escape_html_text("Séjour « ambulatoire »"), "Séjour « ambulatoire »");
    }
}
