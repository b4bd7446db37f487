//! Answering a survey: the questions, the error summary, submitting, and the
//! thank-you screen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::bank;
use suara_domain::hidden::Hidden;
use suara_domain::i18n::{self, Msg};
use suara_domain::journey::{self, Journey};
use suara_domain::outbox::{Flush, Status};
use suara_domain::{Endpoint, Locale, Response, Survey};

use super::pages;
use super::questions::QuestionView;
use super::{flag, focus_question, ids, say, show, shown, words, FormCtx, Host};
use crate::io::{self, channel, download, drafts, store};
use crate::outbox;
use wasm_bindgen::JsValue;

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
    /// Where the widget lives on the page.
    host: Host,
    /// The survey's hidden fields' values, recorded in every response.
    hidden: Hidden,
) -> impl IntoView {
    let hidden = StoredValue::new(hidden);
    let first = Journey::new(io::new_id(), survey.pick_locale(lang.as_deref()));
    let draft_key = host.draft_key(&survey.id);
    let ctx = FormCtx::new(survey.clone(), first, host);
    let (locale, journey) = (ctx.locale, ctx.journey);
    provide_context(ctx);
    tell_pages(ctx);
    let phase = RwSignal::new(None::<Msg>);
    let done_heading = NodeRef::<leptos::html::H2>::new();
    // Whether a draft from an earlier visit was put back (the note shows).
    let restored = RwSignal::new(false);

    if let Some(endpoint) = endpoint
        .clone()
        .filter(|_| !(kiosk && super::KIOSK_SENDS.get()))
    {
        start_sender(ctx, endpoint);
    }
    // Whether the browser promised to keep this origin's storage; asked for
    // once a response is stored (Firefox asks the person, so not before).
    let persistent = StoredValue::new(false);
    // A finished response that could not be stored, offered as a download.
    let unsaved = StoredValue::new(None::<Response>);
    if !kiosk {
        keep_drafts(survey.clone(), draft_key.clone(), restored);
    } else {
        super::KIOSK_PERSON.set(Some(ctx));
    }

    let on_submit = {
        let endpoint = endpoint.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if phase.get_untracked() == Some(Msg::Sending) {
                return;
            }
            // Enter in a field, or the button: "Next" until nothing is left.
            let now = io::now_rfc3339();
            let mut response = match ctx.act(|j, s| j.submit(s, &now)) {
                Ok(r) => r,
                Err(moved) => return pages::focus_after(ctx, moved),
            };
            response.hidden = hidden.get_value();
            phase.set(Some(Msg::Sending));
            let endpoint = endpoint.clone();
            let draft_key = draft_key.clone();
            spawn_local(async move {
                let id = response.id.clone();
                let record =
                    store::Record::new(response, endpoint.as_deref().map(|e| e.url.as_str()));
                let stored = store::finish(&record, &draft_key).await;
                // The widget may have been unmounted meanwhile: what was
                // stored stays, and nothing is shown.
                if !ctx.alive() {
                    return;
                }
                if let Err(e) = stored {
                    unsaved.set_value(Some(record.response));
                    phase.set(Some(Msg::SaveFailed(e.to_string())));
                    return;
                }
                unsaved.set_value(None);
                restored.set(false);
                channel::tell();
                ctx.host
                    .with_value(|h| h.tell("suara:submitted", &[("id", id.as_str().into())]));
                if !persistent.get_value() {
                    spawn_local(async move {
                        let kept = store::persistence(true).await;
                        let _ = persistent.try_set_value(kept);
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
                let _ = outbox::flush(&endpoint, Flush::One(&id), &told(ctx)).await;
                let sent = matches!(store::get(&id).await, Ok(Some(r)) if r.status == Status::Sent);
                if !ctx.alive() {
                    return;
                }
                channel::tell();
                // Unless the person has moved on to a new response.
                if journey.with_untracked(|j| j.id == id) {
                    phase.set(Some(if sent { Msg::Sent } else { Msg::SavedWillRetry }));
                }
                let _ = outbox::flush(&endpoint, Flush::Due, &told(ctx)).await;
                channel::tell();
            });
        }
    };

    // The next person (or this one, afresh): a new journey with a new id,
    // and nothing of the last one kept.
    let start_again = move |_| {
        let next = Journey::new(io::new_id(), locale.get_untracked());
        journey.set(next);
        unsaved.set_value(None);
        restored.set(false);
        phase.set(None);
        request_animation_frame(move || {
            if let Some(first) = ctx
                .host
                .with_value(|h| h.query(".suara-form input, .suara-form textarea"))
            {
                let _ = first.focus();
            }
        });
    };

    let status = words(move || match phase.get() {
        None | Some(Msg::SaveFailed(_)) => String::new(),
        Some(m) => ctx.msg(&m),
    });
    let title = survey.title.clone();
    let description = survey.description.clone();
    // The author's closing words, else the widget's own.
    let thanks = match survey.thanks.clone() {
        Some(t) => show(ctx, t).into_any(),
        None => say(ctx, Msg::ThankYou).into_any(),
    };
    let again = survey.start_again.then(|| {
        view! {
            <button type="button" class="suara-button suara-button--primary" on:click=start_again>
                {say(ctx, Msg::NewResponse)}
            </button>
        }
    });
    let pages = survey
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let title = pages::page_heading(ctx, i, page.title.clone().map(|t| show(ctx, t)));
            // A page's questions are built when it first shows, and kept
            // after: the first question does not wait for every page of
            // a long survey to be built.
            let seen = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || ctx.step() == i);
            let page_questions = page.questions.clone();
            let wg_intro = survey.inclusion.as_ref().map(|i| i.wg_intro.clone());
            let questions = shown(move || seen.get().then(|| {
                let mut items = super::Items::new();
                let mut wg = super::Items::new();
                for q in &page_questions {
                    let view = view! { <QuestionView question=q.clone() /> }.into_any();
                    let view = match q.show_if {
                        // Hidden, not removed: an answer typed before it hid
                        // comes back with it (it is never exported while hidden).
                        Some(_) => {
                            let id = q.id.clone();
                            view! { <div class="suara-shown-if" hidden=flag(move || ctx.is_hidden(&id))>{view}</div> }.into_any()
                        }
                        None => view,
                    };
                    if bank::WG.contains(&q.id.as_str()) {
                        if wg.is_empty() {
                            wg.push(wg_head(ctx, q, wg_intro.clone()));
                        }
                        wg.push(view);
                        continue;
                    }
                    wg_group(&mut items, &mut wg);
                    items.push(view);
                }
                wg_group(&mut items, &mut wg);
                items.into_any()
            }));
            let page_hidden = flag(move || ctx.step() != i);
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
            // Always there, shown or hidden: were it rebuilt when the message
            // changes (saved, then sent), the focus on its heading would be lost.
            <div class="suara-done" hidden=flag(move || !phase.with(is_done))>
                <h2 class="suara-done__title" tabindex="-1" node_ref=done_heading>{thanks}</h2>
            </div>
            // Below the thank-you: what became of the response ("sending",
            // "sent"); also while it is being stored, above the form.
            <p class="suara-status" role="status">{status}</p>
            <div class="suara-done__again" hidden=flag(move || !phase.with(is_done))>{again}</div>
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
        </div>
    }
}

