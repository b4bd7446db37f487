//! Suara, the survey and feedback widget: the browser shell and Leptos UI
//! around the pure `suara_domain` core.

pub mod config;
pub mod io;
pub mod outbox;
pub mod ui;

use wasm_bindgen::JsCast;

/// Mounts the widget into the element with id `suara` (or any element with a
/// `data-suara` attribute), or into the page body when there is none.
pub fn mount() {
    let document = leptos::prelude::document();
    let host = document
        .get_element_by_id("suara")
        .or_else(|| document.query_selector("[data-suara]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document.body().expect("the page has a body"));
    let config = config::Config::read(&host);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = ui::app::load(&config).await;
        // Whatever the page put inside the mount element (a "loading" line, a
        // no-script message) makes way for the widget.
        host.set_inner_html("");
        leptos::mount::mount_to(host, move || {
            ui::app::App(ui::app::AppProps { config, loaded })
        })
        .forget();
    });
}
