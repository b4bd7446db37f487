//! Short and long text answers.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::{classes, described_by, help_and_error, invalid, label_content, on_leave};
use crate::ui::{ids, words, FormCtx};

/// A labelled text input (`short_text`) or text area (`long_text`), with a
/// count of characters left once the limit is near.
///
/// There is no `maxlength` attribute on purpose: it would silently cut a
/// pasted answer. A too-long answer is kept and reported instead.
#[component]
pub fn TextQuestion(
    /// A `short_text` or `long_text` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let (long, max) = match question.kind {
        QuestionKind::LongText { max_length } => (true, max_length),
        QuestionKind::ShortText { max_length } => (false, max_length),
        _ => unreachable!("TextQuestion takes text questions"),
    };
    let qid = question.id.clone();
    let input_id = ids::input(&qid);
    let count_id = format!("{input_id}-count");
    let value = {
        let qid = qid.clone();
        move || match ctx.answer(&qid) {
            Some(AnswerValue::Text(t)) => t,
            _ => String::new(),
        }
    };
    let count = {
        let value = value.clone();
        words(move || {
            let len = value().trim().chars().count() as i64;
            // Shown from 80% of the limit, so it informs without nagging.
            if len * 5 >= i64::from(max) * 4 {
                ctx.msg(&Msg::CharactersLeft(i64::from(max) - len))
            } else {
                String::new()
            }
        })
    };
    let value = words(value);
    let on_input = {
        let qid = qid.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            ctx.set(&qid, (!v.is_empty()).then_some(AnswerValue::Text(v)));
        }
    };
    let invalid = invalid(ctx, qid.clone());
    let describedby = described_by(ctx, &question, std::slice::from_ref(&count_id));
    let field = if long {
        view! {
            <textarea
                id=input_id.clone()
                class="suara-input suara-input--long"
                rows="4"
                aria-describedby=describedby
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                id=input_id.clone()
                class="suara-input"
                aria-describedby=describedby
                aria-invalid=invalid
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class=classes(ctx, &question) on:focusout=on_leave(ctx, qid.clone())>
            <label class="suara-question__label" for=input_id>{label_content(ctx, &question)}</label>
            {help_and_error(ctx, &question)}
            {field}
            <p class="suara-question__count" id=count_id aria-live="polite">{count}</p>
        </div>
    }
}
