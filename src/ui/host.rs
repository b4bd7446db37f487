//! Where one widget lives on its page. Several widgets may share a page
//! (the script-tag embed mounts one per `data-suara` element), so each finds
//! its elements, listens for focus and tells the page about itself only
//! within its own part of the page: its shadow root, or for the stand-alone
//! page (`#suara`) the document.

use wasm_bindgen::{JsCast, JsValue};

/// One widget's place on the page.
#[derive(Clone)]
pub struct Host {
    /// The element it was mounted on: the page's listeners hear its events
    /// (`suara:ready`, `suara:page`, ...) there.
    pub element: web_sys::HtmlElement,
    /// The tree its elements are in: a shadow root of `element`, or the
    /// document.
    pub root: web_sys::Node,
    /// Which widget of the page this is, for its draft: the same survey in
    /// two widgets keeps two drafts. Empty for the page's only or first
    /// widget (`#suara`), whose draft is the survey's own.
    pub key: String,
    /// Where the widget's own files are, for a widget embedded in another
    /// site's page (its stylesheet's address); empty on its own pages.
    pub home: String,
}

impl Host {
    /// The element with id `id` in this widget (ids are made of survey ids:
    /// letters, digits, `_` and `-`, so they need no escaping here).
    pub fn find(&self, id: &str) -> Option<web_sys::HtmlElement> {
        self.query(&format!("[id='{id}']"))
    }

    /// The first element in this widget matching `selector`.
    pub fn query(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        let found = match self.root.dyn_ref::<web_sys::Document>() {
            Some(d) => d.query_selector(selector),
            None => self
                .root
                .dyn_ref::<web_sys::DocumentFragment>()
                .map_or(Ok(None), |f| f.query_selector(selector)),
        };
        found.ok().flatten().and_then(|e| e.dyn_into().ok())
    }

    /// Tells the page: a `CustomEvent` named `name` on the mount element,
    /// bubbling and crossing shadow roots, with `detail` built from pairs
    /// of names and values.
    pub fn tell(&self, name: &str, detail: &[(&str, JsValue)]) {
        let object = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), v);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.element.dispatch_event(&event);
        }
    }

    /// The draft key for `survey_id` in this widget.
    pub fn draft_key(&self, survey_id: &str) -> String {
        if self.key.is_empty() {
            survey_id.to_owned()
        } else {
            format!("{survey_id}#{}", self.key)
        }
    }
}
