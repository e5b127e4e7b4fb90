//! De-identified exports of a campaign's answers, for the quality team: a CSV table with
//! its codebook, and the same table as Parquet.
//!
//! What makes them de-identified:
//! - no respondent id and no timestamp: the caller gives each row's campaign, the ISO
//!   week of submission ("2026-W47") and the language answered in, nothing finer;
//! - rows are sorted by their exported values (period, campaign, answers, language) and
//!   numbered 1 to n, so their order says nothing about the order of submission;
//! - free-text answers are not exported (a sentence can name a person); the codebook lists
//!   those questions with the kind `free_text_not_exported`;
//! - date answers are exported as their year and month only (`2026-11`): a full date
//!   (of birth, of surgery) is a classic quasi-identifier.
//!
//! Rare combinations of answers can still single a respondent out: these exports are
//! row-level data for the people in charge of quality, not publications, and are not
//! disclosure-controlled like [`crate::CampaignReport`].
//!
//! Cells: a choice item holds its option's stable code (the codebook gives its label and
//! scoring value); a multiple choice item the codes ticked, joined by `|`; yes/no items
//! `yes` or `no`; rating and number items the number (`70.5` with the item's decimals);
//! a missing or invalid answer an empty cell. Scale columns hold the score computed by
//! survey-defs' [`score_values`] (two decimals at most), empty when too few items were
//! answered.
//!
//! The CSV follows RFC 4180 (comma, CRLF, fields quoted when they hold a comma, a quote or
//! a line break) and is protected against formula injection: a text cell starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that a
//! spreadsheet shows it as text instead of running it. Numbers are written by this crate
//! and never are. The Parquet file holds the raw values (no apostrophe): it is read by
//! analysis tools, not by spreadsheets.

use std::borrow::Cow;

use polars::prelude::{Column, CompatLevel, DataFrame, PlSmallStr, SchemaExt};
use polars_parquet::write::{
    CompressionOptions, Encoding, FileWriter, RowGroupIterator, StatisticsOptions, Version, WriteOptions,
    get_dtype_encoding,
};
use survey_defs::{
    AnswerLayout, ColumnKind, ItemKind, MISSING, Questionnaire, ScaleInfo, format_iso_date, score_values,
};

use crate::error::AnalyticsError;
use crate::scale_summary::hundredths;

/// One stored response, as the export needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRow<'a> {
    /// The campaign's name (free text: protected against formula injection).
    pub campaign: &'a str,
    /// When it was submitted, no finer than the ISO week ("2026-W47"); never a timestamp.
    pub period: &'a str,
    /// The language the respondent answered in ("fr").
    pub language: &'a str,
    /// The stored [`AnswerLayout`] row: one little-endian `i32` per layout column.
    pub codes: &'a [u8],
}

/// Names of the meta columns, first in every export.
pub const META_COLUMNS: [&str; 4] = ["row", "campaign", "period", "language"];

/// Separator of the codes ticked at a multiple choice item (option codes are
/// `[a-z0-9_-]`, so it never appears in one).
pub const CHOICES_SEPARATOR: &str = "|";

/// How an exported column's values are typed (the Parquet column type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueType {
    /// Text: meta columns, option codes, yes/no, months.
    Text,
    /// Whole numbers: rating points, numbers without decimals, row numbers.
    Int,
    /// Numbers with decimals, scores.
    Float,
}

/// One exported cell; text borrowed from the questionnaire or the row when it can be.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    /// Missing.
    Empty,
    /// Text.
    Text(Cow<'a, str>),
    /// A whole number.
    Int(i32),
    /// `code / 10^decimals`, written with exactly `decimals` decimals.
    Scaled { code: i32, decimals: u8 },
    /// A score in hundredths.
    Score(i32),
}

impl Value<'_> {
    /// The value as a CSV field's content (not yet protected or quoted).
    fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(text) => text.to_string(),
            Self::Int(n) => n.to_string(),
            Self::Scaled { code, decimals } => scaled(i64::from(*code), u32::from(*decimals)),
            Self::Score(h) => {
                let text = scaled(i64::from(*h), 2);
                let text = text.trim_end_matches('0').trim_end_matches('.');
                text.to_owned()
            }
        }
    }

    /// The value as a float (`None` for text and missing).
    pub(crate) fn float(&self) -> Option<f64> {
        match self {
            Self::Int(n) => Some(f64::from(*n)),
            Self::Scaled { code, decimals } => Some(f64::from(*code) / 10f64.powi(i32::from(*decimals))),
            Self::Score(h) => Some(f64::from(*h) / 100.0),
            Self::Empty | Self::Text(_) => None,
        }
    }
}

