//! Which answers are accepted, what is kept of them, and the response that
//! is stored and sent.

mod common;

use std::collections::BTreeSet;

use serde_json::{json, Value};
use suara_domain::answer::{self, AnswerError, AnswerValue};
use suara_domain::response::Finish;
use suara_domain::{Locale, Response, Survey};

use AnswerError::*;

/// One question of each kind, and of the choice kinds one with and one
/// without "other"; required and optional ones.
const SURVEY: &str = r#"{
  "format": 1, "id": "answers", "version": 7, "title": "Answers", "default_locale": "en",
  "pages": [
    { "id": "one", "questions": [
      { "id": "fruit", "kind": "single_choice", "label": "Fruit", "required": true, "other": true,
        "options": [{ "value": "apple", "label": "Apple" }, { "value": "pear", "label": "Pear" }] },
      { "id": "veg", "kind": "multi_choice", "label": "Vegetables", "required": true, "other": true,
        "options": [{ "value": "carrot", "label": "Carrot" }, { "value": "leek", "label": "Leek" }] },
      { "id": "colour", "kind": "single_choice", "label": "Colour",
        "options": [{ "value": "red", "label": "Red" }, { "value": "blue", "label": "Blue" }] },
      { "id": "name", "kind": "short_text", "label": "Name", "required": true, "max_length": 5 }
    ] },
    { "id": "two", "questions": [
      { "id": "story", "kind": "long_text", "label": "Story", "required": true, "max_length": 10 },
      { "id": "note", "kind": "long_text", "label": "Note" },
      { "id": "stars", "kind": "rating", "label": "Stars", "required": true },
      { "id": "scale", "kind": "rating", "label": "Scale", "min": 0, "max": 10 },
      { "id": "score", "kind": "nps", "label": "Score", "required": true },
      { "id": "agree", "kind": "consent", "label": "Agree", "text": "I agree", "required": true },
      { "id": "news", "kind": "consent", "label": "Newsletter" }
    ] }
  ]
}"#;

fn survey() -> Survey {
    Survey::parse(SURVEY).expect("the test survey parses")
}

use common::answers;

/// A complete, valid set of answers to [`SURVEY`].
fn valid() -> Value {
    json!({
        "fruit": "apple", "veg": ["carrot"], "name": "Ana", "story": "Good.",
        "stars": 4, "score": 9, "agree": true
    })
}

/// `valid()` with `changes` applied (a null removes the answer).
fn valid_with(changes: Value) -> Value {
    let mut all = valid();
    let map = all.as_object_mut().expect("an object");
    for (key, value) in changes.as_object().expect("an object of changes") {
        match value {
            Value::Null => map.remove(key),
            v => map.insert(key.clone(), v.clone()),
        };
    }
    all
}

fn check(cases: &[(&str, Value, Option<AnswerError>)]) {
    common::check_answers(&survey(), cases);
}

#[test]
fn a_required_question_left_blank_is_reported() {
    check(&[
        ("fruit", json!({}), Some(Required)),
        ("fruit", json!({ "fruit": "" }), Some(Required)),
        ("veg", json!({}), Some(Required)),
        ("veg", json!({ "veg": [] }), Some(Required)),
        ("name", json!({ "name": "" }), Some(Required)),
        ("story", json!({ "story": " \n\t " }), Some(Required)),
        ("stars", json!({}), Some(Required)),
        ("score", json!({}), Some(Required)),
        ("agree", json!({}), Some(ConsentRequired)),
        // An "other" description alone does not answer the question.
        (
            "fruit",
            json!({ "fruit.other_text": "Durian" }),
            Some(Required),
        ),
    ]);
}

#[test]
fn optional_questions_may_be_left_blank() {
    check(&[
        ("colour", json!({}), None),
        ("colour", json!({ "colour": "" }), None),
        ("note", json!({ "note": "   " }), None),
        ("scale", json!({}), None),
        ("news", json!({}), None),
    ]);
}

