//! Where the widget gets its settings: the mount element's `data-*`
//! attributes first, then the page's URL parameters.
//!
//! The embedding page's attributes win, so a crafted link cannot redirect an
//! embedded widget's responses to another endpoint.

/// The widget's settings. Names are a published contract: `survey`,
/// `endpoint`, `lang`, `mode`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// URL of the survey JSON; the built-in survey when absent.
    pub survey: Option<String>,
    /// URL to POST responses to; responses stay on the device when absent.
    pub endpoint: Option<String>,
    /// Preferred locale code.
    pub lang: Option<String>,
    /// `kiosk` (later); anything else is the ordinary embedded widget.
    pub mode: Option<String>,
}

impl Config {
    /// Reads the settings for a widget mounted on `host`.
    pub fn read(host: &web_sys::HtmlElement) -> Config {
        let params = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
        let pick = |name: &str| {
            host.get_attribute(&format!("data-{name}"))
                .or_else(|| params.as_ref().and_then(|p| p.get(name)))
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        Config {
            survey: pick("survey"),
            endpoint: pick("endpoint"),
            lang: pick("lang"),
            mode: pick("mode"),
        }
    }
}
