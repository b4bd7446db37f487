//! Kiosk mode's device adapters: the organiser's PIN record and its
//! throttle in the origin's `localStorage`, and the calls into the kiosk
//! page's own script (`kiosk/kiosk.js`: the PIN's PBKDF2 hash from Web
//! Crypto, full screen and the wake lock). Only the kiosk's binary and the
//! organiser's page (which forgets the PIN) reach this module.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the PIN's record is kept: salt, iterations and hash, never the PIN.
const PIN_KEY: &str = "suara-kiosk-pin";
/// Wrong PINs in a row, and until when (ms since 1970) the next must wait.
const FAILURES_KEY: &str = "suara-kiosk-pin-failures";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept PIN record, if a PIN was chosen on this device.
pub fn pin_record() -> Option<String> {
    storage()?.get_item(PIN_KEY).ok().flatten()
}

/// Keeps a new PIN record (from [`hash_pin`]) and forgets any wrong tries.
pub fn save_pin(record: &str) -> bool {
    let Some(s) = storage() else { return false };
    let _ = s.remove_item(FAILURES_KEY);
    s.set_item(PIN_KEY, record).is_ok()
}

/// Forgets the PIN (the recovery for a forgotten one, from the organiser's
/// page): the kiosk asks for a new one when it next starts. Responses are
/// in IndexedDB and untouched.
pub fn forget_pin() {
    if let Some(s) = storage() {
        let _ = s.remove_item(PIN_KEY);
        let _ = s.remove_item(FAILURES_KEY);
    }
}

/// Wrong PINs in a row, and until when the next try must wait (ms).
pub fn failures() -> (u32, f64) {
    let text = storage()
        .and_then(|s| s.get_item(FAILURES_KEY).ok().flatten())
        .unwrap_or_default();
    let mut parts = text.split(' ');
    let n = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let until = parts.next().and_then(|u| u.parse().ok()).unwrap_or(0.0);
    (n, until)
}

/// Keeps the count of wrong PINs and the time the next may be tried.
pub fn set_failures(n: u32, until_ms: f64) {
    if let Some(s) = storage() {
        let _ = s.set_item(FAILURES_KEY, &format!("{n} {until_ms}"));
    }
}

/// The kiosk script's function `name`.
fn helper(name: &str) -> Option<js_sys::Function> {
    let kiosk = js_sys::Reflect::get(&js_sys::global(), &"suaraKiosk".into()).ok()?;
    js_sys::Reflect::get(&kiosk, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

async fn call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = helper(name)?;
    let list: js_sys::Array = args.iter().collect();
    let promise: js_sys::Promise = f.apply(&JsValue::NULL, &list).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// The record to keep for `pin`: a salted PBKDF2-SHA-256 hash, made by
/// the browser's Web Crypto.
pub async fn hash_pin(pin: &str) -> Option<String> {
    call("hash", &[pin.into()]).await?.as_string()
}

/// Whether `pin` matches the kept `record`.
pub async fn verify_pin(pin: &str, record: &str) -> bool {
    call("verify", &[pin.into(), record.into()])
        .await
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Asks for full screen and the screen wake lock (from a person's tap),
/// and again whenever they are lost.
pub fn keep_awake() {
    if let Some(f) = helper("keepAwake") {
        let _ = f.call0(&JsValue::NULL);
    }
}

/// Lets full screen and the wake lock go (leaving kiosk mode).
pub fn let_go() {
    if let Some(f) = helper("letGo") {
        let _ = f.call0(&JsValue::NULL);
    }
}
