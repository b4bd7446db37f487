//! The collector's contract, on SQLite and (with SUARA_TEST_POSTGRES) on
//! PostgreSQL: a status code for each case, every refused body kept in
//! quarantine, CORS for the configured origins only, and the same id from
//! many clients at once stored exactly once.

mod support;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::StatusCode;
use serde_json::{json, Value};
use support::{config, engines, fresh_db, id, response, start};

const ORIGIN: &str = "https://partner.example";

/// One request of the status matrix.
struct Case {
    name: &'static str,
    content_type: Option<&'static str>,
    headers: &'static [(&'static str, &'static str)],
    body: Vec<u8>,
    status: u16,
    /// Words the reply's `error` must contain.
    reason: &'static str,
}

fn body(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).expect("JSON")
}

fn cases() -> Vec<Case> {
    let r1 = response(&id(1), 5);
    // The same response with its keys (and a matrix's rows) in another order.
    let r1_reordered = format!(
        r#"{{"answers":{{"team":{{"quick":"no","kind":"yes"}},"stars":5,"came_by":"walk"}},"submitted_at":"2026-08-17T09:01:00.000Z","started_at":"2026-08-17T09:00:00.000Z","locale":"en","survey_version":"1","survey_id":"festival","id":"{}"}}"#,
        id(1)
    );
    let mut unknown_survey = response(&id(5), 3);
    unknown_survey["survey_id"] = json!("market");
    let mut unknown_version = response(&id(6), 3);
    unknown_version["survey_version"] = json!("9");
    let mut bad_answer = response(&id(7), 3);
    bad_answer["answers"]["stars"] = json!(11);
    let mut unknown_question = response(&id(8), 3);
    unknown_question["answers"]["shoe_size"] = json!(44);
    let mut unknown_hidden = response(&id(9), 3);
    unknown_hidden["hidden"] = json!({ "posyandu": "P12" });
    // A kiosk's partial response need not answer the required `came_by`;
    // a finished one must.
    let mut partial = response(&id(14), 2);
    partial["answers"] = json!({ "stars": 2 });
    partial["partial"] = json!(true);
    let mut unfinished = partial.clone();
    unfinished["id"] = json!(id(15));
    unfinished.as_object_mut().unwrap().remove("partial");
    let mut bad_partial = partial.clone();
    bad_partial["id"] = json!(id(16));
    bad_partial["answers"]["stars"] = json!(11);
    let json_ct = Some("application/json");
    vec![
        Case {
            name: "a new response",
            content_type: json_ct,
            headers: &[],
            body: body(&r1),
            status: 201,
            reason: "",
        },
        Case {
            name: "the same again (a replay)",
            content_type: json_ct,
            headers: &[],
            body: body(&r1),
            status: 200,
            reason: "",
        },
        Case {
            name: "the same in another key order",
            content_type: json_ct,
            headers: &[],
            body: r1_reordered.into_bytes(),
            status: 200,
            reason: "",
        },
        Case {
            name: "the same id, other answers",
            content_type: json_ct,
            headers: &[],
            body: body(&response(&id(1), 2)),
            status: 409,
            reason: "different body",
        },
        Case {
            name: "simple mode (text/plain)",
            content_type: Some("text/plain;charset=UTF-8"),
            headers: &[],
            body: body(&response(&id(2), 4)),
            status: 201,
            reason: "",
        },
        Case {
            name: "wrapped",
            content_type: json_ct,
            headers: &[],
            body: body(&json!({ "response": response(&id(3), 4) })),
            status: 201,
            reason: "",
        },
        Case {
            name: "an Idempotency-Key equal to the id",
            content_type: json_ct,
            headers: &[("idempotency-key", "00000000-0000-4000-8000-000000000004")],
            body: body(&response(&id(4), 1)),
            status: 201,
            reason: "",
        },
        Case {
            name: "an Idempotency-Key other than the id",
            content_type: json_ct,
            headers: &[("idempotency-key", "not-the-id")],
            body: body(&response(&id(9), 1)),
            status: 400,
            reason: "Idempotency-Key `not-the-id` differs",
        },
        Case {
            name: "malformed JSON",
            content_type: json_ct,
            headers: &[],
            body: b"{\"id\": ".to_vec(),
            status: 400,
            reason: "malformed JSON",
        },
        Case {
            name: "JSON that is not a response",
            content_type: json_ct,
            headers: &[],
            body: body(&json!({ "hello": 1 })),
            status: 400,
            reason: "not a response: missing field `id`",
        },
        Case {
            name: "an empty id",
            content_type: json_ct,
            headers: &[],
            body: body(&response("", 1)),
            status: 400,
            reason: "`id` must be 1 to 128",
        },
        Case {
            name: "an unknown survey",
            content_type: json_ct,
            headers: &[],
            body: body(&unknown_survey),
            status: 422,
            reason: "unknown survey `market`",
        },
        Case {
            name: "a version not loaded",
            content_type: json_ct,
            headers: &[],
            body: body(&unknown_version),
            status: 422,
            reason: "version `9` is not loaded",
        },
        Case {
            name: "an answer out of range",
            content_type: json_ct,
            headers: &[],
            body: body(&bad_answer),
            status: 422,
            reason: "`stars`",
        },
        Case {
            name: "an answer to no question",
            content_type: json_ct,
            headers: &[],
            body: body(&unknown_question),
            status: 422,
            reason: "`shoe_size` is not a question",
        },
        Case {
            name: "a hidden value the survey does not declare",
            content_type: json_ct,
            headers: &[],
            body: body(&unknown_hidden),
            status: 422,
            reason: "hidden `posyandu` is not a hidden field",
        },
        Case {
            name: "a partial response without a required answer",
            content_type: json_ct,
            headers: &[],
            body: body(&partial),
            status: 201,
            reason: "",
        },
        Case {
            name: "a finished response without a required answer",
            content_type: json_ct,
            headers: &[],
            body: body(&unfinished),
            status: 422,
            reason: "`came_by`",
        },
        Case {
            name: "a partial response's answers are checked all the same",
            content_type: json_ct,
            headers: &[],
            body: body(&bad_partial),
            status: 422,
            reason: "`stars`",
        },
        Case {
            name: "another content type",
            content_type: Some("application/xml"),
            headers: &[],
            body: body(&response(&id(10), 1)),
            status: 415,
            reason: "Content-Type `application/xml`",
        },
        Case {
            name: "no content type",
            content_type: None,
            headers: &[],
            body: body(&response(&id(11), 1)),
            status: 415,
            reason: "no Content-Type",
        },
        Case {
            name: "over the size limit",
            content_type: json_ct,
            headers: &[],
            body: vec![b' '; 1024 * 1024 + 1],
            status: 413,
            reason: "over 1048576 bytes",
        },
        Case {
            name: "a page of another origin",
            content_type: json_ct,
            headers: &[("origin", "https://evil.example")],
            body: body(&response(&id(12), 1)),
            status: 403,
            reason: "origin https://evil.example is not allowed",
        },
        Case {
            name: "a page of the configured origin",
            content_type: json_ct,
            headers: &[("origin", ORIGIN)],
            body: body(&response(&id(13), 1)),
            status: 201,
            reason: "",
        },
    ]
}

