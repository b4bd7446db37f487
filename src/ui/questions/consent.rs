//! Consent: a statement and a box to tick.

use leptos::prelude::*;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::{classes, described_by, help_and_error, invalid, label_content, on_leave};
use crate::ui::{flag, ids, show, FormCtx};

/// The consent statement, then a checkbox labelled with the question's label
/// and described by the statement.
#[component]
pub fn ConsentQuestion(
    /// A `consent` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let QuestionKind::Consent { text } = question.kind.clone() else {
        unreachable!("ConsentQuestion takes consent questions")
    };
    let qid = question.id.clone();
    let input_id = ids::input(&qid);
    let text_id = format!("{input_id}-text");
    let extra: Vec<String> = text.as_ref().map(|_| text_id.clone()).into_iter().collect();
    let statement = text
        .map(|t| view! { <p class="suara-consent__text" id=text_id>{show(ctx, t)}</p> }.into_any());
    let checked = {
        let qid = qid.clone();
        flag(move || matches!(ctx.answer(&qid), Some(AnswerValue::Bool(true))))
    };
    let on_change = {
        let qid = qid.clone();
        move |ev| ctx.set(&qid, Some(AnswerValue::Bool(event_target_checked(&ev))))
    };
    view! {
        <div class=classes(ctx, &question) on:focusout=on_leave(ctx, qid.clone())>
            {statement}
            <div class="suara-consent">
                <input
                    type="checkbox"
                    id=input_id.clone()
                    class="suara-consent__box"
                    aria-describedby=described_by(ctx, &question, &extra)
                    aria-invalid=invalid(ctx, qid.clone())
                    prop:checked=checked
                    on:change=on_change
                />
                <label class="suara-question__label" for=input_id>{label_content(ctx, &question)}</label>
            </div>
            {help_and_error(ctx, &question)}
        </div>
    }
}
