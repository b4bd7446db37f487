//! The outbox's rules, natively: what each reply does to a stored
//! response from each status, the backoff, Retry-After, a paused queue,
//! "send now", and which responses a flush sends.

use suara_domain::outbox::{
    alert, backoff_ms, classify, failed, Counts, Failure, Flush, Outcome, Record, Status,
    MAX_RETRY_AFTER_SECS, PAUSE_MS,
};
use suara_domain::Response;

/// The endpoint the records in these tests are for.
const URL: &str = "https://example.org/hook";

const ALL: [Status; 5] = [
    Status::Local,
    Status::Pending,
    Status::Paused,
    Status::Sent,
    Status::NeedsAttention,
];

fn record(id: &str, status: Status) -> Record {
    let response = Response {
        id: id.to_owned(),
        survey_id: "s".into(),
        survey_version: "1".into(),
        locale: "en".into(),
        started_at: "t".into(),
        submitted_at: format!("2026-12-02T10:00:0{}Z", id.len()),
        answers: Default::default(),
        hidden: Default::default(),
        partial: false,
        bank: None,
        inclusion_consent: None,
        consent_version: None,
    };
    let mut r = Record::new(response, Some(URL));
    r.status = status;
    r
}

#[test]
fn replies_are_classified_as_the_reliability_notes_say() {
    assert_eq!(classify(201, Some("application/json"), None), Outcome::Sent);
    assert_eq!(classify(204, None, None), Outcome::Sent);
    assert_eq!(
        classify(200, Some("Text/HTML; charset=utf-8"), None),
        Outcome::NeedsAttention(Failure::HtmlPage(200))
    );
    for s in [408, 425, 429, 500, 502, 503, 504, 599] {
        assert_eq!(
            classify(s, None, None),
            Outcome::Retry {
                after_secs: None,
                failure: Failure::Http(s)
            },
            "{s}"
        );
    }
    assert_eq!(
        classify(429, None, Some(" 7 ")),
        Outcome::Retry {
            after_secs: Some(7),
            failure: Failure::Http(429)
        }
    );
    // A date or nonsense in Retry-After: the backoff decides.
    assert_eq!(
        classify(503, None, Some("Wed, 21 Oct 2026 07:28:00 GMT")),
        Outcome::Retry {
            after_secs: None,
            failure: Failure::Http(503)
        }
    );
    for s in [401, 403] {
        assert_eq!(classify(s, None, None), Outcome::Pause(Failure::Http(s)));
    }
    for s in [300, 400, 404, 409, 413, 415, 422] {
        assert_eq!(
            classify(s, None, None),
            Outcome::NeedsAttention(Failure::Http(s)),
            "{s}"
        );
    }
}

#[test]
fn only_failures_to_reach_the_endpoint_count_as_unreachable() {
    assert!(Failure::Network("Failed to fetch".into()).unreachable());
    assert!(Failure::Timeout(20).unreachable());
    for s in [200, 401, 429, 500, 503] {
        assert!(!Failure::Http(s).unreachable(), "{s}");
    }
    assert!(!Failure::HtmlPage(200).unreachable());
}

#[test]
fn failures_read_as_the_operator_sees_them() {
    let words = [
        (
            Failure::Network("Failed to fetch".into()),
            "network error: Failed to fetch",
        ),
        (Failure::Timeout(20), "no answer within 20 s"),
        (Failure::Http(503), "HTTP 503"),
        (
            Failure::Http(401),
            "HTTP 401: the endpoint refused the credentials",
        ),
        (
            Failure::Http(422),
            "HTTP 422: the endpoint refused the response",
        ),
        (
            Failure::HtmlPage(200),
            "HTTP 200 with an HTML page: a Wi-Fi login page or a wrong endpoint answered",
        ),
    ];
    for (failure, expected) in words {
        assert_eq!(failure.to_string(), expected);
    }
}

#[test]
fn every_outcome_from_every_status_moves_the_record_as_the_rules_say() {
    let now = 1_000_000.0;
    let network = failed(Failure::Network("down".into()));
    let retry = classify(503, None, None);
    let later = classify(429, None, Some("30"));
    let pause = classify(401, None, None);
    let refused = classify(422, None, None);
    for from in ALL {
        let cases: [(&Outcome, Status, Option<f64>, bool); 6] = [
            (&Outcome::Sent, Status::Sent, None, false),
            // Full jitter with random 0.5 on attempt 1: half of 2 s.
            (&network, Status::Pending, Some(now + 1_000.0), true),
            (&retry, Status::Pending, Some(now + 1_000.0), false),
            (&later, Status::Pending, Some(now + 30_000.0), false),
            (&pause, Status::Paused, Some(now + PAUSE_MS as f64), false),
            (&refused, Status::NeedsAttention, None, false),
        ];
        for (outcome, to, next, unreachable) in cases {
            let mut r = record("a", from);
            r.next_attempt_at = 5.0;
            r.last_error = Some("before".into());
            r.unreachable = true;
            r.after(outcome, now, 0.5);
            let case = format!("{from:?} then {outcome:?}");
            assert_eq!(r.status, to, "{case}");
            assert_eq!(r.attempts, 1, "{case}");
            assert_eq!(r.next_attempt_at, next.unwrap_or(5.0), "{case}");
            assert_eq!(r.unreachable, unreachable, "{case}");
            match outcome {
                Outcome::Sent => assert_eq!(r.last_error, None, "{case}"),
                Outcome::Retry { failure, .. }
                | Outcome::Pause(failure)
                | Outcome::NeedsAttention(failure) => {
                    assert_eq!(r.last_error, Some(failure.to_string()), "{case}")
                }
            }
        }
    }
}

