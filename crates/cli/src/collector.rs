//! `suara collect`: an HTTP endpoint for the widget's responses.
//!
//! Its answers are a contract (README, "The collector"):
//!
//! | status | when |
//! | --- | --- |
//! | 201 | a new response, stored and committed |
//! | 200 | the same id with the same body again (a replay): nothing new stored |
//! | 409 | the same id with a different body: kept in `conflicts` for review |
//! | 400 | malformed JSON, a body that is not a response, an `Idempotency-Key` other than its id |
//! | 403 | a browser page from an origin not given with `--origin` |
//! | 413 | a body over the size limit |
//! | 415 | a content type other than `application/json` or `text/plain` |
//! | 422 | an unknown survey (or version), or answers the survey does not allow |
//! | 503 | the database failed: nothing acknowledged, send again |
//!
//! Every refused body (400, 403, 413, 415, 422) is logged and kept in the
//! `quarantine` table with its reason, so nothing anyone sent is lost.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::{get, post};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use suara_domain::answer::{self, other_text_key, AnswerError};
use suara_domain::hidden;
use suara_domain::i18n::{self, Msg};
use suara_domain::Locale;
use suara_domain::{Response, SchemaError, Survey};

use crate::store::{Quarantined, Store, Stored};

/// Largest body accepted by default: 1 MiB.
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;

/// How the collector is set up.
#[derive(Debug, Clone)]
pub struct Config {
    /// The surveys it takes responses to (several versions of one survey
    /// may be given).
    pub surveys: Vec<Survey>,
    /// Browser origins allowed to send (`*` for any); requests without an
    /// `Origin` header (not from a browser page) are always taken.
    pub origins: Vec<String>,
    /// The widget's `wrap` setting: the response comes as `{"<wrap>": ...}`.
    pub wrap: Option<String>,
    /// Largest body, in bytes.
    pub max_body: usize,
    /// Print one line per request on standard error.
    pub log: bool,
}

struct Shared {
    store: Store,
    config: Config,
}

type AppState = Arc<Shared>;

/// The collector's routes, with CORS for the configured origins.
pub fn router(store: Store, config: Config) -> Router {
    let state = Arc::new(Shared { store, config });
    Router::new()
        .route("/responses", post(post_response))
        .route("/health", get(health))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), cors))
        .with_state(state)
}

