//! Semantic validation of a definition: every problem, each with its JSON path.
//!
//! Split by concept: metadata and texts here, items in `items`, conditions in
//! `conditions`, scales and bands in `scales`.

mod conditions;
mod items;
mod scales;

use std::collections::BTreeMap;

use crate::model::Questionnaire;
use crate::problem::{Path, Problem, ProblemCode, Problems};
use crate::text::{FRENCH, LocalizedText};

/// Longest id, slug or option code.
const MAX_ID_LENGTH: usize = 64;
/// Longest announced duration, in minutes.
const MAX_ESTIMATED_MINUTES: u32 = 240;

impl Questionnaire {
    /// Every semantic problem of the definition; empty = valid.
    ///
    /// [`Questionnaire::from_json`] calls this; call it yourself on a questionnaire built
    /// or edited in code before storing it.
    pub fn validate(&self) -> Vec<Problem> {
        let mut v = Validator::new(self);
        v.metadata();
        v.sections_and_items();
        v.conditions();
        v.scales();
        v.provenance_and_licence();
        v.problems.0
    }
}

/// Shared state of one validation pass.
pub(crate) struct Validator<'a> {
    q: &'a Questionnaire,
    problems: Problems,
    /// Languages every text must have: the declared ones, plus French in any case (a
    /// missing French declaration is reported once, on `languages`).
    languages: Vec<&'a str>,
    /// Position in definition order of each item id (first occurrence).
    positions: BTreeMap<&'a str, usize>,
}

/// True for `[a-z0-9]` plus the extra characters allowed, 1 to 64 characters long.
fn is_id(id: &str, extra: &[char]) -> bool {
    !id.is_empty()
        && id.chars().count() <= MAX_ID_LENGTH
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c))
}

/// `MAJOR.MINOR.PATCH`, numbers without leading zeros (semver 2.0.0, no pre-release).
fn is_version(version: &str) -> bool {
    let parts: Vec<&str> = version.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && (p.len() == 1 || !p.starts_with('0'))
        })
}