#[tokio::test]
async fn each_request_gets_its_status_and_every_refused_body_is_quarantined() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (base, store) = start(&db, config(&[ORIGIN])).await;
        let client = reqwest::Client::new();
        let mut failures = Vec::new();
        let cases = cases();
        for case in &cases {
            let mut headers = HeaderMap::new();
            if let Some(ct) = case.content_type {
                headers.insert("content-type", HeaderValue::from_static(ct));
            }
            for (k, v) in case.headers {
                headers.insert(*k, HeaderValue::from_static(v));
            }
            let reply = client
                .post(format!("{base}/responses"))
                .headers(headers)
                .body(case.body.clone())
                .send()
                .await
                .expect("the collector answers");
            let status = reply.status().as_u16();
            let json: Value = reply.json().await.unwrap_or(Value::Null);
            let error = json["error"].as_str().unwrap_or("");
            if status != case.status || !error.contains(case.reason) {
                failures.push(format!(
                    "{engine}: {}: expected {} with {:?}, got {status}: {json}",
                    case.name, case.status, case.reason
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));

        let refused: Vec<&Case> = cases
            .iter()
            .filter(|c| c.status >= 400 && c.status != 409)
            .collect();
        let kept = store.quarantined().await.expect("the quarantine reads");
        assert_eq!(
            kept.len(),
            refused.len(),
            "{engine}: one quarantine row per refusal"
        );
        for (case, row) in refused.iter().zip(&kept) {
            assert_eq!(
                row.status,
                i32::from(case.status),
                "{engine}: {}",
                case.name
            );
            assert!(
                row.reason.contains(case.reason),
                "{engine}: {}: {}",
                case.name,
                row.reason
            );
            if case.status != 413 {
                assert_eq!(
                    row.body, case.body,
                    "{engine}: {}: the body as sent",
                    case.name
                );
            }
        }
        let counts = store.counts().await.expect("counts");
        assert_eq!((counts.responses, counts.conflicts), (6, 1), "{engine}");
        // The partial response is stored as sent: marked partial.
        let kept = all_partial(&store).await;
        assert_eq!(kept, [id(14)], "{engine}");
        // The conflicting body is kept, and the first body is what stays stored.
        let all = store.all().await.expect("all");
        let first = all.iter().find(|r| r.id == id(1)).expect("id 1");
        assert_eq!(
            first.answers["stars"],
            serde_json::from_value(json!(5)).unwrap()
        );
        assert_eq!(all.iter().filter(|r| r.id == id(1)).count(), 2, "{engine}");
    }
}

/// The ids of the stored responses marked partial.
async fn all_partial(store: &suara_cli::store::Store) -> Vec<String> {
    let all = store.all().await.expect("all");
    all.into_iter()
        .filter(|r| r.partial)
        .map(|r| r.id)
        .collect()
}

