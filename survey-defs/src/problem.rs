//! Problems found in a questionnaire definition or in a response.
//!
//! Every problem carries a path into the JSON document (`sections[0].items[3].options[1].label.fr`)
//! or, for responses, the item id (`phq9_1`), and a stable snake_case [`ProblemCode`]
//! that the UI translates. The `detail` is English, for logs and authors' tooltips.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Stable key of a problem, serialized in snake_case (`"duplicate_id"`), translated by the UI.
///
/// Never rename a variant: stored reports and translation files depend on the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    // --- Definition: reading the JSON ---
    /// The text is not JSON (syntax error; the detail has line and column).
    InvalidJson,
    /// JSON of the wrong shape: wrong type, unknown or missing field, unknown variant.
    InvalidStructure,
    // --- Definition: identifiers and metadata ---
    /// An id, slug or option code has forbidden characters or a bad length.
    InvalidId,
    /// Two sections, items, scales or options share an id.
    DuplicateId,
    /// The version is not `MAJOR.MINOR.PATCH`.
    InvalidVersion,
    /// A language tag is malformed or declared twice.
    InvalidLanguage,
    // --- Definition: texts ---
    /// French is missing (from `languages`, or from a text).
    MissingFrench,
    /// A text is written in a language that `languages` does not declare.
    LanguageNotDeclared,
    /// A text lacks a declared language other than French.
    MissingTranslation,
    /// A text is empty or blank.
    EmptyText,
    // --- Definition: items ---
    /// A choice item has no options, or fewer than it needs.
    NoOptions,
    /// Two options of one item share a code.
    DuplicateOptionCode,
    /// More options than the item type allows (31 for multiple choice).
    TooManyOptions,
    /// A min/max pair, a count or a bound is impossible.
    InvalidRange,
    /// `decimals` of a number item is above 4.
    InvalidDecimals,
    /// `max_length` of a text item is 0 or above the limit.
    InvalidLength,
    /// A date bound is not a valid `yyyy-mm-dd` date.
    InvalidDate,
    /// A display item (text only) is marked required.
    NotAnswerable,
    // --- Definition: conditions ---
    /// A condition refers to an item id that does not exist.
    UnknownItemReference,
    /// A condition refers to an item that comes later.
    ForwardReference,
    /// An item's condition refers to the item itself.
    SelfReference,
    /// Conditions depend on each other in a loop (including a section condition on its own items).
    ConditionCycle,
    /// A comparison that does not fit the item (e.g. `includes` on a single choice, an unknown option code).
    ConditionTypeMismatch,
    /// `all`/`any` with no condition inside.
    EmptyCondition,
    // --- Definition: scales ---
    /// A scale lists an item id that does not exist.
    UnknownScaleItem,
    /// A scale lists an item that cannot be scored (text, date, options without values).
    NonScorableScaleItem,
    /// A reverse-scored item is not in the scale's items.
    ReverseItemNotInScale,
    /// `min_answered` is 0 or above the number of items.
    InvalidMinAnswered,
    /// Score bands overlap or are out of order.
    BandOverlap,
    /// A score band goes beyond the scale's possible scores.
    BandOutOfRange,
    /// Bands of an integer-valued scale leave some possible scores without a band.
    BandGap,
    // --- Definition: structure ---
    /// A section has no items.
    EmptySection,
    /// The questionnaire (or a scale) has nothing to answer.
    NoItems,
    // --- Response ---
    /// A required item that is shown was not answered.
    Required,
    /// An answer to an item id the questionnaire does not have.
    UnknownItem,
    /// An answer of the wrong kind (e.g. a list for a yes/no item, an answer to a display item).
    WrongType,
    /// A choice answer with an option code the item does not have.
    UnknownOption,
    /// A number, rating or date outside the item's bounds.
    OutOfRange,
    /// A text longer than `max_length` characters.
    TooLong,
    /// More options selected than `max_selected`.
    TooManySelected,
    /// Fewer options selected than `min_selected`.
    TooFewSelected,
    /// A number that cannot be read or has too many decimals.
    InvalidNumber,
}

impl ProblemCode {
    /// Every code, in declaration order: lets the UI test that each key has a translation.
    pub const ALL: &'static [ProblemCode] = &[
        Self::InvalidJson,
        Self::InvalidStructure,
        Self::InvalidId,
        Self::DuplicateId,
        Self::InvalidVersion,
        Self::InvalidLanguage,
        Self::MissingFrench,
        Self::LanguageNotDeclared,
        Self::MissingTranslation,
        Self::EmptyText,
        Self::NoOptions,
        Self::DuplicateOptionCode,
        Self::TooManyOptions,
        Self::InvalidRange,
        Self::InvalidDecimals,
        Self::InvalidLength,
        Self::InvalidDate,
        Self::NotAnswerable,
        Self::UnknownItemReference,
        Self::ForwardReference,
        Self::SelfReference,
        Self::ConditionCycle,
        Self::ConditionTypeMismatch,
        Self::EmptyCondition,
        Self::UnknownScaleItem,
        Self::NonScorableScaleItem,
        Self::ReverseItemNotInScale,
        Self::InvalidMinAnswered,
        Self::BandOverlap,
        Self::BandOutOfRange,
        Self::BandGap,
        Self::EmptySection,
        Self::NoItems,
        Self::Required,
        Self::UnknownItem,
        Self::WrongType,
        Self::UnknownOption,
        Self::OutOfRange,
        Self::TooLong,
        Self::TooManySelected,
        Self::TooFewSelected,
        Self::InvalidNumber,
    ];

    /// The stable snake_case key, as serialized.
    pub fn key(self) -> String {
        serde_json::to_value(self).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

/// One problem: where, what (stable code), and an English detail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// JSON path (`sections[0].items[3].id`), or an item id for response problems; `""` = whole document.
    pub path: String,
    /// Stable key the UI translates.
    pub code: ProblemCode,
    /// English explanation for authors and logs.
    pub detail: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, code: ProblemCode, detail: impl Into<String>) -> Self {
        Self { path: path.into(), code, detail: detail.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({})", self.path, self.detail, self.code)
    }
}

