//! Answering a survey: the questions, the error summary, submitting, and the
//! thank-you screen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::i18n::{self, Msg};
use suara_domain::outbox::Status;
use suara_domain::response::Finish;
use suara_domain::{Answers, Endpoint, Locale, Response, Survey};

use super::export::{DeviceState, ExportPanel, OutboxTick};
use super::pages::{self, Forward};
use super::questions::QuestionView;
use super::{flag, focus_question, ids, say, show, shown, words, FormCtx};
use crate::io::{self, download, store};
use crate::outbox;

/// Where one person's response stands, as the message it shows (one signal
/// type with the export panel's message, so they share their code):
/// - `None`: answering;
/// - `Some(Msg::Sending)`: being stored;
/// - `Some(Msg::SaveFailed(why))`: could not be stored; the answers are
///   still on screen;
/// - `Some(msg)`, any other: stored (and perhaps sent), with `msg` to show.
type Phase = Option<Msg>;

/// Whether the response is stored and the thank-you shows.
fn is_done(phase: &Phase) -> bool {
    !matches!(phase, None | Some(Msg::Sending | Msg::SaveFailed(_)))
}

/// The survey's pages of questions, with submission and the device's
/// response store.
#[component]
pub fn SurveyForm(
    /// The survey to answer.
    survey: Arc<Survey>,
    /// Where and how to POST responses; none keeps them on the device.
    endpoint: Option<Arc<Endpoint>>,
    /// The locale asked for in the configuration.
    lang: Option<String>,
    /// Kiosk mode: one device for many people, so no draft is kept or resumed.
    kiosk: bool,
) -> impl IntoView {
    let ctx = FormCtx::new(survey.clone(), survey.pick_locale(lang.as_deref()));
    let (locale, answers) = (ctx.locale, ctx.answers);
    provide_context(ctx);
    let tick = OutboxTick(RwSignal::new(false));
    tick.listen();
    provide_context(tick);
    let phase = RwSignal::new(None::<Msg>);
    let done_heading = NodeRef::<leptos::html::H2>::new();
    // The id the response will have, made when the form starts, so a draft
    // and its finished response share it.
    let response_id = StoredValue::new(io::new_id());
    // Whether a draft from an earlier visit was put back (the note shows).
    let restored = RwSignal::new(false);

    if let Some(endpoint) = endpoint.clone() {
        start_sender(endpoint, tick);
    }
    let device = DeviceState {
        persistent: RwSignal::new(None),
        full: RwSignal::new(false),
    };
    provide_context(device);
    let (persistent, storage_full) = (device.persistent, device.full);
    // A finished response that could not be stored, offered as a download.
    let unsaved = StoredValue::new(None::<Response>);
    spawn_local(async move {
        let kept = store::persistence(false).await;
        persistent.set(Some(Msg::Persistent(kept)));
    });
    if !kiosk {
        keep_drafts(survey.clone(), response_id, restored, storage_full);
    }

    let on_submit = {
        let survey = survey.clone();
        let endpoint = endpoint.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if phase.get_untracked() == Some(Msg::Sending) {
                return;
            }
            // Enter in a field, or the button: "Next" until nothing is left.
            if !matches!(pages::forward(ctx), Forward::Submit) {
                return;
            }
            let now = io::now_rfc3339();
            let started = ctx
                .started_at
                .get_untracked()
                .unwrap_or_else(|| now.clone());
            let id = response_id.get_value();
            let finish = Finish {
                id: &id,
                locale: &locale.get_untracked(),
                started_at: &started,
                submitted_at: &now,
            };
            let response = match answers.with_untracked(|a| Response::finish(&survey, a, finish)) {
                Ok(r) => r,
                Err(problems) => {
                    // Only when something changed behind the person's back
                    // (a draft from another tab): back to its page.
                    if let Some((first, _)) = problems.first() {
                        ctx.show_all.set(true);
                        pages::go_to_question(ctx, first.clone());
                    }
                    return;
                }
            };
            phase.set(Some(Msg::Sending));
            let endpoint = endpoint.clone();
            spawn_local(async move {
                let id = response.id.clone();
                let record = store::Record::new(response, endpoint.is_some());
                if let Err(e) = store::finish(&record).await {
                    unsaved.set_value(Some(record.response));
                    storage_full.set(e == store::StoreError::Full);
                    phase.set(Some(Msg::SaveFailed(e.to_string())));
                    return;
                }
                unsaved.set_value(None);
                storage_full.set(false);
                restored.set(false);
                tick.bump();
                if persistent.get_untracked() != Some(Msg::Persistent(true)) {
                    spawn_local(async move {
                        let kept = store::persistence(true).await;
                        persistent.set(Some(Msg::Persistent(kept)));
                    });
                }
                // Stored: the person is done, whatever the network does next.
                phase.set(Some(match endpoint {
                    None => Msg::SavedLocal,
                    Some(_) => Msg::SavedSending,
                }));
                request_animation_frame(move || {
                    if let Some(h) = done_heading.get_untracked() {
                        let _ = h.focus();
                    }
                });
                let Some(endpoint) = endpoint else { return };
                let _ = outbox::flush(&endpoint, outbox::Flush::One(&id)).await;
                let sent = matches!(store::get(&id).await, Ok(Some(r)) if r.status == Status::Sent);
                tick.bump();
                // Unless the person has moved on to a new response.
                if response_id.get_value() == id {
                    phase.set(Some(if sent { Msg::Sent } else { Msg::SavedWillRetry }));
                }
                let _ = outbox::flush(&endpoint, outbox::Flush::Due).await;
                tick.bump();
            });
        }
    };

    let start_again = move |_| {
        response_id.set_value(io::new_id());
        restored.set(false);
        answers.set(Answers::new());
        ctx.touched.set(Vec::new());
        ctx.show_all.set(false);
        ctx.started_at.set(None);
        ctx.step.set(0);
        ctx.reviewed.set(Vec::new());
        phase.set(None);
        request_animation_frame(|| {
            if let Some(first) = document()
                .query_selector(".suara-form input, .suara-form textarea")
                .ok()
                .flatten()
            {
                use wasm_bindgen::JsCast;
                if let Ok(el) = first.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };

    let status = words(move || match phase.get() {
        None | Some(Msg::SaveFailed(_)) => String::new(),
        Some(m) => ctx.msg(&m),
    });
    let title = survey.title.clone();
    let description = survey.description.clone();
    let pages = survey
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let title = pages::page_heading(ctx, i, page.title.clone().map(|t| show(ctx, t)));
            let questions = page
                .questions
                .iter()
                .map(|q| {
                    let view = view! { <QuestionView question=q.clone() /> }.into_any();
                    match q.show_if {
                        // Hidden, not removed: an answer typed before it hid
                        // comes back with it (it is never exported while hidden).
                        Some(_) => {
                            let id = q.id.clone();
                            view! { <div class="suara-shown-if" hidden=flag(move || ctx.is_hidden(&id))>{view}</div> }.into_any()
                        }
                        None => view,
                    }
                })
                .collect::<super::Items>();
            let page_hidden = flag(move || ctx.step.get() != i);
            view! { <section class="suara-page" id=format!("suara-page-{}", page.id) hidden=page_hidden>{title} {questions}</section> }
        })
        .map(IntoAny::into_any).collect::<super::Items>();

    view! {
        <div
            class="suara-survey"
            // The language of the widget's own words: every survey text
            // carries its own `lang` (see `show`), so in a language the
            // widget does not speak, its English words are marked English.
            lang=words(move || {
                let locale = locale.get();
                match i18n::words_language(&locale) {
                    ours if ours == locale.language() => locale.to_string(),
                    ours => ours.to_owned(),
                }
            })
            dir=words(move || if locale.get().is_rtl() { "rtl" } else { "ltr" }.to_owned())
        >
            <LanguageSwitcher />
            <h1 class="suara-survey__title">{show(ctx, title)}</h1>
            {description.map(|d| view! { <p class="suara-survey__description">{show(ctx, d)}</p> }.into_any())}
            <p class="suara-status" role="status">{status}</p>
            // Always there, shown or hidden: were it rebuilt when the message
            // changes (saved, then sent), the focus on its heading would be lost.
            <div class="suara-done" hidden=flag(move || !phase.with(is_done))>
                <h2 class="suara-done__title" tabindex="-1" node_ref=done_heading>{say(ctx, Msg::ThankYou)}</h2>
                <button type="button" class="suara-button suara-button--primary" on:click=start_again>
                    {say(ctx, Msg::NewResponse)}
                </button>
            </div>
            <form
                class="suara-form"
                novalidate
                on:submit=on_submit
                hidden=flag(move || phase.with(is_done))
            >
                <ErrorSummary />
                {shown(move || restored.get().then(|| view! {
                    <p class="suara-restored" role="status">
                        {say(ctx, Msg::DraftRestored)} " "
                        <button type="button" class="suara-button" on:click=start_again>{say(ctx, Msg::StartOver)}</button>
                    </p>
                }.into_any()))}
                {shown(move || match phase.get() {
                    Some(Msg::SaveFailed(why)) => {
                        Some(view! {
                            <div class="suara-save-error" role="alert">
                                <p>{ctx.msg(&Msg::SaveFailed(why))}</p>
                                <button type="button" class="suara-button" on:click=move |_| {
                                    if let Some(r) = unsaved.get_value() {
                                        let _ = download::save(&format!("suara-response-{}.json", r.id), "application/json", &r.to_json());
                                    }
                                }>{say(ctx, Msg::DownloadResponse)}</button>
                            </div>
                        }.into_any())
                    }
                    _ => None,
                })}
                {pages::progress_bar(ctx)}
                {pages}
                {pages::review(ctx)}
                <div class="suara-nav">
                    {pages::back_button(ctx)}
                    <button type="submit" class="suara-button suara-button--primary" aria-disabled=words(move || (phase.get() == Some(Msg::Sending)).to_string())>
                        {words(move || ctx.msg(match phase.get() {
                            Some(Msg::Sending) => &Msg::Sending,
                            _ if pages::submits_here(ctx) => &Msg::Submit,
                            _ => &Msg::Next,
                        }))}
                    </button>
                </div>
            </form>
            <ExportPanel survey=survey.clone() endpoint />
        </div>
    }
}