/// The Washington Group's six questions as one group: one matrix-like
/// table on a wide screen, one question a screen on a phone (the layout
/// is the stylesheet's, `.suara-wg`).
fn wg_group(items: &mut super::Items, wg: &mut super::Items) {
    if wg.is_empty() {
        return;
    }
    let group = std::mem::take(wg);
    items.push(view! { <div class="suara-wg">{group}</div> }.into_any());
}

/// Before the first of the six: the Washington Group's introduction, and
/// the answers' headings of the wide layout (hidden from screen readers:
/// each answer keeps its own label), hidden with that question.
fn wg_head(
    ctx: FormCtx,
    first: &suara_domain::Question,
    intro: Option<suara_domain::Text>,
) -> AnyView {
    let headings = first
        .kind
        .choices()
        .map(|(options, _)| {
            options
                .iter()
                .map(|o| view! { <span>{show(ctx, o.label.clone())}</span> }.into_any())
                .collect::<super::Items>()
        })
        .unwrap_or_default();
    let id = first.id.clone();
    view! {
        <div class="suara-wg__head" hidden=flag(move || ctx.is_hidden(&id))>
            {intro.map(|t| view! { <p class="suara-wg__intro">{show(ctx, t)}</p> }.into_any())}
            <div class="suara-wg__headings" aria-hidden="true"><div>{headings}</div></div>
        </div>
    }
    .into_any()
}