#[test]
fn backoff_grows_with_full_jitter_and_is_capped() {
    assert_eq!(backoff_ms(1, 0.999_999), 1_999);
    assert_eq!(backoff_ms(3, 0.5), 4_000);
    assert_eq!(backoff_ms(30, 0.999_999), 299_999);
    assert_eq!(backoff_ms(u32::MAX, 1.0), 300_000);
    assert_eq!(backoff_ms(4, 0.0), 0);
    // Out-of-range randomness is clamped, never a negative or huge wait.
    assert_eq!(backoff_ms(2, -3.0), 0);
    assert_eq!(backoff_ms(2, 7.0), 4_000);
    for attempt in 0..64 {
        let ceiling = (1_000u64 << attempt.min(20)).min(300_000);
        for random in [0.0, 0.25, 0.5, 0.999_999] {
            let wait = backoff_ms(attempt, random);
            assert!(
                wait < ceiling.max(1),
                "attempt {attempt}, random {random}: {wait}"
            );
        }
    }
}

#[test]
fn a_retry_after_is_honoured_up_to_an_hour() {
    let mut r = record("a", Status::Pending);
    r.after(&classify(429, None, Some("999999")), 0.0, 0.0);
    assert_eq!(r.next_attempt_at, (MAX_RETRY_AFTER_SECS * 1000) as f64);
    r.after(&classify(503, None, Some("0")), 10.0, 0.9);
    assert_eq!(r.next_attempt_at, 10.0);
}

fn wanted(flush: Flush, records: &[Record], now: f64) -> Option<Vec<String>> {
    let sweep = flush.start(records, now, URL)?;
    Some(
        records
            .iter()
            .filter(|r| sweep.wants(r, now))
            .map(|r| r.response.id.clone())
            .collect(),
    )
}

#[test]
fn a_flush_sends_the_waiting_responses_that_are_due() {
    let mut later = record("later", Status::Pending);
    later.next_attempt_at = 2_000.0;
    let records = vec![
        record("local", Status::Local),
        record("due", Status::Pending),
        later,
        record("sent", Status::Sent),
        record("refused", Status::NeedsAttention),
    ];
    assert_eq!(
        wanted(Flush::Due, &records, 1_000.0),
        Some(vec!["due".to_owned()])
    );
    assert_eq!(
        wanted(Flush::Due, &records, 2_000.0),
        Some(vec!["due".to_owned(), "later".to_owned()])
    );
    // "Send now": everything not sent, due or not, refused ones too; never
    // what is sent or kept only here.
    assert_eq!(
        wanted(Flush::All, &records, 0.0),
        Some(vec!["due".into(), "later".into(), "refused".into()])
    );
    assert_eq!(
        wanted(Flush::One("later"), &records, 0.0),
        Some(vec!["later".into()])
    );
    assert_eq!(wanted(Flush::One("sent"), &records, 0.0), Some(vec![]));
}

#[test]
fn a_paused_queue_waits_for_its_pause_or_send_now_but_a_new_response_gets_one_try() {
    let mut paused = record("paused", Status::Paused);
    paused.after(&classify(403, None, None), 0.0, 0.0);
    let records = vec![paused, record("new", Status::Pending)];
    let during = PAUSE_MS as f64 - 1.0;
    assert_eq!(wanted(Flush::Due, &records, during), None);
    assert_eq!(wanted(Flush::Online, &records, during), None);
    assert_eq!(
        wanted(Flush::One("new"), &records, during),
        Some(vec!["new".into()])
    );
    assert_eq!(
        wanted(Flush::All, &records, during),
        Some(vec!["paused".into(), "new".into()])
    );
    // Once the pause is over, the queue is tried by itself.
    assert_eq!(
        wanted(Flush::Due, &records, PAUSE_MS as f64),
        Some(vec!["paused".into(), "new".into()])
    );
}

