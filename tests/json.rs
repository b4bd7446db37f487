//! `io::json::parse` (the browser's `JSON.parse`) against `serde_json::from_str`.
#![cfg(target_arch = "wasm32")]

use serde_json::{Number, Value};
use suara::io::json;
use suara_domain::{bank, Survey, DEFAULT_SURVEY_JSON};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Parses `text` both ways and expects the same `Value`, key order included.
fn same_as_serde(text: &str) -> Value {
    let ours = json::parse(text).unwrap_or_else(|e| panic!("{text} should parse: {e}"));
    let theirs: Value = serde_json::from_str(text).expect("serde_json parses it");
    assert_eq!(ours, theirs, "{text}");
    // `Value`'s `==` ignores key order; the serialised text does not.
    assert_eq!(ours.to_string(), theirs.to_string(), "key order of {text}");
    ours
}

#[wasm_bindgen_test]
fn the_default_survey_parses_as_serde_json_parses_it() {
    // Its inclusion block expanded with the bank, as the widget does with
    // the files it fetches.
    let mut value = same_as_serde(DEFAULT_SURVEY_JSON);
    bank::expand(&mut value, &bank::embedded());
    let survey = Survey::from_value(&value).expect("the default survey is valid");
    let mut theirs: Value = serde_json::from_str(DEFAULT_SURVEY_JSON).unwrap();
    bank::expand(&mut theirs, &bank::embedded());
    assert_eq!(
        Some(survey),
        Survey::from_value(&theirs).ok(),
        "the same survey either way"
    );
}

#[wasm_bindgen_test]
fn nested_values_unicode_and_numbers_parse_as_serde_json_parses_them() {
    same_as_serde(r#"[[], [[1, [2, [3, {"a": [true, false, null]}]]]], {}]"#);
    same_as_serde(r#"{"text": "Kesehatan — é ü 漢字 🙂 \u00e9 \ud83d\ude42 \"q\" \\ \n\t/"}"#);
    same_as_serde(
        r#"[0, 1, -1, 1.5, -2.25, 1e21, -1e-7, 0.1, 9007199254740992, -9007199254740992, 1e300]"#,
    );
    same_as_serde(r#"[123456789012345678901234567890, -123456789012345678901234567890]"#);
}

#[wasm_bindgen_test]
fn minus_zero_stays_a_float_as_in_serde_json() {
    let value = same_as_serde("-0");
    assert_eq!(value.as_f64().map(f64::is_sign_negative), Some(true));
    assert!(!value.is_i64() && !value.is_u64());
}

#[wasm_bindgen_test]
fn integers_beyond_2_pow_53_lose_their_exact_digits() {
    // serde_json keeps a u64 exactly; a JavaScript number cannot: 2^53 + 1
    // reads as 2^53, and a number beyond 2^53 becomes an f64.
    let value = json::parse("[9007199254740993, 18446744073709551615]").unwrap();
    let expected = Value::Array(vec![
        Value::Number(Number::from(9_007_199_254_740_992_u64)),
        Value::Number(Number::from_f64(18_446_744_073_709_551_615.0).unwrap()),
    ]);
    assert_eq!(value, expected);
}

#[wasm_bindgen_test]
fn a_number_too_large_for_f64_is_refused_as_serde_json_refuses_it() {
    assert!(serde_json::from_str::<Value>("[1e400]").is_err());
    let err = json::parse("[1, 1e400]").expect_err("out of range");
    assert_eq!(err, "a number is out of range");
}

#[wasm_bindgen_test]
fn an_integral_number_written_with_a_fraction_reads_as_an_integer() {
    // serde_json reads `5.0` as an f64; JSON.parse gives the number 5.
    assert_eq!(
        json::parse("[5.0, 1e2]").unwrap(),
        serde_json::json!([5, 100])
    );
}

/// An object's keys, in its order.
fn keys_of(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[wasm_bindgen_test]
fn object_keys_keep_the_file_order() {
    let value =
        same_as_serde(r#"{"zeta": 1, "alpha": {"y": 2, "b": 3, "m": 4}, "mid": [], "a b": 5}"#);
    let keys = keys_of(&value);
    assert_eq!(keys, ["zeta", "alpha", "mid", "a b"]);
}

#[wasm_bindgen_test]
fn integer_like_keys_come_first_as_in_object_keys() {
    let value = json::parse(r#"{"b": 1, "10": 2, "a": 3, "2": 4}"#).unwrap();
    let keys = keys_of(&value);
    assert_eq!(keys, ["2", "10", "b", "a"]);
}

#[wasm_bindgen_test]
fn a_repeated_key_keeps_its_last_value_at_its_first_place() {
    same_as_serde(r#"{"a": 1, "b": 2, "a": 3}"#);
}

#[wasm_bindgen_test]
fn text_that_is_not_json_is_refused_with_the_browsers_message() {
    for bad in ["", "{", r#"{"a": 1,}"#, "[1 2]", "nul", "{'a': 1}", "1 2"] {
        let err = json::parse(bad).expect_err(bad);
        assert!(!err.is_empty(), "a message for {bad:?}");
        assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad:?}");
    }
}

#[wasm_bindgen_test]
fn nesting_deeper_than_the_limit_is_refused_with_a_message() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::parse(&nested(json::MAX_DEPTH)).is_ok());
    let err = json::parse(&nested(json::MAX_DEPTH + 1)).expect_err("too deep");
    assert!(err.contains("nested more than 64 deep"), "{err}");
    // Far deeper than any stack would allow a recursive walk.
    let deep = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(json::parse(&deep).is_err());
}

#[wasm_bindgen_test]
fn a_survey_read_through_the_browser_reports_errors_in_document_order() {
    let text = r#"{
        "title": { "fr": "Titre" },
        "format": 2,
        "pages": [{ "id": "p", "questions": [{ "label": "", "id": "Q", "kind": "nps", "zzz": 1 }] }],
        "default_locale": "en",
        "version": "1",
        "id": "s"
    }"#;
    let ours = Survey::from_value(&json::parse(text).unwrap()).expect_err("broken");
    assert_eq!(ours, Survey::parse(text).expect_err("broken"));
    assert_eq!(ours[0].path, "$.title");
}
