//! Kiosk mode (`kiosk.html`, the `suara-kiosk` binary): one tablet for
//! many people at an event.
//!
//! Between people a start screen shows the survey's title and one large
//! button per language, named in that language; a tap picks the language
//! and starts (and asks for full screen and the wake lock, which browsers
//! allow only from a tap). Each person gets a form of their own: a new
//! [`SurveyForm`] under a new reactive owner, with a new journey and a new
//! response id, and no draft. A reset (no answer to "Are you still
//! there?", the thank-you's countdown, "Done") drops that form whole, so
//! nothing of the person stays in the page: their state is never cleared
//! field by field. With `partial=keep` their valid answers go to the
//! outbox first, marked partial.
//!
//! The organiser's panel is behind a press of three seconds on the top
//! corner where the page starts (or Ctrl+Alt+O) and the device's PIN,
//! chosen before the first person and kept only as a salted PBKDF2 hash
//! ([`crate::io::kiosk`]). The panel is the organiser's page's own
//! [`ExportPanel`], with today's count, changing the PIN and leaving
//! kiosk mode.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::i18n::{self, kiosk_text, KioskMsg as K};
use suara_domain::kiosk::{self, Idle, Partial};
use suara_domain::outbox::Flush;
use suara_domain::{Endpoint, Locale, Refused, Survey};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::app::{LoadNotice, Loaded};
use super::form::SurveyForm;
use super::organiser::{ExportPanel, Say};
use super::{flag, words, Host, Words, KIOSK_PERSON, KIOSK_SENDS};
use crate::config::Config;
use crate::io::{self, channel, kiosk as device, store};

/// What the kiosk shows.
#[derive(Clone, PartialEq)]
enum Screen {
    /// The organiser chooses the device's PIN (the first start here).
    ChoosePin,
    /// Between people: the language buttons.
    Start,
    /// One person answering in their language; a new form each time.
    Person(Locale, u32),
}

/// What covers the screen for the organiser, if anything.
#[derive(Clone, Copy, PartialEq)]
enum Over {
    Nothing,
    /// The PIN, behind the gesture.
    Pin,
    Panel,
    ChangePin,
}

