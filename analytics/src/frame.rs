//! A campaign's answers as a polars `DataFrame`: one nullable `Int32` column per item.

use std::collections::HashMap;

use polars::prelude::{Column, DataFrame, Int32Chunked, IntoColumn, PlSmallStr};
use survey_defs::{AnswerLayout, MISSING};

use crate::error::AnalyticsError;
use crate::stats::ValueCounts;

/// The answers of one campaign (one questionnaire version): the layout they were encoded
/// with, and one nullable `Int32` column per layout column, named by item id, holding the
/// raw codes of [`AnswerLayout`] (null = unanswered).
///
/// Built only here, so every column exists, has the layout's name and is `Int32`.
#[derive(Clone, Debug)]
pub struct CampaignFrame {
    layout: AnswerLayout,
    frame: DataFrame,
}

/// Codes within this window are counted in a flat array, the rest in a hash map. Choice,
/// Likert, yes/no and rating codes (option indexes, 0/1, points from −10 to 10) all fall
/// inside it.
const DENSE_LOW: i32 = -128;
const DENSE_SIZE: usize = 384;

impl CampaignFrame {
    /// Reads stored rows: per response, the little-endian `i32` codes of
    /// [`survey_defs::EncodedAnswers::codes_to_bytes`], one per layout column.
    ///
    /// One pass over the rows, each code written straight into its column's buffer; no
    /// per-row allocation or parsing beyond reading the integers. A row of the wrong
    /// length is an error (it belongs to another layout, or is corrupt).
    pub fn from_encoded<'a>(
        layout: &AnswerLayout,
        rows: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<Self, AnalyticsError> {
        let width = layout.columns.len();
        let rows = rows.into_iter();
        let mut buffers = Buffers::new(width, rows.size_hint().0);
        for (row, bytes) in rows.enumerate() {
            let (codes, rest) = bytes.as_chunks::<4>();
            if !rest.is_empty() || codes.len() != width {
                return Err(AnalyticsError::RowWidth { row, bytes: bytes.len(), expected: width * 4 });
            }
            buffers.push_row(codes.iter().map(|&chunk| i32::from_le_bytes(chunk)));
        }
        buffers.into_frame(layout)
    }

    /// Builds a frame from decoded codes, one `Vec` per response (for tests and tools).
    pub fn from_codes(layout: &AnswerLayout, rows: Vec<Vec<i32>>) -> Result<Self, AnalyticsError> {
        let width = layout.columns.len();
        let mut buffers = Buffers::new(width, rows.len());
        for (row, codes) in rows.iter().enumerate() {
            if codes.len() != width {
                return Err(AnalyticsError::RowWidth { row, bytes: codes.len() * 4, expected: width * 4 });
            }
            buffers.push_row(codes.iter().copied());
        }
        buffers.into_frame(layout)
    }

    /// The answers, one nullable `Int32` column per item (raw codes; null = unanswered).
    pub fn dataframe(&self) -> &DataFrame {
        &self.frame
    }

    /// The layout the answers were encoded with.
    pub fn layout(&self) -> &AnswerLayout {
        &self.layout
    }

    /// Number of responses.
    pub fn respondents(&self) -> usize {
        self.frame.height()
    }

    /// The codes of layout column `index`.
    pub fn codes(&self, index: usize) -> Result<&Int32Chunked, AnalyticsError> {
        let column = self.frame.columns().get(index).ok_or_else(|| AnalyticsError::Column {
            index,
            source: polars::error::PolarsError::ColumnNotFound(format!("#{index}").into()),
        })?;
        column.i32().map_err(|source| AnalyticsError::Column { index, source })
    }

    /// Exact counts of the codes of layout column `index`; nulls (and stray [`MISSING`]
    /// codes) count as missing.
    ///
    /// Why a hand-written scan rather than polars' `value_counts` or a `group_by`: codes
    /// are small integers, so one branch-predictable pass over the column's contiguous
    /// `i32` buffer into a flat array of counters is the fastest possible reduction (no
    /// hashing, no output `DataFrame` to allocate and read back, no extra polars feature),
    /// and it yields the mergeable [`ValueCounts`] directly. Rare codes outside the flat
    /// window (dates, numbers) go to a hash map.
    pub fn value_counts(&self, index: usize) -> Result<ValueCounts, AnalyticsError> {
        let codes = self.codes(index)?;
        let mut dense = vec![0u64; DENSE_SIZE];
        let mut sparse: HashMap<i32, u64> = HashMap::new();
        let mut count = |code: i32| {
            if let Ok(slot) = usize::try_from(i64::from(code) - i64::from(DENSE_LOW))
                && let Some(counter) = dense.get_mut(slot)
            {
                *counter += 1;
            } else {
                *sparse.entry(code).or_insert(0) += 1;
            }
        };
        for array in codes.downcast_iter() {
            if array.validity().is_none() {
                array.values().iter().for_each(|&code| count(code));
            } else {
                array.iter().flatten().for_each(|&code| count(code));
            }
        }
        let mut counts = ValueCounts::new();
        counts.add_missing(u64::try_from(codes.null_count()).unwrap_or(u64::MAX));
        for (code, n) in (DENSE_LOW..).zip(dense) {
            counts.add_n(code, n);
        }
        for (code, n) in sparse {
            if code == MISSING {
                counts.add_missing(n);
            } else {
                counts.add_n(code, n);
            }
        }
        Ok(counts)
    }
}

