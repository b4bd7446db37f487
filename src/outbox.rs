//! The sender: takes stored responses to the endpoint, one at a time, with
//! the domain's rules for which to send and what each reply means (see
//! [`suara_domain::outbox`]). It never deletes anything.
//!
//! One sender per origin: every flush runs under the Web Lock `suara-outbox`,
//! so two tabs of the widget never send at the same time, and each record is
//! read again under the lock before it is sent, so a response one tab has
//! sent is never sent again by another. (A browser without Web Locks still
//! gets the re-read, and the endpoint the same `Idempotency-Key`.)

use std::cell::Cell;

use suara_domain::outbox::{Flush, Outcome, Sweep};
use suara_domain::Endpoint;

use crate::io::store::{self, StoreError};
use crate::io::{self, http, lock};

thread_local! {
    /// Set while a flush runs in this tab.
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    /// Set when another flush was asked for while one ran: it runs again.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

/// Sends one stored response and stores what happened. `None` if it is no
/// longer one to send (sent meanwhile, perhaps by another tab).
async fn attempt(
    id: &str,
    endpoint: &Endpoint,
    sweep: &Sweep<'_>,
) -> Result<Option<Outcome>, StoreError> {
    // Read it again now that this flush holds the lock: a list read earlier
    // may be stale, and a response already sent must not be sent twice.
    let Some(mut record) = store::get(id).await?.filter(|r| sweep.sends(r.status)) else {
        return Ok(None);
    };
    let outcome = http::send(endpoint, &record.response).await;
    record.after(&outcome, io::now_ms(), io::random());
    store::put(&record).await?;
    Ok(Some(outcome))
}

/// Sends waiting responses for `endpoint`, oldest first, under the
/// origin-wide lock, and calls `sent` with the id of each it sent. Stops
/// when the endpoint refuses the credentials: the rest would be refused too.
/// If a flush is already running in this tab, it runs once more afterwards.
pub async fn flush(
    endpoint: &Endpoint,
    what: Flush<'_>,
    sent: &dyn Fn(&str),
) -> Result<(), StoreError> {
    if FLUSHING.with(|f| f.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return Ok(());
    }
    let mut what = what;
    let result = loop {
        AGAIN.with(|a| a.set(false));
        let result = lock::locked("suara-outbox", flush_inner(endpoint, what, sent)).await;
        if result.is_err() || !AGAIN.with(Cell::get) {
            break result;
        }
        what = Flush::Due;
    };
    FLUSHING.with(|f| f.set(false));
    result
}

async fn flush_inner(
    endpoint: &Endpoint,
    what: Flush<'_>,
    sent: &dyn Fn(&str),
) -> Result<(), StoreError> {
    let (records, _) = store::all().await?;
    let now = io::now_ms();
    let Some(mut sweep) = what.start(&records, now, &endpoint.url) else {
        return Ok(());
    };
    for record in &records {
        if !sweep.wants(record, now) {
            continue;
        }
        if let Some(outcome) = attempt(&record.response.id, endpoint, &sweep).await? {
            if outcome == Outcome::Sent {
                sent(&record.response.id);
            }
            if !sweep.after(&outcome) {
                break;
            }
        }
    }
    Ok(())
}
