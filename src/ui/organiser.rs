//! The organiser's page (`organiser.html`): what this device holds for the
//! survey, where it stands in the outbox, "send now", and downloads of all
//! of it as CSV or JSON. It is its own entry point, so none of it is in the
//! respondent's download; it reads the same device store as the widget's
//! pages on this origin, and follows their changes as they happen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::export::{self, CsvOptions};
use suara_domain::i18n::{self, OrganiserMsg as Msg};
use suara_domain::outbox::{self, Flush, Status};
use suara_domain::zone::{self, UtcOffset};
use suara_domain::{Endpoint, Locale, Response, Survey};

use suara_domain::Rejected;

use super::app::{Loaded, Stopped};
use super::{flag, shown, words, Words};
use crate::config::Config;
use crate::io::zone::BrowserZone;
use crate::io::{self, channel, download, store};

/// The organiser's words in the page's language.
#[derive(Clone, Copy)]
pub struct Say(pub &'static Locale);

impl Say {
    fn msg(self, msg: &Msg) -> String {
        i18n::organiser_text(self.0, msg)
    }

    fn words(self, msg: Msg) -> Words {
        words(move || self.msg(&msg))
    }
}

/// The organiser's page for the configured survey, or what is wrong with it.
#[component]
pub fn Organiser(
    /// Settings read from the mount element and the URL (the same as the
    /// widget's: `survey`, `endpoint` and its options, `lang`).
    config: Config,
    /// The outcome of [`super::app::load`].
    loaded: Loaded<Rejected>,
) -> impl IntoView {
    let content = match loaded {
        Ok((survey, endpoint, _)) => {
            // One language for the page's lifetime: the organiser's words
            // need no switching, and `Say` stays a copyable reference.
            let locale: &'static Locale =
                Box::leak(Box::new(survey.pick_locale(config.lang.as_deref())));
            let title = survey.tr(&survey.title, locale).to_owned();
            let survey = Arc::new(survey);
            view! {
                <div lang=locale.to_string() dir=if locale.is_rtl() { "rtl" } else { "ltr" }>
                    <h1 class="suara-survey__title">{title}</h1>
                    <ExportPanel survey=survey.clone() endpoint=endpoint.map(Arc::new) say=Say(locale) />
                    <super::dashboard::DashboardPanel survey say=Say(locale) />
                    <ForgetPin locale />
                </div>
            }
            .into_any()
        }
        Err(stopped) => view! { <LoadError stopped /> }.into_any(),
    };
    view! { <div class="suara suara--organiser">{content}</div> }
}

/// Every problem that stops the survey, in full, for its author: where it
/// is as a person counts, what is wrong and its JSON path, in the author's
/// language (the same lines as `suara validate`). Only this page words
/// them: the respondent's page links here.
#[component]
fn LoadError(
    /// What stops the survey.
    stopped: Stopped<Rejected>,
) -> impl IntoView {
    let Stopped {
        lang: l,
        address,
        file,
        settings,
        hidden: _,
        given: _,
    } = stopped;
    let errors = address
        .into_iter()
        .chain(file.map(|f| f.errors).unwrap_or_default())
        .chain(settings)
        .collect::<Vec<_>>();
    let lines = i18n::problem_lines(&l, &errors).into_iter();
    view! {
        <div class="suara-load-error" role="alert" lang=l.to_string() dir=if l.is_rtl() { "rtl" } else { "ltr" }>
            <h1>{i18n::organiser_text(&l, &Msg::LoadFailed)}</h1>
            <p>{i18n::organiser_text(&l, &Msg::LoadFailedIntro)}</p>
            <ul>{lines.map(|p| view! { <li><code>{p}</code></li> }).map(IntoAny::into_any).collect::<super::Items>()}</ul>
        </div>
    }
}

/// Flipped whenever the store changes, so counts are read again.
#[derive(Clone, Copy)]
struct OutboxTick(RwSignal<bool>);

impl OutboxTick {
    /// Says that stored responses changed, here and in the widget's other
    /// tabs on this device.
    fn bump(&self) {
        self.flip();
        channel::tell();
    }

    fn flip(&self) {
        self.0.update(|b| *b = !*b);
    }
}

/// Stored responses to `survey`, oldest first, and the ids of those among
/// them that are done with (sent, or kept only on this device): the ones the
/// operator may remove once they are in an export.
async fn responses_of(survey: &Survey) -> Result<(Vec<Response>, Vec<String>), store::StoreError> {
    let (records, _) = store::all().await?;
    let mut done = Vec::new();
    let mut responses = Vec::new();
    for r in records
        .into_iter()
        .filter(|r| r.response.survey_id == survey.id)
    {
        if r.status.is_done() {
            done.push(r.response.id.clone());
        }
        responses.push(r.response);
    }
    Ok((responses, done))
}

/// The count line, download buttons and their result.
#[component]
pub fn ExportPanel(
    /// The survey whose responses are exported.
    survey: Arc<Survey>,
    /// Where responses are sent, if anywhere: "send now" appears with it.
    endpoint: Option<Arc<Endpoint>>,
    /// The page's words.
    say: Say,
) -> impl IntoView {
    let ctx = say;
    let tick = OutboxTick(RwSignal::new(false));
    // The widget's pages on this device say when they store or send.
    channel::listen(move || tick.flip());
    // Whether the browser promised to keep this origin's storage.
    let persistent = RwSignal::new(None::<Msg>);
    spawn_local(async move {
        let kept = store::persistence(false).await;
        persistent.set(Some(Msg::Persistent(kept)));
    });
    // Why sending is paused (the endpoint refused the credentials), or why
    // responses need attention, if they do.
    let paused = RwSignal::new(None::<Msg>);
    // Responses in the last download that are done with: the operator may
    // remove them from the device.
    let exported = RwSignal::new(Vec::<String>::new());
    // The count lines are kept as their messages: one signal type with the
    // result message, so they share their code.
    let stored = RwSignal::new(Some(Msg::StoredCount {
        total: 0,
        unreadable: 0,
    }));
    let summary = RwSignal::new(Some(Msg::OutboxSummary {
        pending: 0,
        sent: 0,
        attention: 0,
    }));
    let message = RwSignal::new(None::<Msg>);
    let said = move |m: RwSignal<Option<Msg>>| {
        words(move || m.get().map(|m| ctx.msg(&m)).unwrap_or_default())
    };
    let bom = RwSignal::new(true);
    // The time zone of the CSV's times, as typed: empty for UTC, as stored.
    let zone_name = RwSignal::new(String::new());
    Effect::new(move |_| {
        tick.0.track();
        spawn_local(async move {
            if let Ok((records, unreadable)) = store::all().await {
                stored.set(Some(Msg::StoredCount {
                    total: records.len() + unreadable,
                    unreadable,
                }));
                let alert = outbox::alert(&records).map(|(status, why)| match status {
                    Status::Paused => Msg::Paused(why),
                    _ => Msg::Refused(why),
                });
                if paused.get_untracked() != alert {
                    paused.set(alert);
                }
                let counts = outbox::Counts::of(&records);
                summary.set(Some(Msg::OutboxSummary {
                    pending: counts.waiting,
                    sent: counts.sent,
                    attention: counts.needs_attention,
                }));
            }
        });
    });
    let export = move |json: bool, survey: Arc<Survey>| {
        spawn_local(async move {
            let result = match responses_of(&survey).await {
                Err(e) => Err(e.to_string()),
                Ok((responses, _)) if responses.is_empty() => {
                    message.set(Some(Msg::NothingToExport));
                    return;
                }
                Ok((responses, done)) => {
                    let now = io::now_rfc3339();
                    let (ext, mime, contents) = if json {
                        (
                            "json",
                            "application/json",
                            export::to_json(&survey, &responses, &now),
                        )
                    } else {
                        let options = CsvOptions {
                            bom: bom.get_untracked(),
                            ..Default::default()
                        };
                        let name = zone_name.get_untracked().trim().to_owned();
                        let zone = match name.as_str() {
                            "" => None,
                            name => match BrowserZone::new(name) {
                                Some(z) => Some(z),
                                None => {
                                    let names = io::zone::names();
                                    let names: Vec<&str> =
                                        names.iter().map(String::as_str).collect();
                                    let meant = zone::suggest(name, &names).map(str::to_owned);
                                    message.set(Some(Msg::UnknownTimeZone {
                                        name: name.to_owned(),
                                        meant,
                                    }));
                                    return;
                                }
                            },
                        };
                        let zone = zone.as_ref().map(|z| z as &dyn UtcOffset);
                        (
                            "csv",
                            "text/csv;charset=utf-8",
                            export::to_csv_in(&survey, &responses, options, zone),
                        )
                    };
                    download::save(&export::file_name(&survey, &now, ext), mime, &contents)
                        .map(|_| exported.set(done))
                }
            };
            message.set(result.err().map(Msg::ExportFailed));
        });
    };
    // For the survey's author: texts that show in the default language
    // because they have no translation into one of the survey's languages.
    let untranslated = suara_domain::translation::missing_translations(&survey)
        .into_iter()
        .map(|m| {
            let mut paths = m
                .paths
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            if m.paths.len() > 5 {
                paths.push_str(", …");
            }
            let msg = Msg::MissingTranslations {
                language: suara_domain::i18n::language_name(&m.locale),
                fallback: suara_domain::i18n::language_name(&survey.default_locale),
                count: m.paths.len(),
                paths,
            };
            view! { <p class="suara-alert">{words(move || ctx.msg(&msg))}</p> }.into_any()
        })
        .collect::<super::Items>();
    // The browser's zones, offered as the time zone is typed.
    let zones = io::zone::names()
        .into_iter()
        .map(|n| view! { <option value=n></option> }.into_any())
        .collect::<super::Items>();
    let csv_survey = survey.clone();
    // What each CSV column holds, in every language of the survey, with
    // the same byte order mark choice as the CSV.
    let codebook = {
        let survey = survey.clone();
        move |_| {
            let rows = suara_domain::codebook::codebook(&survey, Default::default());
            let options = CsvOptions {
                bom: bom.get_untracked(),
                ..Default::default()
            };
            let name = format!("suara-{}-codebook.csv", survey.id);
            let csv = suara_domain::codebook::to_csv(&rows, options);
            let saved = download::save(&name, "text/csv;charset=utf-8", &csv);
            message.set(saved.err().map(Msg::ExportFailed));
        }
    };
    let clear = move |_| {
        let ids = exported.get_untracked();
        let asked = ctx.msg(&Msg::ConfirmClear(ids.len()));
        if !web_sys::window().is_some_and(|w| w.confirm_with_message(&asked).unwrap_or(false)) {
            return;
        }
        spawn_local(async move {
            message.set(Some(match store::remove_done(&ids).await {
                Ok(n) => Msg::Cleared(n),
                Err(e) => Msg::ExportFailed(e.to_string()),
            }));
            exported.set(Vec::new());
            tick.bump();
        });
    };
    // Without an endpoint nothing is ever sent: no outbox line.
    let has_endpoint = endpoint.is_some();
    let send_now = endpoint.map(|endpoint| {
        let sending = RwSignal::new(false);
        let on_click = move |_| {
            if sending.get_untracked() {
                return;
            }
            sending.set(true);
            let endpoint = endpoint.clone();
            spawn_local(async move {
                let _ = crate::outbox::flush(&endpoint, Flush::All, &|_| ()).await;
                sending.set(false);
                tick.bump();
            });
        };
        view! {
            <button type="button" class="suara-button" aria-disabled=words(move || sending.get().to_string()) on:click=on_click>
                {ctx.words(Msg::SendNow)}
            </button>
        }
        .into_any()
    });
    view! {
        <section class="suara-export" aria-labelledby="suara-export-title">
            <h2 id="suara-export-title" class="suara-export__title">{ctx.words(Msg::ExportHeading)}</h2>
            <p>{said(stored)}</p>
            {has_endpoint.then(|| view! { <p>{said(summary)}</p> }.into_any())}
            <p class="suara-alert" role="alert">{said(paused)}</p>
            <p>{said(persistent)}</p>
            {untranslated}
            <div class="suara-export__actions">
                {send_now}
                <button type="button" class="suara-button" on:click=move |_| export(false, csv_survey.clone())>
                    {ctx.words(Msg::ExportCsv)}
                </button>
                <button type="button" class="suara-button" on:click=move |_| export(true, survey.clone())>
                    {ctx.words(Msg::ExportJson)}
                </button>
                <button type="button" class="suara-button" on:click=codebook>
                    {ctx.words(Msg::ExportCodebook)}
                </button>
                <label class="suara-export__bom">
                    <input type="checkbox" prop:checked=flag(move || bom.get()) on:change=move |ev| bom.set(event_target_checked(&ev)) />
                    {ctx.words(Msg::ExcelBom)}
                </label>
                <label class="suara-export__zone">
                    {ctx.words(Msg::TimeZone)}
                    <input type="text" class="suara-input" list="suara-time-zones" autocomplete="off" spellcheck="false" placeholder="UTC"
                        on:input=move |ev| zone_name.set(event_target_value(&ev)) />
                </label>
                <datalist id="suara-time-zones">{zones}</datalist>
            </div>
            {shown(move || exported.with(|e| !e.is_empty()).then(|| view! {
                <button type="button" class="suara-button" on:click=clear>
                    {words(move || ctx.msg(&Msg::ClearDone(exported.with(Vec::len))))}
                </button>
            }.into_any()))}
            <p class="suara-export__message" role="status">{said(message)}</p>
        </section>
    }
}

/// The recovery for a forgotten kiosk PIN: this page is not behind the
/// PIN, so an organiser who can open it on the tablet (out of the
/// tablet's own lock: Guided Access, screen pinning) can forget the PIN;
/// the kiosk then asks for a new one at its next start. Responses are in
/// IndexedDB and stay. Shown only where a kiosk PIN is kept.
#[component]
fn ForgetPin(
    /// The page's language.
    locale: &'static Locale,
) -> impl IntoView {
    use crate::io::kiosk as device;
    let say = Say(locale);
    let kept = RwSignal::new(device::pin_record().is_some());
    let said = RwSignal::new(None::<Msg>);
    let forget = move |_| {
        let asked = say.msg(&Msg::ConfirmForgetPin);
        if !web_sys::window().is_some_and(|w| w.confirm_with_message(&asked).unwrap_or(false)) {
            return;
        }
        device::forget_pin();
        kept.set(false);
        said.set(Some(Msg::PinForgotten));
    };
    view! {
        // Without a kiosk PIN on the device, only an empty status line.
        <section class="suara-forget-pin">
            {shown(move || kept.get().then(|| view! {
                <button type="button" class="suara-button" on:click=forget>
                    {say.msg(&Msg::ForgetPin)}
                </button>
            }.into_any()))}
            <p role="status">{words(move || said.get().map(|m| say.msg(&m)).unwrap_or_default())}</p>
        </section>
    }
}
