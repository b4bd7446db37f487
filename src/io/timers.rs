//! When to try sending again: the browser's signals and a timer.

use suara_domain::outbox::Flush;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How often waiting responses are looked at, whatever else happens.
const EVERY_MS: i32 = 30_000;

/// Calls `run` with [`Flush::Due`] whenever the page becomes visible and
/// every 30 seconds, and with [`Flush::Online`] whenever the browser comes
/// back online, for as long as the page lives.
pub fn keep_sending(run: impl Fn(Flush<'static>) + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let due = {
        let run = run.clone();
        Closure::<dyn Fn()>::new(move || run(Flush::Due))
    };
    let f: &js_sys::Function = due.as_ref().unchecked_ref();
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback("visibilitychange", f);
    }
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(f, EVERY_MS);
    due.forget();
    let online = Closure::<dyn Fn()>::new(move || run(Flush::Online));
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    online.forget();
}
