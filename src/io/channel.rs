//! Word between the widget's tabs on this device (a `BroadcastChannel`):
//! one tab says the store changed, and the others read it again.

use wasm_bindgen::JsCast;

const NAME: &str = "suara-store";

thread_local! {
    /// This tab's end of the channel, once it listens.
    static CHANNEL: std::cell::RefCell<Option<web_sys::BroadcastChannel>> =
        const { std::cell::RefCell::new(None) };
}

/// Calls `on_change` whenever another tab says the store changed.
pub fn listen(on_change: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(NAME) else {
        return;
    };
    let on = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
    channel.set_onmessage(Some(on.as_ref().unchecked_ref()));
    on.forget();
    CHANNEL.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells the other tabs that the store changed.
pub fn tell() {
    CHANNEL.with(|c| {
        if let Some(c) = &*c.borrow() {
            let _ = c.post_message(&wasm_bindgen::JsValue::TRUE);
        }
    });
}
