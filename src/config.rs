//! Where the widget gets its settings: the JavaScript API's settings
//! object (`mount(element, settings)`), the mount element's `data-*`
//! attributes, then the page's URL parameters.
//!
//! The embedding page's attributes win, so a crafted link cannot redirect an
//! embedded widget's responses to another endpoint. `headers` comes only from
//! the mount element, so a link cannot add credentials or headers either.

/// The widget's settings. Names are a published contract: `survey`,
/// `endpoint`, `headers`, `timeout`, `wrap`, `request`, `lang`, `mode`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// URL of the survey JSON; the built-in survey when absent.
    pub survey: Option<String>,
    /// URL to POST responses to; responses stay on the device when absent.
    pub endpoint: Option<String>,
    /// Extra request headers, a JSON object of strings (`data-headers` only).
    pub headers: Option<String>,
    /// Seconds one attempt to send may take.
    pub timeout: Option<String>,
    /// The field to send the response in, instead of the response itself.
    pub wrap: Option<String>,
    /// `simple` for a CORS simple request; `cors` (the default) otherwise.
    pub request: Option<String>,
    /// Preferred locale code.
    pub lang: Option<String>,
    /// `kiosk` (later); anything else is the ordinary embedded widget.
    pub mode: Option<String>,
}

impl Config {
    /// Reads the settings for a widget mounted on `host`: `settings` (the
    /// JavaScript API's object, if any) first, then the element's `data-*`
    /// attributes, then the page's URL parameters.
    pub fn read(host: &web_sys::HtmlElement, settings: Option<&wasm_bindgen::JsValue>) -> Config {
        let params = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
        let given = |name: &str| {
            let v = js_sys::Reflect::get(settings?, &name.into()).ok()?;
            // `headers` may be given as an object; any other value as text.
            v.as_string().or_else(|| {
                (v.is_object())
                    .then(|| js_sys::JSON::stringify(&v).ok()?.as_string())
                    .flatten()
            })
        };
        let setting = |name: &str, from_url: bool| {
            given(name)
                .or_else(|| host.get_attribute(&format!("data-{name}")))
                .or_else(|| {
                    params
                        .as_ref()
                        .filter(|_| from_url)
                        .and_then(|p| p.get(name))
                })
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let pick = |name: &str| setting(name, true);
        Config {
            survey: pick("survey"),
            endpoint: pick("endpoint"),
            headers: setting("headers", false),
            timeout: pick("timeout"),
            wrap: pick("wrap"),
            request: pick("request"),
            lang: pick("lang"),
            mode: pick("mode"),
        }
    }
}
