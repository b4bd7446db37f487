//! Web Locks: one holder at a time across every tab of the origin.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Runs `work` while holding the Web Lock `name` (waiting for it if another
/// tab holds it), or simply runs it where Web Locks are missing.
pub async fn locked<T: 'static>(name: &str, work: impl std::future::Future<Output = T>) -> T {
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
    let Ok(held) = request.and_then(|f| f.call2(&locks, &name.into(), &callback)) else {
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