/// `code / 10^decimals` written exactly, with `decimals` decimals.
fn scaled(code: i64, decimals: u32) -> String {
    if decimals == 0 {
        return code.to_string();
    }
    let unit = 10i64.pow(decimals.min(9));
    let sign = if code < 0 { "-" } else { "" };
    let (whole, fraction) = (code.abs() / unit, code.abs() % unit);
    format!("{sign}{whole}.{fraction:0width$}", width = decimals.min(9) as usize)
}

/// One exported column: its name and how its values are computed.
#[derive(Clone, Debug)]
pub(crate) struct ExportColumn {
    /// Column name (unique in the export).
    pub(crate) name: String,
    pub(crate) value_type: ValueType,
    source: Source,
}

#[derive(Clone, Debug)]
enum Source {
    /// One of [`META_COLUMNS`], by index.
    Meta(usize),
    /// A layout column.
    Item(usize),
    /// A scale: scoring information and the layout column of each of its items.
    Scale(ScaleInfo, Vec<usize>),
}

/// What an export of one questionnaire's answers holds.
#[derive(Clone, Debug)]
pub(crate) struct ExportPlan {
    layout: AnswerLayout,
    pub(crate) columns: Vec<ExportColumn>,
    /// Layout columns not exported (free texts).
    hidden: Vec<bool>,
}

/// Adds `name`, or `name_2`, `name_3` … when taken (an item named like a meta column or a
/// scale).
fn push_unique(name: &str, taken: &mut Vec<String>) {
    let mut candidate = name.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{name}_{n}");
        n += 1;
    }
    taken.push(candidate);
}

/// The names of the exported columns, in order: meta columns, items (free texts left
/// out), scales; a name already taken gets `_2`, `_3` ….
fn column_names(questionnaire: &Questionnaire, layout: &AnswerLayout) -> Vec<String> {
    let mut taken = Vec::new();
    let items = layout.columns.iter().filter(|c| c.kind != ColumnKind::Text).map(|c| c.item_id.as_str());
    let scales = questionnaire.scales.iter().map(|s| s.id.as_str());
    for name in META_COLUMNS.into_iter().chain(items).chain(scales) {
        push_unique(name, &mut taken);
    }
    taken
}

impl ExportPlan {
    pub(crate) fn new(questionnaire: &Questionnaire) -> Result<Self, AnalyticsError> {
        let layout = questionnaire.answer_layout();
        let mut names = column_names(questionnaire, &layout).into_iter();
        let mut name = || names.next().unwrap_or_default();
        let mut columns: Vec<ExportColumn> = (0..META_COLUMNS.len())
            .map(|i| ExportColumn {
                name: name(),
                value_type: if i == 0 { ValueType::Int } else { ValueType::Text },
                source: Source::Meta(i),
            })
            .collect();
        let hidden: Vec<bool> = layout.columns.iter().map(|c| c.kind == ColumnKind::Text).collect();
        for (index, column) in layout.columns.iter().enumerate() {
            let value_type = match column.kind {
                ColumnKind::Text => continue,
                ColumnKind::Rating { .. } | ColumnKind::Number { decimals: 0 } => ValueType::Int,
                ColumnKind::Number { .. } => ValueType::Float,
                ColumnKind::Choice { .. } | ColumnKind::Choices { .. } | ColumnKind::Date | ColumnKind::YesNo => {
                    ValueType::Text
                }
            };
            columns.push(ExportColumn { name: name(), value_type, source: Source::Item(index) });
        }
        for scale in &questionnaire.scales {
            let unscorable = || AnalyticsError::UnscorableScale(scale.id.clone());
            let info = ScaleInfo::new(questionnaire, scale).ok_or_else(unscorable)?;
            let items = info
                .items
                .iter()
                .map(|item| layout.column_index(&item.item_id).ok_or_else(unscorable))
                .collect::<Result<Vec<_>, _>>()?;
            columns.push(ExportColumn {
                name: name(),
                value_type: ValueType::Float,
                source: Source::Scale(info, items),
            });
        }
        Ok(Self { layout, columns, hidden })
    }

