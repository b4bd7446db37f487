//! A drop-down list: a native `<select>` with a label.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::{classes, described_by, help_and_error, invalid, label_content, on_leave};
use crate::ui::{flag, ids, say, words, FormCtx, Items};

/// A labelled `<select>` whose first, empty entry is the placeholder (so
/// nothing is chosen until the person chooses); the stored value is the
/// option's code.
#[component]
pub fn DropdownQuestion(
    /// A `dropdown` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let QuestionKind::Dropdown {
        options,
        placeholder,
    } = question.kind.clone()
    else {
        unreachable!("DropdownQuestion takes dropdown questions")
    };
    let qid = question.id.clone();
    let input_id = ids::input(&qid);
    // Text only: an <option> holds no elements.
    let first = match placeholder {
        Some(p) => words(move || ctx.tr(&p)),
        None => say(ctx, Msg::Choose),
    };
    let items = options
        .into_iter()
        .map(|o| {
            let qid = qid.clone();
            let value = o.value.clone();
            let selected =
                flag(move || matches!(ctx.answer(&qid), Some(AnswerValue::Text(v)) if v == value));
            let label = o.label.clone();
            let lang = words(move || ctx.text_lang(&label));
            let label = o.label;
            view! { <option value=o.value lang=lang prop:selected=selected>{words(move || ctx.tr(&label))}</option> }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    let on_change = {
        let qid = qid.clone();
        move |ev| {
            let v = event_target_value(&ev);
            ctx.set(&qid, (!v.is_empty()).then_some(AnswerValue::Text(v)));
        }
    };
    let none = {
        let qid = qid.clone();
        flag(move || ctx.answer(&qid).is_none())
    };
    view! {
        <div class=classes(ctx, &question) on:focusout=on_leave(ctx, qid.clone())>
            <label class="suara-question__label" for=input_id.clone()>{label_content(ctx, &question)}</label>
            {help_and_error(ctx, &question)}
            <select
                id=input_id
                class="suara-select suara-select--question"
                aria-describedby=described_by(ctx, &question, &[])
                aria-invalid=invalid(ctx, qid.clone())
                on:change=on_change
            >
                <option value="" prop:selected=none>{first}</option>
                {items}
            </select>
        </div>
    }
}
