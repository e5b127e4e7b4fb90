//! Compact encoding: round trips and agreement with scoring.
#![allow(clippy::unwrap_used)]

mod common;

use common::{builtin, mutated_questionnaire};
use proptest::prelude::*;
use serde_json::json;
use survey_defs::{
    AnswerLayout, ColumnKind, EncodedAnswers, LayoutError, MISSING, Questionnaire, RawAnswer, RawAnswers, ScaleInfo,
    check_partial, score_all, score_values,
};

/// The example with every item type: number, date, short text added.
fn all_types() -> Questionnaire {
    mutated_questionnaire(|v| {
        v["sections"][1]["items"] = json!([
            {"id": "commentaire", "type": "long_text", "text": {"fr": "Autre ?", "en": "Other?"}},
            {"id": "temperature", "type": "number", "text": {"fr": "Température", "en": "Temperature"}, "min": -50, "max": 50, "decimals": 2},
            {"id": "jour", "type": "date", "text": {"fr": "Date", "en": "Date"}, "min": "1900-01-01", "max": "2100-12-31"},
            {"id": "ville", "type": "short_text", "text": {"fr": "Ville", "en": "Town"}, "max_length": 40},
            {"id": "merci", "type": "display", "text": {"fr": "Merci", "en": "Thanks"}}
        ]);
    })
}

/// Raw answers valid for `all_types()` (some items left out).
fn raw_answers() -> impl Strategy<Value = RawAnswers> {
    let gene = prop::sample::select(vec!["jamais", "parfois", "souvent", "nc"]);
    let efficacite = prop::sample::select(vec!["oui", "un_peu", "non"]);
    let localisation = prop::sample::subsequence(vec!["dos", "nuque", "genoux", "mains", "ailleurs"], 1..=3);
    (
        (
            prop::option::of(0i32..=10),
            prop::option::of(gene),
            prop::option::of(any::<bool>()),
            prop::option::of(efficacite),
            prop::option::of(localisation),
        ),
        (
            prop::option::of("\\PC{1,60}"),
            prop::option::of(-5000i32..=5000),
            prop::option::of(-25_000i32..=47_000),
            prop::option::of("[a-zA-Zé' -]{1,40}"),
        ),
    )
        .prop_map(
            |((intensite, gene, medicament, efficacite, localisation), (commentaire, temperature, jour, ville))| {
                let mut raw = RawAnswers::new();
                let mut put = |k: &str, v: Option<RawAnswer>| {
                    if let Some(v) = v {
                        raw.insert(k.to_owned(), v);
                    }
                };
                put("intensite", intensite.map(|n| RawAnswer::Number(f64::from(n))));
                put("gene", gene.map(|c| RawAnswer::Text(c.into())));
                put("medicament", medicament.map(RawAnswer::Bool));
                put("efficacite", efficacite.map(|c| RawAnswer::Text(c.into())));
                put("localisation", localisation.map(|l| RawAnswer::List(l.into_iter().map(String::from).collect())));
                put("commentaire", commentaire.map(RawAnswer::Text));
                // Typed the French way: "-3,25".
                put(
                    "temperature",
                    temperature.map(|t| RawAnswer::Text(format!("{:.2}", f64::from(t) / 100.0).replace('.', ","))),
                );
                put("jour", jour.and_then(survey_defs::format_iso_date).map(RawAnswer::Text));
                put("ville", ville.map(RawAnswer::Text));
                raw
            },
        )
}

proptest! {
    #[test]
    fn encode_then_decode_gives_the_answers_back(raw in raw_answers()) {
        let q = all_types();
        let check = check_partial(&q, &raw);
        prop_assert!(check.is_acceptable(), "{:#?}", check.problems);
        let layout = q.answer_layout();
        let encoded = layout.encode(&check.answers);
        prop_assert_eq!(encoded.codes.len(), layout.columns.len());
        prop_assert_eq!(layout.decode(&encoded), check.answers);
    }

    #[test]
    fn codes_survive_bytes(codes in prop::collection::vec(any::<i32>(), 0..64)) {
        let bytes = EncodedAnswers::codes_to_bytes(&codes);
        prop_assert_eq!(bytes.len(), codes.len() * 4);
        prop_assert_eq!(EncodedAnswers::codes_from_bytes(&bytes).unwrap(), codes);
    }

    #[test]
    fn scoring_encoded_rows_agrees_with_scoring_answers(codes in prop::collection::vec(prop::option::of(0usize..4), 9)) {
        let q = builtin("phq-9");
        let answers = common::choices("phq9_", &codes.iter().map(|c| c.map_or("", |k| ["0", "1", "2", "3"][k])).collect::<Vec<_>>());
        let layout = q.answer_layout();
        let row = layout.encode(&answers).codes;
        let scale = &q.scales[0];
        let info = ScaleInfo::new(&q, scale).unwrap();
        let values: Vec<Option<i32>> = scale
            .items
            .iter()
            .map(|id| layout.column_index(id).and_then(|c| layout.value_of(c, row[c])))
            .collect();
        prop_assert_eq!(score_values(&info, &values), score_all(&q, &answers)[0].value);
    }
}

#[test]
fn layout_has_one_column_per_answerable_item() {
    let q = all_types();
    let layout: AnswerLayout = q.answer_layout();
    let ids: Vec<&str> = layout.columns.iter().map(|c| c.item_id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "intensite",
            "gene",
            "medicament",
            "efficacite",
            "localisation",
            "commentaire",
            "temperature",
            "jour",
            "ville"
        ]
    );
    assert_eq!(layout.columns[0].kind, ColumnKind::Rating { min: 0, max: 10 });
    assert!(matches!(&layout.columns[4].kind, ColumnKind::Choices { option_count: 5, .. }));
    assert_eq!(layout.columns[6].kind, ColumnKind::Number { decimals: 2 });
}

#[test]
fn missing_answers_encode_as_missing() {
    let q = all_types();
    let encoded = q.answer_layout().encode(&survey_defs::Answers::new());
    assert!(encoded.codes.iter().all(|c| *c == MISSING));
    assert!(encoded.texts.is_empty());
}

#[test]
fn known_codes() {
    let q = all_types();
    let raw: RawAnswers = [
        ("intensite", RawAnswer::Text("7".into())),
        ("gene", RawAnswer::Text("souvent".into())),
        ("medicament", RawAnswer::Text("oui".into())),
        ("localisation", RawAnswer::List(vec!["nuque".into(), "mains".into()])),
        ("temperature", RawAnswer::Text("-3,25".into())),
        ("jour", RawAnswer::Text("1970-01-02".into())),
        ("ville", RawAnswer::Text("Liège".into())),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let answers = check_partial(&q, &raw).answers;
    let encoded = q.answer_layout().encode(&answers);
    assert_eq!(encoded.codes, [7, 2, 1, MISSING, 0b1010, MISSING, -325, 1, 5]);
    assert_eq!(encoded.texts, [("ville".to_owned(), "Liège".to_owned())]);
}

#[test]
fn truncated_bytes_are_an_error() {
    assert_eq!(EncodedAnswers::codes_from_bytes(&[1, 2, 3, 4, 5]), Err(LayoutError::TruncatedCodes(5)));
}
