//! The only code that touches the browser: storage, drafts, HTTP,
//! downloads, Web Locks, word between tabs, timers, the clock, random ids
//! and the browser's time zones. Each adapter turns browser calls into
//! domain types and plain error messages.

pub mod channel;
pub mod download;
pub mod drafts;
pub mod http;
pub mod json;
pub mod kiosk;
pub mod lock;
pub mod store;
pub mod timers;
pub mod zone;

/// The current time as RFC 3339 UTC with milliseconds.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The current time in milliseconds since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random number in [0, 1), for spreading retries.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// A new random response id (UUID v4).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A JavaScript error or exception as a short message for people.
pub fn js_message(err: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    if let Some(e) = err.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = err.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    err.as_string()
        .or_else(|| {
            js_sys::JSON::stringify(err)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}
