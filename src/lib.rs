//! Suara, the survey and feedback widget: the browser shell and Leptos UI
//! around the pure `suara_domain` core.
//!
//! Two entry points, each its own binary and its own download: the
//! respondent's widget ([`mount`], `src/main.rs`) and the organiser's page
//! ([`mount_organiser`], `src/bin/organiser.rs`). Whatever only the
//! organiser needs is reached from `mount_organiser` alone, so it is not in
//! the widget's WebAssembly.

pub mod config;
pub mod io;
pub mod outbox;
pub mod ui;

use leptos::prelude::IntoView;
use wasm_bindgen::JsCast;

/// Mounts the widget into the element with id `suara` (or any element with a
/// `data-suara` attribute), or into the page body when there is none.
pub fn mount() {
    mount_with(|config, loaded: ui::app::Loaded<suara_domain::Refused>| {
        ui::app::App(ui::app::AppProps { config, loaded })
    });
}

/// Mounts the organiser's page the same way, with the same settings.
pub fn mount_organiser() {
    mount_with(|config, loaded: ui::app::Loaded<suara_domain::Rejected>| {
        ui::organiser::Organiser(ui::organiser::OrganiserProps { config, loaded })
    });
}

/// Reads the settings, loads the survey (its file's problems kept as `F`)
/// and mounts `app`.
fn mount_with<F: ui::app::FileProblems + 'static, V: IntoView + 'static>(
    app: impl FnOnce(config::Config, ui::app::Loaded<F>) -> V + 'static,
) {
    let document = leptos::prelude::document();
    let host = document
        .get_element_by_id("suara")
        .or_else(|| document.query_selector("[data-suara]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document.body().expect("the page has a body"));
    let config = config::Config::read(&host);
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = ui::app::load::<F>(&config).await;
        // Whatever the page put inside the mount element (a "loading" line, a
        // no-script message) makes way for the widget.
        host.set_inner_html("");
        leptos::mount::mount_to(host, move || app(config, loaded)).forget();
    });
}
