//! Texts written in several languages.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The language every questionnaire must be written in: Boucle is French first.
pub const FRENCH: &str = "fr";

/// A text in several languages: language tag (`"fr"`, `"en"`, `"nl"`) → text.
///
/// Serialized as a plain JSON object, e.g. `{"fr": "Bonjour", "en": "Hello"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(BTreeMap<String, String>);

impl LocalizedText {
    /// An empty text (no language).
    pub fn new() -> Self {
        Self::default()
    }

    /// Builder: the same text with `text` set for `lang`.
    #[must_use]
    pub fn with(mut self, lang: &str, text: &str) -> Self {
        self.0.insert(lang.to_owned(), text.to_owned());
        self
    }

    /// Sets the text for `lang`, replacing any previous one.
    pub fn set(&mut self, lang: &str, text: &str) {
        self.0.insert(lang.to_owned(), text.to_owned());
    }

    /// The text in `lang`; falls back to French, then to any language (the first
    /// tag in alphabetical order), then to `""`.
    pub fn get(&self, lang: &str) -> &str {
        self.0.get(lang).or_else(|| self.0.get(FRENCH)).or_else(|| self.0.values().next()).map_or("", String::as_str)
    }

    /// The text in exactly `lang`, without fallback.
    pub fn get_exact(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }

    /// The language tags this text is written in, in alphabetical order.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// `(language, text)` pairs, in alphabetical order of language.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// True when no language is present.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<const N: usize> From<[(&str, &str); N]> for LocalizedText {
    fn from(pairs: [(&str, &str); N]) -> Self {
        Self(pairs.into_iter().map(|(lang, text)| (lang.to_owned(), text.to_owned())).collect())
    }
}

impl From<BTreeMap<String, String>> for LocalizedText {
    fn from(map: BTreeMap<String, String>) -> Self {
        Self(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_falls_back_to_french_then_any_then_empty() {
        let t = LocalizedText::from([("fr", "Bonjour"), ("en", "Hello")]);
        assert_eq!(t.get("en"), "Hello");
        assert_eq!(t.get("nl"), "Bonjour");
        let only_nl = LocalizedText::new().with("nl", "Hallo");
        assert_eq!(only_nl.get("en"), "Hallo");
        assert_eq!(LocalizedText::new().get("fr"), "");
    }

    #[test]
    fn serializes_as_plain_object() {
        let t = LocalizedText::from([("fr", "Oui")]);
        assert_eq!(serde_json::to_string(&t).ok().as_deref(), Some(r#"{"fr":"Oui"}"#));
        assert_eq!(t.languages().collect::<Vec<_>>(), vec!["fr"]);
        assert!(!t.is_empty());
    }
}