/// Keeps a draft of the answers on every change, and puts back the draft an
/// earlier visit left (after a reload, a crash or a closed tab) unless its
/// response was finished meanwhile.
fn keep_drafts(
    survey: Arc<Survey>,
    response_id: StoredValue<String>,
    restored: RwSignal<bool>,
    full: RwSignal<bool>,
) {
    let ctx = expect_context::<FormCtx>();
    // Nothing is written until the earlier draft has been read: an empty
    // form must not overwrite it.
    let ready = std::rc::Rc::new(std::cell::Cell::new(false));
    // One draft write at a time, and only the newest draft waits for the
    // next: after fast typing on a slow disk the last words are written
    // next, not after a queue of one write per keystroke.
    let newest = std::rc::Rc::new(std::cell::RefCell::new(None::<Response>));
    let write_newest = {
        let (ready, newest) = (ready.clone(), newest.clone());
        let writing = std::rc::Rc::new(std::cell::Cell::new(false));
        std::rc::Rc::new(move || {
            if !ready.get() || writing.replace(true) {
                return;
            }
            let (newest, writing) = (newest.clone(), writing.clone());
            spawn_local(async move {
                loop {
                    let next = newest.borrow_mut().take();
                    let Some(draft) = next else { break };
                    if let Err(e) = store::put_draft(&draft).await {
                        full.set(e == store::StoreError::Full);
                    }
                }
                writing.set(false);
            });
        })
    };
    {
        let (newest, write_newest, survey) = (newest.clone(), write_newest.clone(), survey.clone());
        Effect::new(move |_| {
            let draft = Response {
                id: response_id.get_value(),
                survey_id: survey.id.clone(),
                survey_version: survey.version.clone(),
                locale: ctx.locale.get().to_string(),
                started_at: ctx.started_at.get().unwrap_or_default(),
                submitted_at: String::new(),
                answers: ctx.answers.get(),
            };
            *newest.borrow_mut() = Some(draft);
            write_newest();
        });
    }
    spawn_local(async move {
        if let Ok(Some(d)) = store::get_draft(&survey.id).await {
            let finished = matches!(store::get(&d.id).await, Ok(Some(_)));
            if !finished && !d.answers.is_empty() && ctx.answers.with_untracked(Answers::is_empty) {
                response_id.set_value(d.id);
                ctx.locale.set(survey.pick_locale(Some(&d.locale)));
                ctx.started_at
                    .set(Some(d.started_at).filter(|s| !s.is_empty()));
                ctx.answers.set(d.answers);
                // Back on the last page the person had answered something on.
                let answered = ctx.answers.with_untracked(|a| {
                    pages::visible_pages(ctx).into_iter().rev().find(|&p| {
                        survey.pages[p]
                            .questions
                            .iter()
                            .any(|q| a.get(&q.id).is_some_and(|v| v.is_answered()))
                    })
                });
                ctx.step.set(answered.unwrap_or(0));
                restored.set(true);
            }
        }
        ready.set(true);
        // Answers given while the earlier draft was being read waited in
        // `newest`: write them now, not at the next change. (A restored
        // draft is written by the change it makes.)
        let typed = newest
            .borrow()
            .as_ref()
            .is_some_and(|d| !d.answers.is_empty());
        if typed && !restored.get_untracked() {
            write_newest();
        }
    });
}

