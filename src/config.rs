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
    /// `kiosk`: kiosk mode (`kiosk.html`, see [`Config::kiosk`]).
    pub mode: Option<String>,
    /// Where the settings were read, to read the survey's hidden fields
    /// the same way once the survey is known ([`Config::value`]).
    source: Option<(web_sys::HtmlElement, Option<wasm_bindgen::JsValue>)>,
}

impl Config {
    /// Reads the settings for a widget mounted on `host`: `settings` (the
    /// JavaScript API's object, if any) first, then the element's `data-*`
    /// attributes, then the page's URL parameters.
    pub fn read(host: &web_sys::HtmlElement, settings: Option<&wasm_bindgen::JsValue>) -> Config {
        let pick = |name: &str| setting(host, settings, name, true);
        Config {
            survey: pick("survey"),
            endpoint: pick("endpoint"),
            headers: setting(host, settings, "headers", false),
            timeout: pick("timeout"),
            wrap: pick("wrap"),
            request: pick("request"),
            lang: pick("lang"),
            mode: pick("mode"),
            source: Some((host.clone(), settings.cloned())),
        }
    }

    /// Kiosk mode's settings (`mode`, `idle`, `warning`, `thanks`,
    /// `partial`), checked as the kiosk's own page reads them: in kiosk mode
    /// without `mode=kiosk`. Only the kiosk's and the organiser's pages read
    /// them.
    pub fn kiosk(
        &self,
    ) -> Result<Option<suara_domain::kiosk::Kiosk>, Vec<suara_domain::kiosk::Problem>> {
        let mode = self.mode.as_deref().or(Some("kiosk"));
        let (idle, warning) = (self.value("idle"), self.value("warning"));
        let (thanks, partial) = (self.value("thanks"), self.value("partial"));
        suara_domain::kiosk::Kiosk::new(suara_domain::kiosk::Settings {
            mode,
            idle: idle.as_deref(),
            warning: warning.as_deref(),
            thanks: thanks.as_deref(),
            partial: partial.as_deref(),
        })
    }

    /// The value named `name` (a hidden field's id), read as the settings
    /// are: the settings object, then `data-<name>`, then the URL.
    pub fn value(&self, name: &str) -> Option<String> {
        let (host, settings) = self.source.as_ref()?;
        setting(host, settings.as_ref(), name, true)
    }
}

/// A setting's value: `settings`' field `name`, else the element's
/// `data-<name>`, else (when `from_url`) the URL's parameter `name`; trimmed,
/// and none when empty.
fn setting(
    host: &web_sys::HtmlElement,
    settings: Option<&wasm_bindgen::JsValue>,
    name: &str,
    from_url: bool,
) -> Option<String> {
    let given = || {
        let v = js_sys::Reflect::get(settings?, &name.into()).ok()?;
        // `headers` may be given as an object; any other value as text.
        v.as_string().or_else(|| {
            (v.is_object())
                .then(|| js_sys::JSON::stringify(&v).ok()?.as_string())
                .flatten()
        })
    };
    let from_link = || {
        let search = web_sys::window()?.location().search().ok()?;
        web_sys::UrlSearchParams::new_with_str(&search)
            .ok()?
            .get(name)
    };
    given()
        .or_else(|| host.get_attribute(&format!("data-{name}")))
        .or_else(|| from_url.then(from_link).flatten())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}