/// Serves until Ctrl-C (or SIGTERM).
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Store,
    config: Config,
) -> std::io::Result<()> {
    let app = router(store.clone(), config);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    store.close().await;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("a SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

fn origin_allowed(config: &Config, origin: &str) -> bool {
    config.origins.iter().any(|o| o == "*" || o == origin)
}

/// CORS for the configured origins only: a preflight from one of them is
/// answered 204 with what it asks for; from any other, 403. Replies to an
/// allowed origin carry `Access-Control-Allow-Origin`.
async fn cors(State(state): State<AppState>, request: Request, next: Next) -> HttpResponse {
    let origin = request.headers().get(header::ORIGIN).cloned();
    let allowed = origin
        .as_ref()
        .and_then(|o| o.to_str().ok())
        .is_some_and(|o| origin_allowed(&state.config, o));
    let preflight = request.method() == Method::OPTIONS;
    let mut reply = if preflight {
        if !allowed {
            let why = match &origin {
                Some(o) => format!(
                    "origin {} is not allowed: start the collector with --origin {}",
                    o.to_str().unwrap_or("?"),
                    o.to_str().unwrap_or("?")
                ),
                None => "a preflight without an Origin".to_owned(),
            };
            return error(StatusCode::FORBIDDEN, &why);
        }
        let mut reply = StatusCode::NO_CONTENT.into_response();
        let h = reply.headers_mut();
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("POST, GET, OPTIONS"),
        );
        // Whatever headers the page sends (its `headers` setting) may come.
        let asked = request
            .headers()
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned()
            .unwrap_or(HeaderValue::from_static("content-type, idempotency-key"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, asked);
        h.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        reply
    } else {
        next.run(request).await
    };
    let h = reply.headers_mut();
    h.append(header::VARY, HeaderValue::from_static("Origin"));
    if let (true, Some(origin)) = (allowed, origin) {
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    reply
}

fn error(status: StatusCode, reason: &str) -> HttpResponse {
    (status, axum::Json(json!({ "error": reason }))).into_response()
}

async fn not_found() -> HttpResponse {
    error(
        StatusCode::NOT_FOUND,
        "not found: POST responses to /responses; GET /health for the store's state",
    )
}

async fn health(State(state): State<AppState>) -> HttpResponse {
    match state.store.counts().await {
        Ok(counts) => (
            StatusCode::OK,
            axum::Json(json!({
                "status": "ok",
                "store": state.store.engine(),
                "responses": counts.responses,
                "conflicts": counts.conflicts,
                "quarantined": counts.quarantined,
            })),
        )
            .into_response(),
        Err(e) => (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(json!({
                "status": "unavailable",
                "store": state.store.engine(),
                "error": e.to_string(),
            })),
        )
            .into_response(),
    }
}

/// A refusal: its status and reason.
struct Refusal(StatusCode, String);

fn refuse(status: StatusCode, reason: impl Into<String>) -> Refusal {
    Refusal(status, reason.into())
}

/// Most bytes read (and dropped past `max_body`) from a body that is too
/// large before the connection is given up: reading the rest lets the
/// sender see the 413 rather than a reset connection.
const DRAIN_CAP: usize = 64 * 1024 * 1024;

/// Reads the body, keeping at most `max` bytes: `Err` with those when there
/// was more.
async fn read_body(body: Body, max: usize) -> Result<Bytes, Bytes> {
    let mut body = body;
    let mut buf: Vec<u8> = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            // A connection dropped mid-body: keep what came.
            break;
        };
        if let Ok(data) = frame.into_data() {
            total += data.len();
            let room = max.saturating_sub(buf.len()).min(data.len());
            buf.extend_from_slice(&data[..room]);
            if total > DRAIN_CAP {
                break;
            }
        }
    }
    if total > max {
        Err(buf.into())
    } else {
        Ok(buf.into())
    }
}

async fn post_response(State(state): State<AppState>, request: Request) -> HttpResponse {
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let max = state.config.max_body;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let (bytes, too_large) = match read_body(body, max).await {
        Ok(b) => (b, false),
        Err(prefix) => (prefix, true),
    };
    let received_at = now();
    let outcome = if too_large {
        Err(refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the body is over {max} bytes{} (the first {} bytes are kept); start the collector with a larger --max-body if responses really are this big",
                declared.map(|n| format!(" ({n} bytes)")).unwrap_or_default(),
                bytes.len()
            ),
        ))
    } else {
        accept(&state, &headers, &content_type, &bytes, &received_at).await
    };
    match outcome {
        Ok((status, id)) => {
            let what = match status {
                Stored::New => "stored",
                Stored::Replay => "already stored",
                Stored::Conflict => "conflict",
            };
            log(&state, &received_at, status_of(status), &id, what);
            let code = status_of(status);
            let mut body = json!({ "id": id, "status": what });
            if status == Stored::Conflict {
                body["error"] = json!(
                    "this id is already stored with a different body; this body is kept for review"
                );
            }
            (code, axum::Json(body)).into_response()
        }
        Err(Refusal(code, reason)) if code == StatusCode::SERVICE_UNAVAILABLE => {
            log(&state, &received_at, code, "-", &reason);
            let mut reply = error(code, &reason);
            reply
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
            reply
        }
        Err(Refusal(code, reason)) => {
            log(&state, &received_at, code, "-", &reason);
            let kept = Quarantined {
                received_at: received_at.clone(),
                status: i32::from(code.as_u16()),
                reason: reason.clone(),
                content_type,
                body: bytes.to_vec(),
            };
            if let Err(e) = state.store.quarantine(&kept).await {
                // Not even the quarantine: the sender must keep it and retry.
                let why = format!("{reason}; and it could not be kept in quarantine: {e}");
                log(
                    &state,
                    &received_at,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "-",
                    &why,
                );
                return error(StatusCode::SERVICE_UNAVAILABLE, &why);
            }
            error(code, &reason)
        }
    }
}

fn status_of(stored: Stored) -> StatusCode {
    match stored {
        Stored::New => StatusCode::CREATED,
        Stored::Replay => StatusCode::OK,
        Stored::Conflict => StatusCode::CONFLICT,
    }
}

fn log(state: &Shared, at: &str, status: StatusCode, id: &str, what: &str) {
    if state.config.log {
        eprintln!("{at} POST /responses {} {id} {what}", status.as_u16());
    }
}