/// The kiosk for the configured survey, or what stops it.
#[component]
pub fn Kiosk(
    /// Settings read from the mount element and the URL.
    config: Config,
    /// The outcome of [`super::app::load`], kiosk settings checked.
    loaded: Loaded<Refused>,
    /// Where the widget lives: the page.
    host: Host,
) -> impl IntoView {
    let (survey, endpoint, hidden) = match loaded {
        Ok(l) => l,
        Err(stopped) => {
            let mut href = super::app::organiser_link(&config, &stopped.given, &host.home);
            // Kiosk mode's settings too, so the organiser's page names a wrong
            // one; `organiser_link` carries a given `mode`, and this page is
            // in kiosk mode without one.
            let mode = config.mode.is_none().then(|| ("mode", "kiosk".to_owned()));
            let settings = ["idle", "warning", "thanks", "partial"]
                .into_iter()
                .filter_map(|name| config.value(name).map(|value| (name, value)));
            for (name, value) in mode.into_iter().chain(settings) {
                let sep = if href.contains('?') { '&' } else { '?' };
                let value = String::from(js_sys::encode_uri_component(&value));
                href = format!("{href}{sep}{name}={value}");
            }
            return view! { <div class="suara"><LoadNotice stopped href /></div> }.into_any();
        }
    };
    // Checked by `load` already (a problem stops the page there).
    let settings = config.kiosk().ok().flatten().unwrap_or_default();
    let survey = Arc::new(survey);
    let endpoint = endpoint.map(Arc::new);
    // The organiser's language: the page's `lang`, else the survey's default.
    let org: &'static Locale = Box::leak(Box::new(survey.pick_locale(config.lang.as_deref())));

    let screen = RwSignal::new(if device::pin_record().is_some() {
        Screen::Start
    } else {
        Screen::ChoosePin
    });
    let over = RwSignal::new(Over::Nothing);
    let people = StoredValue::new(0u32);
    // Seconds left of the thank-you, while it shows.
    let thanks_left = RwSignal::new(None::<u32>);
    let thanks_from = StoredValue::new(0.0f64);
    let idle = RwSignal::new(Idle::Active);
    let last = StoredValue::new(io::now_ms());
    let hidden = StoredValue::new(hidden);

    if let Some(endpoint) = endpoint.clone() {
        KIOSK_SENDS.set(true);
        keep_sending(endpoint);
    }

    // The next person's start screen. The person's form (and with it their
    // journey, answers and id) is dropped by the screen change; with
    // `partial=keep`, an unfinished person's answers are stored first.
    let reset = {
        let endpoint = endpoint.clone();
        move || {
            let finished = thanks_left.get_untracked().is_some();
            if settings.partial == Partial::Keep && !finished {
                let now = io::now_rfc3339();
                let kept = KIOSK_PERSON.get().and_then(|ctx| {
                    let survey = ctx.survey.try_get_value()?;
                    ctx.journey
                        .try_with_untracked(|j| j.unfinished(&survey, &now))
                        .flatten()
                });
                if let Some(mut response) = kept {
                    response.hidden = hidden.get_value();
                    let endpoint = endpoint.clone();
                    spawn_local(async move {
                        let id = response.id.clone();
                        let url = endpoint.as_deref().map(|e| e.url.as_str());
                        let record = store::Record::new(response, url);
                        if store::put(&record).await.is_err() {
                            return;
                        }
                        channel::tell();
                        if let Some(endpoint) = endpoint {
                            let _ = crate::outbox::flush(&endpoint, Flush::One(&id), &|_| ()).await;
                            channel::tell();
                        }
                    });
                }
            }
            KIOSK_PERSON.set(None);
            thanks_left.set(None);
            idle.set(Idle::Active);
            over.set(Over::Nothing);
            if screen.get_untracked() != Screen::ChoosePin {
                screen.set(Screen::Start);
            }
        }
    };

    // A person's touch or key keeps them; while "Are you still there?"
    // shows, only its button does.
    let active = move || {
        if idle.get_untracked() == Idle::Active {
            last.set_value(io::now_ms());
        }
    };
    for name in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        listen(&leptos::prelude::document(), name, move |_| active());
    }
    // The organiser's keyboard shortcut.
    listen(&leptos::prelude::document(), "keydown", move |ev| {
        let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if k.ctrl_key() && k.alt_key() && k.key().eq_ignore_ascii_case("o") {
            k.prevent_default();
            open_pin(screen, over);
        }
    });
    // The form says when its response is stored: the thank-you counts down.
    listen(&host.element, "suara:submitted", move |_| {
        thanks_from.set_value(io::now_ms());
        thanks_left.set(Some(settings.thanks_secs));
    });
    // One clock for both countdowns and the idle timer.
    {
        let reset = reset.clone();
        let tick = move || {
            let now = io::now_ms();
            if thanks_left.get_untracked().is_some() {
                let secs = ((now - thanks_from.get_value()) / 1000.0) as u64;
                match settings.thanks_left(secs) {
                    0 => reset(),
                    n => thanks_left.set(Some(n)),
                }
                return;
            }
            let watching = matches!(screen.get_untracked(), Screen::Person(..))
                || over.get_untracked() != Over::Nothing;
            if !watching {
                return;
            }
            let secs = ((now - last.get_value()) / 1000.0).max(0.0) as u64;
            match settings.idle(secs) {
                Idle::Reset => reset(),
                state if state != idle.get_untracked() => idle.set(state),
                _ => {}
            }
        };
        let _ = set_interval_with_handle(tick, std::time::Duration::from_millis(250));
    }

    let title = survey.tr(&survey.title, &survey.default_locale).to_owned();
    let start = {
        let survey = survey.clone();
        move || {
            let lines = survey
                .locales
                .iter()
                .map(|l| {
                    view! { <p class="suara-kiosk__choose" lang=l.to_string() dir=dir(l)>{kiosk_text(l, &K::ChooseLanguage)}</p> }
                        .into_any()
                })
                .collect::<super::Items>();
            let buttons = survey
                .locales
                .iter()
                .map(|l| {
                    let locale = l.clone();
                    let go = move |_| {
                        device::keep_awake();
                        last.set_value(io::now_ms());
                        idle.set(Idle::Active);
                        let n = people.get_value() + 1;
                        people.set_value(n);
                        screen.set(Screen::Person(locale.clone(), n));
                    };
                    view! {
                        <button type="button" class="suara-button suara-button--primary suara-kiosk__language"
                            lang=l.to_string() dir=dir(l) on:click=go>
                            {i18n::language_name(l)}
                        </button>
                    }
                    .into_any()
                })
                .collect::<super::Items>();
            view! {
                <div class="suara-kiosk__start" lang=survey.default_locale.to_string() dir=dir(&survey.default_locale)>
                    <h1 class="suara-survey__title">{title.clone()}</h1>
                    {lines}
                    <div class="suara-kiosk__languages">{buttons}</div>
                </div>
            }
            .into_any()
        }
    };
    let main = {
        let survey = survey.clone();
        let endpoint = endpoint.clone();
        let host = StoredValue::new_local(host.clone());
        move || match screen.get() {
            Screen::ChoosePin => view! {
                <ChoosePin org first=true done=Callback::new(move |_| screen.set(Screen::Start)) />
            }
            .into_any(),
            Screen::Start => start(),
            Screen::Person(locale, _) => view! {
                <SurveyForm
                    survey=survey.clone()
                    endpoint=endpoint.clone()
                    lang=Some(locale.to_string())
                    kiosk=true
                    host=host.get_value()
                    hidden=hidden.get_value()
                />
            }
            .into_any(),
        }
    };
    let person_locale = move || match screen.get() {
        Screen::Person(l, _) => l,
        _ => org.clone(),
    };
    let next_in = {
        let reset = reset.clone();
        move || {
            thanks_left.get().map(|n| {
                let l = person_locale();
                let reset = reset.clone();
                view! {
                    <div class="suara-kiosk__next" lang=l.to_string() dir=dir(&l)>
                        <p class="suara-kiosk__countdown" role="timer">{kiosk_text(&l, &K::NextIn(n))}</p>
                        <button type="button" class="suara-button suara-button--primary suara-kiosk__big" on:click=move |_| reset()>
                            {kiosk_text(&l, &K::Done)}
                        </button>
                    </div>
                }
                .into_any()
            })
        }
    };
    let panel = {
        let survey = survey.clone();
        let endpoint = endpoint.clone();
        move || {
            match over.get() {
            Over::Nothing => None,
            Over::Pin => Some(view! { <EnterPin org over /> }.into_any()),
            Over::ChangePin => Some(
                view! { <ChoosePin org first=false done=Callback::new(move |_| over.set(Over::Panel)) /> }.into_any(),
            ),
            Over::Panel => Some(
                view! { <Panel org survey=survey.clone() endpoint=endpoint.clone() over /> }.into_any(),
            ),
        }
        }
    };
    let more_time = move || {
        last.set_value(io::now_ms());
        idle.set(Idle::Active);
    };

    view! {
        <div class="suara suara--kiosk">
            <Corner org open=Callback::new(move |_| open_pin(screen, over)) />
            <div class="suara-kiosk__main" hidden=flag(move || over.get() != Over::Nothing)>
                {main}
                {next_in}
            </div>
            {panel}
            <StillThere idle locale=Signal::derive(person_locale) more=Callback::new(move |_| more_time()) />
        </div>
    }
    .into_any()
}

