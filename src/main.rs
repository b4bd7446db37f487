//! The respondent's widget: its own pages (`index.html`, `embed.html`)
//! start it with [`suara::start`]; the script-tag embed (`widget.js`) calls
//! [`mount`] for each of its widgets.

use wasm_bindgen::prelude::*;

fn main() {
    suara::start()
}

/// One widget mounted by the JavaScript API; `unmount()` removes it.
#[wasm_bindgen]
pub struct Widget(suara::Mounted);

#[wasm_bindgen]
impl Widget {
    /// Removes the widget from its element; what it stored stays.
    pub fn unmount(&self) {
        self.0.unmount();
    }
}

/// Mounts a widget on `element`, in a shadow root styled by the stylesheet
/// at `style`, with `settings` (the `data-*` names; undefined for none).
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    settings: JsValue,
    style: &str,
) -> Result<Widget, JsValue> {
    suara::Mounted::new(element, settings, style).map(Widget)
}
