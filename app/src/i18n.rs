//! Translations: every user-facing sentence lives in `app/locales/<lang>.ftl` (Fluent),
//! one key per sentence, French first. Code asks for keys, never for text.
//!
//! The page language comes from the `lang` query parameter (so a plain link switches it,
//! with or without JavaScript), then the browser's `Accept-Language`, then French.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// A language Boucle's interface is translated into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    /// French: the default and the reference language.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every interface language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The BCP 47 tag (`fr`, `en`), as used in `lang` attributes and questionnaire texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Parses a tag such as `en`, `en-GB` or `FR`; `None` for untranslated languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, honouring `q` weights.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut candidates: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, part)| {
                let mut pieces = part.split(';');
                let lang = Lang::from_tag(pieces.next()?)?;
                let weight =
                    pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                (weight > 0.0).then_some((weight, position, lang))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// The sentence for `key`. A missing key shows the key itself (and fails the
    /// translation tests), never a blank.
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The sentence for `key` with named arguments, e.g. `[("count", 3.into())]`.
    pub fn t_args(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    /// An ISO date (`2027-02-21`) in words: "21 février 2027", "21 February 2027".
    /// Anything that is not such a date is returned unchanged.
    pub fn date(self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
            return iso.to_string();
        };
        match (month.parse::<u8>(), day.parse::<u8>()) {
            (Ok(m @ 1..=12), Ok(d @ 1..=31)) if year.len() == 4 => {
                let month = self.t(&format!("month-{m}"));
                match self {
                    Lang::Fr if d == 1 => format!("1er {month} {year}"),
                    _ => format!("{d} {month} {year}"),
                }
            }
            _ => iso.to_string(),
        }
    }

    fn format(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, args, &mut errors).into_owned()
    }
}

/// The translation sources, embedded at compile time.
pub const SOURCES: [(Lang, &str); 2] =
    [(Lang::Fr, include_str!("../locales/fr.ftl")), (Lang::En, include_str!("../locales/en.ftl"))];

fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let source = SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s).unwrap_or_default();
    // A syntax error in a shipped .ftl is caught by the tests; at run time the valid
    // entries are still used.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
    let langid = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Unicode isolation marks around arguments confuse screen readers and tests alike.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

static FR: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::Fr));
static EN: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| build(Lang::En));

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        let resource = fluent_syntax::parser::parse(source).expect("valid Fluent syntax");
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_language_has_every_key() {
        let french = keys(SOURCES[0].1);
        assert!(!french.is_empty());
        for (lang, source) in SOURCES {
            let these = keys(source);
            let missing: Vec<_> = french.difference(&these).collect();
            let extra: Vec<_> = these.difference(&french).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang:?} has keys French lacks: {extra:?}");
        }
    }

    #[test]
    fn arguments_are_substituted() {
        let text = Lang::En.t_args("library-item-count", &[("count", 9.into())]);
        assert_eq!(text, "9 questions");
        assert_eq!(Lang::Fr.t_args("library-item-count", &[("count", 1.into())]), "1 question");
    }

    #[test]
    fn dates_are_written_in_words() {
        assert_eq!(Lang::Fr.date("2027-02-21"), "21 février 2027");
        assert_eq!(Lang::Fr.date("2027-03-01"), "1er mars 2027");
        assert_eq!(Lang::En.date("2027-02-21"), "21 February 2027");
        assert_eq!(Lang::En.date("not a date"), "not a date");
        assert_eq!(Lang::Fr.date("2027-13-01"), "2027-13-01");
    }

    #[test]
    fn missing_key_shows_the_key() {
        assert_eq!(Lang::Fr.t("no-such-key"), "no-such-key");
    }

    #[test]
    fn accept_language_is_weighted() {
        assert_eq!(Lang::from_accept_language("de-DE,en;q=0.8,fr;q=0.9"), Some(Lang::Fr));
        assert_eq!(Lang::from_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de, nl;q=0.5"), None);
        assert_eq!(Lang::from_accept_language("fr;q=0, en"), Some(Lang::En));
    }
}