fn dir(l: &Locale) -> &'static str {
    if l.is_rtl() {
        "rtl"
    } else {
        "ltr"
    }
}

/// Listens for `name` on `target` for the page's lifetime (the kiosk is
/// the whole page and is never unmounted).
fn listen(target: &web_sys::EventTarget, name: &str, f: impl Fn(web_sys::Event) + 'static) {
    let f = Closure::<dyn Fn(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    f.forget();
}

/// The PIN screen, unless the PIN is still to be chosen.
fn open_pin(screen: RwSignal<Screen>, over: RwSignal<Over>) {
    if screen.get_untracked() != Screen::ChoosePin && over.get_untracked() == Over::Nothing {
        over.set(Over::Pin);
    }
}

/// Keeps sending the outbox between people too: now, when the browser is
/// back online, when the page shows again and every 30 seconds.
fn keep_sending(endpoint: Arc<Endpoint>) {
    let run = move |what: Flush<'static>| {
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let _ = crate::outbox::flush(&endpoint, what, &|_| ()).await;
            channel::tell();
        });
    };
    run(Flush::Due);
    std::mem::forget(io::timers::keep_sending(run));
}

/// The top corner where the page starts (the right one in a language
/// written right to left, that of the organiser's words): a press of three
/// seconds opens the PIN screen. Not a control a respondent sees or reaches.
#[component]
fn Corner(
    /// The language of the organiser's words, which places the corner.
    org: &'static Locale,
    /// Opens the PIN screen.
    open: Callback<()>,
) -> impl IntoView {
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let cancel = move || {
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
    };
    let down = move |ev: leptos::ev::PointerEvent| {
        ev.prevent_default();
        cancel();
        let t = set_timeout_with_handle(move || open.run(()), std::time::Duration::from_secs(3));
        timer.set_value(t.ok());
    };
    view! {
        <div class="suara-kiosk__corner" aria-hidden="true" dir=dir(org)
            on:pointerdown=down
            on:pointerup=move |_| cancel()
            on:pointerleave=move |_| cancel()
            on:pointercancel=move |_| cancel()></div>
    }
}

