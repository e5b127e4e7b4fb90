#![allow(clippy::unwrap_used)]

use std::io::Cursor;

use polars::prelude::{AnyValue, ArrowField, DataType, IntoColumn, Series};
use polars_parquet::read::{BasicDecompressor, PageReader, column_iter_to_arrays, infer_schema, read_metadata};
use survey_defs::{EncodedAnswers, parse_iso_date};

use super::*;

/// A ward, a Likert item, a multiple choice, a 0–10 rating, a weight with one decimal, a
/// discharge date, a yes/no, a free text, and a scale summing the Likert item and the
/// rating.
fn questionnaire() -> Questionnaire {
    Questionnaire::from_json(
        r#"{"id": "sortie", "version": "1.0.0", "kind": "prem", "languages": ["fr", "en"],
        "title": {"fr": "T", "en": "T"}, "introduction": {"fr": "I", "en": "I"},
        "who_asks_and_why": {"fr": "W", "en": "W"},
        "sections": [{"id": "s", "title": {"fr": "S", "en": "S"}, "items": [
            {"id": "ward", "type": "single_choice", "text": {"fr": "Service", "en": "Ward"}, "options": [
                {"code": "cardio", "label": {"fr": "Cardiologie", "en": "Cardiology"}},
                {"code": "pedia", "label": {"fr": "Pédiatrie", "en": "Paediatrics"}}]},
            {"id": "q1", "type": "likert", "text": {"fr": "Avez-vous eu mal, la nuit ?", "en": "Pain at night?"},
             "options": [
                {"code": "o0", "label": {"fr": "Jamais", "en": "Never"}, "value": 0},
                {"code": "o1", "label": {"fr": "Parfois", "en": "Sometimes"}, "value": 1},
                {"code": "o2", "label": {"fr": "Souvent", "en": "Often"}, "value": 2},
                {"code": "o3", "label": {"fr": "Toujours", "en": "Always"}, "value": 3}]},
            {"id": "aides", "type": "multiple_choice", "text": {"fr": "Aides reçues", "en": "Help"}, "options": [
                {"code": "a", "label": {"fr": "Famille", "en": "Family"}},
                {"code": "b", "label": {"fr": "Voisins", "en": "Neighbours"}},
                {"code": "c", "label": {"fr": "- autre", "en": "- other"}}]},
            {"id": "douleur", "type": "rating_scale", "text": {"fr": "Douleur", "en": "Pain"}, "min": 0, "max": 10,
             "min_label": {"fr": "Aucune", "en": "None"}, "max_label": {"fr": "Maximale", "en": "Worst"}},
            {"id": "poids", "type": "number", "text": {"fr": "Poids", "en": "Weight"}, "min": 0, "max": 300,
             "decimals": 1, "unit": {"fr": "kg", "en": "kg"}},
            {"id": "sortie", "type": "date", "text": {"fr": "Date de sortie", "en": "Discharge date"}},
            {"id": "seul", "type": "yes_no", "text": {"fr": "Vivez-vous seul ?", "en": "Do you live alone?"}},
            {"id": "commentaire", "type": "long_text", "text": {"fr": "Un commentaire ?", "en": "A comment?"}}]}],
        "scales": [{"id": "s", "title": {"fr": "Score", "en": "Score"}, "items": ["q1", "douleur"], "method": "sum",
            "min_answered": 2, "bands": [
                {"min": 0, "max": 5, "label": {"fr": "bas", "en": "low"}},
                {"min": 6, "max": 13, "label": {"fr": "haut", "en": "high"},
                 "description": {"fr": "Plus de 5, à surveiller", "en": "Above 5, watch"}}]}],
        "provenance": {}, "licence": {"name": "CC0"}}"#,
    )
    .unwrap()
}

fn day(iso: &str) -> i32 {
    parse_iso_date(iso).unwrap()
}