#[tokio::test]
async fn a_conflicting_body_sent_again_is_kept_once_and_still_409() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (base, store) = start(&db, config(&[])).await;
        let client = reqwest::Client::new();
        let post = |v: Value| client.post(format!("{base}/responses")).json(&v).send();
        assert_eq!(post(response(&id(1), 5)).await.unwrap().status(), 201);
        for _ in 0..3 {
            assert_eq!(post(response(&id(1), 1)).await.unwrap().status(), 409);
        }
        assert_eq!(store.counts().await.unwrap().conflicts, 1, "{engine}");
    }
}

#[tokio::test]
async fn cors_answers_the_configured_origins_only_preflight_included() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (base, _store) = start(&db, config(&[ORIGIN])).await;
        let client = reqwest::Client::new();
        let preflight = |origin: &'static str| {
            client
                .request(reqwest::Method::OPTIONS, format!("{base}/responses"))
                .header("origin", origin)
                .header("access-control-request-method", "POST")
                .header(
                    "access-control-request-headers",
                    "content-type,idempotency-key,authorization",
                )
                .send()
        };
        let ok = preflight(ORIGIN).await.unwrap();
        assert_eq!(ok.status(), StatusCode::NO_CONTENT, "{engine}");
        let h = ok.headers();
        assert_eq!(h["access-control-allow-origin"], ORIGIN);
        assert!(h["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("POST"));
        assert_eq!(
            h["access-control-allow-headers"],
            "content-type,idempotency-key,authorization"
        );
        assert!(h["vary"].to_str().unwrap().contains("Origin"));

        let other = preflight("https://evil.example").await.unwrap();
        assert_eq!(other.status(), StatusCode::FORBIDDEN);
        assert!(other.headers().get("access-control-allow-origin").is_none());

        let posted = client
            .post(format!("{base}/responses"))
            .header("origin", ORIGIN)
            .header("content-type", "text/plain;charset=UTF-8")
            .body(body(&response(&id(1), 3)))
            .send()
            .await
            .unwrap();
        assert_eq!(posted.status(), StatusCode::CREATED);
        assert_eq!(posted.headers()["access-control-allow-origin"], ORIGIN);

        let health = client
            .get(format!("{base}/health"))
            .header("origin", "https://evil.example")
            .send()
            .await
            .unwrap();
        assert!(health
            .headers()
            .get("access-control-allow-origin")
            .is_none());
    }
}

#[tokio::test]
async fn health_reports_the_store_and_its_counts() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (base, _store) = start(&db, config(&[])).await;
        let client = reqwest::Client::new();
        client
            .post(format!("{base}/responses"))
            .json(&response(&id(1), 3))
            .send()
            .await
            .unwrap();
        client
            .post(format!("{base}/responses"))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let health: Value = client
            .get(format!("{base}/health"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            health,
            json!({ "status": "ok", "store": engine, "responses": 1, "conflicts": 0, "quarantined": 1 })
        );
    }
}

/// Clients and ids of the concurrency test: every client sends every id.
const CLIENTS: usize = 8;
const IDS: usize = 1_000;

/// Sends every id from each of [`CLIENTS`] clients at once, client `c` to
/// `bases[c % bases.len()]`; returns how many were told 201 and 200, and
/// fails on any other answer.
async fn race(engine: &str, bases: &[String]) -> (usize, usize) {
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let base = bases[c % bases.len()].clone();
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut statuses = Vec::with_capacity(IDS);
            // Each client in its own order, so every id is raced.
            for k in 0..IDS {
                let n = (k + c * 125) % IDS;
                let reply = client
                    .post(format!("{base}/responses"))
                    .header("idempotency-key", id(n))
                    .json(&response(&id(n), 3))
                    .send()
                    .await
                    .expect("the collector answers");
                statuses.push(reply.status().as_u16());
            }
            statuses
        }));
    }
    let (mut created, mut replays) = (0, 0);
    for t in tasks {
        for status in t.await.expect("a client") {
            match status {
                201 => created += 1,
                200 => replays += 1,
                other => panic!("{engine}: a client was told {other}"),
            }
        }
    }
    (created, replays)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn eight_clients_sending_the_same_thousand_ids_at_once_store_each_exactly_once() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (base, store) = start(&db, config(&[])).await;
        let (created, replays) = race(engine, &[base]).await;
        assert_eq!(created, IDS, "{engine}: one 201 per id");
        assert_eq!(replays, IDS * (CLIENTS - 1), "{engine}");
        let counts = store.counts().await.unwrap();
        assert_eq!(
            (counts.responses, counts.conflicts),
            (IDS as i64, 0),
            "{engine}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_collectors_on_one_database_answer_as_one() {
    for engine in engines() {
        let db = fresh_db(engine).await;
        let (first, store) = start(&db, config(&[])).await;
        let (second, _) = start(&db, config(&[])).await;
        let (created, replays) = race(engine, &[first, second]).await;
        assert_eq!(
            created, IDS,
            "{engine}: one 201 per id across both collectors"
        );
        assert_eq!(replays, IDS * (CLIENTS - 1), "{engine}");
        assert_eq!(
            store.counts().await.unwrap().responses,
            IDS as i64,
            "{engine}"
        );
    }
}