/// "Are you still there?": a modal dialog with a visible countdown and a
/// large "I need more time", shown while the idle timer warns. Focus moves
/// into it and back to where it was; as an alert dialog, screen readers
/// announce its title and text.
#[component]
fn StillThere(
    /// Where the idle timer stands.
    idle: RwSignal<Idle>,
    /// The person's language.
    locale: Signal<Locale>,
    /// "I need more time": another full idle period.
    more: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let before = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let open = Memo::new(move |_| matches!(idle.get(), Idle::Warning(_)));
    Effect::new(move |_| {
        let open = open.get();
        let Some(d) = dialog.get() else { return };
        if open && !d.open() {
            let was = leptos::prelude::document()
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            before.set_value(was);
            let _ = d.show_modal();
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        } else if !open && d.open() {
            d.close();
            if let Some(e) = before.get_value() {
                let _ = e.focus();
            }
            before.set_value(None);
        }
    });
    let left = move || match idle.get() {
        Idle::Warning(n) => n,
        _ => 0,
    };
    let text = move |m: K| -> Words { words(move || kiosk_text(&locale.get(), &m)) };
    view! {
        <dialog class="suara-kiosk__dialog" node_ref=dialog role="alertdialog"
            aria-labelledby="suara-kiosk-still" aria-describedby="suara-kiosk-reset"
            lang=words(move || locale.get().to_string()) dir=words(move || dir(&locale.get()).to_owned())
            // Escape: the person is there.
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); more.run(()); }>
            <h2 id="suara-kiosk-still" class="suara-kiosk__heading">{text(K::StillThere)}</h2>
            <p id="suara-kiosk-reset" class="suara-kiosk__countdown" role="timer">
                {words(move || kiosk_text(&locale.get(), &K::ResetIn(left())))}
            </p>
            <button type="button" class="suara-button suara-button--primary suara-kiosk__big" node_ref=button
                on:click=move |_| more.run(())>
                {text(K::MoreTime)}
            </button>
        </dialog>
    }
}

