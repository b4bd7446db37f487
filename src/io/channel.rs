//! Word between the widget's tabs on this device (a `BroadcastChannel`):
//! one tab says the store changed, and the others read it again. The
//! respondent's pages only tell; the organiser's page listens.

use wasm_bindgen::JsCast;

const NAME: &str = "suara-store";

thread_local! {
    /// This tab's end of the channel, opened at its first use.
    static CHANNEL: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(NAME).ok();
}

/// Calls `on_change` whenever another tab says the store changed.
pub fn listen(on_change: impl Fn() + 'static) {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let on = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
            c.set_onmessage(Some(on.as_ref().unchecked_ref()));
            on.forget();
        }
    });
}

/// Tells the other tabs that the store changed.
pub fn tell() {
    CHANNEL.with(|c| {
        if let Some(c) = c {
            let _ = c.post_message(&wasm_bindgen::JsValue::TRUE);
        }
    });
}
