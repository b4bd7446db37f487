//! Suara, the survey and feedback widget: the browser shell and Leptos UI
//! around the pure `suara_domain` core.
//!
//! Two entry points, each its own binary and its own download: the
//! respondent's widget (`src/main.rs`: [`start`] for the stand-alone and
//! iframe pages, [`Mounted::new`] for the script-tag embed and its
//! JavaScript API) and the organiser's page ([`mount_organiser`],
//! `src/bin/organiser.rs`), and kiosk mode's page ([`mount_kiosk`],
//! `src/bin/kiosk.rs`, `kiosk.html`). Whatever only the organiser or a
//! kiosk needs is reached from `mount_organiser` or `mount_kiosk` alone,
//! so it is not in the widget's WebAssembly.

pub mod config;
pub mod io;
pub mod outbox;
pub mod ui;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::IntoView;
use wasm_bindgen::{JsCast, JsValue};

use ui::Host;

/// Mounts the widget on its own page (`index.html`, `embed.html`) into the
/// element with id `suara` (or else the first element with a `data-suara`
/// attribute), in the page's own DOM: the page is the widget's. The
/// script-tag embed (`widget.js`) mounts its widgets itself, each in a
/// shadow root ([`Mounted::new`]); when it loaded the wasm, this does
/// nothing.
pub fn start() {
    let embedded = js_sys::Reflect::has(&js_sys::global(), &"__suaraEmbed".into()).unwrap_or(false);
    if embedded {
        return;
    }
    // Kiosk mode is its own page (and download): `?mode=kiosk` opens it.
    if let Some(w) = web_sys::window() {
        let search = w.location().search().unwrap_or_default();
        let kiosk = web_sys::UrlSearchParams::new_with_str(&search)
            .ok()
            .and_then(|q| q.get("mode"))
            .is_some_and(|m| m.trim() == "kiosk");
        if kiosk {
            let _ = w.location().replace(&format!("kiosk.html{search}"));
            return;
        }
    }
    if let Some((element, host)) = page_host() {
        mount_with(element, host, None, mode_check, app);
    }
}

/// The respondent's widget reads one of kiosk mode's settings: `mode`, whose
/// only value is `kiosk` (a misspelt one stops it, and the organiser's page
/// names it); the others are the kiosk's page's alone.
fn mode_check(c: &config::Config) -> Vec<suara_domain::SchemaError> {
    match suara_domain::kiosk::is_kiosk(c.mode.as_deref()) {
        Ok(_) => Vec::new(),
        Err(problem) => vec![suara_domain::SchemaError::kiosk(problem)],
    }
}

/// The organiser's and the kiosk's pages check kiosk mode's settings, as
/// the kiosk reads them: the organiser's page names a wrong `idle` it was
/// given by a kiosk's page (whose link carries no `mode`, kiosk.html being
/// in kiosk mode by itself) as the kiosk does.
fn kiosk_checks(c: &config::Config) -> Vec<suara_domain::SchemaError> {
    let problems = c.kiosk().err().unwrap_or_default();
    problems
        .into_iter()
        .map(suara_domain::SchemaError::kiosk)
        .collect()
}

/// Mounts kiosk mode's page (`kiosk.html`, the `suara-kiosk` binary): one
/// tablet for many people (see [`ui::kiosk`]).
pub fn mount_kiosk() {
    if let Some((element, host)) = page_host() {
        mount_with(element, host, None, kiosk_checks, |config, loaded, host| {
            ui::kiosk::Kiosk(ui::kiosk::KioskProps {
                config,
                loaded,
                host,
            })
        });
    }
}

/// Mounts the organiser's page the same way, with the same settings.
pub fn mount_organiser() {
    if let Some((element, host)) = page_host() {
        mount_with(
            element,
            host,
            None,
            kiosk_checks,
            |config, loaded: ui::app::Loaded<suara_domain::Rejected>, _| {
                ui::organiser::Organiser(ui::organiser::OrganiserProps { config, loaded })
            },
        );
    }
}

