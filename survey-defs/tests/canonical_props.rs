//! Canonical JSON and content hash.
#![allow(clippy::unwrap_used)]

mod common;

use std::fmt::Write as _;

use common::{EXAMPLE_JSON, example_value};
use proptest::prelude::*;
use serde_json::Value;
use survey_defs::{BUILTIN_SOURCES, Questionnaire};

fn sources() -> Vec<&'static str> {
    BUILTIN_SOURCES.iter().map(|(_, json)| *json).chain([EXAMPLE_JSON]).collect()
}

/// A tiny deterministic generator (xorshift) so proptest drives reorderings by a seed.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn space(&mut self) -> &'static str {
        ["", " ", "\n  ", "\t"][usize::try_from(self.next() % 4).unwrap()]
    }
}

/// JSON text of `value` with object keys in a shuffled order and random whitespace.
fn render(value: &Value, rng: &mut Shuffle, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            for i in (1..entries.len()).rev() {
                let j = usize::try_from(rng.next() % (i as u64 + 1)).unwrap();
                entries.swap(i, j);
            }
            out.push('{');
            for (k, (key, inner)) in entries.into_iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}{}{}:{}", rng.space(), Value::String(key.clone()), rng.space(), rng.space());
                render(inner, rng, out);
            }
            let space = rng.space();
            out.push_str(space);
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (k, inner) in items.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                    out.push_str(rng.space());
                }
                render(inner, rng, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Paths (JSON pointers) of every localized text (`…/fr`, `…/en`) in a value.
fn text_pointers(value: &Value, pointer: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let child = format!("{pointer}/{key}");
                if inner.is_string() && (key == "fr" || key == "en") {
                    out.push(child);
                } else {
                    text_pointers(inner, &child, out);
                }
            }
        }
        Value::Array(items) => {
            for (k, inner) in items.iter().enumerate() {
                text_pointers(inner, &format!("{pointer}/{k}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn parse_serialize_parse_is_stable() {
    for json in sources() {
        let q = Questionnaire::from_json(json).unwrap();
        let canonical = q.to_canonical_json();
        let again = Questionnaire::from_json(&canonical).unwrap();
        assert_eq!(again, q);
        assert_eq!(again.content_hash(), q.content_hash());
        assert_eq!(again.to_canonical_json(), canonical);
        let pretty = serde_json::to_string_pretty(&q).unwrap();
        assert_eq!(Questionnaire::from_json(&pretty).unwrap(), q);
    }
}

#[test]
fn hash_format() {
    let hash = Questionnaire::from_json(EXAMPLE_JSON).unwrap().content_hash();
    assert!(hash.starts_with("sha256:"));
    assert_eq!(hash.len(), "sha256:".len() + 64);
    assert!(hash["sha256:".len()..].bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
}

#[test]
fn defaults_written_or_omitted_give_the_same_hash() {
    let mut value = example_value();
    value["sections"][0]["items"][2]["required"] = Value::Bool(false);
    value["scales"][0]["reverse_items"] = Value::Array(Vec::new());
    value["scales"][0]["prorate"] = Value::Bool(false);
    let explicit = Questionnaire::from_json(&value.to_string()).unwrap();
    assert_eq!(explicit.content_hash(), Questionnaire::from_json(EXAMPLE_JSON).unwrap().content_hash());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn hash_ignores_key_order_and_whitespace(seed in 1u64.., which in 0usize..4) {
        let json = sources()[which];
        let value: Value = serde_json::from_str(json).unwrap();
        let mut shuffled = String::new();
        render(&value, &mut Shuffle(seed), &mut shuffled);
        let original = Questionnaire::from_json(json).unwrap();
        let reordered = Questionnaire::from_json(&shuffled).unwrap();
        prop_assert_eq!(reordered.content_hash(), original.content_hash());
    }

    #[test]
    fn hash_changes_when_any_text_changes(pick in any::<prop::sample::Index>(), which in 0usize..4, suffix in "[a-zé]{1,3}") {
        let json = sources()[which];
        let mut value: Value = serde_json::from_str(json).unwrap();
        let mut pointers = Vec::new();
        text_pointers(&value, "", &mut pointers);
        let pointer = &pointers[pick.index(pointers.len())];
        let text = value.pointer_mut(pointer).unwrap();
        *text = Value::String(format!("{}{suffix}", text.as_str().unwrap()));
        let original = Questionnaire::from_json(json).unwrap();
        let changed = Questionnaire::from_json(&value.to_string()).unwrap();
        prop_assert_ne!(changed.content_hash(), original.content_hash(), "{}", pointer);
    }
}