/// A questionnaire definition that could not be accepted; holds every problem found.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid questionnaire definition: {} problem(s), first: {}", .problems.len(), first_problem(.problems))]
pub struct DefinitionError {
    /// All problems, in document order as far as possible. Never empty.
    pub problems: Vec<Problem>,
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

/// Builds JSON paths like `sections[0].items[3].label.fr`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Path(String);

impl Path {
    pub(crate) fn root() -> Self {
        Self(String::new())
    }

    /// `self.name`
    pub(crate) fn field(&self, name: &str) -> Self {
        if self.0.is_empty() { Self(name.to_owned()) } else { Self(format!("{}.{name}", self.0)) }
    }

    /// `self.name[index]`
    pub(crate) fn index(&self, name: &str, index: usize) -> Self {
        let mut p = self.field(name);
        p.0.push_str(&format!("[{index}]"));
        p
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Collects problems during a validation pass.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub(crate) Vec<Problem>);

impl Problems {
    pub(crate) fn push(&mut self, path: &Path, code: ProblemCode, detail: impl Into<String>) {
        self.0.push(Problem::new(path.as_str(), code, detail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails to compile when a variant is added without updating [`ProblemCode::ALL`].
    fn position(code: ProblemCode) -> usize {
        match code {
            ProblemCode::InvalidJson => 0,
            ProblemCode::InvalidStructure => 1,
            ProblemCode::InvalidId => 2,
            ProblemCode::DuplicateId => 3,
            ProblemCode::InvalidVersion => 4,
            ProblemCode::InvalidLanguage => 5,
            ProblemCode::MissingFrench => 6,
            ProblemCode::LanguageNotDeclared => 7,
            ProblemCode::MissingTranslation => 8,
            ProblemCode::EmptyText => 9,
            ProblemCode::NoOptions => 10,
            ProblemCode::DuplicateOptionCode => 11,
            ProblemCode::TooManyOptions => 12,
            ProblemCode::InvalidRange => 13,
            ProblemCode::InvalidDecimals => 14,
            ProblemCode::InvalidLength => 15,
            ProblemCode::InvalidDate => 16,
            ProblemCode::NotAnswerable => 17,
            ProblemCode::UnknownItemReference => 18,
            ProblemCode::ForwardReference => 19,
            ProblemCode::SelfReference => 20,
            ProblemCode::ConditionCycle => 21,
            ProblemCode::ConditionTypeMismatch => 22,
            ProblemCode::EmptyCondition => 23,
            ProblemCode::UnknownScaleItem => 24,
            ProblemCode::NonScorableScaleItem => 25,
            ProblemCode::ReverseItemNotInScale => 26,
            ProblemCode::InvalidMinAnswered => 27,
            ProblemCode::BandOverlap => 28,
            ProblemCode::BandOutOfRange => 29,
            ProblemCode::BandGap => 30,
            ProblemCode::EmptySection => 31,
            ProblemCode::NoItems => 32,
            ProblemCode::Required => 33,
            ProblemCode::UnknownItem => 34,
            ProblemCode::WrongType => 35,
            ProblemCode::UnknownOption => 36,
            ProblemCode::OutOfRange => 37,
            ProblemCode::TooLong => 38,
            ProblemCode::TooManySelected => 39,
            ProblemCode::TooFewSelected => 40,
            ProblemCode::InvalidNumber => 41,
        }
    }

    #[test]
    fn all_lists_every_code_once_in_order() {
        for (i, code) in ProblemCode::ALL.iter().enumerate() {
            assert_eq!(position(*code), i, "{code}");
        }
        assert_eq!(ProblemCode::ALL.len(), 42);
    }

    #[test]
    fn codes_serialize_as_stable_snake_case_keys() {
        assert_eq!(ProblemCode::UnknownItemReference.key(), "unknown_item_reference");
        assert_eq!(ProblemCode::InvalidJson.to_string(), "invalid_json");
    }

    #[test]
    fn paths_read_like_json_paths() {
        let p = Path::root().index("sections", 0).index("items", 3).field("label").field("fr");
        assert_eq!(p.as_str(), "sections[0].items[3].label.fr");
    }
}