/// Column-major buffers filled row by row.
struct Buffers {
    columns: Vec<Vec<i32>>,
    missing: Vec<usize>,
}

impl Buffers {
    fn new(width: usize, rows: usize) -> Self {
        Self { columns: (0..width).map(|_| Vec::with_capacity(rows)).collect(), missing: vec![0; width] }
    }

    fn push_row(&mut self, codes: impl Iterator<Item = i32>) {
        for ((column, missing), code) in self.columns.iter_mut().zip(&mut self.missing).zip(codes) {
            *missing += usize::from(code == MISSING);
            column.push(code);
        }
    }

    /// Hands each buffer to polars without copying it. The buffers hold `i32` codes with
    /// the [`MISSING`] sentinel rather than `Option<i32>`: half the memory during the scan
    /// (a million 30-item responses: 120 MB instead of 240 MB), and the null mask (one bit
    /// per row) is derived afterwards, only for columns that have missing answers.
    fn into_frame(self, layout: &AnswerLayout) -> Result<CampaignFrame, AnalyticsError> {
        let height = self.columns.first().map_or(0, Vec::len);
        let columns: Vec<Column> = self
            .columns
            .into_iter()
            .zip(self.missing)
            .zip(&layout.columns)
            .map(|((codes, missing), column)| {
                let validity = (missing > 0).then(|| codes.iter().map(|&code| code != MISSING).collect());
                Int32Chunked::from_vec_validity(PlSmallStr::from_str(&column.item_id), codes, validity).into_column()
            })
            .collect();
        let frame = DataFrame::new(height, columns)?;
        Ok(CampaignFrame { layout: layout.clone(), frame })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use survey_defs::{ColumnKind, EncodedAnswers, LayoutColumn};

    use super::*;

    fn layout() -> AnswerLayout {
        let column = |id: &str, kind| LayoutColumn { item_id: id.to_owned(), kind };
        AnswerLayout {
            columns: vec![
                column("q1", ColumnKind::YesNo),
                column("q2", ColumnKind::Rating { min: -10, max: 10 }),
                column("q3", ColumnKind::Date),
            ],
        }
    }

    #[test]
    fn reads_encoded_rows_into_nullable_columns() {
        let rows = [vec![1, -10, 19_000], vec![0, MISSING, 400], vec![MISSING, 10, 19_000]];
        let bytes: Vec<Vec<u8>> = rows.iter().map(|r| EncodedAnswers::codes_to_bytes(r)).collect();
        let frame = CampaignFrame::from_encoded(&layout(), bytes.iter().map(Vec::as_slice)).unwrap();
        assert_eq!(frame.respondents(), 3);
        let df = frame.dataframe();
        assert_eq!(df.get_column_names(), vec!["q1", "q2", "q3"]);
        let q2: Vec<Option<i32>> = frame.codes(1).unwrap().iter().collect();
        assert_eq!(q2, vec![Some(-10), None, Some(10)]);
        assert_eq!(frame.codes(0).unwrap().null_count(), 1);
        assert_eq!(frame.codes(2).unwrap().null_count(), 0);
        let dates = frame.value_counts(2).unwrap();
        assert_eq!((dates.count(19_000), dates.count(400), dates.missing()), (2, 1, 0));
        let ratings = frame.value_counts(1).unwrap();
        assert_eq!((ratings.count(-10), ratings.count(10), ratings.missing()), (1, 1, 1));
        let same = CampaignFrame::from_codes(&layout(), rows.to_vec()).unwrap();
        assert!(same.dataframe().equals_missing(df));
    }

    #[test]
    fn rejects_rows_of_the_wrong_width() {
        let short = EncodedAnswers::codes_to_bytes(&[1, 2]);
        let error = CampaignFrame::from_encoded(&layout(), [short.as_slice()]).unwrap_err();
        assert!(matches!(error, AnalyticsError::RowWidth { row: 0, bytes: 8, expected: 12 }));
        let odd = [0u8; 13];
        assert!(CampaignFrame::from_encoded(&layout(), [&odd[..]]).is_err());
        assert!(CampaignFrame::from_codes(&layout(), vec![vec![1, 2, 3, 4]]).is_err());
        assert!(frame_of_nothing().codes(7).is_err());
    }

    fn frame_of_nothing() -> CampaignFrame {
        CampaignFrame::from_codes(&layout(), Vec::new()).unwrap()
    }

    #[test]
    fn empty_campaign() {
        let frame = frame_of_nothing();
        assert_eq!(frame.respondents(), 0);
        assert_eq!(frame.dataframe().width(), 3);
        assert_eq!(frame.value_counts(0).unwrap().total(), 0);
    }
}
