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
fn no_counts_as_an_answer_and_is_kept() {
    let kept = answer::clean(&survey(), &answers(json!({ "again": false })));
    assert_eq!(kept, answers(json!({ "again": false })));
}

#[test]
fn the_csv_has_one_column_per_question_in_survey_order() {
    let header = export::csv_header(&survey());
    assert_eq!(header, ["id", "submitted_at", "locale", "again", "member"]);
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