    /// The values of one row (codes decoded), numbered `number`.
    fn values<'s>(&'s self, number: usize, row: &ExportRow<'s>, codes: &[i32]) -> Vec<Value<'s>> {
        let code = |index: usize| codes.get(index).copied().unwrap_or(MISSING);
        self.columns
            .iter()
            .map(|column| match &column.source {
                Source::Meta(0) => Value::Int(i32::try_from(number).unwrap_or(i32::MAX)),
                Source::Meta(1) => Value::Text(Cow::Borrowed(row.campaign)),
                Source::Meta(2) => Value::Text(Cow::Borrowed(row.period)),
                Source::Meta(_) => Value::Text(Cow::Borrowed(row.language)),
                Source::Item(index) => self.item_value(*index, code(*index)),
                Source::Scale(info, items) => {
                    let values: Vec<Option<i32>> = items.iter().map(|&i| self.layout.value_of(i, code(i))).collect();
                    score_values(info, &values).and_then(hundredths).map_or(Value::Empty, Value::Score)
                }
            })
            .collect()
    }

    /// One item's exported value; codes that do not fit the column (as in
    /// `AnswerLayout::decode`) are missing.
    fn item_value(&self, index: usize, code: i32) -> Value<'_> {
        let Some(column) = self.layout.columns.get(index) else { return Value::Empty };
        if code == MISSING {
            return Value::Empty;
        }
        let value = match &column.kind {
            ColumnKind::Choice { option_codes, .. } => {
                usize::try_from(code).ok().and_then(|i| option_codes.get(i)).map(|c| Value::Text(Cow::Borrowed(c)))
            }
            ColumnKind::Choices { option_codes, .. } => {
                let ticked: Vec<&str> = (0..31)
                    .zip(option_codes)
                    .filter(|(bit, _)| code & (1 << bit) != 0)
                    .map(|(_, c)| c.as_str())
                    .collect();
                let valid = code > 0 && i64::from(code) < 1i64 << option_codes.len().min(31);
                valid.then(|| Value::Text(Cow::Owned(ticked.join(CHOICES_SEPARATOR))))
            }
            ColumnKind::Rating { min, max } => (*min..=*max).contains(&code).then_some(Value::Int(code)),
            ColumnKind::Number { decimals: 0 } => Some(Value::Int(code)),
            ColumnKind::Number { decimals } => Some(Value::Scaled { code, decimals: *decimals }),
            // Year and month only.
            ColumnKind::Date => {
                format_iso_date(code).map(|date| Value::Text(Cow::Owned(date.chars().take(7).collect())))
            }
            ColumnKind::YesNo => match code {
                0 => Some(Value::Text(Cow::Borrowed("no"))),
                1 => Some(Value::Text(Cow::Borrowed("yes"))),
                _ => None,
            },
            ColumnKind::Text => None,
        };
        value.unwrap_or(Value::Empty)
    }

    /// Decodes, checks and sorts the rows (each with its codes, free texts' masked): the
    /// `i`-th is numbered `i + 1`, its values given by [`ExportPlan::values`]. Only the
    /// codes are held, not the cells, so that a large campaign's export stays small.
    fn sorted<'a>(
        &self,
        rows: impl IntoIterator<Item = ExportRow<'a>>,
    ) -> Result<Vec<(ExportRow<'a>, Vec<i32>)>, AnalyticsError> {
        let width = self.layout.columns.len();
        let mut decoded: Vec<(ExportRow<'a>, Vec<i32>)> = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let (chunks, rest) = row.codes.as_chunks::<4>();
                if !rest.is_empty() || chunks.len() != width {
                    return Err(AnalyticsError::RowWidth { row: i, bytes: row.codes.len(), expected: width * 4 });
                }
                // Free texts are not exported: their codes (lengths) must not order rows.
                let codes = chunks
                    .iter()
                    .zip(&self.hidden)
                    .map(|(&chunk, &hidden)| if hidden { MISSING } else { i32::from_le_bytes(chunk) })
                    .collect();
                Ok((row, codes))
            })
            .collect::<Result<_, _>>()?;
        decoded.sort_by(|(a, a_codes), (b, b_codes)| {
            (a.period, a.campaign, a_codes, a.language).cmp(&(b.period, b.campaign, b_codes, b.language))
        });
        Ok(decoded)
    }
}

/// A text cell as written to a CSV read by spreadsheets: with a leading apostrophe when
/// it starts with a character that would make it a formula (OWASP's advice on CSV
/// injection).
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() }
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break,
/// quotes doubled.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