/// The page's mount element (`#suara`, else the first `[data-suara]`) and
/// the widget's place there: the page's own DOM.
fn page_host() -> Option<(web_sys::HtmlElement, Host)> {
    let document = leptos::prelude::document();
    let element = document
        .get_element_by_id("suara")
        .or_else(|| document.query_selector("[data-suara]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())?;
    let host = Host {
        element: element.clone(),
        root: document.into(),
        key: String::new(),
        home: String::new(),
    };
    Some((element, host))
}

fn app(
    config: config::Config,
    loaded: ui::app::Loaded<suara_domain::Refused>,
    host: Host,
) -> impl IntoView {
    ui::app::App(ui::app::AppProps {
        config,
        loaded,
        host,
    })
}

thread_local! {
    /// How many widgets this page has mounted, for the keys of those with
    /// neither a `data-suara` value nor an id.
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
    /// Every widget mounted and not unmounted: a widget lives until it is
    /// unmounted, whatever becomes of its JavaScript handle.
    static LIVE: RefCell<Vec<Rc<State>>> = const { RefCell::new(Vec::new()) };
}

/// One widget on a host page, mounted in a shadow root of its element so
/// that neither the host's styles nor the widget's reach the other. It
/// lives until [`Mounted::unmount`], which removes it and stops everything
/// it runs; dropping this handle (a JavaScript handle being collected)
/// leaves it running.
pub struct Mounted(Rc<State>);

struct State {
    /// Set once unmounted: a survey still loading is then never shown.
    gone: Cell<bool>,
    /// Leptos's handle; dropping it unmounts.
    handle: RefCell<Option<Box<dyn std::any::Any>>>,
    /// The shadow root's container, emptied on unmount.
    container: web_sys::Element,
}

impl Mounted {
    /// Mounts a widget on `element` with `settings` (the JavaScript API's
    /// object, or undefined), styled by the stylesheet at `style`.
    pub fn new(
        element: web_sys::HtmlElement,
        settings: JsValue,
        style: &str,
    ) -> Result<Mounted, JsValue> {
        let document = leptos::prelude::document();
        let shadow = match element.shadow_root() {
            Some(s) => s,
            None => element
                .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
        };
        shadow.set_inner_html("");
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", style)?;
        shadow.append_child(&link)?;
        let container = document.create_element("div")?;
        shadow.append_child(&container)?;
        let n = MOUNTED.with(|m| m.replace(m.get() + 1));
        let key = element
            .get_attribute("data-suara")
            .filter(|k| !k.trim().is_empty())
            .or_else(|| Some(element.id()).filter(|id| !id.is_empty()))
            .unwrap_or_else(|| format!("widget-{}", n + 1));
        let host = Host {
            element,
            root: shadow.into(),
            key,
            home: style.to_owned(),
        };
        let settings = (!settings.is_undefined() && !settings.is_null()).then_some(settings);
        Ok(mount_with(
            container.unchecked_into(),
            host,
            settings,
            mode_check,
            app,
        ))
    }

    /// Removes the widget from its element and stops its timers and
    /// listeners. What it stored stays on the device.
    pub fn unmount(&self) {
        self.0.gone.set(true);
        LIVE.with(|l| l.borrow_mut().retain(|s| !Rc::ptr_eq(s, &self.0)));
        drop(self.0.handle.borrow_mut().take());
        self.0.container.set_inner_html("");
    }
}

/// Reads the settings of `host`, loads its survey (its file's problems
/// kept as `F`: counted for respondents, worded for the organiser), then
/// mounts `view` into
/// `into` (whatever the page put there, a "loading" line, a no-script
/// message, makes way).
fn mount_with<F: ui::app::FileProblems + 'static, V: IntoView + 'static>(
    into: web_sys::HtmlElement,
    host: Host,
    settings: Option<JsValue>,
    more: impl FnOnce(&config::Config) -> Vec<suara_domain::SchemaError> + 'static,
    view: impl FnOnce(config::Config, ui::app::Loaded<F>, Host) -> V + 'static,
) -> Mounted {
    let config = config::Config::read(&host.element, settings.as_ref());
    let state = Rc::new(State {
        gone: Cell::new(false),
        handle: RefCell::new(None),
        container: into.clone().into(),
    });
    let mounted = Mounted(state.clone());
    LIVE.with(|l| l.borrow_mut().push(state.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = ui::app::load::<F>(&config, &host.home, more).await;
        if state.gone.get() {
            return;
        }
        into.set_inner_html("");
        let handle = leptos::mount::mount_to(into, move || view(config, loaded, host));
        *state.handle.borrow_mut() = Some(Box::new(handle));
    });
    mounted
}