/// Choosing the device's PIN: before the first person (`first`), or
/// changing it from the panel. Only its PBKDF2 hash is kept.
#[component]
fn ChoosePin(
    /// The organiser's language.
    org: &'static Locale,
    /// The first start on this device (else a change from the panel).
    first: bool,
    /// Called once the new PIN is kept.
    done: Callback<()>,
) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<K>);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (p, a) = (pin.get_untracked(), again.get_untracked());
        if !kiosk::pin_allowed(&p) {
            return problem.set(Some(K::PinRule));
        }
        if p != a {
            return problem.set(Some(K::PinMismatch));
        }
        busy.set(true);
        spawn_local(async move {
            let kept = match device::hash_pin(&p).await {
                Some(record) => device::save_pin(&record),
                None => false,
            };
            busy.set(false);
            if kept {
                pin.set(String::new());
                again.set(String::new());
                done.run(());
            } else {
                problem.set(Some(K::PinRule));
            }
        });
    };
    let t = move |m: K| kiosk_text(org, &m);
    let heading = if first { K::ChoosePin } else { K::ChangePin };
    focus_first(".suara-kiosk__pin input");
    view! {
        <form class="suara-kiosk__pin" lang=org.to_string() dir=dir(org) on:submit=save novalidate>
            <h1 class="suara-kiosk__heading">{t(heading)}</h1>
            {first.then(|| view! { <p>{t(K::ChoosePinIntro)}</p> })}
            <label for="suara-kiosk-new-pin">{t(K::PinLabel)}</label>
            <input id="suara-kiosk-new-pin" class="suara-input" type="password" inputmode="numeric"
                autocomplete="new-password" prop:value=move || pin.get()
                on:input=move |ev| pin.set(event_target_value(&ev)) />
            <label for="suara-kiosk-pin-again">{t(K::PinAgain)}</label>
            <input id="suara-kiosk-pin-again" class="suara-input" type="password" inputmode="numeric"
                autocomplete="new-password" prop:value=move || again.get()
                on:input=move |ev| again.set(event_target_value(&ev)) />
            <p class="suara-alert" role="alert">{words(move || problem.get().map(t).unwrap_or_default())}</p>
            <button type="submit" class="suara-button suara-button--primary suara-kiosk__big">{t(K::SavePin)}</button>
        </form>
    }
}

/// Focuses the first element matching `selector` once it is drawn.
fn focus_first(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(e) = leptos::prelude::document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = e.focus();
        }
    });
}

/// The PIN, behind the organiser's gesture. Five wrong PINs in a row are
/// free; after that each must wait longer ([`kiosk::pin_wait_secs`]), and
/// the count survives a reload.
#[component]
fn EnterPin(
    /// The organiser's language.
    org: &'static Locale,
    /// Where the panel opens or closes.
    over: RwSignal<Over>,
) -> impl IntoView {
    let pin = RwSignal::new(String::new());
    let said = RwSignal::new(None::<K>);
    let busy = RwSignal::new(false);
    let waiting = move || {
        let (_, until) = device::failures();
        let left = ((until - io::now_ms()) / 1000.0).ceil();
        (left > 0.0).then_some(left as u32)
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if let Some(secs) = waiting() {
            return said.set(Some(K::PinWait(secs)));
        }
        let Some(record) = device::pin_record() else {
            return over.set(Over::Panel);
        };
        let typed = pin.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let right = device::verify_pin(&typed, &record).await;
            busy.set(false);
            pin.set(String::new());
            if right {
                device::set_failures(0, 0.0);
                over.set(Over::Panel);
                return;
            }
            let (n, _) = device::failures();
            let n = n + 1;
            let wait = kiosk::pin_wait_secs(n);
            device::set_failures(n, io::now_ms() + f64::from(wait) * 1000.0);
            said.set(Some(if wait > 0 {
                K::PinWait(wait)
            } else {
                K::WrongPin
            }));
            focus_first("#suara-kiosk-pin");
        });
    };
    let t = move |m: K| kiosk_text(org, &m);
    focus_first("#suara-kiosk-pin");
    view! {
        <form class="suara-kiosk__pin" lang=org.to_string() dir=dir(org) on:submit=open novalidate>
            <h1 class="suara-kiosk__heading"><label for="suara-kiosk-pin">{t(K::EnterPin)}</label></h1>
            <input id="suara-kiosk-pin" class="suara-input" type="password" inputmode="numeric"
                autocomplete="off" prop:value=move || pin.get()
                on:input=move |ev| pin.set(event_target_value(&ev)) />
            <p class="suara-alert" role="alert">{words(move || said.get().map(t).unwrap_or_default())}</p>
            <div class="suara-nav">
                <button type="button" class="suara-button suara-kiosk__big" on:click=move |_| over.set(Over::Nothing)>{t(K::Cancel)}</button>
                <button type="submit" class="suara-button suara-button--primary suara-kiosk__big"
                    aria-disabled=words(move || busy.get().to_string())>{t(K::Open)}</button>
            </div>
        </form>
    }
}