/// Appends one CSV record of text fields (defused against formula injection, then
/// quoted as needed, RFC 4180) ending in CRLF. Also used by the server for its other
/// downloads, so every CSV Boucle writes is protected the same way.
pub fn csv_record<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    let fields: Vec<String> = fields.into_iter().map(|f| field(&defused(f.as_ref()))).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The answers of a campaign as CSV (see the module documentation): the header
/// `row,campaign,period,language,<item ids in questionnaire order>,<scale ids>` (free-text
/// items left out; a name already taken gets `_2`), then one record per row, sorted and
/// numbered from 1.
///
/// `questionnaire` must be the version the rows were stored with. Fails when a row does
/// not have one code per layout column, or a scale cannot be scored.
pub fn answers_csv<'a>(
    questionnaire: &Questionnaire,
    rows: impl IntoIterator<Item = ExportRow<'a>>,
) -> Result<String, AnalyticsError> {
    let plan = ExportPlan::new(questionnaire)?;
    let rows = plan.sorted(rows)?;
    let mut out = String::new();
    csv_record(&mut out, plan.columns.iter().map(|c| c.name.as_str()));
    for (i, (row, codes)) in rows.iter().enumerate() {
        let fields: Vec<String> = plan
            .values(i + 1, row, codes)
            .iter()
            .map(|value| match value {
                Value::Text(text) => field(&defused(text)),
                other => other.text(),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// The codebook of [`answers_csv`], as CSV with the header
/// `column,kind,question,code,label,value`, texts in `lang` (falling back to French, then
/// any language, as survey-defs' `LocalizedText::get` does):
/// - the meta columns (`kind` = `meta`);
/// - per item, in order, a row with its type (`single_choice`, `likert`, `rating_scale`,
///   `number` …) and question — the unit as `label` for numbers — then, for choice items,
///   one row per option (code, label, scoring value); for rating scales, the lowest and
///   highest points with their labels; for yes/no, the codes `no` and `yes`;
/// - free-text items, which are not exported, with the kind `free_text_not_exported` and
///   no column in the answers;
/// - per scale, a row `scale` with its title, then one row `band` per interpretation band
///   (its label, and its range as `value`, e.g. `0–4`).
///
/// Texts are protected against formula injection like the answers.
pub fn codebook_csv(questionnaire: &Questionnaire, lang: &str) -> String {
    let all = column_names(questionnaire, &questionnaire.answer_layout());
    let mut out = String::new();
    csv_record(&mut out, ["column", "kind", "question", "code", "label", "value"]);
    let mut names = all.iter().map(String::as_str);
    for _ in META_COLUMNS {
        let name = names.next().unwrap_or_default();
        csv_record(&mut out, [name, "meta", "", "", "", ""]);
    }
    for item in questionnaire.answerable_items() {
        let question = item.text.get(lang);
        let kind = item.kind.type_name();
        if matches!(item.kind, ItemKind::ShortText { .. } | ItemKind::LongText { .. }) {
            csv_record(&mut out, [item.id.as_str(), "free_text_not_exported", question, "", "", ""]);
            continue;
        }
        let name = names.next().unwrap_or_default();
        let unit = match &item.kind {
            ItemKind::Number { unit: Some(unit), .. } => unit.get(lang),
            _ => "",
        };
        csv_record(&mut out, [name, kind, question, "", unit, ""]);
        for option in item.kind.options() {
            let value = option.value.map(|v| v.to_string()).unwrap_or_default();
            csv_record(&mut out, [name, kind, "", &option.code, option.label.get(lang), &value]);
        }
        if let ItemKind::RatingScale { min, max, min_label, max_label } = &item.kind {
            csv_record(&mut out, [name, kind, "", &min.to_string(), min_label.get(lang), &min.to_string()]);
            csv_record(&mut out, [name, kind, "", &max.to_string(), max_label.get(lang), &max.to_string()]);
        }
        if matches!(item.kind, ItemKind::YesNo) {
            csv_record(&mut out, [name, kind, "", "no", "", ""]);
            csv_record(&mut out, [name, kind, "", "yes", "", ""]);
        }
    }
    for scale in &questionnaire.scales {
        let name = names.next().unwrap_or_default();
        csv_record(&mut out, [name, "scale", scale.title.get(lang), "", "", ""]);
        for band in &scale.bands {
            let bound = |x: f64| Value::Score(hundredths(x).unwrap_or(0)).text();
            let range = format!("{}–{}", bound(band.min), bound(band.max));
            let description = band.description.as_ref().map(|d| d.get(lang)).unwrap_or_default();
            csv_record(&mut out, [name, "band", description, "", band.label.get(lang), &range]);
        }
    }
    out
}

/// The answers of [`answers_csv`] as a polars [`DataFrame`], one column per CSV column
/// with the same name and values: `row` Int32; campaign, period, language, choice, yes/no
/// and date columns String (the codes, as in the CSV, without the CSV's apostrophe);
/// ratings and whole numbers Int32; numbers with decimals and scores Float64; missing
/// answers null.
pub fn answers_frame<'a>(
    questionnaire: &Questionnaire,
    rows: impl IntoIterator<Item = ExportRow<'a>>,
) -> Result<DataFrame, AnalyticsError> {
    let plan = ExportPlan::new(questionnaire)?;
    let rows = plan.sorted(rows)?;
    /// One column's values, typed.
    enum Builder<'s> {
        Text(Vec<Option<Cow<'s, str>>>),
        Int(Vec<Option<i32>>),
        Float(Vec<Option<f64>>),
    }
    let mut builders: Vec<Builder<'_>> = plan
        .columns
        .iter()
        .map(|column| match column.value_type {
            ValueType::Text => Builder::Text(Vec::with_capacity(rows.len())),
            ValueType::Int => Builder::Int(Vec::with_capacity(rows.len())),
            ValueType::Float => Builder::Float(Vec::with_capacity(rows.len())),
        })
        .collect();
    for (i, (row, codes)) in rows.iter().enumerate() {
        for (builder, value) in builders.iter_mut().zip(plan.values(i + 1, row, codes)) {
            match (builder, value) {
                (Builder::Text(texts), Value::Text(text)) => texts.push(Some(text)),
                (Builder::Text(texts), _) => texts.push(None),
                (Builder::Int(ints), Value::Int(n)) => ints.push(Some(n)),
                (Builder::Int(ints), _) => ints.push(None),
                (Builder::Float(floats), value) => floats.push(value.float()),
            }
        }
    }
    let columns: Vec<Column> = plan
        .columns
        .iter()
        .zip(builders)
        .map(|(column, builder)| {
            let name = PlSmallStr::from_str(&column.name);
            match builder {
                Builder::Text(texts) => {
                    Column::new(name, texts.iter().map(|t| t.as_deref()).collect::<Vec<Option<&str>>>())
                }
                Builder::Int(ints) => Column::new(name, ints),
                Builder::Float(floats) => Column::new(name, floats),
            }
        })
        .collect();
    Ok(DataFrame::new(rows.len(), columns)?)
}

/// The answers of [`answers_csv`] as a Parquet file (the table of [`answers_frame`]),
/// written by polars' Parquet writer (the `polars-parquet` crate) without compression
/// and with column statistics: one row group. Text columns are declared as Arrow's
/// `large_string` rather than the newer `string_view`, which older readers (R's arrow,
/// pyarrow before 16) do not know; the stored values are the same.
///
/// Fails as [`answers_csv`] does, or when the writer does.
pub fn answers_parquet<'a>(
    questionnaire: &Questionnaire,
    rows: impl IntoIterator<Item = ExportRow<'a>>,
) -> Result<Vec<u8>, AnalyticsError> {
    let frame = answers_frame(questionnaire, rows)?;
    let schema = frame.schema().to_arrow(CompatLevel::oldest());
    let options = WriteOptions {
        statistics: StatisticsOptions::full(),
        compression: CompressionOptions::Uncompressed,
        version: Version::V2,
        data_page_size: None,
    };
    let encodings: Vec<Vec<Encoding>> = schema.iter_values().map(|field| get_dtype_encoding(&field.dtype)).collect();
    let batches = frame.iter_chunks(CompatLevel::oldest(), false).map(Ok);
    let groups = RowGroupIterator::try_new(batches, &schema, options, encodings.into())?;
    let mut writer = FileWriter::try_new(Vec::new(), schema, options)?;
    let rows = u64::try_from(frame.height()).unwrap_or(u64::MAX);
    for group in groups {
        writer.write(rows, group?)?;
    }
    writer.end(None)?;
    Ok(writer.into_inner())
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
