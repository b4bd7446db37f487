//! Merging responses from several places: a copy is kept once, the same id
//! with other answers is a conflict that keeps every version.

use serde_json::json;
use suara_domain::merge::{self, read_export};
use suara_domain::{Response, Survey};

fn response(id: &str, submitted_at: &str, answers: serde_json::Value) -> Response {
    Response::from_value(json!({
        "id": id, "survey_id": "s", "survey_version": "1", "locale": "en",
        "started_at": submitted_at, "submitted_at": submitted_at, "answers": answers,
    }))
    .expect("a response")
}

#[test]
fn a_copy_of_a_response_is_kept_once_and_counted() {
    let a = response("a", "2026-01-01T10:00:00Z", json!({ "q": 1 }));
    let merged = merge::merge([a.clone(), a.clone(), a.clone()]);
    assert_eq!(merged.responses, vec![a]);
    assert_eq!(merged.duplicates, 2);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn the_same_id_with_other_answers_is_a_conflict_that_keeps_both_in_order_seen() {
    let first = response("a", "2026-01-01T10:00:00Z", json!({ "q": 1 }));
    let second = response("a", "2026-01-01T10:00:00Z", json!({ "q": 2 }));
    let other = response("b", "2026-01-01T09:00:00Z", json!({}));
    let merged = merge::merge([first.clone(), other.clone(), second.clone(), first.clone()]);
    assert_eq!(merged.responses, vec![other]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].id, "a");
    assert_eq!(merged.conflicts[0].responses, vec![first, second]);
    assert_eq!(merged.duplicates, 1);
}

#[test]
fn the_order_of_a_matrix_answers_rows_is_not_a_difference() {
    let a = response(
        "a",
        "2026-01-01T10:00:00Z",
        json!({ "m": { "x": "1", "y": "2" } }),
    );
    let b = response(
        "a",
        "2026-01-01T10:00:00Z",
        json!({ "m": { "y": "2", "x": "1" } }),
    );
    assert_ne!(a, b, "the rows are read in their written order");
    assert!(merge::same_body(&a, &b));
    let merged = merge::merge([a, b]);
    assert_eq!((merged.responses.len(), merged.duplicates), (1, 1));
}

#[test]
fn merged_responses_come_oldest_first_then_by_id() {
    let late = response("a", "2026-01-02T00:00:00Z", json!({}));
    let early_b = response("b", "2026-01-01T00:00:00Z", json!({}));
    let early_c = response("c", "2026-01-01T00:00:00Z", json!({}));
    let merged = merge::merge([late.clone(), early_c.clone(), early_b.clone()]);
    assert_eq!(merged.responses, vec![early_b, early_c, late]);
}

fn survey() -> Survey {
    Survey::parse(
        r#"{"format":1,"id":"s","version":"1","title":"S","default_locale":"en",
            "pages":[{"id":"p","questions":[{"id":"q","kind":"nps","label":"Q"}]}]}"#,
    )
    .expect("a survey")
}

#[test]
fn a_merge_without_conflicts_is_written_exactly_as_the_widgets_export() {
    let rs = vec![response("a", "2026-01-01T10:00:00Z", json!({ "q": 3 }))];
    let merged = merge::merge(rs.clone());
    let at = "2026-01-03T00:00:00.000Z";
    assert_eq!(
        merge::to_json(&survey(), &merged, at),
        suara_domain::export::to_json(&survey(), &rs, at)
    );
}

#[test]
fn a_merged_file_read_back_holds_its_conflicts_which_conflict_again() {
    let first = response("a", "2026-01-01T10:00:00Z", json!({ "q": 1 }));
    let second = response("a", "2026-01-01T10:00:00Z", json!({ "q": 2 }));
    let merged = merge::merge([first, second]);
    let json = merge::to_json(&survey(), &merged, "2026-01-03T00:00:00.000Z");
    assert!(json.contains("\"conflicts\":[{\"id\":\"a\""), "{json}");
    let back = read_export(&json).expect("the merged file reads back");
    assert_eq!(merge::merge(back.responses), merged);
}

#[test]
fn an_unreadable_export_file_says_what_and_where() {
    let cases = [
        ("{", "not JSON"),
        ("{\"responses\": []}", "missing field `format`"),
        (
            "{\"format\": 2, \"responses\": []}",
            "unknown export format 2",
        ),
        (
            r#"{"format":1,"survey_id":"s","survey_version":"1","exported_at":"x","responses":[{"id":"a"}]}"#,
            "responses[0]: missing field `survey_id`",
        ),
        ("7", "must be a JSON object"),
    ];
    for (json, expected) in cases {
        let err = read_export(json).expect_err(json);
        assert!(err.contains(expected), "{json}: {err}");
    }
}
