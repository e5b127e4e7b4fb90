//! The questionnaire and its sections, provenance and licence.

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::item::Item;
use crate::scale::Scale;
use crate::text::LocalizedText;

/// What a questionnaire measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionnaireKind {
    /// Patient-reported outcome measure: health status as the patient reports it (PHQ-9).
    Prom,
    /// Patient-reported experience measure: how care was lived (information, respect, discharge).
    Prem,
    /// Anything else.
    Other,
}

/// A questionnaire definition: what the respondent sees, how answers are checked and scored.
///
/// Build one from JSON with [`Questionnaire::from_json`], which reports every problem; a
/// value built in code can be checked with [`Questionnaire::validate`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Slug, `[a-z0-9-]`, 1 to 64 characters (`"phq-9"`).
    pub id: String,
    /// Semantic version `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// PROM, PREM or other.
    pub kind: QuestionnaireKind,
    /// Language tags every text is written in; must contain `"fr"`.
    pub languages: Vec<String>,
    /// Title.
    pub title: LocalizedText,
    /// Shown before the first question.
    pub introduction: LocalizedText,
    /// Who asks, and what the answers are used for (transparency towards respondents).
    pub who_asks_and_why: LocalizedText,
    /// Announced duration, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_minutes: Option<u32>,
    /// Sections, in order.
    pub sections: Vec<Section>,
    /// Scores computed from the answers.
    #[serde(default)]
    pub scales: Vec<Scale>,
    /// Who wrote it, from what.
    pub provenance: Provenance,
    /// Under what terms it may be used.
    pub licence: Licence,
}

/// A group of items shown together (one page on a phone).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique among sections; `[a-z0-9_-]`.
    pub id: String,
    /// Heading; may be empty (`{}`) for a questionnaire with a single section.
    pub title: LocalizedText,
    /// Shown only when this holds; may only refer to items of earlier sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Items, in order.
    pub items: Vec<Item>,
}

/// Who wrote the questionnaire and from what.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// People or groups who wrote it (patient-partners and professionals).
    #[serde(default)]
    pub co_authors: Vec<CoAuthor>,
    /// The published instrument it is based on (citation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<String>,
    /// Free notes (scoring conventions, adaptations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<LocalizedText>,
}

/// A co-author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoAuthor {
    /// Name as it should be credited (a person or a group).
    pub name: String,
    /// In what capacity.
    pub role: AuthorRole,
}

/// The capacity in which someone co-authored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorRole {
    /// A patient-partner (never presented as a health professional).
    PatientPartner,
    /// A health professional.
    Professional,
    /// The quality team (*direction qualité*).
    QualityTeam,
}

/// Terms of use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    /// Licence name ("Public domain", "CC BY 4.0").
    pub name: String,
    /// Citation of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the licence or source can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A validated instrument: wording, options and order must stay as published.
    #[serde(default)]
    pub wording_locked: bool,
}

impl Questionnaire {
    /// All items, in order, across sections.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// Items that ask for an answer (not display texts), in order.
    pub fn answerable_items(&self) -> impl Iterator<Item = &Item> {
        self.items().filter(|i| i.is_answerable())
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }
}
