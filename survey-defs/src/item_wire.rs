//! How an [`Item`] is read from JSON.
//!
//! serde cannot combine `deny_unknown_fields` with `#[serde(flatten)]`, and the item's
//! type-specific fields are flattened next to the common ones. So an item is first read
//! into [`ItemWire`], a flat struct that knows every field of every type and rejects any
//! other (a typo such as `"requird"` is reported with its path), then converted: a field
//! that does not belong to the item's type is reported too.

use serde::Deserialize;
use serde_json::Value;

use crate::condition::Condition;
use crate::item::{AnswerOption, DEFAULT_LONG_TEXT_LENGTH, DEFAULT_SHORT_TEXT_LENGTH, Item, ItemKind};
use crate::text::LocalizedText;

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ItemType {
    SingleChoice,
    MultipleChoice,
    Likert,
    RatingScale,
    Number,
    ShortText,
    LongText,
    Date,
    YesNo,
    Display,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemWire {
    id: String,
    text: LocalizedText,
    #[serde(default)]
    easy_read: Option<LocalizedText>,
    #[serde(default)]
    why_we_ask: Option<LocalizedText>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    condition: Option<Condition>,
    #[serde(rename = "type")]
    item_type: ItemType,
    #[serde(default)]
    options: Option<Vec<AnswerOption>>,
    #[serde(default)]
    min_selected: Option<u32>,
    #[serde(default)]
    max_selected: Option<u32>,
    #[serde(default)]
    min: Option<Value>,
    #[serde(default)]
    max: Option<Value>,
    #[serde(default)]
    min_label: Option<LocalizedText>,
    #[serde(default)]
    max_label: Option<LocalizedText>,
    #[serde(default)]
    decimals: Option<u8>,
    #[serde(default)]
    unit: Option<LocalizedText>,
    #[serde(default)]
    max_length: Option<u32>,
}

impl ItemWire {
    /// Names of the type-specific fields that are present.
    fn present_fields(&self) -> Vec<&'static str> {
        let mut present = Vec::new();
        let mut note = |name: &'static str, is_some: bool| {
            if is_some {
                present.push(name);
            }
        };
        note("options", self.options.is_some());
        note("min_selected", self.min_selected.is_some());
        note("max_selected", self.max_selected.is_some());
        note("min", self.min.is_some());
        note("max", self.max.is_some());
        note("min_label", self.min_label.is_some());
        note("max_label", self.max_label.is_some());
        note("decimals", self.decimals.is_some());
        note("unit", self.unit.is_some());
        note("max_length", self.max_length.is_some());
        present
    }
}

fn allowed_fields(item_type: &ItemType) -> (&'static str, &'static [&'static str]) {
    match item_type {
        ItemType::SingleChoice => ("single_choice", &["options"]),
        ItemType::MultipleChoice => ("multiple_choice", &["options", "min_selected", "max_selected"]),
        ItemType::Likert => ("likert", &["options"]),
        ItemType::RatingScale => ("rating_scale", &["min", "max", "min_label", "max_label"]),
        ItemType::Number => ("number", &["min", "max", "decimals", "unit"]),
        ItemType::ShortText => ("short_text", &["max_length"]),
        ItemType::LongText => ("long_text", &["max_length"]),
        ItemType::Date => ("date", &["min", "max"]),
        ItemType::YesNo => ("yes_no", &[]),
        ItemType::Display => ("display", &[]),
    }
}

fn required_int(value: Option<Value>, field: &str) -> Result<i32, String> {
    let value = value.ok_or_else(|| format!("missing field `{field}`"))?;
    value
        .as_i64()
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| format!("invalid type for `{field}`: {value}, expected a whole number"))
}

fn required_number(value: Option<Value>, field: &str) -> Result<f64, String> {
    let value = value.ok_or_else(|| format!("missing field `{field}`"))?;
    value.as_f64().ok_or_else(|| format!("invalid type for `{field}`: {value}, expected a number"))
}

fn optional_text(value: Option<Value>, field: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("invalid type for `{field}`: {other}, expected a date as a string \"yyyy-mm-dd\"")),
    }
}

impl TryFrom<ItemWire> for Item {
    type Error = String;

    fn try_from(wire: ItemWire) -> Result<Self, Self::Error> {
        let (type_name, allowed) = allowed_fields(&wire.item_type);
        let misplaced: Vec<&str> = wire.present_fields().into_iter().filter(|f| !allowed.contains(f)).collect();
        if !misplaced.is_empty() {
            return Err(format!(
                "field(s) `{}` not allowed for an item of type `{type_name}` (allowed: {})",
                misplaced.join("`, `"),
                if allowed.is_empty() { "none".to_owned() } else { allowed.join(", ") }
            ));
        }
        let kind = match wire.item_type {
            ItemType::SingleChoice => ItemKind::SingleChoice { options: wire.options.unwrap_or_default() },
            ItemType::MultipleChoice => ItemKind::MultipleChoice {
                options: wire.options.unwrap_or_default(),
                min_selected: wire.min_selected,
                max_selected: wire.max_selected,
            },
            ItemType::Likert => ItemKind::Likert { options: wire.options.unwrap_or_default() },
            ItemType::RatingScale => ItemKind::RatingScale {
                min: required_int(wire.min, "min")?,
                max: required_int(wire.max, "max")?,
                min_label: wire.min_label.unwrap_or_default(),
                max_label: wire.max_label.unwrap_or_default(),
            },
            ItemType::Number => ItemKind::Number {
                min: required_number(wire.min, "min")?,
                max: required_number(wire.max, "max")?,
                decimals: wire.decimals.unwrap_or(0),
                unit: wire.unit,
            },
            ItemType::ShortText => {
                ItemKind::ShortText { max_length: wire.max_length.unwrap_or(DEFAULT_SHORT_TEXT_LENGTH) }
            }
            ItemType::LongText => {
                ItemKind::LongText { max_length: wire.max_length.unwrap_or(DEFAULT_LONG_TEXT_LENGTH) }
            }
            ItemType::Date => {
                ItemKind::Date { min: optional_text(wire.min, "min")?, max: optional_text(wire.max, "max")? }
            }
            ItemType::YesNo => ItemKind::YesNo,
            ItemType::Display => ItemKind::Display,
        };
        Ok(Self {
            id: wire.id,
            text: wire.text,
            easy_read: wire.easy_read,
            why_we_ask: wire.why_we_ask,
            required: wire.required,
            condition: wire.condition,
            kind,
        })
    }
}
