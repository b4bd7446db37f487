//! The sender: takes stored responses to the endpoint, one at a time, with
//! the domain's rules for what each reply means. It never deletes anything.
//!
//! One sender per origin: every flush runs under the Web Lock `suara-outbox`,
//! so two tabs of the widget never send at the same time, and each record is
//! read again under the lock before it is sent, so a response one tab has
//! sent is never sent again by another. (A browser without Web Locks still
//! gets the re-read, and the endpoint the same `Idempotency-Key`.)

use std::cell::Cell;

use suara_domain::outbox::{backoff_ms, was_unreachable, Outcome, Status, PAUSE_MS};
use suara_domain::Endpoint;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::io::http;
use crate::io::store::{self, StoreError};

thread_local! {
    /// Set while a flush runs in this tab.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    /// Set when another flush was asked for while one ran: it runs again.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Sends one stored response and stores what happened. `None` if it is no
/// longer waiting (sent meanwhile, perhaps by another tab).
async fn attempt(id: &str, endpoint: &Endpoint, all: bool) -> Result<Option<Outcome>, StoreError> {
    // Read it again now that this flush holds the lock: a list read earlier
    // may be stale, and a response already sent must not be sent twice.
    let Some(mut record) = store::get(id).await?.filter(|r| to_send(r.status, all)) else {
        return Ok(None);
    };
    let outcome = http::send(endpoint, &record.response).await;
    record.attempts += 1;
    record.last_error = None;
    match &outcome {
        Outcome::Sent => record.status = Status::Sent,
        Outcome::Retry { after_secs, reason } => {
            let wait = match after_secs {
                Some(s) => ((*s).min(3600) * 1000) as f64,
                None => backoff_ms(record.attempts, js_sys::Math::random()) as f64,
            };
            record.status = Status::Pending;
            record.next_attempt_at = now_ms() + wait;
            record.last_error = Some(reason.clone());
        }
        Outcome::Pause { reason } => {
            record.status = Status::Paused;
            record.last_error = Some(reason.clone());
            record.next_attempt_at = now_ms() + PAUSE_MS as f64;
        }
        Outcome::NeedsAttention { reason } => {
            record.status = Status::NeedsAttention;
            record.last_error = Some(reason.clone());
        }
    }
    store::put(&record).await?;
    Ok(Some(outcome))
}

/// Whether a response in `status` is one to send: a waiting one, or with
/// `all` (the operator's "send now") one that needed attention too.
fn to_send(status: Status, all: bool) -> bool {
    status.is_waiting() || (all && status == Status::NeedsAttention)
}

/// What a flush sends.
#[derive(Clone, Copy, PartialEq)]
pub enum Flush<'a> {
    /// Waiting responses that are due, unless the queue is paused.
    Due,
    /// As `Due`, and the browser says the network is back: responses that
    /// failed for want of a connection are due now, whatever their backoff.
    Online,
    /// Only this response (just submitted: it gets its own attempt even
    /// while the queue is paused).
    One(&'a str),
    /// Every response not yet sent, due or not, paused or not, and those
    /// that need attention too: the operator's "send now", after fixing
    /// whatever the endpoint objected to.
    All,
}

/// Sends waiting responses, oldest first, under the origin-wide lock. Stops
/// when the endpoint refuses the credentials: the rest would be refused too.
/// If a flush is already running in this tab, it runs once more afterwards.
pub async fn flush(endpoint: &Endpoint, what: Flush<'_>) -> Result<(), StoreError> {
    if FLUSHING.with(|f| f.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return Ok(());
    }
    let mut what = what;
    let result = loop {
        AGAIN.with(|a| a.set(false));
        let result = locked(flush_inner(endpoint, what)).await;
        if result.is_err() || !AGAIN.with(Cell::get) {
            break result;
        }
        what = Flush::Due;
    };
    FLUSHING.with(|f| f.set(false));
    result
}

async fn flush_inner(endpoint: &Endpoint, what: Flush<'_>) -> Result<(), StoreError> {
    if let Flush::One(id) = what {
        return attempt(id, endpoint, false).await.map(drop);
    }
    let (records, _) = store::all().await?;
    let now = now_ms();
    // A paused queue stays paused until its pause ends or the operator says.
    if what != Flush::All
        && records
            .iter()
            .any(|r| r.status == Status::Paused && r.next_attempt_at > now)
    {
        return Ok(());
    }
    // Once the endpoint is reached (or the browser says the network is back),
    // responses that failed only for want of a connection need not wait out
    // their backoff: an outage's backlog goes out at once, while responses
    // the endpoint itself refused with a 5xx keep their backoff.
    let mut reachable = what == Flush::Online;
    let all = what == Flush::All;
    for record in records.iter().filter(|r| to_send(r.status, all)) {
        let due = all
            || record.next_attempt_at <= now
            || (reachable && was_unreachable(record.last_error.as_deref()));
        if !due {
            continue;
        }
        match attempt(&record.response.id, endpoint, all).await? {
            Some(Outcome::Pause { .. }) => break,
            Some(Outcome::Sent) => reachable = true,
            _ => {}
        }
    }
    Ok(())
}

/// Runs `work` while holding the Web Lock `suara-outbox` (waiting for it if
/// another tab holds it), or simply runs it where Web Locks are missing.
async fn locked<T: 'static>(work: impl std::future::Future<Output = T>) -> T {
    let locks = web_sys::window()
        .map(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()))
        .and_then(Result::ok)
        .filter(|l| !l.is_undefined());
    let Some(locks) = locks else {
        return work.await;
    };
    // The lock is held until the promise the callback returns settles; the
    // callback resolves `granted` and the flush resolves `release`.
    let (release, release_rx) = promise_pair();
    let (granted, granted_rx) = promise_pair();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| {
        let _ = granted.call0(&JsValue::NULL);
        release_rx
    });
    let request: Result<js_sys::Function, _> =
        js_sys::Reflect::get(&locks, &"request".into()).map(JsCast::unchecked_into);
    let Ok(held) = request.and_then(|f| f.call2(&locks, &"suara-outbox".into(), &callback)) else {
        return work.await;
    };
    // `held` settles only after the release, or fails if the lock cannot be
    // had at all (then the work runs without it rather than never).
    let first = js_sys::Promise::race(&js_sys::Array::of2(&granted_rx, &held));
    if JsFuture::from(first).await.is_err() {
        return work.await;
    }
    let out = work.await;
    let _ = release.call0(&JsValue::NULL);
    out
}

/// A promise and the function that resolves it.
fn promise_pair() -> (js_sys::Function, js_sys::Promise) {
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    (resolve.expect("the executor runs at once"), promise)
}
