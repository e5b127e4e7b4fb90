//! Validation of sections, items and options.

use std::collections::BTreeSet;

use super::Validator;
use crate::date::parse_iso_date;
use crate::item::{
    AnswerOption, Item, ItemKind, MAX_CHOICE_OPTIONS, MAX_DECIMALS, MAX_LONG_TEXT_LENGTH, MAX_MULTIPLE_OPTIONS,
    MAX_RATING_POINTS, MAX_SHORT_TEXT_LENGTH,
};
use crate::layout::MISSING;
use crate::problem::{Path, ProblemCode};

impl Validator<'_> {
    pub(super) fn sections_and_items(&mut self) {
        let q = self.q;
        let root = crate::problem::Path::root();
        if q.sections.is_empty() {
            self.push(&root.field("sections"), ProblemCode::NoItems, "the questionnaire has no section");
        } else if q.answerable_items().next().is_none() {
            self.push(&root.field("sections"), ProblemCode::NoItems, "the questionnaire has no question to answer");
        }
        let mut section_ids = BTreeSet::new();
        let mut item_ids = BTreeSet::new();
        for (s, section) in q.sections.iter().enumerate() {
            let path = root.index("sections", s);
            self.check_id(&section.id, &path.field("id"), "section id");
            if !section_ids.insert(section.id.as_str()) {
                self.push(
                    &path.field("id"),
                    ProblemCode::DuplicateId,
                    format!("section id `{}` is used twice", section.id),
                );
            }
            self.text_if_any(&section.title, &path.field("title"));
            if section.items.is_empty() {
                self.push(&path.field("items"), ProblemCode::EmptySection, "the section has no item");
            }
            for (i, item) in section.items.iter().enumerate() {
                let item_path = path.index("items", i);
                if !item_ids.insert(item.id.as_str()) {
                    self.push(
                        &item_path.field("id"),
                        ProblemCode::DuplicateId,
                        format!("item id `{}` is used twice", item.id),
                    );
                }
                self.item(item, &item_path);
            }
        }
    }

    fn item(&mut self, item: &Item, path: &Path) {
        self.check_id(&item.id, &path.field("id"), "item id");
        self.required_text(&item.text, &path.field("text"));
        self.optional_text(item.easy_read.as_ref(), &path.field("easy_read"));
        self.optional_text(item.why_we_ask.as_ref(), &path.field("why_we_ask"));
        match &item.kind {
            ItemKind::SingleChoice { options } | ItemKind::Likert { options } => {
                self.options(options, path, 2, MAX_CHOICE_OPTIONS);
                if matches!(item.kind, ItemKind::Likert { .. }) {
                    self.likert_order(options, path);
                }
            }
            ItemKind::MultipleChoice { options, min_selected, max_selected } => {
                self.options(options, path, 1, MAX_MULTIPLE_OPTIONS);
                let count = u32::try_from(options.len()).unwrap_or(u32::MAX);
                if let Some(max) = max_selected.filter(|m| *m == 0 || *m > count) {
                    self.push(
                        &path.field("max_selected"),
                        ProblemCode::InvalidRange,
                        format!("max_selected {max}: expected 1 to the number of options ({count})"),
                    );
                }
                let upper = max_selected.unwrap_or(count);
                if let Some(min) = min_selected.filter(|m| *m > upper) {
                    self.push(
                        &path.field("min_selected"),
                        ProblemCode::InvalidRange,
                        format!("min_selected {min} is above {upper}"),
                    );
                }
            }
            ItemKind::RatingScale { min, max, min_label, max_label } => {
                let points = i64::from(*max) - i64::from(*min) + 1;
                if !(2..=MAX_RATING_POINTS).contains(&points) || *min == MISSING {
                    self.push(
                        &path.field("max"),
                        ProblemCode::InvalidRange,
                        format!("{min} to {max}: expected min < max and at most {MAX_RATING_POINTS} points"),
                    );
                }
                self.required_text(min_label, &path.field("min_label"));
                self.required_text(max_label, &path.field("max_label"));
            }
            ItemKind::Number { min, max, decimals, unit } => {
                if *decimals > MAX_DECIMALS {
                    self.push(
                        &path.field("decimals"),
                        ProblemCode::InvalidDecimals,
                        format!("{decimals} decimals: at most {MAX_DECIMALS}"),
                    );
                }
                // Stored as round(value × 10^decimals) in an i32 (see layout).
                let factor = 10f64.powi(i32::from((*decimals).min(MAX_DECIMALS)));
                let fits = |v: f64| v.is_finite() && (v * factor).abs() < f64::from(i32::MAX);
                if !fits(*min) || !fits(*max) || min >= max {
                    self.push(
                        &path.field("max"),
                        ProblemCode::InvalidRange,
                        format!("{min} to {max}: expected min < max, |value| × 10^decimals below 2^31"),
                    );
                }
                self.optional_text(unit.as_ref(), &path.field("unit"));
            }
            ItemKind::ShortText { max_length } => self.max_length(*max_length, MAX_SHORT_TEXT_LENGTH, path),
            ItemKind::LongText { max_length } => self.max_length(*max_length, MAX_LONG_TEXT_LENGTH, path),
            ItemKind::Date { min, max } => {
                let mut bound = |value: &Option<String>, field: &str| {
                    let text = value.as_deref()?;
                    let day = parse_iso_date(text);
                    if day.is_none() {
                        self.push(
                            &path.field(field),
                            ProblemCode::InvalidDate,
                            format!("`{text}` is not a date yyyy-mm-dd"),
                        );
                    }
                    day
                };
                let (low, high) = (bound(min, "min"), bound(max, "max"));
                if let (Some(low), Some(high)) = (low, high)
                    && low > high
                {
                    self.push(&path.field("max"), ProblemCode::InvalidRange, "max is before min");
                }
            }
            ItemKind::YesNo => {}
            ItemKind::Display => {
                if item.required {
                    self.push(
                        &path.field("required"),
                        ProblemCode::NotAnswerable,
                        "a display item has nothing to answer and cannot be required",
                    );
                }
            }
        }
    }

    fn max_length(&mut self, max_length: u32, limit: u32, path: &Path) {
        if max_length == 0 || max_length > limit {
            self.push(
                &path.field("max_length"),
                ProblemCode::InvalidLength,
                format!("max_length {max_length}: expected 1 to {limit}"),
            );
        }
    }

    fn options(&mut self, options: &[AnswerOption], path: &Path, fewest: usize, most: usize) {
        if options.len() < fewest {
            self.push(
                &path.field("options"),
                ProblemCode::NoOptions,
                format!("{} option(s): at least {fewest} needed", options.len()),
            );
        }
        if options.len() > most {
            self.push(
                &path.field("options"),
                ProblemCode::TooManyOptions,
                format!("{} options: at most {most}", options.len()),
            );
        }
        let mut codes = BTreeSet::new();
        for (k, option) in options.iter().enumerate() {
            let option_path = path.index("options", k);
            self.check_id(&option.code, &option_path.field("code"), "option code");
            if !codes.insert(option.code.as_str()) {
                self.push(
                    &option_path.field("code"),
                    ProblemCode::DuplicateOptionCode,
                    format!("option code `{}` is used twice", option.code),
                );
            }
            self.required_text(&option.label, &option_path.field("label"));
        }
    }

    /// Likert points are ordered: their scoring values must go one way.
    fn likert_order(&mut self, options: &[AnswerOption], path: &Path) {
        let values: Vec<i32> = options.iter().filter_map(|o| o.value).collect();
        let increasing = values.windows(2).all(|w| w[0] < w[1]);
        let decreasing = values.windows(2).all(|w| w[0] > w[1]);
        if !increasing && !decreasing {
            self.push(
                &path.field("options"),
                ProblemCode::InvalidRange,
                "Likert values must strictly increase or strictly decrease along the options",
            );
        }
    }
}