#[test]
fn once_the_endpoint_answers_an_outages_backlog_goes_at_once_but_refusals_keep_their_backoff() {
    let mut offline = record("offline", Status::Pending);
    offline.after(&failed(Failure::Timeout(20)), 0.0, 0.9);
    let mut refused = record("refused", Status::Pending);
    refused.after(&classify(500, None, None), 0.0, 0.9);
    let records = vec![record("due", Status::Pending), offline, refused];
    // Nothing says the network is back: only what is due.
    let mut sweep = Flush::Due.start(&records, 1.0, URL).expect("not paused");
    assert!(sweep.wants(&records[0], 1.0));
    assert!(!sweep.wants(&records[1], 1.0));
    // The first send succeeds: the endpoint is reachable after all.
    assert!(sweep.after(&Outcome::Sent));
    assert!(sweep.wants(&records[1], 1.0));
    assert!(!sweep.wants(&records[2], 1.0));
    // The browser says it is online: the same, from the start.
    let online = Flush::Online.start(&records, 1.0, URL).expect("not paused");
    assert!(online.wants(&records[1], 1.0) && !online.wants(&records[2], 1.0));
}

#[test]
fn a_flush_stops_at_refused_credentials_and_goes_on_after_other_failures() {
    let records = vec![record("a", Status::Pending)];
    let mut sweep = Flush::Due.start(&records, 0.0, URL).expect("not paused");
    assert!(sweep.after(&classify(503, None, None)));
    assert!(sweep.after(&classify(422, None, None)));
    assert!(sweep.after(&failed(Failure::Network("x".into()))));
    assert!(!sweep.after(&classify(401, None, None)));
}

#[test]
fn a_record_read_again_is_sent_only_if_still_waiting() {
    let records = vec![record("a", Status::Pending)];
    let due = Flush::Due.start(&records, 0.0, URL).unwrap();
    let all = Flush::All.start(&records, 0.0, URL).unwrap();
    for status in ALL {
        assert_eq!(due.sends(status), status.is_waiting(), "{status:?}");
        assert_eq!(
            all.sends(status),
            status.is_waiting() || status == Status::NeedsAttention,
            "{status:?}"
        );
    }
}

#[test]
fn only_sent_and_local_responses_are_done_with() {
    for status in ALL {
        assert_eq!(
            status.is_done(),
            matches!(status, Status::Sent | Status::Local),
            "{status:?}"
        );
        assert_eq!(Status::parse(status.as_str()), status);
    }
    // An unknown stored status is retried, not forgotten.
    assert_eq!(Status::parse("garbage"), Status::Pending);
}

#[test]
fn the_operator_sees_counts_and_the_newest_reason_to_act() {
    let mut paused = record("p", Status::Pending);
    paused.after(&classify(401, None, None), 0.0, 0.0);
    let mut refused = record("r", Status::Pending);
    refused.after(&classify(413, None, None), 0.0, 0.0);
    let records = vec![
        record("a", Status::Pending),
        paused.clone(),
        record("s", Status::Sent),
        refused.clone(),
        record("l", Status::Local),
    ];
    assert_eq!(
        Counts::of(&records),
        Counts {
            waiting: 2,
            sent: 1,
            needs_attention: 1,
            local: 1
        }
    );
    assert_eq!(
        alert(&records),
        Some((
            Status::Paused,
            "HTTP 401: the endpoint refused the credentials".into()
        ))
    );
    assert_eq!(
        alert(&[refused]),
        Some((
            Status::NeedsAttention,
            "HTTP 413: the endpoint refused the response".into()
        ))
    );
    assert_eq!(alert(&[record("a", Status::Pending)]), None);
    // A new record: pending with an endpoint, kept here without one.
    let r = record("x", Status::Pending);
    assert_eq!(Record::new(r.response.clone(), None).status, Status::Local);
    assert_eq!(Record::new(r.response, Some(URL)).status, Status::Pending);
}

#[test]
fn a_sender_sends_only_the_responses_for_its_own_endpoint() {
    // Two widgets on one origin, each with its own endpoint, share the
    // device's store: neither sends the other's responses, and a pause at
    // one endpoint does not stop the other. A record stored before records
    // named their endpoint goes with any sender.
    let mut other = record("other", Status::Pending);
    other.endpoint = Some("https://other.example/hook".into());
    let mut old = record("old", Status::Pending);
    old.endpoint = None;
    let records = vec![record("mine", Status::Pending), other.clone(), old];
    for flush in [Flush::Due, Flush::Online, Flush::All] {
        let sweep = flush.start(&records, 1.0, URL).expect("not paused");
        let sent: Vec<_> = records
            .iter()
            .filter(|r| sweep.wants(r, 1.0))
            .map(|r| r.response.id.as_str())
            .collect();
        assert_eq!(sent, ["mine", "old"], "{flush:?}");
    }
    let mut paused = other;
    paused.status = Status::Paused;
    paused.next_attempt_at = 1e15;
    let records = vec![record("mine", Status::Pending), paused];
    assert!(
        Flush::Due.start(&records, 1.0, URL).is_some(),
        "another endpoint's pause"
    );
    assert!(Flush::Due
        .start(&records, 1.0, "https://other.example/hook")
        .is_none());
}
