//! The sender: takes stored responses to the endpoint, one at a time, with
//! the domain's rules for what each reply means. It never deletes anything.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use suara_domain::outbox::{backoff_ms, Outcome, Status};
use suara_domain::Endpoint;

use crate::io::http;
use crate::io::store::{self, Record, StoreError};

thread_local! {
    /// Ids being sent right now, so a flush never sends one twice at once.
    static IN_FLIGHT: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// Set while a flush runs.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Sends one stored response and stores what happened. Returns the updated
/// record and the reply's meaning, or `None` if it is no longer pending or
/// another attempt for it is already under way.
pub async fn attempt(
    id: &str,
    endpoint: &Endpoint,
) -> Result<Option<(Record, Outcome)>, StoreError> {
    if !IN_FLIGHT.with(|f| f.borrow_mut().insert(id.to_owned())) {
        return Ok(None);
    }
    let result = attempt_inner(id, endpoint).await;
    IN_FLIGHT.with(|f| f.borrow_mut().remove(id));
    result
}

async fn attempt_inner(
    id: &str,
    endpoint: &Endpoint,
) -> Result<Option<(Record, Outcome)>, StoreError> {
    // Read it again now that this attempt owns it: a list read earlier may
    // be stale, and a response already sent must not be sent twice.
    let Some(mut record) = store::get(id)
        .await?
        .filter(|r| r.status == Status::Pending)
    else {
        return Ok(None);
    };
    let outcome = http::send(endpoint, &record.response).await;
    record.attempts += 1;
    match &outcome {
        Outcome::Sent => {
            record.status = Status::Sent;
            record.last_error = None;
        }
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
            record.status = Status::Pending;
            record.last_error = Some(reason.clone());
            record.next_attempt_at = now_ms() + 60_000.0;
        }
        Outcome::NeedsAttention { reason } => {
            record.status = Status::NeedsAttention;
            record.last_error = Some(reason.clone());
        }
    }
    store::put(&record).await?;
    Ok(Some((record, outcome)))
}

/// Sends every pending record that is due, oldest first. Stops early when the
/// endpoint refuses the credentials: the rest would be refused too.
pub async fn flush(endpoint: &Endpoint) -> Result<(), StoreError> {
    if FLUSHING.with(|f| f.replace(true)) {
        return Ok(());
    }
    let result = flush_inner(endpoint).await;
    FLUSHING.with(|f| f.set(false));
    result
}

async fn flush_inner(endpoint: &Endpoint) -> Result<(), StoreError> {
    let (records, _) = store::all().await?;
    let now = now_ms();
    for record in records
        .into_iter()
        .filter(|r| r.status == Status::Pending && r.next_attempt_at <= now)
    {
        if let Some((_, Outcome::Pause { .. })) = attempt(&record.response.id, endpoint).await? {
            break;
        }
    }
    Ok(())
}