/// A BCP 47-like tag: `fr`, `en`, `nl-BE`, `pt-BR`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok =
        parts.next().is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    primary_ok && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl<'a> Validator<'a> {
    fn new(q: &'a Questionnaire) -> Self {
        let mut languages: Vec<&str> = q.languages.iter().map(String::as_str).collect();
        if !languages.contains(&FRENCH) {
            languages.push(FRENCH);
        }
        let mut positions = BTreeMap::new();
        for (pos, item) in q.items().enumerate() {
            positions.entry(item.id.as_str()).or_insert(pos);
        }
        Self { q, problems: Problems::default(), languages, positions }
    }

    fn push(&mut self, path: &Path, code: ProblemCode, detail: impl Into<String>) {
        self.problems.push(path, code, detail);
    }

    /// An id of `[a-z0-9_-]`.
    fn check_id(&mut self, id: &str, path: &Path, what: &str) {
        if !is_id(id, &['_', '-']) {
            self.push(
                path,
                ProblemCode::InvalidId,
                format!("{what} `{id}` must be 1 to {MAX_ID_LENGTH} characters among a-z, 0-9, _ and -"),
            );
        }
    }

    /// A text that must be present in every declared language.
    fn required_text(&mut self, text: &LocalizedText, path: &Path) {
        if text.is_empty() {
            self.push(path, ProblemCode::EmptyText, "text is missing");
        } else {
            self.text(text, path);
        }
    }

    /// An optional text: when present, the same rules as a required one.
    fn optional_text(&mut self, text: Option<&LocalizedText>, path: &Path) {
        if let Some(text) = text {
            self.required_text(text, path);
        }
    }

    /// A text that may be wholly empty (`{}`), but if written, in every declared language.
    fn text_if_any(&mut self, text: &LocalizedText, path: &Path) {
        if !text.is_empty() {
            self.text(text, path);
        }
    }

    fn text(&mut self, text: &LocalizedText, path: &Path) {
        for (lang, value) in text.iter() {
            let lang_path = path.field(lang);
            if !self.languages.contains(&lang) {
                self.push(
                    &lang_path,
                    ProblemCode::LanguageNotDeclared,
                    format!("`{lang}` is not in the questionnaire's languages"),
                );
            } else if value.trim().is_empty() {
                self.push(&lang_path, ProblemCode::EmptyText, format!("the `{lang}` text is blank"));
            }
        }
        for lang in self.languages.clone() {
            if text.get_exact(lang).is_none() {
                let (code, detail) = if lang == FRENCH {
                    (ProblemCode::MissingFrench, "the French text is missing".to_owned())
                } else {
                    (ProblemCode::MissingTranslation, format!("the `{lang}` translation is missing"))
                };
                self.push(&path.field(lang), code, detail);
            }
        }
    }

    fn metadata(&mut self) {
        let q = self.q;
        let root = Path::root();
        if !is_id(&q.id, &['-']) || q.id.starts_with('-') || q.id.ends_with('-') {
            self.push(
                &root.field("id"),
                ProblemCode::InvalidId,
                format!("`{}` must be a slug: 1 to {MAX_ID_LENGTH} characters among a-z, 0-9 and -", q.id),
            );
        }
        if !is_version(&q.version) {
            self.push(
                &root.field("version"),
                ProblemCode::InvalidVersion,
                format!("`{}` must be MAJOR.MINOR.PATCH, e.g. 1.0.0", q.version),
            );
        }
        if !q.languages.iter().any(|l| l == FRENCH) {
            self.push(&root.field("languages"), ProblemCode::MissingFrench, "`fr` must be among the languages");
        }
        for (k, lang) in q.languages.iter().enumerate() {
            let path = root.index("languages", k);
            if !is_language_tag(lang) {
                self.push(
                    &path,
                    ProblemCode::InvalidLanguage,
                    format!("`{lang}` is not a language tag such as fr, en, nl-BE"),
                );
            } else if q.languages[..k].contains(lang) {
                self.push(&path, ProblemCode::InvalidLanguage, format!("`{lang}` is declared twice"));
            }
        }
        self.required_text(&q.title, &root.field("title"));
        self.required_text(&q.introduction, &root.field("introduction"));
        self.required_text(&q.who_asks_and_why, &root.field("who_asks_and_why"));
        if let Some(minutes) = q.estimated_minutes.filter(|m| *m == 0 || *m > MAX_ESTIMATED_MINUTES) {
            self.push(
                &root.field("estimated_minutes"),
                ProblemCode::InvalidRange,
                format!("{minutes} minutes: expected 1 to {MAX_ESTIMATED_MINUTES}"),
            );
        }
    }

    fn provenance_and_licence(&mut self) {
        let q = self.q;
        let provenance = Path::root().field("provenance");
        for (k, author) in q.provenance.co_authors.iter().enumerate() {
            if author.name.trim().is_empty() {
                self.push(&provenance.index("co_authors", k).field("name"), ProblemCode::EmptyText, "name is blank");
            }
        }
        self.optional_text(q.provenance.notes.as_ref(), &provenance.field("notes"));
        if q.licence.name.trim().is_empty() {
            self.push(&Path::root().field("licence").field("name"), ProblemCode::EmptyText, "licence name is blank");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_versions_and_tags() {
        assert!(is_id("phq9_1", &['_', '-']));
        assert!(!is_id("PHQ9", &['_', '-']));
        assert!(!is_id("", &['-']));
        assert!(!is_id(&"a".repeat(65), &['-']));
        assert!(is_version("1.0.0") && is_version("10.20.30"));
        assert!(!is_version("1.0") && !is_version("01.0.0") && !is_version("1.0.0-beta") && !is_version("1..0"));
        assert!(is_language_tag("fr") && is_language_tag("nl-BE"));
        assert!(!is_language_tag("FR") && !is_language_tag("f") && !is_language_tag("fr_BE"));
    }
}