/// Keeps a draft of the answers on every change, and puts back the draft an
/// earlier visit left (after a reload, a crash or a closed tab) unless its
/// response was finished meanwhile.
fn keep_drafts(survey: Arc<Survey>, key: String, restored: RwSignal<bool>) {
    let ctx = expect_context::<FormCtx>();
    let writer = drafts::Writer::new(key.clone());
    {
        let (writer, survey) = (writer.clone(), survey.clone());
        Effect::new(move |_| writer.offer(ctx.journey.with(|j| j.draft(&survey))));
    }
    spawn_local(async move {
        let draft = store::get_draft(&key).await;
        if !ctx.alive() {
            return;
        }
        if let Ok(Some(d)) = draft {
            let finished = matches!(store::get(&d.id).await, Ok(Some(_)));
            if !ctx.alive() {
                return;
            }
            let fresh = ctx.journey.with_untracked(|j| j.answers.is_empty());
            if !finished && !d.answers.is_empty() && fresh {
                ctx.journey.set(Journey::resume(&survey, d));
                restored.set(true);
            }
        }
        // Answers given while the earlier draft was being read waited: write
        // them now, not at the next change. (A restored draft is written by
        // the change it makes.)
        writer.ready(!restored.get_untracked());
    });
}

/// Keeps sending: now, whenever the browser comes back online or the page
/// becomes visible, and every 30 seconds.
fn start_sender(ctx: FormCtx, endpoint: Arc<Endpoint>) {
    let run = move |what: Flush<'static>| {
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let _ = outbox::flush(&endpoint, what, &told(ctx)).await;
            channel::tell();
        });
    };
    run(Flush::Due);
    // Owned by the widget's reactive owner: dropped, so stopped, with the
    // widget (`unmount`).
    StoredValue::new_local(io::timers::keep_sending(run));
}

/// Tells the page of each response this widget's sender sent
/// (`suara:sent`).
fn told(ctx: FormCtx) -> impl Fn(&str) {
    move |id: &str| {
        let _ = ctx
            .host
            .try_with_value(|h| h.tell("suara:sent", &[("id", id.into())]));
    }
}

/// Tells the page which step shows (`suara:page`): a page's id and its
/// number as the person counts them, or the review.
fn tell_pages(ctx: FormCtx) {
    // A memo, so that answers (which change the journey) tell nothing: only
    // a move to another page, or a page count that show-if changed.
    let at = Memo::new(move |_| {
        let step = ctx.step();
        ctx.hidden.with(|h| {
            ctx.survey.with_value(|s| {
                let page = s.pages.get(step).map(|p| p.id.clone());
                let number = page.as_ref().map(|_| journey::page_number(s, h, step).0);
                (page, number)
            })
        })
    });
    Effect::new(move |_| {
        let (page, number) = at.get();
        let review = page.is_none();
        ctx.host.with_value(|h| {
            h.tell(
                "suara:page",
                &[
                    (
                        "page",
                        page.as_deref().map_or(JsValue::NULL, JsValue::from_str),
                    ),
                    (
                        "number",
                        number.map_or(JsValue::NULL, |n| JsValue::from(n as u32)),
                    ),
                    ("review", review.into()),
                ],
            )
        });
    });
}

/// The list of every problem, shown after a submit attempt, each linking to
/// its question.
#[component]
fn ErrorSummary() -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    shown(move || {
        // The current page's problems.
        let step = ctx.step();
        let mut problems = ctx.errors.get();
        ctx.survey
            .with_value(|s| problems.retain(|(q, _)| journey::page_of(s, q) == step));
        let show_all = ctx.journey.with(|j| j.show_all);
        (show_all && !problems.is_empty()).then(|| {
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
                                    focus_question(ctx, &target);
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
                        ctx.act(|j, s| j.locale = s.pick_locale(Some(&code)));
                    }
                >
                    {options}
                </select>
            </div>
        }
        .into_any()
    })
}