/// The organiser's panel: today's responses, then the organiser's page's
/// own counts, "Send now" and downloads; changing the PIN and leaving
/// kiosk mode.
#[component]
fn Panel(
    /// The organiser's language.
    org: &'static Locale,
    /// The survey.
    survey: Arc<Survey>,
    /// Where responses are sent, if anywhere.
    endpoint: Option<Arc<Endpoint>>,
    /// Where the panel closes.
    over: RwSignal<Over>,
) -> impl IntoView {
    let t = move |m: K| kiosk_text(org, &m);
    let today = RwSignal::new(0usize);
    let count = {
        let survey_id = survey.id.clone();
        move || {
            let survey_id = survey_id.clone();
            spawn_local(async move {
                if let Ok((records, _)) = store::all().await {
                    let n = records
                        .iter()
                        .filter(|r| {
                            r.response.survey_id == survey_id && is_today(&r.response.submitted_at)
                        })
                        .count();
                    let _ = today.try_set(n);
                }
            });
        }
    };
    count();
    channel::listen(count);
    let leave = move |_| {
        device::let_go();
        // The organiser's page, with the kiosk's settings but `mode`.
        let Some(w) = web_sys::window() else { return };
        let search = w.location().search().unwrap_or_default();
        let query = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let rest = query.map(|q| {
            q.delete("mode");
            String::from(q.to_string())
        });
        let href = match rest.filter(|r| !r.is_empty()) {
            Some(r) => format!("organiser.html?{r}"),
            None => "organiser.html".to_owned(),
        };
        let _ = w.location().set_href(&href);
    };
    let title = survey.tr(&survey.title, org).to_owned();
    view! {
        <div class="suara-kiosk__panel" lang=org.to_string() dir=dir(org)>
            <h1 class="suara-kiosk__heading">{t(K::PanelHeading)}</h1>
            <p class="suara-survey__title">{title}</p>
            <p class="suara-kiosk__today">{words(move || kiosk_text(org, &K::Today(today.get())))}</p>
            <ExportPanel survey endpoint say=Say(org) />
            <div class="suara-export__actions">
                <button type="button" class="suara-button suara-button--primary suara-kiosk__big" on:click=move |_| over.set(Over::Nothing)>{t(K::BackToKiosk)}</button>
                <button type="button" class="suara-button suara-kiosk__big" on:click=move |_| over.set(Over::ChangePin)>{t(K::ChangePin)}</button>
                <button type="button" class="suara-button suara-kiosk__big" on:click=leave>{t(K::LeaveKiosk)}</button>
            </div>
        </div>
    }
}

/// Whether an RFC 3339 time is today on this device's clock and time zone.
fn is_today(at: &str) -> bool {
    let then = js_sys::Date::new(&at.into());
    let now = js_sys::Date::new_0();
    !then.get_time().is_nan()
        && then.get_full_year() == now.get_full_year()
        && then.get_month() == now.get_month()
        && then.get_date() == now.get_date()
}
