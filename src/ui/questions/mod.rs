//! One component per question kind, and the pieces they share.

mod choice;
mod consent;
mod dropdown;
mod group;
mod input;
mod matrix;
mod ranking;
mod scale;
mod text;

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::{Question, QuestionKind};

use super::{ids, say, show, shown, words, FormCtx, Words};

pub use choice::ChoiceQuestion;
pub use consent::ConsentQuestion;
pub use dropdown::DropdownQuestion;
pub use group::GroupQuestion;
pub use input::InputQuestion;
pub use matrix::MatrixQuestion;
pub use ranking::RankingQuestion;
pub use scale::ScaleQuestion;
pub use text::TextQuestion;

/// Renders `question` with the component for its kind.
#[component]
pub fn QuestionView(
    /// The question to ask.
    question: Question,
) -> impl IntoView {
    match &question.kind {
        QuestionKind::SingleChoice { .. } | QuestionKind::MultiChoice { .. } => {
            view! { <ChoiceQuestion question /> }.into_any()
        }
        QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {
            view! { <TextQuestion question /> }.into_any()
        }
        QuestionKind::Rating { .. } | QuestionKind::Nps => {
            view! { <ScaleQuestion question /> }.into_any()
        }
        QuestionKind::Consent { .. } => view! { <ConsentQuestion question /> }.into_any(),
        QuestionKind::YesNo | QuestionKind::Likert { .. } | QuestionKind::Smiley { .. } => {
            view! { <GroupQuestion question /> }.into_any()
        }
        QuestionKind::Dropdown { .. } => view! { <DropdownQuestion question /> }.into_any(),
        QuestionKind::Number { .. } | QuestionKind::Date { .. } => {
            view! { <InputQuestion question /> }.into_any()
        }
        QuestionKind::Matrix { .. } => view! { <MatrixQuestion question /> }.into_any(),
        QuestionKind::Ranking { .. } => view! { <RankingQuestion question /> }.into_any(),
    }
}

/// A question answered within a group (options, a scale, faces, a
/// matrix's rows, a ranking's places): the
/// fieldset with the question as its legend, its help and error, then
/// `body`. `extra` are more ids for `aria-describedby` (a scale's anchors).
fn fieldset(ctx: FormCtx, question: &Question, extra: &[String], body: AnyView) -> AnyView {
    let qid = question.id.clone();
    view! {
        <fieldset
            class=classes(ctx, question)
            id=ids::input(&qid)
            aria-describedby=described_by(ctx, question, extra)
            on:focusout=on_leave(ctx, qid.clone())
        >
            <legend class="suara-question__label">{label_content(ctx, question)}</legend>
            {help_and_error(ctx, question)}
            {body}
        </fieldset>
    }
    .into_any()
}

/// The question's label text with its "(required)" marker.
fn label_content(ctx: FormCtx, q: &Question) -> impl IntoView {
    let label = q.label.clone();
    let required = q.required;
    view! {
        <span class="suara-question__label-text">{show(ctx, label)}</span>
        {required.then(|| view! { " " <span class="suara-question__required">{say(ctx, Msg::RequiredMarker)}</span> }.into_any())}
    }
}

/// The help text and the error message, each with the id its input's
/// `aria-describedby` points at.
fn help_and_error(ctx: FormCtx, q: &Question) -> impl IntoView {
    let id = q.id.clone();
    let help = q.help.clone().map(|help| {
        let help_id = ids::help(&q.id);
        view! { <p class="suara-question__help" id=help_id>{show(ctx, help)}</p> }.into_any()
    });
    let error = shown(move || {
        ctx.shown_error(&id).map(|e| {
            view! {
                <p class="suara-question__error" id=ids::error(&id)>
                    <span aria-hidden="true">"⚠ "</span>
                    {ctx.msg(&Msg::Answer(e))}
                </p>
            }
            .into_any()
        })
    });
    (help, error)
}

/// The `aria-describedby` value: help and, while shown, the error (reactive).
fn described_by(ctx: FormCtx, q: &Question, extra: &[String]) -> Words {
    let id = q.id.clone();
    let mut base: Vec<String> = q
        .help
        .as_ref()
        .map(|_| ids::help(&q.id))
        .into_iter()
        .collect();
    base.extend(extra.iter().cloned());
    words(move || {
        let mut all = base.clone();
        if ctx.shown_error(&id).is_some() {
            all.push(ids::error(&id));
        }
        all.join(" ")
    })
}

/// The `aria-invalid` value: whether the question's error shows (reactive).
fn invalid(ctx: FormCtx, id: String) -> Words {
    words(move || ctx.shown_error(&id).is_some().to_string())
}

/// The question wrapper's classes, with the invalid modifier while an error shows.
fn classes(ctx: FormCtx, q: &Question) -> Words {
    let id = q.id.clone();
    let kind = q.kind.name();
    words(move || {
        let invalid = if ctx.shown_error(&id).is_some() {
            " suara-question--invalid"
        } else {
            ""
        };
        format!("suara-question suara-question--{kind}{invalid}")
    })
}

/// A focusout handler that marks the question touched once focus leaves the
/// whole question (not when it moves between its own options).
///
/// When focus goes to no element at all, as it does the moment a person
/// presses on a label (a star, an option's text), the decision waits for
/// the next element to take focus: pressing a label inside the question
/// must not count as leaving it, or its error would appear above the
/// options and move them under the finger before the press ends.
fn on_leave(ctx: FormCtx, id: String) -> impl FnMut(web_sys::FocusEvent) + 'static {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    move |ev: web_sys::FocusEvent| {
        let Some(container) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        else {
            return;
        };
        let next = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // "Next", "Back" or "Submit": they check the page themselves. An
        // error shown now would move the button away from under the
        // pointer between press and release, and the click would be lost.
        let to_nav = next
            .as_ref()
            .and_then(|n| n.dyn_ref::<web_sys::Element>())
            .is_some_and(|e| e.closest(".suara-nav").ok().flatten().is_some());
        match next {
            Some(n) if container.contains(Some(&n)) => {}
            Some(_) if to_nav => {}
            Some(_) => ctx.touch(&id),
            None => {
                let id = id.clone();
                let later = Closure::once_into_js(move |ev: web_sys::FocusEvent| {
                    let landed = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                    if !landed.is_some_and(|n| container.contains(Some(&n))) {
                        ctx.touch(&id);
                    }
                });
                let options = web_sys::AddEventListenerOptions::new();
                options.set_once(true);
                // On this widget's own root (a shadow root's events reach the
                // document retargeted to its host).
                let root = ctx.host.with_value(|h| h.root.clone());
                let _ = root.add_event_listener_with_callback_and_add_event_listener_options(
                    "focusin",
                    later.unchecked_ref(),
                    &options,
                );
            }
        }
    }
}
