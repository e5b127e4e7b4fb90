//! # survey-defs: Boucle's questionnaires
//!
//! The heart of Boucle: pure questionnaire types (PROMs such as PHQ-9, PREMs about
//! hospital experience), their validation, display conditions, response checking,
//! scoring, compact answer encoding for storage, and a content hash that identifies
//! exactly what respondents saw. The server, the app (compiled to wasm32 too) and
//! analytics all use this one implementation.
//!
//! - Raw JSON becomes a [`Questionnaire`] only through [`Questionnaire::from_json`], which
//!   reports every problem with its JSON path and a stable [`ProblemCode`].
//! - A response is checked with [`check_response`] (or [`check_partial`] when saving as
//!   you go); scores come from [`score_all`], built on the single [`score_values`].
//! - Co-authors change a draft one [`Change`] at a time ([`apply_to_draft`]); [`diff`]
//!   says what changed between two versions and which answers stay comparable.
//! - Answers are stored compactly with [`AnswerLayout`] (one `i32` per item).
//!
//! This crate must never do I/O: no files, network, clock, randomness, database or
//! logging. Built-in questionnaires are embedded at compile time. Keep it buildable for
//! `wasm32-unknown-unknown`.
//!
//! Run its tests with `cargo test -p survey-defs`.

#![warn(missing_docs)]

mod answer;
mod canonical;
mod change;
mod condition;
mod date;
mod diff;
mod form;
mod item;
mod item_wire;
mod layout;
mod library;
mod model;
mod parse;
mod problem;
mod readability;
mod response;
mod scale;
mod scoring;
mod screens;
mod text;
mod validate;

pub use change::{Change, ChangeError, apply_to_draft, empty_draft};
pub use condition::{Condition, ConditionValue};
pub use date::{format_iso_date, parse_iso_date};
pub use diff::{ItemChange, QuestionnaireDiff, ScaleChange, diff};
pub use form::{FormValues, form_values, raw_from_form, raw_item_from_form};
pub use item::{
    AnswerOption, DEFAULT_LONG_TEXT_LENGTH, DEFAULT_SHORT_TEXT_LENGTH, Item, ItemKind, MAX_CHOICE_OPTIONS,
    MAX_DECIMALS, MAX_LONG_TEXT_LENGTH, MAX_MULTIPLE_OPTIONS, MAX_RATING_POINTS, MAX_SHORT_TEXT_LENGTH,
};
pub use layout::{AnswerLayout, ColumnKind, EncodedAnswers, LayoutColumn, LayoutError, MISSING};
pub use library::{BUILTIN_SOURCES, builtin, builtin_library};
pub use model::{AuthorRole, CoAuthor, Licence, Provenance, Questionnaire, QuestionnaireKind, Section};
pub use problem::{DefinitionError, Problem, ProblemCode};
pub use readability::{
    Advice, ENGLISH_JARGON, FRENCH_JARGON, LONG_WORD_SYLLABLES, MAX_SENTENCE_WORDS, Readability,
    check as check_readability, syllables,
};
pub use response::{
    Answer, Answers, RawAnswer, RawAnswers, RequiredCheck, ResponseCheck, Visibility, check_answers, check_item,
    check_partial, check_response, visibility,
};
pub use scale::{Scale, ScoreBand, ScoringMethod, band_index};
pub use scoring::{ScaleInfo, ScaleItemInfo, ScaleScore, item_value, score_all, score_scale, score_values};
pub use screens::{Screen, next_visible_screen, screens};
pub use text::{FRENCH, LocalizedText};