/// Checks a request in the contract's order and stores its response.
async fn accept(
    state: &Shared,
    headers: &HeaderMap,
    content_type: &str,
    bytes: &[u8],
    received_at: &str,
) -> Result<(Stored, String), Refusal> {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("?");
        if !origin_allowed(&state.config, origin) {
            return Err(refuse(
                StatusCode::FORBIDDEN,
                format!(
                    "origin {origin} is not allowed: start the collector with --origin {origin}"
                ),
            ));
        }
    }
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && essence != "text/plain" {
        let given = if content_type.is_empty() {
            "no Content-Type".to_owned()
        } else {
            format!("Content-Type `{content_type}`")
        };
        return Err(refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("{given}: send the response as application/json (or text/plain, the widget's simple mode)"),
        ));
    }
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, format!("malformed JSON: {e}")))?;
    let value = unwrap(value, state.config.wrap.as_deref());
    let response = Response::from_value(value)
        .map_err(|e| refuse(StatusCode::BAD_REQUEST, format!("not a response: {e}")))?;
    check_id(&response.id).map_err(|e| refuse(StatusCode::BAD_REQUEST, e))?;
    if let Some(key) = headers.get("idempotency-key") {
        let key = key.to_str().unwrap_or("");
        if key != response.id {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                format!(
                    "Idempotency-Key `{key}` differs from the response's id `{}`: they must be equal",
                    response.id
                ),
            ));
        }
    }
    let survey = find_survey(&state.config.surveys, &response)
        .map_err(|e| refuse(StatusCode::UNPROCESSABLE_ENTITY, e))?;
    let problems = answer_problems(survey, &response);
    if !problems.is_empty() {
        return Err(refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("answers the survey does not allow: {}", problems.join("; ")),
        ));
    }
    match state.store.put(&response, received_at).await {
        Ok(stored) => Ok((stored, response.id)),
        Err(e) => Err(refuse(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("the database failed ({e}); nothing was stored: send it again"),
        )),
    }
}

/// With `wrap` set, `{"<wrap>": response}` is unwrapped; a bare response is
/// taken as it is (several sites may send to one collector).
fn unwrap(value: Value, wrap: Option<&str>) -> Value {
    match (wrap, value) {
        (Some(field), Value::Object(mut map)) if map.len() == 1 && map.contains_key(field) => {
            map.remove(field).unwrap_or(Value::Null)
        }
        (_, value) => value,
    }
}

/// A response id: 1 to 128 printable ASCII characters (the widget's are UUIDs).
fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > 128 || !id.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(format!(
            "`id` must be 1 to 128 printable ASCII characters (the widget sends a UUID), found {id:?}"
        ));
    }
    Ok(())
}

/// The survey a response answers: same id and version.
pub fn find_survey<'a>(surveys: &'a [Survey], response: &Response) -> Result<&'a Survey, String> {
    let same_id: Vec<&Survey> = surveys
        .iter()
        .filter(|s| s.id == response.survey_id)
        .collect();
    if same_id.is_empty() {
        let known: BTreeSet<&str> = surveys.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "unknown survey `{}`: this collector takes {}; start it with --survey for that survey's file",
            response.survey_id,
            known.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    same_id
        .iter()
        .find(|s| s.version == response.survey_version)
        .copied()
        .ok_or_else(|| {
            format!(
                "survey `{}` version `{}` is not loaded (loaded: {}); add that version's file with another --survey",
                response.survey_id,
                response.survey_version,
                same_id.iter().map(|s| s.version.as_str()).collect::<Vec<_>>().join(", ")
            )
        })
}

/// Every reason the survey does not allow these answers: answers the
/// survey rejects (as the widget would; a partial response's unanswered
/// required questions excepted), and answers to no question of it.
pub fn answer_problems(survey: &Survey, response: &Response) -> Vec<String> {
    // A partial response (a kiosk kept a person who left before
    // submitting) need not answer the required questions; what it does
    // answer is checked like any other answer.
    let mut problems: Vec<String> = answer::validate(survey, &response.answers)
        .into_iter()
        .filter(|(_, e)| {
            !(response.partial && matches!(e, AnswerError::Required | AnswerError::ConsentRequired))
        })
        .map(|(id, e)| {
            let words = i18n::text(&english(), &Msg::Answer(e));
            format!("`{id}`: {words}")
        })
        .collect();
    for key in response.answers.keys() {
        let known = survey.question(key).is_some()
            || survey.questions().any(|q| {
                q.kind.choices().is_some_and(|(_, other)| other.is_some())
                    && other_text_key(&q.id) == *key
            });
        if !known {
            problems.push(format!("`{key}` is not a question of this survey"));
        }
    }
    for (id, e) in hidden::check_recorded(&survey.hidden, &response.hidden) {
        problems.push(match e {
            Some(e) => format!(
                "hidden {}",
                i18n::problem_line(&english(), &SchemaError::hidden(&id, e))
            ),
            None => format!("hidden `{id}` is not a hidden field of this survey"),
        });
    }
    problems
}

fn english() -> Locale {
    Locale::parse("en").expect("`en` is a locale code")
}
