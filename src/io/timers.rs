//! When to try sending again: the browser's signals and a timer.

use suara_domain::outbox::Flush;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How often waiting responses are looked at, whatever else happens.
const EVERY_MS: i32 = 30_000;

/// The sender's timer and listeners; dropping it stops them.
pub struct Sending {
    interval: i32,
    due: Closure<dyn Fn()>,
    online: Closure<dyn Fn()>,
}

impl Drop for Sending {
    fn drop(&mut self) {
        let Some(window) = web_sys::window() else {
            return;
        };
        window.clear_interval_with_handle(self.interval);
        if let Some(document) = window.document() {
            let _ = document.remove_event_listener_with_callback(
                "visibilitychange",
                self.due.as_ref().unchecked_ref(),
            );
        }
        let _ = window
            .remove_event_listener_with_callback("online", self.online.as_ref().unchecked_ref());
    }
}

/// Calls `run` with [`Flush::Due`] whenever the page becomes visible and
/// every 30 seconds, and with [`Flush::Online`] whenever the browser comes
/// back online, until the returned value is dropped.
pub fn keep_sending(run: impl Fn(Flush<'static>) + Clone + 'static) -> Option<Sending> {
    let window = web_sys::window()?;
    let due = {
        let run = run.clone();
        Closure::<dyn Fn()>::new(move || run(Flush::Due))
    };
    let f: &js_sys::Function = due.as_ref().unchecked_ref();
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", f);
    }
    let interval = window
        .set_interval_with_callback_and_timeout_and_arguments_0(f, EVERY_MS)
        .unwrap_or(0);
    let online = Closure::<dyn Fn()>::new(move || run(Flush::Online));
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    Some(Sending {
        interval,
        due,
        online,
    })
}
