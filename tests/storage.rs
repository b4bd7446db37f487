//! The device store (IndexedDB) in a real browser: run in Chromium, Firefox
//! and WebKit by `scripts/test.sh`, since storage is where browsers differ
//! and where trusted offline tools have lost data (WebKit above all).
#![cfg(target_arch = "wasm32")]

use suara::io::store::{self, Record};
use suara_domain::outbox::Status;
use suara_domain::{AnswerValue, Answers, Response};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn response(id: &str, survey: &str) -> Response {
    let mut answers = Answers::new();
    answers.insert(
        "q".into(),
        AnswerValue::Text(format!("answer of {id} — ✓ شكرا")),
    );
    Response {
        id: id.into(),
        survey_id: survey.into(),
        survey_version: "1".into(),
        locale: "id".into(),
        started_at: "2026-11-28T08:00:00Z".into(),
        submitted_at: format!("2026-11-28T08:00:{:02}Z", id.len()),
        answers,
        hidden: Default::default(),
        partial: false,
        bank: None,
        inclusion_consent: None,
        consent_version: None,
    }
}

fn record(id: &str, survey: &str, status: Status) -> Record {
    let mut r = Record::new(response(id, survey), Some("https://example.org/hook"));
    r.status = status;
    r
}

#[wasm_bindgen_test]
async fn a_record_reads_back_as_written() {
    let mut r = record("round-trip", "s-round", Status::Pending);
    r.attempts = 3;
    r.last_error = Some("no answer within 20 s".into());
    r.unreachable = true;
    r.next_attempt_at = 1_800_000_000_000.0;
    store::put(&r).await.unwrap();
    assert_eq!(store::get("round-trip").await.unwrap(), Some(r.clone()));
    let (all, unreadable) = store::all().await.unwrap();
    assert!(all.contains(&r));
    assert_eq!(unreadable, 0);
    assert_eq!(store::get("never-stored").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn finishing_stores_the_response_and_drops_its_draft_together() {
    let mut draft = response("draft-1", "s-draft");
    draft.submitted_at = String::new();
    store::put_draft("s-draft", &draft).await.unwrap();
    assert_eq!(
        store::get_draft("s-draft").await.unwrap(),
        Some(draft.clone())
    );
    // A draft for another survey is left alone, and so is this survey's
    // draft in another widget of the page (its own key).
    let other = response("draft-2", "s-other");
    store::put_draft("s-other", &other).await.unwrap();
    store::put_draft("s-draft#second", &draft).await.unwrap();

    let done = record("draft-1", "s-draft", Status::Pending);
    store::finish(&done, "s-draft").await.unwrap();
    assert_eq!(store::get("draft-1").await.unwrap(), Some(done));
    assert_eq!(store::get_draft("s-draft").await.unwrap(), None);
    assert_eq!(store::get_draft("s-other").await.unwrap(), Some(other));
    assert_eq!(
        store::get_draft("s-draft#second").await.unwrap(),
        Some(draft)
    );
    store::delete_draft("s-draft#second").await.unwrap();

    store::delete_draft("s-other").await.unwrap();
    assert_eq!(store::get_draft("s-other").await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn only_finished_responses_are_ever_removed() {
    let ids = [
        "rm-sent",
        "rm-local",
        "rm-pending",
        "rm-paused",
        "rm-attention",
    ];
    let statuses = [
        Status::Sent,
        Status::Local,
        Status::Pending,
        Status::Paused,
        Status::NeedsAttention,
    ];
    for (id, status) in ids.iter().zip(statuses) {
        store::put(&record(id, "s-remove", status)).await.unwrap();
    }
    let asked: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    assert_eq!(store::remove_done(&asked).await.unwrap(), 2);
    for (id, status) in ids.iter().zip(statuses) {
        let kept = store::get(id).await.unwrap().is_some();
        assert_eq!(
            kept,
            status.is_waiting() || status == Status::NeedsAttention,
            "{id}"
        );
    }
}

#[wasm_bindgen_test]
async fn many_records_come_back_oldest_first() {
    for i in (0..200).rev() {
        let mut r = record(&format!("order-{i:03}"), "s-order", Status::Local);
        r.response.submitted_at = format!("2026-11-27T10:{:02}:{:02}Z", i / 60, i % 60);
        store::put(&r).await.unwrap();
    }
    let (all, _) = store::all().await.unwrap();
    let order: Vec<String> = all
        .iter()
        .filter(|r| r.response.survey_id == "s-order")
        .map(|r| r.response.id.clone())
        .collect();
    let expected: Vec<String> = (0..200).map(|i| format!("order-{i:03}")).collect();
    assert_eq!(order, expected);
}

/// One sender per site rests on Web Locks: every engine the widget supports
/// must offer them (the sender still works without, with a re-read of each
/// record before sending, but two tabs could then send at once).
#[wasm_bindgen_test]
fn web_locks_are_offered() {
    let navigator = web_sys::window().unwrap().navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).unwrap();
    assert!(!locks.is_undefined(), "navigator.locks is missing");
}