#[test]
fn blank_text_and_empty_choices_do_not_count_as_answers() {
    let answered = |v: Value| {
        serde_json::from_value::<AnswerValue>(v)
            .expect("an answer value")
            .is_answered()
    };
    assert!(!answered(json!("")));
    assert!(!answered(json!(" \t\r\n ")));
    assert!(!answered(json!([])));
    assert!(answered(json!("0")));
    assert!(answered(json!(0)));
    assert!(answered(json!(false)), "refusing a consent is an answer");
    assert!(
        answered(json!([""])),
        "a list with a value is an answer, if not a valid one"
    );
    // Blank text is no answer, so it cannot be too long either.
    check(&[
        ("note", json!({ "note": " ".repeat(3000) }), None),
        ("name", json!({ "name": "       " }), Some(Required)),
    ]);
}

#[test]
fn text_longer_than_max_length_is_too_long() {
    check(&[
        (
            "name",
            json!({ "name": "Ananda" }),
            Some(TooLong { max: 5, len: 6 }),
        ),
        ("name", json!({ "name": "Anand" }), None),
        // Characters are counted, not bytes.
        ("name", json!({ "name": "ꦱꦸꦮꦫé" }), None),
        ("name", json!({ "name": "Zoë 👍" }), None),
        (
            "name",
            json!({ "name": "👍👍👍👍👍👍" }),
            Some(TooLong { max: 5, len: 6 }),
        ),
        // White space around the text is trimmed before it is stored, so it does not count.
        ("name", json!({ "name": "  Anand \n" }), None),
        (
            "story",
            json!({ "story": "Once upon a time" }),
            Some(TooLong { max: 10, len: 16 }),
        ),
        (
            "note",
            json!({ "note": "x".repeat(2001) }),
            Some(TooLong {
                max: 2000,
                len: 2001,
            }),
        ),
        ("note", json!({ "note": "x".repeat(2000) }), None),
    ]);
}

#[test]
fn a_number_outside_the_scale_is_out_of_range() {
    check(&[
        (
            "stars",
            json!({ "stars": 0 }),
            Some(OutOfRange { min: 1, max: 5 }),
        ),
        ("stars", json!({ "stars": 1 }), None),
        ("stars", json!({ "stars": 5 }), None),
        (
            "stars",
            json!({ "stars": 6 }),
            Some(OutOfRange { min: 1, max: 5 }),
        ),
        (
            "stars",
            json!({ "stars": 2.5 }),
            Some(OutOfRange { min: 1, max: 5 }),
        ),
        ("scale", json!({ "scale": 0 }), None),
        (
            "scale",
            json!({ "scale": 11 }),
            Some(OutOfRange { min: 0, max: 10 }),
        ),
        ("score", json!({ "score": 0 }), None),
        ("score", json!({ "score": 10 }), None),
        (
            "score",
            json!({ "score": -1 }),
            Some(OutOfRange { min: 0, max: 10 }),
        ),
        (
            "score",
            json!({ "score": 11 }),
            Some(OutOfRange { min: 0, max: 10 }),
        ),
    ]);
}

#[test]
fn a_value_that_is_not_an_option_is_refused() {
    check(&[
        ("fruit", json!({ "fruit": "banana" }), Some(NotAnOption)),
        ("fruit", json!({ "fruit": "Apple" }), Some(NotAnOption)),
        ("fruit", json!({ "fruit": "pear" }), None),
        (
            "veg",
            json!({ "veg": ["carrot", "banana"] }),
            Some(NotAnOption),
        ),
        ("veg", json!({ "veg": ["carrot", "leek"] }), None),
        // "other" is an option only where the question offers it.
        (
            "colour",
            json!({ "colour": "other", "colour.other_text": "Green" }),
            Some(NotAnOption),
        ),
    ]);
}

#[test]
fn choosing_other_needs_a_description() {
    check(&[
        ("fruit", json!({ "fruit": "other" }), Some(OtherTextMissing)),
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": "  " }),
            Some(OtherTextMissing),
        ),
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": 5 }),
            Some(OtherTextMissing),
        ),
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": "Durian" }),
            None,
        ),
        (
            "veg",
            json!({ "veg": ["carrot", "other"] }),
            Some(OtherTextMissing),
        ),
        (
            "veg",
            json!({ "veg": ["other"], "veg.other_text": "Kale" }),
            None,
        ),
        // A description without "other" chosen is no error: it is dropped.
        (
            "fruit",
            json!({ "fruit": "apple", "fruit.other_text": "Durian" }),
            None,
        ),
    ]);
}