/// Four stored rows: (campaign, period, language, codes per layout column — ward, q1,
/// aides, douleur, poids, sortie, seul, commentaire — the last being the free text's
/// length).
fn rows() -> Vec<(&'static str, &'static str, &'static str, Vec<u8>)> {
    let bytes = |codes: &[i32]| EncodedAnswers::codes_to_bytes(codes);
    vec![
        ("=HYPERLINK(\"x\")", "2026-W47", "fr", bytes(&[0, 2, 0b101, 7, 705, day("2026-11-20"), 1, 12])),
        ("Campagne A", "2026-W46", "en", bytes(&[1, 3, MISSING, 4, MISSING, MISSING, 0, MISSING])),
        ("Campagne A", "2026-W47", "fr", bytes(&[1, 0, 0b010, 10, 650, MISSING, MISSING, 40])),
        // Codes that fit no answer: an option 9 of 2, a 4th option of 3, a rating of 11, a
        // yes/no of 7.
        ("Campagne A", "2026-W47", "fr", bytes(&[9, 1, 0b1000, 11, -12, MISSING, 7, MISSING])),
    ]
}

fn export_rows<'a>(rows: &'a [(&'static str, &'static str, &'static str, Vec<u8>)]) -> Vec<ExportRow<'a>> {
    rows.iter().map(|(campaign, period, language, codes)| ExportRow { campaign, period, language, codes }).collect()
}

const EXPECTED: &str = "row,campaign,period,language,ward,q1,aides,douleur,poids,sortie,seul,s\r\n\
    1,Campagne A,2026-W46,en,pedia,o3,,4,,,no,7\r\n\
    2,\"'=HYPERLINK(\"\"x\"\")\",2026-W47,fr,cardio,o2,a|c,7,70.5,2026-11,yes,9\r\n\
    3,Campagne A,2026-W47,fr,pedia,o0,b,10,65.0,,,10\r\n\
    4,Campagne A,2026-W47,fr,,o1,,,-1.2,,,\r\n";

#[test]
fn answers_as_csv_by_hand() {
    let rows = rows();
    let csv = answers_csv(&questionnaire(), export_rows(&rows)).unwrap();
    // Sorted by period (W46 first), then campaign ("=" sorts before "C"), then answers
    // (ward 1 before the invalid 9). Row 4's rating 11 is out of range: too few items for
    // a score. Its weight, a number, is not taken for a formula.
    assert_eq!(csv, EXPECTED);
}

#[test]
fn row_order_carries_no_submission_order() {
    let mut rows = rows();
    rows.reverse();
    assert_eq!(answers_csv(&questionnaire(), export_rows(&rows)).unwrap(), EXPECTED);
    // Rows differing only by their free text's length come out the same whatever their
    // order: that length is not exported and does not sort them.
    let codes = |length: i32| EncodedAnswers::codes_to_bytes(&[0, 0, 1, 0, 0, MISSING, 0, length]);
    let (short, long) = (codes(3), codes(900));
    let row = |codes| ExportRow { campaign: "c", period: "p", language: "fr", codes };
    let one = answers_csv(&questionnaire(), [row(&short), row(&long)]).unwrap();
    let other = answers_csv(&questionnaire(), [row(&long), row(&short)]).unwrap();
    assert_eq!(one, other);
}

#[test]
fn free_text_never_appears() {
    let rows = rows();
    let csv = answers_csv(&questionnaire(), export_rows(&rows)).unwrap();
    assert!(!csv.contains("commentaire"));
    // Every record has the 12 columns of the header: no column for the free text.
    for line in csv.lines() {
        assert_eq!(line.matches(',').count(), 11, "{line}");
    }
    let codebook = codebook_csv(&questionnaire(), "fr");
    assert!(codebook.contains("\r\ncommentaire,free_text_not_exported,Un commentaire ?,,,\r\n"));
}

#[test]
fn wrong_row_width_is_named() {
    let short = EncodedAnswers::codes_to_bytes(&[0, 1]);
    let rows = [ExportRow { campaign: "c", period: "p", language: "fr", codes: &short }];
    let error = answers_csv(&questionnaire(), rows).unwrap_err();
    assert!(matches!(error, AnalyticsError::RowWidth { row: 0, bytes: 8, expected: 32 }));
}

#[test]
fn codebook_by_hand() {
    let expected = "column,kind,question,code,label,value\r\n\
        row,meta,,,,\r\n\
        campaign,meta,,,,\r\n\
        period,meta,,,,\r\n\
        language,meta,,,,\r\n\
        ward,single_choice,Service,,,\r\n\
        ward,single_choice,,cardio,Cardiologie,\r\n\
        ward,single_choice,,pedia,Pédiatrie,\r\n\
        q1,likert,\"Avez-vous eu mal, la nuit ?\",,,\r\n\
        q1,likert,,o0,Jamais,0\r\n\
        q1,likert,,o1,Parfois,1\r\n\
        q1,likert,,o2,Souvent,2\r\n\
        q1,likert,,o3,Toujours,3\r\n\
        aides,multiple_choice,Aides reçues,,,\r\n\
        aides,multiple_choice,,a,Famille,\r\n\
        aides,multiple_choice,,b,Voisins,\r\n\
        aides,multiple_choice,,c,'- autre,\r\n\
        douleur,rating_scale,Douleur,,,\r\n\
        douleur,rating_scale,,0,Aucune,0\r\n\
        douleur,rating_scale,,10,Maximale,10\r\n\
        poids,number,Poids,,kg,\r\n\
        sortie,date,Date de sortie,,,\r\n\
        seul,yes_no,Vivez-vous seul ?,,,\r\n\
        seul,yes_no,,no,,\r\n\
        seul,yes_no,,yes,,\r\n\
        commentaire,free_text_not_exported,Un commentaire ?,,,\r\n\
        s,scale,Score,,,\r\n\
        s,band,,,bas,0–5\r\n\
        s,band,\"Plus de 5, à surveiller\",,haut,6–13\r\n";
    assert_eq!(codebook_csv(&questionnaire(), "fr"), expected);
    let english = codebook_csv(&questionnaire(), "en");
    assert!(english.contains("\r\nq1,likert,Pain at night?,,,\r\n") && english.contains(",o3,Always,3\r\n"));
    // A language the questionnaire is not written in falls back to French.
    assert!(codebook_csv(&questionnaire(), "nl").contains(",o3,Toujours,3\r\n"));
}

#[test]
fn names_taken_twice_get_a_suffix() {
    let q = questionnaire();
    let mut renamed = q.clone();
    renamed.sections[0].items[0].id = "period".to_owned();
    renamed.scales[0].id = "q1".to_owned();
    let header = answers_csv(&renamed, std::iter::empty()).unwrap();
    assert_eq!(header, "row,campaign,period,language,period_2,q1,aides,douleur,poids,sortie,seul,q1_2\r\n");
    let codebook = codebook_csv(&renamed, "fr");
    assert!(codebook.contains("\r\nperiod_2,single_choice,Service,,,\r\n") && codebook.contains("\r\nq1_2,scale,"));
}

#[test]
fn fields_are_quoted_and_defused() {
    assert_eq!(field("a,b"), "\"a,b\"");
    assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(field("two\nlines"), "\"two\nlines\"");
    assert_eq!(field("plain"), "plain");
    for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
        assert!(defused(risky).starts_with('\''), "{risky:?}");
    }
    assert_eq!(defused("Campagne = A"), "Campagne = A");
    assert_eq!(scaled(-12, 1), "-1.2");
    assert_eq!(scaled(5, 3), "0.005");
    assert_eq!(Value::Score(943).text(), "9.43");
    assert_eq!(Value::Score(1200).text(), "12");
    assert_eq!(Value::Score(-50).text(), "-0.5");
}

/// Reads a Parquet file back with polars' Parquet reader, column by column.
fn read_parquet(bytes: &[u8]) -> DataFrame {
    let metadata = read_metadata(&mut Cursor::new(bytes)).unwrap();
    let schema = infer_schema(&metadata).unwrap();
    let height = metadata.num_rows;
    let columns: Vec<Column> = schema
        .iter_values()
        .map(|field: &ArrowField| {
            let mut arrays = Vec::new();
            for group in &metadata.row_groups {
                let (pages, types): (Vec<_>, Vec<_>) = group
                    .columns_under_root_iter(&field.name)
                    .unwrap()
                    .map(|chunk| {
                        let range = chunk.byte_range();
                        let start = usize::try_from(range.start).unwrap();
                        let end = usize::try_from(range.end).unwrap();
                        let data = bytes[start..end].to_vec();
                        let reader = PageReader::new(Cursor::new(data.into()), chunk, vec![], usize::MAX);
                        (BasicDecompressor::new(reader, vec![]), &chunk.descriptor().descriptor.primitive_type)
                    })
                    .unzip();
                arrays.extend(column_iter_to_arrays(pages, types, field.clone(), None).unwrap().0);
            }
            Series::try_from((field, arrays)).unwrap().into_column()
        })
        .collect();
    DataFrame::new(height, columns).unwrap()
}

/// The raw fields of one CSV record (quotes kept).
fn raw_fields(line: &str) -> Vec<String> {
    let (mut fields, mut current, mut quoted) = (Vec::new(), String::new(), false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            ',' if !quoted => fields.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    fields.push(current);
    fields
}

#[test]
fn parquet_holds_the_csv_values() {
    let (q, rows) = (questionnaire(), rows());
    let csv = answers_csv(&q, export_rows(&rows)).unwrap();
    let bytes = answers_parquet(&q, export_rows(&rows)).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let frame = read_parquet(&bytes);
    let lines: Vec<&str> = csv.lines().collect();
    let header = raw_fields(lines[0]);
    assert_eq!(frame.get_column_names().iter().map(|n| n.as_str()).collect::<Vec<_>>(), header);
    assert_eq!(frame.height(), 4);
    let types: Vec<DataType> = frame.dtypes();
    assert_eq!(types[0], DataType::Int32);
    assert_eq!(types[1], DataType::String);
    assert_eq!(types[header.iter().position(|h| h == "douleur").unwrap()], DataType::Int32);
    assert_eq!(types[header.iter().position(|h| h == "poids").unwrap()], DataType::Float64);
    assert_eq!(types[header.len() - 1], DataType::Float64);
    let mut compared = 0;
    for (i, line) in lines.iter().skip(1).enumerate() {
        for (column, cell) in frame.columns().iter().zip(raw_fields(line)) {
            match column.get(i).unwrap() {
                AnyValue::Null => assert_eq!(cell, "", "{} of row {i}", column.name()),
                AnyValue::String(text) => assert_eq!(field(&defused(text)), cell),
                AnyValue::StringOwned(text) => assert_eq!(field(&defused(&text)), cell),
                AnyValue::Int32(n) => assert_eq!(n.to_string(), cell),
                AnyValue::Float64(x) => assert_eq!(cell.parse::<f64>().unwrap(), x),
                other => panic!("unexpected {other:?}"),
            }
            compared += 1;
        }
    }
    assert_eq!(compared, 4 * 12);
    // The campaign name is kept as given in Parquet, defused only in the CSV.
    assert_eq!(frame.column("campaign").unwrap().get(1).unwrap(), AnyValue::String("=HYPERLINK(\"x\")"));
}

#[test]
fn an_empty_export_is_a_valid_file() {
    let bytes = answers_parquet(&questionnaire(), std::iter::empty()).unwrap();
    let frame = read_parquet(&bytes);
    assert_eq!((frame.height(), frame.width()), (0, 12));
}
