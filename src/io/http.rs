//! Sending one response to a JSON endpoint.

use suara_domain::outbox::{self, Failure, Outcome};
use suara_domain::problem::{Fetch, SettingProblem};
use suara_domain::{Endpoint, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// POSTs `response` with the endpoint's body, headers and time limit (see
/// [`Endpoint`]), and says what the reply means. Network failures and
/// time-outs are retries.
pub async fn send(endpoint: &Endpoint, response: &Response) -> Outcome {
    match post(endpoint, response).await {
        Ok((status, content_type, retry_after)) => {
            outbox::classify(status, content_type.as_deref(), retry_after.as_deref())
        }
        Err(failure) => outbox::failed(failure),
    }
}

async fn post(
    endpoint: &Endpoint,
    response: &Response,
) -> Result<(u16, Option<String>, Option<String>), Failure> {
    // A browser that cannot even build the request is as good as offline.
    let failed = |e: JsValue| Failure::Network(super::js_message(&e));
    let window = web_sys::window().ok_or_else(|| Failure::Network("no window".into()))?;
    let headers = web_sys::Headers::new().map_err(failed)?;
    for (name, value) in endpoint.headers(&response.id) {
        headers.set(name, value).map_err(failed)?;
    }
    let abort = web_sys::AbortController::new().map_err(failed)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&endpoint.body(response)));
    init.set_signal(Some(&abort.signal()));
    let timer = {
        let abort = abort.clone();
        let on_timeout = wasm_bindgen::closure::Closure::once_into_js(move || abort.abort());
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                endpoint.timeout_secs as i32 * 1000,
            )
            .map_err(failed)?
    };
    let result = JsFuture::from(window.fetch_with_str_and_init(&endpoint.url, &init)).await;
    window.clear_timeout_with_handle(timer);
    let reply: web_sys::Response = match result {
        Ok(r) => r.unchecked_into(),
        Err(_) if abort.signal().aborted() => return Err(Failure::Timeout(endpoint.timeout_secs)),
        Err(e) => return Err(failed(e)),
    };
    let header = |name: &str| reply.headers().get(name).ok().flatten();
    Ok((
        reply.status(),
        header("content-type"),
        header("retry-after"),
    ))
}

/// Fetches the survey file's text. A web page, a 404 or another status is
/// a failure that says so, not text for the JSON reader to trip over.
pub async fn get_text(url: &str) -> Result<String, Fetch> {
    let unreachable = |e: JsValue| Fetch::Unreachable {
        url: url.to_owned(),
        detail: super::js_message(&e),
    };
    let unreadable = |e: JsValue| Fetch::Unreadable {
        url: url.to_owned(),
        detail: super::js_message(&e),
    };
    let window = web_sys::window().ok_or_else(|| unreachable(JsValue::from_str("no window")))?;
    let request = prefetched(url).unwrap_or_else(|| window.fetch_with_str(url));
    let reply = JsFuture::from(request).await.map_err(unreachable)?;
    let reply: web_sys::Response = reply.unchecked_into();
    let content_type = reply.headers().get("content-type").ok().flatten();
    if let Some(failure) = Fetch::of_reply(url, reply.status(), content_type.as_deref()) {
        return Err(failure);
    }
    let text = reply.text().map_err(unreadable)?;
    JsFuture::from(text)
        .await
        .map_err(unreadable)?
        .as_string()
        .ok_or_else(|| unreadable(JsValue::from_str("not text")))
}

/// The fetch of `url` that the page's start script began while the wasm
/// loaded (`embed/prefetch.js`), taken so that no other widget reads the
/// same reply; none when it began none.
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    let kept = js_sys::Reflect::get(&js_sys::global(), &"__suaraSurveys".into()).ok()?;
    if !kept.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let reply = js_sys::Reflect::get(&kept, &key).ok()?;
    let _ = js_sys::Reflect::delete_property(kept.unchecked_ref::<js_sys::Object>(), &key);
    reply.dyn_into().ok()
}

/// Resolves `url` against the page and accepts only http and https, so a
/// configured address can never be `javascript:` or `data:`.
pub fn checked_url(url: &str) -> Result<String, SettingProblem> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let parsed =
        web_sys::Url::new_with_base(url, &base).map_err(|_| SettingProblem::NotAnAddress {
            url: url.to_owned(),
        })?;
    match parsed.protocol().as_str() {
        "http:" | "https:" => Ok(parsed.href()),
        other => Err(SettingProblem::Scheme {
            url: url.to_owned(),
            scheme: other.to_owned(),
        }),
    }
}