#[test]
fn a_long_other_description_is_too_long() {
    check(&[
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": "d".repeat(201) }),
            Some(OtherTextTooLong { max: 200 }),
        ),
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": "d".repeat(200) }),
            None,
        ),
        (
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": "ꦢ".repeat(200) }),
            None,
        ),
        (
            "veg",
            json!({ "veg": ["other"], "veg.other_text": "k".repeat(201) }),
            Some(OtherTextTooLong { max: 200 }),
        ),
    ]);
}

#[test]
fn a_required_consent_must_be_given() {
    check(&[
        ("agree", json!({ "agree": true }), None),
        ("agree", json!({ "agree": false }), Some(ConsentRequired)),
        ("agree", json!({}), Some(ConsentRequired)),
        ("news", json!({ "news": false }), None),
        ("news", json!({ "news": true }), None),
    ]);
}

#[test]
fn an_answer_of_the_wrong_shape_is_wrong_type() {
    check(&[
        ("fruit", json!({ "fruit": ["apple"] }), Some(WrongType)),
        ("veg", json!({ "veg": "carrot" }), Some(WrongType)),
        ("name", json!({ "name": 5 }), Some(WrongType)),
        ("story", json!({ "story": ["Once"] }), Some(WrongType)),
        ("stars", json!({ "stars": "4" }), Some(WrongType)),
        ("score", json!({ "score": true }), Some(WrongType)),
        ("agree", json!({ "agree": "yes" }), Some(WrongType)),
        ("agree", json!({ "agree": 1 }), Some(WrongType)),
    ]);
}

/// The variant's name; a new variant fails to compile here until it is
/// added to the table below.
fn variant(e: &AnswerError) -> &'static str {
    match e {
        Required => "Required",
        TooLong { .. } => "TooLong",
        OutOfRange { .. } => "OutOfRange",
        NotAnOption => "NotAnOption",
        OtherTextMissing => "OtherTextMissing",
        OtherTextTooLong { .. } => "OtherTextTooLong",
        ConsentRequired => "ConsentRequired",
        WrongType => "WrongType",
        // The number and date kinds' errors: tests/kinds.rs.
        NotANumber => "NotANumber",
        NotWhole => "NotWhole",
        TooSmall { .. } => "TooSmall",
        TooBig { .. } => "TooBig",
        NotADate => "NotADate",
        TooEarly { .. } => "TooEarly",
        TooLate { .. } => "TooLate",
        // The matrix and ranking kinds' errors: tests/kinds.rs.
        RowsUnanswered { .. } => "RowsUnanswered",
        Unranked => "Unranked",
    }
}

#[test]
fn every_error_can_be_had_from_every_kind_it_applies_to() {
    let long = "x".repeat(201);
    // (kind, question of that kind, answers, error)
    let table = [
        ("single_choice", "fruit", json!({}), Required),
        (
            "single_choice",
            "fruit",
            json!({ "fruit": "kiwi" }),
            NotAnOption,
        ),
        (
            "single_choice",
            "fruit",
            json!({ "fruit": "other" }),
            OtherTextMissing,
        ),
        (
            "single_choice",
            "fruit",
            json!({ "fruit": "other", "fruit.other_text": long }),
            OtherTextTooLong { max: 200 },
        ),
        ("single_choice", "fruit", json!({ "fruit": 1 }), WrongType),
        ("multi_choice", "veg", json!({ "veg": [] }), Required),
        (
            "multi_choice",
            "veg",
            json!({ "veg": ["kiwi"] }),
            NotAnOption,
        ),
        (
            "multi_choice",
            "veg",
            json!({ "veg": ["other"] }),
            OtherTextMissing,
        ),
        (
            "multi_choice",
            "veg",
            json!({ "veg": ["other"], "veg.other_text": long }),
            OtherTextTooLong { max: 200 },
        ),
        ("multi_choice", "veg", json!({ "veg": true }), WrongType),
        ("short_text", "name", json!({ "name": " " }), Required),
        (
            "short_text",
            "name",
            json!({ "name": "Bartholomew" }),
            TooLong { max: 5, len: 11 },
        ),
        ("short_text", "name", json!({ "name": ["Ana"] }), WrongType),
        ("long_text", "story", json!({}), Required),
        (
            "long_text",
            "story",
            json!({ "story": "A long story" }),
            TooLong { max: 10, len: 12 },
        ),
        ("long_text", "story", json!({ "story": false }), WrongType),
        ("rating", "stars", json!({}), Required),
        (
            "rating",
            "stars",
            json!({ "stars": 9 }),
            OutOfRange { min: 1, max: 5 },
        ),
        ("rating", "stars", json!({ "stars": "9" }), WrongType),
        ("nps", "score", json!({}), Required),
        (
            "nps",
            "score",
            json!({ "score": 12 }),
            OutOfRange { min: 0, max: 10 },
        ),
        ("nps", "score", json!({ "score": ["9"] }), WrongType),
        (
            "consent",
            "agree",
            json!({ "agree": false }),
            ConsentRequired,
        ),
        ("consent", "agree", json!({ "agree": "true" }), WrongType),
    ];
    let survey = survey();
    for (kind, id, _, _) in &table {
        assert_eq!(
            survey.question(id).map(|q| q.kind.name()),
            Some(*kind),
            "{id}"
        );
    }
    let mut seen: Vec<&str> = table.iter().map(|(_, _, _, e)| variant(e)).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 8, "every AnswerError variant appears: {seen:?}");
    let cases: Vec<(&str, Value, Option<AnswerError>)> = table
        .into_iter()
        .map(|(_, id, a, e)| (id, a, Some(e)))
        .collect();
    check(&cases);
}

