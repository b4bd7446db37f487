//! Leptos components. They wire signals to domain functions and io
//! adapters and hold no business rules of their own.

pub mod app;
pub mod dashboard;
pub mod form;
pub mod host;
pub mod kiosk;
pub mod organiser;
pub mod pages;
pub mod questions;

use std::sync::Arc;

use leptos::prelude::*;
use suara_domain::i18n::{self, Msg};
use suara_domain::journey::Journey;
use suara_domain::{AnswerError, AnswerValue, Locale, Survey, Text};

pub use host::Host;

/// What every question component needs from its form, as one copyable
/// context value: the survey, the person's [`Journey`] (one signal, so
/// dropping it forgets the person), and what is derived from it.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub survey: StoredValue<Arc<Survey>>,
    /// Everything about the person answering; the domain decides every
    /// move (see [`Journey`]), the views only draw it.
    pub journey: RwSignal<Journey>,
    /// The journey's language, apart: most texts follow it, and they need
    /// not run again on every keystroke.
    pub locale: Memo<Locale>,
    /// Every current problem, by question id in survey order, whether shown
    /// yet or not; never one of a hidden question.
    pub errors: Memo<Vec<(String, AnswerError)>>,
    /// The questions their own or their page's `show_if` hides now.
    pub hidden: Memo<Vec<String>>,
    /// Where this widget lives on the page: its element lookups, focus
    /// and events stay within it (several widgets may share a page).
    pub host: StoredValue<Host, LocalStorage>,
}

impl FormCtx {
    /// A form for `survey` in the widget at `host`, following `journey`.
    pub fn new(survey: Arc<Survey>, journey: Journey, host: Host) -> FormCtx {
        let journey = RwSignal::new(journey);
        let hidden = {
            let survey = survey.clone();
            Memo::new(move |_| journey.with(|j| j.hidden(&survey)))
        };
        let errors = {
            let survey = survey.clone();
            Memo::new(move |_| journey.with(|j| j.errors(&survey)))
        };
        FormCtx {
            survey: StoredValue::new(survey),
            journey,
            locale: Memo::new(move |_| journey.with(|j| j.locale.clone())),
            errors,
            hidden,
            host: StoredValue::new_local(host),
        }
    }

    /// Whether the widget is still mounted: after an `await`, a task of an
    /// unmounted widget must touch none of its signals.
    pub fn alive(&self) -> bool {
        self.host.try_with_value(|_| ()).is_some()
    }

    /// The element of this widget with id `id`, if it is there.
    pub fn find(&self, id: &str) -> Option<web_sys::HtmlElement> {
        self.host.with_value(|h| h.find(id))
    }

    /// The page showing, by index; one past the last page is the review
    /// (reactive).
    pub fn step(&self) -> usize {
        self.journey.with(|j| j.step)
    }

    /// Runs `f` on the journey and the survey, and tells the views.
    pub fn act<T>(&self, f: impl FnOnce(&mut Journey, &Survey) -> T) -> T {
        let survey = self.survey.get_value();
        self.journey
            .try_update(|j| f(j, &survey))
            .expect("the journey lives as long as its form")
    }

    /// The error to show next to question `id`, if any (reactive).
    pub fn shown_error(&self, id: &str) -> Option<AnswerError> {
        self.journey
            .with(|j| self.errors.with(|e| j.shown_error(id, e).cloned()))
    }

    /// Whether question `id` is hidden by `show_if` now (reactive).
    pub fn is_hidden(&self, id: &str) -> bool {
        self.hidden.with(|h| h.iter().any(|h| h == id))
    }

    /// The answer under `key` (reactive).
    pub fn answer(&self, key: &str) -> Option<AnswerValue> {
        self.journey.with(|j| j.answers.get(key).cloned())
    }

    /// The answer under `key`, without following it.
    pub fn answer_untracked(&self, key: &str) -> Option<AnswerValue> {
        self.journey.with_untracked(|j| j.answers.get(key).cloned())
    }

    /// Sets or clears the answer under `key`.
    pub fn set(&self, key: &str, value: Option<AnswerValue>) {
        let now = crate::io::now_rfc3339();
        self.journey.update(|j| j.answer(key, value, &now));
    }

    /// Marks question `id` as left by the person, so its error shows.
    pub fn touch(&self, id: &str) {
        if !self
            .journey
            .with_untracked(|j| j.touched.iter().any(|t| t == id))
        {
            self.journey.update(|j| j.leave(id));
        }
    }

    /// The widget's own words in the current language (reactive).
    pub fn msg(&self, msg: &Msg) -> String {
        i18n::text(&self.locale.get(), msg)
    }

