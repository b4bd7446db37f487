//! Writing drafts to the device as the person answers.
//!
//! One draft write at a time, and only the newest draft waits for the next:
//! after fast typing on a slow disk the last words are written next, not
//! after a queue of one write per keystroke. Nothing is written until the
//! earlier visit's draft has been read ([`Writer::ready`]): an empty form
//! must not overwrite it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::task::spawn_local;
use suara_domain::Response;

use super::store;

/// Keeps the newest draft and writes it when it can. A write that fails (a
/// full disk) is not retried by itself: the next change writes the draft
/// again, the answers stay on screen, and a finished response that cannot
/// be stored is offered as a download.
#[derive(Clone)]
pub struct Writer(Rc<Inner>);

#[derive(Default)]
struct Inner {
    /// The key the drafts are kept under (see [`store::put_draft`]).
    key: String,
    /// The draft waiting to be written, if any.
    newest: RefCell<Option<Response>>,
    /// Whether the earlier draft has been read.
    ready: Cell<bool>,
    /// Whether a write is under way.
    writing: Cell<bool>,
}

impl Writer {
    /// A writer of drafts kept under `key`.
    pub fn new(key: String) -> Writer {
        Writer(Rc::new(Inner {
            key,
            ..Inner::default()
        }))
    }

    /// `draft` is the newest: it replaces any draft still waiting, and is
    /// written once the writer is ready and free.
    pub fn offer(&self, draft: Response) {
        *self.0.newest.borrow_mut() = Some(draft);
        self.write_newest();
    }

    /// The earlier draft has been read: writing may start. With `pending`,
    /// answers offered meanwhile are written now, not at the next change.
    pub fn ready(&self, pending: bool) {
        self.0.ready.set(true);
        let typed = self
            .0
            .newest
            .borrow()
            .as_ref()
            .is_some_and(|d| !d.answers.is_empty());
        if pending && typed {
            self.write_newest();
        }
    }

    fn write_newest(&self) {
        let inner = &self.0;
        if !inner.ready.get() || inner.writing.replace(true) {
            return;
        }
        let inner = self.0.clone();
        spawn_local(async move {
            loop {
                let next = inner.newest.borrow_mut().take();
                let Some(draft) = next else { break };
                let _ = store::put_draft(&inner.key, &draft).await;
            }
            inner.writing.set(false);
        });
    }
}