/// `clean` keeps exactly `expected` of `given`.
fn check_clean(given: Value, expected: Value) {
    assert_eq!(answer::clean(&survey(), &answers(given)), answers(expected));
}

#[test]
fn clean_keeps_only_the_surveys_answers_trimmed() {
    check_clean(
        json!({
            "fruit": "apple", "veg": ["carrot", "leek"], "name": "  Ana \n", "stars": 4, "score": 0,
            "agree": true, "news": false,
            "unknown": "not a question", "name.other_text": "not an other", "other_text": "x", "FRUIT": "apple"
        }),
        json!({ "fruit": "apple", "veg": ["carrot", "leek"], "name": "Ana", "stars": 4, "score": 0, "agree": true, "news": false }),
    );
}

#[test]
fn clean_drops_blank_answers() {
    check_clean(
        json!({ "colour": "", "note": "  \n ", "veg": [], "name": "Ana" }),
        json!({ "name": "Ana" }),
    );
}

#[test]
fn clean_keeps_an_other_description_only_where_other_is_chosen() {
    check_clean(
        json!({ "fruit": "apple", "fruit.other_text": "Durian", "veg": ["other"], "veg.other_text": "  Kale " }),
        json!({ "fruit": "apple", "veg": ["other"], "veg.other_text": "Kale" }),
    );
    check_clean(
        json!({ "fruit": "other", "fruit.other_text": "   " }),
        json!({ "fruit": "other" }),
    );
    check_clean(
        json!({ "colour": "red", "colour.other_text": "Green" }),
        json!({ "colour": "red" }),
    );
}

fn finish(given: Value) -> Result<Response, Vec<(String, AnswerError)>> {
    let locale = Locale::parse("en").expect("a locale");
    let meta = Finish {
        id: "3f0c8a4e-2b1d-4c6e-9f7a-1b2c3d4e5f60",
        locale: &locale,
        started_at: "2025-06-01T09:00:00Z",
        submitted_at: "2025-06-01T09:03:30Z",
    };
    Response::finish(&survey(), &answers(given), meta)
}

/// `finish` must refuse `given` with exactly `expected`, in that order.
fn check_finish_errors(given: Value, expected: &[(&str, AnswerError)]) {
    let errors = finish(given).expect_err("the answers should be refused");
    let expected: Vec<(String, AnswerError)> = expected
        .iter()
        .map(|(id, e)| ((*id).to_owned(), e.clone()))
        .collect();
    assert_eq!(errors, expected);
}

#[test]
fn finish_returns_every_error_in_survey_order() {
    check_finish_errors(
        json!({}),
        &[
            ("fruit", Required),
            ("veg", Required),
            ("name", Required),
            ("story", Required),
            ("stars", Required),
            ("score", Required),
            ("agree", ConsentRequired),
        ],
    );
    // The answers' own order (here sorted by key) does not matter.
    check_finish_errors(
        valid_with(
            json!({ "agree": false, "stars": 7, "fruit": "kiwi", "name": "Bartholomew", "veg": ["other"], "score": null }),
        ),
        &[
            ("fruit", NotAnOption),
            ("veg", OtherTextMissing),
            ("name", TooLong { max: 5, len: 11 }),
            ("stars", OutOfRange { min: 1, max: 5 }),
            ("score", Required),
            ("agree", ConsentRequired),
        ],
    );
}