/// Keeps sending: now, whenever the browser comes back online or the page
/// becomes visible, and every 30 seconds.
fn start_sender(endpoint: Arc<Endpoint>, tick: OutboxTick) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let run = move |what: outbox::Flush<'static>| {
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let _ = outbox::flush(&endpoint, what).await;
            tick.bump();
        });
    };
    run(outbox::Flush::Due);
    let Some(window) = web_sys::window() else {
        return;
    };
    let due = {
        let run = run.clone();
        Closure::<dyn Fn()>::new(move || run(outbox::Flush::Due))
    };
    let f: &js_sys::Function = due.as_ref().unchecked_ref();
    let _ = document().add_event_listener_with_callback("visibilitychange", f);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(f, 30_000);
    due.forget();
    let online = Closure::<dyn Fn()>::new(move || run(outbox::Flush::Online));
    let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
    online.forget();
}

/// The list of every problem, shown after a submit attempt, each linking to
/// its question.
#[component]
fn ErrorSummary() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    shown(move || {
        // The current page's problems.
        let step = ctx.step.get();
        let mut problems = ctx.errors.get();
        problems.retain(|(q, _)| pages::page_of(ctx, q) == step);
        (ctx.show_all.get() && !problems.is_empty()).then(|| {
            let items = problems
                .iter()
                .map(|(qid, err)| {
                    let label = ctx.survey.with_value(|s| s.question(qid).map(|q| q.label.clone()));
                    let target = qid.clone();
                    let (label, lang) = match label {
                        Some(l) => (ctx.tr(&l), ctx.text_lang(&l)),
                        None => (qid.clone(), String::new()),
                    };
                    let message = format!(" — {}", ctx.msg(&Msg::Answer(err.clone())));
                    view! {
                        <li>
                            <a
                                href=format!("#{}", ids::input(qid))
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_question(&target);
                                }
                            >
                                <span lang=lang>{label}</span>
                                {message}
                            </a>
                        </li>
                    }
                })
                .map(IntoAny::into_any).collect::<super::Items>();
            view! {
                <div class="suara-summary" role="alert">
                    <h2 class="suara-summary__title">{ctx.msg(&Msg::ErrorSummary(problems.len()))}</h2>
                    <ul>{items}</ul>
                </div>
            }
            .into_any()
        })
    })
}

/// A labelled select of the survey's languages, when it has more than one.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let locales: Vec<Locale> = ctx.survey.with_value(|s| s.locales.clone());
    (locales.len() > 1).then(|| {
        let options = locales
            .into_iter()
            .map(|l| {
                let code = l.to_string();
                let selected = {
                    let l = l.clone();
                    flag(move || ctx.locale.get() == l)
                };
                view! { <option value=code.clone() lang=code selected=selected>{i18n::language_name(&l)}</option> }
            })
            .map(IntoAny::into_any).collect::<super::Items>();
        view! {
            <div class="suara-language">
                <label for="suara-language">{say(ctx, Msg::Language)}</label>
                <select
                    id="suara-language"
                    class="suara-select"
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        let picked = ctx.survey.with_value(|s| s.pick_locale(Some(&code)));
                        ctx.locale.set(picked);
                    }
                >
                    {options}
                </select>
            </div>
        }
        .into_any()
    })
}
