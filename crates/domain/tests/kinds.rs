//! The question kinds beyond text, choices, ratings and consent: what each
//! accepts as an answer, and the CSV columns it fills.
//!
//! `tests/kinds/responses.json` holds stored responses to
//! `tests/kinds/survey.json`; their CSV must equal `responses.csv` byte for
//! byte (`UPDATE_GOLDEN=1` rewrites it).

mod common;

use serde_json::{json, Value};
use suara_domain::answer::{self, AnswerError, Answers};
use suara_domain::export::{self, CsvOptions};
use suara_domain::{Response, Survey};

use AnswerError::*;

fn survey() -> Survey {
    Survey::parse(&common::read(&common::data("kinds/survey.json")))
        .expect("the kinds survey parses")
}

fn answers(json: Value) -> Answers {
    serde_json::from_value(json).expect("answers are an object of answer values")
}

/// Each case: the question, the answers and the error expected for that
/// question. Reports every failing case at once.
fn check(cases: &[(&str, Value, Option<AnswerError>)]) {
    let survey = survey();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(id, given, expected)| {
            let question = survey
                .question(id)
                .unwrap_or_else(|| panic!("no question `{id}`"));
            let actual = answer::check(question, &answers(given.clone()));
            (actual != *expected)
                .then(|| format!("{id} with {given}: expected {expected:?}, got {actual:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn yes_no_takes_true_or_false() {
    check(&[
        ("again", json!({ "again": true }), None),
        ("again", json!({ "again": false }), None),
        ("again", json!({}), Some(Required)),
        ("again", json!({ "again": "yes" }), Some(WrongType)),
        ("again", json!({ "again": 1 }), Some(WrongType)),
        ("member", json!({}), None),
        ("member", json!({ "member": false }), None),
    ]);
}

#[test]
fn a_number_must_be_a_number_within_its_bounds_and_whole_when_asked() {
    let small = |min: &str| Some(TooSmall { min: min.into() });
    let big = |max: &str| Some(TooBig { max: max.into() });
    check(&[
        ("people", json!({ "people": 0 }), None),
        ("people", json!({ "people": 20 }), None),
        ("people", json!({ "people": 2.0 }), None),
        ("people", json!({ "people": -1 }), small("0")),
        ("people", json!({ "people": 21 }), big("20")),
        ("people", json!({ "people": 2.5 }), Some(NotWhole)),
        ("people", json!({}), Some(Required)),
        ("people", json!({ "people": "" }), Some(Required)),
        // What the widget stores when the box holds something that is no number.
        ("people", json!({ "people": "12 orang" }), Some(NotANumber)),
        ("people", json!({ "people": true }), Some(WrongType)),
        ("spent", json!({ "spent": 0.5 }), None),
        ("spent", json!({ "spent": 0.49 }), small("0.5")),
        ("spent", json!({ "spent": 1e300 }), None),
        ("spent", json!({ "spent": 2.75 }), None),
        ("spent", json!({}), None),
        ("offset", json!({ "offset": -1.25 }), None),
        ("offset", json!({ "offset": -1.2 }), big("-1.25")),
        ("offset", json!({ "offset": -1e9 }), None),
    ]);
}

#[test]
fn typed_numbers_are_stored_as_read_never_rounded_or_clamped() {
    use suara_domain::answer::number_from_f64;
    let stored = |v: f64| number_from_f64(v).map(|n| n.to_string());
    assert_eq!(
        stored(12.0),
        Some("12".into()),
        "a whole number is stored whole"
    );
    assert_eq!(stored(-3.0), Some("-3".into()));
    assert_eq!(stored(-0.0), Some("0".into()));
    assert_eq!(stored(1.5), Some("1.5".into()));
    assert_eq!(stored(0.1 + 0.2), Some("0.30000000000000004".into()));
    assert_eq!(stored(1e20), Some("1e+20".into()));
    assert_eq!(
        stored(9_007_199_254_740_991.0),
        Some("9007199254740991".into())
    );
    for not_a_number in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(stored(not_a_number), None, "{not_a_number:?}");
    }
}

#[test]
fn no_counts_as_an_answer_and_is_kept() {
    let kept = answer::clean(&survey(), &answers(json!({ "again": false })));
    assert_eq!(kept, answers(json!({ "again": false })));
}

#[test]
fn the_csv_has_one_column_per_question_in_survey_order() {
    let header = export::csv_header(&survey());
    assert_eq!(
        header,
        [
            "id",
            "submitted_at",
            "locale",
            "again",
            "member",
            "people",
            "spent",
            "offset"
        ]
    );
}

#[test]
fn the_csv_of_every_kind_equals_its_golden_file() {
    let responses: Vec<Response> =
        serde_json::from_str(&common::read(&common::data("kinds/responses.json")))
            .expect("stored responses");
    let csv = export::to_csv(&survey(), &responses, CsvOptions::default());
    common::assert_no_failures(
        common::golden(&common::data("kinds/responses.csv"), csv.as_bytes())
            .err()
            .into_iter()
            .collect(),
    );
}