#[test]
fn a_finished_response_carries_the_survey_the_meta_and_the_cleaned_answers() {
    let response =
        finish(valid_with(json!({ "name": " Ana ", "unknown": 1 }))).expect("valid answers");
    assert_eq!(response.id, "3f0c8a4e-2b1d-4c6e-9f7a-1b2c3d4e5f60");
    assert_eq!(response.survey_id, "answers");
    assert_eq!(response.survey_version, "7");
    assert_eq!(response.locale, "en");
    assert_eq!(response.started_at, "2025-06-01T09:00:00Z");
    assert_eq!(response.submitted_at, "2025-06-01T09:03:30Z");
    assert_eq!(
        response.answers,
        answers(valid_with(json!({ "name": "Ana" })))
    );
}

#[test]
fn the_response_json_has_exactly_the_contract_fields() {
    let response = finish(valid_with(
        json!({ "veg": ["carrot", "other"], "veg.other_text": "Kale", "news": false }),
    ))
    .expect("valid answers");
    let json = response.to_json();
    let value: Value = serde_json::from_str(&json).expect("the response is JSON");
    let object = value.as_object().expect("an object");
    let keys: BTreeSet<&str> = object.keys().map(String::as_str).collect();
    let contract = BTreeSet::from([
        "id",
        "survey_id",
        "survey_version",
        "locale",
        "started_at",
        "submitted_at",
        "answers",
    ]);
    assert_eq!(keys, contract);
    for key in [
        "id",
        "survey_id",
        "survey_version",
        "locale",
        "started_at",
        "submitted_at",
    ] {
        assert!(object[key].is_string(), "{key} is a string");
    }
    assert_eq!(
        value["answers"],
        json!({
            "agree": true, "fruit": "apple", "name": "Ana", "news": false, "score": 9, "stars": 4, "story": "Good.",
            "veg": ["carrot", "other"], "veg.other_text": "Kale"
        })
    );
    assert!(
        value["answers"]["stars"].is_u64(),
        "a rating is a number, not a string"
    );
    assert!(
        value["answers"]["agree"].is_boolean(),
        "a consent is a boolean"
    );
    assert!(
        value["answers"]["veg"]
            .as_array()
            .is_some_and(|a| a.iter().all(Value::is_string)),
        "choices are strings"
    );
    // And it reads back as the same response.
    assert_eq!(
        serde_json::from_str::<Response>(&json).expect("a response"),
        response
    );
}

#[test]
fn a_value_of_the_wrong_shape_is_refused_naming_what_was_found() {
    let refused = |v: Value| AnswerValue::from_value(v).expect_err("refused");
    assert_eq!(
        refused(json!({ "a": 1 })),
        "a matrix answer maps each row to a column value (a string), found a number"
    );
    assert_eq!(
        refused(json!(null)),
        "an answer is a string, a number, a boolean, a list of strings or an object of strings, found null"
    );
    assert_eq!(
        refused(json!(["a", 2])),
        "a list of choices holds only strings, found a number"
    );
    let response = |changes: Value| {
        let mut r = json!({
            "id": "r1", "survey_id": "s", "survey_version": "1", "locale": "en",
            "started_at": "t", "submitted_at": "t", "answers": {}
        });
        r.as_object_mut()
            .unwrap()
            .extend(changes.as_object().unwrap().clone());
        Response::from_value(r)
    };
    assert!(response(json!({})).is_ok());
    assert_eq!(
        response(json!({ "locale": 5 })).expect_err("refused"),
        "`locale` must be a string, found a number"
    );
    assert_eq!(
        response(json!({ "answers": [] })).expect_err("refused"),
        "`answers` must be an object, found an array"
    );
    assert_eq!(
        response(json!({ "answers": { "q": null } })).expect_err("refused"),
        "answer `q`: an answer is a string, a number, a boolean, a list of strings or an object of strings, found null"
    );
}