    /// The language `text` shows in (reactive): the current one, or the
    /// survey's default where the text has no translation.
    pub fn text_lang(&self, text: &Text) -> String {
        let locale = self.locale.get();
        self.survey.with_value(|s| {
            if text.has(&locale) {
                &locale
            } else {
                &s.default_locale
            }
            .to_string()
        })
    }

    /// Survey text in the current language (reactive), with the earlier
    /// answers it pipes in (`{id}`). Only such a text follows the answers.
    pub fn tr(&self, text: &Text) -> String {
        let locale = self.locale.get();
        let words = self.survey.with_value(|s| s.tr(text, &locale).to_owned());
        if !words.contains('{') {
            return words;
        }
        self.journey.with(|j| {
            self.hidden.with(|h| {
                self.survey
                    .with_value(|s| suara_domain::review::pipe(s, &words, &j.answers, h, &locale))
            })
        })
    }
}

thread_local! {
    /// Where a kiosk (`kiosk.html`) finds the person answering: a kiosk's
    /// form puts its [`FormCtx`] here (handles, not the person's data), so
    /// that a reset can keep their unfinished answers (`partial=keep`)
    /// before the form, and the person, are dropped whole. A plain cell
    /// rather than a context: it costs the respondent's page nothing.
    pub static KIOSK_PERSON: std::cell::Cell<Option<FormCtx>> = const { std::cell::Cell::new(None) };
    /// Set on the kiosk's page, which keeps one sender for the whole page
    /// (between people too), so a person's form starts none of its own.
    pub static KIOSK_SENDS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reactive text: a boxed closure, so that every piece of reactive text in
/// the views has this one type and its rendering code is generated once
/// instead of once per closure: a real saving in the bundle.
pub type Words = Box<dyn Fn() -> String + Send + Sync>;

/// Reactive text computed by `f`, as [`Words`].
pub fn words(f: impl Fn() -> String + Send + Sync + 'static) -> Words {
    Box::new(f)
}

/// A reactive yes/no (a checked box, a selected option), boxed like
/// [`Words`] so that every one shares its rendering code.
pub type Flag = Box<dyn Fn() -> bool + Send + Sync>;

/// A reactive yes/no computed by `f`, as [`Flag`].
pub fn flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Flag {
    Box::new(f)
}

/// A part of a view that comes and goes, boxed like [`Words`] so that every
/// one shares its rendering code.
pub type Shown = Box<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// A part of a view that `f` shows or not, as [`Shown`].
pub fn shown(f: impl Fn() -> Option<AnyView> + Send + Sync + 'static) -> Shown {
    Box::new(f)
}

/// A list of views, each erased to `AnyView` first (`.map(IntoAny::into_any)`),
/// so that every list in the widget has this one type and the list rendering
/// code is generated once instead of once per item type: about 2.7 KB gzip.
pub type Items = Vec<AnyView>;

/// The widget's words for `msg`, following the language.
pub fn say(ctx: FormCtx, msg: Msg) -> Words {
    words(move || ctx.msg(&msg))
}

/// Survey text in the current language, marked with the language it is in:
/// a text with no translation shows in the survey's default language, and
/// says so to screen readers and spell checkers rather than pass silently.
pub fn show(ctx: FormCtx, text: Text) -> AnyView {
    let lang = text.clone();
    view! { <span lang=words(move || ctx.text_lang(&lang))>{words(move || ctx.tr(&text))}</span> }
        .into_any()
}

/// Element ids derived from a question id, shared by its component, the
/// error summary and focus handling.
pub mod ids {
    /// The question's input (or its fieldset for a group).
    pub fn input(question: &str) -> String {
        format!("suara-q-{question}")
    }
    pub fn help(question: &str) -> String {
        format!("suara-q-{question}-help")
    }
    pub fn error(question: &str) -> String {
        format!("suara-q-{question}-error")
    }
}

/// Moves keyboard focus to question `id`: its input, or the first control
/// of its group (a ranking's first is a button).
pub fn focus_question(ctx: FormCtx, id: &str) {
    use wasm_bindgen::JsCast;
    let Some(el) = ctx.find(&ids::input(id)) else {
        return;
    };
    let target = if el.tag_name().eq_ignore_ascii_case("fieldset") {
        // The chosen answer, else the first control (one selector list
        // would give whichever comes first in the document).
        let find = |sel: &str| el.query_selector(sel).ok().flatten();
        find("input:checked").or_else(|| find("input, button:enabled"))
    } else {
        Some(el.into())
    };
    if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = t.focus();
        t.scroll_into_view_with_bool(false);
    }
}
